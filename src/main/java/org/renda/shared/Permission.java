package org.renda.shared;

/** What a role allows on the organisation subtree it is granted on. */
public enum Permission {
    ORG_READ,
    ORG_WRITE,
    USER_READ,
    USER_WRITE,
    AUDIT_READ,
    AUDIT_VERIFY
}
