package org.renda.assessment.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.renda.assessment.engine.Scheme.Area;
import org.renda.assessment.engine.Scheme.Indicator;
import org.renda.assessment.engine.Scheme.Rules;
import org.renda.assessment.engine.Scheme.Source;
import org.renda.assessment.engine.Scheme.Tier;

class ScoringEngineTest {

    private static BigDecimal d(String v) {
        return new BigDecimal(v);
    }

    private static Scheme simple(List<Indicator> indicators, List<Tier> tiers, Rules rules) {
        return new Scheme(d("100"), Weighting.NONE, List.of(new Area("A", "工作", null)),
                List.of(new Source("RD", "人大", null), new Source("DEPT", "部门", null)), indicators, tiers, rules);
    }

    private static Rules rules(int vetoTopPlaces, String... tieSources) {
        return new Rules(List.of(tieSources), vetoTopPlaces, Map.of(), 7);
    }

    private static List<Subject> subjects(int n) {
        List<Subject> out = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
            out.add(new Subject(i, 1000 + i, "对象" + (char) ('A' + i - 1)));
        }
        return out;
    }

    private static Score of(List<Score> scores, long id) {
        return scores.stream().filter(s -> s.subjectId() == id).findFirst().orElseThrow();
    }

    @Test
    void aCountedIndicatorGivesBasePlusPointsPerRecordUpToItsCap() {
        // "2 points a reception, at most 10, verified records only": the counts handed in are verified ones
        Scheme scheme = simple(List.of(Indicator.counted("R", "A", "RD", "接待选民", "10", "deputy.duty.RECEPTION",
                "0", "2")), List.of(), rules(0));
        Inputs in = new Inputs(PeriodKind.ANNUAL).counts("deputy.duty.RECEPTION", Map.of(1001L, 3, 1002L, 9));
        List<Score> scores = ScoringEngine.score(scheme, subjects(3), List.of(in), Decisions.none());
        assertThat(of(scores, 1).total()).isEqualByComparingTo("6.00");
        assertThat(of(scores, 2).total()).as("capped").isEqualByComparingTo("10.00");
        assertThat(of(scores, 3).total()).as("no records").isEqualByComparingTo("0.00");
        assertThat(of(scores, 3).missing()).as("a count of zero is a measurement").isEmpty();
    }

    @Test
    void enteredPointsAreTheMeanOfTheSheetsClampedToTheMaximumAndRoundedHalfUp() {
        Scheme scheme = simple(List.of(Indicator.entered("E", "A", "RD", "督办落实", "10")), List.of(), rules(0));
        Inputs in = new Inputs(PeriodKind.ANNUAL).enter(1, "E", d("8")).enter(1, "E", d("9")).enter(1, "E", d("8"))
                .enter(2, "E", d("12"));
        List<Score> scores = ScoringEngine.score(scheme, subjects(3), List.of(in), Decisions.none());
        assertThat(of(scores, 1).total()).isEqualTo(d("8.33")); // 25 / 3 = 8.333…
        assertThat(of(scores, 2).total()).isEqualTo(d("10.00"));
        assertThat(of(scores, 3).missing()).containsExactly("E");
    }

    @Test
    void aVoteGivesTheMaximumTimesTheRateAndHalvesAverageIntoTheYear() {
        Scheme scheme = simple(List.of(Indicator.vote("V", "A", "RD", "满意度", "20", "v", Set.of(PeriodKind.H1,
                PeriodKind.H2)), Indicator.entered("E", "A", "DEPT", "业务", "80")), List.of(), rules(0));
        Inputs june = new Inputs(PeriodKind.H1).rate(1, "V", d("0.80")).enter(1, "E", d("80"));
        Inputs december = new Inputs(PeriodKind.H2).rate(1, "V", d("0.90"));
        Inputs annual = new Inputs(PeriodKind.ANNUAL).rate(1, "V", d("0.10")).enter(1, "E", d("70"));
        Score s = ScoringEngine.score(scheme, subjects(1), List.of(june, december, annual), Decisions.none()).get(0);
        // V only in the halves: (16 + 18) / 2 = 17; E in every period: (80 + 70) / 2 = 75
        assertThat(s.indicators()).containsEntry("V", d("17.00")).containsEntry("E", d("75.00"));
    }

    @Test
    void periodWeightsDecideHowTheHalvesCount() {
        Scheme scheme = new Scheme(d("100"), Weighting.NONE, List.of(new Area("A", "工作", null)),
                List.of(new Source("RD", "人大", null)), List.of(Indicator.entered("E", "A", "RD", "业务", "100")),
                List.of(), new Rules(List.of(), 0, Map.of(PeriodKind.H1, d("1"), PeriodKind.H2, d("3")), 7));
        Score s = ScoringEngine.score(scheme, subjects(1), List.of(new Inputs(PeriodKind.H1).enter(1, "E", d("60")),
                new Inputs(PeriodKind.H2).enter(1, "E", d("80"))), Decisions.none()).get(0);
        assertThat(s.total()).isEqualByComparingTo("75.00");
    }

    @Test
    void areaWeightsScaleTheIndicatorsOfEachAreaToItsShareAndBonusIsNotScaled() {
        Scheme scheme = new Scheme(d("100"), Weighting.AREA,
                List.of(new Area("A", "监督工作", d("60")), new Area("B", "代表工作", d("40"))),
                List.of(new Source("S", "县人大", null)),
                List.of(Indicator.entered("A1", "A", "S", "一", "10"), Indicator.entered("A2", "A", "S", "二", "20"),
                        Indicator.entered("B1", "B", "S", "三", "10"), Indicator.bonus("X", "B", "S", "加分", "5")),
                List.of(), rules(0));
        assertThat(scheme.problems()).isEmpty();
        Inputs in = new Inputs(PeriodKind.ANNUAL).enter(1, "A1", d("10")).enter(1, "A2", d("10"))
                .enter(1, "B1", d("5")).bonus(1, "X", d("3")).bonus(1, "X", d("4"));
        Score s = ScoringEngine.score(scheme, subjects(1), List.of(in), Decisions.none()).get(0);
        assertThat(s.indicators()).containsEntry("A1", d("20.00")).containsEntry("A2", d("20.00"))
                .containsEntry("B1", d("20.00")).containsEntry("X", d("5.00"));
        assertThat(s.areas()).containsEntry("A", d("40.00")).containsEntry("B", d("25.00"));
        assertThat(s.base()).isEqualByComparingTo("60.00");
        assertThat(s.bonus()).as("bonus items add up, capped at the maximum").isEqualByComparingTo("5.00");
        assertThat(s.total()).isEqualByComparingTo("65.00");
    }

    @Test
    void tiesBreakOnTheTieSourcesInOrderThenTheBaseThenShareTheRank() {
        Scheme scheme = simple(List.of(Indicator.entered("R", "A", "RD", "人大", "50"),
                Indicator.entered("D", "A", "DEPT", "部门", "50"), Indicator.bonus("X", "A", "DEPT", "加分", "10")),
                List.of(Tier.top("FIRST", "一等奖", true, 1), Tier.top("SECOND", "二等奖", false, 1)), rules(0, "RD"));
        Inputs in = new Inputs(PeriodKind.ANNUAL)
                .enter(1, "R", d("40")).enter(1, "D", d("40")) // 80, RD 40
                .enter(2, "R", d("45")).enter(2, "D", d("35")) // 80, RD 45: ahead of 1
                .enter(3, "R", d("40")).enter(3, "D", d("35")).bonus(3, "X", d("5")) // 80, RD 40, base 75: behind 1
                .enter(4, "R", d("40")).enter(4, "D", d("40")); // the same as 1 in every key: shares its rank
        List<Score> scores = ScoringEngine.score(scheme, subjects(4), List.of(in), Decisions.none());
        assertThat(scores).extracting(Score::subjectId).containsExactly(2L, 1L, 4L, 3L);
        assertThat(scores).extracting(Score::rank).containsExactly(1, 2, 2, 4);
        assertThat(scores).extracting(Score::tier).containsExactly("FIRST", "SECOND", "SECOND", null);
    }

    @Test
    void aVetoedSubjectTakesNoTopPlaceAndNoExcellentTierAndLeavesTheSlotToTheNext() {
        Scheme scheme = simple(List.of(Indicator.entered("E", "A", "RD", "工作", "100")),
                List.of(Tier.top("FIRST", "一等奖", true, 2), Tier.top("SECOND", "二等奖", false, 2)), rules(1));
        Inputs in = new Inputs(PeriodKind.ANNUAL).enter(1, "E", d("95")).enter(2, "E", d("90"))
                .enter(3, "E", d("85")).enter(4, "E", d("80"));
        List<Score> scores = ScoringEngine.score(scheme, subjects(4), List.of(in), new Decisions().veto(1));
        assertThat(scores).extracting(Score::subjectId).containsExactly(2L, 1L, 3L, 4L);
        assertThat(scores).extracting(Score::rank).containsExactly(1, 2, 3, 4);
        assertThat(of(scores, 1).tier()).isEqualTo("SECOND");
        assertThat(of(scores, 3).tier()).as("the first prize the veto left free").isEqualTo("FIRST");
        assertThat(of(scores, 4).tier()).isEqualTo("SECOND");
    }

    /** Two indicators; subject 1 is best on the one scored but nobody scored its second: 缺 1 项. */
    private static List<Score> oneSubjectMissesAnIndicator(Scheme.Incomplete rule, Decisions decisions) {
        Scheme scheme = simple(List.of(Indicator.entered("E", "A", "RD", "工作", "50"),
                Indicator.entered("F", "A", "DEPT", "业务", "50")),
                List.of(Tier.top("FIRST", "一等奖", true, 1), Tier.top("SECOND", "二等奖", false, 1)),
                new Rules(List.of(), 0, Map.of(), 7, rule, Set.of()));
        Inputs in = new Inputs(PeriodKind.ANNUAL).enter(1, "E", d("50"))
                .enter(2, "E", d("30")).enter(2, "F", d("10")).enter(3, "E", d("20")).enter(3, "F", d("10"));
        return ScoringEngine.score(scheme, subjects(3), List.of(in), decisions);
    }

    @Test
    void aSubjectWithAnUnscoredIndicatorTakesNoTierAndItsSlotGoesToTheNextCompleteSubject() {
        List<Score> scores = oneSubjectMissesAnIndicator(Scheme.Incomplete.NO_TIER, Decisions.none());
        assertThat(of(scores, 1).rank()).as("the rank by total stays").isEqualTo(1);
        assertThat(of(scores, 1).unscored()).containsExactly("F");
        assertThat(of(scores, 1).tier()).isNull();
        assertThat(of(scores, 1).naturalTier()).isNull();
        assertThat(of(scores, 2).tier()).isEqualTo("FIRST");
        assertThat(of(scores, 3).tier()).isEqualTo("SECOND");
    }

    @Test
    void anIndicatorThePresidiumExcusesCountsZeroAndTheSubjectIsTieredAgain() {
        List<Score> scores = oneSubjectMissesAnIndicator(Scheme.Incomplete.NO_TIER, new Decisions().excuse(1, "F"));
        assertThat(of(scores, 1).total()).isEqualByComparingTo("50.00");
        assertThat(of(scores, 1).missing()).containsExactly("F");
        assertThat(of(scores, 1).excused()).containsExactly("F");
        assertThat(of(scores, 1).unscored()).isEmpty();
        assertThat(of(scores, 1).tier()).isEqualTo("FIRST");
        assertThat(of(scores, 2).tier()).isEqualTo("SECOND");
        assertThat(of(scores, 3).tier()).isNull();
    }

    @Test
    void underTheCountZeroRuleAnIncompleteSubjectIsTieredLikeAnyOther() {
        List<Score> scores = oneSubjectMissesAnIndicator(Scheme.Incomplete.COUNT_ZERO, Decisions.none());
        assertThat(of(scores, 1).tier()).isEqualTo("FIRST");
        assertThat(of(scores, 1).unscored()).containsExactly("F");
    }

    @Test
    void aHalfYearMeasurementMissesNoAnnualIndicatorAndGivesNoTierWhereTheRulesSaySo() {
        Indicator annualOnly = new Indicator("E", "A", "RD", "工作", d("50"), Method.ENTERED, null, null, null, null,
                Set.of(PeriodKind.ANNUAL), null, null);
        Scheme scheme = simple(List.of(annualOnly, Indicator.vote("M", "A", "DEPT", "满意度", "50", "v",
                Set.of(PeriodKind.H1, PeriodKind.H2))), List.of(Tier.top("FIRST", "一等奖", true, 1)),
                new Rules(List.of(), 0, Map.of(), 7, Scheme.Incomplete.NO_TIER, Set.of(PeriodKind.ANNUAL)));
        Inputs june = new Inputs(PeriodKind.H1).rate(1, "M", d("0.9")).rate(2, "M", d("0.8"));
        List<Score> h1 = ScoringEngine.score(scheme, subjects(2), List.of(june), Decisions.none());
        assertThat(h1).allSatisfy(s -> assertThat(s.missing()).as("E is not measured in June").isEmpty());
        assertThat(h1).allSatisfy(s -> assertThat(s.tier()).as("June gives no prize").isNull());
        Inputs annual = new Inputs(PeriodKind.ANNUAL).enter(1, "E", d("40")).enter(2, "E", d("45"));
        List<Score> year = ScoringEngine.score(scheme, subjects(2), List.of(june, annual), Decisions.none());
        assertThat(of(year, 1).tier()).isEqualTo("FIRST");
        List<Score> noHalves = ScoringEngine.score(scheme, subjects(2), List.of(annual), Decisions.none());
        assertThat(of(noHalves, 1).missing()).as("the annual result misses the halves' vote").containsExactly("M");
    }

    @Test
    void adjustmentsMovePointsAndDemotionsMoveTiersWithoutLiftingOthers() {
        Scheme scheme = simple(List.of(Indicator.entered("E", "A", "RD", "工作", "100")),
                List.of(Tier.top("FIRST", "一等奖", true, 1), Tier.top("SECOND", "二等奖", false, 1)), rules(0));
        Inputs in = new Inputs(PeriodKind.ANNUAL).enter(1, "E", d("95")).enter(2, "E", d("90"))
                .enter(3, "E", d("3"));
        List<Score> scores = ScoringEngine.score(scheme, subjects(3), List.of(in),
                new Decisions().demote(1, 1).demote(2, 1).adjust(3, d("-5")).adjust(2, d("1.5")));
        assertThat(of(scores, 1).tier()).isEqualTo("SECOND");
        assertThat(of(scores, 1).naturalTier()).isEqualTo("FIRST");
        assertThat(of(scores, 2).tier()).as("demoted past the last tier").isNull();
        assertThat(of(scores, 2).total()).isEqualByComparingTo("91.50");
        assertThat(of(scores, 3).total()).as("never below zero").isEqualByComparingTo("0.00");
        assertThat(scores.stream().filter(s -> "FIRST".equals(s.tier()))).isEmpty();
    }

    @Test
    void aThresholdTierStillGoesToAtLeastItsMinimumCount() {
        Scheme scheme = simple(List.of(Indicator.entered("E", "A", "RD", "工作", "100")),
                List.of(new Tier("EXCELLENT", "优秀", true, null, d("85"), 3),
                        new Tier("COMPETENT", "称职", false, null, d("60"), null)), rules(0));
        Inputs in = new Inputs(PeriodKind.ANNUAL);
        int[] points = {90, 84, 70, 65, 50};
        for (int i = 0; i < points.length; i++) {
            in.enter(i + 1, "E", BigDecimal.valueOf(points[i]));
        }
        List<Score> scores = ScoringEngine.score(scheme, subjects(5), List.of(in), Decisions.none());
        assertThat(scores).extracting(Score::tier).containsExactly("EXCELLENT", "EXCELLENT", "EXCELLENT",
                "COMPETENT", null);
    }

    @Test
    void aSchemeWithLooseEndsListsItsProblems() {
        Scheme scheme = new Scheme(d("100"), Weighting.AREA, List.of(new Area("A", "监督工作", null)),
                List.of(new Source("S", "县人大", null)),
                List.of(Indicator.entered("E", "Z", "S", "工作", "10"), Indicator.entered("E", "A", "Q", "工作", "0"),
                        new Indicator("C", "A", "S", "计数", d("5"), Method.COUNTED, null, null, null, null, Set.of(),
                                null, null)),
                List.of(new Tier("T", "一等奖", true, null, null, null)), rules(0, "NOPE"));
        assertThat(scheme.problems()).contains("assessment.scheme.error.weight:监督工作",
                "assessment.scheme.error.duplicate:E", "assessment.scheme.error.area:E",
                "assessment.scheme.error.source:E", "assessment.scheme.error.max:E",
                "assessment.scheme.error.counted:C", "assessment.scheme.error.source:NOPE",
                "assessment.scheme.error.tier:一等奖");
    }

    @Test
    void fifteenHundredDeputiesAreScoredWellUnderASecond() {
        Scheme scheme = simple(List.of(Indicator.counted("R", "A", "RD", "接待", "10", "r", "0", "2"),
                Indicator.entered("E", "A", "DEPT", "评价", "20")),
                List.of(new Tier("EXCELLENT", "优秀", true, null, d("25"), 10)), rules(0));
        Inputs in = new Inputs(PeriodKind.ANNUAL);
        java.util.Map<Long, Integer> counts = new java.util.HashMap<>();
        List<Subject> subjects = new ArrayList<>();
        for (int i = 1; i <= 1500; i++) {
            subjects.add(new Subject(i, i, "代表" + i));
            counts.put((long) i, i % 7);
            in.enter(i, "E", BigDecimal.valueOf(i % 21));
        }
        in.counts("r", counts);
        long start = System.nanoTime();
        List<Score> scores = ScoringEngine.score(scheme, subjects, List.of(in), Decisions.none());
        long ms = (System.nanoTime() - start) / 1_000_000;
        assertThat(scores).hasSize(1500);
        assertThat(scores.stream().filter(s -> "EXCELLENT".equals(s.tier())).count()).isGreaterThanOrEqualTo(10);
        assertThat(ms).isLessThan(1000);
    }
}
