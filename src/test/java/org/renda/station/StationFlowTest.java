package org.renda.station;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.io.ByteArrayInputStream;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.renda.deputy.DeputyRegister;
import org.renda.deputy.DeputyViews.DeputySummary;
import org.renda.identity.Logins;
import org.renda.org.OrgTree;
import org.renda.shared.DomainException;
import org.renda.shared.NotFoundException;
import org.renda.shared.SystemContext;
import org.renda.station.StationEnums.ActivityKind;
import org.renda.station.StationEnums.DayState;
import org.renda.station.StationEnums.DutyState;
import org.renda.station.StationEnums.HolidayPolicy;
import org.renda.station.StationEnums.RecordKind;
import org.renda.station.StationEnums.RuleKind;
import org.renda.station.StationEnums.StaffRole;
import org.renda.station.StationEnums.Tier;
import org.renda.station.StationViews.DayView;
import org.renda.station.StationViews.RecordView;
import org.renda.station.StationViews.StationView;
import org.renda.support.RendaIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

/** A liaison station from its rule to the ledger, as the town clerk, the deputies and the public use it. */
@RendaIntegrationTest
class StationFlowTest {

    private static final AtomicInteger SEQ = new AtomicInteger();

    @Autowired MockMvc mvc;
    @Autowired UserDetailsService accounts;
    @Autowired OrgTree orgs;
    @Autowired JdbcClient jdbc;
    @Autowired StationNetwork network;
    @Autowired ReceptionRoster roster;
    @Autowired ReceptionLedger ledger;
    @Autowired StationRhythm rhythm;
    @Autowired LedgerPrints prints;
    @Autowired DeputyRegister deputies;

    private <T> T asClerk(java.util.function.Supplier<T> work) {
        return Logins.call(accounts, "anlan.staff", work);
    }

    /** A new station of 安澜镇 with the first {@code count} deputies of the town (赵大山 among them). */
    private StationView station(int count) {
        return asClerk(() -> {
            StationView s = network.create(orgs.findByCode("QH-AL").orElseThrow().id(), new StationNetwork.StationForm(
                    "T-ST-" + System.nanoTime() % 1_000_000 + "-" + SEQ.incrementAndGet(), "测试联络站" + SEQ.get(),
                    Tier.STATION, null, "安澜镇测试路 1 号", "工作日", "0734-5200000", null));
            List<DeputySummary> town = deputies.listAll(new DeputyRegister.Query(null, null, null, null, null,
                    orgs.findByCode("QH-AL").orElseThrow().id(), true));
            town.stream().filter(d -> d.name().equals("赵大山")).forEach(d -> network.assignDeputy(s.id(), d.id(), true));
            town.stream().filter(d -> !d.name().equals("赵大山")).limit(count - 1)
                    .forEach(d -> network.assignDeputy(s.id(), d.id(), true));
            return s;
        });
    }

    private static ReceptionRule fifth(int perDay) {
        return new ReceptionRule(RuleKind.MONTHLY_DAY, 5, null, null, ReceptionRule.EVERY_MONTH, LocalTime.of(9, 0),
                LocalTime.of(11, 30), "测试联络站接待室", perDay, HolidayPolicy.NEXT_WORKING_DAY, 7);
    }

