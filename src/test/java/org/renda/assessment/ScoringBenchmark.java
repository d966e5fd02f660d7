package org.renda.assessment;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.renda.assessment.engine.Decisions;
import org.renda.assessment.engine.Inputs;
import org.renda.assessment.engine.PeriodKind;
import org.renda.assessment.engine.Scheme;
import org.renda.assessment.engine.Score;
import org.renda.assessment.engine.ScoringEngine;
import org.renda.assessment.engine.Subject;
import org.renda.deputy.DutyType;

/**
 * A county's deputies scored from a year of duty records: 1,500 deputies, 50,000 records (85% verified,
 * types skewed like bench/GenerateDataset), the deputies' template of seed 004 with its seven counted
 * indicators, the presidium's points and the voters' rate. One operation = counting the verified records
 * per deputy and type (what DutyStore's group-by answers), turning them into the named counts
 * (DutyRecordCounter), and scoring, ranking and tiering everyone (ScoringEngine).
 *
 * <p>Run: {@code mvn -o -q test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt} then
 * {@code java -cp target/test-classes:target/classes:$(cat target/cp.txt) org.openjdk.jmh.Main ScoringBenchmark}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class ScoringBenchmark {

    static final int DEPUTIES = 1_500;
    static final int RECORDS = 50_000;

    /** One duty record as the table holds it (the columns the count reads). */
    record Rec(long deputyId, DutyType type, LocalDate on, boolean verified) {}

    Rec[] records;
    List<Subject> subjects;
    Scheme scheme;
    Map<Long, BigDecimal> presidium;
    Map<Long, BigDecimal> voters;
    LocalDate from = LocalDate.of(2025, 1, 1);
    LocalDate to = LocalDate.of(2025, 12, 31);

    @Setup(Level.Trial)
    public void setUp() {
        Random random = new Random(42);
        DutyType[] skew = new DutyType[100];
        int k = 0;
        Object[][] shares = {{DutyType.RECEPTION, 26}, {DutyType.INSPECTION, 18}, {DutyType.STATION_DUTY, 12},
            {DutyType.COLLECT_DEMANDS, 12}, {DutyType.GROUP_ACTIVITY, 8}, {DutyType.TRAINING, 7},
            {DutyType.ATTEND_CONGRESS, 5}, {DutyType.PROPOSAL, 5}, {DutyType.REPORT_TO_VOTERS, 3},
            {DutyType.WRITTEN_REPORT, 2}, {DutyType.OTHER, 2}};
        for (Object[] s : shares) {
            for (int i = 0; i < (int) s[1]; i++) {
                skew[k++] = (DutyType) s[0];
            }
        }
        // log-normal activity per deputy, normalised to 50,000 records
        double[] weight = new double[DEPUTIES];
        double sum = 0;
        for (int d = 0; d < DEPUTIES; d++) {
            weight[d] = Math.exp(random.nextGaussian() * 0.7);
            sum += weight[d];
        }
        records = new Rec[RECORDS];
        int r = 0;
        for (int d = 0; d < DEPUTIES && r < RECORDS; d++) {
            int n = (int) Math.round(weight[d] / sum * RECORDS);
            for (int i = 0; i < n && r < RECORDS; i++) {
                records[r++] = new Rec(d + 1, skew[random.nextInt(100)], from.plusDays(random.nextInt(365)),
                        random.nextInt(100) < 85);
            }
        }
        while (r < RECORDS) {
            records[r++] = new Rec(1 + random.nextInt(DEPUTIES), skew[random.nextInt(100)],
                    from.plusDays(random.nextInt(365)), true);
        }
        subjects = new ArrayList<>();
        presidium = new HashMap<>();
        voters = new HashMap<>();
        for (int d = 1; d <= DEPUTIES; d++) {
            subjects.add(new Subject(d, d, "代表" + d));
            presidium.put((long) d, BigDecimal.valueOf(10 + random.nextInt(11)));
            voters.put((long) d, BigDecimal.valueOf(60 + random.nextInt(41), 2));
        }
        scheme = SchemeTemplates.deputies();
    }

    @Benchmark
    public List<Score> countAndScoreTheCounty() {
        return countAndScore(records, subjects, scheme, presidium, voters, from, to);
    }

    static List<Score> countAndScore(Rec[] records, List<Subject> subjects, Scheme scheme,
            Map<Long, BigDecimal> presidium, Map<Long, BigDecimal> voters, LocalDate from, LocalDate to) {
        Map<Long, Map<DutyType, Integer>> byDeputy = new HashMap<>();
        for (Rec rec : records) {
            if (rec.verified() && !rec.on().isBefore(from) && !rec.on().isAfter(to)) {
                byDeputy.computeIfAbsent(rec.deputyId(), x -> new EnumMap<>(DutyType.class)).merge(rec.type(), 1,
                        Integer::sum);
            }
        }
        Inputs in = new Inputs(PeriodKind.ANNUAL);
        for (Scheme.Indicator i : scheme.indicators()) {
            if (i.countSource() != null) {
                DutyType type = DutyRecordCounter.type(i.countSource()).orElseThrow();
                Map<Long, Integer> counts = new HashMap<>();
                byDeputy.forEach((d, types) -> counts.put(d, types.getOrDefault(type, 0)));
                in.counts(i.countSource(), counts);
            }
        }
        presidium.forEach((d, p) -> in.enter(d, "P1", p));
        voters.forEach((d, v) -> in.rate(d, "V1", v));
        return ScoringEngine.score(scheme, subjects, List.of(in), Decisions.none());
    }
}
