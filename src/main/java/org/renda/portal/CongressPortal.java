package org.renda.portal;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.renda.appraisal.VoteDesk;
import org.renda.appraisal.VoteViews.VoteSummary;
import org.renda.assessment.PublicAssessmentResults;
import org.renda.assessment.PublicAssessmentResults.PublicPeriod;
import org.renda.assessment.PublicAssessmentResults.PublicPeriodResults;
import org.renda.casework.PublicCaseFigures;
import org.renda.casework.PublicCaseFigures.OpinionFigures;
import org.renda.deputy.PublicDeputyRoll;
import org.renda.deputy.PublicDeputyRoll.Roll;
import org.renda.meeting.PublicMeetings;
import org.renda.meeting.PublicMeetings.PublicSession;
import org.renda.org.OrgView;
import org.renda.station.PublicStationBoard;
import org.renda.station.PublicStationBoard.PublicReceptionDay;
import org.renda.station.PublicStationBoard.PublicStationLine;
import org.renda.supervision.PublicSupervision;
import org.renda.supervision.PublicSupervision.PublicTopic;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * One congress's public site, assembled from the modules' public facades: its figures, deputies, stations and
 * reception days, opinions, supervision topics, sessions and resolutions, published appraisal and assessment
 * results. Everything here is already public somewhere; the portal only gathers and counts it.
 */
@Service
@Transactional(readOnly = true)
public class CongressPortal {

    /**
     * The year's figures of a congress. Deputies, supervision, sessions and results are the congress's own; stations,
     * reception and opinions count everything under its organisation (a county's include its towns').
     */
    public record Figures(int year, int deputies, int dutiesThisYear, int stations, int receptionsThisYear,
            int votersThisYear, long opinionsReceived, long opinionsClosed, int topics, int supervisionActivities,
            int findingsFound, int findingsRectified, int sessionsHeld, int resolutionsAnnounced,
            int appraisalsPublished, int assessmentsPublished) {}

    /** A published satisfaction vote (工作评议), opened at {@code /public/appraisals/{publicCode}}. */
    public record PublishedAppraisal(String title, String publicCode, @Nullable LocalDate closedOn) {}

    /** An upcoming reception day with its station, for the congress's schedule. */
    public record ScheduleEntry(String stationCode, String stationName, PublicReceptionDay day) {}

    /** Everything the congress's home shows. */
    public record Site(Congresses.Congress congress, Figures figures, Roll deputies, List<PublicStationLine> stations,
            List<ScheduleEntry> schedule, OpinionFigures opinions, List<PublicTopic> topics,
            List<PublicSession> sessions, List<PublishedAppraisal> appraisals, List<PublicPeriod> assessments,
            Instant computedAt) {}

    private final Congresses congresses;
    private final PublicDeputyRoll deputies;
    private final PublicStationBoard stations;
    private final PublicCaseFigures cases;
    private final PublicSupervision supervision;
    private final PublicMeetings meetings;
    private final VoteDesk votes;
    private final PublicAssessmentResults assessments;

    CongressPortal(Congresses congresses, PublicDeputyRoll deputies, PublicStationBoard stations,
            PublicCaseFigures cases, PublicSupervision supervision, PublicMeetings meetings, VoteDesk votes,
            PublicAssessmentResults assessments) {
        this.congresses = congresses;
        this.deputies = deputies;
        this.stations = stations;
        this.cases = cases;
        this.supervision = supervision;
        this.meetings = meetings;
        this.votes = votes;
        this.assessments = assessments;
    }

    /** The congress of the code with a site, or nothing (the pages answer 404). */
    public Optional<OrgView> congress(String code) {
        return congresses.find(code);
    }

    /** The whole site of a congress as of {@code today}. */
    public Site site(OrgView org, LocalDate today) {
        int year = today.getYear();
        Roll roll = deputies.ofCongress(org.id(), today);
        List<PublicStationLine> lines = stations.ofCongress(org.id(), today);
        OpinionFigures opinions = cases.ofCongress(org.id(), year);
        List<PublicTopic> topics = supervision.ofCongress(org.id(), year);
        List<PublicSession> sessions = meetings.ofCongress(org.id());
        List<PublishedAppraisal> appraisals = appraisals(org.id());
        List<PublicPeriod> periods = assessments.ofCongress(org.id());
        List<ScheduleEntry> schedule = lines.stream()
                .flatMap(s -> s.upcoming().stream().map(d -> new ScheduleEntry(s.code(), s.name(), d)))
                .sorted(Comparator.comparing((ScheduleEntry e) -> e.day().heldOn())
                        .thenComparing(e -> e.day().startsAt()))
                .toList();
        Figures figures = new Figures(year, roll.deputies().size(), roll.yearDuties(), lines.size(),
                lines.stream().mapToInt(PublicStationLine::receptions).sum(),
                lines.stream().mapToInt(PublicStationLine::voters).sum(), opinions.received(), opinions.closed(),
                topics.size(), topics.stream().mapToInt(PublicTopic::held).sum(),
                topics.stream().mapToInt(PublicTopic::found).sum(), topics.stream().mapToInt(PublicTopic::rectified).sum(),
                sessions.size(), sessions.stream().mapToInt(s -> s.resolutions().size()).sum(), appraisals.size(),
                periods.size());
        return new Site(new Congresses.Congress(org.code(), org.name(), org.type()), figures, roll, lines, schedule, opinions,
                topics, sessions, appraisals, periods, Instant.now());
    }

    /** A period's public ranking, when the congress put it on the portal. */
    public Optional<PublicPeriodResults> assessment(OrgView org, long periodId) {
        return assessments.results(org.id(), periodId);
    }

    /** The satisfaction rate of every subject of a published vote, for the open data. */
    public List<AppraisalRate> appraisalRates(PublishedAppraisal a) {
        var results = votes.publicResults(a.publicCode()).results();
        if (results == null) {
            return List.of();
        }
        return results.rows().stream().map(r -> new AppraisalRate(r.title(), r.valid(), r.satisfied(), r.rate(),
                r.rankNo())).toList();
    }

    /** One subject's result in a published vote. */
    public record AppraisalRate(String subject, int valid, int satisfied, BigDecimal rate, int rank) {}

    private List<PublishedAppraisal> appraisals(long orgId) {
        ZoneId zone = ZoneId.systemDefault();
        return votes.publishedVotes().stream().filter(v -> v.orgId() == orgId)
                .map(v -> new PublishedAppraisal(v.title(), v.publicCode(), closedOn(v, zone))).toList();
    }

    private static @Nullable LocalDate closedOn(VoteSummary v, ZoneId zone) {
        return v.closedAt() == null ? null : v.closedAt().atZone(zone).toLocalDate();
    }
}
