package org.renda.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.io.ByteArrayInputStream;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.renda.casework.CaseDesk;
import org.renda.casework.CaseEnums.Kind;
import org.renda.casework.CaseEnums.Source;
import org.renda.casework.CaseFigures;
import org.renda.dashboard.DashboardFigures.CaseRow;
import org.renda.identity.Logins;
import org.renda.org.OrgTree;
import org.renda.org.OrgView;
import org.renda.shared.NotFoundException;
import org.renda.support.RendaIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The dashboard's figures against records counted independently: cases this test receives (then dates and
 * settles) in a year the demo does not use, and the demo county's duty records, reception days, votes and
 * assessment periods recounted straight from their tables by organisation path. Scope: a town clerk sees
 * their town only.
 */
@RendaIntegrationTest
class DashboardFiguresTest {

    /** A year no demo record and no other test uses: what is counted there is what this test received. */
    private static final int YEAR = 2019;
    private static final AtomicInteger SEQ = new AtomicInteger();

    @Autowired MockMvc mvc;
    @Autowired UserDetailsService accounts;
    @Autowired OrgTree orgs;
    @Autowired JdbcClient jdbc;
    @Autowired CaseDesk desk;
    @Autowired CaseFigures caseFigures;
    @Autowired Dashboard dashboard;

    private OrgView org(String code) {
        return orgs.findByCode(code).orElseThrow();
    }

    /** Receives a case as the town's clerk, then dates it (Beijing time) and sets where it stands. */
    private long caseOf(String clerk, String orgCode, String receivedAt, String state, String rating, String dueOn) {
        long id = Logins.call(accounts, clerk, () -> desk.intake(new CaseDesk.StaffIntake(org(orgCode).id(),
                Source.STAFF, Kind.OPINION, "交通出行", "看板测试 " + SEQ.incrementAndGet(), "路灯不亮", null, "张三",
                null, false, null), List.of()).id());
        jdbc.sql("update case_item set created_at = :at, state = :state, rating = :rating, due_on = :due where id = :id")
                .param("at", OffsetDateTime.parse(receivedAt)).param("state", state).param("rating", rating)
                .param("due", dueOn == null ? null : LocalDate.parse(dueOn)).param("id", id).update();
        return id;
    }

    private DashboardFigures figures(String who, String orgCode, int year) {
        return Logins.call(accounts, who, () -> dashboard.figures(orgCode == null ? dashboard.place(null)
                : dashboard.place(org(orgCode).id()), year, LocalDate.now()));
    }

    private static CaseRow town(DashboardFigures f, String name) {
        return f.cases().byTown().stream().filter(r -> r.label().equals(name)).findFirst().orElseThrow();
    }

    private static long[] v(CaseRow r) {
        return new long[] {r.collected(), r.closed(), r.overdue(), r.rated(), r.satisfied()};
    }

    private static long[] minus(long[] a, long[] b) {
        long[] d = new long[a.length];
        for (int i = 0; i < a.length; i++) {
            d[i] = a[i] - b[i];
        }
        return d;
    }

