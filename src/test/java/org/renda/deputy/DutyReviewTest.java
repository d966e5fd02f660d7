package org.renda.deputy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.renda.identity.Logins;
import org.renda.org.OrgTree;
import org.renda.support.RendaIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/**
 * The duty review queue as a town clerk works it: each record shows what the deputy wrote and their photo, several
 * are approved in one post (each audited as if approved alone), a record of another town in the batch approves
 * nothing; the deputy's entry form keeps what was typed and says each error beside its field.
 */
@RendaIntegrationTest
class DutyReviewTest {

    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10, 0, 0, 0, 13, 'I', 'H', 'D', 'R'};

    @Autowired MockMvc mvc;
    @Autowired UserDetailsService accounts;
    @Autowired JdbcClient jdbc;
    @Autowired OrgTree orgs;

    private long deputyOf(String username) {
        return jdbc.sql("select d.id from deputy d join app_user u on u.id = d.user_id where u.username = ?")
                .param(username).query(Long.class).single();
    }

    /** deputy.li submits a record from his phone, with a photo when asked; answers its id. */
    private long submitted(String title, boolean photo) throws Exception {
        var request = multipart("/duties").param("deputyId", String.valueOf(deputyOf("deputy.li")))
                .param("type", "RECEPTION").param("occurredOn", LocalDate.now().minusDays(1).toString())
                .param("title", title).param("content", "接待群众 5 人，反映道路问题。").param("place", "安澜镇联络站");
        if (photo) {
            request.file(new MockMultipartFile("files", "接待.png", "image/png", PNG));
        }
        MockHttpServletResponse r = mvc.perform(request.with(csrf()).with(Logins.as(accounts, "deputy.li"))).andReturn()
                .getResponse();
        assertThat(r.getRedirectedUrl()).as(r.getContentAsString()).matches("/duties/\\d+");
        return Long.parseLong(r.getRedirectedUrl().replaceAll("\\D", ""));
    }

    /** A submitted record of a deputy of 石桥镇: outside anlan.staff's reach. */
    private long foreignSubmitted() {
        long deputy = jdbc.sql("select id from deputy where org_id in (:ids) order by id limit 1")
                .param("ids", orgs.subtreeIds(orgs.findByCode("QH-SQ").orElseThrow().id())).query(Long.class).single();
        long org = jdbc.sql("select org_id from deputy where id = ?").param(deputy).query(Long.class).single();
        var keys = new org.springframework.jdbc.support.GeneratedKeyHolder();
        jdbc.sql("""
                insert into duty_record (deputy_id, org_id, type, occurred_on, title, status, recorded_by, created_at,
                                         version)
                values (?, ?, 'RECEPTION', ?, '石桥镇待审核记录', 'SUBMITTED', 'test', ?, 0)""")
                .params(deputy, org, LocalDate.now().minusDays(2), OffsetDateTime.now()).update(keys, "id");
        return keys.getKeyAs(Number.class).longValue();
    }

    private String status(long id) {
        return jdbc.sql("select status from duty_record where id = ?").param(id).query(String.class).single();
    }

    private int audited(long id, String action) {
        return jdbc.sql("select count(*) from audit_event where entity_type = 'duty_record' and entity_id = ?"
                + " and action = ?").params(String.valueOf(id), action).query(Integer.class).single();
    }

    private MvcResult batch(long... ids) throws Exception {
        var request = post("/duties/review/verify");
        for (long id : ids) {
            request.param("dutyRecordIds", String.valueOf(id));
        }
        return mvc.perform(request.with(csrf()).with(Logins.as(accounts, "anlan.staff"))).andReturn();
    }

    @Test
    void theQueueShowsEachRecordsContentAndPhotoAndApprovesTheTickedOnesInOnePost() throws Exception {
        String tag = "批量审核 " + System.nanoTime() % 100_000;
        long a = submitted(tag + " 甲", true);
        long b = submitted(tag + " 乙", false);
        long c = submitted(tag + " 丙", false);

        Document queue = Jsoup.parse(mvc.perform(get("/duties/review").with(Logins.as(accounts, "anlan.staff")))
                .andReturn().getResponse().getContentAsString());
        Element first = queue.getElementById("review-" + a);
        assertThat(first).isNotNull();
        assertThat(first.select(".review-content").text()).isEqualTo("接待群众 5 人，反映道路问题。");
        Element thumb = first.selectFirst("img.review-thumb");
        assertThat(thumb).isNotNull();
        assertThat(thumb.parent().attr("href")).as("a tap opens the photo itself").isEqualTo(thumb.attr("src"));
        assertThat(mvc.perform(get(thumb.attr("src")).with(Logins.as(accounts, "anlan.staff"))).andReturn()
                .getResponse().getContentAsByteArray()).isEqualTo(PNG);
        assertThat(first.select("input.review-pick[form=review-batch]").val()).isEqualTo(String.valueOf(a));
        assertThat(queue.select("#review-batch").attr("action")).isEqualTo("/duties/review/verify");
        assertThat(queue.select("#review-select-all").attr("data-renda-check-all")).isEqualTo(".review-pick");

        MvcResult done = batch(a, b);
        assertThat(done.getResponse().getRedirectedUrl()).isEqualTo("/duties/review");
        assertThat(done.getFlashMap().get("success")).isEqualTo("已审核通过 2 条");
        assertThat(status(a)).isEqualTo("VERIFIED");
        assertThat(status(b)).isEqualTo("VERIFIED");
        assertThat(status(c)).as("not ticked").isEqualTo("SUBMITTED");
        assertThat(audited(a, "VERIFIED")).isEqualTo(1);
        assertThat(audited(b, "VERIFIED")).isEqualTo(1);

        // Ticked again (a second clerk's stale page): already reviewed records are counted apart, not approved twice.
        MvcResult again = batch(b, c);
        assertThat(again.getFlashMap().get("success")).isEqualTo("已审核通过 1 条；另有 1 条已由他人审核");
        assertThat(status(c)).isEqualTo("VERIFIED");
        assertThat(audited(b, "VERIFIED")).isEqualTo(1);

        MvcResult none = batch();
        assertThat(none.getFlashMap().get("failure")).isEqualTo("请先勾选要通过的记录");
    }

    @Test
    void aRecordOfAnotherTownInTheBatchAnswers404AndApprovesNothing() throws Exception {
        long ours = submitted("批量审核越权 " + System.nanoTime() % 100_000, false);
        long foreign = foreignSubmitted();
        assertThat(batch(ours, foreign).getResponse().getStatus()).isEqualTo(404);
        assertThat(status(ours)).isEqualTo("SUBMITTED");
        assertThat(status(foreign)).isEqualTo("SUBMITTED");
        assertThat(audited(ours, "VERIFIED")).isZero();
        assertThat(batch(ours, 2_000_000_000L).getResponse().getStatus()).as("an id that does not exist").isEqualTo(404);
        assertThat(status(ours)).isEqualTo("SUBMITTED");

        // Leave the queues as they were for other tests: ours approved, the foreign row (made here) removed.
        assertThat(batch(ours).getFlashMap().get("success")).isEqualTo("已审核通过 1 条");
        jdbc.sql("delete from duty_record where id = ?").param(foreign).update();
    }

    @Test
    void aRefusedDutyEntryComesBackWithWhatWasTypedAndTheErrorBesideItsField() throws Exception {
        long li = deputyOf("deputy.li");
        MockHttpServletResponse future = mvc.perform(multipart("/duties").param("deputyId", String.valueOf(li))
                .param("type", "INSPECTION").param("occurredOn", LocalDate.now().plusDays(3).toString())
                .param("title", "明天的视察").param("place", "东湖村").with(csrf()).with(Logins.as(accounts, "deputy.li")))
                .andReturn().getResponse();
        assertThat(future.getStatus()).isEqualTo(200);
        Document page = Jsoup.parse(future.getContentAsString());
        assertThat(page.select("#occurredOn-error").text()).isEqualTo("履职日期不能晚于今天");
        assertThat(page.select("#duty-title").val()).isEqualTo("明天的视察");
        assertThat(page.select("#duty-type option[selected]").val()).isEqualTo("INSPECTION");

        MockHttpServletResponse blank = mvc.perform(multipart("/duties").param("deputyId", String.valueOf(li))
                .param("type", "INSPECTION").param("occurredOn", LocalDate.now().toString()).param("title", " ")
                .param("place", "东湖村").with(csrf()).with(Logins.as(accounts, "deputy.li"))).andReturn().getResponse();
        Document blankPage = Jsoup.parse(blank.getContentAsString());
        assertThat(blankPage.select("#title-error").text()).isEqualTo("不能为空");
        assertThat(blankPage.select("#duty-place").val()).isEqualTo("东湖村");

        var notPhoto = multipart("/duties").file(new MockMultipartFile("files", "a.exe", "application/x-msdownload",
                new byte[] {'M', 'Z'}));
        notPhoto.param("deputyId", String.valueOf(li)).param("type", "INSPECTION")
                .param("occurredOn", LocalDate.now().toString()).param("title", "带错误附件的视察");
        Document filePage = Jsoup.parse(mvc.perform(notPhoto.with(csrf()).with(Logins.as(accounts, "deputy.li")))
                .andReturn().getResponse().getContentAsString());
        assertThat(filePage.select("#files-error").text()).contains("a.exe");
        assertThat(jdbc.sql("select count(*) from duty_record where title in ('明天的视察', '带错误附件的视察')")
                .query(Integer.class).single()).isZero();
    }
}
