package org.renda.deputy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.renda.identity.Logins;
import org.renda.support.RendaIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/** A deputy's duties from entry to archive, as deputies and staff do it through the pages. */
@RendaIntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class DutyArchiveTest {

    @Autowired MockMvc mvc;
    @Autowired UserDetailsService accounts;
    @Autowired JdbcClient jdbc;

    private long deputyOf(String username) {
        return jdbc.sql("select d.id from deputy d join app_user u on u.id = d.user_id where u.username = ?")
                .param(username).query(Long.class).single();
    }

    private int verifiedCount(long deputyId, DutyType type) {
        return jdbc.sql("select count(*) from duty_record where deputy_id = ? and type = ? and status = 'VERIFIED'")
                .params(deputyId, type.name()).query(Integer.class).single();
    }

    private MvcResult submit(String who, long deputyId, String title, MockMultipartFile... files) throws Exception {
        var req = multipart("/duties").param("deputyId", String.valueOf(deputyId)).param("type", "RECEPTION")
                .param("occurredOn", LocalDate.now().toString()).param("title", title).param("place", "安澜镇联络站");
        for (MockMultipartFile f : files) {
            req.file(f);
        }
        return mvc.perform(req.with(csrf()).with(Logins.as(accounts, who))).andReturn();
    }

    private long recordId(MvcResult r) {
        return Long.parseLong(r.getResponse().getRedirectedUrl().replace("/duties/", ""));
    }

    @Test
    void aDeputysOwnRecordCountsOnlyOnceStaffVerifyIt() throws Exception {
        long li = deputyOf("deputy.li");
        int before = verifiedCount(li, DutyType.RECEPTION);
        MockMultipartFile photo = new MockMultipartFile("files", "接待.png", "image/png", org.renda.shared.ImagesTest.PNG);
        MvcResult saved = submit("deputy.li", li, "接待西岭村选民", photo);
        assertThat(saved.getFlashMap().get("success")).isEqualTo("已提交，等待人大办审核");
        long id = recordId(saved);
        assertThat(jdbc.sql("select count(*) from duty_evidence where record_id = ?").param(id).query(Integer.class)
                .single()).isEqualTo(1);
        assertThat(verifiedCount(li, DutyType.RECEPTION)).isEqualTo(before);

        assertThat(mvc.perform(get("/duties/review").with(Logins.as(accounts, "anlan.staff"))).andReturn()
                .getResponse().getContentAsString()).contains("接待西岭村选民");
        assertThat(mvc.perform(post("/duties/" + id + "/verify").with(csrf()).with(Logins.as(accounts, "shiqiao.staff")))
                .andReturn().getResponse().getStatus()).as("another town's clerk").isEqualTo(404);
        mvc.perform(post("/duties/" + id + "/verify").with(csrf()).with(Logins.as(accounts, "anlan.staff")));
        assertThat(verifiedCount(li, DutyType.RECEPTION)).isEqualTo(before + 1);

        String archive = mvc.perform(get("/deputies/" + li + "/archive").with(Logins.as(accounts, "deputy.li")))
                .andReturn().getResponse().getContentAsString();
        assertThat(archive).contains("接待西岭村选民", "接待选民");
        assertThat(mvc.perform(post("/duties/" + id + "/verify").with(csrf()).with(Logins.as(accounts, "anlan.staff")))
                .andReturn().getFlashMap().get("failure")).isEqualTo("该记录已审核过");
    }

    @Test
    void staffRecordForADeputyAndTheRecordCountsAtOnce() throws Exception {
        long zhao = deputyOf("deputy.zhao");
        int before = verifiedCount(zhao, DutyType.RECEPTION);
        MvcResult saved = submit("anlan.staff", zhao, "代录：接待东湖村选民");
        assertThat(saved.getFlashMap().get("success")).isEqualTo("已保存并计入履职档案");
        assertThat(verifiedCount(zhao, DutyType.RECEPTION)).isEqualTo(before + 1);
    }

    @Test
    void aReturnedRecordNeedsAReasonAndNeverCounts() throws Exception {
        long li = deputyOf("deputy.li");
        long id = recordId(submit("deputy.li", li, "待退回的记录"));
        assertThat(mvc.perform(post("/duties/" + id + "/reject").param("reason", " ").with(csrf())
                .with(Logins.as(accounts, "anlan.staff"))).andReturn().getFlashMap().get("failure"))
                .isEqualTo("退回时请填写原因");
        mvc.perform(post("/duties/" + id + "/reject").param("reason", "缺少接待照片").with(csrf())
                .with(Logins.as(accounts, "anlan.staff")));
        assertThat(jdbc.sql("select status from duty_record where id = ?").param(id).query(String.class).single())
                .isEqualTo("REJECTED");
        assertThat(mvc.perform(get("/duties/" + id).with(Logins.as(accounts, "deputy.li"))).andReturn().getResponse()
                .getContentAsString()).contains("缺少接待照片", "已退回");
    }

    @Test
    void aFileThatIsNotTheImageItClaimsIsRefusedAndNothingIsSaved() throws Exception {
        long li = deputyOf("deputy.li");
        int records = jdbc.sql("select count(*) from duty_record where deputy_id = ?").param(li).query(Integer.class)
                .single();
        MockMultipartFile fake = new MockMultipartFile("files", "photo.jpg", "image/jpeg", "<html>".getBytes());
        MvcResult r = submit("deputy.li", li, "带假照片的记录", fake);
        assertThat(r.getResponse().getStatus()).as("the form comes back").isEqualTo(200);
        assertThat(org.jsoup.Jsoup.parse(r.getResponse().getContentAsString()).select("#files-error").text())
                .contains("photo.jpg", "格式不支持");
        assertThat(jdbc.sql("select count(*) from duty_record where deputy_id = ?").param(li).query(Integer.class)
                .single()).isEqualTo(records);
    }

    @Test
    void aDeputyCannotRecordForAnotherDeputy() throws Exception {
        long zhao = deputyOf("deputy.zhao");
        assertThat(submit("deputy.li", zhao, "冒名记录").getResponse().getStatus()).isEqualTo(404);
    }

    @Test
    void aDeputyMakesAtMostThreeCommitmentsAYear() throws Exception {
        long li = deputyOf("deputy.li");
        int year = LocalDate.now().getYear() + 1;
        for (int i = 1; i <= 4; i++) {
            MvcResult r = mvc.perform(post("/deputies/" + li + "/commitments").param("year", String.valueOf(year))
                    .param("title", "承诺 " + i).with(csrf()).with(Logins.as(accounts, "deputy.li"))).andReturn();
            if (i <= 3) {
                assertThat(r.getFlashMap().get("success")).isEqualTo("已保存");
            } else {
                assertThat(r.getFlashMap().get("failure")).isEqualTo("每年最多作出 3 项承诺");
            }
        }
    }

    @Test
    void staffRegisterADeputyWhosePhoneAndIdNeverReachListsOrLogs(CapturedOutput output) throws Exception {
        String name = "测试代表" + (System.nanoTime() % 10_000);
        MvcResult r = mvc.perform(post("/deputies").with(csrf()).with(Logins.as(accounts, "anlan.staff"))
                .param("name", name).param("gender", "女").param("orgCode", "QH-AL-V03").param("congressCode", "QH-AL")
                .param("level", "TOWN").param("termNo", "18").param("termStart", "2021").param("termEnd", "2026")
                .param("status", "BY_ELECTED").param("since", "2024-05-10").param("document", "补选结果公告")
                .param("phone", "13712345678").param("idNumber", "440981198001011234")).andReturn();
        assertThat(r.getResponse().getRedirectedUrl()).matches("/deputies/\\d+");
        String list = mvc.perform(get("/deputies").param("text", name).with(Logins.as(accounts, "anlan.staff")))
                .andReturn().getResponse().getContentAsString();
        assertThat(list).contains(name, "137****5678", "补选").doesNotContain("13712345678", "440981198001011234");
        String audit = jdbc.sql("select after_state from audit_event where entity_type = 'deputy' and action = 'CREATED'"
                + " and after_state like ?").param("%" + name + "%").query(String.class).single();
        assertThat(audit).doesNotContain("13712345678", "440981198001011234");
        assertThat(output.getAll()).doesNotContain("13712345678", "440981198001011234");
    }

    @Test
    void aSeatEndsOnlyByALawfulMoveWithItsDocument() throws Exception {
        long zhao = deputyOf("deputy.zhao");
        long seat = jdbc.sql("select id from deputy_mandate where deputy_id = ? and level = 'TOWN'").param(zhao)
                .query(Long.class).single();
        MvcResult noDoc = mvc.perform(post("/deputies/" + zhao + "/seats/" + seat + "/status").param("status", "REMOVED")
                .param("on", LocalDate.now().toString()).with(csrf()).with(Logins.as(accounts, "anlan.staff"))).andReturn();
        assertThat(noDoc.getFlashMap().get("failure")).isEqualTo("请填写作出决定的文件（如辞职决定、罢免公告）");
        assertThat(jdbc.sql("select status from deputy_mandate where id = ?").param(seat).query(String.class).single())
                .isEqualTo("ELECTED");
    }

    @Test
    void theArchiveExportsAsASpreadsheetAndGridsAreKeptByTheTownClerk() throws Exception {
        long li = deputyOf("deputy.li");
        byte[] xlsx = mvc.perform(get("/deputies/" + li + "/archive.xlsx").with(Logins.as(accounts, "anlan.staff")))
                .andReturn().getResponse().getContentAsByteArray();
        var rows = org.renda.shared.excel.Xlsx.read(new java.io.ByteArrayInputStream(xlsx), java.util.List.of("日期", "履职类型", "事项"));
        assertThat(rows).isNotEmpty().allSatisfy(r -> assertThat(r.get("履职类型")).isNotBlank());

        String name = "第九网格" + System.nanoTime() % 1000;
        mvc.perform(post("/grids").with(csrf()).with(Logins.as(accounts, "anlan.staff")).param("orgCode", "QH-AL-V02")
                .param("name", name).param("households", "21").param("voters", "52"));
        assertThat(mvc.perform(get("/grids").with(Logins.as(accounts, "anlan.staff"))).andReturn().getResponse()
                .getContentAsString()).contains(name);
        assertThat(mvc.perform(get("/grids").with(Logins.as(accounts, "shiqiao.staff"))).andReturn().getResponse()
                .getContentAsString()).doesNotContain(name);
        assertThat(mvc.perform(post("/grids").with(csrf()).with(Logins.as(accounts, "shiqiao.staff"))
                .param("orgCode", "QH-AL-V02").param("name", "越权网格").param("households", "1").param("voters", "1"))
                .andReturn().getResponse().getStatus()).isEqualTo(404);
    }

    @Test
    void theDutiesDueListNamesDeputiesWhoHaveNotReportedToVoters() throws Exception {
        String page = mvc.perform(get("/deputies/due").with(Logins.as(accounts, "anlan.staff"))).andReturn()
                .getResponse().getContentAsString();
        assertThat(page).contains("本届尚未向选民述职");
    }
}
