package org.renda.station;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.YearMonth;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.renda.shared.DomainException;
import org.renda.station.StationEnums.HolidayPolicy;
import org.renda.station.StationEnums.RuleKind;

/**
 * A station's reception-day rule (e.g. "the 5th of every month", "every Wednesday", "the first Monday of odd
 * months"), the time and place, how many deputies receive, what a non-working day does to a date, and how many
 * days ahead deputies are told.
 *
 * @param months twelve characters, '1' for a month the rule runs in, January first ({@code 101010101010} is odd months)
 * @param weekOfMonth 1 to 4, or -1 for the last such weekday of the month (MONTHLY_WEEKDAY only)
 * @param weekDay 1 (Monday) to 7 (Sunday)
 */
public record ReceptionRule(@NotNull RuleKind kind, @Nullable @Min(1) @Max(31) Integer dayOfMonth,
        @Nullable @Min(1) @Max(7) Integer weekDay, @Nullable @Min(-1) @Max(4) Integer weekOfMonth,
        @NotNull @Pattern(regexp = "[01]{12}") String months, @NotNull LocalTime startsAt, @NotNull LocalTime endsAt,
        @NotBlank @Size(max = 200) String place, @Min(1) @Max(20) int deputiesPerDay, @NotNull HolidayPolicy holidayPolicy,
        @Min(0) @Max(60) int noticeDays) {

    public static final String EVERY_MONTH = "111111111111";
    public static final String ODD_MONTHS = "101010101010";
    public static final String EVEN_MONTHS = "010101010101";

    /** The rule of seed 004: the 5th of every month, a week's notice. */
    public static ReceptionRule monthly(int day, String place, int deputiesPerDay) {
        return new ReceptionRule(RuleKind.MONTHLY_DAY, day, null, null, EVERY_MONTH, LocalTime.of(9, 0),
                LocalTime.of(11, 30), place, deputiesPerDay, HolidayPolicy.NEXT_WORKING_DAY, 7);
    }

    /** Checks what bean validation cannot: the fields the kind needs, and the hours. */
    public ReceptionRule checked() {
        switch (kind) {
            case MONTHLY_DAY -> require(dayOfMonth != null, "station.rule.error.dayOfMonth");
            case WEEKLY -> require(weekDay != null, "station.rule.error.weekDay");
            case MONTHLY_WEEKDAY -> require(weekDay != null && weekOfMonth != null && weekOfMonth != 0,
                    "station.rule.error.weekOfMonth");
        }
        require(months.matches("[01]{12}") && months.contains("1"), "station.rule.error.months");
        require(endsAt.isAfter(startsAt), "station.rule.error.hours");
        return this;
    }

    public boolean runsIn(int month) {
        return months.charAt(month - 1) == '1';
    }

    /** The dates the rule names in a year, before the calendar has its say. */
    public List<LocalDate> ruleDates(int year) {
        List<LocalDate> out = new ArrayList<>();
        for (int m = 1; m <= 12; m++) {
            if (!runsIn(m)) {
                continue;
            }
            YearMonth ym = YearMonth.of(year, m);
            switch (kind) {
                case MONTHLY_DAY -> out.add(ym.atDay(Math.min(day(), ym.lengthOfMonth())));
                case MONTHLY_WEEKDAY -> {
                    DayOfWeek dow = DayOfWeek.of(weekday());
                    LocalDate first = ym.atDay(1);
                    out.add(week() == -1 ? ym.atEndOfMonth().with(TemporalAdjusters.previousOrSame(dow))
                            : first.with(TemporalAdjusters.dayOfWeekInMonth(week(), dow)));
                }
                case WEEKLY -> {
                    DayOfWeek dow = DayOfWeek.of(weekday());
                    for (LocalDate d = ym.atDay(1).with(TemporalAdjusters.nextOrSame(dow));
                            d.getMonthValue() == m; d = d.plusWeeks(1)) {
                        out.add(d);
                    }
                }
            }
        }
        return out;
    }

    private int day() {
        return dayOfMonth == null ? 1 : dayOfMonth;
    }

    private int weekday() {
        return weekDay == null ? 1 : weekDay;
    }

    private int week() {
        return weekOfMonth == null ? 1 : weekOfMonth;
    }

    private static void require(boolean ok, String key) {
        if (!ok) {
            throw new DomainException(key);
        }
    }
}
