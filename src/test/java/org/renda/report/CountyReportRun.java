package org.renda.report;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Random;
import javax.sql.DataSource;
import org.renda.RendaApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * End-to-end measurement on PostgreSQL, not a test: starts Renda on an empty database, generates the county bench
 * dataset (bench/generate.sh: 1,500 deputies, 50,000 duty records) and on top of it the records the annual report
 * counts (10,000 cases, stations with their activities and receptions, supervision, officials' reports, findings,
 * meetings, funds), then times the county's annual report through {@link AnnualReports#compute} against the bare
 * SQL of bench/sql/annual-report.sql (same figures, one statement), both warm, median of 25. Run by
 * bench/run-report-bench.sh.
 */
public final class CountyReportRun {

    private CountyReportRun() {}

    public static void main(String[] args) throws Exception {
        String url = args.length > 0 ? args[0] : "jdbc:postgresql://127.0.0.1:5432/renda_report_bench";
        int year = LocalDate.now().getYear();
        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(RendaApplication.class)
                .profiles("postgres")
                .run("--spring.datasource.url=" + url, "--spring.datasource.username=postgres",
                        "--spring.datasource.password=", "--server.port=0", "--renda.demo.enabled=false",
                        "--renda.bootstrap.admin-username=admin", "--renda.bootstrap.admin-password=bench-Admin-2026",
                        "--renda.bootstrap.root-type=PROVINCE", "--renda.notification.dispatch-enabled=false",
                        "--renda.casework.reminder-cron=-", "--renda.station.reminder-cron=-")) {
            Path vars = Path.of("bench", "out", "report-county.vars");
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
            DataSource ds = app.getBean(DataSource.class);
            long g0 = System.nanoTime();
            int[] made = generate(ds, county, year);
            System.out.printf("report records generated in %d ms: %s%n", (System.nanoTime() - g0) / 1_000_000,
                    Arrays.toString(made));

            UserDetails admin = app.getBean(UserDetailsService.class).loadUserByUsername("admin");
            SecurityContextHolder.getContext().setAuthentication(
                    UsernamePasswordAuthenticationToken.authenticated(admin, null, admin.getAuthorities()));
            AnnualReports reports = app.getBean(AnnualReports.class);
            ReportDocuments documents = app.getBean(ReportDocuments.class);
            String bare = Files.readString(Path.of("bench", "sql", "annual-report.sql"))
                    .replace(":county", String.valueOf(county)).replace(":year", String.valueOf(year));

            int runs = 25;
            AnnualReport last = null;
            for (int i = 0; i < 5; i++) { // warm-up of both
                last = reports.compute(county, year);
                bare(ds, bare);
            }
            long[] report = new long[runs];
            long[] sources = new long[runs];
            long[] sql = new long[runs];
            for (int i = 0; i < runs; i++) {
                long s = System.nanoTime();
                last = reports.compute(county, year);
                report[i] = System.nanoTime() - s;
                sources[i] = last.databaseMillis();
                s = System.nanoTime();
                bare(ds, bare);
                sql[i] = System.nanoTime() - s;
            }
            long d0 = System.nanoTime();
            byte[] docx = documents.docx(last);
            long d1 = System.nanoTime();
            byte[] pdf = documents.pdf(last);
            long d2 = System.nanoTime();
            Files.createDirectories(Path.of("bench", "out"));
            Files.write(Path.of("bench", "out", "annual-report-county.docx"), docx);
            Files.write(Path.of("bench", "out", "annual-report-county.pdf"), pdf);
            Arrays.sort(report);
            Arrays.sort(sources);
            Arrays.sort(sql);
            System.out.printf(Locale.ROOT, "%nannual report county run: county %d, year %d, %d towns%n", county, year,
                    last.towns());
            for (var f : last.figures()) {
                System.out.printf(Locale.ROOT, "  %-30s %s%n", f.key(), f.value().toPlainString());
            }
            System.out.printf(Locale.ROOT, "  report (AnnualReports.compute)  median %6.1f ms  p90 %6.1f ms  min %6.1f ms%n",
                    report[runs / 2] / 1e6, report[runs * 9 / 10] / 1e6, report[0] / 1e6);
            System.out.printf(Locale.ROOT, "  of it the figure sources        median %6d ms%n", sources[runs / 2]);
            System.out.printf(Locale.ROOT, "  bare SQL (one statement, JDBC)  median %6.1f ms  p90 %6.1f ms  min %6.1f ms%n",
                    sql[runs / 2] / 1e6, sql[runs * 9 / 10] / 1e6, sql[0] / 1e6);
            System.out.printf(Locale.ROOT, "  ratio report / bare SQL         %6.2f%n", (double) report[runs / 2] / sql[runs / 2]);
            System.out.printf(Locale.ROOT, "  .docx %d KB in %d ms, PDF %d KB in %d ms%n", docx.length / 1024,
                    (d1 - d0) / 1_000_000, pdf.length / 1024, (d2 - d1) / 1_000_000);
            System.out.printf(Locale.ROOT, "  load average %.2f%n",
                    java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        }
    }

