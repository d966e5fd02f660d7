package org.renda.compliance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.io.ByteArrayInputStream;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.renda.compliance.ComplianceDesk.RatingForm;
import org.renda.compliance.ComplianceEnums.Rating;
import org.renda.compliance.ComplianceEnums.Status;
import org.renda.compliance.ComplianceViews.AssessmentPage;
import org.renda.compliance.ComplianceViews.AssessmentView;
import org.renda.compliance.ComplianceViews.ChecklistView;
import org.renda.compliance.ComplianceViews.ItemLine;
import org.renda.compliance.ComplianceViews.MissingItem;
import org.renda.compliance.ComplianceViews.Summary;
import org.renda.compliance.ComplianceViews.TownFigures;
import org.renda.identity.Logins;
import org.renda.org.OrgTree;
import org.renda.shared.DomainException;
import org.renda.shared.NotFoundException;
import org.renda.support.RendaIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/**
 * Seed 001 replayed on the demo county: 清河县's checklist of the regulation's 41 quantified items, 安澜镇 at 35
 * fully / 6 partly / 0 not implemented like 罗定市, the county's figures per town with what is missing, the export,
 * and a town's assessment from opening to the county's return and acceptance, every step audited.
 */
@RendaIntegrationTest
class ComplianceReplayTest {

    /** A year neither the demo nor another test assesses. */
    private static final int YEAR = 2024;

    @Autowired UserDetailsService accounts;
    @Autowired ComplianceDesk desk;
    @Autowired ComplianceFigures figures;
    @Autowired OrgTree orgs;
    @Autowired JdbcClient jdbc;
    @Autowired MockMvc mvc;

    private long org(String code) {
        return orgs.findByCode(code).orElseThrow().id();
    }

    private <T> T as(String user, java.util.function.Supplier<T> work) {
        return Logins.call(accounts, user, work);
    }

    private long audits(String type, String action) {
        return jdbc.sql("select count(*) from audit_event where entity_type = ? and action = ?").params(type, action)
                .query(Long.class).single();
    }

