package org.renda.deputy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;

import java.io.ByteArrayInputStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.renda.identity.Logins;
import org.renda.org.OrgTree;
import org.renda.shared.excel.Xlsx;
import org.renda.shared.web.Downloads;
import org.renda.support.RendaIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The register comes from Excel: hundreds of rows in one go, or nothing when a row is wrong, every wrong
 * row named; a unit outside the importer's reach does not exist; the export masks phone and ID number.
 */
@RendaIntegrationTest
class DeputyRosterTest {

    private static final Pattern FULL_PHONE = Pattern.compile("1[3-9][0-9]{9}");
    private static final Pattern FULL_ID = Pattern.compile("[0-9]{17}[0-9X]");
    private static final String[] HOMES = {"QH-AL", "QH-AL-V01", "QH-AL-V02", "QH-AL-V03", "QH-AL-V07", "QH-AL-V13",
        "QH-AL-C01"};

    @Autowired MockMvc mvc;
    @Autowired UserDetailsService accounts;
    @Autowired OrgTree orgs;
    @Autowired JdbcClient jdbc;

    /** A distinct 6-digit "region" per call, so repeated runs on one database never share an ID number. */
    private static String region() {
        return String.valueOf(100_000 + (System.nanoTime() / 1000) % 900_000);
    }

    /** An 18-character resident ID with its real check character (GB 11643). */
    static String idNumber(String region, LocalDate birth, int seq) {
        return checked(region + birth.toString().replace("-", "") + "%03d".formatted(seq % 1000));
    }

