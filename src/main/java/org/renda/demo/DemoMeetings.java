package org.renda.demo;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import org.renda.deputy.DeputyViews.DeputyProfile;
import org.renda.meeting.MeetingDesk;
import org.renda.meeting.MeetingDesk.AgendaForm;
import org.renda.meeting.MeetingDesk.MeetingForm;
import org.renda.meeting.MeetingDesk.MotionForm;
import org.renda.meeting.MeetingDesk.SpeechForm;
import org.renda.meeting.MeetingEnums.MeetingKind;
import org.renda.meeting.MeetingEnums.MeetingState;
import org.renda.meeting.MeetingEnums.MotionKind;
import org.renda.meeting.MeetingEnums.ResolutionKind;
import org.renda.meeting.MeetingEnums.Response;
import org.renda.meeting.MeetingViews.MeetingView;
import org.renda.meeting.MeetingViews.ResolutionView;
import org.renda.meeting.Presidiums;
import org.renda.meeting.Resolutions;
import org.renda.shared.pdf.PdfDocument;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The demo county's meetings: 安澜镇's presidium of nine for the 18th term (confirmed), this year's first session
 * held (agenda, 38 of 42 deputies present, two on leave, two resolutions voted and announced, a motion turned into a
 * case, a speech, minutes) and the next session notified with its agenda and materials; a 头雁论坛 in preparation;
 * 石桥镇's next session notified, for the scope probes.
 */
@Component
@Order(70)
class DemoMeetings implements DemoPart {

    private static final int TERM = 18;

    private final MeetingDesk desk;
    private final Resolutions resolutions;
    private final Presidiums presidiums;
    private final DemoDeputies demoDeputies;

    DemoMeetings(MeetingDesk desk, Resolutions resolutions, Presidiums presidiums, DemoDeputies demoDeputies) {
        this.desk = desk;
        this.resolutions = resolutions;
        this.presidiums = presidiums;
        this.demoDeputies = demoDeputies;
    }