    @Test
    void theDemoCountyHasThe41ItemChecklistAndAnlanEndsAt35FullAnd6Partial() {
        int year = LocalDate.now().getYear();
        long county = org("QH");
        long anlan = org("QH-AL");
        List<ChecklistView> lists = as("county.staff", () -> desk.checklists());
        assertThat(lists).hasSize(1);
        ChecklistView checklist = lists.get(0);
        assertThat(checklist.items()).isEqualTo(41);
        assertThat(checklist.versionNo()).isEqualTo(1);
        assertThat(checklist.frozen()).as("towns assess against it").isTrue();
        assertThat(as("county.staff", () -> desk.items(checklist.id()))).extracting(ComplianceViews.ItemView::itemNo)
                .containsExactlyElementsOf(java.util.stream.IntStream.rangeClosed(1, 41).boxed().toList());

        AssessmentView a = as("anlan.staff", () -> desk.assessment(anlan, year)).orElseThrow();
        assertThat(a.status()).isEqualTo(Status.ACCEPTED);
        AssessmentPage page = as("anlan.staff", () -> desk.page(a.id()));
        assertThat(page.counts()).isEqualTo(new ComplianceViews.Counts(35, 6, 0, 0));
        ItemLine stations = page.lines().stream().filter(l -> l.rating().itemNo() == 23).findFirst().orElseThrow();
        assertThat(stations.evidence()).as("item 23 counts the town's stations").isNotNull();
        assertThat(stations.evidence().label()).isEqualTo("代表联络站（个）");
        assertThat(stations.evidence().href()).startsWith("/stations");
        ItemLine reports = page.lines().stream().filter(l -> l.rating().itemNo() == 2).findFirst().orElseThrow();
        assertThat(reports.evidence().count()).as("two reports to the Party committee").isEqualTo(2);
        assertThat(reports.files()).hasSize(1);

        Summary s = as("county.staff", () -> figures.summary(county, year));
        assertThat(s.towns()).as("8 towns and 2 streets, and any town another test added").isEqualTo(jdbc.sql("select count(*) from organisation where parent_id = (select id from organisation where code = 'QH') and type in ('TOWN', 'STREET') and active").query(Integer.class).single());
        assertThat(s.assessed()).isEqualTo(2);
        assertThat(s.submitted()).isEqualTo(2);
        assertThat(s.accepted()).isEqualTo(1);
        TownFigures anlanFigures = s.perTown().stream().filter(t -> t.orgId() == anlan).findFirst().orElseThrow();
        assertThat(anlanFigures.counts()).isEqualTo(new ComplianceViews.Counts(35, 6, 0, 0));
        assertThat(anlanFigures.missing()).extracting(MissingItem::itemNo).containsExactly(19, 20, 28, 29, 35, 40);
        assertThat(anlanFigures.missing()).allSatisfy(m -> {
            assertThat(m.rating()).isEqualTo(Rating.PARTIAL);
            assertThat(m.remark()).isNotBlank();
        });
        TownFigures liuxi = s.perTown().stream().filter(t -> t.orgName().equals("柳溪镇")).findFirst().orElseThrow();
        assertThat(liuxi.counts()).isEqualTo(new ComplianceViews.Counts(30, 9, 2, 0));
        assertThat(liuxi.status()).isEqualTo(Status.SUBMITTED);
        assertThat(s.counts()).isEqualTo(new ComplianceViews.Counts(65, 15, 2, 0));
        assertThat(s.perTown().stream().filter(t -> t.assessmentId() == null)).hasSize(s.towns() - 2);

        Summary town = as("anlan.chair", () -> figures.summary(anlan, year));
        assertThat(town.perTown()).hasSize(1);
        assertThat(town.counts()).isEqualTo(new ComplianceViews.Counts(35, 6, 0, 0));
    }

