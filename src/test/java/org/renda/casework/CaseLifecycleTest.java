package org.renda.casework;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.renda.identity.Logins;
import org.renda.org.OrgTree;
import org.renda.support.RendaIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/** A case from intake to closure through the pages, as the clerk, the unit, the chair and the deputy do it. */
@RendaIntegrationTest
class CaseLifecycleTest {

    @Autowired MockMvc mvc;
    @Autowired UserDetailsService accounts;
    @Autowired OrgTree orgs;
    @Autowired JdbcClient jdbc;
    @Autowired org.renda.calendar.Deadlines deadlines;
    @Autowired org.renda.calendar.WorkingCalendar calendar;

    private long town() {
        return orgs.findByCode("QH-AL").orElseThrow().id();
    }

    private long transport() {
        return orgs.findByCode("QH-D11").orElseThrow().id();
    }

    private long intake(String title) throws Exception {
        MvcResult r = mvc.perform(multipart("/cases").with(csrf()).with(Logins.as(accounts, "anlan.staff"))
                .param("orgId", String.valueOf(town())).param("source", "RECEPTION").param("kind", "OPINION")
                .param("category", "交通出行").param("title", title).param("content", "村道坑洼，雨天积水，群众出行不便。")
                .param("name", "王大爷").param("phone", "13612345678")).andReturn();
        assertThat(r.getFlashMap().get("success")).asString().startsWith("已登记，查询码");
        return Long.parseLong(r.getResponse().getRedirectedUrl().replace("/cases/", ""));
    }

    private MvcResult act(String who, long id, String action, String... params) throws Exception {
        var req = post("/cases/" + id + "/act").param("action", action).with(csrf()).with(Logins.as(accounts, who));
        for (int i = 0; i < params.length; i += 2) {
            req.param(params[i], params[i + 1]);
        }
        return mvc.perform(req).andReturn();
    }

    private String state(long id) {
        return jdbc.sql("select state from case_item where id = ?").param(id).query(String.class).single();
    }

    @Test
    void aCaseGoesFromReceptionToClosureWithEveryStepOnItsTimeline() throws Exception {
        long id = intake("修复安澜镇东湖村村道");
        assertThat(state(id)).isEqualTo("RECEIVED");

        act("anlan.staff", id, "ASSIGN", "leadUnitId", String.valueOf(transport()), "note", "请于时限内答复");
        assertThat(state(id)).isEqualTo("ASSIGNED");
        LocalDate due = jdbc.sql("select due_on from case_item where id = ?").param(id).query(LocalDate.class).single();
        assertThat(due).isEqualTo(deadlines.dueDate(town(), "PUBLIC_OPINION", LocalDate.now()));

        assertThat(mvc.perform(get("/cases").with(Logins.as(accounts, "unit.jiaotong"))).andReturn().getResponse()
                .getContentAsString()).contains("修复安澜镇东湖村村道");
        String unitView = mvc.perform(get("/cases/" + id).with(Logins.as(accounts, "unit.jiaotong"))).andReturn()
                .getResponse().getContentAsString();
        assertThat(unitView).contains("签收", "136****5678").doesNotContain("13612345678");

        act("unit.jiaotong", id, "SIGN");
        assertThat(state(id)).isEqualTo("IN_PROGRESS");
        act("unit.jiaotong", id, "REPLY", "note", "已列入今年农村公路养护计划，12 月底前完成修复。", "outcome", "PLANNED");
        assertThat(state(id)).isEqualTo("REPLIED");

        act("anlan.staff", id, "RATE", "rating", "UNSATISFIED");
        assertThat(state(id)).isEqualTo("REHANDLING");
        act("unit.jiaotong", id, "REPLY", "note", "已于本周完成修复，并设置排水沟。", "outcome", "SOLVED");
        act("anlan.staff", id, "RATE", "rating", "SATISFIED");
        assertThat(state(id)).isEqualTo("CLOSED");

        List<String> steps = jdbc.sql("select action from case_event where case_id = ? order by id").param(id)
                .query(String.class).list();
        assertThat(steps).containsExactly("TRIAGE", "ASSIGN", "SIGN", "REPLY", "RATE", "REPLY", "RATE");
        assertThat(jdbc.sql("select count(*) from audit_event where entity_type = 'case' and entity_id = ?")
                .param(String.valueOf(id)).query(Integer.class).single()).isEqualTo(7);
    }

