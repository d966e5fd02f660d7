package org.renda.audit;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** One link of the audit chain as read back. */
public record AuditEntry(long seq, Instant occurredAt, String actor, long orgId, String entityType, String entityId,
        String action, @Nullable String before, @Nullable String after, String prevHash, String hash) {}
