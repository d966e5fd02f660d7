package org.renda.appraisal;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.renda.appraisal.VoteScale.RateRule;

class TallyTest {

    private static final List<Tally.Subject> SUBJECTS = List.of(new Tally.Subject(1, "交通运输局"),
            new Tally.Subject(2, "教育局"), new Tally.Subject(3, "农业农村局"));

    private static List<Map<Long, String>> ballots(int n, String a, String b, String c) {
        List<Map<Long, String>> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(Map.of(1L, a, 2L, b, 3L, c));
        }
        return out;
    }

    private static Tally.Row row(List<Tally.Row> rows, long id) {
        return rows.stream().filter(r -> r.subjectId() == id).findFirst().orElseThrow();
    }

    @Test
    void satisfiedShareCountsSatisfiedAndFairlyOverValidVotesElectronicAndPaperApart() {
        List<Map<Long, String>> b = new ArrayList<>();
        b.addAll(ballots(18, "SATISFIED", "SATISFIED", "BASIC"));
        b.addAll(ballots(8, "FAIRLY", "BASIC", "UNSATISFIED"));
        b.addAll(ballots(4, "UNSATISFIED", "SATISFIED", "UNSATISFIED"));
        Map<Long, Map<String, Integer>> paper = Map.of(1L, Map.of("SATISFIED", 5, "BASIC", 1), 3L, Map.of("FAIRLY", 2));
        var rows = Tally.compute(VoteScale.FOUR_LEVEL.levels(), RateRule.SATISFIED_SHARE, new BigDecimal("0.6"),
                SUBJECTS, b, paper);

        Tally.Row transport = row(rows, 1);
        assertThat(transport.electronic()).containsExactly(Map.entry("SATISFIED", 18), Map.entry("FAIRLY", 8),
                Map.entry("BASIC", 0), Map.entry("UNSATISFIED", 4));
        assertThat(transport.paper()).containsEntry("SATISFIED", 5).containsEntry("BASIC", 1);
        assertThat(transport.combined()).containsEntry("SATISFIED", 23).containsEntry("FAIRLY", 8)
                .containsEntry("BASIC", 1).containsEntry("UNSATISFIED", 4);
        assertThat(transport.valid()).isEqualTo(36);
        assertThat(transport.satisfied()).isEqualTo(31);
        assertThat(transport.rate()).isEqualByComparingTo("0.8611"); // 31/36 = 0.86111…
        assertThat(row(rows, 2).rate()).isEqualByComparingTo("0.7333"); // 22/30
        Tally.Row farming = row(rows, 3);
        assertThat(farming.rate()).isEqualByComparingTo("0.0625"); // 2/32
        assertThat(farming.below()).isTrue();
        assertThat(rows).extracting(Tally.Row::subjectId).containsExactly(1L, 2L, 3L);
        assertThat(rows).extracting(Tally.Row::rankNo).containsExactly(1, 2, 3);
    }

    @Test
    void weightedRateIsTheMeanScoreOverTheTopScore() {
        var rows = Tally.compute(VoteScale.FOUR_LEVEL.levels(), RateRule.WEIGHTED, new BigDecimal("0.7"), SUBJECTS,
                List.of(Map.of(1L, "SATISFIED", 2L, "FAIRLY", 3L, "BASIC"),
                        Map.of(1L, "FAIRLY", 2L, "FAIRLY", 3L, "UNSATISFIED")), Map.of());
        assertThat(row(rows, 1).rate()).isEqualByComparingTo("0.9000"); // (100 + 80) / 200
        assertThat(row(rows, 2).rate()).isEqualByComparingTo("0.8000");
        assertThat(row(rows, 3).rate()).isEqualByComparingTo("0.3000");
        assertThat(row(rows, 2).below()).isFalse();
        assertThat(row(rows, 3).below()).isTrue();
    }

    @Test
    void equalRatesShareARankAndTheNextRankSkipsComparedExactlyNotRounded() {
        // 2/3 and 4/6 are equal; 6667/10000 would differ after rounding if compared as decimals.
        List<Map<Long, String>> b = List.of(Map.of(1L, "SATISFIED", 2L, "SATISFIED", 3L, "SATISFIED"),
                Map.of(1L, "SATISFIED", 2L, "SATISFIED", 3L, "SATISFIED"),
                Map.of(1L, "UNSATISFIED", 2L, "UNSATISFIED", 3L, "SATISFIED"));
        Map<Long, Map<String, Integer>> paper = Map.of(2L, Map.of("SATISFIED", 2, "UNSATISFIED", 1));
        var rows = Tally.compute(VoteScale.FOUR_LEVEL.levels(), RateRule.SATISFIED_SHARE, new BigDecimal("0.6667"),
                SUBJECTS, b, paper);
        assertThat(rows).extracting(Tally.Row::subjectId).containsExactly(3L, 1L, 2L);
        assertThat(rows).extracting(Tally.Row::rankNo).containsExactly(1, 2, 2);
        assertThat(row(rows, 1).rate()).isEqualByComparingTo(row(rows, 2).rate());
        assertThat(row(rows, 1).below()).as("2/3 < 0.6667 exactly").isTrue();
    }

    @Test
    void aSubjectWithoutValidVotesRanksLastAndIsNotBelow() {
        var rows = Tally.compute(VoteScale.THREE_LEVEL.levels(), RateRule.SATISFIED_SHARE, new BigDecimal("0.8"),
                SUBJECTS, List.of(Map.of(1L, "UNSATISFIED", 2L, "BASIC")), Map.of());
        assertThat(rows).extracting(Tally.Row::subjectId).containsExactly(2L, 1L, 3L);
        assertThat(rows).extracting(Tally.Row::rankNo).containsExactly(1, 2, 3);
        assertThat(row(rows, 3).valid()).isZero();
        assertThat(row(rows, 3).below()).isFalse();
        assertThat(row(rows, 2).rate()).as("基本满意 counts as satisfied on the three-level scale")
                .isEqualByComparingTo("1");
    }

    @Test
    void anExportRecountsToTheAnnouncedResultsAndATamperedOneDoesNot() {
        List<Map<Long, String>> b = new ArrayList<>();
        b.addAll(ballots(3, "SATISFIED", "FAIRLY", "UNSATISFIED"));
        b.addAll(ballots(2, "BASIC", "SATISFIED", "UNSATISFIED"));
        Map<Long, Map<String, Integer>> paper = Map.of(1L, Map.of("SATISFIED", 2));
        var levels = VoteScale.FOUR_LEVEL.levels();
        var rows = Tally.compute(levels, RateRule.SATISFIED_SHARE, new BigDecimal("0.7"), SUBJECTS, b, paper);
        List<Map.Entry<String, Map<Long, String>>> withIds = new ArrayList<>();
        for (int i = 0; i < b.size(); i++) {
            withIds.add(Map.entry(java.util.UUID.randomUUID().toString(), b.get(i)));
        }
        String csv = VoteExport.write(new VoteExport.Content(7, "2026年度评议, \"测试\"", RateRule.SATISFIED_SHARE,
                new BigDecimal("0.7"), 2, levels, SUBJECTS, paper, rows, withIds));

        VoteExport.Recount r = VoteExport.recount(csv);
        assertThat(r.matches()).isTrue();
        assertThat(r.title()).isEqualTo("2026年度评议, \"测试\"");
        assertThat(r.ballots()).isEqualTo(5);
        assertThat(r.paperBallots()).isEqualTo(2);
        assertThat(row(r.recounted(), 1).rate()).isEqualByComparingTo("0.7143"); // (3 + 2) / 7

        String tampered = csv.replaceFirst("ballot,([^,]+),BASIC", "ballot,$1,SATISFIED");
        assertThat(tampered).isNotEqualTo(csv);
        assertThat(VoteExport.recount(tampered).matches()).isFalse();
        assertThat(csv.lines().filter(l -> l.startsWith("ballot,")).map(l -> l.split(",")[1]).toList())
                .as("ballots sorted by their random id").isSorted();
    }

    @Test
    void abstentionsAreCountedApartAndStayOutOfTheRateAndTheWeightedMaximum() {
        var levels = VoteScale.FOUR_LEVEL.levels(true);
        List<Map<Long, String>> b = new ArrayList<>();
        b.addAll(ballots(6, "SATISFIED", "ABSTAIN", "ABSTAIN"));
        b.addAll(ballots(2, "UNSATISFIED", "FAIRLY", "ABSTAIN"));
        b.addAll(ballots(2, "ABSTAIN", "BASIC", "ABSTAIN"));
        Map<Long, Map<String, Integer>> paper = Map.of(1L, Map.of("ABSTAIN", 1));
        var share = Tally.compute(levels, RateRule.SATISFIED_SHARE, new BigDecimal("0.7"), SUBJECTS, b, paper);
        Tally.Row transport = row(share, 1);
        assertThat(transport.combined()).containsEntry("ABSTAIN", 3);
        assertThat(transport.abstained()).isEqualTo(3);
        assertThat(transport.valid()).isEqualTo(8);
        assertThat(transport.rate()).isEqualByComparingTo("0.75"); // 6 / 8, not 6 / 11
        Tally.Row education = row(share, 2);
        assertThat(education.valid()).isEqualTo(4);
        assertThat(education.rate()).isEqualByComparingTo("0.5"); // 较满意 2 of 4 valid
        Tally.Row farming = row(share, 3);
        assertThat(farming.valid()).as("everybody abstained: no valid vote").isZero();
        assertThat(farming.abstained()).isEqualTo(10);
        assertThat(farming.below()).as("no valid vote, no rate to fall below").isFalse();
        assertThat(farming.rankNo()).isEqualTo(3);

        var weighted = Tally.compute(levels, RateRule.WEIGHTED, new BigDecimal("0.7"), SUBJECTS, b, paper);
        // (6 x 100 + 2 x 0) / (100 x 8): the abstain choice's score 0 neither lowers the mean nor the maximum.
        assertThat(row(weighted, 1).rate()).isEqualByComparingTo("0.75");
    }

    @Test
    void withoutAbstentionsTheScaleWithTheChoiceGivesTheSameFiguresAsWithout() {
        List<Map<Long, String>> b = new ArrayList<>();
        b.addAll(ballots(18, "SATISFIED", "SATISFIED", "BASIC"));
        b.addAll(ballots(8, "FAIRLY", "BASIC", "UNSATISFIED"));
        b.addAll(ballots(4, "UNSATISFIED", "SATISFIED", "UNSATISFIED"));
        for (RateRule rule : RateRule.values()) {
            var plain = Tally.compute(VoteScale.FOUR_LEVEL.levels(), rule, new BigDecimal("0.6"), SUBJECTS, b, Map.of());
            var offered = Tally.compute(VoteScale.FOUR_LEVEL.levels(true), rule, new BigDecimal("0.6"), SUBJECTS, b,
                    Map.of());
            for (int i = 0; i < plain.size(); i++) {
                assertThat(offered.get(i).rate()).isEqualByComparingTo(plain.get(i).rate());
                assertThat(offered.get(i).rankNo()).isEqualTo(plain.get(i).rankNo());
                assertThat(offered.get(i).valid()).isEqualTo(plain.get(i).valid());
            }
        }
    }
}
