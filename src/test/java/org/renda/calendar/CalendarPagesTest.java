package org.renda.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.renda.identity.Logins;
import org.renda.org.OrgTree;
import org.renda.shared.excel.Xlsx;
import org.renda.support.RendaIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder;

/**
 * The calendar as clerks keep it: the national holidays are there from the start, a town lists its own
 * days by hand or by file (all or nothing), deadline rules resolve along the tree, and nobody edits
 * outside their reach. Every test undoes the days and rules it adds, since the database is shared.
 */
@RendaIntegrationTest
class CalendarPagesTest {

    @Autowired MockMvc mvc;
    @Autowired UserDetailsService accounts;
    @Autowired OrgTree orgs;
    @Autowired WorkingCalendar calendar;
    @Autowired Deadlines deadlines;
    @Autowired JdbcClient jdbc;

    private long org(String code) {
        return orgs.findByCode(code).orElseThrow().id();
    }

    private MvcResult send(String who, AbstractMockHttpServletRequestBuilder<?> request) throws Exception {
        return mvc.perform(request.with(csrf()).with(Logins.as(accounts, who))).andReturn();
    }

    private String page(String who, String url) throws Exception {
        MvcResult r = send(who, get(url));
        assertThat(r.getResponse().getStatus()).as(url).isEqualTo(200);
        return r.getResponse().getContentAsString();
    }

    private String upload(String who, long scope, String filename, byte[] content) throws Exception {
        return send(who, multipart("/calendar/import").file(new MockMultipartFile("file", filename, "text/csv", content))
                .param("org", String.valueOf(scope))).getResponse().getContentAsString();
    }

