package org.renda.casework;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;

import java.nio.charset.Charset;
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

/** 12345 hotline work orders come in from the hotline system's exports. */
@RendaIntegrationTest
class HotlineImportTest {

    @Autowired MockMvc mvc;
    @Autowired UserDetailsService accounts;
    @Autowired OrgTree orgs;
    @Autowired JdbcClient jdbc;

    private String upload(String name, byte[] data) throws Exception {
        return mvc.perform(multipart("/cases/hotline").file(new MockMultipartFile("file", name, "application/octet-stream", data))
                .param("orgId", String.valueOf(orgs.findByCode("QH-AL").orElseThrow().id()))
                .with(csrf()).with(Logins.as(accounts, "anlan.staff"))).andReturn().getResponse().getContentAsString();
    }

    private int hotlineCases() {
        return jdbc.sql("select count(*) from case_item where source = 'HOTLINE'").query(Integer.class).single();
    }

    @Test
    void aGbkCsvExportImportsAndASecondImportSkipsWhatCameBefore() throws Exception {
        String n = String.valueOf(System.nanoTime() % 1_000_000);
        String csv = "工单编号,诉求分类,标题,诉求内容,地点,来电人,联系电话\n"
                + "H" + n + "-1,交通出行,,\"公交站台破损，雨天无处避雨\",安澜镇汽车站,李女士,13512345678\n"
                + "H" + n + "-2,垃圾分类,垃圾清运不及时,小区垃圾三天未清运,安澜社区,,\n";
        int before = hotlineCases();
        assertThat(upload("工单.csv", csv.getBytes(Charset.forName("GBK")))).contains("新增 2 件，跳过已导入的 0 件");
        assertThat(hotlineCases()).isEqualTo(before + 2);
        assertThat(jdbc.sql("select category from case_item where idempotency_key like ?").param("%H" + n + "-2")
                .query(String.class).single()).as("an unknown category becomes 其他").isEqualTo("其他");
        assertThat(upload("工单.csv", csv.getBytes(Charset.forName("GBK")))).contains("新增 0 件，跳过已导入的 2 件");
        assertThat(hotlineCases()).isEqualTo(before + 2);
    }

    @Test
    void aWorkbookWithABadRowImportsNothing() throws Exception {
        String n = String.valueOf(System.nanoTime() % 1_000_000);
        byte[] xlsx = Xlsx.write("工单", HotlineImport.HEADERS, List.of(
                List.of("X" + n + "-1", "教育", "校车", "校车超载", "", "", ""),
                List.of("X" + n + "-2", "教育", "校车", "", "", "", ""),
                List.of("X" + n + "-3", "教育", "校车", "接送时间", "", "", "12ab")));
        int before = hotlineCases();
        assertThat(upload("工单.xlsx", xlsx)).contains("第 3 行：诉求内容不能为空", "第 4 行：联系电话“12ab”格式不正确");
        assertThat(hotlineCases()).isEqualTo(before);
    }
}
