package org.renda.assessment.engine;

/** The measurements of an assessment year: the first half (June), the whole year (December), the annual assessment. */
public enum PeriodKind {
    H1,
    H2,
    ANNUAL;

    public String messageKey() {
        return "assessment.period.kind." + name();
    }
}