    @Test
    void casesCountInTheTownAndMonthTheyWereReceivedWithTheDefinitionsOfTheCaseFiguresPage() throws Exception {
        DashboardFigures before = figures("county.director", "QH", YEAR);
        // March: two closed (one satisfied, one not); July: one overdue; 31 July 17:00 UTC is 1 August in Beijing;
        // a withdrawn case does not count; a case of a village counts for its town
        caseOf("anlan.staff", "QH-AL", "2019-03-10T09:00+08:00", "CLOSED", "SATISFIED", "2019-04-10");
        caseOf("anlan.staff", "QH-AL", "2019-03-20T09:00+08:00", "CLOSED", "UNSATISFIED", "2019-04-20");
        caseOf("anlan.staff", "QH-AL", "2019-07-01T09:00+08:00", "ASSIGNED", null, "2019-08-01");
        caseOf("anlan.staff", "QH-AL-V01", "2019-07-31T17:00Z", "RECEIVED", null, null);
        caseOf("anlan.staff", "QH-AL", "2019-03-11T09:00+08:00", "WITHDRAWN", null, null);
        caseOf("shiqiao.staff", "QH-SQ", "2019-12-31T15:59+00:00", "REPLIED", null, "2020-01-20");
        DashboardFigures after = figures("county.director", "QH", YEAR);

        assertThat(minus(v(town(after, "安澜镇")), v(town(before, "安澜镇")))).containsExactly(4, 2, 1, 2, 1);
        assertThat(minus(v(town(after, "石桥镇")), v(town(before, "石桥镇")))).containsExactly(1, 0, 0, 0, 0);
        assertThat(minus(v(after.cases().byMonth().get(2)), v(before.cases().byMonth().get(2)))).containsExactly(2, 2, 0, 2, 1);
        assertThat(minus(v(after.cases().byMonth().get(6)), v(before.cases().byMonth().get(6)))).containsExactly(1, 0, 1, 0, 0);
        assertThat(minus(v(after.cases().byMonth().get(7)), v(before.cases().byMonth().get(7)))).containsExactly(1, 0, 0, 0, 0);
        assertThat(minus(v(after.cases().byMonth().get(11)), v(before.cases().byMonth().get(11)))).containsExactly(1, 0, 0, 0, 0);
        assertThat(minus(v(after.cases().total()), v(before.cases().total()))).containsExactly(5, 2, 1, 2, 1);
        // the months add up to the towns, and both to what the case figures page says for the year
        CaseRow total = after.cases().total();
        assertThat(after.cases().byMonth().stream().mapToLong(CaseRow::collected).sum()).isEqualTo(total.collected());
        assertThat(after.cases().byTown().stream().mapToLong(CaseRow::collected).sum()).isEqualTo(total.collected());
        var page = Logins.call(accounts, "county.director", () -> caseFigures.figures(CaseFigures.By.ORG,
                LocalDate.of(YEAR, 1, 1), LocalDate.of(YEAR, 12, 31)));
        var pageTotal = page.get(page.size() - 1);
        assertThat(new long[] {pageTotal.collected(), pageTotal.closed(), pageTotal.overdue(), pageTotal.rated(),
            pageTotal.satisfied()}).containsExactly(v(total));
        assertThat(town(after, "安澜镇").closureRate()).isEqualTo((double) town(after, "安澜镇").closed()
                / town(after, "安澜镇").collected());

        // the records behind the overdue figure of July are the overdue case
        var behind = Logins.call(accounts, "county.director", () -> dashboard.records(Dashboard.Kind.CASES,
                org("QH-AL"), false, YEAR, 7, "OVERDUE", null, LocalDate.now()));
        assertThat(behind.cases()).hasSize((int) after.cases().byMonth().get(6).overdue())
                .allSatisfy(c -> assertThat(c.state().name()).isEqualTo("ASSIGNED"));
    }

