package org.renda.supervision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.time.LocalDate;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.renda.appraisal.AppraisalViews.RectificationView;
import org.renda.identity.Logins;
import org.renda.org.OrgTree;
import org.renda.shared.DomainException;
import org.renda.shared.NotFoundException;
import org.renda.supervision.SupervisionDesk.FindingForm;
import org.renda.supervision.SupervisionDesk.SubjectForm;
import org.renda.supervision.SupervisionEnums.SubjectKind;
import org.renda.supervision.SupervisionEnums.TopicSource;
import org.renda.supervision.SupervisionViews.SupervisionIndex;
import org.renda.supervision.SupervisionViews.SupervisedSubjectLine;
import org.renda.supervision.SupervisionViews.SupervisedSubject;
import org.renda.support.RendaIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Who sees and changes supervision: a town sees its own subjects only (another town's answers 404 and is not
 * listed), the county sees every town's with the topics per town summed, a deputy reads but cannot change, a
 * unit sees only its own findings; and every change is in the audit log.
 */
@RendaIntegrationTest
class SupervisionScopeTest {

    @Autowired MockMvc mvc;
    @Autowired UserDetailsService accounts;
    @Autowired OrgTree orgs;
    @Autowired JdbcClient jdbc;
    @Autowired SupervisionDesk desk;
    @Autowired SupervisionRhythm rhythm;
    @Autowired org.renda.appraisal.RectificationWorkload workload;
    @Autowired org.renda.shared.CurrentActor currentActor;

    private long org(String code) {
        return orgs.findByCode(code).orElseThrow().id();
    }

    /** The demo's 安澜镇 key project. */
    private long anlanProject() {
        return jdbc.sql("select id from supervision_subject where title = '城市路网水系工程（安澜段）'").query(Long.class)
                .single();
    }

    @Test
    void anotherTownsSubjectAnswers404AndIsNotListed() throws Exception {
        long id = anlanProject();
        int year = LocalDate.now().getYear();
        assertThat(mvc.perform(get("/supervision/subjects/" + id).with(Logins.as(accounts, "shiqiao.staff")))
                .andReturn().getResponse().getStatus()).isEqualTo(404);
        assertThat(mvc.perform(post("/supervision/subjects/" + id + "/rhythm").with(csrf())
                .with(Logins.as(accounts, "shiqiao.staff"))).andReturn().getResponse().getStatus()).isEqualTo(404);
        String list = mvc.perform(get("/supervision").param("year", String.valueOf(year))
                .with(Logins.as(accounts, "shiqiao.staff"))).andReturn().getResponse().getContentAsString();
        assertThat(list).doesNotContain("城市路网水系工程", "茶山村安全饮水");
        assertThatThrownBy(() -> Logins.call(accounts, "shiqiao.staff", () -> desk.detail(id)))
                .isInstanceOf(NotFoundException.class);
        assertThat(Logins.call(accounts, "shiqiao.staff", () -> desk.findings()))
                .noneMatch(r -> r.subjectTitle().startsWith("城市路网水系工程"));
        assertThat(mvc.perform(get("/supervision/export.xlsx").with(Logins.as(accounts, "shiqiao.staff")))
                .andReturn().getResponse().getStatus()).isEqualTo(200);
    }

    @Test
    void theCountySeesEveryTownAndTheTopicsPerTownSumToItsTotal() {
        int year = LocalDate.now().getYear();
        SupervisionIndex county = Logins.call(accounts, "county.staff", () -> desk.index(year));
        assertThat(county.subjects()).extracting(l -> l.subject().title())
                .contains("城市路网水系工程（安澜段）", "老年养护院建设", "茶山村安全饮水巩固提升");
        assertThat(county.towns()).extracting(t -> t.orgName()).contains("安澜镇", "柳溪镇", "石桥镇");
        assertThat(county.total()).isEqualTo(county.towns().stream().mapToLong(t -> t.topics()).sum());
        assertThat(county.towns().stream().filter(t -> t.orgName().equals("柳溪镇")).findFirst().orElseThrow().topics())
                .isGreaterThanOrEqualTo(1);
        SupervisionIndex anlan = Logins.call(accounts, "anlan.staff", () -> desk.index(year));
        assertThat(anlan.towns()).as("a town sees no per-town table").isEmpty();
        assertThat(anlan.subjects()).extracting(SupervisedSubjectLine::subject).extracting(SupervisedSubject::orgName)
                .containsOnly("安澜镇");
    }

    @Test
    void aDeputyReadsButCannotChangeAndAUnitSeesOnlyItsOwnFindings() throws Exception {
        long id = anlanProject();
        assertThat(mvc.perform(get("/supervision/subjects/" + id).with(Logins.as(accounts, "deputy.li")))
                .andReturn().getResponse().getStatus()).isEqualTo(200);
        assertThatThrownBy(() -> Logins.call(accounts, "deputy.li", () -> desk.raiseFinding(id,
                new FindingForm("代表不能登记", null)))).isInstanceOf(NotFoundException.class);
        List<RectificationView> unit = Logins.call(accounts, "unit.jiaotong", () -> desk.findings());
        long transport = org("QH-D11");
        assertThat(unit).isNotEmpty().allSatisfy(r -> assertThat(r.subjectOrgId()).isEqualTo(transport));
        assertThat(Logins.call(accounts, "unit.jiaotong", () -> desk.findings()))
                .noneMatch(r -> r.subjectTitle().equals("老年养护院建设"));
        Document page = Jsoup.parse(mvc.perform(get("/supervision/rectifications")
                .with(Logins.as(accounts, "unit.jiaotong"))).andReturn().getResponse().getContentAsString());
        assertThat(page.select("form[action*=/report]")).as("the unit answers its open items").isNotEmpty();
        var lines = Logins.call(accounts, "unit.jiaotong", () -> workload.ofUnit(currentActor.require(),
                LocalDate.now()));
        assertThat(lines).as("the unit's home page counts its supervision items beside the appraisal ones")
                .anySatisfy(l -> {
                    assertThat(l.href()).isEqualTo("/supervision/rectifications");
                    assertThat(l.waiting()).isEqualTo(unit.stream().filter(r -> r.state()
                            != org.renda.appraisal.AppraisalEnums.RectificationState.ACCEPTED).count());
                });
    }

