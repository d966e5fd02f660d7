package org.renda.assessment;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.renda.assessment.engine.Decisions;
import org.renda.assessment.engine.Inputs;
import org.renda.assessment.engine.PeriodKind;
import org.renda.assessment.engine.Scheme;
import org.renda.assessment.engine.Score;
import org.renda.assessment.engine.ScoringEngine;
import org.renda.assessment.engine.Subject;

/** The seeds' assessments replayed through the engine with their real shapes. */
class SeedReplayTest {

    /** 安澜镇's 13 villages and 1 community, as the demo county names them (灯塔镇's shape [000]). */
    static final List<String> ANLAN = List.of("东湖村", "西岭村", "南塘村", "北坪村", "上林村", "下溪村", "枫树村", "竹园村",
            "荷塘村", "杨柳村", "石门村", "新田村", "大坪村", "安澜社区");

    /** The county's 10 towns (汉阴's 10 towns [002]). */
    static final List<String> TOWNS = List.of("安澜镇", "石桥镇", "柳溪镇", "青山镇", "白沙镇", "桃源镇", "龙泉镇", "凤鸣镇",
            "城关街道", "河西街道");

    private static BigDecimal d(String v) {
        return new BigDecimal(v);
    }

    private static Score of(List<Score> scores, String name) {
        return scores.stream().filter(s -> s.name().equals(name)).findFirst().orElseThrow();
    }

    /**
     * Seed 000: 人大 supervision, departments' business and the masses' satisfaction (30 / 50 / 20), the June
     * and December measurements averaged into the annual result, a veto that keeps 南塘村 (the best score)
     * out of first place, and one of the 36 feedback items from the liaison stations, verified, that moves
     * 枫树村 from first prize to second.
     */
    @Test
    void villagesOfATownWithThreeSourcesAVetoAndAFeedbackItemThatTurnsAFirstPrizeIntoASecond() {
        Scheme scheme = SchemeTemplates.villages();
        assertThat(scheme.problems()).isEmpty();
        assertThat(scheme.baseMaximum()).isEqualByComparingTo("100");
        // How strong each village's work is, as a share of every maximum: 南塘村 best, 枫树村 second, 东湖村 third.
        double[] strength = {0.90, 0.70, 0.96, 0.80, 0.66, 0.74, 0.94, 0.62, 0.78, 0.88, 0.68, 0.72, 0.64, 0.86};
        List<Subject> subjects = new ArrayList<>();
        Inputs june = new Inputs(PeriodKind.H1);
        Inputs december = new Inputs(PeriodKind.H2);
        Inputs annual = new Inputs(PeriodKind.ANNUAL);
        Map<Long, Integer> receptions = new HashMap<>();
        for (int v = 0; v < ANLAN.size(); v++) {
            long id = v + 1;
            subjects.add(new Subject(id, 100 + id, ANLAN.get(v)));
            BigDecimal s = BigDecimal.valueOf(strength[v]);
            for (String code : List.of("S1", "S2", "B1", "B2", "B3")) {
                BigDecimal max = scheme.indicator(code).maxPoints();
                // two groups score each indicator: a deputy-led group and the department's staff
                annual.enter(id, code, max.multiply(s).add(d("0.5")));
                annual.enter(id, code, max.multiply(s).subtract(d("0.5")));
            }
            receptions.put(100 + id, (int) Math.round(strength[v] * 6)); // 4 + 1 a reception, at most 10
            june.rate(id, "M1", s.subtract(d("0.04"))).rate(id, "M2", s);
            december.rate(id, "M1", s.add(d("0.04"))).rate(id, "M2", s);
        }
        annual.counts("deputy.duty.org.RECEPTION", receptions);
        annual.bonus(1, "X1", d("2")).bonus(1, "X1", d("1")); // 东湖村: two innovations

        List<String> feedback = new ArrayList<>();
        for (int i = 1; i <= 36; i++) {
            feedback.add(i == 17 ? "枫树村联络站：“勇记渔业”重点项目推进不力（经查证属实）" : "联络站反馈第 " + i + " 条：已办结");
        }
        Decisions decisions = new Decisions().veto(3); // 南塘村: a supervised project late for subjective reasons
        feedback.stream().filter(f -> f.contains("经查证属实")).forEach(f -> decisions.demote(7, 1));

        List<Score> scores = ScoringEngine.score(scheme, subjects, List.of(june, december, annual), decisions);

        assertThat(scores).hasSize(14);
        Score nantang = of(scores, "南塘村");
        Score fengshu = of(scores, "枫树村");
        Score donghu = of(scores, "东湖村");
        assertThat(nantang.total()).isGreaterThan(fengshu.total()).isGreaterThan(donghu.total());
        assertThat(nantang.vetoed()).isTrue();
        assertThat(nantang.rank()).as("kept out of the first three places").isEqualTo(4);
        assertThat(nantang.naturalTier()).isEqualTo("SECOND");
        assertThat(nantang.tier()).isEqualTo("SECOND");
        assertThat(scores.get(0).name()).isEqualTo("枫树村");
        assertThat(fengshu.naturalTier()).isEqualTo("FIRST");
        assertThat(fengshu.tier()).as("first prize turned into second by the feedback").isEqualTo("SECOND");
        assertThat(donghu.tier()).isEqualTo("FIRST");
        assertThat(scores.stream().filter(s -> "FIRST".equals(s.tier())).map(Score::name)).containsExactly("东湖村");
        assertThat(scores.stream().filter(s -> "SECOND".equals(s.tier()))).hasSize(5);

        // 东湖村 in detail: strength 0.9, averaged sheets, receptions round(5.4) = 5 → 4 + 5 = 9 of 10.
        // RD: (18 + 9 + 9) / 40 × 30 = 27.00 plus the bonus 3 (never scaled); DEPT: 90 / 100 × 50 = 45.00;
        // MASS: M1 mean(0.86, 0.94) × 10 = 9, M2 9 → 18 / 20 × 20 = 18.00.
        assertThat(donghu.sources()).containsEntry("RD", d("30.00")).containsEntry("DEPT", d("45.00"))
                .containsEntry("MASS", d("18.00"));
        assertThat(donghu.base()).isEqualByComparingTo("90.00");
        assertThat(donghu.bonus()).isEqualByComparingTo("3.00");
        assertThat(donghu.total()).isEqualByComparingTo("93.00");
        assertThat(donghu.areas().values().stream().reduce(BigDecimal.ZERO, BigDecimal::add))
                .isEqualByComparingTo(donghu.total());
        assertThat(donghu.missing()).isEmpty();
    }

