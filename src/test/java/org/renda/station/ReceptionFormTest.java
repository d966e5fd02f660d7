package org.renda.station;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.renda.deputy.DeputyRegister;
import org.renda.deputy.DeputyViews.DeputySummary;
import org.renda.identity.Logins;
import org.renda.org.OrgTree;
import org.renda.station.StationEnums.DayState;
import org.renda.station.StationEnums.HolidayPolicy;
import org.renda.station.StationEnums.RuleKind;
import org.renda.station.StationEnums.Tier;
import org.renda.station.StationViews.DayView;
import org.renda.station.StationViews.StationView;
import org.renda.support.RendaIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder;

/**
 * The reception form as a clerk uses it: opened from a reception day it is bound to that day with the day's
 * deputies ticked; it takes any number of matters and photos; the record links back to its day and the day to its
 * record; every deputy ticked has the reception in their duty archive. A refused form comes back with what was typed
 * and each error beside its field.
 */
@RendaIntegrationTest
class ReceptionFormTest {

    private static final AtomicInteger SEQ = new AtomicInteger();
    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10, 0, 0, 0, 13, 'I', 'H', 'D', 'R'};
    private static final byte[] JPEG = {(byte) 0xff, (byte) 0xd8, (byte) 0xff, (byte) 0xe0, 0, 16, 'J', 'F', 'I', 'F'};

    @Autowired MockMvc mvc;
    @Autowired UserDetailsService accounts;
    @Autowired OrgTree orgs;
    @Autowired JdbcClient jdbc;
    @Autowired StationNetwork network;
    @Autowired ReceptionRoster roster;
    @Autowired DeputyRegister deputies;

    private record Setup(StationView station, DayView day, List<Long> stationDeputies) {}

    /** A station of 安澜镇 with four deputies and this year's roster (two a day), and its first reception day. */
    private Setup station() {
        return Logins.call(accounts, "anlan.staff", () -> {
            long town = orgs.findByCode("QH-AL").orElseThrow().id();
            StationView s = network.create(town, new StationNetwork.StationForm("T-RF-" + System.nanoTime() % 1_000_000
                    + "-" + SEQ.incrementAndGet(), "接待表单测试站" + SEQ.get(), Tier.STATION, null, "安澜镇表单路 1 号",
                    "工作日", null, null));
            List<DeputySummary> town4 = deputies.listAll(new DeputyRegister.Query(null, null, null, null, null, town,
                    true)).stream().limit(4).toList();
            town4.forEach(d -> network.assignDeputy(s.id(), d.id(), true));
            roster.saveRule(s.id(), new ReceptionRule(RuleKind.MONTHLY_DAY, 5, null, null, ReceptionRule.EVERY_MONTH,
                    LocalTime.of(9, 0), LocalTime.of(11, 0), "表单测试接待室", 2, HolidayPolicy.NEXT_WORKING_DAY, 7));
            int year = LocalDate.now().getYear();
            roster.generate(s.id(), year, LocalDate.of(year, 1, 1));
            DayView first = roster.days(s.id(), year).get(0);
            return new Setup(s, first, town4.stream().map(DeputySummary::id).toList());
        });
    }

    private MockMultipartHttpServletRequestBuilder recordPost(long stationId, String... pairs) {
        MockMultipartHttpServletRequestBuilder post = multipart("/stations/" + stationId + "/records");
        for (int i = 0; i < pairs.length; i += 2) {
            post.param(pairs[i], pairs[i + 1]);
        }
        post.with(Logins.as(accounts, "anlan.staff")).with(csrf());
        return post;
    }

    private Document page(String url) throws Exception {
        MockHttpServletResponse r = mvc.perform(get(url).with(Logins.as(accounts, "anlan.staff"))).andReturn()
                .getResponse();
        assertThat(r.getStatus()).as(url).isEqualTo(200);
        return Jsoup.parse(r.getContentAsString());
    }

    @Test
    void aReceptionDayIsRecordedWithSeveralMattersAndPhotosAndEachLinksToTheOther() throws Exception {
        Setup x = station();
        long dayId = x.day().id();
        List<Long> onDuty = x.day().duties().stream().map(StationViews.DutyView::deputyId).toList();
        assertThat(onDuty).hasSize(2);

        // From the day's page the clerk opens the form bound to the day, its roster's deputies ticked.
        Document day = page("/stations/days/" + dayId);
        assertThat(day.select("#day-record-new").attr("href"))
                .isEqualTo("/stations/" + x.station().id() + "/records/new?dayId=" + dayId);
        Document form = page(day.select("#day-record-new").attr("href"));
        assertThat(form.select("#rec-day option[selected]").val()).isEqualTo(String.valueOf(dayId));
        Set<Long> ticked = form.select("input[name=deputyIds][checked]").stream().map(e -> Long.valueOf(e.val()))
                .collect(Collectors.toSet());
        assertThat(ticked).containsExactlyInAnyOrderElementsOf(onDuty);
        assertThat(form.select("input[name=deputyIds]")).hasSize(4);
        assertThat(form.select("#rec-date").val()).isEqualTo(x.day().heldOn().toString());

        // Three matters (one row left empty between them) and two photos.
        MockMultipartHttpServletRequestBuilder post = recordPost(x.station().id(), "kind", "RECEPTION",
                "dayId", String.valueOf(dayId), "occurredOn", x.day().heldOn().toString(), "place", "表单测试接待室",
                "visitors", "4", "summary", "四位村民来站反映问题。",
                "items[0].category", "交通出行", "items[0].content", "表单测试：村口路灯不亮",
                "items[0].answer", "已联系供电所", "items[0].resolved", "true",
                "items[1].category", "其他", "items[1].content", "  ",
                "items[2].category", "社会保障", "items[2].content", "表单测试：高龄津贴何时发放",
                "items[3].category", "农业农村", "items[3].content", "表单测试：灌溉水渠堵塞");
        onDuty.forEach(d -> post.param("deputyIds", String.valueOf(d)));
        post.file(new MockMultipartFile("photos", "签到表.png", "image/png", PNG));
        post.file(new MockMultipartFile("photos", "现场.jpg", "image/jpeg", JPEG));
        MockHttpServletResponse saved = mvc.perform(post).andReturn().getResponse();
        assertThat(saved.getRedirectedUrl()).as(saved.getContentAsString()).matches("/stations/records/\\d+");
        long recordId = Long.parseLong(saved.getRedirectedUrl().replaceAll("\\D", ""));

        // The record shows its matters, photos and a link back to its day.
        Document record = page("/stations/records/" + recordId);
        assertThat(record.select("[id^=item-] .flex-grow-1 > p:first-child").eachText()).containsExactly("表单测试：村口路灯不亮",
                "表单测试：高龄津贴何时发放", "表单测试：灌溉水渠堵塞");
        assertThat(record.select("#record-day").attr("href")).isEqualTo("/stations/days/" + dayId);
        List<String> photos = record.select("#record-photos img.record-photo").eachAttr("src");
        assertThat(photos).hasSize(2);
        MockHttpServletResponse photo = mvc.perform(get(photos.get(0)).with(Logins.as(accounts, "anlan.staff")))
                .andReturn().getResponse();
        assertThat(photo.getContentType()).isEqualTo("image/png");
        assertThat(photo.getContentAsByteArray()).isEqualTo(PNG);
        assertThat(mvc.perform(get(photos.get(0)).with(Logins.as(accounts, "shiqiao.staff"))).andReturn()
                .getResponse().getStatus()).as("another town's clerk").isEqualTo(404);

        // The day shows its record and is held; each deputy ticked has the reception in their archive.
        Document after = page("/stations/days/" + dayId);
        assertThat(after.select("#day-records a.day-record").attr("href")).isEqualTo("/stations/records/" + recordId);
        assertThat(jdbc.sql("select state from reception_day where id = ?").param(dayId).query(String.class).single())
                .isEqualTo(DayState.HELD.name());
        for (long d : onDuty) {
            assertThat(jdbc.sql("select status from duty_record where source_key = ?")
                    .param(ReceptionLedger.sourceKey(recordId, d)).query(String.class).single()).isEqualTo("VERIFIED");
        }
        assertThat(jdbc.sql("select count(*) from duty_record where source_key like ?")
                .param("station-record:" + recordId + ":%").query(Integer.class).single()).isEqualTo(2);
    }

    @Test
    void aRefusedReceptionComesBackWithWhatWasTypedAndEachErrorBesideItsField() throws Exception {
        Setup x = station();
        String today = LocalDate.now().toString();
        MockHttpServletResponse refused = mvc.perform(recordPost(x.station().id(), "kind", "RECEPTION",
                "occurredOn", today, "place", "表单测试接待室", "visitors", "2", "summary", "",
                "visitorPhone", "abcdefg", "items[0].category", "交通出行", "items[0].content", "表单测试：保留的问题",
                "items[1].category", "其他", "items[1].content", "长".repeat(2001))).andReturn().getResponse();
        assertThat(refused.getStatus()).isEqualTo(200);
        Document page = Jsoup.parse(refused.getContentAsString());
        assertThat(page.select("#summary-error").text()).isEqualTo("不能为空");
        assertThat(page.select("#visitorPhone-error").text()).isNotBlank().doesNotContain("{");
        assertThat(page.select("#item-content-1-error").text()).contains("2000");
        assertThat(page.select("#matters #item-content-0").text()).as("the matters typed stay").isEqualTo("表单测试：保留的问题");
        assertThat(page.select("#matters [data-renda-row]")).hasSize(2);
        assertThat(page.select("#rec-place").val()).isEqualTo("表单测试接待室");

        // Bound but refused by the ledger: no deputy ticked, said beside the deputies.
        MockHttpServletResponse noDeputy = mvc.perform(recordPost(x.station().id(), "kind", "RECEPTION",
                "occurredOn", today, "place", "表单测试接待室", "visitors", "2", "summary", "无人接待的测试")).andReturn()
                .getResponse();
        assertThat(noDeputy.getStatus()).isEqualTo(200);
        assertThat(Jsoup.parse(noDeputy.getContentAsString()).select("#deputyIds-error").text())
                .isEqualTo("请选择参加的代表");

        // A file that is not a photo, said beside the photos.
        MockMultipartHttpServletRequestBuilder notPhoto = recordPost(x.station().id(), "kind", "RECEPTION",
                "occurredOn", today, "place", "表单测试接待室", "visitors", "2", "summary", "附件不是照片的测试",
                "deputyIds", String.valueOf(x.stationDeputies().get(0)));
        notPhoto.file(new MockMultipartFile("photos", "名单.pdf", "image/png", "%PDF-1.4".getBytes()));
        Document photoPage = Jsoup.parse(mvc.perform(notPhoto).andReturn().getResponse().getContentAsString());
        assertThat(photoPage.select("#photos-error").text()).contains("名单.pdf");

        // An impossible date is named beside the date, the rest kept.
        Document badDate = Jsoup.parse(mvc.perform(recordPost(x.station().id(), "kind", "RECEPTION",
                "occurredOn", "2026-02-30", "place", "表单测试接待室", "visitors", "2", "summary", "日期错误的测试"))
                .andReturn().getResponse().getContentAsString());
        assertThat(badDate.select("#occurredOn-error").text()).isEqualTo("不是有效的日期");
        assertThat(badDate.select("#rec-summary").text()).isEqualTo("日期错误的测试");

        assertThat(jdbc.sql("select count(*) from reception_record where station_id = ?").param(x.station().id())
                .query(Integer.class).single()).as("nothing saved").isZero();
    }

    @Test
    void anotherTownsClerkCannotOpenTheFormOrRecord() throws Exception {
        Setup x = station();
        assertThat(mvc.perform(get("/stations/" + x.station().id() + "/records/new")
                .with(Logins.as(accounts, "shiqiao.staff"))).andReturn().getResponse().getStatus()).isEqualTo(404);
        MockMultipartHttpServletRequestBuilder post = multipart("/stations/" + x.station().id() + "/records");
        post.param("kind", "RECEPTION").param("occurredOn", LocalDate.now().toString()).param("place", "外镇")
                .param("visitors", "1").param("summary", "外镇测试")
                .param("deputyIds", String.valueOf(x.stationDeputies().get(0)));
        assertThat(mvc.perform(post.with(Logins.as(accounts, "shiqiao.staff")).with(csrf())).andReturn().getResponse()
                .getStatus()).isEqualTo(404);
    }
}
