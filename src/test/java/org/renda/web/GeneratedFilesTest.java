package org.renda.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.renda.appraisal.VoteScale.RateRule;
import org.renda.appraisal.VoteDesk;
import org.renda.appraisal.VoteScale;
import org.renda.identity.Logins;
import org.renda.org.OrgTree;
import org.renda.support.RendaIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Every PDF, Word and Excel file Renda produces (and the CSV and JSON files for programs, checked for placeholders only), fetched through its real endpoint the way a user reaches it (the links
 * on the pages an administrator walks; the ballot-code slips by their POST), read back as text (PDFBox, POI), and
 * none carries an unfilled placeholder ({@code {0}}), an unresolved message key or a raw code. Every download
 * endpoint of the application must be among those fetched, so a new one is covered from the day it appears.
 */
@RendaIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class GeneratedFilesTest {

    /** Download endpoints: a file name in the path, or an export / import template. */
    private static final Pattern FILE_ENDPOINT = Pattern.compile("\\.(pdf|xlsx|docx)$|/export$|/import/template$");

    @Autowired MockMvc mvc;
    @Autowired UserDetailsService accounts;
    @Autowired @Qualifier("requestMappingHandlerMapping") RequestMappingHandlerMapping handlers;
    @Autowired VoteDesk votes;
    @Autowired OrgTree orgs;
    @Autowired org.renda.meeting.MeetingDesk meetings;

    /** What each fetched file says, by the endpoint pattern it came from. */
    private final Map<String, List<String>> textsByEndpoint = new TreeMap<>();
    private final Map<String, Set<String>> findings = new TreeMap<>();

    @BeforeAll
    void fetchEveryFile() throws Exception {
        PageWalk walk = new PageWalk(mvc, accounts);
        walk.walk("admin", List.of("/", "/orgs", "/deputies", "/cases", "/cases/figures", "/stations",
                "/appraisals", "/assessments", "/calendar", "/deputies/import", "/supervision/official-reports",
                "/supervision/steps", "/meetings/elections", "/funds", "/compliance", "/reports/annual"), 250,
                (path, html) -> {});
        walk.walk("deputy.li", List.of("/", "/deputies/mine"), 20, (path, html) -> {});
        // A vote's report and results exist once it is closed: every closed vote of the demo county.
        Logins.call(accounts, "admin", () -> votes.list(null)).stream().filter(v -> v.closedAt() != null)
                .forEach(v -> {
                    walk.downloads.add("/appraisals/votes/" + v.id() + "/report.pdf");
                    walk.downloads.add("/appraisals/votes/" + v.id() + "/results.xlsx");
                });
        // The papers of a meeting (issue 13): the demo's closed session, its agenda, script and a resolution's text.
        Logins.call(accounts, "admin", () -> meetings.list(java.time.LocalDate.now().getYear())).stream()
                .filter(m -> m.meeting().state() == org.renda.meeting.MeetingEnums.MeetingState.CLOSED).limit(1)
                .forEach(m -> {
                    long id = m.meeting().id();
                    for (String f : List.of("agenda.docx", "agenda.pdf", "script.docx", "script.pdf")) {
                        walk.downloads.add("/meetings/" + id + "/" + f);
                    }
                    long r = Logins.call(accounts, "admin", () -> meetings.page(id)).resolutions().get(0).id();
                    walk.downloads.add("/meetings/resolutions/" + r + "/text.docx");
                    walk.downloads.add("/meetings/resolutions/" + r + "/text.pdf");
                });
        for (String link : walk.downloads) {
            read(mvc.perform(walk.as(get(URI.create(link)), "admin")).andReturn(), link);
        }
        // The ballot-code slips exist only as the answer to drawing the codes, on a vote of our own.
        long county = orgs.findByCode("QH").orElseThrow().id();
        long vote = Logins.call(accounts, "county.staff", () -> votes.create(new VoteDesk.NewVote(county,
                "生成文件检查 " + System.nanoTime(), VoteScale.FOUR_LEVEL, RateRule.SATISFIED_SHARE,
                new BigDecimal("0.7"), List.of("甲单位", "乙单位")))).id();
        read(mvc.perform(post("/appraisals/votes/{id}/codes", vote).param("count", "3")
                .with(Logins.as(accounts, "county.staff")).with(csrf())).andReturn(), "slips of vote " + vote);
    }

    @Test
    void everyDownloadEndpointWasFetched() {
        Set<String> endpoints = new TreeSet<>();
        for (Map.Entry<RequestMappingInfo, ?> e : handlers.getHandlerMethods().entrySet()) {
            Set<RequestMethod> methods = e.getKey().getMethodsCondition().getMethods();
            if (!methods.isEmpty() && !methods.contains(RequestMethod.GET)) {
                continue;
            }
            e.getKey().getPatternValues().stream().filter(p -> FILE_ENDPOINT.matcher(p).find())
                    .filter(p -> !p.startsWith("/api/")).forEach(endpoints::add);
        }
        endpoints.add("/appraisals/votes/{id}/codes");
        assertThat(endpoints).as("download endpoints found").hasSizeGreaterThan(15);
        assertThat(textsByEndpoint.keySet()).as("files fetched").containsAll(endpoints);
    }

    @Test
    void noFileCarriesAPlaceholderAMessageKeyOrACode() {
        assertThat(findings).isEmpty();
    }

    @Test
    void theArchivePdfStatesItsPeriodInWords() {
        List<String> archives = textsByEndpoint.get("/deputies/{id}/archive.pdf");
        assertThat(archives).isNotEmpty();
        for (String text : archives) {
            assertThat(text).contains("履职档案", "期间").doesNotContain("{0}", "{1}", "{2}");
            assertThat(text).containsPattern("\\d{4}( 年|-\\d{4})");
        }
    }

    private void read(MvcResult result, String what) throws Exception {
        var res = result.getResponse();
        assertThat(res.getStatus()).as(what).isEqualTo(200);
        String pattern = String.valueOf(result.getRequest().getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE));
        byte[] body = res.getContentAsByteArray();
        String type = String.valueOf(res.getContentType());
        String text;
        if (type.startsWith("application/pdf")) {
            try (PDDocument pdf = Loader.loadPDF(body)) {
                text = new PDFTextStripper().getText(pdf);
            }
        } else if (type.contains("spreadsheetml")) {
            text = excelText(body);
        } else if (type.contains("wordprocessingml")) {
            try (XWPFWordExtractor word = new XWPFWordExtractor(new XWPFDocument(new ByteArrayInputStream(body)))) {
                text = word.getText();
            }
        } else {
            text = new String(body, StandardCharsets.UTF_8);
        }
        assertThat(text.strip()).as(what + " has text").isNotEmpty();
        textsByEndpoint.computeIfAbsent(pattern, k -> new ArrayList<>()).add(text);
        Set<String> found = PageWalk.codesIn(text);
        if (!type.startsWith("application/pdf") && !type.contains("spreadsheetml")
                && !type.contains("wordprocessingml")) {
            // a file for programs (the anonymous ballots for a recount, the signed checkpoints) speaks in codes
            found.removeIf(f -> !f.startsWith("{") && !f.startsWith("??"));
        }
        if (!found.isEmpty()) {
            findings.put(what + " (" + pattern + ")", found);
        }
    }

    private static String excelText(byte[] body) throws Exception {
        StringBuilder out = new StringBuilder();
        DataFormatter format = new DataFormatter();
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(body))) {
            for (Sheet sheet : book) {
                out.append(sheet.getSheetName()).append('\n');
                for (Row row : sheet) {
                    for (Cell cell : row) {
                        out.append(format.formatCellValue(cell)).append('\t');
                    }
                    out.append('\n');
                }
            }
        }
        return out.toString();
    }
}
