package org.renda.notification;

/** Where a notification stands. */
public enum NotificationStatus {
    /** An e-mail waiting for (another) attempt. */
    PENDING,
    /** An e-mail accepted by the SMTP server, or an inbox item not read yet. */
    SENT,
    /** An e-mail given up on: no address, a malformed one, or the last attempt failed. */
    FAILED,
    /** An inbox item the recipient has read. */
    READ
}