    @Test
    void theCountyExportListsEachTownsCountsAndWhatIsMissing() throws Exception {
        int year = LocalDate.now().getYear();
        long county = org("QH");
        long exportsBefore = audits("compliance_figures", "EXPORTED");
        MvcResult r = mvc.perform(get("/compliance/" + county + "/figures.xlsx").param("year", String.valueOf(year))
                .with(Logins.as(accounts, "county.staff"))).andReturn();
        assertThat(r.getResponse().getStatus()).isEqualTo(200);
        DataFormatter f = new DataFormatter();
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(r.getResponse().getContentAsByteArray()))) {
            Sheet counts = book.getSheet("各镇落实情况");
            String anlanRow = null;
            for (var row : counts) {
                if (f.formatCellValue(row.getCell(0)).equals("安澜镇")) {
                    anlanRow = f.formatCellValue(row.getCell(1)) + "|" + f.formatCellValue(row.getCell(2)) + "|"
                            + f.formatCellValue(row.getCell(3)) + "|" + f.formatCellValue(row.getCell(4));
                }
            }
            assertThat(anlanRow).isEqualTo("审核通过|35|6|0");
            Sheet missing = book.getSheet("未全面落实事项");
            long anlanMissing = 0;
            for (var row : missing) {
                if (f.formatCellValue(row.getCell(0)).equals("安澜镇")) {
                    anlanMissing++;
                    assertThat(f.formatCellValue(row.getCell(4))).isEqualTo("部分落实");
                }
            }
            assertThat(anlanMissing).isEqualTo(6);
        }
        assertThat(audits("compliance_figures", "EXPORTED")).isEqualTo(exportsBefore + 1);

        String html = mvc.perform(get("/compliance/" + county).param("year", String.valueOf(year))
                .with(Logins.as(accounts, "county.staff"))).andReturn().getResponse().getContentAsString();
        assertThat(html).contains("安澜镇", "柳溪镇", "未全面落实的事项", "部分落实", "专职人员尚未到位")
                .doesNotContain("{0}", "compliance.");
    }

    @Test
    void aTownRatesSubmitsIsReturnedWithANotePerItemFixesItAndTheCountyAccepts() {
        long shiqiao = org("QH-SQ");
        long opened = audits("compliance_assessment", "CREATED");
        long returned = audits("compliance_assessment", "RETURNED");
        long accepted = audits("compliance_assessment", "ACCEPTED");
        AssessmentView a = as("shiqiao.staff", () -> desk.open(shiqiao, YEAR));
        assertThat(a.status()).isEqualTo(Status.DRAFT);
        assertThatThrownBy(() -> as("shiqiao.staff", () -> desk.open(shiqiao, YEAR)))
                .isInstanceOf(DomainException.class);
        List<ItemLine> lines = as("shiqiao.staff", () -> desk.page(a.id())).lines();
        assertThat(lines).hasSize(41);

        assertThatThrownBy(() -> as("shiqiao.staff", () -> desk.submit(a.id())))
                .isInstanceOf(DomainException.class).extracting(e -> ((DomainException) e).messageKey())
                .isEqualTo("compliance.error.unrated");
        for (ItemLine l : lines) {
            int no = l.rating().itemNo();
            Rating rating = no == 7 ? Rating.NONE : no == 14 ? Rating.PARTIAL : Rating.FULL;
            as("shiqiao.staff", () -> desk.rate(l.rating().id(), new RatingForm(rating, null, null)));
        }
        assertThatThrownBy(() -> as("shiqiao.staff", () -> desk.submit(a.id())))
                .isInstanceOf(DomainException.class).extracting(e -> ((DomainException) e).messageKey())
                .isEqualTo("compliance.error.unexplained");
        long item7 = lines.get(6).rating().id();
        long item14 = lines.get(13).rating().id();
        as("shiqiao.staff", () -> desk.rate(item7, new RatingForm(Rating.NONE, "会前未组织代表视察。", null)));
        as("shiqiao.staff", () -> desk.rate(item14, new RatingForm(Rating.PARTIAL, "主席团全年只开了两次会。",
                "/meetings?year=2024")));
        assertThatThrownBy(() -> as("shiqiao.staff", () -> desk.rate(item14,
                new RatingForm(Rating.PARTIAL, "外链", "https://example.com/x")))).isInstanceOf(DomainException.class);
        assertThat(as("shiqiao.staff", () -> desk.submit(a.id())).status()).isEqualTo(Status.SUBMITTED);
        assertThatThrownBy(() -> as("shiqiao.staff", () -> desk.rate(item7, new RatingForm(Rating.FULL, null, null))))
                .as("a submitted assessment is the county's to review").isInstanceOf(DomainException.class);

        // the town does not review itself; the county does
        assertThat(as("shiqiao.staff", () -> desk.canReview(shiqiao))).isFalse();
        assertThatThrownBy(() -> as("shiqiao.staff", () -> desk.accept(a.id(), null)))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> as("county.staff", () -> desk.returnToTown(a.id(), " ", Map.of())))
                .isInstanceOf(DomainException.class);
        AssessmentView back = as("county.staff", () -> desk.returnToTown(a.id(), null,
                Map.of(item7, "请附会前视察计划或说明原因。")));
        assertThat(back.status()).isEqualTo(Status.RETURNED);
        Summary s = as("county.staff", () -> figures.summary(org("QH"), YEAR));
        TownFigures sq = s.perTown().stream().filter(t -> t.orgId() == shiqiao).findFirst().orElseThrow();
        assertThat(sq.counts()).isEqualTo(new ComplianceViews.Counts(39, 1, 1, 0));
        assertThat(sq.missing()).extracting(MissingItem::itemNo).containsExactly(7, 14);
        assertThat(sq.missing().get(0).reviewNote()).isEqualTo("请附会前视察计划或说明原因。");

        as("shiqiao.staff", () -> desk.rate(item7, new RatingForm(Rating.PARTIAL, "已组织一次视察，计划下次会前补齐。", null)));
        as("shiqiao.staff", () -> desk.submit(a.id()));
        AssessmentView done = as("county.staff", () -> desk.accept(a.id(), "同意。"));
        assertThat(done.status()).isEqualTo(Status.ACCEPTED);
        assertThat(done.reviewedBy()).isEqualTo("county.staff");
        assertThatThrownBy(() -> as("county.staff", () -> desk.accept(a.id(), null)))
                .isInstanceOf(DomainException.class);
        assertThat(as("county.staff", () -> figures.summary(shiqiao, YEAR)).counts())
                .isEqualTo(new ComplianceViews.Counts(39, 2, 0, 0));

        assertThat(audits("compliance_assessment", "CREATED")).isEqualTo(opened + 1);
        assertThat(audits("compliance_assessment", "RETURNED")).isEqualTo(returned + 1);
        assertThat(audits("compliance_assessment", "ACCEPTED")).isEqualTo(accepted + 1);

        // each move reached the other side's inbox (and their e-mail), linking to the assessment
        assertThat(inbox("county.staff", a.id())).as("the county is asked to review each submission")
                .containsExactly("石桥镇2024年条例落实自评待审核", "石桥镇2024年条例落实自评待审核");
        assertThat(inbox("shiqiao.staff", a.id())).as("the town hears it was returned, then accepted")
                .containsExactly("石桥镇2024年条例落实自评被退回", "石桥镇2024年条例落实自评已通过审核");
        assertThat(jdbc.sql("""
                select n.body from notification n join app_user u on u.id = n.recipient_user_id
                where u.username = 'shiqiao.staff' and n.link = ? and n.channel = 'IN_APP' order by n.id""")
                .param("/compliance/assessments/" + a.id()).query(String.class).list())
                .satisfiesExactly(b -> assertThat(b).contains("被退回", "1 项另有逐项意见"),
                        b -> assertThat(b).contains("已审核通过", "审核意见：同意。"));
    }

    private List<String> inbox(String username, long assessmentId) {
        return jdbc.sql("""
                select n.subject from notification n join app_user u on u.id = n.recipient_user_id
                where u.username = ? and n.link = ? and n.channel = 'IN_APP' order by n.id""")
                .param(username).param("/compliance/assessments/" + assessmentId).query(String.class).list();
    }

    @Test
    void theCountyReturnsFromThePageWithANoteOnOneItem() throws Exception {
        long qingshan = org("QH-QS");
        AssessmentView a = as("county.staff", () -> desk.open(qingshan, YEAR - 1));
        for (ItemLine l : as("county.staff", () -> desk.page(a.id())).lines()) {
            as("county.staff", () -> desk.rate(l.rating().id(), new RatingForm(Rating.FULL, null, null)));
        }
        as("county.staff", () -> desk.submit(a.id()));
        long first = as("county.staff", () -> desk.page(a.id())).lines().get(0).rating().id();
        String html = mvc.perform(get("/compliance/assessments/" + a.id()).with(Logins.as(accounts, "county.staff")))
                .andReturn().getResponse().getContentAsString();
        assertThat(html).contains("退回修改", "审核通过", "note-" + first);
        MvcResult r = mvc.perform(post("/compliance/assessments/" + a.id() + "/return")
                .param("note-" + first, "请上传党委审定的工作要点。").with(Logins.as(accounts, "county.staff")).with(csrf()))
                .andReturn();
        assertThat(r.getResponse().getStatus()).isEqualTo(302);
        assertThat(r.getFlashMap().containsKey("success")).as("flash " + r.getFlashMap()).isTrue();
        AssessmentPage page = as("county.staff", () -> desk.page(a.id()));
        assertThat(page.assessment().status()).isEqualTo(Status.RETURNED);
        assertThat(page.lines().get(0).rating().reviewNote()).isEqualTo("请上传党委审定的工作要点。");
    }
}
