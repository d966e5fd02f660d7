package org.renda.supervision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.renda.deputy.DeputyRegister;
import org.renda.deputy.DeputyViews.DeputySummary;
import org.renda.identity.Logins;
import org.renda.org.OrgTree;
import org.renda.shared.DomainException;
import org.renda.shared.NotFoundException;
import org.renda.supervision.EightStepViews.ProcessView;
import org.renda.supervision.EightStepViews.StageView;
import org.renda.support.RendaIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Seed 002's eight-step method (汉阳镇) replayed on one deputy activity of 安澜镇, in order, as the town clerk would:
 * before each step the next-but-one is tried first and refused with nothing saved; each step keeps its date,
 * evidence and closer; the meeting puts the activity into the deputies' archives; reopening follows the rules.
 */
@RendaIntegrationTest
class EightStepReplayTest {

    private static final AtomicInteger SEQ = new AtomicInteger();
    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10, 0, 0, 0, 13};
    private static final List<String> SEED_002 = List.of("提前通知", "提前调研", "召开座谈或评议会议", "形成评议意见",
            "监督整改落实", "整改验收评议", "公示整改落实结果", "过程材料归档");

    @Autowired MockMvc mvc;
    @Autowired UserDetailsService accounts;
    @Autowired OrgTree orgs;
    @Autowired JdbcClient jdbc;
    @Autowired EightStepDesk desk;
    @Autowired DeputyRegister deputies;

    private <T> T asClerk(java.util.function.Supplier<T> work) {
        return Logins.call(accounts, "anlan.staff", work);
    }

    private long anlan() {
        return orgs.findByCode("QH-AL").orElseThrow().id();
    }

    private List<DeputySummary> townDeputies(int n) {
        return asClerk(() -> deputies.listAll(new DeputyRegister.Query(null, null, null, null, null, anlan(), true)))
                .subList(0, n);
    }

    private ProcessView start(LocalDate on, List<DeputySummary> who) {
        return asClerk(() -> {
            long template = desk.templatesFor(anlan()).stream().filter(t -> t.code().equals("EIGHT_STEP")).findFirst()
                    .orElseThrow().id();
            return desk.start(new EightStepDesk.NewProcess(anlan(), template, "八步法回放" + SEQ.incrementAndGet(), on,
                    "民生实事：农村饮水安全", who.stream().map(DeputySummary::id).toList()));
        });
    }

    private long audits(long processId) {
        return jdbc.sql("select count(*) from audit_event where entity_type = 'eight_step_process' and entity_id = ?")
                .param(String.valueOf(processId)).query(Long.class).single();
    }

    private long files(long processId) {
        return jdbc.sql("select count(*) from eight_step_file f join eight_step_stage s on s.id = f.stage_id"
                + " where s.process_id = ?").param(processId).query(Long.class).single();
    }

    private List<String> dutyStatuses(long processId, List<DeputySummary> who) {
        return who.stream().map(d -> jdbc.sql("select status from duty_record where source_key = ?")
                .param(EightStepDesk.dutyKey(processId, d.id())).query(String.class).optional().orElse("NONE")).toList();
    }

    @Test
    void theEightStepsOfSeed002CloseOnlyInOrderWithEvidenceCloserAndAttendance() {
        LocalDate first = LocalDate.now().minusDays(40);
        List<DeputySummary> who = townDeputies(3);
        ProcessView p = start(first, who);
        assertThat(p.steps()).extracting(StageView::name).containsExactlyElementsOf(SEED_002);
        assertThat(p.steps()).extracting(StageView::status).containsExactly(EightStepStatus.CURRENT,
                EightStepStatus.WAITING, EightStepStatus.WAITING, EightStepStatus.WAITING, EightStepStatus.WAITING,
                EightStepStatus.WAITING, EightStepStatus.WAITING, EightStepStatus.WAITING);
        assertThat(p.deputies()).hasSize(3);

        for (int k = 0; k < 8; k++) {
            LocalDate on = first.plusDays(4L * k);
            ProcessView before = p;
            if (k + 1 < 8) {
                // the next-but-one first: refused, nothing saved (no date, no file, no audit entry)
                StageView ahead = before.steps().get(k + 1);
                long auditsBefore = audits(p.id());
                long filesBefore = files(p.id());
                assertThatThrownBy(() -> asClerk(() -> desk.close(ahead.id(), new EightStepDesk.CloseForm(on, "抢先"),
                        List.of(new EightStepDesk.Upload("抢先.png", "image/png", PNG)))))
                        .isInstanceOf(DomainException.class)
                        .hasFieldOrPropertyWithValue("messageKey", "eightStep.error.dependsOn");
                ProcessView unchanged = asClerk(() -> desk.process(before.id()));
                assertThat(unchanged.steps().get(k + 1).doneOn()).isNull();
                assertThat(unchanged.steps().get(k + 1).evidence()).isNull();
                assertThat(unchanged.done()).isEqualTo(k);
                assertThat(audits(p.id())).isEqualTo(auditsBefore);
                assertThat(files(p.id())).isEqualTo(filesBefore);
            }
            if (k > 0) {
                // a date before the previous step's is refused too
                StageView now = before.steps().get(k);
                LocalDate tooEarly = before.steps().get(k - 1).doneOn().minusDays(1);
                assertThatThrownBy(() -> asClerk(() -> desk.close(now.id(), new EightStepDesk.CloseForm(tooEarly, "早"),
                        List.of()))).hasFieldOrPropertyWithValue("messageKey", "eightStep.error.beforePredecessor");
            }
            assertThat(before.steps().get(k).status()).isEqualTo(EightStepStatus.CURRENT);
            String evidence = SEED_002.get(k) + "：佐证材料说明";
            StageView step = before.steps().get(k);
            p = asClerk(() -> desk.close(step.id(), new EightStepDesk.CloseForm(on, evidence),
                    List.of(new EightStepDesk.Upload(step.name() + ".png", "image/png", PNG))));
            StageView done = p.steps().get(k);
            assertThat(done.status()).isEqualTo(EightStepStatus.DONE);
            assertThat(done.doneOn()).isEqualTo(on);
            assertThat(done.evidence()).isEqualTo(evidence);
            assertThat(done.closedBy()).isEqualTo("anlan.staff");
            assertThat(done.closedByName()).isEqualTo("张丽");
            assertThat(done.files()).extracting(EightStepViews.FileView::fileName).containsExactly(step.name() + ".png");
            if (k + 1 < 8) {
                assertThat(p.steps().get(k + 1).status()).isEqualTo(EightStepStatus.CURRENT);
            }
            // attendance reaches the deputies' archives exactly when the meeting (step 3) closes
            assertThat(dutyStatuses(p.id(), who)).containsOnly(k < 2 ? "NONE" : "VERIFIED");
        }
        assertThat(p.done()).isEqualTo(8);
        assertThat(audits(p.id())).isEqualTo(1 + 8);
        long processId = p.id();
        String title = jdbc.sql("select title from duty_record where source_key = ?")
                .param(EightStepDesk.dutyKey(processId, who.get(0).id())).query(String.class).single();
        assertThat(title).endsWith("（召开座谈或评议会议）");
        String type = jdbc.sql("select type from duty_record where source_key = ?")
                .param(EightStepDesk.dutyKey(processId, who.get(0).id())).query(String.class).single();
        assertThat(type).isEqualTo("GROUP_ACTIVITY");

        // Reopen: never a step with a later step closed; the last closed one, then backwards.
        ProcessView all = p;
        assertThatThrownBy(() -> asClerk(() -> desk.reopen(all.steps().get(2).id())))
                .hasFieldOrPropertyWithValue("messageKey", "eightStep.error.laterClosed");
        assertThat(all.steps()).extracting(StageView::reopenable)
                .containsExactly(false, false, false, false, false, false, false, true);
        for (int k = 7; k >= 2; k--) {
            StageView s = all.steps().get(k);
            p = asClerk(() -> desk.reopen(s.id()));
        }
        assertThat(p.steps().get(2).status()).isEqualTo(EightStepStatus.CURRENT);
        assertThat(p.steps().get(2).evidence()).as("the evidence stays for the correction").isNotNull();
        assertThat(p.steps().get(3).status()).isEqualTo(EightStepStatus.WAITING);
        assertThat(dutyStatuses(processId, who)).as("reopening the meeting withdraws the duty").containsOnly("REJECTED");
        StageView meeting = p.steps().get(2);
        assertThatThrownBy(() -> asClerk(() -> desk.reopen(meeting.id())))
                .hasFieldOrPropertyWithValue("messageKey", "eightStep.error.notClosed");
        p = asClerk(() -> desk.close(meeting.id(), new EightStepDesk.CloseForm(first.plusDays(9), "会议改期"), List.of()));
        assertThat(dutyStatuses(processId, who)).as("closing it again restores the duty").containsOnly("VERIFIED");
        assertThat(jdbc.sql("select count(*) from duty_record where source_key like ?")
                .param("eight-step:" + processId + ":%").query(Long.class).single()).isEqualTo(3);
        assertThat(jdbc.sql("select count(*) from audit_event where entity_type = 'eight_step_process' and entity_id = ?"
                + " and action = 'STEP_REOPENED'").param(String.valueOf(processId)).query(Long.class).single())
                .isEqualTo(6);
    }

    @Test
    void theApiAnswersAProblemAndThePageARefusalBesideTheDateNothingSaved() throws Exception {
        ProcessView p = start(LocalDate.now().minusDays(5), townDeputies(2));
        var as = Logins.as(accounts, "anlan.staff");
        long third = p.steps().get(2).id();
        mvc.perform(post("/api/v1/supervision/steps/stages/" + third + "/close").with(as)
                .contentType(MediaType.APPLICATION_JSON).content("{\"doneOn\":\"" + LocalDate.now() + "\",\"evidence\":\"x\"}"))
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.status().is(422))
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath("$.detail")
                        .value("“召开座谈或评议会议”须在“提前调研”完成之后才能完成，未保存"));
        String page = mvc.perform(multipart("/supervision/steps/stages/" + third + "/close").file(new MockMultipartFile(
                        "files", "x.png", "image/png", PNG)).param("doneOn", LocalDate.now().toString())
                        .param("evidence", "抢先").with(as).with(csrf()))
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(page).contains("须在“提前调研”完成之后才能完成");
        assertThat(files(p.id())).isZero();
        assertThat(asClerk(() -> desk.process(p.id())).done()).isZero();

        // the page shows the form only for the current step, and the timeline's states
        String timeline = mvc.perform(get("/supervision/steps/" + p.id()).with(as)).andReturn().getResponse()
                .getContentAsString();
        assertThat(timeline).contains("step-current", "step-waiting", "/supervision/steps/stages/" + p.steps().get(0).id()
                + "/close").doesNotContain("/supervision/steps/stages/" + third + "/close");

        // a file that is not a photo or PDF is refused beside the files field, and nothing is saved
        String refused = mvc.perform(multipart("/supervision/steps/stages/" + p.steps().get(0).id() + "/close")
                        .file(new MockMultipartFile("files", "x.exe", "image/png", new byte[] {'M', 'Z', 0, 0}))
                        .param("doneOn", LocalDate.now().toString()).with(as).with(csrf()))
                .andReturn().getResponse().getContentAsString();
        assertThat(refused).contains("不是照片");
        assertThat(asClerk(() -> desk.process(p.id())).done()).isZero();
    }

    @Test
    void anotherTownNeitherSeesNorClosesTheStepsAndEveryChangeIsAudited() throws Exception {
        ProcessView p = start(LocalDate.now().minusDays(3), townDeputies(1));
        assertThatThrownBy(() -> Logins.call(accounts, "shiqiao.staff", () -> desk.process(p.id())))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> Logins.call(accounts, "shiqiao.staff", () -> desk.close(p.steps().get(0).id(),
                new EightStepDesk.CloseForm(LocalDate.now(), null), List.of()))).isInstanceOf(NotFoundException.class);
        assertThat(Logins.call(accounts, "shiqiao.staff", () -> desk.list())).extracting(EightStepViews.ProcessSummary::id)
                .doesNotContain(p.id());
        // a deputy of another town cannot be put on 安澜镇's activity
        long foreignDeputy = jdbc.sql("select id from deputy where org_id = ?").param(orgs.findByCode("QH-SQ").orElseThrow()
                .id()).query(Long.class).list().get(0);
        long template = p.templateId();
        assertThatThrownBy(() -> asClerk(() -> desk.start(new EightStepDesk.NewProcess(anlan(), template, "越界", LocalDate.now(),
                null, List.of(foreignDeputy))))).isInstanceOf(NotFoundException.class);
        mvc.perform(get("/supervision/steps/" + p.id()).with(Logins.as(accounts, "shiqiao.staff")))
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.status().isNotFound());
        mvc.perform(get("/api/v1/supervision/steps/" + p.id()).with(Logins.as(accounts, "shiqiao.staff")))
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.status().isNotFound());
        // the county sees it; a deputy of the town reads it
        assertThat(Logins.call(accounts, "county.staff", () -> desk.process(p.id())).title()).isEqualTo(p.title());
        assertThat(Logins.call(accounts, "deputy.li", () -> desk.process(p.id())).id()).isEqualTo(p.id());
        assertThatThrownBy(() -> Logins.call(accounts, "deputy.li", () -> desk.close(p.steps().get(0).id(),
                new EightStepDesk.CloseForm(LocalDate.now(), null), List.of()))).isInstanceOf(NotFoundException.class);
        assertThat(jdbc.sql("select actor from audit_event where entity_type = 'eight_step_process' and entity_id = ?"
                + " and action = 'CREATED'").param(String.valueOf(p.id())).query(String.class).single())
                .isEqualTo("anlan.staff");
    }

    @Test
    void aTownDefinesItsOwnMethodAndItsStepsKeepTheirOrder() {
        long org = anlan();
        EightStepViews.TemplateView t = asClerk(() -> desk.defineTemplate(new EightStepDesk.NewTemplate(org,
                "T3-" + SEQ.incrementAndGet(), "三步视察法", null, List.of(
                        new EightStepDesk.StepForm("制定方案", null, null, false),
                        new EightStepDesk.StepForm("实地视察", null, 1, true),
                        new EightStepDesk.StepForm("反馈意见", null, 2, false)))));
        assertThat(t.steps()).extracting(EightStepViews.TemplateStepView::dependsOn).containsExactly(null, 1, 2);
        assertThat(asClerk(() -> desk.templatesFor(org))).extracting(EightStepViews.TemplateView::name)
                .contains("八步工作法", "三步视察法");
        assertThat(Logins.call(accounts, "shiqiao.staff", () -> desk.templatesFor(orgs.findByCode("QH-SQ").orElseThrow().id())))
                .extracting(EightStepViews.TemplateView::name).doesNotContain("三步视察法");
        assertThatThrownBy(() -> asClerk(() -> desk.defineTemplate(new EightStepDesk.NewTemplate(org, "BAD" + SEQ.incrementAndGet(),
                "倒序法", null, List.of(new EightStepDesk.StepForm("一", null, 2, false),
                        new EightStepDesk.StepForm("二", null, null, false))))))
                .hasFieldOrPropertyWithValue("messageKey", "eightStep.error.templateDependency");
    }
}
