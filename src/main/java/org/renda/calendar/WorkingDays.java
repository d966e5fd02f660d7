package org.renda.calendar;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Year;
import java.util.BitSet;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.IntFunction;
import org.renda.shared.DomainException;

/**
 * The working days of one place: Monday to Friday, less its holidays, plus its make-up working days
 * (调休上班). Obtained from {@link WorkingCalendar}; each year is one bit set in memory, so the
 * arithmetic below never touches the database once a year is loaded.
 *
 * <p>A year without any listed day (the State Council announces the next year's holidays each November)
 * counts plain Monday to Friday; {@link WorkingCalendar#hasNationalDays(int)} tells whether it was entered.
 */
public final class WorkingDays {

    /** More working days than any deadline counts; stops a bad argument from looping for years. */
    static final int MAX_STEPS = 10_000;

    /** For each year, bit (day of year - 1) is set when that day is worked. Never mutated once published. */
    private final IntFunction<BitSet> years;

    WorkingDays(IntFunction<BitSet> years) {
        this.years = years;
    }

    /** The Monday-to-Friday rule with these listed days; for tests and previews. */
    static WorkingDays of(Map<LocalDate, DayKind> days) {
        Map<Integer, BitSet> cache = new ConcurrentHashMap<>();
        return new WorkingDays(y -> cache.computeIfAbsent(y, year -> bits(year, days)));
    }

    /** One year's working days: Monday to Friday, then every listed day of that year applied. */
    static BitSet bits(int year, Map<LocalDate, DayKind> days) {
        BitSet bits = weekdays(year);
        days.forEach((date, kind) -> {
            if (date.getYear() == year) {
                bits.set(date.getDayOfYear() - 1, kind == DayKind.WORKDAY);
            }
        });
        return bits;
    }

    static BitSet weekdays(int year) {
        int length = Year.of(year).length();
        BitSet bits = new BitSet(length);
        LocalDate d = LocalDate.of(year, 1, 1);
        for (int i = 0; i < length; i++, d = d.plusDays(1)) {
            if (d.getDayOfWeek() != DayOfWeek.SATURDAY && d.getDayOfWeek() != DayOfWeek.SUNDAY) {
                bits.set(i);
            }
        }
        return bits;
    }

    public boolean isWorkingDay(LocalDate date) {
        return years.apply(date.getYear()).get(date.getDayOfYear() - 1);
    }

    /** The day itself when it is worked, else the first working day after it. */
    public LocalDate nextWorkingDay(LocalDate date) {
        return isWorkingDay(date) ? date : plusWorkingDays(date, 1);
    }

    /**
     * Moves {@code n} working days: for {@code n > 0} the n-th working day after {@code date} (the day
     * itself is not counted, so from a Friday before a make-up Saturday, 1 is that Saturday); for
     * {@code n < 0} the n-th working day before it; for 0 the day itself.
     */
    public LocalDate plusWorkingDays(LocalDate date, int n) {
        if (Math.abs(n) > MAX_STEPS) {
            throw new DomainException("calendar.error.tooFar", n);
        }
        LocalDate d = date;
        int left = Math.abs(n);
        while (left > 0) {
            d = n > 0 ? nextSetAfter(d) : previousSetBefore(d);
            left--;
        }
        return d;
    }

    /**
     * The working days after {@code from} up to and including {@code to}; negative when {@code to} lies
     * before {@code from}. So {@code plusWorkingDays(a, workingDaysBetween(a, b)) == b} for a working day b.
     */
    public int workingDaysBetween(LocalDate from, LocalDate to) {
        if (to.isBefore(from)) {
            return -workingDaysBetween(to, from);
        }
        int count = 0;
        for (int y = from.getYear(); y <= to.getYear(); y++) {
            BitSet bits = years.apply(y);
            int start = y == from.getYear() ? from.getDayOfYear() : 0; // the day after "from" (0-based index)
            int end = y == to.getYear() ? to.getDayOfYear() : Year.of(y).length(); // exclusive, so "to" counts
            if (start < end) {
                count += bits.get(start, end).cardinality();
            }
        }
        return count;
    }

    /**
     * A deadline "within n months": the same day of the month n calendar months later (the last day of
     * a shorter month: 31 January + 1 month is 28 or 29 February); when that day is not worked, the
     * next working day. So three months from 31 July 2026 is Saturday 31 October, due Monday 2 November.
     */
    public LocalDate plusMonths(LocalDate date, int months) {
        return nextWorkingDay(date.plusMonths(months));
    }

    /**
     * A deadline "within n days": n calendar days later; when that day is not worked, the next working
     * day (a period ending on a holiday ends on the first working day after it).
     */
    public LocalDate plusDays(LocalDate date, int days) {
        return nextWorkingDay(date.plusDays(days));
    }

    private LocalDate nextSetAfter(LocalDate d) {
        int year = d.getYear();
        int from = d.getDayOfYear(); // index of the next day
        for (int guard = 0; guard < 50; guard++) {
            int i = years.apply(year).nextSetBit(from);
            if (i >= 0 && i < Year.of(year).length()) {
                return LocalDate.ofYearDay(year, i + 1);
            }
            year++;
            from = 0;
        }
        throw new DomainException("calendar.error.noWorkingDay");
    }

    private LocalDate previousSetBefore(LocalDate d) {
        int year = d.getYear();
        int from = d.getDayOfYear() - 2; // index of the day before
        for (int guard = 0; guard < 50; guard++) {
            int i = from < 0 ? -1 : years.apply(year).previousSetBit(from);
            if (i >= 0) {
                return LocalDate.ofYearDay(year, i + 1);
            }
            year--;
            from = Year.of(year).length() - 1;
        }
        throw new DomainException("calendar.error.noWorkingDay");
    }
}
