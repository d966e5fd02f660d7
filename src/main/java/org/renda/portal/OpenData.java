package org.renda.portal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.renda.assessment.PublicAssessmentResults.PublicPeriodResults;
import org.renda.assessment.PublicAssessmentResults.PublicResult;
import org.renda.portal.CongressPortal.AppraisalRate;
import org.renda.portal.CongressPortal.Figures;
import org.renda.portal.CongressPortal.Site;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The open data of one congress (公开数据): the figures of its site and the rows behind them, as JSON and as a CSV in
 * one long table (分类, 名称, 指标, 数值) that Excel opens (UTF-8 with a byte-order mark) and a pivot table turns
 * into any shape. Only what the site shows: names of deputies and their duty counts, never a phone or an ID number.
 * Labels are Chinese, the language of the data, whatever the reader's locale.
 */
@Component
class OpenData {

    static final Locale ZH = Locale.SIMPLIFIED_CHINESE;

    /** The figures, with the date and time they were computed. */
    record Document(String congressCode, String congressName, int year, String computedAt, Figures figures,
            List<Deputy> deputies, List<Station> stations, List<Topic> supervision, List<Session> sessions,
            List<Appraisal> appraisals, List<Assessment> assessments) {}

    record Deputy(String name, @Nullable String constituency, int termStart, int termEnd, int termDuties,
            int yearDuties, String page) {}

    record Station(String name, String tier, String organisation, String address, int receptions, int voters,
            int opinions, int resolved, List<ReceptionDay> upcoming, String page) {}

    record ReceptionDay(LocalDate date, String from, String to, String place, List<String> deputies) {}

    record Topic(String title, String kind, String source, String responsible, int activities, int held,
            int suggestions, int findingsFound, int findingsRectified, @Nullable BigDecimal satisfactionRate) {}

    record Session(String title, LocalDate startsOn, LocalDate endsOn, List<Resolution> resolutions) {}

    record Resolution(String kind, String title, int votesFor, int votesAgainst, int votesAbstain, int present,
            int base, boolean passed) {}

    record Appraisal(String title, @Nullable LocalDate closedOn, List<AppraisalRate> subjects, String page) {}

    record Assessment(String name, int year, LocalDate startsOn, LocalDate endsOn, List<AssessmentResult> results,
            String page) {}

    record AssessmentResult(int rank, String subject, BigDecimal total, @Nullable String tier, boolean vetoed) {}

    private final CongressPortal portal;
    private final MessageSource messages;

    OpenData(CongressPortal portal, MessageSource messages) {
        this.portal = portal;
        this.messages = messages;
    }

    Document of(Site site, org.renda.org.OrgView org) {
        String code = site.congress().code();
        List<Deputy> deputies = site.deputies().deputies().stream().map(d -> new Deputy(d.name(), d.constituency(),
                d.termStart(), d.termEnd(), d.termDuties(), d.yearDuties(), "/public/deputies/" + d.code())).toList();
        List<Station> stations = site.stations().stream().map(s -> new Station(s.name(), text(s.tier().messageKey()),
                s.orgName(), s.address(), s.receptions(), s.voters(), s.opinions(), s.resolved(),
                s.upcoming().stream().map(d -> new ReceptionDay(d.heldOn(), d.startsAt().toString(),
                        d.endsAt().toString(), d.place(), d.deputies())).toList(),
                "/public/stations/" + s.code())).toList();
        List<Topic> topics = site.topics().stream().map(t -> new Topic(t.title(), text(t.kind().messageKey()),
                text(t.source().messageKey()), t.responsible(), t.activities(), t.held(), t.suggestions(), t.found(),
                t.rectified(), t.rate())).toList();
        List<Session> sessions = site.sessions().stream().map(s -> new Session(s.title(), s.startsOn(), s.endsOn(),
                s.resolutions().stream().map(r -> new Resolution(text(r.kind().messageKey()), r.title(), r.votesFor(),
                        r.votesAgainst(), r.votesAbstain(), r.present(), r.base(), r.passed())).toList())).toList();
        List<Appraisal> appraisals = site.appraisals().stream().map(a -> new Appraisal(a.title(), a.closedOn(),
                portal.appraisalRates(a), "/public/appraisals/" + a.publicCode())).toList();
        List<Assessment> assessments = new ArrayList<>();
        for (var p : site.assessments()) {
            PublicPeriodResults r = portal.assessment(org, p.id()).orElseThrow();
            assessments.add(new Assessment(p.name(), p.forYear(), p.startsOn(), p.endsOn(), r.results().stream()
                    .map(OpenData::result).toList(), "/public/c/" + code + "/assessments/" + p.id()));
        }
        return new Document(code, text(site.congress().titleKey(), site.congress().name()), site.figures().year(),
                DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(site.computedAt().atZone(ZoneId.systemDefault())),
                site.figures(), deputies, stations, topics, sessions, appraisals, assessments);
    }

    private static AssessmentResult result(PublicResult r) {
        return new AssessmentResult(r.rank(), r.subjectName(), r.total(), r.tierName(), r.vetoed());
    }

