package org.renda.meeting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.io.ByteArrayInputStream;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.renda.audit.AuditEntry;
import org.renda.audit.AuditTrail;
import org.renda.casework.CaseDesk;
import org.renda.casework.CaseEnums.Source;
import org.renda.deputy.DeputyRegister;
import org.renda.deputy.DeputyRegister.DeputyRef;
import org.renda.deputy.DutyLog;
import org.renda.deputy.DutyType;
import org.renda.identity.Logins;
import org.renda.meeting.MeetingDesk.AgendaForm;
import org.renda.meeting.MeetingDesk.MeetingForm;
import org.renda.meeting.MeetingDesk.MotionForm;
import org.renda.meeting.MeetingDesk.SpeechForm;
import org.renda.meeting.MeetingEnums.MeetingKind;
import org.renda.meeting.MeetingEnums.MeetingState;
import org.renda.meeting.MeetingEnums.MotionKind;
import org.renda.meeting.MeetingEnums.ResolutionKind;
import org.renda.meeting.MeetingViews.Attendance;
import org.renda.meeting.MeetingViews.MeetingView;
import org.renda.meeting.MeetingViews.ResolutionView;
import org.renda.org.OrgTree;
import org.renda.shared.DomainException;
import org.renda.support.RendaIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/**
 * A town congress session of 安澜镇 (42 deputies in office) from its agenda to the chair's script, as the clerk
 * (anlan.staff) and the chair (anlan.chair) run it: invitations, check-in at the door, the quorum of two thirds (28)
 * refusing a vote before it is present, two resolutions voted openly (one with more than half of those present but not
 * of all deputies, which fails), a motion turned into a case, attendance and a speech in the archives, minutes, and
 * the documents.
 */
@RendaIntegrationTest
class SessionReplayTest {

    private static final AtomicInteger SEQ = new AtomicInteger(60);

    @Autowired MockMvc mvc;
    @Autowired UserDetailsService accounts;
    @Autowired OrgTree orgs;
    @Autowired MeetingDesk desk;
    @Autowired Resolutions resolutions;
    @Autowired DeputyRegister deputies;
    @Autowired DutyLog duties;
    @Autowired CaseDesk cases;
    @Autowired AuditTrail audit;

    private <T> T asClerk(java.util.function.Supplier<T> work) {
        return Logins.call(accounts, "anlan.staff", work);
    }

    private long anlan() {
        return orgs.findByCode("QH-AL").orElseThrow().id();
    }

