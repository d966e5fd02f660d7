package org.renda.shared;

/**
 * A failure the user can understand and act on. It carries a message key (resolved in the user's
 * language by the web and API error handlers) and its arguments; never a stack trace to the user.
 */
public class DomainException extends RuntimeException {

    private final String messageKey;
    private final transient Object[] args;
    private final @org.jspecify.annotations.Nullable String field;

    public DomainException(String messageKey, Object... args) {
        this(null, messageKey, args);
    }

    private DomainException(@org.jspecify.annotations.Nullable String field, String messageKey, Object[] args) {
        super(messageKey);
        this.field = field;
        this.messageKey = messageKey;
        this.args = args;
    }

    /** A refusal about one field of a form (e.g. "this code is taken"): a page shows it beside that field. */
    public static DomainException onField(String field, String messageKey, Object... args) {
        return new DomainException(field, messageKey, args);
    }

    /** The form field this refusal is about, if any. */
    public @org.jspecify.annotations.Nullable String field() {
        return field;
    }

    public String messageKey() {
        return messageKey;
    }

    public Object[] args() {
        return args.clone();
    }
}
