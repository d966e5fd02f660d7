package org.renda.deputy;

import java.util.EnumSet;
import java.util.Set;

/** Where a seat stands. A seat in office may end; an ended seat does not come back. */
public enum MandateStatus {
    ELECTED("当选", true),
    BY_ELECTED("补选", true),
    RESIGNED("辞职", false),
    REMOVED("罢免", false),
    TERMINATED("终止资格", false),
    TERM_ENDED("届满", false);

    private final String label;
    private final boolean inOffice;

    MandateStatus(String label, boolean inOffice) {
        this.label = label;
        this.inOffice = inOffice;
    }

    public String label() {
        return label;
    }

    public boolean inOffice() {
        return inOffice;
    }

    public String messageKey() {
        return "deputy.status." + name();
    }

    /** The statuses a seat may move to from this one. */
    public Set<MandateStatus> next() {
        return inOffice ? EnumSet.of(RESIGNED, REMOVED, TERMINATED, TERM_ENDED) : EnumSet.noneOf(MandateStatus.class);
    }

    public static java.util.Optional<MandateStatus> parse(String text) {
        String t = text.strip();
        for (MandateStatus s : values()) {
            if (s.name().equalsIgnoreCase(t) || s.label.equals(t)) {
                return java.util.Optional.of(s);
            }
        }
        return java.util.Optional.empty();
    }
}