    @Test
    void aSessionFromAgendaToScript() throws Exception {
        long town = anlan();
        List<DeputyRef> members = deputies.congressMembers(town);
        // 42 in the demo; by-elections replayed by other tests in the same context add seats
        int n = members.size();
        assertThat(n).as("安澜镇's deputies in office").isGreaterThanOrEqualTo(42);
        int quorum = (2 * n + 2) / 3;
        int majority = n / 2 + 1;
        int present = quorum + 2;
        int sessionNo = SEQ.incrementAndGet();
        LocalDate today = LocalDate.now();

        // The clerk prepares it: the title comes from term and session; three agenda items.
        MeetingView m = asClerk(() -> desk.create(new MeetingForm(town, MeetingKind.SESSION, null, 18, sessionNo, today,
                today, LocalTime.of(8, 30), "镇政府三楼会议室")));
        assertThat(m.title()).isEqualTo("安澜镇第十八届人民代表大会第" + MeetingFiles.numeral(sessionNo) + "次会议");
        assertThatThrownBy(() -> asClerk(() -> desk.advance(m.id(), MeetingState.NOTIFIED)))
                .as("no notice without an agenda").isInstanceOf(DomainException.class);
        asClerk(() -> desk.addAgenda(m.id(), new AgendaForm("听取和审议镇人民政府工作报告", today, LocalTime.of(8, 30), "镇长")));
        asClerk(() -> desk.addAgenda(m.id(), new AgendaForm("审查和批准本年财政预算", today, LocalTime.of(9, 30), "财政所所长")));
        asClerk(() -> desk.addAgenda(m.id(), new AgendaForm("表决决议、决定", today, LocalTime.of(11, 0), null)));

        // Notifying invites every deputy in office.
        asClerk(() -> desk.advance(m.id(), MeetingState.NOTIFIED));
        assertThat(asClerk(() -> desk.page(m.id())).attendees()).hasSize(n);
        asClerk(() -> desk.advance(m.id(), MeetingState.IN_SESSION));

        // Two resolutions drafted; no vote before the quorum (two thirds of 42 = 28) is present.
        ResolutionView report = asClerk(() -> resolutions.draft(m.id(), new Resolutions.ResolutionForm(
                ResolutionKind.RESOLUTION, "关于镇人民政府工作报告的决议", "会议决定批准镇人民政府工作报告。")));
        ResolutionView budget = asClerk(() -> resolutions.draft(m.id(), new Resolutions.ResolutionForm(
                ResolutionKind.DECISION, "关于本年财政预算的决定", "会议决定批准本年财政预算。")));
        List<Long> ids = members.stream().map(DeputyRef::id).toList();
        Attendance short27 = asClerk(() -> desk.checkIn(m.id(), ids.subList(0, quorum - 1)));
        assertThat(short27.expected()).isEqualTo(n);
        assertThat(short27.quorumNeeded()).isEqualTo(quorum);
        assertThat(short27.quorumReached()).isFalse();
        MvcResult refused = mvc.perform(post("/meetings/resolutions/" + report.id() + "/vote")
                .with(Logins.as(accounts, "anlan.staff")).with(csrf()).param("votesFor", "20").param("votesAgainst", "5")
                .param("votesAbstain", "1").param("notVoting", "1").param("version", String.valueOf(report.version())))
                .andReturn();
        assertThat(refused.getResponse().getStatus()).as("the vote form comes back").isEqualTo(200);
        assertThat(refused.getResponse().getContentAsString()).contains("未达到法定人数");
        assertThat(asClerk(() -> resolutions.get(report.id())).votesFor()).as("nothing recorded").isNull();

        // 30 of 42 present: quorum.
        Attendance a = asClerk(() -> desk.checkIn(m.id(), ids.subList(0, present)));
        assertThat(a.present()).isEqualTo(present);
        assertThat(a.quorumReached()).isTrue();
        assertThat(a.majorityNeeded()).as("more than half of all deputies in office").isEqualTo(majority);

        // Counts must add up to those present.
        assertThatThrownBy(() -> asClerk(() -> resolutions.recordVote(report.id(),
                new Resolutions.VoteForm(majority + 3, 3, 1, 0, report.version())))).isInstanceOf(DomainException.class);
        int forPassed = majority + 3;
        ResolutionView passed = asClerk(() -> resolutions.recordVote(report.id(),
                new Resolutions.VoteForm(forPassed, 3, 1, present - forPassed - 4, report.version())));
        assertThat(passed.passed()).isTrue();
        assertThat(passed.base()).isEqualTo(n);
        // 20 of 30 present is more than half of those present, but not more than half of all 42: it fails.
        int forFailed = majority - 1;
        assertThat(forFailed).as("more than half of those present").isGreaterThan(present / 2);
        ResolutionView failed = asClerk(() -> resolutions.recordVote(budget.id(),
                new Resolutions.VoteForm(forFailed, present - forFailed - 2, 2, 0, budget.version())));
        assertThat(failed.passed()).isFalse();

        // The clerk cannot announce; the chair can.
        assertThatThrownBy(() -> asClerk(() -> resolutions.announce(passed.id(), passed.version())))
                .isInstanceOf(DomainException.class);
        Logins.call(accounts, "anlan.chair", () -> resolutions.announce(passed.id(), passed.version()));
        Logins.call(accounts, "anlan.chair", () -> resolutions.announce(failed.id(), failed.version()));

        // A motion becomes a case with the session as its source; a speech; the minutes.
        long raiser = ids.get(2);
        var motion = asClerk(() -> desk.raiseMotion(m.id(), new MotionForm(raiser, MotionKind.MOTION, "农业农村",
                "关于改造灌溉渠道的议案", "渠道渗漏严重，影响春耕。")));
        var kase = asClerk(() -> cases.view(motion.caseId()));
        assertThat(kase.source()).isEqualTo(Source.SESSION);
        assertThat(kase.sponsorDeputyId()).isEqualTo(raiser);
        asClerk(() -> desk.recordSpeech(m.id(), new SpeechForm(raiser, "推进人居环境整治")));
        MeetingView now = asClerk(() -> desk.get(m.id()));
        asClerk(() -> desk.saveMinutes(m.id(), now.version(), "会议应到 " + n + " 人，实到 " + present + " 人。"));

        // The page shows 应到/实到/缺席/请假, the quorum, the counts, the results and the motion's case.
        String html = mvc.perform(get("/meetings/" + m.id()).with(Logins.as(accounts, "anlan.staff"))).andReturn()
                .getResponse().getContentAsString();
        Document page = Jsoup.parse(html);
        assertThat(page.select("#expected").text()).isEqualTo(String.valueOf(n));
        assertThat(page.select("#present").text()).isEqualTo(String.valueOf(present));
        assertThat(page.select("#absent").text()).isEqualTo(String.valueOf(n - present));
        assertThat(page.select("#quorum").text()).contains("符合法定人数");
        assertThat(page.select("#resolution-" + passed.id() + " .counts").text()).contains("赞成 " + forPassed + " 票",
                "全体代表 " + n + " 人");
        assertThat(page.select("#resolution-" + passed.id() + " .result").text()).isEqualTo("通过");
        assertThat(page.select("#resolution-" + failed.id() + " .result").text()).isEqualTo("未通过");
        assertThat(page.select("#motions a[href=/cases/" + motion.caseId() + "]")).hasSize(1);

        // Attendance, the motion and the speech are in the raiser's archive, attested; an absent deputy has none.
        var archive = asClerk(() -> duties.archive(raiser, today, today));
        assertThat(archive.diary()).anySatisfy(d -> {
            assertThat(d.type()).isEqualTo(DutyType.ATTEND_CONGRESS);
            assertThat(d.title()).contains(m.title());
        });
        assertThat(archive.diary()).anySatisfy(d -> assertThat(d.type()).isEqualTo(DutyType.PROPOSAL));
        assertThat(archive.diary()).anySatisfy(d -> assertThat(d.title()).startsWith("大会发言"));
        assertThat(asClerk(() -> duties.archive(ids.get(40), today, today)).diary())
                .noneSatisfy(d -> assertThat(d.title()).contains(m.title()));

        // Unmarking a deputy takes the attendance back out of the archive.
        asClerk(() -> desk.checkIn(m.id(), ids.subList(0, present - 1)));
        assertThat(asClerk(() -> duties.archive(ids.get(present - 1), today, today)).diary())
                .filteredOn(d -> d.title().contains(m.title()))
                .allSatisfy(d -> assertThat(d.status()).isNotEqualTo(org.renda.deputy.DutyStatus.VERIFIED));

        asClerk(() -> desk.advance(m.id(), MeetingState.CLOSED));

        // Every change is in the audit log.
        List<String> actions = asClerk(() -> audit.history(MeetingDesk.AUDIT_TYPE, m.id())).stream()
                .map(AuditEntry::action).toList();
        assertThat(actions).contains("CREATED", "AGENDA_ADDED", "NOTIFIED", "OPENED", "PRESENCE", "MOTION_RAISED",
                "SPEECH", "MINUTES", "CLOSED");
        assertThat(asClerk(() -> audit.history(Resolutions.AUDIT_TYPE, passed.id())).stream().map(AuditEntry::action)
                .toList()).contains("CREATED", "VOTE_RECORDED", "ANNOUNCED");

        documents(m, passed, n, present, forPassed);
    }

