package org.renda.compliance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;

import java.io.ByteArrayInputStream;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.renda.compliance.ComplianceViews.ChecklistView;
import org.renda.identity.Logins;
import org.renda.org.OrgTree;
import org.renda.shared.NotFoundException;
import org.renda.shared.excel.ImportRejected;
import org.renda.shared.excel.RowError;
import org.renda.shared.excel.Xlsx;
import org.renda.support.RendaIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.annotation.Transactional;

/**
 * A checklist from Excel: every bad row listed by number in Chinese and nothing imported; a good sheet replaces the
 * newest version while no town assessed against it, and becomes a new version once it is frozen.
 */
@RendaIntegrationTest
class ChecklistImportTest {

    private static final List<String> HEADERS = List.of("序号", "章节", "条目内容", "衡量方式", "佐证类型");

    @Autowired UserDetailsService accounts;
    @Autowired ChecklistImport imports;
    @Autowired ComplianceDesk desk;
    @Autowired OrgTree orgs;
    @Autowired JdbcClient jdbc;
    @Autowired MockMvc mvc;

    private long org(String code) {
        return orgs.findByCode(code).orElseThrow().id();
    }

    private long items() {
        return jdbc.sql("select count(*) from compliance_item").query(Long.class).single();
    }

    private static byte[] sheet(List<List<?>> rows) {
        return Xlsx.write("条例落实清单", HEADERS, rows);
    }

    @Test
    void badRowsAreListedByNumberAndNothingIsImported() throws Exception {
        long before = items();
        byte[] bad = sheet(List.of(
                List.of(1, "人民代表大会会议", "每年至少举行两次会议", "会议次数", "meeting.sessions"),
                List.of(1, "主席团", "每季度至少召开一次会议", "会议次数", ""),
                List.of("三", "代表工作", "", "联络站数量", "代表联络站（个）"),
                List.of(4, "代表工作", "代表向选民述职", "述职人次", "选民满意度")));
        ImportRejected e = Logins.call(accounts, "admin", () -> {
            try {
                imports.importSheet(org("JN-YX"), "云溪市清单", new ByteArrayInputStream(bad));
                return null;
            } catch (ImportRejected r) {
                return r;
            }
        });
        assertThat(e).isNotNull();
        assertThat(e.errors()).extracting(RowError::row).containsExactly(3, 4, 4, 5);
        assertThat(e.errors()).extracting(RowError::messageKey).containsExactly("compliance.import.noTwice",
                "compliance.import.required", "compliance.import.no", "compliance.import.evidence");
        assertThat(items()).isEqualTo(before);

        String html = mvc.perform(multipart("/compliance/" + org("JN-YX") + "/checklists/import")
                .file(new MockMultipartFile("file", "清单.xlsx", "application/octet-stream", bad))
                .param("title", "云溪市清单").with(Logins.as(accounts, "admin")).with(csrf()))
                .andReturn().getResponse().getContentAsString();
        assertThat(html).contains("第 3 行：序号 1 与第 2 行重复", "第 4 行：“条目内容”不能为空", "第 4 行：序号“三”不是 1 至 999 的整数",
                "第 5 行：佐证类型“选民满意度”不存在").doesNotContain("{0}");
        assertThat(items()).isEqualTo(before);
    }

    @Test
    void onlyThoseWhoKeepTheChecklistImportIt() {
        byte[] good = sheet(List.of(List.of(1, "章", "条目", "衡量", "")));
        assertThatThrownBy(() -> Logins.call(accounts, "anlan.staff", () -> imports.importSheet(org("QH"), "清单",
                new ByteArrayInputStream(good)))).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> Logins.call(accounts, "county.staff", () -> imports.importSheet(org("JN-YX"), "清单",
                new ByteArrayInputStream(good)))).isInstanceOf(NotFoundException.class);
    }

    @Test
    @Transactional
    void aGoodSheetReplacesAnUnusedVersionAndFollowsAFrozenOneAsTheNextVersion() throws Exception {
        byte[] two = sheet(List.of(List.of(2, "主席团", "每季度至少召开一次主席团会议", "会议次数", "主席团会议（次）"),
                List.of(1, "人民代表大会会议", "每年至少举行两次会议", "会议次数", "meeting.sessions")));
        ChecklistView city = Logins.call(accounts, "admin", () -> imports.importSheet(org("JN-YX"), "云溪市清单",
                new ByteArrayInputStream(two)));
        assertThat(city.versionNo()).isEqualTo(1);
        assertThat(city.items()).isEqualTo(2);
        ChecklistView again = Logins.call(accounts, "admin", () -> imports.importSheet(org("JN-YX"), "云溪市清单（修订）",
                new ByteArrayInputStream(sheet(List.of(List.of(1, "章", "条目", "衡量", ""))))));
        assertThat(again.id()).as("not frozen: replaced").isEqualTo(city.id());
        assertThat(again.items()).isEqualTo(1);

        ChecklistView next = Logins.call(accounts, "county.staff", () -> imports.importSheet(org("QH"), "清河县清单（二版）",
                new ByteArrayInputStream(two)));
        assertThat(next.versionNo()).as("version 1 is frozen by the towns' assessments").isEqualTo(2);
        var items = Logins.call(accounts, "county.staff", () -> desk.items(next.id()));
        assertThat(items).extracting(ComplianceViews.ItemView::itemNo).containsExactly(1, 2);
        assertThat(items.get(1).evidenceKind()).isEqualTo("meeting.presidium");
        assertThat(jdbc.sql("select count(*) from compliance_item i join compliance_checklist c on c.id = i.checklist_id"
                + " where c.org_id = ? and c.version_no = 1").param(org("QH")).query(Long.class).single())
                .as("the frozen version keeps its 41 items").isEqualTo(41);
    }

    @Test
    void theTemplateNamesTheColumnsAndTheEvidenceKinds() throws Exception {
        byte[] body = mvc.perform(get("/compliance/checklists/template").with(Logins.as(accounts, "county.staff")))
                .andReturn().getResponse().getContentAsByteArray();
        try (var book = new org.apache.poi.xssf.usermodel.XSSFWorkbook(new ByteArrayInputStream(body))) {
            assertThat(book.getSheetAt(0).getRow(0).getCell(2).getStringCellValue()).isEqualTo("条目内容");
            StringBuilder kinds = new StringBuilder();
            book.getSheet("佐证类型").forEach(r -> kinds.append(r.getCell(0).getStringCellValue()).append(' '));
            assertThat(kinds.toString()).contains("代表联络站（个）", "代表接待日（已开展，次）", "代表向选民述职（人次）",
                    "代表履职记录（条）", "人民代表大会会议（次）", "主席团会议（次）", "监督议题（个）", "向党委请示报告（次）")
                    .doesNotContain("station.count");
        }
    }
}