    @Autowired CaseReminders reminders;

    private int notifications(String username, String keyLike) {
        return jdbc.sql("""
                select count(*) from notification n join app_user u on u.id = n.recipient_user_id
                where u.username = ? and n.dedupe_key like ? and n.channel = 'IN_APP'""")
                .params(username, keyLike).query(Integer.class).single();
    }

    @Test
    void unitsHearOfAnAssignmentAndTheChairOfAnOverdueCaseOnlyOnce() throws Exception {
        long id = intake("桥梁护栏损坏");
        act("anlan.staff", id, "ASSIGN", "leadUnitId", String.valueOf(transport()));
        assertThat(notifications("unit.jiaotong", "case:" + id + ":assigned:%")).isEqualTo(1);

        LocalDate due = jdbc.sql("select due_on from case_item where id = ?").param(id).query(LocalDate.class).single();
        org.renda.shared.SystemContext.run(() -> reminders.check(calendar.plusWorkingDays(due, -1)));
        assertThat(notifications("unit.jiaotong", "case:" + id + ":reminder:%")).isEqualTo(1);
        org.renda.shared.SystemContext.run(() -> reminders.check(due.plusDays(1)));
        org.renda.shared.SystemContext.run(() -> reminders.check(due.plusDays(2)));
        assertThat(notifications("anlan.chair", "case:" + id + ":overdue:%")).as("escalated once").isEqualTo(1);
        assertThat(notifications("unit.jiaotong", "case:" + id + ":overdue:%")).isEqualTo(1);
        assertThat(notifications("anlan.staff", "case:" + id + ":%")).isZero();
    }

    @Test
    void aStepOutOfTurnOrByTheWrongPartyIsRefused() throws Exception {
        long id = intake("路灯不亮");
        assertThat(act("unit.jiaotong", id, "SIGN").getResponse().getStatus()).as("not yet assigned to it").isEqualTo(404);
        assertThat(act("anlan.staff", id, "REPLY", "note", "x", "outcome", "SOLVED").getFlashMap().get("failure"))
                .isEqualTo("当前状态下不能执行此操作");
        assertThat(act("shiqiao.staff", id, "ASSIGN", "leadUnitId", String.valueOf(transport())).getResponse()
                .getStatus()).as("another town's clerk").isEqualTo(404);
        assertThat(mvc.perform(get("/cases/" + id).with(Logins.as(accounts, "shiqiao.staff"))).andReturn()
                .getResponse().getStatus()).isEqualTo(404);
        assertThat(state(id)).isEqualTo("RECEIVED");
    }

    @Test
    void aWronglyAssignedCaseIsReturnedWithAReasonAndAssignedAgain() throws Exception {
        long id = intake("学校门口交通安全");
        act("anlan.staff", id, "ASSIGN", "leadUnitId", String.valueOf(transport()));
        assertThat(act("unit.jiaotong", id, "RETURN").getFlashMap().get("failure")).isNotNull();
        act("unit.jiaotong", id, "RETURN", "note", "属教育局职责");
        assertThat(state(id)).isEqualTo("RETURNED");
        assertThat(act("unit.jiaotong", id, "SIGN").getResponse().getStatus()).isEqualTo(404);
        long education = orgs.findByCode("QH-D02").orElseThrow().id();
        act("anlan.staff", id, "ASSIGN", "leadUnitId", String.valueOf(education), "coUnitIds", String.valueOf(transport()));
        assertThat(state(id)).isEqualTo("ASSIGNED");
        assertThat(jdbc.sql("select count(*) from case_assignment where case_id = ? and ended_at is null").param(id)
                .query(Integer.class).single()).isEqualTo(2);
    }

