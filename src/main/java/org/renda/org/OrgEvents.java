package org.renda.org;

/** Events the organisation module publishes; past tense, ids only. */
public final class OrgEvents {
    private OrgEvents() {}

    public record OrganisationCreated(long orgId, long parentId) {}

    public record OrganisationMoved(long orgId, long fromParentId, long toParentId) {}

    public record OrganisationDeactivated(long orgId) {}
}
