package org.renda.deputy;

/** Where a yearly commitment (实事承诺) stands. */
public enum CommitmentStatus {
    PROMISED,
    IN_PROGRESS,
    DONE,
    NOT_DONE;

    public String messageKey() {
        return "commitment.status." + name();
    }
}
