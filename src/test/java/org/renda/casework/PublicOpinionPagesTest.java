package org.renda.casework;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import org.renda.casework.PublicRateLimiter.Rule;
import org.renda.casework.PublicRateLimiter.Settings;
import org.renda.support.RendaIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder;

/**
 * The public's pages without a browser: the form (CSRF, towns grouped by county, photos), a re-sent form
 * that gives the first receipt, errors shown in place, the limiter, tracking and rating a reply.
 */
@RendaIntegrationTest
class PublicOpinionPagesTest {

    @Autowired MockMvc mvc;
    @Autowired JdbcClient jdbc;
    @Autowired PublicRateLimiter limiter;

    private Settings original;

    @BeforeEach
    void keepLimits() {
        original = limiter.settings();
    }

    @AfterEach
    void restoreLimits() {
        limiter.configure(original);
    }

    static byte[] png() throws Exception {
        BufferedImage img = new BufferedImage(32, 24, BufferedImage.TYPE_INT_RGB);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(img, "png", out);
        return out.toByteArray();
    }

    private MockMultipartHttpServletRequestBuilder form(String key, String title) {
        return (MockMultipartHttpServletRequestBuilder) multipart("/public/opinions").param("orgCode", "QH-AL")
                .param("category", "农业农村").param("title", title).param("content", "灌溉水渠堵塞，影响春耕。")
                .param("location", "南塘村").param("name", "王小二").param("phone", "13800001111")
                .param("submissionKey", key);
    }

    @Test
    void theFormNeedsNoSignInAndCarriesCsrfTownsCategoriesAndPhotoInputs() throws Exception {
        var res = mvc.perform(get("/public/opinions/new")).andReturn().getResponse();
        assertThat(res.getStatus()).isEqualTo(200);
        String html = res.getContentAsString();
        assertThat(html).contains("name=\"_csrf\"", "<optgroup label=\"清河县\">", "value=\"QH-AL\">安澜镇</option>",
                "城关街道", "交通出行", "name=\"submissionKey\" value=\"web-", "accept=\"image/*\" multiple",
                "capture=\"environment\"", "匿名提交");
        assertThat(html).doesNotContain("东湖村</option>", "交通运输局");
    }

    @Test
    void aSubmissionWithAPhotoGivesAReceiptAndTheSameFormSentAgainGivesTheSameOne() throws Exception {
        String key = "web-" + UUID.randomUUID();
        var first = mvc.perform(form(key, "水渠堵塞").file(new MockMultipartFile("files", "渠.png", "image/png", png()))
                .with(csrf())).andReturn().getResponse();
        assertThat(first.getStatus()).isEqualTo(302);
        assertThat(first.getRedirectedUrl()).matches("/public/opinions/receipt/[2-9A-Z]{10}");
        var again = mvc.perform(form(key, "水渠堵塞").file(new MockMultipartFile("files", "渠.png", "image/png", png()))
                .with(csrf())).andReturn().getResponse();
        assertThat(again.getRedirectedUrl()).isEqualTo(first.getRedirectedUrl());
        String code = first.getRedirectedUrl().substring(first.getRedirectedUrl().lastIndexOf('/') + 1);
        assertThat(jdbc.sql("select count(*) from case_item where idempotency_key = ?").param(key).query(Long.class)
                .single()).isEqualTo(1);
        assertThat(jdbc.sql("select count(*) from case_attachment a join case_item c on c.id = a.case_id"
                + " where c.receipt_code = ?").param(code).query(Long.class).single()).isEqualTo(1);

        String receipt = mvc.perform(get(first.getRedirectedUrl())).andReturn().getResponse().getContentAsString();
        assertThat(receipt).contains("id=\"receipt-code\">" + code + "<", "/public/opinions/track/" + code, "复制查询码")
                .doesNotContain("王小二", "13800001111");

        var edited = mvc.perform(form(key, "水渠堵塞（补充）").with(csrf())).andReturn().getResponse();
        assertThat(edited.getRedirectedUrl()).as("a changed form is a new opinion, not a retry")
                .startsWith("/public/opinions/receipt/").isNotEqualTo(first.getRedirectedUrl());
    }

    @Test
    void withoutTheCsrfTokenTheFormIsRefused() throws Exception {
        assertThat(mvc.perform(form("web-" + UUID.randomUUID(), "无令牌")).andReturn().getResponse().getStatus())
                .isEqualTo(403);
    }

