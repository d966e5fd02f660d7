package org.renda.casework;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.renda.casework.PublicRateLimiter.Rule;
import org.renda.casework.PublicRateLimiter.Settings;
import org.renda.support.RendaIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The partner API of casework: receipts, idempotent retries (also fifty at once over real HTTP), problem
 * details for every refusal, limits that act before the database, and tracking without personal data.
 */
@RendaIntegrationTest
class PublicOpinionApiTest {

    static final String URL = "/api/v1/public/opinions";
    static final Pattern CODE = Pattern.compile("\"receiptCode\":\"([2-9A-Z]{10})\"");

    @Autowired MockMvc mvc;
    @Autowired JdbcClient jdbc;
    @Autowired PublicRateLimiter limiter;
    @Autowired PublicIntake intake;
    @Autowired CaseDesk desk;
    @Autowired org.springframework.transaction.PlatformTransactionManager transactions;
    @LocalServerPort int port;

    private Settings original;

    @BeforeEach
    void keepLimits() {
        original = limiter.settings();
    }

    @AfterEach
    void restoreLimits() {
        limiter.configure(original);
    }

    static String body(String title) {
        return body("QH-AL", "交通出行", title, "东湖村三组路口的路灯坏了两个月，晚上看不清路。", null, null, false);
    }

    static String body(String org, String category, String title, String content, String name, String phone,
            boolean anonymous) {
        return "{\"orgCode\":" + q(org) + ",\"category\":" + q(category) + ",\"title\":" + q(title) + ",\"content\":"
                + q(content) + ",\"location\":\"东湖村三组\",\"name\":" + q(name) + ",\"phone\":" + q(phone)
                + ",\"anonymous\":" + anonymous + "}";
    }

    private static String q(String s) {
        return s == null ? "null" : "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    private MockHttpServletResponse send(String json, String key) throws Exception {
        var req = post(URL)
                .contentType(MediaType.APPLICATION_JSON).content(json.getBytes(StandardCharsets.UTF_8));
        if (key != null) {
            req.header("Idempotency-Key", key);
        }
        return mvc.perform(req).andReturn().getResponse();
    }

    private static String code(String json) {
        Matcher m = CODE.matcher(json);
        assertThat(m.find()).as("a receipt code in " + json).isTrue();
        return m.group(1);
    }

    private long rowsWithKey(String key) {
        return jdbc.sql("select count(*) from case_item where idempotency_key = ?").param(key).query(Long.class).single();
    }

    private static String key() {
        return "t-" + UUID.randomUUID();
    }

    @Test
    void aSubmissionAnswers201WithTheReceiptCodeAndWhereToTrackIt() throws Exception {
        String key = key();
        var res = send(body("路灯坏了 " + key), key);
        assertThat(res.getStatus()).isEqualTo(201);
        String code = code(res.getContentAsString());
        assertThat(res.getHeader("Location")).isEqualTo(URL + "/" + code);
        assertThat(res.getContentAsString()).contains("\"trackUrl\":\"http://localhost/public/opinions/track/" + code + "\"");
        assertThat(jdbc.sql("select source || '/' || state || '/' || receipt_code from case_item where idempotency_key = ?")
                .param(key).query(String.class).single()).isEqualTo("PUBLIC_FORM/RECEIVED/" + code);
        assertThat(send(body("无键提交 " + key), null).getStatus()).as("the key is optional").isEqualTo(201);
    }

    @Test
    void aRetryWithTheSameKeyAnswersTheSameReceiptAndMakesNoSecondCase() throws Exception {
        String key = key();
        String json = body("重复提交 " + key);
        var first = send(json, key);
        var again = send(json, key);
        assertThat(first.getStatus()).isEqualTo(201);
        assertThat(again.getStatus()).isEqualTo(200);
        assertThat(again.getHeader("Idempotent-Replayed")).isEqualTo("true");
        assertThat(code(again.getContentAsString())).isEqualTo(code(first.getContentAsString()));
        assertThat(again.getHeader("Location")).isEqualTo(first.getHeader("Location"));
        assertThat(rowsWithKey(key)).isEqualTo(1);

        var other = send(body("另一份内容 " + key), key);
        assertThat(other.getStatus()).isEqualTo(422);
        assertThat(other.getContentType()).startsWith("application/problem+json");
        assertThat(other.getContentAsString()).contains("idempotencyConflict", "该 Idempotency-Key 已用于另一份内容不同的提交");
        assertThat(rowsWithKey(key)).isEqualTo(1);
    }

