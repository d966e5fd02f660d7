package org.renda.assessment.engine;

/** How an indicator earns its points. */
public enum Method {
    /** Entered by evaluators on scoring sheets (0 to the maximum); several sheets are averaged. */
    ENTERED,
    /** Counted from records of another module: base + points per occurrence, capped. */
    COUNTED,
    /** Taken from a satisfaction vote: the maximum times the satisfaction rate (0 to 1). */
    VOTE,
    /** Bonus items (增量创新分) with evidence, on top of the base; summed and capped at the maximum. */
    BONUS;

    public String messageKey() {
        return "assessment.method." + name();
    }
}
