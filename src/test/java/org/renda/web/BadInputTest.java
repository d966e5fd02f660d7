package org.renda.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.renda.deputy.DeputyRegister;
import org.renda.identity.Logins;
import org.renda.org.OrgTree;
import org.renda.station.StationEnums.Tier;
import org.renda.station.StationNetwork;
import org.renda.station.StationViews.StationView;
import org.renda.support.RendaIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder;

/**
 * The outside tester's bad inputs, each sent as they sent it: none answers 5xx; pages answer a Chinese message
 * (a 400 page or a flash message on the form), the API a problem detail; a NUL byte is never stored.
 * Runs on H2 and on PostgreSQL (which refuses NUL outright).
 */
@RendaIntegrationTest
class BadInputTest {

    private static final String NUL = "x\u0000y";
    private static final String LONG = "长".repeat(100_000);

    @Autowired MockMvc mvc;
    @Autowired UserDetailsService accounts;
    @Autowired OrgTree orgs;
    @Autowired DeputyRegister deputies;
    @Autowired StationNetwork network;
    @Autowired JdbcClient jdbc;
    @Autowired ApiErrors apiErrors;
    @LocalServerPort int port;

    /** Filled once per test: ids of the demo county's records the requests point at. */
    static long town;
    static long deputy;
    static long station;
    static String token;

    @BeforeEach
    void ids() throws Exception {
        town = orgs.findByCode("QH-AL").orElseThrow().id();
        deputy = Logins.call(accounts, "anlan.staff", () -> deputies.listAll(new DeputyRegister.Query(null, null, null,
                null, null, town, true)).get(0).id());
        if (station == 0) {
            StationView s = Logins.call(accounts, "anlan.staff", () -> network.create(town,
                    new StationNetwork.StationForm("BAD-" + System.nanoTime() % 1_000_000, "坏输入联络站", Tier.STATION,
                            null, "安澜镇测试路 9 号", null, "0734-5200000", null)));
            station = s.id();
        }
        if (token == null) {
            token = (String) mvc.perform(post("/account/tokens").with(Logins.as(accounts, "anlan.staff")).with(csrf())
                    .param("name", "坏输入").param("days", "1")).andReturn().getFlashMap().get("newToken");
        }
    }