    /** The CSV: one line per figure, UTF-8 with a byte-order mark so that Excel reads the Chinese. */
    byte[] csv(Document d) {
        List<String[]> rows = new ArrayList<>();
        String overview = text("portal.data.overview");
        Figures f = d.figures();
        String n = d.congressName();
        add(rows, overview, n, "portal.figure.deputies", f.deputies());
        add(rows, overview, n, "portal.figure.dutiesThisYear", f.dutiesThisYear());
        add(rows, overview, n, "portal.figure.stations", f.stations());
        add(rows, overview, n, "portal.figure.receptions", f.receptionsThisYear());
        add(rows, overview, n, "portal.figure.voters", f.votersThisYear());
        add(rows, overview, n, "portal.figure.opinionsReceived", f.opinionsReceived());
        add(rows, overview, n, "portal.figure.opinionsClosed", f.opinionsClosed());
        add(rows, overview, n, "portal.figure.topics", f.topics());
        add(rows, overview, n, "portal.figure.supervisionActivities", f.supervisionActivities());
        add(rows, overview, n, "portal.figure.findingsFound", f.findingsFound());
        add(rows, overview, n, "portal.figure.findingsRectified", f.findingsRectified());
        add(rows, overview, n, "portal.figure.sessions", f.sessionsHeld());
        add(rows, overview, n, "portal.figure.resolutions", f.resolutionsAnnounced());
        add(rows, overview, n, "portal.figure.appraisals", f.appraisalsPublished());
        add(rows, overview, n, "portal.figure.assessments", f.assessmentsPublished());
        String deputy = text("portal.data.deputy");
        for (Deputy x : d.deputies()) {
            add(rows, deputy, x.name(), "portal.data.termDuties", x.termDuties());
            add(rows, deputy, x.name(), "portal.data.yearDuties", x.yearDuties());
        }
        String station = text("portal.data.station");
        for (Station x : d.stations()) {
            add(rows, station, x.name(), "portal.data.receptions", x.receptions());
            add(rows, station, x.name(), "portal.data.voters", x.voters());
            add(rows, station, x.name(), "portal.data.opinions", x.opinions());
            add(rows, station, x.name(), "portal.data.resolved", x.resolved());
        }
        String topic = text("portal.data.topic");
        for (Topic x : d.supervision()) {
            add(rows, topic, x.title(), "portal.data.held", x.held());
            add(rows, topic, x.title(), "portal.data.suggestions", x.suggestions());
            add(rows, topic, x.title(), "portal.data.findingsFound", x.findingsFound());
            add(rows, topic, x.title(), "portal.data.findingsRectified", x.findingsRectified());
            if (x.satisfactionRate() != null) {
                rows.add(new String[] {topic, x.title(), text("portal.data.rate"), percent(x.satisfactionRate())});
            }
        }
        String resolution = text("portal.data.resolution");
        for (Session s : d.sessions()) {
            for (Resolution r : s.resolutions()) {
                String name = s.title() + " · " + r.title();
                add(rows, resolution, name, "portal.data.votesFor", r.votesFor());
                add(rows, resolution, name, "portal.data.votesAgainst", r.votesAgainst());
                add(rows, resolution, name, "portal.data.votesAbstain", r.votesAbstain());
                add(rows, resolution, name, "portal.data.base", r.base());
                rows.add(new String[] {resolution, name, text("portal.data.passed"),
                        text(r.passed() ? "portal.data.yes" : "portal.data.no")});
            }
        }
        String appraisal = text("portal.data.appraisal");
        for (Appraisal a : d.appraisals()) {
            for (AppraisalRate r : a.subjects()) {
                rows.add(new String[] {appraisal, a.title() + " · " + r.subject(), text("portal.data.rate"),
                        percent(r.rate())});
            }
        }
        String assessment = text("portal.data.assessment");
        for (Assessment a : d.assessments()) {
            for (AssessmentResult r : a.results()) {
                String name = a.name() + " · " + r.subject();
                rows.add(new String[] {assessment, name, text("portal.data.total"), r.total().toPlainString()});
                add(rows, assessment, name, "portal.data.rank", r.rank());
                if (r.tier() != null) {
                    rows.add(new String[] {assessment, name, text("portal.data.tier"), r.tier()});
                }
            }
        }
        StringBuilder out = new StringBuilder("\uFEFF");
        line(out, text("portal.data.category"), text("portal.data.name"), text("portal.data.figure"),
                text("portal.data.value"));
        for (String[] r : rows) {
            line(out, r);
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    private void add(List<String[]> rows, String category, String name, String key, long value) {
        rows.add(new String[] {category, name, text(key), String.valueOf(value)});
    }

    private static String percent(BigDecimal rate) {
        return rate.movePointRight(2).setScale(1, RoundingMode.HALF_UP).toPlainString() + "%";
    }

    private static void line(StringBuilder out, String... cells) {
        for (int i = 0; i < cells.length; i++) {
            if (i > 0) {
                out.append(',');
            }
            out.append(cell(cells[i]));
        }
        out.append("\r\n");
    }

    /** A cell quoted where it must be; a leading =, +, - or @ is defused so Excel never runs it as a formula. */
    static String cell(String v) {
        String s = v;
        if (!s.isEmpty() && "=+-@".indexOf(s.charAt(0)) >= 0 && !s.matches("-?[0-9.]+%?")) {
            s = "'" + s;
        }
        if (s.contains(",") || s.contains("\"") || s.contains("\n") || s.contains("\r")) {
            return "\"" + s.replace("\"", "\"\"") + "\"";
        }
        return s;
    }

    private String text(String key, Object... args) {
        return messages.getMessage(key, args, ZH);
    }
}