    @Test
    void duplicatesAreMergedAndTheChairPutsACaseUnderKeySupervision() throws Exception {
        long first = intake("菜市场占道经营");
        long second = intake("菜市场门口占道");
        String code = jdbc.sql("select receipt_code from case_item where id = ?").param(first).query(String.class).single();
        act("anlan.staff", second, "MERGE", "mergeInto", code);
        assertThat(state(second)).isEqualTo("MERGED");

        mvc.perform(post("/cases/" + first + "/supervise").param("on", "true").with(csrf())
                .with(Logins.as(accounts, "anlan.chair")));
        assertThat(jdbc.sql("select key_supervisor from case_item where id = ?").param(first).query(String.class)
                .single()).isEqualTo("黄永明");
        assertThat(mvc.perform(post("/cases/" + first + "/supervise").param("on", "true").with(csrf())
                .with(Logins.as(accounts, "anlan.staff"))).andReturn().getResponse().getStatus())
                .as("only the chair or a vice-chair").isEqualTo(404);
    }

    @Test
    void aDeputySuggestsCoSignedAndRatesTheReplyThemself() throws Exception {
        long zhao = jdbc.sql("select d.id from deputy d join app_user u on u.id = d.user_id where u.username = 'deputy.zhao'")
                .query(Long.class).single();
        MvcResult r = mvc.perform(multipart("/cases/suggest").with(csrf()).with(Logins.as(accounts, "deputy.li"))
                .param("category", "农业农村").param("title", "建设村级冷链仓储点").param("content", "帮助农户错峰销售。")
                .param("complex", "true").param("cosignerIds", String.valueOf(zhao))).andReturn();
        long id = Long.parseLong(r.getResponse().getRedirectedUrl().replace("/cases/", ""));
        act("anlan.staff", id, "ASSIGN", "leadUnitId", String.valueOf(orgs.findByCode("QH-D13").orElseThrow().id()),
                "complex", "true");
        LocalDate due = jdbc.sql("select due_on from case_item where id = ?").param(id).query(LocalDate.class).single();
        assertThat(due).isEqualTo(calendar.nextWorkingDay(LocalDate.now().plusMonths(6)))
                .isEqualTo(deadlines.dueDate(town(), "SUGGESTION_COMPLEX", LocalDate.now()));
        assertThat(mvc.perform(get("/cases/" + id).with(Logins.as(accounts, "deputy.zhao"))).andReturn().getResponse()
                .getStatus()).as("the co-signer follows it").isEqualTo(200);
    }

    @Test
    void intakeSuggestsTheUnitAndListsSimilarOpenCases() throws Exception {
        long first = intake("东湖村村道坑洼积水");
        long second = intake("东湖村村道坑洼，雨天积水");
        String page = mvc.perform(get("/cases/" + second).with(Logins.as(accounts, "anlan.staff"))).andReturn()
                .getResponse().getContentAsString();
        assertThat(page).contains("建议主办单位：交通运输局", "相似的待办件",
                jdbc.sql("select receipt_code from case_item where id = ?").param(first).query(String.class).single());
    }

    @Test
    void theFiguresCountCollectedClosedAndOverdue() throws Exception {
        String page = mvc.perform(get("/cases/figures").param("by", "CATEGORY").with(Logins.as(accounts, "anlan.staff")))
                .andReturn().getResponse().getContentAsString();
        assertThat(page).contains("交通出行", "合计");
        byte[] xlsx = mvc.perform(get("/cases/figures.xlsx").param("by", "ORG").param("from", LocalDate.now().withDayOfYear(1)
                .toString()).param("to", LocalDate.now().toString()).with(Logins.as(accounts, "anlan.staff")))
                .andReturn().getResponse().getContentAsByteArray();
        var rows = org.renda.shared.excel.Xlsx.read(new java.io.ByteArrayInputStream(xlsx), List.of("统计对象", "收集件数"));
        assertThat(rows).extracting(x -> x.get("统计对象")).contains("安澜镇", "合计");
    }
}