    /** What a page must show: a status below 500 and the Chinese words, on the page or in the flash message. */
    record Page(String name, Function<BadInputTest, AbstractMockHttpServletRequestBuilder<?>> request, int status, String text) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Arguments> pages() {
        return Stream.of(
                new Page("NUL in the organisation search", t -> get("/orgs/search").param("q", NUL), 200, ""),
                new Page("NUL in the deputies' filter", t -> get("/deputies").param("text", NUL), 200, ""),
                new Page("NUL in the cases' filter", t -> get("/cases").param("text", NUL), 200, ""),
                new Page("page=2147483647 of deputies", t -> get("/deputies").param("page", "2147483647"), 200, ""),
                new Page("page=2147483647 of cases", t -> get("/cases").param("page", "2147483647"), 200, ""),
                new Page("a 100,000-character case title", t -> caseForm("title", LONG), 200, "is-invalid"),
                new Page("a 100,000-character case content", t -> caseForm("content", LONG), 200, "is-invalid"),
                new Page("a case submitter's phone abcdefg", t -> caseForm("phone", "abcdefg"), 200,
                        "电话号码格式不正确"),
                new Page("a 100,000-character deputy name", t -> deputyForm("name", LONG), 200, "姓名"),
                new Page("a deputy's phone abcdefg", t -> deputyForm("phone", "abcdefg"), 200,
                        "电话号码格式不正确"),
                new Page("a deputy's ID number 12345", t -> deputyForm("idNumber", "12345"), 200,
                        "身份证号无效"),
                new Page("an ID number with a wrong check digit", t -> deputyForm("idNumber",
                        "110101199003071234"), 200, "身份证号无效"),
                new Page("a negative term number", t -> deputyForm("termNo", "-3"), 200, "届次"),
                new Page("a negative household count", t -> post("/grids").param("orgCode", "QH-AL-V01")
                        .param("name", "坏输入网格").param("households", "-5").param("voters", "10"), 302, "户数"),
                new Page("an impossible date on a deputy's seat", t -> post("/deputies/" + deputy + "/seats")
                        .param("congressCode", "QH-AL").param("level", "TOWN").param("termNo", "18")
                        .param("termStart", "2021").param("termEnd", "2026").param("status", "ELECTED")
                        .param("since", "2026-02-30"), 400, "日期「起始日期」无效：2026-02-30"),
                new Page("an impossible date on a reception record", t -> post("/stations/" + station + "/records")
                        .param("kind", "RECEPTION").param("occurredOn", "2026-02-30").param("place", "接待室")
                        .param("summary", "接待"), 200, "不是有效的日期"),
                new Page("letters for a year", t -> get("/stations/" + station + "/roster").param("year", "abc"), 400,
                        "数字「年份」无效：abc"),
                new Page("archive.xlsx?year=1000000000", t -> get("/deputies/" + deputy + "/archive.xlsx")
                        .param("year", "1000000000"), 400, "年份应在 1900 到 2100 之间"),
                new Page("archive?year=2147483647", t -> get("/deputies/" + deputy + "/archive")
                        .param("year", "2147483647"), 400, "年份应在 1900 到 2100 之间"),
                new Page("paper questionnaire counts that overflow when added", t -> post(
                        "/appraisals/subjects/1/questionnaires/1/paper").param("satisfied", "2147483647")
                        .param("fairly", "1").param("basic", "0").param("unsatisfied", "0"), 400, "满意"),
                new Page("a missing required parameter", t -> post("/grids").param("orgCode", "QH-AL-V01")
                        .param("households", "1").param("voters", "1"), 400, "缺少必填项「姓名」"),
                new Page("the station ledger PDF without its period", t -> get("/stations/" + station + "/ledger.pdf"),
                        200, ""),
                new Page("the station ledger sheet without its period",
                        t -> get("/stations/" + station + "/ledger.xlsx"), 200, ""),
                new Page("the stations' figures without a year", t -> get("/stations/figures.xlsx"), 200, ""),
                new Page("the case figures without a period", t -> get("/cases/figures.xlsx"), 200, ""))
                .map(Arguments::of);
    }

    /** The staff intake form, valid but for the one field given. */
    private static AbstractMockHttpServletRequestBuilder<?> caseForm(String field, String value) {
        return form(multipart("/cases"), field, value, "orgId", String.valueOf(town), "source", "RECEPTION",
                "kind", "OPINION", "category", "其他", "title", "坏输入测试", "content", "内容");
    }

    /** The new-deputy form, valid but for the one field given. */
    private static AbstractMockHttpServletRequestBuilder<?> deputyForm(String field, String value) {
        return form(post("/deputies"), field, value, "name", "坏输入代表", "orgCode", "QH-AL", "congressCode", "QH-AL",
                "level", "TOWN", "termNo", "18", "termStart", "2021", "termEnd", "2026", "status", "ELECTED",
                "since", "2021-12-28");
    }

