package org.renda.notification;

/** Where a notification is delivered. */
public enum Channel {
    /** The user's inbox in Renda (the bell in the menu bar). */
    IN_APP,
    /** The e-mail address on file for the user, through the configured SMTP server. */
    EMAIL
}