    @Test
    void aVillageDeputyFollowsTheTownProjectOfTheirGroupAndNothingElseOfTheTown() throws Exception {
        long project = anlanProject();
        long other = jdbc.sql("select id from supervision_subject where title = '老年养护院建设'").query(Long.class)
                .single();
        int year = LocalDate.now().getYear();
        assertThat(Logins.call(accounts, "deputy.zhao", () -> desk.index(year)).subjects())
                .extracting(l -> l.subject().title()).containsExactly("城市路网水系工程（安澜段）");
        var detail = Logins.call(accounts, "deputy.zhao", () -> desk.detail(project));
        assertThat(detail.mayWrite()).isFalse();
        assertThat(detail.figures().found()).isEqualTo(6);
        assertThat(mvc.perform(get("/supervision/activities/" + detail.activities().get(0).id())
                .with(Logins.as(accounts, "deputy.zhao"))).andReturn().getResponse().getStatus()).isEqualTo(200);
        assertThat(mvc.perform(get("/supervision/subjects/" + other).with(Logins.as(accounts, "deputy.zhao")))
                .andReturn().getResponse().getStatus()).isEqualTo(404);
        assertThatThrownBy(() -> Logins.call(accounts, "deputy.zhao", () -> rhythm.generate(project, "FIVE_ONES")))
                .isInstanceOf(NotFoundException.class);
    }

    @Test
    void theYearsExportNamesEverySubjectInChineseWithItsFigures() throws Exception {
        byte[] xlsx = mvc.perform(get("/supervision/export.xlsx").with(Logins.as(accounts, "anlan.staff")))
                .andReturn().getResponse().getContentAsByteArray();
        StringBuilder text = new StringBuilder();
        try (var book = new org.apache.poi.xssf.usermodel.XSSFWorkbook(new java.io.ByteArrayInputStream(xlsx))) {
            book.getSheetAt(0).forEach(row -> row.forEach(cell -> text.append(cell.toString()).append('|')));
        }
        assertThat(text.toString()).contains("监督事项", "责任单位", "发现问题", "已整改", "城市路网水系工程（安澜段）",
                "重点项目", "交通运输局", "城市建设专业监督小组", "民生实事")
                .doesNotContain("KEY_PROJECT", "LIVELIHOOD", "WORK_REPORT", "茶山村");
    }

    @Test
    void aTownCannotGiveItsSubjectToAnotherTownsUnitNorCreateForAnotherTown() {
        int year = LocalDate.now().getYear();
        long anlan = org("QH-AL");
        assertThatThrownBy(() -> Logins.call(accounts, "anlan.staff", () -> desk.create(new SubjectForm(anlan, year,
                SubjectKind.SPECIAL_TOPIC, "越界单位" + System.nanoTime(), org("QH-SQ-V01"), TopicSource.OTHER, null))))
                .isInstanceOf(DomainException.class).extracting(e -> ((DomainException) e).field())
                .isEqualTo("responsibleOrgId");
        assertThatThrownBy(() -> Logins.call(accounts, "anlan.staff", () -> desk.create(new SubjectForm(org("QH-SQ"),
                year, SubjectKind.SPECIAL_TOPIC, "越界" + System.nanoTime(), null, TopicSource.OTHER, null))))
                .isInstanceOf(NotFoundException.class);
    }

    @Test
    void everyChangeIsAudited() {
        long anlan = org("QH-AL");
        String title = "审计专题" + System.nanoTime() % 1_000_000;
        int year = LocalDate.now().getYear() - 1;
        SupervisedSubject s = Logins.call(accounts, "anlan.staff", () -> desk.create(new SubjectForm(anlan, year,
                SubjectKind.SPECIAL_TOPIC, title, org("QH-D11"), TopicSource.WORK_REPORT, null)));
        Logins.call(accounts, "anlan.staff", () -> rhythm.generate(s.id(), "FIVE_ONES"));
        var first = Logins.call(accounts, "anlan.staff", () -> desk.detail(s.id())).activities().get(0);
        Logins.call(accounts, "anlan.staff", () -> rhythm.cancel(first.id(), first.version()));
        RectificationView r = Logins.call(accounts, "anlan.staff", () -> desk.raiseFinding(s.id(),
                new FindingForm("审计问题", null)));
        assertThat(actions("supervision_subject", s.id())).contains("CREATED", "RHYTHM_PLANNED");
        assertThat(actions("supervision_activity", first.id())).containsExactly("CANCELLED");
        assertThat(actions("rectification", r.id())).containsExactly("RAISED");
        assertThat(jdbc.sql("select actor from audit_event where entity_type = 'supervision_subject' and entity_id = ?")
                .param(String.valueOf(s.id())).query(String.class).list()).containsOnly("anlan.staff");
    }

    private List<String> actions(String type, long id) {
        return jdbc.sql("select action from audit_event where entity_type = ? and entity_id = ? order by seq")
                .params(type, String.valueOf(id)).query(String.class).list();
    }
}