    private long days(long scope, int year) {
        return jdbc.sql("select count(*) from calendar_day where org_id = ? and calendar_date between ? and ?")
                .params(scope, LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31)).query(Long.class).single();
    }

    private void removeDays(long scope, int year) {
        jdbc.sql("delete from calendar_day where org_id = ? and calendar_date between ? and ?")
                .params(scope, LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31)).update();
        calendar.invalidate();
    }

    private static LocalDate d(String iso) {
        return LocalDate.parse(iso);
    }

    @Test
    void theNationalHolidaysOf2025And2026AreLoadedAtStartAndListedOnThePage() throws Exception {
        assertThat(calendar.hasNationalDays(2025)).isTrue();
        assertThat(calendar.hasNationalDays(2026)).isTrue();
        assertThat(calendar.isWorkingDay(d("2026-02-14"))).isTrue();
        assertThat(calendar.isWorkingDay(d("2026-02-16"))).isFalse();
        assertThat(calendar.plusWorkingDays(d("2026-02-13"), 1)).isEqualTo(d("2026-02-14"));
        assertThat(calendar.plusMonths(d("2026-07-31"), 3)).isEqualTo(d("2026-11-02"));
        assertThat(days(WorkingCalendar.NATIONAL, 2026)).isEqualTo(39);

        String year = page("county.staff", "/calendar?org=0&year=2026");
        assertThat(year).contains("春节", "国庆节", "调休上班", "2026-02-14", "全年共 248 个工作日");
        // every signed-in user reads the national calendar; the menu shows it to those who keep one
        assertThat(page("deputy.li", "/calendar?org=0&year=2025")).contains("国庆节、中秋节").doesNotContain("导入");
        assertThat(page("county.staff", "/")).contains("href=\"/calendar\"");
        assertThat(page("deputy.li", "/")).doesNotContain("href=\"/calendar\"");
    }

    @Test
    void aTownsOwnHolidayAppliesToItsSubtreeOnlyAndIsAudited() throws Exception {
        long town = org("QH-AL");
        long village = org("QH-AL-V01");
        long otherTown = org("QH-SQ");
        try {
            MvcResult r = send("anlan.staff", post("/calendar/days").param("org", String.valueOf(town))
                    .param("date", "2031-03-05").param("kind", "HOLIDAY").param("name", "镇庆"));
            assertThat(r.getResponse().getRedirectedUrl()).isEqualTo("/calendar?org=" + town + "&year=2031");

            assertThat(calendar.of(town).isWorkingDay(d("2031-03-05"))).isFalse();
            assertThat(calendar.of(village).isWorkingDay(d("2031-03-05"))).isFalse();
            assertThat(calendar.of(otherTown).isWorkingDay(d("2031-03-05"))).isTrue();
            assertThat(calendar.isWorkingDay(d("2031-03-05"))).isTrue();
            assertThat(calendar.of(village).plusWorkingDays(d("2031-03-04"), 1)).isEqualTo(d("2031-03-06"));
            assertThat(jdbc.sql("select count(*) from audit_event where entity_type = 'calendar_day' and org_id = ?"
                    + " and action = 'CREATED' and after_state like '%镇庆%'").param(town).query(Long.class).single())
                    .isEqualTo(1);
            assertThat(page("anlan.staff", "/calendar?org=" + village + "&year=2031")).contains("镇庆", "安澜镇");

            long id = jdbc.sql("select id from calendar_day where org_id = ? and calendar_date = ?")
                    .params(town, d("2031-03-05")).query(Long.class).single();
            // another town's clerk cannot remove it
            assertThat(send("shiqiao.staff", post("/calendar/days/" + id + "/delete").param("org", String.valueOf(town))
                    .param("year", "2031")).getResponse().getStatus()).isEqualTo(404);
            send("anlan.staff", post("/calendar/days/" + id + "/delete").param("org", String.valueOf(town)).param("year", "2031"));
            assertThat(calendar.of(village).isWorkingDay(d("2031-03-05"))).isTrue();
        } finally {
            removeDays(town, 2031);
        }
    }

    @Test
    void aGoodFileIsImportedWholeAndTheBundledNationalFileImportsBackUnchanged() throws Exception {
        long town = org("QH-AL");
        try {
            String csv = "\uFEFF# 本镇安排\n日期,类型,名称\n2032/3/5,放假,镇庆\n2032年3月6日,调休上班,镇庆\n\"2032-03-09\",放假,\"节日, 第二天\"\n";
            String result = upload("anlan.staff", town, "days.csv", csv.getBytes(StandardCharsets.UTF_8));
            assertThat(result).contains("导入完成：新增 3 天，更新 0 天，0 天未变");
            assertThat(calendar.of(town).isWorkingDay(d("2032-03-06"))).isTrue(); // a Saturday worked
            assertThat(calendar.of(town).isWorkingDay(d("2032-03-09"))).isFalse();

            byte[] xlsx = Xlsx.write("工作日历", HolidayFiles.HEADERS, List.of(List.of("2032-03-09", "放假", "节日"),
                    List.of("2032-03-10", "放假", "节日")));
            assertThat(upload("anlan.staff", town, "days.xlsx", xlsx)).contains("导入完成：新增 1 天，更新 1 天，0 天未变");
            assertThat(days(town, 2032)).isEqualTo(4);

            // the export of a scope reads back as an import that changes nothing
            byte[] export = send("anlan.staff", get("/calendar/export?org=" + town + "&year=2032")).getResponse()
                    .getContentAsByteArray();
            assertThat(upload("anlan.staff", town, "export.xlsx", export)).contains("新增 0 天，更新 0 天，4 天未变");
        } finally {
            removeDays(town, 2032);
        }
        // the seeded national file, imported by hand (administrator), finds every day already there
        byte[] national = getClass().getResourceAsStream("/calendar/CN-2026.csv").readAllBytes();
        assertThat(upload("admin", WorkingCalendar.NATIONAL, "CN-2026.csv", national)).contains("新增 0 天，更新 0 天，39 天未变");
    }

    @Test
    void aFileWithABadRowImportsNothingAndNamesEveryBadRow() throws Exception {
        long town = org("QH-AL");
        String csv = """
                日期,类型,名称
                2033-04-01,放假,好日子
                2033-02-30,放假,不存在的日子
                2033-04-02,休,类型不对
                2033-04-01,放假,重复
                2033-04-03,放假,
                """;
        String page = upload("anlan.staff", town, "bad.csv", csv.getBytes(StandardCharsets.UTF_8));
        assertThat(page).contains("文件有 4 处错误，未导入任何数据")
                .contains("第 3 行：日期“2033-02-30”无法识别")
                .contains("第 4 行：类型“休”无法识别")
                .contains("第 5 行：日期 2033-04-01 与第 2 行重复")
                .contains("第 6 行：名称不能为空");
        assertThat(days(town, 2033)).isZero();
        assertThat(calendar.of(town).isWorkingDay(d("2033-04-01"))).isTrue();
        assertThat(upload("anlan.staff", town, "bad.xlsx", "PK not a workbook".getBytes(StandardCharsets.UTF_8)))
                .contains("无法读取文件");
    }

    @Test
    void nobodyEditsACalendarOutsideTheirReach() throws Exception {
        long county = org("QH");
        String csv = "日期,类型,名称\n2034-05-06,放假,越权\n";
        assertThat(send("anlan.staff", multipart("/calendar/import").file(new MockMultipartFile("file", "x.csv",
                "text/csv", csv.getBytes(StandardCharsets.UTF_8))).param("org", String.valueOf(county)))
                .getResponse().getStatus()).isEqualTo(404);
        assertThat(send("county.staff", post("/calendar/days").param("org", "0").param("date", "2034-05-06")
                .param("kind", "HOLIDAY").param("name", "越权")).getResponse().getStatus()).isEqualTo(404);
        assertThat(send("deputy.li", post("/calendar/days").param("org", String.valueOf(org("QH-AL")))
                .param("date", "2034-05-06").param("kind", "HOLIDAY").param("name", "越权")).getResponse().getStatus())
                .isEqualTo(404);
        assertThat(days(county, 2034) + days(WorkingCalendar.NATIONAL, 2034) + days(org("QH-AL"), 2034)).isZero();
        assertThat(send("anlan.staff", get("/calendar?org=" + org("QH-SQ"))).getResponse().getStatus()).isEqualTo(404);
    }

    @Test
    void theNearestOrganisationsRuleWinsAlongTheLineageElseTheNationalDefault() throws Exception {
        long county = org("QH");
        long town = org("QH-AL");
        long village = org("QH-AL-V01");
        long otherTown = org("QH-SQ");
        long province = org("JN");
        LocalDate start = d("2026-07-31");
        try {
            assertThat(deadlines.dueDate(village, "SUGGESTION", start)).isEqualTo(d("2026-11-02"));
            assertThat(deadlines.dueDate(village, "RETURN_WRONG_ASSIGNMENT", d("2026-09-24"))).isEqualTo(d("2026-10-12"));

            MvcResult r = send("county.staff", post("/calendar/rules").param("org", String.valueOf(county))
                    .param("code", "SUGGESTION").param("amount", "2").param("unit", "MONTHS")
                    .param("reminderDaysBefore", "5").param("version", "0"));
            assertThat(r.getFlashMap().get("success")).isEqualTo("办理时限已保存");
            assertThat(deadlines.rule(village, "SUGGESTION").orgId()).isEqualTo(county);
            assertThat(deadlines.dueDate(village, "SUGGESTION", start)).isEqualTo(d("2026-09-30"));
            assertThat(deadlines.dueDate(otherTown, "SUGGESTION", start)).isEqualTo(d("2026-09-30"));
            assertThat(deadlines.dueDate(province, "SUGGESTION", start)).isEqualTo(d("2026-11-02"));

            send("anlan.staff", post("/calendar/rules").param("org", String.valueOf(town)).param("code", "SUGGESTION")
                    .param("amount", "20").param("unit", "WORKING_DAYS").param("reminderDaysBefore", "3")
                    .param("version", "0"));
            // 20 working days from Friday 2026-09-18: 9/20 (Sun, make-up) ... across 国庆 and 中秋
            Deadline deadline = deadlines.deadline(village, "SUGGESTION", d("2026-09-18"));
            assertThat(deadline.rule().orgId()).isEqualTo(town);
            assertThat(deadline.due()).isEqualTo(d("2026-10-22"));
            assertThat(deadline.remindOn()).isEqualTo(d("2026-10-19"));
            assertThat(deadlines.dueDate(otherTown, "SUGGESTION", start)).isEqualTo(d("2026-09-30"));

            assertThat(page("anlan.staff", "/calendar/rules?org=" + village)).contains("20 个工作日", "安澜镇");
            assertThat(page("county.staff", "/calendar/rules?org=" + county)).contains("2 个月", "到期前 5 个工作日");
            assertThat(jdbc.sql("select count(*) from audit_event where entity_type = 'deadline_rule' and entity_id = ?")
                    .param(town + ":SUGGESTION").query(Long.class).single()).isEqualTo(1);

            send("anlan.staff", post("/calendar/rules/reset").param("org", String.valueOf(town)).param("code", "SUGGESTION"));
            assertThat(deadlines.rule(village, "SUGGESTION").orgId()).isEqualTo(county);
        } finally {
            jdbc.sql("delete from deadline_rule where org_id <> 0").update();
            deadlines.invalidate();
        }
        assertThat(deadlines.dueDate(village, "SUGGESTION", start)).isEqualTo(d("2026-11-02"));
    }

    @Test
    void aTownClerkCannotEditTheCountysRulesNorTheNationalDefaults() throws Exception {
        long county = org("QH");
        MvcResult r = send("anlan.staff", post("/calendar/rules").param("org", String.valueOf(county))
                .param("code", "SUGGESTION").param("amount", "1").param("unit", "MONTHS")
                .param("reminderDaysBefore", "0").param("version", "0"));
        assertThat(r.getResponse().getStatus()).isEqualTo(404);
        assertThat(send("county.staff", post("/calendar/rules").param("org", "0").param("code", "SUGGESTION")
                .param("amount", "1").param("unit", "MONTHS").param("reminderDaysBefore", "0").param("version", "0"))
                .getResponse().getStatus()).isEqualTo(404);
        assertThat(send("anlan.staff", post("/calendar/rules/reset").param("org", String.valueOf(county))
                .param("code", "SUGGESTION")).getResponse().getStatus()).isEqualTo(404);
        assertThat(jdbc.sql("select count(*) from deadline_rule where org_id = ?").param(county).query(Long.class).single())
                .isZero();
        assertThat(deadlines.rule(county, "SUGGESTION").amount()).isEqualTo(3);
        // the edit form is there for those who may edit, and only for them
        assertThat(page("anlan.staff", "/calendar/rules?org=" + org("QH-AL"))).contains("name=\"amount\"");
        assertThat(page("county.director", "/calendar/rules?org=" + county)).doesNotContain("name=\"amount\"");
    }

    @Test
    void theAdministratorKeepsTheNationalDefaultsWithOptimisticLocking() throws Exception {
        DeadlineRule before = deadlines.rule(WorkingCalendar.NATIONAL, "PUBLIC_OPINION");
        try {
            send("admin", post("/calendar/rules").param("org", "0").param("code", "PUBLIC_OPINION").param("amount", "10")
                    .param("unit", "WORKING_DAYS").param("reminderDaysBefore", "2")
                    .param("version", String.valueOf(before.version())));
            assertThat(deadlines.rule(org("QH-AL-V01"), "PUBLIC_OPINION").amount()).isEqualTo(10);
            MvcResult stale = send("admin", post("/calendar/rules").param("org", "0").param("code", "PUBLIC_OPINION")
                    .param("amount", "12").param("unit", "WORKING_DAYS").param("reminderDaysBefore", "2")
                    .param("version", String.valueOf(before.version())));
            assertThat(stale.getFlashMap().get("failure")).isEqualTo("该记录已被他人修改，请刷新后重试");
            assertThat(deadlines.rule(WorkingCalendar.NATIONAL, "PUBLIC_OPINION").amount()).isEqualTo(10);
        } finally {
            jdbc.sql("update deadline_rule set amount = ?, unit = ?, reminder_days_before = ? where org_id = 0 and code = ?")
                    .params(before.amount(), before.unit().name(), before.reminderDaysBefore(), "PUBLIC_OPINION").update();
            deadlines.invalidate();
        }
    }
}
