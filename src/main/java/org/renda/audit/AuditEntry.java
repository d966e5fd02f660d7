package org.renda.audit;

import java.time.Instant;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/** One link of the audit chain as read back. */
public record AuditEntry(long seq, Instant occurredAt, String actor, long orgId, String entityType, String entityId,
        String action, @Nullable String before, @Nullable String after, String prevHash, String hash,
        @Nullable String recordName) {

    private static final Pattern NAME = Pattern.compile(
            "\"(?:name|displayName|title)\":\"((?:[^\"\\\\]|\\\\.)*)\"");

    /**
     * The record's name for lists: as this entry's snapshot carries it ("name", "displayName" or "title"), else
     * as an earlier entry of the same record did ({@link AuditTrail} looks it up for a page); null if none.
     */
    public @Nullable String subjectName() {
        String own = nameIn(after != null ? after : before);
        return own != null ? own : recordName;
    }

    AuditEntry named(@Nullable String name) {
        return new AuditEntry(seq, occurredAt, actor, orgId, entityType, entityId, action, before, after, prevHash,
                hash, name);
    }

    static @Nullable String nameIn(@Nullable String state) {
        if (state == null) {
            return null;
        }
        Matcher m = NAME.matcher(state);
        return m.find() ? m.group(1) : null;
    }
}
