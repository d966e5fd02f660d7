package org.renda.assessment;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Properties;
import org.renda.RendaApplication;
import org.renda.assessment.engine.PeriodKind;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * End-to-end measurement on PostgreSQL, not a test: starts Renda on an empty database (Flyway, the first
 * administrator), generates the county bench dataset into it (bench/generate.sh: 1,500 deputies, 50,000
 * duty records), then as the administrator drafts and approves the deputies' scheme of seed 004 for the
 * county, opens an annual period over the whole span of the records (1,500 subjects) and closes it, timing
 * each step. Closing = counting the verified records per deputy and type through DutyLog, scoring, ranking
 * and tiering everyone, and storing 1,500 results. Run by bench/run-assessment-bench.sh.
 */
public final class CountyScoringRun {

    private CountyScoringRun() {}

    public static void main(String[] args) throws Exception {
        String url = args.length > 0 ? args[0] : "jdbc:postgresql://127.0.0.1:5432/renda_bench_assessment";
        String password = "bench-Admin-2026";
        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(RendaApplication.class)
                .profiles("postgres")
                .run("--spring.datasource.url=" + url, "--spring.datasource.username=postgres",
                        "--spring.datasource.password=", "--server.port=0", "--renda.demo.enabled=false",
                        "--renda.bootstrap.admin-username=admin", "--renda.bootstrap.admin-password=" + password,
                        "--renda.bootstrap.root-type=PROVINCE", "--renda.notification.dispatch-enabled=false",
                        "--renda.casework.reminder-cron=-")) {
            Path vars = Path.of("bench", "out", "assessment-county.vars");
            Process gen = new ProcessBuilder("bash", "bench/generate.sh", "--size", "county", "--url", url,
                    "--vars-out", vars.toString()).inheritIO().start();
            if (gen.waitFor() != 0) {
                throw new IllegalStateException("the generator failed");
            }
            Properties p = new Properties();
            try (var in = Files.newBufferedReader(vars)) {
                p.load(in);
            }
            long county = Long.parseLong(p.getProperty("countyId"));
            JdbcClient jdbc = app.getBean(JdbcClient.class);
            UserDetails admin = app.getBean(UserDetailsService.class).loadUserByUsername("admin");
            SecurityContextHolder.getContext().setAuthentication(
                    UsernamePasswordAuthenticationToken.authenticated(admin, null, admin.getAuthorities()));
            SchemeBook schemes = app.getBean(SchemeBook.class);
            AssessmentDesk desk = app.getBean(AssessmentDesk.class);

            long t0 = System.nanoTime();
            long scheme = schemes.draftFromTemplate(county, SchemeTemplates.DEPUTIES, "县级代表履职考评（基准）", 2099);
            schemes.approve(scheme);
            long t1 = System.nanoTime();
            long period = desk.openPeriod(scheme, PeriodKind.ANNUAL, "全县代表履职考评（基准）", LocalDate.of(2022, 1, 1),
                    LocalDate.now());
            long t2 = System.nanoTime();
            int subjects = desk.subjects(period).size();
            int records = jdbc.sql("select count(*) from duty_record where status = 'VERIFIED'").query(Integer.class)
                    .single();
            int all = jdbc.sql("select count(*) from duty_record").query(Integer.class).single();
            long[] closes = new long[3];
            for (int i = 0; i < closes.length; i++) {
                if (i > 0) { // reopen by hand to measure again: the close is what matters
                    jdbc.sql("update assessment_period set status = 'OPEN' where id = ?").param(period).update();
                }
                long s = System.nanoTime();
                desk.close(period, true);
                closes[i] = System.nanoTime() - s;
            }
            // the parts of a close: the count through DutyLog alone, then counting + engine without storing
            org.renda.deputy.DutyLog duties = app.getBean(org.renda.deputy.DutyLog.class);
            long c0 = System.nanoTime();
            int counted = duties.countsByDeputy(LocalDate.of(2022, 1, 1), LocalDate.now()).size();
            long c1 = System.nanoTime();
            PeriodScoring scoring = app.getBean(PeriodScoring.class);
            AssessmentStore store = app.getBean(AssessmentStore.class);
            var row = store.period(period).orElseThrow();
            var definition = store.scheme(row.schemeId()).orElseThrow().definition();
            long c2 = System.nanoTime();
            int scored = scoring.score(row, definition).size();
            long c3 = System.nanoTime();
            long t3 = System.nanoTime();
            List<AssessmentViews.Result> results = desk.results(period);
            long t4 = System.nanoTime();
            long excellent = results.stream().filter(r -> "EXCELLENT".equals(r.tierCode())).count();
            System.out.printf("%nassessment county run: %d subjects, %d duty records (%d verified)%n", subjects, all,
                    records);
            System.out.printf("  draft + approve scheme   %6d ms%n", (t1 - t0) / 1_000_000);
            System.out.printf("  open period (subjects)   %6d ms%n", (t2 - t1) / 1_000_000);
            for (int i = 0; i < closes.length; i++) {
                System.out.printf("  close #%d (count+score+store) %6d ms%n", i + 1, closes[i] / 1_000_000);
            }
            System.out.printf("  of which: DutyLog.countsByDeputy (%d deputies)  %6d ms%n", counted, (c1 - c0) / 1_000_000);
            System.out.printf("  of which: count + score %d subjects, no store  %6d ms%n", scored, (c3 - c2) / 1_000_000);
            System.out.printf("  read ranking             %6d ms%n", (t4 - t3) / 1_000_000);
            System.out.printf("  load average %.2f%n", java.lang.management.ManagementFactory.getOperatingSystemMXBean()
                    .getSystemLoadAverage());
            System.out.printf("  results %d, first %s %s, excellent %d, last %s %s%n", results.size(),
                    results.get(0).subjectName(), results.get(0).total(), excellent,
                    results.get(results.size() - 1).subjectName(), results.get(results.size() - 1).total());
        }
    }
}