    @Test
    void aMonthlyRuleBecomesAYearOfReceptionDaysOnTheWorkingCalendarWithDeputiesSpreadFairly() {
        StationView s = station(9);
        List<DayView> days = asClerk(() -> {
            roster.saveRule(s.id(), fifth(2));
            ReceptionRoster.Generated g = roster.generate(s.id(), 2026, LocalDate.of(2026, 1, 1));
            assertThat(g.created()).isEqualTo(12);
            assertThat(g.assignments()).isEqualTo(24);
            assertThat(g.calendarKnown()).isTrue();
            return roster.days(s.id(), 2026);
        });
        assertThat(days).hasSize(12);
        // 5 April 2026 falls in the Qingming holiday (4–6 April): the reception moves to Tuesday 7 April;
        // 5 May in the Labour Day holiday: Wednesday 6 May; 5 December is a Saturday: Monday 7 December.
        assertThat(days).extracting(DayView::heldOn).contains(LocalDate.of(2026, 4, 7), LocalDate.of(2026, 5, 6),
                LocalDate.of(2026, 12, 7)).doesNotContain(LocalDate.of(2026, 4, 5));
        assertThat(days.get(3).moved()).isTrue();
        Map<Long, Integer> counts = new HashMap<>();
        days.forEach(d -> d.duties().forEach(u -> counts.merge(u.deputyId(), 1, Integer::sum)));
        assertThat(counts).hasSize(9);
        assertThat(counts.values()).allMatch(c -> c == 2 || c == 3);
        assertThat(days).allMatch(d -> d.duties().size() == 2 && d.state() == DayState.PLANNED);

        // A reception held on the first day is kept when the roster is generated again in the summer.
        asClerk(() -> ledger.record(s.id(), new ReceptionLedger.RecordForm(RecordKind.RECEPTION, days.get(0).id(),
                days.get(0).heldOn(), "测试联络站接待室", 5, null, null, true, "接待选民", List.of(days.get(0).duties()
                        .get(0).deputyId()), List.of())));
        ReceptionRoster.Generated again = asClerk(() -> roster.generate(s.id(), 2026, LocalDate.of(2026, 7, 1)));
        List<DayView> after = asClerk(() -> roster.days(s.id(), 2026));
        assertThat(after).hasSize(12);
        assertThat(after.get(0).id()).isEqualTo(days.get(0).id());
        assertThat(after.get(0).state()).isEqualTo(DayState.HELD);
        assertThat(again.kept()).isEqualTo(6);
        assertThat(again.created()).isEqualTo(6);
    }

    @Test
    void aDeputyConfirmsSwapsAndIsRemindedOnceAWeekAhead() {
        StationView s = station(6);
        int year = LocalDate.now().getYear() + 1;
        asClerk(() -> {
            roster.saveRule(s.id(), fifth(2));
            return roster.generate(s.id(), year, LocalDate.now());
        });
        long zhao = asClerk(() -> deputies.listAll(DeputyRegister.Query.all())).stream()
                .filter(d -> d.name().equals("赵大山")).findFirst().orElseThrow().id();
        List<StationViews.MyDuty> mine = Logins.call(accounts, "deputy.zhao", () -> roster.mine(LocalDate.now()))
                .stream().filter(m -> m.day().stationId() == s.id()).toList();
        assertThat(mine).hasSizeGreaterThanOrEqualTo(3);
        StationViews.MyDuty first = mine.get(0);
        assertThat(first.state()).isEqualTo(DutyState.ASSIGNED);

        Logins.run(accounts, "deputy.zhao", () -> roster.answer(first.dutyId(), true, null));
        assertThat(dutyState(first.dutyId())).isEqualTo("CONFIRMED");
        assertThatThrownBy(() -> Logins.run(accounts, "deputy.zhao", () -> roster.answer(mine.get(1).dutyId(), false, " ")))
                .isInstanceOf(DomainException.class).hasMessageContaining("station.duty.error.reason");

        // Swap the second day with a colleague on another day: each takes the other's place and confirms again.
        StationViews.MyDuty second = mine.get(1);
        StationViews.SwapOption option = second.swapOptions().get(0);
        long colleague = jdbc.sql("select deputy_id from reception_duty where id = ?").param(option.dutyId())
                .query(Long.class).single();
        Logins.run(accounts, "deputy.zhao", () -> roster.swap(second.dutyId(), option.dutyId()));
        assertThat(dutyDeputy(second.dutyId())).isEqualTo(colleague);
        assertThat(dutyDeputy(option.dutyId())).isEqualTo(zhao);
        assertThat(dutyState(second.dutyId())).isEqualTo("ASSIGNED");
        // Nobody can answer for another deputy's place.
        assertThatThrownBy(() -> Logins.run(accounts, "deputy.zhao", () -> roster.answer(second.dutyId(), true, null)))
                .isInstanceOf(NotFoundException.class);

        // Reminders: a week ahead of the day, once, whatever how often the job runs.
        DayView day = first.day();
        long zhaoUser = jdbc.sql("select id from app_user where username = 'deputy.zhao'").query(Long.class).single();
        assertThat(SystemContext.call(() -> roster.remind(day.heldOn().minusDays(8)))).isZero();
        int sent = SystemContext.call(() -> roster.remind(day.heldOn().minusDays(7)));
        assertThat(sent).isGreaterThanOrEqualTo(1);
        assertThat(SystemContext.call(() -> roster.remind(day.heldOn().minusDays(6)))).isZero();
        assertThat(jdbc.sql("select count(*) from notification where recipient_user_id = ? and dedupe_key = ?")
                .params(zhaoUser, "reception-duty:" + first.dutyId() + ":notice:" + day.heldOn()).query(Long.class)
                .single()).isEqualTo(2); // in the inbox and by e-mail (the latter fails: no address on file)
    }

