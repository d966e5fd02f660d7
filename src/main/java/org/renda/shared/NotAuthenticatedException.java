package org.renda.shared;

/** Work that needs a signed-in user was attempted without one. */
public class NotAuthenticatedException extends DomainException {
    public NotAuthenticatedException() {
        super("error.notAuthenticated");
    }
}
