package org.renda.shared;

/**
 * A failure the user can understand and act on. It carries a message key (resolved in the user's
 * language by the web and API error handlers) and its arguments; never a stack trace to the user.
 */
public class DomainException extends RuntimeException {

    private final String messageKey;
    private final transient Object[] args;

    public DomainException(String messageKey, Object... args) {
        super(messageKey);
        this.messageKey = messageKey;
        this.args = args;
    }

    public String messageKey() {
        return messageKey;
    }

    public Object[] args() {
        return args.clone();
    }
}