    @Test
    void aReceptionCountsForEveryDeputyPresentAndAMatterTurnsIntoACaseWithItsSponsor() throws Exception {
        StationView s = station(5);
        DayView day = asClerk(() -> {
            roster.saveRule(s.id(), fifth(2));
            roster.generate(s.id(), 2026, LocalDate.of(2026, 1, 1));
            return roster.days(s.id(), 2026).get(2);
        });
        List<Long> present = day.duties().stream().map(StationViews.DutyView::deputyId).toList();
        RecordView r = asClerk(() -> ledger.record(s.id(), new ReceptionLedger.RecordForm(RecordKind.RECEPTION, day.id(),
                day.heldOn(), day.place(), 7, "王大爷", "13612345678", false, "接待选民日，群众反映道路和饮水问题。", present,
                List.of(new ReceptionLedger.ItemForm("交通出行", "测试村三组通组道路坑洼，雨天无法通行", null, false),
                        new ReceptionLedger.ItemForm("社会保障", "高龄津贴何时发放", "每月 10 日前发放", true)))));
        assertThat(asClerk(() -> roster.day(day.id())).state()).isEqualTo(DayState.HELD);
        for (long deputyId : present) {
            assertThat(jdbc.sql("select status from duty_record where source_key = ?")
                    .param(ReceptionLedger.sourceKey(r.id(), deputyId)).query(String.class).single())
                    .isEqualTo("VERIFIED");
        }
        // Saving the same attestation again does not count twice.
        assertThat(jdbc.sql("select count(*) from duty_record where source_key like ?")
                .param("station-record:" + r.id() + ":%").query(Long.class).single()).isEqualTo(present.size());

        long item = r.items().get(0).id();
        long outsider = asClerk(() -> network.deputies(s.id())).stream().map(StationViews.StationDeputy::deputyId)
                .filter(id -> !present.contains(id)).findFirst().orElseThrow();
        assertThatThrownBy(() -> asClerk(() -> ledger.toCase(item, outsider, null)))
                .hasMessageContaining("station.item.error.sponsor");
        StationViews.ItemView converted = asClerk(() -> ledger.toCase(item, present.get(1), null));
        assertThat(converted.caseReceipt()).isNotBlank();
        assertThat(asClerk(() -> ledger.toCase(item, present.get(0), null)).caseId()).isEqualTo(converted.caseId());
        Map<String, Object> c = jdbc.sql("select source, sponsor_deputy_id, submitter_name, category from case_item where id = ?")
                .param(converted.caseId()).query().singleRow();
        assertThat(c.get("source")).isEqualTo("RECEPTION");
        assertThat(((Number) c.get("sponsor_deputy_id")).longValue()).isEqualTo(present.get(1));
        assertThat(c.get("submitter_name")).isEqualTo("王大爷");

        StationViews.Figures before = asClerk(() -> ledger.figures(s.id(), LocalDate.of(2026, 1, 1),
                LocalDate.of(2026, 12, 31)));
        assertThat(before.receptions()).isEqualTo(1);
        assertThat(before.voters()).isEqualTo(7);
        assertThat(before.opinions()).isEqualTo(2);
        assertThat(before.resolved()).isEqualTo(1);
        assertThat(before.casesOpened()).isEqualTo(1);

        // The case is handled to closure; the matter then counts as resolved in the ledger.
        close(converted.caseId());
        // the ledger hears of the closure through the module event, after the case's transaction commits
        long deadline = System.nanoTime() + 10_000_000_000L;
        int resolved;
        do {
            Thread.sleep(50);
            resolved = asClerk(() -> ledger.figures(s.id(), LocalDate.of(2026, 1, 1), LocalDate.of(2026, 12, 31)))
                    .resolved();
        } while (resolved < 2 && System.nanoTime() < deadline);
        assertThat(resolved).isEqualTo(2);

        // The ledger exports mask the visitor's phone.
        LedgerPrints.File xlsx = asClerk(() -> prints.xlsx(s.id(), LocalDate.of(2026, 1, 1), LocalDate.of(2026, 12, 31)));
        String sheet = sheetText(xlsx.data());
        assertThat(sheet).contains("王大爷 136****5678", "通组道路坑洼", "已转办理件").doesNotContain("13612345678");
        LedgerPrints.File pdf = asClerk(() -> prints.pdf(s.id(), LocalDate.of(2026, 1, 1), LocalDate.of(2026, 12, 31)));
        try (PDDocument doc = Loader.loadPDF(pdf.data())) {
            String text = new PDFTextStripper().getText(doc).replaceAll("\\s", "");
            assertThat(text).contains(s.name(), "工作台账", "王大爷136****5678", "已转办理件").doesNotContain("13612345678");
        }
        assertThat(pdf.filename()).endsWith(".pdf").contains(s.name());
    }

