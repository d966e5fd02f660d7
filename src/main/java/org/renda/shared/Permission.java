package org.renda.shared;

/** What a role allows on the organisation subtree it is granted on. */
public enum Permission {
    ORG_READ,
    ORG_WRITE,
    USER_READ,
    USER_WRITE,
    AUDIT_READ,
    AUDIT_VERIFY,
    /** Read the register of deputies and their archives. */
    DEPUTY_READ,
    /** Keep the register: deputies, seats, status changes, nameplates, grids; record duties for deputies. */
    DEPUTY_WRITE,
    /** Verify or reject the duty records deputies submit. */
    DUTY_VERIFY,
    /** Keep the working-day calendar (holidays, make-up working days) and the deadline rules of an organisation. */
    CALENDAR_WRITE
}