    /** Seed 002: ten towns on base 100 plus bonus across the five areas, ranked; the top three are 先进单位. */
    @Test
    void tenTownsOnBaseHundredPlusBonusAcrossFiveAreasAreRanked() {
        Scheme scheme = SchemeTemplates.towns();
        assertThat(scheme.problems()).isEmpty();
        assertThat(scheme.areas()).extracting(Scheme.Area::name)
                .containsExactly("人代会工作", "监督工作", "代表工作", "基础工作", "创新工作");
        double[] strength = {0.92, 0.81, 0.77, 0.85, 0.70, 0.88, 0.74, 0.79, 0.83, 0.88};
        int[] groupActivities = {16, 9, 8, 12, 5, 14, 6, 10, 11, 14};
        String[] bonus = {"6", "0", "2", "3", "0", "4", "0", "1", "2", "4"};
        List<Subject> subjects = new ArrayList<>();
        Inputs annual = new Inputs(PeriodKind.ANNUAL);
        Map<Long, Integer> activities = new HashMap<>();
        for (int t = 0; t < TOWNS.size(); t++) {
            long id = t + 1;
            subjects.add(new Subject(id, 500 + id, TOWNS.get(t)));
            for (Scheme.Indicator i : scheme.indicators()) {
                if (i.method() == org.renda.assessment.engine.Method.ENTERED) {
                    annual.enter(id, i.code(), i.maxPoints().multiply(BigDecimal.valueOf(strength[t])));
                }
            }
            activities.put(500 + id, groupActivities[t]);
            annual.bonus(id, "X1", d(bonus[t]));
        }
        annual.counts("deputy.duty.org.GROUP_ACTIVITY", activities);

        List<Score> scores = ScoringEngine.score(scheme, subjects, List.of(annual), Decisions.none());

        assertThat(scores).extracting(Score::name).containsExactly("安澜镇", "桃源镇", "河西街道", "青山镇", "城关街道",
                "石桥镇", "凤鸣镇", "柳溪镇", "龙泉镇", "白沙镇");
        Score anlan = scores.get(0);
        // 代表工作: D1 2 + 0.5 × 16 = 10 of 10, D2 9.2, D3 4.6 → 23.8 / 25 × 25 = 23.80
        assertThat(anlan.areas()).containsEntry("CONG", d("18.40")).containsEntry("SUP", d("23.00"))
                .containsEntry("DEP", d("23.80")).containsEntry("BASE", d("18.40"))
                .containsEntry("INNO", d("15.20"));
        assertThat(anlan.base()).isEqualByComparingTo("92.80");
        assertThat(anlan.bonus()).isEqualByComparingTo("6.00");
        assertThat(anlan.total()).isEqualByComparingTo("98.80");
        // 桃源镇 and 河西街道 have the same strength, activities and bonus: the same total, a shared rank
        assertThat(scores.get(1).total()).isEqualByComparingTo(scores.get(2).total());
        assertThat(scores.get(1).rank()).isEqualTo(2);
        assertThat(scores.get(2).rank()).isEqualTo(2);
        assertThat(scores.get(3).rank()).isEqualTo(4);
        assertThat(scores.stream().filter(s -> "ADVANCED".equals(s.tier())).map(Score::name))
                .containsExactly("安澜镇", "桃源镇", "河西街道");
        assertThat(scores).allSatisfy(s -> assertThat(s.areas().values().stream()
                .reduce(BigDecimal.ZERO, BigDecimal::add)).isEqualByComparingTo(s.total()));
    }
}