    private void close(long caseId) throws Exception {
        long unit = orgs.findByCode("QH-D11").orElseThrow().id();
        act("anlan.staff", caseId, "ASSIGN", "leadUnitId", String.valueOf(unit));
        act("unit.jiaotong", caseId, "SIGN");
        act("unit.jiaotong", caseId, "REPLY", "note", "已安排修复。", "outcome", "SOLVED");
        act("anlan.staff", caseId, "RATE", "rating", "SATISFIED");
        assertThat(jdbc.sql("select state from case_item where id = ?").param(caseId).query(String.class).single())
                .isEqualTo("CLOSED");
    }

    private void act(String who, long id, String action, String... params) throws Exception {
        var req = post("/cases/" + id + "/act").param("action", action).with(csrf()).with(Logins.as(accounts, who));
        for (int i = 0; i < params.length; i += 2) {
            req.param(params[i], params[i + 1]);
        }
        mvc.perform(req);
    }

    @Test
    void meetingsArePlannedFromTemplatesAndAttendanceCountsInTheArchiveBothWays() {
        StationView s = station(6);
        int created = asClerk(() -> rhythm.plan(s.id(), 2026, new StationRhythm.Plan(java.util.EnumSet.of(
                ActivityKind.QUARTERLY_JOINT_MEETING, ActivityKind.HALF_YEAR_REPORT, ActivityKind.ANNUAL_SUMMARY), 4),
                LocalDate.of(2026, 1, 1)));
        assertThat(created).isEqualTo(7);
        assertThat(asClerk(() -> rhythm.plan(s.id(), 2026, new StationRhythm.Plan(java.util.EnumSet.of(
                ActivityKind.QUARTERLY_JOINT_MEETING), 4), LocalDate.of(2026, 1, 1)))).isZero();
        List<StationViews.ActivityView> year = asClerk(() -> rhythm.activities(s.id(), LocalDate.of(2026, 1, 1),
                LocalDate.of(2026, 12, 31)));
        StationViews.ActivityView q1 = year.get(0);
        assertThat(q1.kind()).isEqualTo(ActivityKind.QUARTERLY_JOINT_MEETING);
        assertThat(q1.plannedOn()).isEqualTo(LocalDate.of(2026, 3, 25));
        assertThat(q1.attendance()).hasSize(6);
        List<Long> all = q1.attendance().stream().map(StationViews.AttendanceView::deputyId).toList();

        asClerk(() -> rhythm.hold(q1.id(), q1.plannedOn(), "一季度联席会议", "总结一季度活动，安排二季度计划。", all.subList(0, 4)));
        String key = "station-activity:" + q1.id() + ":deputy:" + all.get(3);
        assertThat(jdbc.sql("select type || '/' || status from duty_record where source_key = ?").param(key)
                .query(String.class).single()).isEqualTo("GROUP_ACTIVITY/VERIFIED");
        // corrected: the fourth deputy was not there after all, the fifth was
        asClerk(() -> rhythm.hold(q1.id(), q1.plannedOn(), "一季度联席会议", "总结一季度活动，安排二季度计划。",
                List.of(all.get(0), all.get(1), all.get(2), all.get(4))));
        assertThat(jdbc.sql("select status from duty_record where source_key = ?").param(key).query(String.class)
                .single()).isEqualTo("REJECTED");
        assertThat(jdbc.sql("select count(*) from duty_record where source_key like ? and status = 'VERIFIED'")
                .param("station-activity:" + q1.id() + ":%").query(Long.class).single()).isEqualTo(4);
    }

