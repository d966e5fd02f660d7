package org.renda.deputy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.renda.deputy.DeputyRegister.NewDeputy;
import org.renda.deputy.DeputyRegister.PersonForm;
import org.renda.deputy.DeputyRegister.SeatForm;
import org.renda.deputy.DeputyViews.DeputyProfile;
import org.renda.identity.Logins;
import org.renda.org.OrgTree;
import org.renda.shared.SystemContext;
import org.renda.support.RendaIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/**
 * Public identity (亮身份) and the printed archive (一人一档): the public page anyone opens from the QR
 * code, without personal data; the nameplate card and the archive as PDF for staff of the deputy's
 * town only; a withdrawn nameplate is not printed.
 */
@RendaIntegrationTest
class PublicIdentityTest {

    @Autowired MockMvc mvc;
    @Autowired UserDetailsService accounts;
    @Autowired JdbcClient jdbc;
    @Autowired OrgTree orgs;
    @Autowired DeputyRegister register;
    @Autowired DutyLog duties;
    @Autowired Commitments commitments;

    record Demo(long id, String code, String name, String phone) {}

    /** 李春华, the demo deputy who signs in as deputy.li. */
    private Demo deputyLi() {
        return jdbc.sql("""
                select d.id, d.public_code, d.name, d.phone from deputy d join app_user u on u.id = d.user_id
                where u.username = 'deputy.li'""")
                .query((rs, n) -> new Demo(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4)))
                .single();
    }

    /** A deputy of our own in 安澜镇 with a phone, an ID number, a photo, a duty and a commitment. */
    private DeputyProfile newDeputy(String name, String idNumber) throws Exception {
        long town = orgs.findByCode("QH-AL").orElseThrow().id();
        long village = orgs.findByCode("QH-AL-V03").orElseThrow().id();
        byte[] photo = portrait();
        return SystemContext.call(() -> {
            DeputyProfile d = register.register(new NewDeputy(village,
                    new PersonForm(name, "女", LocalDate.of(1978, 5, 4), "汉族", "中共党员", "大学", "乡村医生",
                            "安澜镇卫生院", "13812345678", idNumber, null),
                    new SeatForm(town, DeputyLevel.TOWN, 18, 2021, 2026, "第3选区", "第三代表小组", "安澜镇人大代表联络站",
                            null, MandateStatus.ELECTED, LocalDate.of(2021, 12, 28), "安澜镇第十八届人民代表大会代表名单公告")));
            register.uploadPhoto(d.id(), "image/png", photo);
            duties.record(d.id(), new DutyLog.DutyForm(DutyType.RECEPTION, LocalDate.now().minusDays(3),
                    "在联络站接待选民", "接待选民 6 人，收集关于村卫生室夜间值班的意见 2 条。", "安澜镇人大代表联络站"), List.of());
            commitments.promise(d.id(), LocalDate.now().getYear(),
                    new Commitments.Promise("推动村卫生室延长服务时间", "协调镇卫生院，年内实现村卫生室晚间值班。"));
            return register.profile(d.id());
        });
    }

    /** A random, valid resident ID number (a real birth date, the right check character). */
    private static String idNumber() {
        var random = ThreadLocalRandom.current();
        String body = "330102" + java.time.LocalDate.of(1950, 1, 1).plusDays(random.nextInt(18_000)).toString()
                .replace("-", "") + String.format("%03d", random.nextInt(1000));
        return DeputyRosterTest.checked(body);
    }

    private static String uniqueName(String base) {
        return base + (char) ('甲' + ThreadLocalRandom.current().nextInt(10));
    }

    @Test
    void thePublicPageOpensWithoutSignInAndShowsSeatsCommitmentsAndCounts() throws Exception {
        Demo li = deputyLi();
        int verifiedThisYear = jdbc.sql("""
                select count(*) from duty_record where deputy_id = ? and status = 'VERIFIED' and occurred_on >= ?""")
                .params(li.id(), LocalDate.now().withDayOfYear(1)).query(Integer.class).single();

        MvcResult page = mvc.perform(get("/public/deputies/" + li.code())).andReturn();

        assertThat(page.getResponse().getStatus()).isEqualTo(200);
        String html = page.getResponse().getContentAsString();
        assertThat(html).contains("李春华", "安澜镇第十八届人大代表", "安澜镇人大代表联络站", "第2选区",
                "为西岭村争取一处村级养老服务点", "每月进站接待选民一次", "已承诺", "在任", "扫码查看代表履职");
        assertThat(html).contains("<div class=\"stat\">" + verifiedThisYear + "</div>");
        assertThat(html).doesNotContain(li.phone()).doesNotContain("1390000");
        assertThat(html).doesNotContain("/logout");
    }

    @Test
    void personalDataIsNeverOnThePublicPageNorOnTheNameplate() throws Exception {
        String id = idNumber();
        DeputyProfile d = newDeputy(uniqueName("孟晓"), id);

        String html = mvc.perform(get("/public/deputies/" + d.publicCode())).andReturn().getResponse()
                .getContentAsString();
        assertThat(html).contains(d.name(), "推动村卫生室延长服务时间", "接待选民", "第三代表小组");
        assertThat(html).doesNotContain("13812345678", "138****5678", id, id.substring(0, 6) + "*", "1978-05-04",
                "1978", "安澜镇卫生院");

        String card = pdfText(mvc.perform(get("/deputies/" + d.id() + "/nameplate.pdf")
                .with(Logins.as(accounts, "anlan.staff"))).andReturn());
        assertThat(card).contains(d.name()).doesNotContain("13812345678", id, "1978");
        String archive = pdfText(mvc.perform(get("/deputies/" + d.id() + "/archive.pdf")
                .with(Logins.as(accounts, "anlan.staff"))).andReturn());
        assertThat(archive).contains(d.name(), "乡村医生").doesNotContain("13812345678", id);
    }

    @Test
    void theQrCodeOpensTheDeputysPublicPage() throws Exception {
        Demo li = deputyLi();

        MvcResult qr = mvc.perform(get("/public/deputies/" + li.code() + "/qr.png")).andReturn();

        assertThat(qr.getResponse().getStatus()).isEqualTo(200);
        assertThat(qr.getResponse().getContentType()).isEqualTo("image/png");
        assertThat(qr.getResponse().getHeader(HttpHeaders.CACHE_CONTROL)).contains("max-age=86400", "public");
        String url = decode(qr.getResponse().getContentAsByteArray());
        assertThat(url).isEqualTo("http://localhost/public/deputies/" + li.code());
        assertThat(mvc.perform(get(url)).andReturn().getResponse().getContentAsString()).contains("李春华");
    }

    @Test
    void thePhotoIsPublicAndCacheable() throws Exception {
        DeputyProfile d = newDeputy(uniqueName("孙丽"), idNumber());

        MvcResult photo = mvc.perform(get("/public/deputies/" + d.publicCode() + "/photo")).andReturn();

        assertThat(photo.getResponse().getStatus()).isEqualTo(200);
        assertThat(photo.getResponse().getContentType()).isEqualTo("image/png");
        assertThat(photo.getResponse().getHeader(HttpHeaders.CACHE_CONTROL)).contains("max-age=3600", "public");
        String etag = photo.getResponse().getHeader(HttpHeaders.ETAG);
        assertThat(etag).isNotBlank();
        assertThat(mvc.perform(get("/public/deputies/" + d.publicCode() + "/photo")
                .header(HttpHeaders.IF_NONE_MATCH, etag)).andReturn().getResponse().getStatus()).isEqualTo(304);
        assertThat(mvc.perform(get("/public/deputies/" + deputyLi().code() + "/photo")).andReturn().getResponse()
                .getStatus()).as("no photo").isEqualTo(404);
    }

    @Test
    void anUnknownCodeIsNotFound() throws Exception {
        assertThat(mvc.perform(get("/public/deputies/zzzzzzzzzzzz")).andReturn().getResponse().getStatus())
                .isEqualTo(404);
        assertThat(mvc.perform(get("/public/deputies/zzzzzzzzzzzz/qr.png")).andReturn().getResponse().getStatus())
                .isEqualTo(404);
        assertThat(mvc.perform(get("/public/deputies/'or'1'='1")).andReturn().getResponse().getStatus())
                .isEqualTo(404);
    }

    @Test
    void staffOfTheTownPrintTheNameplateAndTheArchive() throws Exception {
        Demo li = deputyLi();

        MvcResult card = mvc.perform(get("/deputies/" + li.id() + "/nameplate.pdf")
                .with(Logins.as(accounts, "anlan.staff"))).andReturn();
        assertThat(card.getResponse().getStatus()).isEqualTo(200);
        assertThat(card.getResponse().getContentType()).isEqualTo("application/pdf");
        assertThat(card.getResponse().getHeader(HttpHeaders.CONTENT_DISPOSITION))
                .contains("filename*=UTF-8''%E6%9D%8E%E6%98%A5%E5%8D%8E-");
        assertThat(pdfText(card)).contains("人大代表", "李春华", "安澜镇第十八届人大代表", "扫码查看代表履职",
                "安澜镇人大代表联络站");
        try (PDDocument doc = Loader.loadPDF(card.getResponse().getContentAsByteArray())) {
            BufferedImage printed = new PDFRenderer(doc).renderImageWithDPI(0, 150);
            assertThat(decode(printed)).as("the printed QR code").isEqualTo("http://localhost/public/deputies/" + li.code());
        }

        MvcResult archive = mvc.perform(get("/deputies/" + li.id() + "/archive.pdf")
                .with(Logins.as(accounts, "anlan.staff"))).andReturn();
        assertThat(archive.getResponse().getStatus()).isEqualTo(200);
        assertThat(archive.getResponse().getContentType()).isEqualTo("application/pdf");
        String text = pdfText(archive);
        assertThat(text).contains("人大代表履职档案", "李春华", "本届（2021—2026 年）", "履职统计", "履职日记", "接待选民",
                "实事承诺", "为西岭村争取一处村级养老服务点", "第 1 页，共");
        assertThat(text).doesNotContain(li.phone());
        assertThat(text).as("no message pattern printed unfilled").contains("期间").doesNotContain("{0}", "{1}", "??");

        int year = LocalDate.now().getYear();
        MvcResult ofYear = mvc.perform(get("/deputies/" + li.id() + "/archive.pdf").param("year", String.valueOf(year))
                .with(Logins.as(accounts, "anlan.staff"))).andReturn();
        assertThat(ofYear.getResponse().getStatus()).isEqualTo(200);
        assertThat(pdfText(ofYear)).contains(year + " 年度");
        assertThat(mvc.perform(get("/deputies/" + li.id() + "/archive.pdf").param("year", "1066")
                .with(Logins.as(accounts, "anlan.staff"))).andReturn().getResponse().getStatus()).isEqualTo(400);

        keep("nameplate-li.pdf", card);
        keep("archive-li.pdf", archive);
    }

    @Test
    void staffOfAnotherTownGetNotFound() throws Exception {
        Demo li = deputyLi();
        for (String doc : List.of("nameplate.pdf", "archive.pdf")) {
            MvcResult r = mvc.perform(get("/deputies/" + li.id() + "/" + doc)
                    .with(Logins.as(accounts, "shiqiao.staff"))).andReturn();
            assertThat(r.getResponse().getStatus()).as(doc).isEqualTo(404);
            assertThat(r.getResponse().getContentType()).doesNotContain("pdf");
        }
        assertThat(mvc.perform(get("/deputies/" + li.id() + "/archive.pdf")).andReturn().getResponse().getStatus())
                .as("anonymous").isIn(302, 401);
    }

    @Test
    void aWithdrawnNameplateIsNotPrintedAndThePublicPageSaysSo() throws Exception {
        DeputyProfile d = newDeputy(uniqueName("钱立"), idNumber());
        keep("nameplate-photo.pdf", mvc.perform(get("/deputies/" + d.id() + "/nameplate.pdf")
                .with(Logins.as(accounts, "anlan.staff"))).andReturn());

        SystemContext.run(() -> register.withdrawNameplate(d.id(), "年度履职评议不满意"));

        MvcResult refused = mvc.perform(get("/deputies/" + d.id() + "/nameplate.pdf")
                .with(Logins.as(accounts, "anlan.staff"))).andReturn();
        assertThat(refused.getResponse().getStatus()).isEqualTo(400);
        assertThat(refused.getResponse().getContentType()).startsWith("text/html");
        assertThat(refused.getResponse().getContentAsString()).contains("摘牌", "不能打印名牌");

        String html = mvc.perform(get("/public/deputies/" + d.publicCode())).andReturn().getResponse()
                .getContentAsString();
        assertThat(html).contains("已摘牌", "目前不作为挂牌公示的代表", d.name()).doesNotContain("年度履职评议不满意");

        MvcResult archive = mvc.perform(get("/deputies/" + d.id() + "/archive.pdf")
                .with(Logins.as(accounts, "anlan.staff"))).andReturn();
        assertThat(archive.getResponse().getStatus()).isEqualTo(200);
        assertThat(pdfText(archive)).contains("摘牌", "年度履职评议不满意");
    }

    @Test
    void aDeputyWhoResignedShowsTheEndedSeatAndGetsNoNameplate() throws Exception {
        long id = jdbc.sql("""
                select d.id from deputy d join deputy_mandate m on m.deputy_id = d.id
                where m.status = 'RESIGNED' and d.org_id = ? order by d.id""")
                .param(orgs.findByCode("QH-AL-V05").orElseThrow().id()).query(Long.class).list().get(0);
        String code = jdbc.sql("select public_code from deputy where id = ?").param(id).query(String.class).single();

        String html = mvc.perform(get("/public/deputies/" + code)).andReturn().getResponse().getContentAsString();
        assertThat(html).contains("已不在任", "辞职 · 2023-03-01").doesNotContain(">在任<");

        MvcResult refused = mvc.perform(get("/deputies/" + id + "/nameplate.pdf")
                .with(Logins.as(accounts, "anlan.staff"))).andReturn();
        assertThat(refused.getResponse().getStatus()).isEqualTo(400);
        assertThat(refused.getResponse().getContentAsString()).contains("已不在任");
    }

    @Test
    void thePublicPageSpeaksEnglishToo() throws Exception {
        String html = mvc.perform(get("/public/deputies/" + deputyLi().code()).param("lang", "en")).andReturn()
                .getResponse().getContentAsString();
        assertThat(html).contains("Seats", "Duties performed", "In office", "李春华");
    }

    // --- helpers ---

    private static String pdfText(MvcResult r) throws Exception {
        assertThat(r.getResponse().getStatus()).isEqualTo(200);
        try (PDDocument doc = Loader.loadPDF(r.getResponse().getContentAsByteArray())) {
            return new PDFTextStripper().getText(doc);
        }
    }

    /** Keeps a rendered PDF under target/ to look at (pdftoppm); never in git. */
    private static void keep(String name, MvcResult r) throws Exception {
        Path dir = Path.of("target", "pdf-samples");
        Files.createDirectories(dir);
        Files.write(dir.resolve(name), r.getResponse().getContentAsByteArray());
    }

    private static String decode(byte[] png) throws Exception {
        return decode(ImageIO.read(new ByteArrayInputStream(png)));
    }

    private static String decode(BufferedImage image) throws Exception {
        int[] pixels = image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
        return new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(
                new RGBLuminanceSource(image.getWidth(), image.getHeight(), pixels))),
                Map.of(DecodeHintType.TRY_HARDER, Boolean.TRUE)).getText();
    }

    /** A made-up portrait: a soft gradient with a head and shoulders. */
    private static byte[] portrait() throws Exception {
        BufferedImage img = new BufferedImage(300, 400, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setPaint(new GradientPaint(0, 0, new Color(0xdde7f0), 0, 400, new Color(0x9fb6cc)));
        g.fillRect(0, 0, 300, 400);
        g.setColor(new Color(0x3b4a5a));
        g.fillOval(40, 250, 220, 220);
        g.setColor(new Color(0xf1d3b8));
        g.fillOval(95, 90, 110, 140);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(img, "png", out);
        return out.toByteArray();
    }
}