    @Autowired ElectionDesk elections;

    /**
     * The session hears a by-election's qualification review: the by-election names the session, the presidium
     * confirms the review, the new deputy has a seat in the register and the session's page lists the election.
     * An election cannot name another town's session.
     */
    @Test
    void aByElectionReviewedAtTheSessionEndsInANewSeat() throws Exception {
        long town = anlan();
        LocalDate today = LocalDate.now();
        int seatsBefore = deputies.congressMembers(town).size();
        MeetingView m = asClerk(() -> desk.create(new MeetingForm(town, MeetingKind.SESSION, null, 18,
                SEQ.incrementAndGet(), today, today, LocalTime.of(8, 30), "镇政府三楼会议室")));
        String name = "补选会议" + SEQ.incrementAndGet();
        ElectionDesk.ElectionForm form = new ElectionDesk.ElectionForm(town, ElectionEnums.ElectionKind.BY_ELECTION,
                "补选第7选区代表", m.id(), m.title(), null, "第7选区（会议测试）", "原代表调离本镇", today.minusDays(40),
                org.renda.deputy.DeputyLevel.TOWN, 18, 2021, 2026, 1, 1200);

        long foreignSession = Logins.call(accounts, "shiqiao.staff", () -> desk.list(today.getYear()).stream()
                .map(s -> s.meeting()).filter(v -> v.kind() == MeetingKind.SESSION).findFirst().orElseThrow().id());
        assertThatThrownBy(() -> asClerk(() -> elections.create(new ElectionDesk.ElectionForm(town,
                ElectionEnums.ElectionKind.BY_ELECTION, "补选", foreignSession, null, null, "第7选区", "出缺",
                today.minusDays(40), org.renda.deputy.DeputyLevel.TOWN, 18, 2021, 2026, 1, 1200))))
                .as("another town's session").isInstanceOf(DomainException.class)
                .hasFieldOrPropertyWithValue("field", "meetingId");

        ElectionViews.ElectionView e = asClerk(() -> elections.create(form));
        asClerk(() -> elections.addCandidate(e.id(), new ElectionDesk.CandidateForm(name, "女", null, "村委委员",
                "中共党员", ElectionEnums.Nomination.PARTIES, null, null)));
        asClerk(() -> elections.addCandidate(e.id(), new ElectionDesk.CandidateForm("另一候选人" + SEQ.get(), "男", null,
                "村民", "群众", ElectionEnums.Nomination.VOTERS_JOINT, 11, null)));
        asClerk(() -> elections.recordStep(e.id(), new ElectionDesk.ElectionStepForm(ElectionEnums.ElectionStep.NOMINATED,
                today.minusDays(30), null)));
        asClerk(() -> elections.recordStep(e.id(), new ElectionDesk.ElectionStepForm(ElectionEnums.ElectionStep.PUBLISHED,
                today.minusDays(25), "张榜公布")));
        var cs = asClerk(() -> elections.get(e.id())).candidates();
        var counted = asClerk(() -> elections.recordRound(e.id(), new ElectionDesk.ElectionRoundForm(today.minusDays(20),
                "计票甲、计票乙", "监票丙、监票丁", null, null, null, null, null, 900,
                List.of(new ElectionDesk.ElectionTallyForm(cs.get(0).id(), 610, null, null),
                        new ElectionDesk.ElectionTallyForm(cs.get(1).id(), 270, null, null)))));
        assertThat(counted.anyElected()).isTrue();
        var reviewed = Logins.call(accounts, "anlan.chair", () -> elections.review(e.id(),
                new ElectionDesk.QualificationReviewForm(ElectionEnums.ReviewOutcome.CONFIRMED, today,
                        "安澜镇人大主席团代表资格审查委员会", "程序合法，资格有效")));

        Long seat = reviewed.elected().get(0).seatDeputyId();
        assertThat(seat).isNotNull();
        assertThat(deputies.congressMembers(town)).extracting(DeputyRef::name).contains(name);
        assertThat(deputies.congressMembers(town)).hasSize(seatsBefore + 1);
        Document page = Jsoup.parse(mvc.perform(get("/meetings/" + m.id()).with(Logins.as(accounts, "anlan.staff")))
                .andReturn().getResponse().getContentAsString());
        assertThat(page.select("#elections a[href=/meetings/elections/" + e.id() + "]").text()).isEqualTo("补选第7选区代表");
        assertThat(page.select("#elections").text()).contains(name);
    }

