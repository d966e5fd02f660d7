package org.renda.casework;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.renda.casework.CaseEnums.Kind;
import org.renda.casework.CaseEnums.Source;
import org.renda.identity.Logins;
import org.renda.org.OrgTree;
import org.renda.support.RendaIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The casework forms in the one form shape: the assignment picker grouped by kind of unit with search boxes, a
 * refused step or intake back on the page with each error beside its field and what was typed kept, the reply's
 * files kept with the reply and downloadable only within reach, and no raw codes on the case page.
 */
@RendaIntegrationTest
class CaseFormsTest {

    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10, 0, 0, 0, 13, 'I', 'H', 'D', 'R'};
    private static final byte[] PDF = "%PDF-1.4\n%答复函\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n"
            .getBytes(StandardCharsets.UTF_8);

    @Autowired MockMvc mvc;
    @Autowired UserDetailsService accounts;
    @Autowired OrgTree orgs;
    @Autowired JdbcClient jdbc;
    @Autowired CaseDesk desk;

    private long newCase(String title) {
        long town = orgs.findByCode("QH-AL").orElseThrow().id();
        return Logins.call(accounts, "anlan.staff", () -> desk.intake(new CaseDesk.StaffIntake(town, Source.RECEPTION,
                Kind.OPINION, "交通出行", title, "村道坑洼积水。", null, null, null, true, null), List.of()).id());
    }

    private long unit(String code) {
        return orgs.findByCode(code).orElseThrow().id();
    }

    private Document page(String who, long id) throws Exception {
        return Jsoup.parse(mvc.perform(get("/cases/" + id).with(Logins.as(accounts, who))).andReturn().getResponse()
                .getContentAsString());
    }

    private String state(long id) {
        return jdbc.sql("select state from case_item where id = ?").param(id).query(String.class).single();
    }

    /** Assigned to the transport bureau and signed for: the unit may reply. */
    private long signedCase(String title) throws Exception {
        long id = newCase(title);
        mvc.perform(post("/cases/" + id + "/assign").with(csrf()).with(Logins.as(accounts, "anlan.staff"))
                .param("leadUnitId", String.valueOf(unit("QH-D11"))));
        mvc.perform(post("/cases/" + id + "/act").param("action", "SIGN").with(csrf())
                .with(Logins.as(accounts, "unit.jiaotong")));
        assertThat(state(id)).isEqualTo("IN_PROGRESS");
        return id;
    }

    @Test
    void theAssignmentPickerGroupsUnitsByKindWithSearchBoxes() throws Exception {
        Document page = page("anlan.staff", newCase("选择承办单位"));
        List<String> groups = page.select("#leadUnitId optgroup").eachAttr("label");
        assertThat(groups).startsWith("政府部门").contains("村", "社区");
        assertThat(page.select("#leadUnitId optgroup[label=政府部门] option").eachText()).contains("交通运输局", "教育局");
        assertThat(page.select("#leadUnitId optgroup[label=村] option").eachText()).contains("东湖村");
        assertThat(page.select("#lead-filter").attr("data-renda-filter")).isEqualTo("#leadUnitId");
        assertThat(page.select("#co-filter").attr("data-renda-filter")).isEqualTo("#co-units");
        assertThat(page.select("#co-units [data-renda-filter-group] .case-unit-group").eachText()).contains("政府部门", "村");
        assertThat(page.select("#co-units [data-renda-filter-item] input[type=checkbox][name=coUnitIds]")).hasSizeGreaterThan(10);
        assertThat(page.select("#leadUnitId option[selected]").text()).as("the suggested unit is preselected")
                .isEqualTo("交通运输局");
    }

    @Test
    void aRefusedAssignmentComesBackWithTheErrorBesideTheLeadUnitAndTheTickedCoUnitsKept() throws Exception {
        long id = newCase("交办出错");
        long education = unit("QH-D02");
        MockHttpServletResponse res = mvc.perform(post("/cases/" + id + "/assign").with(csrf())
                .with(Logins.as(accounts, "anlan.staff")).param("leadUnitId", String.valueOf(unit("QH-SQ")))
                .param("coUnitIds", String.valueOf(education)).param("note", "请核实")).andReturn().getResponse();
        assertThat(res.getStatus()).isEqualTo(200);
        Document page = Jsoup.parse(res.getContentAsString());
        assertThat(page.select("#leadUnitId").hasClass("is-invalid")).isTrue();
        assertThat(page.select("#leadUnitId-error").text()).isEqualTo("承办单位不存在或不能承办");
        assertThat(page.select("#co-units input[value=" + education + "]").hasAttr("checked")).isTrue();
        assertThat(page.select("#assign-form textarea[name=note]").text()).isEqualTo("请核实");
        assertThat(state(id)).isEqualTo("RECEIVED");

        res = mvc.perform(post("/cases/" + id + "/assign").with(csrf()).with(Logins.as(accounts, "anlan.staff"))
                .param("leadUnitId", "交通局")).andReturn().getResponse();
        assertThat(Jsoup.parse(res.getContentAsString()).select("#leadUnitId-error").text()).isEqualTo("不是有效的数字");
    }

    @Test
    void aReplyWithoutTextOrWithAFileOfTheWrongKindIsShownBesideTheReplyForm() throws Exception {
        long id = signedCase("答复出错");
        MockHttpServletResponse res = mvc.perform(multipart("/cases/" + id + "/reply").with(csrf())
                .with(Logins.as(accounts, "unit.jiaotong")).param("note", " ").param("outcome", "PLANNED"))
                .andReturn().getResponse();
        Document page = Jsoup.parse(res.getContentAsString());
        assertThat(page.select("#reply-note").hasClass("is-invalid")).isTrue();
        assertThat(page.select("#reply-form #note-error").text()).isEqualTo("不能为空");
        assertThat(page.select("#reply-form select[name=outcome] option[selected]").val()).isEqualTo("PLANNED");

        res = mvc.perform(multipart("/cases/" + id + "/reply")
                .file(new MockMultipartFile("files", "说明.exe", "application/pdf", "MZ not a pdf".getBytes()))
                .with(csrf()).with(Logins.as(accounts, "unit.jiaotong")).param("note", "已处理").param("outcome", "SOLVED"))
                .andReturn().getResponse();
        page = Jsoup.parse(res.getContentAsString());
        assertThat(page.select("#reply-form .alert-danger").text()).contains("说明.exe", "PDF");
        assertThat(page.select("#reply-note").val()).isEqualTo("已处理");
        assertThat(state(id)).isEqualTo("IN_PROGRESS");
    }

    @Test
    void aReplysFilesAreKeptWithItAndDownloadedOnlyWithinReach() throws Exception {
        long id = signedCase("答复附件");
        MockHttpServletResponse res = mvc.perform(multipart("/cases/" + id + "/reply")
                .file(new MockMultipartFile("files", "现场.png", "image/png", PNG))
                .file(new MockMultipartFile("files", "答复函.pdf", "application/pdf", PDF))
                .with(csrf()).with(Logins.as(accounts, "unit.jiaotong")).param("note", "已修复，附现场照片和答复函。")
                .param("outcome", "SOLVED")).andReturn().getResponse();
        assertThat(res.getRedirectedUrl()).isEqualTo("/cases/" + id);
        assertThat(state(id)).isEqualTo("REPLIED");
        long reply = jdbc.sql("select id from case_event where case_id = ? and action = 'REPLY'").param(id)
                .query(Long.class).single();
        List<Long> files = jdbc.sql("select id from case_attachment where case_id = ? and event_id = ? order by id")
                .params(id, reply).query(Long.class).list();
        assertThat(files).hasSize(2);
        assertThat(jdbc.sql("select after_state from audit_event where entity_type = 'case' and entity_id = ?"
                + " and action = 'REPLY'").param(String.valueOf(id)).query(String.class).single())
                .contains("现场.png", "答复函.pdf");

        Document page = page("anlan.staff", id);
        assertThat(page.select(".case-timeline .case-file-link").eachText()).containsExactly("现场.png", "答复函.pdf");

        long pdf = files.get(1);
        for (String who : List.of("anlan.staff", "unit.jiaotong", "county.staff")) {
            MockHttpServletResponse download = mvc.perform(get("/cases/attachments/" + pdf)
                    .with(Logins.as(accounts, who))).andReturn().getResponse();
            assertThat(download.getStatus()).as(who).isEqualTo(200);
            assertThat(download.getContentType()).isEqualTo("application/pdf");
            assertThat(download.getHeader("Content-Disposition")).startsWith("attachment");
            assertThat(download.getContentAsByteArray()).isEqualTo(PDF);
        }
        assertThat(mvc.perform(get("/cases/attachments/" + pdf).with(Logins.as(accounts, "shiqiao.staff"))).andReturn()
                .getResponse().getStatus()).isEqualTo(404);
        assertThat(mvc.perform(get("/cases/attachments/" + pdf).with(Logins.as(accounts, "deputy.zhao"))).andReturn()
                .getResponse().getStatus()).isEqualTo(404);
    }

    @Test
    void theStaffIntakeFormComesBackWithEachErrorBesideItsField() throws Exception {
        long town = orgs.findByCode("QH-AL").orElseThrow().id();
        MockHttpServletResponse res = mvc.perform(multipart("/cases").with(csrf())
                .with(Logins.as(accounts, "anlan.staff")).param("orgId", String.valueOf(town)).param("source", "VISIT")
                .param("kind", "OPINION").param("category", "教育").param("title", "")
                .param("content", "学校门口缺少斑马线").param("phone", "abc")).andReturn().getResponse();
        assertThat(res.getStatus()).isEqualTo(200);
        Document page = Jsoup.parse(res.getContentAsString());
        assertThat(page.select("#title-error").text()).isEqualTo("不能为空");
        assertThat(page.select("#phone").hasClass("is-invalid")).isTrue();
        assertThat(page.select("#phone-error").text()).isNotBlank().doesNotContain("{");
        assertThat(page.select("#content").text()).isEqualTo("学校门口缺少斑马线");
        assertThat(page.select("#source option[selected]").val()).isEqualTo("VISIT");
        assertThat(page.select("#category option[selected]").val()).isEqualTo("教育");

        res = mvc.perform(multipart("/cases").with(csrf()).with(Logins.as(accounts, "anlan.staff"))
                .param("orgId", String.valueOf(town)).param("source", "RECEPTION").param("kind", "OPINION")
                .param("category", "不存在的分类").param("title", "分类不对").param("content", "内容")).andReturn()
                .getResponse();
        assertThat(Jsoup.parse(res.getContentAsString()).select("#category-error").text()).isEqualTo("请选择意见分类");
    }

    @Test
    void theCasePageShowsNoRawCodes() throws Exception {
        long id = signedCase("评价后的显示");
        mvc.perform(post("/cases/" + id + "/reply").with(csrf()).with(Logins.as(accounts, "unit.jiaotong"))
                .param("note", "已修复。").param("outcome", "SOLVED"));
        mvc.perform(post("/cases/" + id + "/rate").with(csrf()).with(Logins.as(accounts, "anlan.staff"))
                .param("rating", "SATISFIED"));
        assertThat(state(id)).isEqualTo("CLOSED");
        String text = page("anlan.staff", id).select("main").text();
        assertThat(text).contains("已签收", "（已评价办结）", "满意")
                .doesNotContain("RATE", "SATISFIED", "SOLVED", "CLOSED", "IN_PROGRESS");
    }

    @Test
    void aDeputysSuggestionWithoutATitleComesBackWithTheTextKept() throws Exception {
        MockHttpServletResponse blank = mvc.perform(get("/cases/suggest").with(Logins.as(accounts, "deputy.li")))
                .andReturn().getResponse();
        assertThat(blank.getStatus()).isEqualTo(200);
        assertThat(Jsoup.parse(blank.getContentAsString()).select("#suggest-form #title")).hasSize(1);
        MockHttpServletResponse res = mvc.perform(multipart("/cases/suggest").with(csrf())
                .with(Logins.as(accounts, "deputy.li")).param("category", "农业农村").param("title", "")
                .param("content", "建设冷链仓储点").param("complex", "true")).andReturn().getResponse();
        assertThat(res.getStatus()).isEqualTo(200);
        Document page = Jsoup.parse(res.getContentAsString());
        assertThat(page.select("#title-error").text()).isEqualTo("不能为空");
        assertThat(page.select("#content").text()).isEqualTo("建设冷链仓储点");
        assertThat(page.select("#category option[selected]").val()).isEqualTo("农业农村");
        assertThat(page.select("#suggest-form input[type=checkbox][name=complex]").hasAttr("checked")).isTrue();
    }
}