    @Test
    void fiftySimultaneousRequestsWithOneKeyMakeOneCase() throws Exception {
        String key = key();
        byte[] json = body("同时提交 " + key).getBytes(StandardCharsets.UTF_8);
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
        int n = 50;
        ExecutorService pool = Executors.newFixedThreadPool(n);
        CountDownLatch ready = new CountDownLatch(n);
        CountDownLatch go = new CountDownLatch(1);
        try {
            List<Future<HttpResponse<String>>> answers = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                answers.add(pool.submit(() -> {
                    HttpRequest req = HttpRequest.newBuilder(URI.create("http://localhost:" + port + URL))
                            .timeout(Duration.ofSeconds(60)).header("Content-Type", "application/json")
                            .header("Idempotency-Key", key).POST(HttpRequest.BodyPublishers.ofByteArray(json)).build();
                    ready.countDown();
                    go.await();
                    return http.send(req, HttpResponse.BodyHandlers.ofString());
                }));
            }
            ready.await(30, TimeUnit.SECONDS);
            go.countDown();
            List<Integer> statuses = new ArrayList<>();
            Set<String> codes = new java.util.HashSet<>();
            for (Future<HttpResponse<String>> f : answers) {
                HttpResponse<String> r = f.get(90, TimeUnit.SECONDS);
                statuses.add(r.statusCode());
                codes.add(code(r.body()));
            }
            assertThat(statuses.stream().filter(s -> s == 201).count()).as("one creates: " + statuses).isEqualTo(1);
            assertThat(statuses.stream().filter(s -> s == 200).count()).as("the rest replay").isEqualTo(n - 1);
            assertThat(codes).as("one receipt for all").hasSize(1);
        } finally {
            pool.shutdownNow();
        }
        assertThat(rowsWithKey(key)).isEqualTo(1);
        long id = jdbc.sql("select id from case_item where idempotency_key = ?").param(key).query(Long.class).single();
        assertThat(jdbc.sql("select count(*) from case_event where case_id = ?").param(id).query(Long.class).single())
                .as("one timeline step, no leftovers of the losers").isEqualTo(1);
        assertThat(jdbc.sql("select count(*) from audit_event where entity_type = 'case' and entity_id = ?")
                .param(String.valueOf(id)).query(Long.class).single()).isEqualTo(1);
    }

    /**
     * The race itself, made certain: the first submission's transaction stays open while a twin with the
     * same key misses the look-up and runs into the unique constraint; when the first commits, the twin's
     * failed transaction is rolled back and a new one answers the first receipt.
     */
    @Test
    void aTwinThatLosesTheRaceOnTheKeyAnswersTheWinnersReceipt() throws Exception {
        String key = key();
        CaseDesk.PublicSubmission s = new CaseDesk.PublicSubmission("QH-AL", "教育", "赛跑 " + key, "学校门口缺少斑马线。",
                null, null, null, true);
        long racesBefore = intake.races();
        CountDownLatch inserted = new CountDownLatch(1);
        CountDownLatch commit = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Future<CaseDesk.Receipt> first = pool.submit(() ->
                    new org.springframework.transaction.support.TransactionTemplate(transactions).execute(tx -> {
                        CaseDesk.Receipt r = desk.submitPublic(s, key, List.of());
                        inserted.countDown();
                        try {
                            commit.await(30, TimeUnit.SECONDS);
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                        return r;
                    }));
            assertThat(inserted.await(30, TimeUnit.SECONDS)).isTrue();
            Future<CaseDesk.Receipt> twin = pool.submit(() -> intake.submit(s, key, List.of()));
            Thread.sleep(700); // the twin is now blocked on the key's index entry (or waiting for its lock)
            commit.countDown();
            CaseDesk.Receipt won = first.get(30, TimeUnit.SECONDS);
            CaseDesk.Receipt lost = twin.get(30, TimeUnit.SECONDS);
            assertThat(won.repeated()).isFalse();
            assertThat(lost.repeated()).isTrue();
            assertThat(lost.receiptCode()).isEqualTo(won.receiptCode());
            assertThat(intake.races()).as("the twin hit the constraint and asked again").isGreaterThan(racesBefore);
        } finally {
            pool.shutdownNow();
        }
        assertThat(rowsWithKey(key)).isEqualTo(1);
    }

    @Test
    void badInputAnswers400AsProblemDetailsNamingTheFields() throws Exception {
        var invalid = send(body("QH-AL", "交通出行", "", " ", null, "not a phone", false), key());
        assertThat(invalid.getStatus()).isEqualTo(400);
        assertThat(invalid.getContentType()).startsWith("application/problem+json");
        assertThat(invalid.getContentAsString()).contains("\"field\":\"title\"", "\"field\":\"content\"",
                "\"field\":\"phone\"", "电话号码格式不正确");

        var unknown = send(body("QH-AL-V01", "不存在的分类", "标题", "内容", null, null, true), key());
        assertThat(unknown.getStatus()).as("a village is not a congress").isEqualTo(400);
        assertThat(unknown.getContentType()).startsWith("application/problem+json");
        assertThat(unknown.getContentAsString()).contains("\"field\":\"orgCode\"", "\"field\":\"category\"",
                "请选择受理的乡镇（街道）");

        var badKey = send(body("坏的键"), "no spaces allowed!");
        assertThat(badKey.getStatus()).isEqualTo(400);
        assertThat(badKey.getContentAsString()).contains("\"field\":\"Idempotency-Key\"", "\"in\":\"header\"");
        var longKey = send(body("太长的键"), "k".repeat(101));
        assertThat(longKey.getStatus()).isEqualTo(400);
    }

    @Test
    void anOversizedBodyAnswers413AndNeverReachesTheDatabase() throws Exception {
        String key = key();
        String big = body("QH-AL", "交通出行", "很长 " + key, "长".repeat(24_000), null, null, true); // ~72 KB in UTF-8
        assertThat(big.getBytes(StandardCharsets.UTF_8).length).isGreaterThan(70_000);
        var res = send(big, key);
        assertThat(res.getStatus()).isEqualTo(413);
        assertThat(res.getContentType()).startsWith("application/problem+json");
        assertThat(res.getContentAsString()).contains("请求内容过大");

        // The same without a Content-Length (chunked), over real HTTP: read up to the limit, then refused.
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        HttpResponse<String> chunked = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + URL))
                .header("Content-Type", "application/json").header("Idempotency-Key", key)
                .POST(HttpRequest.BodyPublishers.ofInputStream(
                        () -> new ByteArrayInputStream(big.getBytes(StandardCharsets.UTF_8))))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(chunked.statusCode()).isEqualTo(413);
        assertThat(chunked.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        assertThat(rowsWithKey(key)).isZero();
    }

    @Test
    void malformedJsonAnswers400AndOtherMediaTypes415() throws Exception {
        var malformed = send("{\"orgCode\": \"QH-AL\", \"title\": ", key());
        assertThat(malformed.getStatus()).isEqualTo(400);
        assertThat(malformed.getContentType()).startsWith("application/problem+json");
        assertThat(malformed.getContentAsString()).doesNotContain("Exception", "at org.");

        var wrongType = send("{\"orgCode\":\"QH-AL\",\"category\":\"其他\",\"title\":\"类型\",\"content\":\"内容\","
                + "\"anonymous\":\"maybe\"}", key());
        assertThat(wrongType.getStatus()).isEqualTo(400);
        assertThat(wrongType.getContentAsString()).contains("\"field\":\"anonymous\"");

        for (MediaType type : List.of(MediaType.TEXT_PLAIN, MediaType.APPLICATION_FORM_URLENCODED, MediaType.APPLICATION_XML)) {
            var res = mvc.perform(post(URL).contentType(type).content("orgCode=QH-AL")).andReturn().getResponse();
            assertThat(res.getStatus()).as(type.toString()).isEqualTo(415);
            assertThat(res.getContentType()).startsWith("application/problem+json");
            assertThat(res.getContentAsString()).contains("请以 JSON 格式提交");
        }
        var none = mvc.perform(post(URL).content("{}")).andReturn().getResponse();
        assertThat(none.getStatus()).isEqualTo(415);
        assertThat(send("{}", key()).getStatus()).as("an empty object is JSON, and invalid").isEqualTo(400);
    }

    @Test
    void tooManyRequestsFromOneClientAnswer429WithRetryAfter() throws Exception {
        limiter.configure(new Settings(true, new Rule(2, 1), new Rule(3, 2), 1000));
        assertThat(send(body("限流一"), key()).getStatus()).isEqualTo(201);
        assertThat(send("{", key()).getStatus()).as("a bad request counts too").isEqualTo(400);
        String key = key();
        var refused = send(body("限流三 " + key), key);
        assertThat(refused.getStatus()).isEqualTo(429);
        assertThat(refused.getContentType()).startsWith("application/problem+json");
        assertThat(refused.getContentAsString()).contains("提交过于频繁");
        assertThat(Long.parseLong(refused.getHeader("Retry-After"))).isBetween(1L, 60L);
        assertThat(rowsWithKey(key)).isZero();

        for (int i = 0; i < 3; i++) {
            assertThat(mvc.perform(get("/api/v1/public/categories")).andReturn().getResponse().getStatus()).isEqualTo(200);
        }
        var lookup = mvc.perform(get(URL + "/ABCDEFGHJK")).andReturn().getResponse();
        assertThat(lookup.getStatus()).as("look-ups have their own bucket").isEqualTo(429);
        assertThat(lookup.getContentAsString()).contains("查询过于频繁");

        var otherClient = mvc.perform(post(URL).with(r -> {
            r.setRemoteAddr("2001:db8:1:2:3:4:5:6");
            return r;
        }).contentType(MediaType.APPLICATION_JSON).content(body("另一位群众").getBytes(StandardCharsets.UTF_8)))
                .andReturn().getResponse();
        assertThat(otherClient.getStatus()).as("another client has its own bucket").isEqualTo(201);
    }

    @Test
    void trackingShowsTheStateAndTimelineButNoNameNoPhoneNoContent() throws Exception {
        String key = key();
        var created = send(body("QH-SQ", "城乡建设", "桥面破损 " + key, "石桥村老桥桥面有个大坑，秘密细节八八八。", "张三丰",
                "13912345678", false), key);
        assertThat(created.getStatus()).isEqualTo(201);
        String code = code(created.getContentAsString());
        assertThat(jdbc.sql("select submitter_name || ' ' || submitter_phone from case_item where receipt_code = ?")
                .param(code).query(String.class).single()).as("kept for staff").isEqualTo("张三丰 13912345678");

        var res = mvc.perform(get(URL + "/" + code.toLowerCase())).andReturn().getResponse();
        assertThat(res.getStatus()).isEqualTo(200);
        String json = res.getContentAsString();
        assertThat(json).contains("\"receiptCode\":\"" + code + "\"", "\"state\":\"RECEIVED\"", "\"stateLabel\":\"已受理\"",
                "\"orgName\":\"石桥镇\"", "\"title\":\"桥面破损 ", "\"timeline\":[{", "\"actionLabel\":\"受理登记\"");
        assertThat(json).doesNotContain("张三丰", "13912345678", "秘密细节", "submitter", "phone", "system");
        assertThat(res.getHeader("Cache-Control")).contains("no-store");

        var missing = mvc.perform(get(URL + "/ZZZZZZZZZZ")).andReturn().getResponse();
        assertThat(missing.getStatus()).isEqualTo(404);
        assertThat(missing.getContentType()).startsWith("application/problem+json");
        assertThat(missing.getContentAsString()).contains("查询码不存在");
        assertThat(mvc.perform(get(URL + "/not-a-code")).andReturn().getResponse().getStatus()).isEqualTo(404);

        var early = mvc.perform(post(URL + "/" + code + "/rating").contentType(MediaType.APPLICATION_JSON)
                .content("{\"rating\":\"SATISFIED\"}")).andReturn().getResponse();
        assertThat(early.getStatus()).as("nothing to rate before a reply").isEqualTo(422);
    }

    @Test
    void theCongressesAndCategoriesAreListedForPartners() throws Exception {
        String orgs = mvc.perform(get("/api/v1/public/orgs")).andReturn().getResponse().getContentAsString();
        assertThat(orgs).contains("{\"code\":\"QH-AL\",\"name\":\"安澜镇\",\"type\":\"TOWN\",\"parentName\":\"清河县\"}",
                "\"code\":\"QH-CG\"", "\"code\":\"QH\"");
        assertThat(orgs).doesNotContain("QH-AL-V01", "DEPARTMENT", "VILLAGE");
        assertThat(mvc.perform(get("/api/v1/public/categories")).andReturn().getResponse().getContentAsString())
                .startsWith("[\"交通出行\"").contains("\"其他\"");
        assertThat(mvc.perform(get("/v3/api-docs")).andReturn().getResponse().getContentAsString())
                .contains("\"/api/v1/public/opinions\"", "\"/api/v1/public/opinions/{receiptCode}\"");
    }

    @Test
    void publicTextIsEscapedOnThePages() throws Exception {
        String key = key();
        var created = send(body("QH-AL", "其他", "<script>alert('x')</script> " + key, "<img src=x onerror=alert(1)>",
                null, null, true), key);
        String code = code(created.getContentAsString());
        String page = mvc.perform(get("/public/opinions/track/" + code)).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;").doesNotContain("<script>alert");
        String receipt = mvc.perform(get("/public/opinions/receipt/" + code)).andReturn().getResponse()
                .getContentAsString();
        assertThat(receipt).contains("&lt;script&gt;").doesNotContain("<script>alert");
        assertThat(List.of(page, receipt).stream().collect(Collectors.joining())).doesNotContain("onerror=alert");
    }
}