    @Override
    public void load(Map<String, Long> orgs, Map<String, Long> users) {
        long anlan = orgs.get("QH-AL");
        LocalDate today = LocalDate.now();
        List<DeputyProfile> deputies = demoDeputies.registered();

        // The presidium of nine: chair, two vice-chairs, six members.
        var p = presidiums.save(new Presidiums.Members(anlan, TERM, deputies.get(1).id(),
                List.of(deputies.get(4).id(), deputies.get(7).id()),
                List.of(deputies.get(10).id(), deputies.get(13).id(), deputies.get(16).id(), deputies.get(19).id(),
                        deputies.get(22).id(), deputies.get(25).id())));
        presidiums.confirm(p.id(), p.version());

        // This year's first session, held.
        LocalDate heldOn = today.isBefore(LocalDate.of(today.getYear(), 2, 20)) ? today
                : LocalDate.of(today.getYear(), 2, 20);
        MeetingView held = desk.create(new MeetingForm(anlan, MeetingKind.SESSION, null, TERM, 9, heldOn, heldOn,
                LocalTime.of(8, 30), "安澜镇人民政府三楼会议室"));
        agenda(held.id(), heldOn, new String[][] {
            {"08:30", "听取和审议安澜镇人民政府工作报告", "镇长 何志远"},
            {"09:30", "审查和批准安澜镇上年财政预算执行情况和本年财政预算", "镇财政所所长 陈立新"},
            {"10:15", "听取和审议安澜镇人大主席团工作报告", "镇人大主席 黄永明"},
            {"11:00", "代表提出议案、建议", null},
            {"11:30", "表决决议、决定", "大会执行主席"}});
        desk.advance(held.id(), MeetingState.NOTIFIED);
        long leave1 = deputies.get(30).id();
        long leave2 = deputies.get(31).id();
        for (DeputyProfile d : deputies) {
            if (d.id() == leave1 || d.id() == leave2) {
                desk.answerFor(held.id(), d.id(), Response.LEAVE, d.id() == leave1 ? "外出务工，无法返乡" : "住院治疗");
            } else {
                desk.answerFor(held.id(), d.id(), Response.CONFIRMED, null);
            }
        }
        desk.advance(held.id(), MeetingState.IN_SESSION);
        List<Long> present = deputies.stream().map(DeputyProfile::id)
                .filter(id -> id != leave1 && id != leave2 && id != deputies.get(32).id() && id != deputies.get(33).id())
                .toList();
        desk.checkIn(held.id(), present);
        ResolutionView report = resolutions.draft(held.id(), new Resolutions.ResolutionForm(ResolutionKind.RESOLUTION,
                "关于安澜镇人民政府工作报告的决议", "安澜镇第十八届人民代表大会第九次会议听取和审议了镇长何志远所作的《安澜镇人民政府工作报告》。"
                        + "会议充分肯定镇人民政府过去一年的工作，同意报告提出的本年工作目标和主要任务，决定批准这个报告。"));
        report = resolutions.recordVote(report.id(), new Resolutions.VoteForm(35, 1, 1, 1, report.version()));
        resolutions.announce(report.id(), report.version());
        ResolutionView budget = resolutions.draft(held.id(), new Resolutions.ResolutionForm(ResolutionKind.DECISION,
                "关于安澜镇本年财政预算的决定", "安澜镇第十八届人民代表大会第九次会议审查了镇人民政府提出的上年财政预算执行情况和本年财政预算（草案），"
                        + "决定批准本年财政预算。"));
        budget = resolutions.recordVote(budget.id(), new Resolutions.VoteForm(34, 2, 2, 0, budget.version()));
        resolutions.announce(budget.id(), budget.version());
        DeputyProfile li = deputies.get(3); // 李春华, deputy.li
        desk.raiseMotion(held.id(), new MotionForm(deputies.get(5).id(), MotionKind.MOTION, "农业农村",
                "关于加快东湖村至西岭村灌溉渠道改造的议案", "东湖村至西岭村灌溉渠道建于上世纪七十年代，渗漏严重，影响 800 余亩农田灌溉，建议列入本年水利项目。"));
        desk.recordSpeech(held.id(), new SpeechForm(li.id(), "推进农村人居环境整治，建立长效管护机制"));
        MeetingView closing = desk.get(held.id());
        desk.saveMinutes(held.id(), closing.version(), "会议应到代表 42 名，实到 38 名，请假 2 名，符合法定人数。\n"
                + "会议听取和审议了镇人民政府工作报告、财政预算报告和人大主席团工作报告，表决通过了两项决议、决定。\n"
                + "代表共提出议案 1 件，已转镇人民政府办理。");
        desk.advance(held.id(), MeetingState.CLOSED);

        // The next session, notified, with materials.
        LocalDate next = today.plusDays(10);
        MeetingView coming = desk.create(new MeetingForm(anlan, MeetingKind.SESSION, null, TERM, 10, next, next.plusDays(1),
                LocalTime.of(8, 30), "安澜镇人民政府三楼会议室"));
        agenda(coming.id(), next, new String[][] {
            {"08:30", "听取和审议安澜镇人民政府关于民生实事项目推进情况的报告", "副镇长 刘建华"},
            {"10:00", "听取和审议安澜镇人大主席团关于代表建议办理情况的报告", "镇人大副主席"},
            {"14:30", "对镇人民政府专项工作进行满意度测评", "大会执行主席"},
            {"15:30", "表决关于下一年度民生实事项目的决议", "大会执行主席"}});
        desk.addMaterial(coming.id(), "民生实事项目推进情况的报告（征求意见稿）", new MeetingDesk.Upload("民生实事报告.pdf",
                "application/pdf", pdf("安澜镇人民政府关于民生实事项目推进情况的报告",
                        "今年镇人民政府确定的 10 件民生实事，已完成 8 件，2 件正在推进。")));
        desk.addMaterial(coming.id(), "代表建议办理情况的报告", new MeetingDesk.Upload("建议办理报告.pdf", "application/pdf",
                pdf("安澜镇人大主席团关于代表建议办理情况的报告", "本年代表提出建议 46 件，已办结 42 件。")));
        desk.advance(coming.id(), MeetingState.NOTIFIED);

        // 头雁论坛 in preparation (seed 004).
        MeetingView forum = desk.create(new MeetingForm(anlan, MeetingKind.FORUM, "“头雁”论坛：乡村振兴中的代表作为",
                null, null, today.plusDays(20), null, LocalTime.of(14, 30), "东湖村党群服务中心"));
        desk.addAgenda(forum.id(), new AgendaForm("代表“微讲员”分享履职故事", null, LocalTime.of(14, 30), null));

        // 石桥镇: its next session, for the scope probes.
        long shiqiao = orgs.get("QH-SQ");
        MeetingView sq = desk.create(new MeetingForm(shiqiao, MeetingKind.SESSION, null, TERM, 8, today.plusDays(12), null,
                LocalTime.of(9, 0), "石桥镇便民服务中心会议室"));
        desk.addAgenda(sq.id(), new AgendaForm("听取和审议石桥镇人民政府工作报告", null, LocalTime.of(9, 0), null));
        desk.advance(sq.id(), MeetingState.NOTIFIED);
    }

    private void agenda(long meetingId, LocalDate on, String[][] items) {
        for (String[] i : items) {
            desk.addAgenda(meetingId, new AgendaForm(i[1], on, LocalTime.parse(i[0]), i[2]));
        }
    }

    private static byte[] pdf(String title, String text) {
        try (PdfDocument doc = PdfDocument.a4(title)) {
            doc.title(title);
            doc.paragraph(text);
            return doc.toBytes(null);
        }
    }
}
