package org.renda.deputy;

/** A duty record counts only once staff have verified it. */
public enum DutyStatus {
    SUBMITTED,
    VERIFIED,
    REJECTED;

    public String messageKey() {
        return "duty.status." + name();
    }
}
