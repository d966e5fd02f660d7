package org.renda.meeting;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.renda.meeting.MeetingEnums.MeetingKind;
import org.renda.meeting.MeetingEnums.MeetingState;
import org.renda.meeting.MeetingEnums.ResolutionKind;
import org.renda.meeting.MeetingEnums.ResolutionState;
import org.renda.meeting.MeetingViews.AgendaItemView;
import org.renda.meeting.MeetingViews.Attendance;
import org.renda.meeting.MeetingViews.MeetingPage;
import org.renda.meeting.MeetingViews.MeetingView;
import org.renda.meeting.MeetingViews.ResolutionView;
import org.renda.shared.document.Document;
import org.renda.shared.document.DocumentTemplates;
import org.springframework.stereotype.Component;

/**
 * The meeting's papers from {@code templates/documents/meeting-*.txt} (shared.document): the agenda and schedule
 * (议程), the chair's script (主持词: opening, attendance and quorum, each item, each vote with its counts or blanks to
 * fill in, closing) and a resolution's text. Printouts are reads: scoped like the meeting, not audited.
 */
@Component
class MeetingDocuments {

    static final String BLANK = "____";

    private final MeetingDesk desk;
    private final Resolutions resolutions;
    private final DocumentTemplates templates;

    MeetingDocuments(MeetingDesk desk, Resolutions resolutions, DocumentTemplates templates) {
        this.desk = desk;
        this.resolutions = resolutions;
        this.templates = templates;
    }

    record Item(String no, String title, String time, String presenter) {}

    record Vote(String title, String kind, String counts) {}

    Document agenda(long meetingId) {
        MeetingPage p = desk.page(meetingId);
        MeetingView m = p.meeting();
        List<Item> items = new ArrayList<>();
        for (AgendaItemView a : p.agenda()) {
            items.add(new Item(MeetingFiles.numeral(a.seq()), a.title(), when(m, a.heldOn(), a.atTime()),
                    a.presenter() == null ? "" : a.presenter()));
        }
        return templates.render("meeting-agenda", Map.of("meeting", m.title(), "when", period(m), "place", m.place(),
                "items", items, "organiser", organiser(m), "date", date(LocalDate.now())));
    }

    Document script(long meetingId) {
        MeetingPage p = desk.page(meetingId);
        MeetingView m = p.meeting();
        Attendance a = p.attendance();
        boolean counted = m.state() == MeetingState.IN_SESSION || m.state() == MeetingState.CLOSED;
        List<Item> items = new ArrayList<>();
        for (AgendaItemView i : p.agenda()) {
            items.add(new Item(MeetingFiles.numeral(i.seq()), i.title(), "",
                    i.presenter() == null ? "" : "请" + i.presenter() + "作报告（说明）。"));
        }
        String quorumText = !counted ? "出席人数以会场签到为准，请工作人员报告后宣布。"
                : a.quorumReached() ? "实到代表符合法定人数，会议有效。" : "实到代表不足法定人数，会议不能进行表决。";
        List<Vote> votes = p.resolutions().stream().map(r -> new Vote(r.title(), kind(r.kind()), counts(r))).toList();
        return templates.render("meeting-script", Map.ofEntries(Map.entry("meeting", m.title()),
                Map.entry("when", period(m)), Map.entry("place", m.place()),
                Map.entry("expected", String.valueOf(a.expected())),
                Map.entry("present", counted ? String.valueOf(a.present()) : BLANK),
                Map.entry("onLeave", counted ? String.valueOf(a.onLeave()) : BLANK),
                Map.entry("absent", counted ? String.valueOf(a.absent()) : BLANK),
                Map.entry("quorum", String.valueOf(a.quorumNeeded())), Map.entry("quorumText", quorumText),
                Map.entry("items", items), Map.entry("votes", votes),
                Map.entry("votesFor", String.valueOf(a.majorityNeeded()))));
    }

    Document resolution(long resolutionId) {
        ResolutionView r = resolutions.get(resolutionId);
        MeetingView m = desk.get(r.meetingId());
        boolean adopted = r.state() == ResolutionState.ANNOUNCED && Boolean.TRUE.equals(r.passed());
        return templates.render("meeting-resolution", Map.of("title", r.title(),
                "adopted", adopted ? "（" + date(m.startsOn()) + m.title() + "通过）" : "（草案）", "body", r.body(),
                "result", r.votesFor() == null ? "" : counts(r), "organiser", m.title(),
                "date", date(m.startsOn())));
    }

    /** The vote's result as the chair reads it, or the sentence with blanks before it is recorded. */
    static String counts(ResolutionView r) {
        if (r.votesFor() == null) {
            return "表决结果：应到代表" + BLANK + "名，实到" + BLANK + "名；赞成 " + BLANK + " 票，反对 " + BLANK + " 票，弃权 "
                    + BLANK + " 票，未按表决器 " + BLANK + " 名。《" + r.title() + "》" + BLANK + "。";
        }
        return "表决结果：应到代表" + r.base() + "名，实到" + r.present() + "名；赞成 " + r.votesFor() + " 票，反对 "
                + r.votesAgainst() + " 票，弃权 " + r.votesAbstain() + " 票，未按表决器 " + r.notVoting() + " 名。赞成票"
                + (Boolean.TRUE.equals(r.passed()) ? "超过" : "未超过") + "全体代表的半数，《" + r.title() + "》"
                + (Boolean.TRUE.equals(r.passed()) ? "通过" : "未获通过") + "。";
    }

    private static String kind(ResolutionKind k) {
        return k == ResolutionKind.RESOLUTION ? "决议" : "决定";
    }

    private static String organiser(MeetingView m) {
        return m.kind() == MeetingKind.SESSION || m.kind() == MeetingKind.PRESIDIUM ? m.orgName() + "人大主席团"
                : m.orgName() + "人大";
    }

    private static String period(MeetingView m) {
        return m.endsOn().equals(m.startsOn()) ? date(m.startsOn()) : date(m.startsOn()) + "至" + date(m.endsOn());
    }

    private static String when(MeetingView m, @Nullable LocalDate day, @Nullable LocalTime time) {
        String d = day == null || m.endsOn().equals(m.startsOn()) ? "" : day.getMonthValue() + "月" + day.getDayOfMonth() + "日 ";
        return (d + (time == null ? "" : time.toString())).strip();
    }

    static String date(LocalDate d) {
        return d.getYear() + "年" + d.getMonthValue() + "月" + d.getDayOfMonth() + "日";
    }
}
