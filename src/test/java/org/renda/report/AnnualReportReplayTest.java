package org.renda.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.renda.identity.Logins;
import org.renda.org.OrgAdministration;
import org.renda.org.OrgTree;
import org.renda.shared.NotFoundException;
import org.renda.support.RendaIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/**
 * Seed 001 replayed: a county shaped like 罗定 in 2019 (17 towns, 319 activities, 392 opinions with 362 closed,
 * 182 deputies' reports, 22 officials' reports, 53 topics, 25 findings all rectified; seed 004's 320 voters, 46
 * matters and 22 solved) gives a report with exactly those figures — on the page with each figure linking to its
 * list, in the .docx read back with POI and in the PDF's text; a town's report holds its share only; another
 * town's user gets 404; every report handed out is in the audit log.
 */
@RendaIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AnnualReportReplayTest {

    private static final int YEAR = LuodingDataset.YEAR;

    @Autowired UserDetailsService accounts;
    @Autowired AnnualReports reports;
    @Autowired ReportDocuments documents;
    @Autowired OrgAdministration orgAdmin;
    @Autowired OrgTree orgs;
    @Autowired JdbcClient jdbc;
    @Autowired MockMvc mvc;

    private LuodingDataset luoding;

    @BeforeAll
    void replaySeed() {
        luoding = LuodingDataset.createAsAdmin(accounts, orgAdmin, orgs, jdbc, "LD");
    }

    private <T> T asAdmin(java.util.function.Supplier<T> work) {
        return Logins.call(accounts, "admin", work);
    }

    /** The seed's figures by key. */
    private static final Map<String, Long> SEED = Map.ofEntries(
            Map.entry("stations.activities", 319L),
            Map.entry("stations.voters", 320L),
            Map.entry("stations.matters", 46L),
            Map.entry("stations.solved", 22L),
            Map.entry("casework.received", 392L),
            Map.entry("casework.closed", 362L),
            Map.entry("deputies.reportsToVoters", 182L),
            Map.entry("supervision.officialReports", 22L),
            Map.entry("supervision.topics", 53L),
            Map.entry("supervision.inspections", 15L),
            Map.entry("rectification.findings", 25L),
            Map.entry("rectification.rectified", 25L),
            Map.entry("meetings.sessions", 17L),
            Map.entry("meetings.presidium", 34L),
            Map.entry("compliance.full", 35L),
            Map.entry("compliance.partial", 6L),
            Map.entry("compliance.none", 0L),
            Map.entry("compliance.partyReports", 17L));

    @Test
    void theCountyReportStatesTheSeedsFiguresWithItsTownsIncluded() {
        AnnualReport r = asAdmin(() -> reports.compute(luoding.county, YEAR));
        SEED.forEach((key, value) -> assertThat(r.count(key)).as(key).isEqualTo(value));
        assertThat(r.towns()).isEqualTo(17);
        assertThat(r.figure("casework.closedRate").orElseThrow().value()).isEqualByComparingTo("92.35");
        assertThat(r.count("funds.budget")).as("510,000 yuan of work funds and 17 × 48,000 of activity funds, in fen")
                .isEqualTo(51_000_000L + 17 * 4_800_000L);
        assertThat(r.count("funds.activityBudget")).isEqualTo(17 * 4_800_000L);
        assertThat(r.count("funds.spent")).isEqualTo(45_900_000L + 17 * 4_000_000L);
        assertThat(r.figure("funds.executionRate").orElseThrow().value()).isEqualByComparingTo("85.90");
        assertThat(r.figure("casework.closed").orElseThrow().link())
                .isEqualTo("/cases?view=all&org=" + luoding.county + "&year=" + YEAR + "&state=CLOSED");
    }

    @Test
    void aTownsReportHoldsItsOwnShareOnly() {
        long town = luoding.towns.get(0);
        AnnualReport r = asAdmin(() -> reports.compute(town, YEAR));
        assertThat(r.towns()).isZero();
        assertThat(r.count("stations.activities")).isEqualTo(19); // 319 over 17 towns: the first seven hold 19
        assertThat(r.count("casework.received")).isEqualTo(24); // 392 over 17: the first one holds 24
        assertThat(r.count("meetings.sessions")).isEqualTo(1);
        assertThat(r.count("funds.budget")).isEqualTo(4_800_000L);
        assertThat(r.count("compliance.full")).as("the first town implements all 41 items fully").isEqualTo(41);
        assertThat(r.count("compliance.partial")).isZero();
        AnnualReport second = asAdmin(() -> reports.compute(luoding.towns.get(1), YEAR));
        assertThat(second.count("compliance.full")).isEqualTo(35);
        assertThat(second.count("compliance.partial")).isEqualTo(6);
    }

    @Test
    void theDocxReadsBackTheSameFiguresInSentencesAndInTheTable() throws Exception {
        AnnualReport r = asAdmin(() -> reports.compute(luoding.county, YEAR));
        byte[] docx = documents.docx(r);
        java.nio.file.Files.write(java.nio.file.Path.of("target", "annual-report-sample.docx"), docx); // to look at
        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(docx))) {
            StringBuilder text = new StringBuilder();
            for (XWPFParagraph p : doc.getParagraphs()) {
                text.append(p.getText()).append('\n');
            }
            assertThat(text).contains("罗定市人大2019年度工作总结", "依托联络站开展人大代表联系群众活动319场",
                    "接待和走访选民320人次", "收集群众反映问题意见46条", "督促解决群众关心关注问题22个",
                    "共收集整理群众意见建议392件", "已办结362件", "人大代表向选民述职182人次",
                    "安排政府负责人向代表述职22人", "确定跟踪监督专题53个", "督查和评议发现问题25条，已整改25条",
                    "全面落实的35项，部分落实的6项", "所辖17个镇", "数据计算于");
            assertThat(doc.getAllPictures()).as("the charts").hasSizeGreaterThanOrEqualTo(3);
            Map<String, String> table = new HashMap<>();
            List<XWPFTable> tables = doc.getTables();
            assertThat(tables).hasSize(1);
            for (XWPFTableRow row : tables.get(0).getRows()) {
                table.put(row.getCell(1).getText(), row.getCell(2).getText());
            }
            assertThat(table).containsEntry("依托联络站开展人大代表联系群众活动", "319场")
                    .containsEntry("共收集整理群众意见建议", "392件").containsEntry("已办结", "362件")
                    .containsEntry("人大代表向选民述职", "182人次").containsEntry("安排政府负责人向代表述职", "22人")
                    .containsEntry("确定跟踪监督专题", "53个").containsEntry("督查和评议发现问题", "25条")
                    .containsEntry("已整改", "25条").containsEntry("接待和走访选民", "320人次")
                    .containsEntry("收集群众反映问题意见", "46条").containsEntry("督促解决群众关心关注问题", "22个")
                    .containsEntry("人大工作经费和代表活动经费预算共", "1,326,000.00元")
                    .containsEntry("办结率", "92.35%");
        }
    }

    @Test
    void thePdfCarriesTheFiguresInItsText() throws Exception {
        AnnualReport r = asAdmin(() -> reports.compute(luoding.county, YEAR));
        byte[] bytes = documents.pdf(r);
        java.nio.file.Files.write(java.nio.file.Path.of("target", "annual-report-sample.pdf"), bytes); // to look at
        try (var pdf = Loader.loadPDF(bytes)) {
            String text = new PDFTextStripper().getText(pdf).replaceAll("\\s+", "");
            assertThat(text).contains("罗定市人大2019年度工作总结", "联系群众活动319场", "意见建议392件", "已办结362件",
                    "述职182人次", "专题53个", "发现问题25条", "已整改25条", "选民320人次");
        }
    }

    @Test
    void thePageLinksEveryFigureToItsListAndTheListCountsTheSame() throws Exception {
        var admin = Logins.as(accounts, "admin");
        long before = jdbc.sql("select count(*) from audit_event where entity_type = 'annual_report'")
                .query(Long.class).single();
        MvcResult page = mvc.perform(get("/reports/annual").param("org", String.valueOf(luoding.county))
                .param("year", String.valueOf(YEAR)).with(admin)).andExpect(status().isOk()).andReturn();
        String html = page.getResponse().getContentAsString();
        assertThat(html).contains("罗定市人大2019年度工作总结", "数据计算于",
                "href=\"/cases?view=all&amp;org=" + luoding.county + "&amp;year=2019&amp;state=CLOSED\"");
        assertThat(html.split("class=\"report-figure").length - 1).as("every figure shown")
                .isEqualTo(html.split("<a href=\"[^\"]+\" class=\"report-figure").length - 1);
        String closed = mvc.perform(get("/cases").param("view", "all").param("org", String.valueOf(luoding.county))
                .param("year", "2019").param("state", "CLOSED").with(admin)).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsString();
        assertThat(closed).contains("共 362 件");
        String received = mvc.perform(get("/cases").param("view", "all").param("org", String.valueOf(luoding.county))
                .param("year", "2019").with(admin)).andReturn().getResponse().getContentAsString();
        assertThat(received).contains("共 392 件");

        mvc.perform(get("/reports/annual.docx").param("org", String.valueOf(luoding.county)).param("year", "2019")
                .with(admin)).andExpect(status().isOk());
        mvc.perform(get("/api/v1/reports/annual").param("org", String.valueOf(luoding.county)).param("year", "2019")
                .with(admin)).andExpect(status().isOk())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers
                        .jsonPath("$.figures[?(@.key == 'casework.received')].value").value(392));
        long after = jdbc.sql("select count(*) from audit_event where entity_type = 'annual_report'")
                .query(Long.class).single();
        assertThat(after - before).as("the page, the .docx and the JSON, each audited").isEqualTo(3);
    }

    @Test
    void anotherCountysUserGetsNotFound() throws Exception {
        assertThatThrownBy(() -> Logins.call(accounts, "county.staff", () -> reports.compute(luoding.county, YEAR)))
                .isInstanceOf(NotFoundException.class);
        mvc.perform(get("/reports/annual.pdf").param("org", String.valueOf(luoding.county)).param("year", "2019")
                .with(Logins.as(accounts, "shiqiao.staff"))).andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/reports/annual").param("org", String.valueOf(luoding.county)).param("year", "2019")
                .with(Logins.as(accounts, "shiqiao.staff"))).andExpect(status().isNotFound());
    }
}
