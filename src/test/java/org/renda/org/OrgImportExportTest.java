package org.renda.org;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.renda.identity.Logins;
import org.renda.shared.excel.Xlsx;
import org.renda.support.RendaIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

/** Rosters come from Excel: a good file is imported whole, a file with one bad row not at all. */
@RendaIntegrationTest
class OrgImportExportTest {

    @Autowired MockMvc mvc;
    @Autowired UserDetailsService accounts;
    @Autowired OrgTree orgs;

    private static byte[] sheet(List<List<?>> rows) {
        return Xlsx.write("组织机构", OrgSheets.HEADERS, rows);
    }

    private String upload(String who, byte[] file) throws Exception {
        return mvc.perform(multipart("/orgs/import")
                        .file(new MockMultipartFile("file", "orgs.xlsx", org.renda.shared.web.Downloads.XLSX.toString(), file))
                        .with(csrf()).with(Logins.as(accounts, who)))
                .andReturn().getResponse().getContentAsString();
    }

    @Test
    void aGoodFileCreatesEveryRowEvenWhenChildrenComeBeforeTheirParent() throws Exception {
        String p = "IMP" + System.nanoTime() % 1_000_000;
        byte[] file = sheet(List.of(
                List.of(p + "-V1", "新建村一", "村", p, 1, "启用"),
                List.of(p, "新设街道", "街道", "QH", 30, "启用"),
                List.of(p + "-C1", "新建社区", "社区", p, 2, "停用")));
        String page = upload("county.staff", file);
        assertThat(page).contains("导入完成：新增 3 个，更新 0 个");
        OrgView street = orgs.findByCode(p).orElseThrow();
        assertThat(orgs.findByCode(p + "-V1").orElseThrow().parentId()).isEqualTo(street.id());
        assertThat(orgs.findByCode(p + "-C1").orElseThrow().active()).isFalse();
    }

    @Test
    void aFileWithABadRowImportsNothingAndNamesEveryBadRow() throws Exception {
        String p = "BAD" + System.nanoTime() % 1_000_000;
        List<List<?>> rows = new ArrayList<>();
        for (int i = 1; i <= 14; i++) {
            rows.add(List.of(p + "-" + i, "好村" + i, "村", "QH-AL", i, "启用"));
        }
        rows.add(List.of(p + "-15", "没有类型村", "大队", "QH-AL", 15, "启用")); // row 16
        rows.add(List.of(p + "-16", "孤儿村", "村", "NO-SUCH-PARENT", 16, "启用")); // row 17
        rows.add(List.of(p + "-1", "重复村", "村", "QH-AL", 17, "启用")); // row 18
        String page = upload("anlan.staff", sheet(rows));
        assertThat(page)
                .contains("文件有 3 处错误，未导入任何数据")
                .contains("第 16 行：类型“大队”无法识别")
                .contains("第 17 行：上级单位不存在（编码“NO-SUCH-PARENT”）")
                .contains("第 18 行：编码“" + p + "-1”与第 2 行重复");
        assertThat(orgs.findByCode(p + "-1")).isEmpty();
        assertThat(orgs.findByCode(p + "-14")).isEmpty();
    }

    @Test
    void aParentOutsideTheImportersReachIsReportedAsMissing() throws Exception {
        String p = "FOR" + System.nanoTime() % 1_000_000;
        String page = upload("anlan.staff", sheet(List.of(List.of(p, "越权村", "村", "QH-SQ", 1, "启用"))));
        assertThat(page).contains("第 2 行：上级单位不存在（编码“QH-SQ”）");
        assertThat(orgs.findByCode(p)).isEmpty();
    }

    @Test
    void aFileThatIsNotAWorkbookGetsAReadableMessage() throws Exception {
        String page = upload("anlan.staff", "编码,名称\n1,2".getBytes());
        assertThat(page).contains("无法读取文件，请上传 Excel（.xlsx）文件");
    }

    @Test
    void theExportListsTheVisibleSubtreeAndReadsBackAsAnImport() throws Exception {
        long town = orgs.findByCode("QH-AL").orElseThrow().id();
        byte[] xlsx = mvc.perform(get("/orgs/" + town + "/export").with(Logins.as(accounts, "anlan.staff")))
                .andReturn().getResponse().getContentAsByteArray();
        List<Xlsx.SheetRow> rows = Xlsx.read(new ByteArrayInputStream(xlsx), OrgSheets.HEADERS);
        assertThat(rows).extracting(r -> r.get("名称")).contains("安澜镇", "东湖村", "安澜社区")
                .doesNotContain("石桥镇", "清河县");
        assertThat(rows).filteredOn(r -> r.get("编码").equals("QH-AL-V01")).singleElement()
                .satisfies(r -> assertThat(r.get("上级编码")).isEqualTo("QH-AL"));
        // Re-importing the unchanged export changes nothing: the town's own row names its parent, QH,
        // which is outside a town clerk's reach, so the county clerk does the round trip.
        String page = upload("county.staff", xlsx);
        assertThat(page).contains("更新 0 个");
    }
}
