package org.renda.shared;

/** The record does not exist, or lies outside the actor's reach (the two are deliberately the same). */
public class NotFoundException extends DomainException {
    public NotFoundException(String messageKey, Object... args) {
        super(messageKey, args);
    }
}