    @Test
    void anotherTownSeesNothingThePublicSeesNoPhonesAndAMissedDayWarnsTheTown() throws Exception {
        StationView s = station(4);
        asClerk(() -> {
            network.addStaff(s.id(), new StationNetwork.StaffForm("测试站长", StaffRole.HEAD, "镇党委书记", "13987654321",
                    null));
            roster.saveRule(s.id(), fifth(2));
            return roster.generate(s.id(), 2026, LocalDate.of(2026, 1, 1));
        });
        assertThatThrownBy(() -> Logins.call(accounts, "shiqiao.staff", () -> network.get(s.id())))
                .isInstanceOf(NotFoundException.class);
        assertThat(Logins.call(accounts, "shiqiao.staff", () -> network.list())).noneMatch(x -> x.id() == s.id());
        assertThat(mvc.perform(get("/stations/" + s.id()).with(Logins.as(accounts, "shiqiao.staff"))).andReturn()
                .getResponse().getStatus()).isEqualTo(404);
        assertThat(mvc.perform(get("/stations/" + s.id()).with(Logins.as(accounts, "anlan.staff"))).andReturn()
                .getResponse().getContentAsString()).contains("139****4321").doesNotContain("13987654321");

        String page = mvc.perform(get("/public/stations/" + s.publicCode())).andReturn().getResponse()
                .getContentAsString();
        assertThat(page).contains(s.name(), "测试站长", "/public/opinions/new?org=QH-AL").doesNotContain("13987654321");
        assertThat(mvc.perform(get("/public/stations/" + s.publicCode() + "/qr.png")).andReturn().getResponse()
                .getContentType()).isEqualTo("image/png");

        // A weekly rule this year: every Monday before today passed without a record. The town sees the warning
        // (on its dashboard too), 石桥镇 does not.
        LocalDate today = LocalDate.now();
        org.junit.jupiter.api.Assumptions.assumeTrue(today.getDayOfYear() > 8, "no Monday has passed yet this year");
        asClerk(() -> {
            roster.saveRule(s.id(), new ReceptionRule(RuleKind.WEEKLY, null, 1, null, ReceptionRule.EVERY_MONTH,
                    LocalTime.of(9, 0), LocalTime.of(11, 0), "测试联络站", 1, HolidayPolicy.KEEP, 7));
            return roster.generate(s.id(), today.getYear(), LocalDate.of(today.getYear(), 1, 1));
        });
        // the poster for the station's door names the reception day in words and carries the QR code
        byte[] poster = mvc.perform(get("/stations/" + s.id() + "/poster.pdf").with(Logins.as(accounts, "anlan.staff")))
                .andReturn().getResponse().getContentAsByteArray();
        try (PDDocument doc = Loader.loadPDF(poster)) {
            assertThat(new PDFTextStripper().getText(doc).replaceAll("\\s", "")).contains(s.name(),
                    "接待选民日：每周星期一09:00—11:00", "扫一扫").doesNotContain("13987654321");
        }
        assertThat(mvc.perform(get("/stations/" + s.id() + "/poster.pdf").with(Logins.as(accounts, "shiqiao.staff")))
                .andReturn().getResponse().getStatus()).isEqualTo(404);
        List<StationViews.MissedDay> missed = Logins.call(accounts, "anlan.staff", () -> ledger.missed(today, 400));
        assertThat(missed).anyMatch(m -> m.stationId() == s.id());
        assertThat(Logins.call(accounts, "shiqiao.staff", () -> ledger.missed(today, 400)))
                .noneMatch(m -> m.stationId() == s.id());
        assertThat(mvc.perform(get("/").with(Logins.as(accounts, "anlan.staff"))).andReturn().getResponse()
                .getContentAsString()).contains("station-missed");
    }