    private void documents(MeetingView m, ResolutionView passed, int n, int present, int forPassed) throws Exception {
        String agenda = docx("/meetings/" + m.id() + "/agenda.docx");
        assertThat(agenda).contains(m.title(), "议程", "听取和审议镇人民政府工作报告", "审查和批准本年财政预算");
        String script = docx("/meetings/" + m.id() + "/script.docx");
        assertThat(script).contains(m.title(), "应到", String.valueOf(n), "实到", String.valueOf(present), "法定人数",
                "听取和审议镇人民政府工作报告", "赞成 " + forPassed, "闭幕");
        String resolution = docx("/meetings/resolutions/" + passed.id() + "/text.docx");
        assertThat(resolution).contains("关于镇人民政府工作报告的决议", "会议决定批准镇人民政府工作报告");
        assertThat(pdf("/meetings/" + m.id() + "/script.pdf")).contains("主持词", "法定人数");
        assertThat(pdf("/meetings/" + m.id() + "/agenda.pdf")).contains("听取和审议镇人民政府工作报告");
    }

    private String docx(String path) throws Exception {
        MvcResult r = mvc.perform(get(path).with(Logins.as(accounts, "anlan.staff"))).andReturn();
        assertThat(r.getResponse().getStatus()).as(path).isEqualTo(200);
        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(r.getResponse().getContentAsByteArray()));
                XWPFWordExtractor text = new XWPFWordExtractor(doc)) {
            return text.getText();
        }
    }

    private String pdf(String path) throws Exception {
        MvcResult r = mvc.perform(get(path).with(Logins.as(accounts, "anlan.staff"))).andReturn();
        assertThat(r.getResponse().getStatus()).as(path).isEqualTo(200);
        try (var doc = Loader.loadPDF(r.getResponse().getContentAsByteArray())) {
            return new PDFTextStripper().getText(doc);
        }
    }

    @Test
    void aPresidiumIsConfirmedOnlyWithSevenToElevenMembers() {
        long town = anlan();
        List<Long> ids = deputies.congressMembers(town).stream().map(DeputyRef::id).toList();
        int term = 90 + SEQ.incrementAndGet() % 9;
        Presidiums presidiums = this.presidiumsBean;
        var six = asClerk(() -> presidiums.save(new Presidiums.Members(town, term, ids.get(0), List.of(ids.get(1)),
                ids.subList(2, 6))));
        assertThat(six.members()).hasSize(6);
        assertThatThrownBy(() -> asClerk(() -> presidiums.confirm(six.id(), six.version())))
                .isInstanceOf(DomainException.class)
                .satisfies(e -> assertThat(((DomainException) e).messageKey()).isEqualTo("meeting.presidium.error.size"));
        assertThatThrownBy(() -> asClerk(() -> presidiums.save(new Presidiums.Members(town, term, ids.get(0),
                List.of(), ids.subList(1, 12))))).as("twelve").isInstanceOf(DomainException.class);
        var nine = asClerk(() -> presidiums.save(new Presidiums.Members(town, term, ids.get(0), List.of(ids.get(1)),
                ids.subList(2, 9))));
        var confirmed = asClerk(() -> presidiums.confirm(nine.id(), nine.version()));
        assertThat(confirmed.confirmed()).isTrue();
        assertThatThrownBy(() -> asClerk(() -> presidiums.save(new Presidiums.Members(town, term, ids.get(0), List.of(),
                ids.subList(1, 6))))).as("a confirmed presidium keeps at least seven").isInstanceOf(DomainException.class);
    }

    @Autowired Presidiums presidiumsBean;
}
