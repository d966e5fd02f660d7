package org.renda.audit;

import java.time.LocalDate;
import org.jspecify.annotations.Nullable;
import org.renda.shared.Texts;

/**
 * What the audit log is filtered by; null is "any". {@code who} is part of a login or a person's name,
 * {@code action} and {@code type} are codes of {@link AuditCodes}, the dates are days in the server's zone
 * (Beijing time), both included.
 */
public record AuditQuery(@Nullable String who, @Nullable String action, @Nullable String type, @Nullable String id,
        @Nullable LocalDate from, @Nullable LocalDate to) {

    public static final AuditQuery ALL = new AuditQuery(null, null, null, null, null, null);

    public AuditQuery {
        who = Texts.blankToNull(who);
        action = Texts.blankToNull(action);
        type = Texts.blankToNull(type);
        id = Texts.blankToNull(id);
    }

    public boolean any() {
        return who != null || action != null || type != null || id != null || from != null || to != null;
    }
}
