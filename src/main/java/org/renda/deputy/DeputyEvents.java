package org.renda.deputy;

import java.time.LocalDate;

/** Events the deputy module publishes; ids and facts only. */
public final class DeputyEvents {
    private DeputyEvents() {}

    public record DeputyRegistered(long deputyId, long orgId) {}

    public record DutyRecordVerified(long recordId, long deputyId, long orgId, DutyType type, LocalDate occurredOn) {}

    public record NameplateWithdrawn(long deputyId, long orgId, String reason) {}
}
