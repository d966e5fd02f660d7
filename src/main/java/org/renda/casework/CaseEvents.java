package org.renda.casework;

/** Events the casework module publishes. */
public final class CaseEvents {
    private CaseEvents() {}

    public record CaseReceived(long caseId, long orgId, CaseEnums.Source source) {}

    public record CaseAssigned(long caseId, long orgId, long leadUnitOrgId, java.time.LocalDate dueOn) {}

    public record CaseClosed(long caseId, long orgId, boolean satisfied) {}
}
