package org.renda.station;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;
import org.renda.station.StationEnums.HolidayPolicy;

/**
 * Turns a reception rule into a year's dates on the working-day calendar, and spreads a station's deputies
 * over them fairly. Pure: no database, no clock.
 *
 * <p>Fairness: every date gets {@code perDay} different deputies (or all of them if fewer). The first place of
 * each day goes to a deputy of the station's own congress when it has any (a reception day is the town deputies'
 * duty; county and city deputies join them); the other places go to whoever has received least, and among equals
 * to whoever received longest ago, so turns are spaced out. Hence the numbers of days differ by at most one
 * among the local deputies and among the others; and across all of them too, as long as the local deputies are
 * not fewer than the days' first places need (the usual case: 43 town deputies and a dozen county ones).
 */
final class RosterPlanner {

    private RosterPlanner() {}

    /** A date of the roster: the rule's date and the day it is held, with why it moved. */
    record PlannedDate(LocalDate ruleDate, LocalDate heldOn, @Nullable String movedReason) {}

    /** A deputy who can be put on the roster; {@code local} marks the town congress's own deputies. */
    record Candidate(long deputyId, boolean local) {}

    /** The rule's dates in a year after the holiday policy, in order, without duplicates, inside the year. */
    static List<PlannedDate> dates(ReceptionRule rule, int year, Predicate<LocalDate> isWorkingDay) {
        Map<LocalDate, PlannedDate> out = new java.util.TreeMap<>();
        for (LocalDate date : rule.ruleDates(year)) {
            LocalDate held = date;
            String reason = null;
            if (!isWorkingDay.test(date) && rule.holidayPolicy() != HolidayPolicy.KEEP) {
                if (rule.holidayPolicy() == HolidayPolicy.SKIP) {
                    continue;
                }
                int step = rule.holidayPolicy() == HolidayPolicy.NEXT_WORKING_DAY ? 1 : -1;
                held = date;
                for (int i = 0; i < 30 && !isWorkingDay.test(held); i++) {
                    held = held.plusDays(step);
                }
                reason = "station.moved." + rule.holidayPolicy().name();
            }
            if (held.getYear() == year) {
                out.putIfAbsent(held, new PlannedDate(date, held, reason));
            }
        }
        return new ArrayList<>(out.values());
    }

    /**
     * Assigns deputies to dates.
     *
     * @param prior days already served this year by each deputy (kept days of an earlier roster), counted in
     */
    static Map<LocalDate, List<Long>> assign(List<LocalDate> dates, List<Candidate> candidates, int perDay,
            Map<Long, Integer> prior) {
        Map<LocalDate, List<Long>> roster = new java.util.TreeMap<>();
        if (candidates.isEmpty()) {
            dates.forEach(d -> roster.put(d, List.of()));
            return roster;
        }
        Map<Long, Integer> count = new HashMap<>();
        Map<Long, Integer> last = new HashMap<>();
        Map<Long, Integer> order = new HashMap<>();
        for (int i = 0; i < candidates.size(); i++) {
            long id = candidates.get(i).deputyId();
            count.put(id, prior.getOrDefault(id, 0));
            last.put(id, -1);
            order.put(id, i);
        }
        Comparator<Candidate> fairest = Comparator.<Candidate>comparingInt(c -> count.get(c.deputyId()))
                .thenComparingInt(c -> last.get(c.deputyId()))
                .thenComparingInt(c -> order.get(c.deputyId()));
        int seats = Math.min(perDay, candidates.size());
        int index = 0;
        for (LocalDate date : dates) {
            Set<Long> chosen = new LinkedHashSet<>();
            candidates.stream().filter(Candidate::local).min(fairest).ifPresent(c -> chosen.add(c.deputyId()));
            while (chosen.size() < seats) {
                candidates.stream().filter(c -> !chosen.contains(c.deputyId())).min(fairest)
                        .ifPresent(c -> chosen.add(c.deputyId()));
            }
            for (long id : chosen) {
                count.merge(id, 1, Integer::sum);
                last.put(id, index);
            }
            roster.put(date, List.copyOf(chosen));
            index++;
        }
        return roster;
    }
}