    @Test
    void mistakesComeBackInPlaceWithTheTextKept() throws Exception {
        var res = mvc.perform(multipart("/public/opinions").param("orgCode", "QH-AL-V01").param("category", "交通出行")
                .param("title", "").param("content", "<b>粗体</b>内容保留").param("phone", "abc")
                .param("submissionKey", "web-x").with(csrf())).andReturn().getResponse();
        assertThat(res.getStatus()).isEqualTo(400);
        String html = res.getContentAsString();
        assertThat(html).contains("提交的内容有误", "请选择受理的乡镇（街道）", "电话号码格式不正确", "is-invalid",
                "&lt;b&gt;粗体&lt;/b&gt;内容保留").doesNotContain("<b>粗体");
    }

    @Test
    void theFormSharesThePerClientLimit() throws Exception {
        limiter.configure(new Settings(true, new Rule(1, 1), new Rule(100, 100), 1000));
        assertThat(mvc.perform(form("web-" + UUID.randomUUID(), "限流页一").with(csrf())).andReturn().getResponse()
                .getStatus()).isEqualTo(302);
        String key = "web-" + UUID.randomUUID();
        MockHttpServletResponse refused = mvc.perform(form(key, "限流页二").with(csrf())).andReturn().getResponse();
        assertThat(refused.getStatus()).isEqualTo(429);
        assertThat(refused.getHeader("Retry-After")).isNotBlank();
        assertThat(refused.getContentAsString()).contains("提交过于频繁", "限流页二");
        assertThat(jdbc.sql("select count(*) from case_item where idempotency_key = ?").param(key).query(Long.class)
                .single()).isZero();
    }

    @Test
    void aReceiptCodeIsFoundTrackedAndItsReplyRated() throws Exception {
        String key = "web-" + UUID.randomUUID();
        String url = mvc.perform(form(key, "待评价").with(csrf())).andReturn().getResponse().getRedirectedUrl();
        String code = url.substring(url.lastIndexOf('/') + 1);

        assertThat(mvc.perform(get("/public/opinions/track").param("code", " " + code.toLowerCase() + " "))
                .andReturn().getResponse().getRedirectedUrl()).isEqualTo("/public/opinions/track/" + code);
        var bad = mvc.perform(get("/public/opinions/track").param("code", "12")).andReturn().getResponse();
        assertThat(bad.getContentAsString()).contains("查询码不存在");
        var unknown = mvc.perform(get("/public/opinions/track/ZZZZZZZZZZ")).andReturn().getResponse();
        assertThat(unknown.getStatus()).isEqualTo(404);
        assertThat(unknown.getContentAsString()).contains("查询码不存在", "id=\"track-code\"");

        String page = mvc.perform(get("/public/opinions/track/" + code)).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("data-state=\"RECEIVED\">已受理<", "安澜镇", "待评价").doesNotContain("王小二", "13800001111",
                "灌溉水渠", "id=\"rate-form\"");

        // The unit has replied (the staff and unit pages are casework's other half; here the rows say so).
        long id = jdbc.sql("select id from case_item where receipt_code = ?").param(code).query(Long.class).single();
        jdbc.sql("update case_item set state = 'REPLIED', version = version + 1 where id = ?").param(id).update();
        jdbc.sql("insert into case_event (case_id, org_id, occurred_at, actor, action, from_state, to_state, note,"
                + " public_note) select id, org_id, ?, 'unit.jiaotong', 'REPLY', 'IN_PROGRESS', 'REPLIED', ?, true"
                + " from case_item where id = ?")
                .params(OffsetDateTime.now(ZoneOffset.UTC), "水渠已清理，<i>感谢</i>反映。", id).update();
        page = mvc.perform(get("/public/opinions/track/" + code)).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("id=\"rate-form\"", "基本满意", "水渠已清理，&lt;i&gt;感谢&lt;/i&gt;反映。", "已答复")
                .doesNotContain("unit.jiaotong");

        var rated = mvc.perform(post("/public/opinions/track/" + code + "/rating").param("rating", "SATISFIED")
                .with(csrf())).andReturn();
        assertThat(rated.getResponse().getRedirectedUrl()).isEqualTo("/public/opinions/track/" + code);
        assertThat(rated.getFlashMap().get("success")).isEqualTo("感谢您的评价");
        assertThat(jdbc.sql("select state || '/' || rating from case_item where id = ?").param(id).query(String.class)
                .single()).isEqualTo("CLOSED/SATISFIED");
        var twice = mvc.perform(post("/public/opinions/track/" + code + "/rating").param("rating", "UNSATISFIED")
                .with(csrf())).andReturn();
        assertThat(Jsoup.parse(twice.getResponse().getContentAsString()).select(".alert-danger").text())
                .as("rated already: said above the tracking page, shown again").contains("当前状态下不能执行此操作");
    }
}
