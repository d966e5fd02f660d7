package org.renda.calendar;

import java.util.Optional;

/** How a listed day differs from the Monday-to-Friday rule. */
public enum DayKind {
    /** A day off, whatever the weekday (放假). */
    HOLIDAY("放假"),
    /** A day worked, whatever the weekday: usually a Saturday or Sunday worked in exchange (调休上班). */
    WORKDAY("调休上班");

    private final String label;

    DayKind(String label) {
        this.label = label;
    }

    /** The Chinese word used in import files and exports. */
    public String label() {
        return label;
    }

    public String messageKey() {
        return "calendar.kind." + name();
    }

    /** Reads the words people write in a sheet: 放假/休息, 调休上班/上班/补班, or the enum name. */
    public static Optional<DayKind> parse(String text) {
        String t = text.strip();
        return switch (t) {
            case "放假", "休息", "休假", "假日", "HOLIDAY", "holiday" -> Optional.of(HOLIDAY);
            case "调休上班", "上班", "补班", "调休", "工作日", "WORKDAY", "workday" -> Optional.of(WORKDAY);
            default -> Optional.empty();
        };
    }
}