    /** The 17 digits with their ISO 7064 MOD 11-2 check character. */
    static String checked(String body) {
        int[] weights = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (body.charAt(i) - '0') * weights[i];
        }
        return body + "10X98765432".charAt(sum % 11);
    }

    /** One good row: a town deputy of 安澜镇's 18th congress, in the spellings people use. */
    private static List<Object> row(String region, int i) {
        LocalDate birth = LocalDate.of(1960, 1, 1).plusDays(i * 37L);
        return new ArrayList<>(Arrays.asList("导入代表" + region + "-" + i, i % 2 == 0 ? "男" : "女",
                i % 3 == 0 ? birth.toString() : birth.getYear() + "/" + birth.getMonthValue() + "/" + birth.getDayOfMonth(),
                "汉族", "群众", "高中", "村民", "安澜镇", "137%08d".formatted(i), idNumber(region, birth, i),
                HOMES[i % HOMES.length], i % 2 == 0 ? "乡镇" : "乡镇人大代表", i % 2 == 0 ? "第十八届" : "18", 2021, 2026,
                "", "第" + (i % 14 + 1) + "选区", "第" + "一二三四".charAt(i % 4) + "代表小组", "安澜镇人大代表联络站",
                "AL18-" + i, i % 5 == 0 ? "" : "当选", i % 3 == 0 ? "" : "2021.12.28", "安澜镇第十八届人民代表大会代表名单公告"));
    }

    private static byte[] sheet(List<? extends List<?>> rows) {
        return Xlsx.write("代表名册", DeputyRoster.HEADERS, rows);
    }

    /** Uploads a file: a refused one comes back on the form (200), an imported one redirects to the page's result. */
    private String upload(String who, byte[] file) throws Exception {
        var result = mvc.perform(multipart("/deputies/import")
                        .file(new MockMultipartFile("file", "代表名册.xlsx", Downloads.XLSX.toString(), file))
                        .with(csrf()).with(Logins.as(accounts, who)))
                .andReturn();
        MockHttpServletResponse response = result.getResponse();
        if (response.getStatus() == 302) {
            assertThat(response.getRedirectedUrl()).isEqualTo("/deputies/import");
            response = mvc.perform(get("/deputies/import").flashAttrs(result.getFlashMap())
                    .with(Logins.as(accounts, who))).andReturn().getResponse();
        }
        assertThat(response.getStatus()).isEqualTo(200);
        return response.getContentAsString();
    }

    private long deputiesUnder(String code) {
        return jdbc.sql("select count(*) from deputy where org_id in (:ids)")
                .param("ids", orgs.subtreeIds(orgs.findByCode(code).orElseThrow().id())).query(Long.class).single();
    }

    private static List<String> rowErrors(String page) {
        int start = page.indexOf("id=\"row-errors\"");
        if (start < 0) {
            return List.of();
        }
        String block = page.substring(start, page.indexOf("</ul>", start));
        return Arrays.stream(block.split("<li>")).skip(1).map(s -> s.replaceAll("</li>.*", "").strip()).toList();
    }

    @Test
    void threeHundredRowsImportInOneGo() throws Exception {
        String region = region();
        List<List<Object>> rows = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            rows.add(row(region, i));
        }
        long before = deputiesUnder("QH-AL");
        long started = System.nanoTime();
        String page = upload("anlan.staff", sheet(rows));
        long ms = (System.nanoTime() - started) / 1_000_000;
        System.out.println("[roster] 300-row import took " + ms + " ms");
        assertThat(page).contains("导入完成：新登记代表 300 名，为已登记的代表新增代表资格 0 项");
        assertThat(rowErrors(page)).isEmpty();
        assertThat(deputiesUnder("QH-AL")).isEqualTo(before + 300);

        // Every row went through the register: a seat of 安澜镇's congress, audited.
        long town = orgs.findByCode("QH-AL").orElseThrow().id();
        assertThat(jdbc.sql("""
                        select count(*) from deputy d join deputy_mandate m on m.deputy_id = d.id
                        where d.name like :name and m.congress_org_id = :town and m.level = 'TOWN' and m.term_no = 18
                          and m.term_start = 2021 and m.term_end = 2026 and m.status = 'ELECTED'""")
                .param("name", "导入代表" + region + "-%").param("town", town).query(Long.class).single())
                .isEqualTo(300);
        assertThat(jdbc.sql("""
                        select count(*) from audit_event where entity_type = 'deputy' and action = 'CREATED'
                          and entity_id in (select cast(id as varchar(64)) from deputy where name like :name)""")
                .param("name", "导入代表" + region + "-%").query(Long.class).single()).isEqualTo(300);
        // A row without a status is elected; without a date its seat counts from the first day of the term.
        assertThat(jdbc.sql("""
                        select m.status_since from deputy d join deputy_mandate m on m.deputy_id = d.id
                        where d.name = :name""")
                .param("name", "导入代表" + region + "-0").query(LocalDate.class).single())
                .isEqualTo(LocalDate.of(2021, 1, 1));
        assertThat(jdbc.sql("select birth_date from deputy where name = :name")
                .param("name", "导入代表" + region + "-1").query(LocalDate.class).single())
                .isEqualTo(LocalDate.of(1960, 1, 1).plusDays(37));
    }

    @Test
    void aFileWithThreeBadRowsAmongTwoHundredImportsNothingAndNamesExactlyThoseRows() throws Exception {
        String region = region();
        List<List<Object>> rows = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            rows.add(row(region, i));
        }
        rows.get(10).set(9, "51010219750301123"); // Excel row 12: 17 characters
        rows.get(99).set(2, "1975-13-01"); // row 101: no 13th month
        rows.get(150).set(14, 2020); // row 152: the term ends before it starts
        long before = deputiesUnder("QH-AL");
        String page = upload("anlan.staff", sheet(rows));
        assertThat(page).contains("文件有 3 处错误，未导入任何数据");
        assertThat(rowErrors(page)).containsExactly(
                "第 12 行：身份证号无效（应为 18 位，出生日期真实，末位校验码正确，可为 X）",
                "第 101 行：“出生日期”的日期“1975-13-01”无法识别（可填如 1975-03-01、1975/3/1、1975.3.1）",
                "第 152 行：届期结束年份（2020）早于开始年份（2021）");
        assertThat(deputiesUnder("QH-AL")).isEqualTo(before);
        assertThat(jdbc.sql("select count(*) from deputy where name like :name")
                .param("name", "导入代表" + region + "-%").query(Long.class).single()).isZero();
    }

    @Test
    void aUnitOfAnotherTownIsUnknownToTheImporter() throws Exception {
        String region = region();
        List<Object> foreign = row(region, 1);
        foreign.set(10, "QH-SQ");
        List<Object> missingName = row(region, 2);
        missingName.set(0, "");
        List<Object> noSuchLevel = row(region, 3);
        noSuchLevel.set(11, "村级");
        noSuchLevel.set(12, "第一百届");
        String page = upload("anlan.staff", sheet(List.of(foreign, missingName, noSuchLevel)));
        assertThat(rowErrors(page)).containsExactly(
                "第 2 行：所属单位不存在（编码“QH-SQ”）",
                "第 3 行：“姓名”不能为空",
                "第 4 行：代表层级“村级”无法识别（可填：乡镇、县级、市级、省级、全国）",
                "第 4 行：届次“第一百届”无法识别（可填如 18 或 第十八届，1 至 99）");
        assertThat(jdbc.sql("select count(*) from deputy where name like :name")
                .param("name", "导入代表" + region + "-%").query(Long.class).single()).isZero();
    }

    @Test
    void aRegisteredPersonGetsTheNewSeatButTheSameSeatTwiceIsAnError() throws Exception {
        String region = region();
        List<Object> town = row(region, 7);
        assertThat(upload("anlan.staff", sheet(List.of(town)))).contains("新登记代表 1 名");

        // The same person as a county deputy: the county congress above the village is the default.
        List<Object> county = new ArrayList<>(town);
        county.set(11, "县级");
        county.set(16, "安澜镇选区");
        String page = upload("anlan.staff", sheet(List.of(county)));
        assertThat(page).contains("导入完成：新登记代表 0 名，为已登记的代表新增代表资格 1 项");
        assertThat(jdbc.sql("""
                        select count(*) from deputy_mandate m join deputy d on d.id = m.deputy_id
                        where d.id_number = :id""").param("id", town.get(9)).query(Long.class).single())
                .isEqualTo(2);
        long countyId = orgs.findByCode("QH").orElseThrow().id();
        assertThat(jdbc.sql("""
                        select m.congress_org_id from deputy_mandate m join deputy d on d.id = m.deputy_id
                        where d.id_number = :id and m.level = 'COUNTY'""").param("id", town.get(9))
                .query(Long.class).single()).isEqualTo(countyId);

        // Again: that seat exists; the same ID twice in one file; another name on a registered ID.
        page = upload("anlan.staff", sheet(List.of(county, county)));
        assertThat(rowErrors(page)).containsExactly(
                "第 2 行：该代表的这项资格（县级人大代表，第 18 届）已登记",
                "第 3 行：身份证号与第 2 行重复（同一人在其他层级的代表资格请另行导入）");
        List<Object> renamed = new ArrayList<>(county);
        renamed.set(0, "别人");
        assertThat(rowErrors(upload("anlan.staff", sheet(List.of(renamed)))))
                .containsExactly("第 2 行：该身份证号已登记为代表“导入代表" + region + "-7”，与本行姓名不一致");
        // Someone of another town, as a 石桥镇 clerk sees the same ID number: not theirs to extend.
        List<Object> elsewhere = new ArrayList<>(county);
        elsewhere.set(10, "QH-SQ");
        assertThat(rowErrors(upload("shiqiao.staff", sheet(List.of(elsewhere)))))
                .containsExactly("第 2 行：该身份证号已由您管辖范围以外的单位登记为代表，请联系上级人大办");
    }

    @Test
    void aRowWithoutIdNumberIsNotRegisteredTwice() throws Exception {
        String region = region();
        List<Object> r = row(region, 11);
        r.set(9, "");
        assertThat(upload("anlan.staff", sheet(List.of(r)))).contains("新登记代表 1 名");
        String page = upload("anlan.staff", sheet(List.of(r)));
        assertThat(rowErrors(page)).singleElement().asString()
                .startsWith("第 2 行：代表“导入代表" + region + "-11”的这项资格（乡镇人大代表，第 18 届）已登记");
    }

    @Test
    void unreadableFilesAndMissingColumnsGetAReadableMessage() throws Exception {
        assertThat(upload("anlan.staff", "姓名,性别\n张三,男".getBytes()))
                .contains("无法读取文件，请上传 Excel（.xlsx）文件");
        assertThat(upload("anlan.staff", Xlsx.write("代表名册", List.of("姓名", "性别"), List.of(List.of("张三", "男")))))
                .contains("缺少必需的列“所属单位编码”");
    }

    @Test
    void theTemplateHasTheHeadersAndADeputyCannotImport() throws Exception {
        byte[] template = mvc.perform(get("/deputies/import/template").with(Logins.as(accounts, "anlan.staff")))
                .andReturn().getResponse().getContentAsByteArray();
        assertThat(Xlsx.read(new ByteArrayInputStream(template), DeputyRoster.HEADERS)).hasSize(1);
        assertThat(mvc.perform(get("/deputies/import").with(Logins.as(accounts, "anlan.staff")))
                .andReturn().getResponse().getContentAsString()).contains("导入代表名册", "/deputies/import/template");
        assertThat(mvc.perform(get("/deputies/import").param("lang", "en").with(Logins.as(accounts, "anlan.staff")))
                .andReturn().getResponse().getContentAsString()).contains("Import the register of deputies");
        assertThat(mvc.perform(get("/deputies/import").with(Logins.as(accounts, "deputy.zhao")))
                .andReturn().getResponse().getStatus()).isEqualTo(404);
    }

    @Test
    void theExportHasTheHeadersAndNoWholePhoneOrIdNumber() throws Exception {
        String region = region();
        List<List<Object>> rows = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            rows.add(row(region, i));
        }
        assertThat(upload("anlan.staff", sheet(rows))).contains("新登记代表 5 名");

        MockHttpServletResponse response = mvc.perform(get("/deputies/export").with(Logins.as(accounts, "anlan.staff")))
                .andReturn().getResponse();
        assertThat(response.getContentType()).isEqualTo(Downloads.XLSX.toString());
        List<Xlsx.SheetRow> exported = Xlsx.read(new ByteArrayInputStream(response.getContentAsByteArray()),
                DeputyRoster.HEADERS);
        assertThat(exported).hasSizeGreaterThanOrEqualTo(42 + 5);
        assertThat(exported.get(0).cells().keySet()).containsExactlyElementsOf(DeputyRoster.HEADERS);
        for (Xlsx.SheetRow r : exported) {
            for (String v : r.cells().values()) {
                assertThat(FULL_PHONE.matcher(v).find()).as("row %d: %s", r.number(), v).isFalse();
                assertThat(FULL_ID.matcher(v).find()).as("row %d: %s", r.number(), v).isFalse();
            }
        }
        assertThat(exported).extracting(r -> r.get("所属单位编码")).allMatch(c -> c.startsWith("QH-AL"));
        // The demo's phones (1390000xxxx) and the imported ones arrive masked.
        assertThat(exported).extracting(r -> r.get("联系电话")).contains("139****0000", "137****0004");
        Xlsx.SheetRow mine = exported.stream().filter(r -> r.get("姓名").equals("导入代表" + region + "-4"))
                .findFirst().orElseThrow();
        String id = (String) rows.get(4).get(9);
        assertThat(mine.get("身份证号")).isEqualTo(id.substring(0, 6) + "********" + id.substring(14));
        assertThat(mine.get("代表层级")).isEqualTo("乡镇人大代表");
        assertThat(mine.get("届次")).isEqualTo("18");
        assertThat(mine.get("人大单位编码")).isEqualTo("QH-AL");
        assertThat(mine.get("资格日期")).isEqualTo("2021-12-28");

        // Filters: county seats of the 18th term only; a filter that means nothing is a readable error.
        List<Xlsx.SheetRow> county = Xlsx.read(new ByteArrayInputStream(mvc.perform(
                        get("/deputies/export").param("level", "县级").param("term", "第十八届")
                                .with(Logins.as(accounts, "anlan.staff")))
                .andReturn().getResponse().getContentAsByteArray()), DeputyRoster.HEADERS);
        assertThat(county).isNotEmpty().allSatisfy(r -> {
            assertThat(r.get("代表层级")).isEqualTo("县级人大代表");
            assertThat(r.get("人大单位编码")).isEqualTo("QH");
        });
        MockHttpServletResponse bad = mvc.perform(get("/deputies/export").param("level", "村级")
                .with(Logins.as(accounts, "anlan.staff"))).andReturn().getResponse();
        assertThat(bad.getStatus()).isEqualTo(400);
        assertThat(bad.getContentAsString()).contains("筛选条件“村级”无法识别");
    }
}