    @Test
    void aTownClerkSeesTheirTownOnlyAndAnotherTownAnswersNotFound() throws Exception {
        DashboardFigures before = figures("anlan.staff", null, YEAR);
        caseOf("anlan.staff", "QH-AL-V02", "2019-05-05T10:00+08:00", "CLOSED", "SATISFIED", "2019-06-05");
        caseOf("shiqiao.staff", "QH-SQ", "2019-05-06T10:00+08:00", "CLOSED", "SATISFIED", "2019-06-06");
        DashboardFigures after = figures("anlan.staff", null, YEAR);

        assertThat(after.organisation().name()).isEqualTo("安澜镇");
        assertThat(after.cases().total().collected() - before.cases().total().collected()).isEqualTo(1);
        assertThat(after.cases().byTown()).extracting(CaseRow::label).contains("东湖村", "西岭村")
                .doesNotContain("石桥镇", "石桥村");
        long shiqiao = org("QH-SQ").id();
        assertThatThrownBy(() -> figures("anlan.staff", "QH-SQ", YEAR)).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> Logins.call(accounts, "anlan.staff", () -> dashboard.place(org("QH").id())))
                .isInstanceOf(NotFoundException.class);
        mvc.perform(get("/api/v1/dashboard").param("org", String.valueOf(shiqiao))
                .with(Logins.as(accounts, "anlan.staff")))
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.status().isNotFound());
        mvc.perform(get("/dashboard").param("org", String.valueOf(shiqiao)).with(Logins.as(accounts, "anlan.staff")))
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.status().isNotFound());
        // a deputy and a handling unit have no dashboard
        mvc.perform(get("/dashboard").with(Logins.as(accounts, "deputy.li")))
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.status().isNotFound());
        mvc.perform(get("/dashboard").with(Logins.as(accounts, "unit.jiaotong")))
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.status().isNotFound());
    }

    @Test
    void dutiesReceptionsVotesAndPeriodsOfTheDemoCountyAgreeWithTheirTablesRecounted() {
        int year = LocalDate.now().getYear();
        LocalDate today = LocalDate.now();
        OrgView county = org("QH");
        DashboardFigures f = figures("county.director", "QH", year);
        String under = county.path() + "%";

        Map<String, Long> duties = new HashMap<>();
        jdbc.sql("select r.type, count(*) from duty_record r join organisation o on o.id = r.org_id"
                + " where o.path like :p and r.status = 'VERIFIED' and r.occurred_on between :a and :b group by r.type")
                .param("p", under).param("a", LocalDate.of(year, 1, 1)).param("b", LocalDate.of(year, 12, 31))
                .query((rs, n) -> duties.put(rs.getString(1), rs.getLong(2))).list();
        f.duties().byType().forEach(r -> assertThat(r.verified()).as(r.key()).isEqualTo(duties.getOrDefault(r.key(), 0L)));
        assertThat(f.duties().total().verified()).isEqualTo(duties.values().stream().mapToLong(Long::longValue).sum());

        // reception days by month, counted day by day in Java
        List<Object[]> days = jdbc.sql("select d.held_on, d.state, (select count(*) from reception_record r"
                + " where r.day_id = d.id) from reception_day d join organisation o on o.id = d.org_id"
                + " where o.path like :p and d.held_on between :a and :b")
                .param("p", under).param("a", LocalDate.of(year, 1, 1)).param("b", LocalDate.of(year, 12, 31))
                .query((rs, n) -> new Object[] {rs.getObject(1, LocalDate.class), rs.getString(2), rs.getLong(3)}).list();
        long[][] byMonth = new long[13][3];
        for (Object[] d : days) {
            LocalDate on = (LocalDate) d[0];
            String state = (String) d[1];
            boolean recorded = (long) d[2] > 0;
            long[] m = byMonth[on.getMonthValue()];
            if (!state.equals("CANCELLED")) {
                m[0]++;
                if (state.equals("HELD") || recorded) {
                    m[1]++;
                }
            }
            if (state.equals("PLANNED") && on.isBefore(today) && !recorded) {
                m[2]++;
            }
        }
        for (int month = 1; month <= 12; month++) {
            var row = f.receptions().byMonth().get(month - 1);
            assertThat(new long[] {row.planned(), row.held(), row.missed()}).as("month " + month)
                    .containsExactly(byMonth[month]);
        }
        assertThat(f.receptions().total().planned()).isEqualTo(days.stream().filter(d -> !d[1].equals("CANCELLED")).count());

        java.time.ZoneId zone = java.time.ZoneId.systemDefault();
        long votes = jdbc.sql("select c.for_year, v.opened_at from vote v left join appraisal_campaign c"
                + " on c.id = v.campaign_id join organisation o on o.id = v.org_id where o.path like :p")
                .param("p", under).query((rs, n) -> {
                    Integer campaignYear = rs.getObject(1, Integer.class);
                    OffsetDateTime opened = rs.getObject(2, OffsetDateTime.class);
                    return campaignYear != null ? campaignYear == year
                            : opened != null && opened.atZoneSameInstant(zone).getYear() == year;
                }).list().stream().filter(b -> b).count();
        assertThat(f.appraisals().votes()).hasSize((int) votes);
        f.appraisals().votes().forEach(v -> {
            long roll = jdbc.sql("select count(*) from vote_roll where vote_id = ?").param(v.id()).query(Long.class).single();
            assertThat(v.eligible()).isEqualTo(roll);
            if (v.eligible() > 0) { // a vote by printed codes alone has no roll (other tests in this JVM make some)
                assertThat(v.cast()).isLessThanOrEqualTo(v.eligible());
            }
        });

        long sheets = jdbc.sql("select count(*) from assessment_sheet s join assessment_period p on p.id = s.period_id"
                + " join organisation o on o.id = p.org_id where o.path like :p and p.for_year = :y")
                .param("p", under).param("y", year).query(Long.class).single();
        long submitted = jdbc.sql("select count(*) from assessment_sheet s join assessment_period p on p.id = s.period_id"
                + " join organisation o on o.id = p.org_id where o.path like :p and p.for_year = :y and s.status = 'SUBMITTED'")
                .param("p", under).param("y", year).query(Long.class).single();
        assertThat(f.assessments().periods().stream().mapToLong(DashboardFigures.PeriodRow::sheets).sum()).isEqualTo(sheets);
        assertThat(f.assessments().periods().stream().mapToLong(DashboardFigures.PeriodRow::submitted).sum())
                .isEqualTo(submitted);
    }

    @Test
    void theWorkbookHasTheSameFiguresAndTheApiTheSameJson() throws Exception {
        caseOf("anlan.staff", "QH-AL", "2019-09-09T09:00+08:00", "CLOSED", "SATISFIED", "2019-10-09");
        DashboardFigures f = figures("county.director", "QH", YEAR);
        byte[] body = mvc.perform(get("/dashboard.xlsx").param("year", String.valueOf(YEAR))
                .with(Logins.as(accounts, "county.director"))).andReturn().getResponse().getContentAsByteArray();
        DataFormatter fmt = new DataFormatter();
        try (var book = new XSSFWorkbook(new ByteArrayInputStream(body))) {
            Sheet towns = book.getSheet("意见建议（按单位）");
            assertThat(towns).as("sheet of cases by town").isNotNull();
            assertThat(fmt.formatCellValue(towns.getRow(0).getCell(0))).isEqualTo("统计对象");
            Map<String, String> collected = new HashMap<>();
            Map<String, String> rate = new HashMap<>();
            for (Row row : towns) {
                collected.put(fmt.formatCellValue(row.getCell(0)), fmt.formatCellValue(row.getCell(1)));
                rate.put(fmt.formatCellValue(row.getCell(0)), fmt.formatCellValue(row.getCell(3)));
            }
            assertThat(collected.get("安澜镇")).isEqualTo(String.valueOf(town(f, "安澜镇").collected()));
            assertThat(collected.get("合计")).isEqualTo(String.valueOf(f.cases().total().collected()));
            assertThat(rate.get("安澜镇")).isEqualTo(String.format("%.1f%%", town(f, "安澜镇").closureRate() * 100));
            assertThat(book.getSheet("意见建议（按月）").getRow(9).getCell(0).getStringCellValue()).isEqualTo("9月");
            assertThat(book.getSheet("履职记录（按类型）")).isNotNull();
            assertThat(book.getSheet("接待日（按月）")).isNotNull();
            assertThat(book.getSheet("满意度测评")).isNotNull();
            assertThat(book.getSheet("考核")).isNotNull();
            book.forEach(sheet -> sheet.forEach(row -> row.forEach(cell -> assertThat(fmt.formatCellValue(cell))
                    .doesNotContain("{0}").doesNotContain("??").doesNotContainPattern("^[A-Z_]{4,}$"))));
        }
        String json = mvc.perform(get("/api/v1/dashboard").param("year", String.valueOf(YEAR))
                .with(Logins.as(accounts, "county.director"))).andReturn().getResponse().getContentAsString();
        assertThat(json).contains("\"collected\":" + f.cases().total().collected())
                .contains("\"name\":\"清河县\"");
    }
}
