package org.renda.audit;

import java.time.Instant;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/** One link of the audit chain as read back. */
public record AuditEntry(long seq, Instant occurredAt, String actor, long orgId, String entityType, String entityId,
        String action, @Nullable String before, @Nullable String after, String prevHash, String hash) {

    private static final Pattern NAME = Pattern.compile("\"(?:name|displayName)\":\"((?:[^\"\\\\]|\\\\.)*)\"");

    /** The record's name as its snapshot carries it ("name" or "displayName"), for lists; null if none. */
    public @Nullable String subjectName() {
        String state = after != null ? after : before;
        if (state == null) {
            return null;
        }
        Matcher m = NAME.matcher(state);
        return m.find() ? m.group(1) : null;
    }
}
