package org.renda.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.renda.org.OrgTree;
import org.renda.support.RendaIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.MethodParameter;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ValueConstants;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Every role against records inside and outside its subtree, through every door (page, API, export,
 * history, write). A foreign record answers 404 as if it did not exist. Remove any scope check and a
 * row of this table fails.
 */
@RendaIntegrationTest
class AuthorizationMatrixTest {

    private static final AtomicInteger SEQ = new AtomicInteger();

    @Autowired MockMvc mvc;
    @Autowired UserDetailsService accounts;
    @Autowired OrgTree orgs;
    @Autowired UserStore users;
    @Autowired org.springframework.jdbc.core.simple.JdbcClient jdbc;

    /** The records of the demo county the matrix aims at. */
    private String resolve(String record) {
        return switch (record) {
            case "anlanVillage" -> id("QH-AL-V01");
            case "shiqiaoVillage" -> id("QH-SQ-V01");
            case "anlan" -> id("QH-AL");
            case "shiqiao" -> id("QH-SQ");
            case "county" -> id("QH");
            case "transportBureau" -> id("QH-D11");
            case "anlanStaffUser" -> String.valueOf(users.byUsername("anlan.staff").orElseThrow().id());
            case "shiqiaoStaffUser" -> String.valueOf(users.byUsername("shiqiao.staff").orElseThrow().id());
            case "anlanDeputy" -> String.valueOf(jdbc.sql("select d.id from deputy d join app_user u on u.id = d.user_id"
                    + " where u.username = 'deputy.li'").query(Long.class).single());
            default -> throw new IllegalArgumentException(record);
        };
    }

    private String id(String code) {
        return String.valueOf(orgs.findByCode(code).orElseThrow().id());
    }

