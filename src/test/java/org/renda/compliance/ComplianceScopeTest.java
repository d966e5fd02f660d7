package org.renda.compliance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.renda.compliance.ComplianceViews.AssessmentView;
import org.renda.compliance.ComplianceViews.Summary;
import org.renda.identity.Logins;
import org.renda.org.OrgTree;
import org.renda.shared.NotFoundException;
import org.renda.support.RendaIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Another town's assessment, ratings, files, reports and figures answer 404 as if they did not exist; a town's
 * figures hold only itself; the county sees its towns; the checklist is read by those who keep it, a town reads its
 * items through its own assessment.
 */
@RendaIntegrationTest
class ComplianceScopeTest {

    @Autowired UserDetailsService accounts;
    @Autowired ComplianceDesk desk;
    @Autowired ComplianceFigures figures;
    @Autowired OrgTree orgs;
    @Autowired MockMvc mvc;
    @Autowired org.springframework.jdbc.core.simple.JdbcClient jdbc;

    private long org(String code) {
        return orgs.findByCode(code).orElseThrow().id();
    }

    private <T> T as(String user, java.util.function.Supplier<T> work) {
        return Logins.call(accounts, user, work);
    }

    @Test
    void anotherTownsRecordsAnswer404() throws Exception {
        int year = LocalDate.now().getYear();
        long anlan = org("QH-AL");
        AssessmentView a = as("anlan.staff", () -> desk.assessment(anlan, year)).orElseThrow();
        var page = as("anlan.staff", () -> desk.page(a.id()));
        long rating = page.lines().get(1).rating().id();
        long file = page.lines().get(1).files().get(0).id();
        long report = as("anlan.staff", () -> desk.partyReports(anlan, year)).get(0).id();
        long checklist = a.checklistId();

        assertThatThrownBy(() -> as("shiqiao.staff", () -> desk.assessment(a.id()))).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> as("shiqiao.staff", () -> desk.assessment(anlan, year))).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> as("shiqiao.staff", () -> desk.page(a.id()))).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> as("shiqiao.staff", () -> desk.rating(rating))).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> as("shiqiao.staff", () -> desk.file(file))).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> as("shiqiao.staff", () -> desk.partyReport(report))).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> as("shiqiao.staff", () -> desk.partyReportFile(report))).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> as("shiqiao.staff", () -> figures.summary(anlan, year))).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> as("shiqiao.staff", () -> figures.summary(org("QH"), year))).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> as("shiqiao.staff", () -> desk.checklist(checklist))).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> as("deputy.li", () -> desk.assessment(a.id()))).as("deputies hold no COMPLIANCE_READ")
                .isInstanceOf(NotFoundException.class);

        Summary own = as("shiqiao.staff", () -> figures.summary(org("QH-SQ"), year));
        assertThat(own.perTown()).extracting(ComplianceViews.TownFigures::orgName).containsExactly("石桥镇");
        assertThat(as("county.staff", () -> figures.summary(org("QH"), year)).towns()).as("every town and street of the county")
                .isEqualTo(jdbc.sql("select count(*) from organisation where parent_id = (select id from organisation where code = 'QH') and type in ('TOWN', 'STREET') and active").query(Integer.class).single());
        assertThat(as("anlan.staff", () -> desk.checklists())).as("the town does not keep the county's checklist").isEmpty();

        var as = Logins.as(accounts, "shiqiao.staff");
        for (String url : new String[] {"/compliance/assessments/" + a.id(), "/compliance/" + anlan,
                "/compliance/files/" + file, "/compliance/party-reports/" + report + "/file",
                "/compliance/checklists/" + checklist, "/compliance/" + anlan + "/party-reports",
                "/compliance/" + org("QH") + "/figures.xlsx", "/api/v1/compliance/assessments/" + a.id(),
                "/api/v1/compliance/" + anlan + "/summary?year=" + year}) {
            assertThat(mvc.perform(get(url).with(as)).andReturn().getResponse().getStatus()).as(url).isEqualTo(404);
        }
        String mine = mvc.perform(get("/compliance/assessments/" + a.id()).with(Logins.as(accounts, "anlan.chair")))
                .andReturn().getResponse().getContentAsString();
        assertThat(mine).contains("安澜镇", "审核通过", "全面落实 35", "部分落实 6").doesNotContain("报送上级人大审核");
    }
}
