package org.renda.calendar;

import java.time.LocalDate;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.renda.shared.CacheSignals;
import org.springframework.stereotype.Service;

/**
 * Which days are worked, and deadline arithmetic over them. The methods on this class use the national
 * calendar (Monday to Friday, less the State Council's holidays, plus its make-up working days 调休上班);
 * {@link #of(long)} gives an organisation's calendar, which adds the days its ancestors and itself list
 * (the nearest organisation's entry for a date wins, then the national one).
 *
 * <p>Each year is read from the database once and kept in memory as a bit set; an edit drops the cache
 * when its transaction ends. Counting a deadline is then pure arithmetic, without a query. The other
 * application instances drop theirs within seconds ({@link CacheSignals}, polled by the cluster module; see
 * docs/cluster.md).
 *
 * <p>Rules, stated once for every caller: {@link #plusWorkingDays} does not count the start day;
 * {@link #plusMonths} adds calendar months (clamped to the end of a shorter month) and, when the result
 * is not a working day, moves to the next working day.
 */
@Service
public class WorkingCalendar {

    /** The scope id of the national calendar and the national deadline defaults. */
    public static final long NATIONAL = 0;

    private final CalendarStore store;
    private final Lineages lineages;
    private final Map<Integer, YearTable> years = new ConcurrentHashMap<>();
    /** Bumped by every invalidation, so a year read before an edit committed is not cached after it. */
    private final AtomicLong generation = new AtomicLong();
    private final WorkingDays national;

    /** The name of the days' cache among the instances' {@link CacheSignals}. */
    static final String CACHE = "calendar.days";

    private final CacheSignals signals;

    WorkingCalendar(CalendarStore store, Lineages lineages, CacheSignals signals) {
        this.store = store;
        this.lineages = lineages;
        this.signals = signals;
        this.national = new WorkingDays(year -> table(year).national());
        signals.onChange(CACHE, this::drop);
    }

    /** The national calendar. */
    public WorkingDays national() {
        return national;
    }

    /** The calendar that applies to an organisation: national, plus the days its lineage lists. */
    public WorkingDays of(long orgId) {
        if (orgId == NATIONAL) {
            return national;
        }
        return new WorkingDays(year -> bitsFor(orgId, year));
    }

    /** True unless the date is a weekend day or a holiday, or true anyway when it is a make-up working day. */
    public boolean isWorkingDay(LocalDate date) {
        return national.isWorkingDay(date);
    }

    /** The date itself when it is a working day, else the first working day after it. */
    public LocalDate nextWorkingDay(LocalDate date) {
        return national.nextWorkingDay(date);
    }

    /**
     * For {@code n > 0} the n-th working day after {@code date}, counting only working days and not the
     * start day: from Friday 13 February 2026, 1 working day is Saturday 14 February (a make-up day) and
     * 2 are Tuesday 24 February, after the Spring Festival. Negative {@code n} counts backwards.
     */
    public LocalDate plusWorkingDays(LocalDate date, int n) {
        return national.plusWorkingDays(date, n);
    }

    /** Working days after {@code from} up to and including {@code to}; negative when {@code to} is earlier. */
    public int workingDaysBetween(LocalDate from, LocalDate to) {
        return national.workingDaysBetween(from, to);
    }

    /**
     * "Within n months": n calendar months later (31 January + 1 month is the last day of February), and
     * when that day is not a working day, the next working day. Three months from 31 July 2026 is
     * Saturday 31 October 2026, so the deadline is Monday 2 November 2026.
     */
    public LocalDate plusMonths(LocalDate date, int months) {
        return national.plusMonths(date, months);
    }

    /** Whether the national holidays of a year have been entered (else the year counts plain Monday to Friday). */
    public boolean hasNationalDays(int year) {
        return table(year).nationalKnown();
    }

    /** Forgets every cached year, here when the edit's transaction ends and on the other instances within seconds. */
    void invalidate() {
        AfterCommit.invalidate(this::drop);
        signals.changed(CACHE);
    }

    private void drop() {
        synchronized (years) {
            generation.incrementAndGet();
            years.clear();
        }
    }

    private BitSet bitsFor(long orgId, int year) {
        YearTable table = table(year);
        if (table.local().isEmpty()) {
            return table.national();
        }
        return table.resolved().computeIfAbsent(orgId, id -> {
            Map<LocalDate, DayKind> days = new HashMap<>(table.nationalDays());
            for (long ancestor : lineages.of(id)) { // root first: a nearer organisation's entry wins
                days.putAll(table.local().getOrDefault(ancestor, Map.of()));
            }
            return WorkingDays.bits(year, days);
        });
    }

    private YearTable table(int year) {
        YearTable cached = years.get(year);
        if (cached != null) {
            return cached;
        }
        if (year < 1949 || year > 2200) {
            throw new org.renda.shared.DomainException("calendar.error.yearOutOfRange", year);
        }
        long seen = generation.get();
        YearTable loaded = load(year);
        synchronized (years) {
            if (generation.get() != seen) {
                return loaded; // an edit ended while reading: use these rows once, cache the next read
            }
            YearTable raced = years.putIfAbsent(year, loaded);
            return raced != null ? raced : loaded;
        }
    }

    private YearTable load(int year) {
        List<CalendarDay> rows = store.inYear(year);
        Map<LocalDate, DayKind> nationalDays = new HashMap<>();
        Map<Long, Map<LocalDate, DayKind>> local = new HashMap<>();
        for (CalendarDay d : rows) {
            if (d.national()) {
                nationalDays.put(d.date(), d.kind());
            } else {
                local.computeIfAbsent(d.orgId(), k -> new HashMap<>()).put(d.date(), d.kind());
            }
        }
        return new YearTable(WorkingDays.bits(year, nationalDays), Map.copyOf(nationalDays), Map.copyOf(local),
                new ConcurrentHashMap<>(), !nationalDays.isEmpty());
    }

    /** One year in memory: the national bits, each organisation's own days, and resolved bits per organisation. */
    private record YearTable(BitSet national, Map<LocalDate, DayKind> nationalDays,
            Map<Long, Map<LocalDate, DayKind>> local, Map<Long, BitSet> resolved, boolean nationalKnown) {}
}
