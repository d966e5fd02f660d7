package org.renda.supervision;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.renda.supervision.SupervisionEnums.ActivityKind;

/**
 * The yearly rhythm of a supervised subject as data: slots, each a kind of activity in given months on a day of the
 * month, moved to the first working day on or after it (the last working day before, if the month has none
 * after). The preset {@link #FIVE_ONES} is seed 004's 五个一 ("一月一通报、一季一督查、半年一报告、一年一审议"; the
 * fifth, 一事一小组, is the subject's group), which is also seed 003's "月月有调研视察、季季有询问约见、半年有专题报告、
 * 年终有工作评议".
 */
public record RhythmTemplate(String code, List<Slot> slots) {

    /**
     * One slot: its code (unique in the template, with the month: {@code BRIEFING-03}), the activity's kind, the
     * months it falls in, the day of the month it is planned from, and the title (with {@code %d} for the
     * month, quarter or half, counted from 1).
     */
    public record Slot(String code, ActivityKind kind, List<Integer> months, int dayOfMonth, String title,
            Counter counter) {}

    /** What the {@code %d} of a slot's title counts. */
    public enum Counter {
        MONTH, QUARTER, HALF, NONE
    }

    /** A slot placed on a date of a year. */
    public record Planned(String slot, ActivityKind kind, LocalDate on, String title) {}

    public static final RhythmTemplate FIVE_ONES = new RhythmTemplate("FIVE_ONES", List.of(
            new Slot("BRIEFING", ActivityKind.BRIEFING, List.of(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12), 5,
                    "%d月项目进展通报", Counter.MONTH),
            new Slot("INSPECTION", ActivityKind.INSPECTION, List.of(3, 6, 9, 12), 15, "第%d季度现场督查",
                    Counter.QUARTER),
            new Slot("REPORT", ActivityKind.WORK_REPORT, List.of(6, 12), 20, "%s半年听取项目进展报告", Counter.HALF),
            new Slot("REVIEW", ActivityKind.YEAR_END_REVIEW, List.of(12), 25, "年终审议与满意度测评",
                    Counter.NONE)));

    /** The presets by code. */
    public static final Map<String, RhythmTemplate> PRESETS = Map.of(FIVE_ONES.code(), FIVE_ONES);

    /** Every slot of the year on its working day, in date order; {@code workingDay} is the congress's calendar. */
    public List<Planned> plan(int year, Predicate<LocalDate> workingDay) {
        List<Planned> out = new ArrayList<>();
        for (Slot s : slots) {
            for (int month : s.months()) {
                LocalDate on = placed(YearMonth.of(year, month), s.dayOfMonth(), workingDay);
                String title = switch (s.counter()) {
                    case MONTH -> s.title().formatted(month);
                    case QUARTER -> s.title().formatted((month + 2) / 3);
                    case HALF -> s.title().formatted(month <= 6 ? "上" : "下");
                    case NONE -> s.title();
                };
                out.add(new Planned("%s-%02d".formatted(s.code(), month), s.kind(), on, title));
            }
        }
        out.sort(Comparator.comparing(Planned::on).thenComparing(Planned::slot));
        return out;
    }

    /** The first working day on or after the day of the month, else the last one before it, in the month. */
    static LocalDate placed(YearMonth month, int dayOfMonth, Predicate<LocalDate> workingDay) {
        LocalDate from = month.atDay(Math.min(dayOfMonth, month.lengthOfMonth()));
        for (LocalDate d = from; !d.isAfter(month.atEndOfMonth()); d = d.plusDays(1)) {
            if (workingDay.test(d)) {
                return d;
            }
        }
        for (LocalDate d = from.minusDays(1); !d.isBefore(month.atDay(1)); d = d.minusDays(1)) {
            if (workingDay.test(d)) {
                return d;
            }
        }
        return from; // a month without a working day does not exist; keep the nominal day
    }
}