    private static void bare(DataSource ds, String sql) throws Exception {
        try (Connection c = ds.getConnection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
        }
    }

    /** The records the report counts, over the county's towns and villages, in this year and the last. */
    private static int[] generate(DataSource ds, long county, int year) throws Exception {
        Random rnd = new Random(42);
        try (Connection c = ds.getConnection()) {
            c.setAutoCommit(false);
            List<Long> towns = new ArrayList<>();
            List<Long> all = new ArrayList<>();
            try (PreparedStatement q = c.prepareStatement(
                    "select id, type from organisation where path like (select path from organisation where id = ?)"
                            + " || '%' and type in ('TOWN', 'STREET', 'VILLAGE', 'COMMUNITY') order by id")) {
                q.setLong(1, county);
                try (ResultSet rs = q.executeQuery()) {
                    while (rs.next()) {
                        all.add(rs.getLong(1));
                        if (rs.getString(2).equals("TOWN") || rs.getString(2).equals("STREET")) {
                            towns.add(rs.getLong(1));
                        }
                    }
                }
            }
            Timestamp now = Timestamp.from(java.time.Instant.now());
            // a station at every town and village
            List<long[]> stations = new ArrayList<>();
            try (PreparedStatement s = c.prepareStatement("insert into station (org_id, code, public_code, name, tier,"
                    + " address, created_at, updated_at) values (?, ?, ?, '联络站', ?, '村委会', ?, ?)",
                    new String[] {"id"})) {
                for (long org : all) {
                    s.setLong(1, org);
                    s.setString(2, "RB-S" + org);
                    s.setString(3, "rbs" + org);
                    s.setString(4, towns.contains(org) ? "CENTRE" : "POINT");
                    s.setTimestamp(5, now);
                    s.setTimestamp(6, now);
                    s.executeUpdate();
                    try (ResultSet k = s.getGeneratedKeys()) {
                        k.next();
                        stations.add(new long[] {k.getLong(1), org});
                    }
                }
            }
            int activities = 0;
            try (PreparedStatement s = c.prepareStatement("insert into station_activity (station_id, org_id,"
                    + " activity_kind, planned_on, theme, state, held_on) values (?, ?, 'WEEKLY_DELIBERATION', ?,"
                    + " '议事', ?, ?)")) {
                for (int i = 0; i < 6_000; i++) {
                    long[] st = stations.get(rnd.nextInt(stations.size()));
                    LocalDate on = day(rnd, year - (i % 2));
                    String state = rnd.nextInt(10) < 8 ? "HELD" : (rnd.nextBoolean() ? "PLANNED" : "CANCELLED");
                    s.setLong(1, st[0]);
                    s.setLong(2, st[1]);
                    s.setDate(3, Date.valueOf(on));
                    s.setString(4, state);
                    s.setDate(5, state.equals("HELD") ? Date.valueOf(on) : null);
                    s.addBatch();
                    activities++;
                }
                s.executeBatch();
            }
            int receptions = 0;
            try (PreparedStatement r = c.prepareStatement("insert into reception_record (station_id, org_id,"
                    + " record_kind, occurred_on, place, visitors, anonymous, summary, recorded_by, created_at)"
                    + " values (?, ?, 'RECEPTION', ?, '联络站', ?, false, '接待', 'bench', ?)", new String[] {"id"});
                    PreparedStatement it = c.prepareStatement("insert into reception_item (record_id, org_id, seq,"
                            + " category, content, resolved) values (?, ?, ?, '民生', '问题', ?)")) {
                for (int i = 0; i < 4_000; i++) {
                    long[] st = stations.get(rnd.nextInt(stations.size()));
                    r.setLong(1, st[0]);
                    r.setLong(2, st[1]);
                    r.setDate(3, Date.valueOf(day(rnd, year - (i % 2))));
                    r.setInt(4, 1 + rnd.nextInt(12));
                    r.setTimestamp(5, now);
                    r.executeUpdate();
                    long id;
                    try (ResultSet k = r.getGeneratedKeys()) {
                        k.next();
                        id = k.getLong(1);
                    }
                    for (int m = 1; m <= 1 + rnd.nextInt(2); m++) {
                        it.setLong(1, id);
                        it.setLong(2, st[1]);
                        it.setInt(3, m);
                        it.setBoolean(4, rnd.nextBoolean());
                        it.addBatch();
                    }
                    receptions++;
                }
                it.executeBatch();
            }
            String[] states = {"CLOSED", "CLOSED", "CLOSED", "CLOSED", "IN_PROGRESS", "REPLIED", "ASSIGNED", "RECEIVED"};
            try (PreparedStatement s = c.prepareStatement("insert into case_item (org_id, receipt_code, source, kind,"
                    + " category, title, content, state, created_at, updated_at) values (?, ?, 'STAFF', 'OPINION',"
                    + " '城乡建设', '意见', '内容', ?, ?, ?)")) {
                for (int i = 0; i < 10_000; i++) {
                    Timestamp at = Timestamp.from(day(rnd, year - (i % 3 == 0 ? 1 : 0))
                            .atStartOfDay(ZoneId.systemDefault()).plusHours(9 + rnd.nextInt(8)).toInstant());
                    s.setLong(1, towns.get(rnd.nextInt(towns.size())));
                    s.setString(2, "RB" + i);
                    s.setString(3, states[rnd.nextInt(states.length)]);
                    s.setTimestamp(4, at);
                    s.setTimestamp(5, at);
                    s.addBatch();
                }
                s.executeBatch();
            }
            List<long[]> subjects = new ArrayList<>();
            try (PreparedStatement s = c.prepareStatement("insert into supervision_subject (org_id, for_year, kind,"
                    + " title, topic_source, created_at) values (?, ?, 'KEY_PROJECT', ?, 'WORK_REPORT', ?)",
                    new String[] {"id"})) {
                for (int i = 0; i < 240; i++) {
                    long org = towns.get(i % towns.size());
                    s.setLong(1, org);
                    s.setInt(2, year - (i % 2));
                    s.setString(3, "专题" + i);
                    s.setTimestamp(4, now);
                    s.executeUpdate();
                    try (ResultSet k = s.getGeneratedKeys()) {
                        k.next();
                        subjects.add(new long[] {k.getLong(1), org});
                    }
                }
            }
            try (PreparedStatement s = c.prepareStatement("insert into supervision_activity (org_id, subject_id, kind,"
                    + " title, planned_on, state, held_on, created_at) values (?, ?, ?, '活动', ?, 'HELD', ?, ?)");
                    PreparedStatement f = c.prepareStatement("insert into rectification (org_id, problem, due_on,"
                            + " state, created_at, source_kind, source_id, source_title, for_year) values (?, '问题', ?,"
                            + " ?, ?, 'SUPERVISION', ?, '专题', ?)")) {
                for (int i = 0; i < 720; i++) {
                    long[] sub = subjects.get(i % subjects.size());
                    LocalDate on = day(rnd, year - (i % 2));
                    s.setLong(1, sub[1]);
                    s.setLong(2, sub[0]);
                    s.setString(3, i % 3 == 0 ? "INSPECTION" : "RESEARCH");
                    s.setDate(4, Date.valueOf(on));
                    s.setDate(5, Date.valueOf(on));
                    s.setTimestamp(6, now);
                    s.addBatch();
                    f.setLong(1, sub[1]);
                    f.setDate(2, Date.valueOf(on.plusMonths(3)));
                    f.setString(3, rnd.nextInt(5) == 0 ? "OPEN" : "ACCEPTED");
                    f.setTimestamp(4, now);
                    f.setLong(5, sub[0]);
                    f.setInt(6, on.getYear());
                    f.addBatch();
                }
                s.executeBatch();
                f.executeBatch();
            }
            try (PreparedStatement pl = c.prepareStatement("insert into official_report_plan (org_id, term_no, title,"
                    + " created_by, created_at) values (?, 18, '述职', 'bench', ?)", new String[] {"id"});
                    PreparedStatement o = c.prepareStatement("insert into official_report (plan_id, org_id, name,"
                            + " position, state, reported_on, sort_no) values (?, ?, '负责人', '副镇长', ?, ?, ?)")) {
                for (long town : towns) {
                    pl.setLong(1, town);
                    pl.setTimestamp(2, now);
                    pl.executeUpdate();
                    long plan;
                    try (ResultSet k = pl.getGeneratedKeys()) {
                        k.next();
                        plan = k.getLong(1);
                    }
                    for (int k = 0; k < 6; k++) {
                        boolean done = k < 4;
                        o.setLong(1, plan);
                        o.setLong(2, town);
                        o.setString(3, done ? "REPORTED" : "DUE");
                        o.setDate(4, done ? Date.valueOf(day(rnd, year - (k % 2))) : null);
                        o.setInt(5, k);
                        o.addBatch();
                    }
                }
                o.executeBatch();
            }
            try (PreparedStatement m = c.prepareStatement("insert into meeting (org_id, kind, title, starts_on, ends_on,"
                    + " starts_at, place, state, created_by, created_at) values (?, ?, '会议', ?, ?, '09:00', '会议室',"
                    + " 'CLOSED', 'bench', ?)")) {
                for (long town : towns) {
                    for (int k = 0; k < 20; k++) {
                        LocalDate on = day(rnd, year - (k % 2));
                        m.setLong(1, town);
                        m.setString(2, k % 5 == 0 ? "SESSION" : k % 5 == 4 ? "FORUM" : "PRESIDIUM");
                        m.setDate(3, Date.valueOf(on));
                        m.setDate(4, Date.valueOf(on));
                        m.setTimestamp(5, now);
                        m.addBatch();
                    }
                }
                m.executeBatch();
            }
            try (PreparedStatement l = c.prepareStatement("insert into fund_line (org_id, fund_year, fund, subject,"
                    + " budget_fen, created_by, created_at) values (?, ?, ?, ?, ?, 'bench', ?)", new String[] {"id"});
                    PreparedStatement e = c.prepareStatement("insert into fund_expense (org_id, line_id, fund_year,"
                            + " spent_on, payee, purpose, amount_fen, created_by, created_at) values (?, ?, ?, ?,"
                            + " '镇人大', '活动', ?, 'bench', ?)")) {
                List<Long> orgsWithLedger = new ArrayList<>(towns);
                orgsWithLedger.add(county);
                for (long org : orgsWithLedger) {
                    for (int y = year - 1; y <= year; y++) {
                        for (String fund : List.of("WORK", "DEPUTY_ACTIVITY")) {
                            l.setLong(1, org);
                            l.setInt(2, y);
                            l.setString(3, fund);
                            l.setString(4, fund.equals("WORK") ? "人大工作经费" : "代表活动经费");
                            l.setLong(5, 3_000_000L + rnd.nextInt(3_000_000));
                            l.setTimestamp(6, now);
                            l.executeUpdate();
                            long line;
                            try (ResultSet k = l.getGeneratedKeys()) {
                                k.next();
                                line = k.getLong(1);
                            }
                            for (int k = 0; k < 25; k++) {
                                e.setLong(1, org);
                                e.setLong(2, line);
                                e.setInt(3, y);
                                e.setDate(4, Date.valueOf(day(rnd, y)));
                                e.setLong(5, 10_000L + rnd.nextInt(100_000));
                                e.setTimestamp(6, now);
                                e.addBatch();
                            }
                        }
                    }
                }
                e.executeBatch();
            }
            c.commit();
            c.setAutoCommit(true);
            try (Statement s = c.createStatement()) {
                for (String t : List.of("station", "station_activity", "reception_record", "reception_item", "case_item",
                        "supervision_subject", "supervision_activity", "rectification", "official_report", "meeting",
                        "fund_line", "fund_expense", "duty_record", "organisation")) {
                    s.execute("vacuum (analyze) " + t);
                }
            }
            return new int[] {stations.size(), activities, receptions, 10_000};
        }
    }

    private static LocalDate day(Random rnd, int year) {
        return LocalDate.of(year, 1, 1).plusDays(rnd.nextInt(365));
    }
}