    @Test
    void theApiRecordsAReceptionMasksPhonesAndAnswersBadInputWithProblemDetails() throws Exception {
        StationView s = station(3);
        String token = (String) mvc.perform(post("/account/tokens").with(Logins.as(accounts, "anlan.staff")).with(csrf())
                .param("name", "联络站接口").param("days", "30")).andReturn().getFlashMap().get("newToken");
        long deputy = asClerk(() -> network.deputies(s.id())).get(0).deputyId();
        String body = """
                {"kind":"VISIT","occurredOn":"2026-03-02","place":"东湖村三组","visitors":4,"visitorName":"李大姐",
                 "visitorPhone":"13700001111","anonymous":false,"summary":"入户走访","deputyIds":[%d],
                 "items":[{"category":"农业农村","content":"灌溉水渠渗漏","answer":null,"resolved":false}]}""".formatted(deputy);
        var created = mvc.perform(post("/api/v1/stations/" + s.id() + "/records").header("Authorization", "Bearer " + token)
                .contentType("application/json").content(body)).andReturn().getResponse();
        assertThat(created.getStatus()).isEqualTo(201);
        assertThat(created.getContentAsString()).contains("李大姐 137****1111", "灌溉水渠渗漏").doesNotContain("13700001111");
        var bad = mvc.perform(post("/api/v1/stations/" + s.id() + "/records").header("Authorization", "Bearer " + token)
                .contentType("application/json").content(body.replace("\"place\":\"东湖村三组\"", "\"place\":\"\""))
                ).andReturn().getResponse();
        assertThat(bad.getStatus()).isEqualTo(400);
        assertThat(bad.getContentType()).isEqualTo("application/problem+json");
        assertThat(bad.getContentAsString()).contains("place");
        var foreign = mvc.perform(get("/api/v1/stations/" + s.id()).header("Authorization", "Bearer "
                + (String) mvc.perform(post("/account/tokens").with(Logins.as(accounts, "shiqiao.staff")).with(csrf())
                        .param("name", "石桥").param("days", "30")).andReturn().getFlashMap().get("newToken")))
                .andReturn().getResponse();
        assertThat(foreign.getStatus()).isEqualTo(404);
    }

    private String dutyState(long dutyId) {
        return jdbc.sql("select state from reception_duty where id = ?").param(dutyId).query(String.class).single();
    }

    private long dutyDeputy(long dutyId) {
        return jdbc.sql("select deputy_id from reception_duty where id = ?").param(dutyId).query(Long.class).single();
    }

    private static String sheetText(byte[] xlsx) throws Exception {
        StringBuilder out = new StringBuilder();
        try (var wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            wb.getSheetAt(0).forEach(row -> row.forEach(cell -> out.append(cell.toString()).append('|')));
        }
        return out.toString();
    }
}