    @ParameterizedTest(name = "{0} {1} {2} -> {3}")
    @CsvSource({
        // who,          what,        record,           allowed
        "anlan.staff,    page,        anlanVillage,     true",
        "anlan.staff,    page,        shiqiaoVillage,   false",
        "anlan.staff,    api,         anlanVillage,     true",
        "anlan.staff,    api,         shiqiaoVillage,   false",
        "anlan.staff,    api,         county,           false",
        "anlan.staff,    export,      shiqiao,          false",
        "anlan.staff,    export,      anlan,            true",
        "anlan.staff,    history,     shiqiaoVillage,   false",
        "anlan.staff,    history,     anlanVillage,     true",
        "anlan.staff,    createUnder, anlan,            true",
        "anlan.staff,    createUnder, shiqiao,          false",
        "anlan.staff,    rename,      shiqiaoVillage,   false",
        "anlan.staff,    deactivate,  shiqiaoVillage,   false",
        "anlan.staff,    user,        shiqiaoStaffUser, false",
        "anlan.staff,    user,        anlanStaffUser,   true",
        "shiqiao.staff,  page,        anlanVillage,     false",
        "shiqiao.staff,  api,         shiqiaoVillage,   true",
        "shiqiao.staff,  createUnder, anlan,            false",
        "shiqiao.staff,  user,        anlanStaffUser,   false",
        "deputy.li,      page,        anlanVillage,     true",
        "deputy.li,      page,        shiqiaoVillage,   false",
        "deputy.li,      createUnder, anlan,            false",
        "deputy.li,      rename,      anlanVillage,     false",
        "deputy.li,      user,        anlanStaffUser,   false",
        "deputy.li,      history,     anlanVillage,     false",
        "unit.jiaotong,  page,        transportBureau,  true",
        "unit.jiaotong,  page,        anlanVillage,     false",
        "unit.jiaotong,  api,         county,           false",
        "county.staff,   page,        shiqiaoVillage,   true",
        "county.staff,   createUnder, shiqiao,          true",
        "county.staff,   user,        shiqiaoStaffUser, true",
        "county.director, rename,     anlanVillage,     false",
        "county.director, page,       anlanVillage,     true",
        "city.superior,  api,         anlanVillage,     true",
        "city.superior,  createUnder, anlan,            false",
        "eval.wang,      user,        anlanStaffUser,   false",
        "anlan.staff,    deputy,      anlanDeputy,      true",
        "anlan.staff,    archive,     anlanDeputy,      true",
        "shiqiao.staff,  deputy,      anlanDeputy,      false",
        "shiqiao.staff,  archive,     anlanDeputy,      false",
        "shiqiao.staff,  photoUpload, anlanDeputy,      false",
        "unit.jiaotong,  deputy,      anlanDeputy,      false",
        "county.staff,   archive,     anlanDeputy,      true",
        "deputy.zhao,    photoUpload, anlanDeputy,      false",
    })
    void aUserReachesOnlyTheirOwnSubtree(String who, String what, String record, boolean allowed) throws Exception {
        var as = Logins.as(accounts, who);
        String id = resolve(record);
        MvcResult result = switch (what) {
            case "page" -> mvc.perform(get("/orgs/" + id).with(as)).andReturn();
            case "api" -> mvc.perform(get("/api/v1/orgs/" + id).with(as)).andReturn();
            case "export" -> mvc.perform(get("/orgs/" + id + "/export").with(as)).andReturn();
            case "history" -> mvc.perform(get("/audit/history").param("type", "organisation").param("id", id)
                    .with(as)).andReturn();
            case "user" -> mvc.perform(get("/users/" + id).with(as)).andReturn();
            case "deputy" -> mvc.perform(get("/deputies/" + id).with(as)).andReturn();
            case "archive" -> mvc.perform(get("/deputies/" + id + "/archive").with(as)).andReturn();
            case "photoUpload" -> mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
                    .multipart("/deputies/" + id + "/photo").file(new org.springframework.mock.web.MockMultipartFile(
                            "photo", "p.png", "image/png", new byte[] {(byte) 0x89, 'P', 'N', 'G', 0, 0, 0, 0, 0}))
                    .with(as).with(csrf())).andReturn();
            case "createUnder" -> mvc.perform(post("/orgs/" + id + "/children").with(as).with(csrf())
                    .param("code", "MX-" + System.nanoTime() % 1_000_000 + "-" + SEQ.incrementAndGet())
                    .param("name", "矩阵测试村").param("type", "VILLAGE").param("sortOrder", "99")).andReturn();
            case "rename" -> mvc.perform(post("/orgs/" + id).with(as).with(csrf()).param("name", "被改名")
                    .param("type", "VILLAGE").param("sortOrder", "1").param("version", "999")).andReturn();
            case "deactivate" -> mvc.perform(post("/orgs/" + id + "/deactivate").with(as).with(csrf())).andReturn();
            default -> throw new IllegalArgumentException(what);
        };
        int status = result.getResponse().getStatus();
        if (allowed) {
            assertThat(status).as("status").isIn(200, 302);
            if (what.equals("createUnder")) {
                assertThat(result.getResponse().getRedirectedUrl()).matches("/orgs/\\d+");
            }
        } else {
            assertThat(status).as("a foreign record must look absent").isEqualTo(404);
            if (!what.equals("api") && !what.equals("export")) {
                assertThat(result.getResponse().getContentAsString()).as("the error page keeps the menu")
                        .contains("退出");
            }
            assertThat(result.getResponse().getContentAsString()).doesNotContain("被改名", "矩阵测试村");
        }
    }

    /**
     * Routes that name a record but are not organisation-scoped, each with the reason. Everything else with a
     * path variable or an id query parameter is probed below; a new route fails the test until it is.
     */
    private static final Map<String, String> NOT_ORG_SCOPED = Map.of(
            "/public/", "anonymous pages, keyed by random public codes (deputies, stations, votes, receipts)",
            "/api/v1/public/", "anonymous partner API, keyed by random public codes and receipt codes",
            "/users/slips/", "sign-in slips held in the creator's own session under a random key, taken once"
                    + " (DeputyAccountsTest: another user and a second download get 404)");

    /**
     * Valid bodies for writes whose validation would otherwise answer 400 before the handler runs: with
     * these, the probe reaches the scope check itself (JSON for the API, form fields for pages).
     */
    private static final Map<String, String> VALID_JSON = Map.of(
            "PUT /api/v1/orgs/{id}", """
                    {"name": "被改名", "type": "VILLAGE", "sortOrder": 1, "version": 0}""",
            "POST /api/v1/deputies/{id}/duties", """
                    {"type": "INSPECTION", "occurredOn": "2026-01-05", "title": "矩阵测试"}""",
            "POST /api/v1/stations/{id}/records", """
                    {"kind": "VISIT", "occurredOn": "2026-01-05", "place": "矩阵测试", "visitors": 1,
                     "anonymous": true, "summary": "矩阵测试", "deputyIds": [], "items": []}""",
            "PUT /api/v1/stations/{id}/rule", """
                    {"kind": "MONTHLY_DAY", "dayOfMonth": 5, "months": "111111111111", "startsAt": "09:00",
                     "endsAt": "11:00", "place": "矩阵测试", "deputiesPerDay": 1, "holidayPolicy": "KEEP",
                     "noticeDays": 0}""");

    private static final Map<String, Map<String, String>> VALID_FORM = Map.of(
            "POST /users/{id}/profile", Map.of("displayName", "被改名", "enabled", "true", "version", "0"),
            "POST /orgs/{id}", Map.of("name", "被改名", "type", "VILLAGE", "sortOrder", "1", "version", "0"),
            "POST /orgs/{id}/move", Map.of("parentCode", "QH-SQ"),
            "POST /calendar/days", Map.of("date", "2026-10-09", "kind", "HOLIDAY", "name", "矩阵测试"),
            "POST /calendar/rules", Map.of("code", "SUGGESTION", "amount", "3", "unit", "MONTHS",
                    "reminderDaysBefore", "10", "version", "0"),
            "POST /duties", Map.of("type", "INSPECTION", "occurredOn", "2026-01-05", "title", "矩阵测试"),
            "POST /deputies/{id}/commitments/{cid}", Map.of("status", "IN_PROGRESS", "progress", "矩阵测试",
                    "version", "0"),
            "POST /stations/{id}/rule", Map.of("kind", "MONTHLY_DAY", "dayOfMonth", "5", "months", "1",
                    "startsAt", "09:00", "endsAt", "11:00", "place", "矩阵测试", "deputiesPerDay", "1",
                    "holidayPolicy", "KEEP", "year", "2026"),
            "POST /stations/days/{dayId}", Map.of("version", "0", "heldOn", "2026-01-05", "startsAt", "09:00",
                    "endsAt", "11:00", "place", "矩阵测试", "state", "PLANNED"));

    /** Path variables that are not ids, with the value the probe sends. */
    private static final Map<String, String> NOT_IDS = Map.of("action", "report");

    @Autowired
    @org.springframework.beans.factory.annotation.Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping handlers;

    /**
     * Every route of the application that names a record, enumerated from Spring's handler mappings and called
     * by a signed-in user of another town (石桥镇's staff, who hold nearly every permission on their own town)
     * with the ids of records outside their subtree: each answers 404 (or 403, or 400 before the handler ran),
     * never the record, never a success, never a 500. A route the matrix cannot fill fails the test.
     */
    @Test
    void everyRouteThatNamesARecordAnswersAForeignUserAsIfItDidNotExist() throws Exception {
        long sq = orgs.findByCode("QH-SQ").orElseThrow().id();
        long me = users.byUsername("shiqiao.staff").orElseThrow().id();
        ForeignRecords foreign = new ForeignRecords(jdbc, orgs.subtreeIds(sq), me);
        Runnable unseed = foreign.seedMissing(users.byUsername("anlan.staff").orElseThrow().id());
        try {
            probeEveryRoute(foreign);
        } finally {
            unseed.run();
        }
    }

    private void probeEveryRoute(ForeignRecords foreign) throws Exception {
        var as = Logins.as(accounts, "shiqiao.staff");
        List<String> failures = new ArrayList<>();
        List<String> probed = new ArrayList<>();
        for (var e : handlers.getHandlerMethods().entrySet()) {
            RequestMappingInfo info = e.getKey();
            HandlerMethod handler = e.getValue();
            Set<RequestMethod> methods = info.getMethodsCondition().getMethods().isEmpty()
                    ? Set.of(RequestMethod.GET) : info.getMethodsCondition().getMethods();
            for (String pattern : info.getPatternValues()) {
                List<String> ids = idInputs(pattern, handler);
                if (ids.isEmpty()) {
                    continue;
                }
                if (NOT_ORG_SCOPED.keySet().stream().anyMatch(pattern::startsWith)) {
                    continue;
                }
                for (RequestMethod method : methods) {
                    String route = method + " " + pattern;
                    Probe probe;
                    try {
                        probe = probe(pattern, method, handler, foreign, false);
                    } catch (IllegalStateException unfillable) {
                        failures.add(route + ": not probed: " + unfillable.getMessage());
                        continue;
                    }
                    MvcResult r = mvc.perform(probe.request().with(as).with(csrf())).andReturn();
                    int status = r.getResponse().getStatus();
                    probed.add(route + " -> " + status + " " + probe.url());
                    boolean write = method != RequestMethod.GET;
                    boolean ok = status == 404 || status == 403 || (write && (status == 400 || status == 415));
                    if (write && status == 302) {
                        // Refused with a message before anything happened (a domain error rolls the change back).
                        ok = r.getFlashMap().containsKey("failure") && !r.getFlashMap().containsKey("success");
                    }
                    if (!write && status == 200 && !pattern.contains("{")) {
                        // A list filtered by a foreign id must look exactly as if the id did not exist.
                        MvcResult absent = mvc.perform(probe(pattern, method, handler, foreign, true).request()
                                .with(as).with(csrf())).andReturn();
                        ok = absent.getResponse().getStatus() == 200 && content(absent).equals(content(r));
                    }
                    if (VALID_JSON.containsKey(route) || VALID_FORM.containsKey(route)) {
                        ok = status == 404;
                    }
                    if (!ok) {
                        failures.add(route + " " + probe.url() + " answered " + status
                                + (r.getFlashMap().isEmpty() ? "" : " flash " + r.getFlashMap()));
                    }
                }
            }
        }
        probed.sort(null);
        System.out.println("Foreign-id probes (" + probed.size() + "):\n  " + String.join("\n  ", probed));
        assertThat(failures).as("routes that let a user of another town at a foreign record").isEmpty();
        assertThat(probed).as("the matrix probes the routes").hasSizeGreaterThan(100);
    }

    /** What a response shows: the text, or a workbook's cell texts (its bytes carry a creation time). */
    private static String content(MvcResult r) throws Exception {
        byte[] body = r.getResponse().getContentAsByteArray();
        String type = String.valueOf(r.getResponse().getContentType());
        if (!type.contains("spreadsheet")) {
            return r.getResponse().getContentAsString();
        }
        StringBuilder text = new StringBuilder();
        var formatter = new org.apache.poi.ss.usermodel.DataFormatter();
        try (var book = org.apache.poi.ss.usermodel.WorkbookFactory.create(new java.io.ByteArrayInputStream(body))) {
            book.forEach(sheet -> sheet.forEach(row -> {
                row.forEach(cell -> text.append(formatter.formatCellValue(cell)).append('|'));
                text.append('\n');
            }));
        }
        return text.toString();
    }

    private record Probe(String url, AbstractMockHttpServletRequestBuilder<?> request) {}

    /** The names of the path variables and request parameters of a route that carry a record's id. */
    private static List<String> idInputs(String pattern, HandlerMethod handler) {
        List<String> out = new ArrayList<>();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\{(\\w+)}").matcher(pattern);
        while (m.find()) {
            if (!NOT_IDS.containsKey(m.group(1))) {
                out.add(m.group(1));
            }
        }
        for (MethodParameter p : handler.getMethodParameters()) {
            RequestParam rp = p.getParameterAnnotation(RequestParam.class);
            String name = rp == null ? null : paramName(rp, p);
            if (name != null && isIdName(name)) {
                out.add(name);
            }
        }
        return out;
    }

    private static boolean isIdName(String name) {
        return name.equals("id") || name.equals("org") || name.endsWith("Id") || name.endsWith("Ids");
    }

    private static String paramName(RequestParam rp, MethodParameter p) {
        String n = !rp.name().isEmpty() ? rp.name() : rp.value();
        return n.isEmpty() ? p.getParameterName() : n;
    }

    /** The request that names foreign records in every id input of the route. */
    private Probe probe(String pattern, RequestMethod method, HandlerMethod handler, ForeignRecords foreign,
            boolean absentIds) {
        // Path variables, deepest first, so a nested record's parent is its own parent.
        List<String> segments = List.of(pattern.split("/"));
        Map<String, String> values = new HashMap<>();
        String wantedKind = null;
        long wantedId = 0;
        for (int i = segments.size() - 1; i > 0; i--) {
            String seg = segments.get(i);
            if (!seg.startsWith("{")) {
                continue;
            }
            String var = seg.substring(1, seg.length() - 1);
            if (NOT_IDS.containsKey(var)) {
                values.put(var, NOT_IDS.get(var));
                continue;
            }
            ForeignRecords.Kind kind = ForeignRecords.kindOf(segments.get(i - 1) + "/" + seg);
            if (kind == null) {
                throw new IllegalStateException("no record kind for " + segments.get(i - 1) + "/" + seg
                        + " (add it to ForeignRecords, or to NOT_ORG_SCOPED with the reason)");
            }
            long id = kind.name().equals(wantedKind) ? wantedId : foreignRow(foreign, kind)[0];
            values.put(var, String.valueOf(id));
            wantedKind = kind.parentKind();
            wantedId = wantedKind == null ? 0 : foreign.parentOf(kind, id);
        }
        String url = pattern;
        for (var v : values.entrySet()) {
            url = url.replace("{" + v.getKey() + "}", v.getValue());
        }
        boolean multipart = java.util.Arrays.stream(handler.getMethodParameters())
                .anyMatch(p -> p.getParameterType() == MultipartFile.class
                        || p.getGenericParameterType().getTypeName().contains("MultipartFile"));
        AbstractMockHttpServletRequestBuilder<?> req = multipart
                ? multipart(HttpMethod.valueOf(method.name()), url)
                : request(HttpMethod.valueOf(method.name()), url);
        for (MethodParameter p : handler.getMethodParameters()) {
            RequestParam rp = p.getParameterAnnotation(RequestParam.class);
            if (p.hasParameterAnnotation(RequestBody.class)) {
                req.contentType(MediaType.APPLICATION_JSON)
                        .content(VALID_JSON.getOrDefault(method + " " + pattern, "{}"));
            }
            if (rp == null) {
                continue;
            }
            String name = paramName(rp, p);
            Class<?> type = p.getParameterType();
            if (type == MultipartFile.class || p.getGenericParameterType().getTypeName().contains("MultipartFile")) {
                ((MockMultipartHttpServletRequestBuilder) req).file(new MockMultipartFile(name, "x.png", "image/png",
                        new byte[] {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10}));
            } else if (isIdName(name)) {
                String segment = name.equals("subjectId") || name.equals("subjectIds")
                        ? ForeignRecords.subjectKind(pattern)
                        : name.equals("id") && pattern.equals("/audit/history") ? "orgs/{id}"
                        : ForeignRecords.QUERY_PARAM_KINDS.get(name);
                ForeignRecords.Kind kind = segment == null ? null : ForeignRecords.kindOf(segment);
                if (kind == null) {
                    throw new IllegalStateException("no record kind for the parameter " + name);
                }
                req.param(name, absentIds ? "2000000000" : String.valueOf(foreignRow(foreign, kind)[0]));
            } else if (rp.required() && rp.defaultValue().equals(ValueConstants.DEFAULT_NONE)
                    && !VALID_FORM.getOrDefault(method + " " + pattern, Map.of()).containsKey(name)) {
                // a year must be a plausible one, or validation answers 400 before the scope check is reached
                req.param(name, name.toLowerCase().contains("year")
                        ? String.valueOf(LocalDate.now().getYear()) : dummy(type));
            }
        }
        VALID_FORM.getOrDefault(method + " " + pattern, Map.of()).forEach(req::param);
        if (pattern.equals("/audit/history")) {
            req.param("type", "organisation");
        }
        return new Probe(url, req);
    }

    private static long[] foreignRow(ForeignRecords foreign, ForeignRecords.Kind kind) {
        return foreign.row(kind).orElseThrow(() -> new IllegalStateException("the demo county has no "
                + kind.name() + " (" + kind.table() + ") outside 石桥镇: add one to the demo data"));
    }

    private static String dummy(Class<?> type) {
        if (type.isEnum()) {
            return ((Enum<?>) type.getEnumConstants()[0]).name();
        }
        if (type == LocalDate.class) {
            return LocalDate.now().toString();
        }
        if (type == java.time.LocalTime.class) {
            return "09:00";
        }
        if (type == boolean.class || type == Boolean.class) {
            return "false";
        }
        if (type == String.class) {
            return "x";
        }
        return "1";
    }

    @ParameterizedTest
    @CsvSource({"anlan.staff, 石桥村", "shiqiao.staff, 东湖村", "deputy.li, 石桥村"})
    void searchNeverListsAForeignOrganisation(String who, String foreignName) throws Exception {
        String body = mvc.perform(get("/orgs/search").param("q", foreignName).with(Logins.as(accounts, who)))
                .andReturn().getResponse().getContentAsString();
        assertThat(body).doesNotContain(foreignName);
        String api = mvc.perform(get("/api/v1/orgs").param("q", foreignName).with(Logins.as(accounts, who)))
                .andReturn().getResponse().getContentAsString();
        assertThat(api).isEqualTo("[]");
    }

    @ParameterizedTest
    @CsvSource({"anlan.staff, shiqiao.staff", "shiqiao.staff, anlan.staff"})
    void theUserListShowsOnlyUsersOfTheSubtreeWithPhonesMasked(String who, String foreign) throws Exception {
        String body = mvc.perform(get("/users").with(Logins.as(accounts, who))).andReturn().getResponse()
                .getContentAsString();
        assertThat(body).contains(who).doesNotContain(foreign).doesNotContainPattern("1380000\\d{4}");
    }
}