    private static AbstractMockHttpServletRequestBuilder<?> form(AbstractMockHttpServletRequestBuilder<?> request,
            String field, String value, String... pairs) {
        for (int i = 0; i < pairs.length; i += 2) {
            if (!pairs[i].equals(field)) {
                request.param(pairs[i], pairs[i + 1]);
            }
        }
        return request.param(field, value);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("pages")
    void aPageAnswersBadInputWithAChineseMessageNever5xx(Page page) throws Exception {
        MvcResult r = mvc.perform(page.request().apply(this).with(Logins.as(accounts, "anlan.staff")).with(csrf()))
                .andReturn();
        MockHttpServletResponse res = r.getResponse();
        assertThat(res.getStatus()).as(page.name()).isLessThan(500).isEqualTo(page.status());
        String shown = res.getStatus() == 302 ? String.valueOf(r.getFlashMap().get("failure"))
                : res.getContentType() != null && res.getContentType().startsWith("text/html")
                        ? res.getContentAsString(StandardCharsets.UTF_8) : "";
        assertThat(shown).as(page.name()).contains(page.text()).doesNotContain("Exception", "at org.");
    }

    /** What the API must answer: a status below 500 and, for an error, a problem detail with the words. */
    record Api(String name, Function<BadInputTest, AbstractMockHttpServletRequestBuilder<?>> request, int status, String text) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Arguments> api() {
        return Stream.of(
                new Api("NUL in the organisation query", t -> get("/api/v1/orgs").param("q", NUL), 200, ""),
                new Api("page=2147483647 of deputies", t -> get("/api/v1/deputies").param("page", "2147483647"), 200,
                        ""),
                new Api("archive?year=2147483647", t -> get("/api/v1/deputies/" + deputy + "/archive")
                        .param("year", "2147483647"), 400, "年份应在 1900 到 2100 之间"),
                new Api("a roster of year 1000000000", t -> post("/api/v1/stations/" + station + "/roster")
                        .param("year", "1000000000"), 400, "年份应在 1900 到 2100 之间"),
                new Api("letters for a year", t -> get("/api/v1/stations/" + station + "/days").param("year", "abc"),
                        400, "数字「年份」无效：abc"),
                new Api("a record without deputyIds", t -> post("/api/v1/stations/" + station + "/records")
                        .contentType(MediaType.APPLICATION_JSON).content("""
                                {"kind":"VISIT","occurredOn":"2026-03-02","place":"东湖村","visitors":1,
                                 "anonymous":true,"summary":"走访"}"""), 422, "请选择参加的代表"),
                new Api("an impossible date in JSON", t -> post("/api/v1/deputies/" + deputy + "/duties")
                        .contentType(MediaType.APPLICATION_JSON).content("""
                                {"type":"RECEPTION","occurredOn":"2026-02-30","title":"接待"}"""), 400,
                        "日期「发生日期」无效：2026-02-30"),
                new Api("a 100,000-character duty title", t -> post("/api/v1/deputies/" + deputy + "/duties")
                        .contentType(MediaType.APPLICATION_JSON).content("""
                                {"type":"RECEPTION","occurredOn":"2026-02-03","title":"%s"}""".formatted(LONG)), 400,
                        "title"),
                new Api("a visitor's phone abcdefg", t -> post("/api/v1/stations/" + station + "/records")
                        .contentType(MediaType.APPLICATION_JSON).content("""
                                {"kind":"VISIT","occurredOn":"2026-03-02","place":"东湖村","visitors":1,
                                 "visitorPhone":"abcdefg","anonymous":false,"summary":"走访"}"""), 400,
                        "电话号码格式不正确"))
                .map(Arguments::of);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("api")
    void theApiAnswersBadInputWithAProblemDetailNever5xx(Api api) throws Exception {
        MockHttpServletResponse res = mvc.perform(api.request().apply(this).header("Authorization", "Bearer " + token))
                .andReturn().getResponse();
        assertThat(res.getStatus()).as(api.name()).isLessThan(500).isEqualTo(api.status());
        if (res.getStatus() >= 400) {
            assertThat(res.getContentType()).as(api.name()).startsWith("application/problem+json");
            assertThat(res.getContentAsString(StandardCharsets.UTF_8)).as(api.name()).contains(api.text())
                    .doesNotContain("Exception", "at org.");
        }
    }

    @Test
    void aNulByteIsStrippedFromAPublicOpinionAndFromAStaffFormNeverStored() throws Exception {
        var res = mvc.perform(post("/api/v1/public/opinions").contentType(MediaType.APPLICATION_JSON).content("""
                {"orgCode":"QH-AL","category":"其他","title":"路灯\\u0000不亮","content":"东湖村\\u0000路口","phone":"13812345678"}
                """)).andReturn().getResponse();
        assertThat(res.getStatus()).isEqualTo(201);
        String receipt = res.getContentAsString().replaceAll(".*\"receiptCode\":\"([^\"]+)\".*", "$1");
        assertThat(jdbc.sql("select title || content from case_item where receipt_code = ?").param(receipt)
                .query(String.class).single()).isEqualTo("路灯不亮东湖村路口");

        MvcResult page = mvc.perform(caseForm("title", "井盖\u0000缺失").with(Logins.as(accounts, "anlan.staff"))
                .with(csrf())).andReturn();
        assertThat(page.getResponse().getRedirectedUrl()).matches("/cases/\\d+");
        long id = Long.parseLong(page.getResponse().getRedirectedUrl().substring("/cases/".length()));
        assertThat(jdbc.sql("select title from case_item where id = ?").param(id).query(String.class).single())
                .isEqualTo("井盖缺失");
    }

    @Test
    void anUnexpectedApiErrorIsAProblemDetailThatSaysNothingOfTheException() throws Exception {
        LocaleContextHolder.setLocale(Locale.SIMPLIFIED_CHINESE);
        ResponseEntity<Object> r;
        try {
            r = apiErrors.unexpected(new IllegalStateException("secret internals"));
        } finally {
            LocaleContextHolder.resetLocaleContext();
        }
        assertThat(r.getStatusCode().value()).isEqualTo(500);
        assertThat(r.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(String.valueOf(r.getBody())).contains("系统内部错误").doesNotContain("secret", "IllegalState");
    }

    @Test
    void anUploadOverTheLimitAnswers413WithAChinesePageOrAProblemDetailOnTheRealServer() throws Exception {
        byte[] body = multipartBody(13 * 1024 * 1024);
        HttpClient client = HttpClient.newHttpClient();
        for (String path : List.of("/public/opinions", "/api/v1/stations/" + station + "/records")) {
            HttpResponse<String> res = client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                    .header("Content-Type", "multipart/form-data; boundary=BOUNDARY")
                    .header("Accept", path.startsWith("/api/") ? "application/json" : "text/html")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            assertThat(res.statusCode()).as(path).isEqualTo(413);
            if (path.startsWith("/api/")) {
                assertThat(res.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
                assertThat(res.body()).contains("上传内容太大");
            } else {
                assertThat(res.body()).contains("上传的内容太大").doesNotContain("Apache Tomcat");
            }
        }
    }

    @Test
    void aPathTomcatRefusesItselfStillAnswersInChineseOrAsAProblemDetail() throws Exception {
        HttpClient client = HttpClient.newHttpClient();
        for (String path : List.of("/api/v1/orgs/%00", "/orgs/%00")) {
            HttpResponse<String> res = client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                    .GET().build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            assertThat(res.statusCode()).as(path).isEqualTo(400);
            assertThat(res.body()).as(path).contains("请求地址或请求头无效").doesNotContain("Tomcat", "Bad Request</");
            assertThat(res.headers().firstValue("Content-Type").orElse("")).as(path)
                    .startsWith(path.startsWith("/api/") ? "application/problem+json" : "text/html");
        }
    }

    private static byte[] multipartBody(int size) {
        String head = "--BOUNDARY\r\nContent-Disposition: form-data; name=\"files\"; filename=\"big.jpg\"\r\n"
                + "Content-Type: image/jpeg\r\n\r\n";
        String tail = "\r\n--BOUNDARY--\r\n";
        byte[] out = new byte[head.length() + size + tail.length()];
        System.arraycopy(head.getBytes(StandardCharsets.US_ASCII), 0, out, 0, head.length());
        System.arraycopy(tail.getBytes(StandardCharsets.US_ASCII), 0, out, head.length() + size, tail.length());
        return out;
    }
}
