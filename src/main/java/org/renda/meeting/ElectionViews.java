package org.renda.meeting;

import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.renda.meeting.ElectionEnums.ElectionKind;
import org.renda.meeting.ElectionEnums.ElectionStatus;
import org.renda.meeting.ElectionEnums.ElectionStep;
import org.renda.meeting.ElectionEnums.Nomination;
import org.renda.meeting.ElectionEnums.ReviewOutcome;
import org.renda.meeting.ElectionEnums.VoidReason;

/** What the election pages, the API and the export show. Counts only: no ballot names a voter. */
public final class ElectionViews {

    private ElectionViews() {}

    /** A line of the election list. */
    public record ElectionSummary(long id, long orgId, String orgName, ElectionKind kind, String title,
            @Nullable String sitting, @Nullable String office, @Nullable String district, ElectionStatus status,
            @Nullable ElectionStep nextStep, int stepsDone, int stepsTotal, @Nullable LocalDate votedOn,
            String elected) {}

    /** One step of the checklist: done with its date, or the next one due, or still ahead. */
    public record ElectionStepView(ElectionStep step, @Nullable LocalDate doneOn, @Nullable String note,
            @Nullable String recordedBy, boolean next) {

        public boolean done() {
            return doneOn != null;
        }
    }

    public record CandidateView(long id, String name, @Nullable String gender, @Nullable LocalDate birthDate,
            @Nullable String occupation, @Nullable String party, Nomination nomination, @Nullable Integer nominators,
            @Nullable Long deputyId, boolean elected, @Nullable LocalDate oathOn, @Nullable String oathBy,
            @Nullable String oathPlace, @Nullable Long seatDeputyId) {}

    public record ElectionTallyView(long candidateId, String candidateName, int votesFor, @Nullable Integer votesAgainst,
            @Nullable Integer votesAbstain, boolean elected) {}

    /** A counted round: its figures, whether it counted, and each candidate's votes. */
    public record ElectionRoundView(long id, int roundNo, LocalDate heldOn, @Nullable Integer ballotsIssued,
            @Nullable Integer ballotsReturned, @Nullable Integer ballotsValid, @Nullable Integer ballotsInvalid,
            @Nullable Integer deputiesInOffice, @Nullable Integer registeredVoters, @Nullable Integer votesCast,
            boolean valid, @Nullable VoidReason voidReason, String tellers, String scrutineers, String recordedBy,
            List<ElectionTallyView> tallies) {

        /** The votes a candidate needs, more than half of this figure (all deputies in office, or votes cast). */
        public int needMoreThan() {
            Integer base = deputiesInOffice != null ? deputiesInOffice : votesCast;
            return base == null ? 0 : base / 2;
        }
    }

    /** The qualification review, once decided. */
    public record QualificationReviewView(ReviewOutcome outcome, LocalDate reviewedOn, String reviewedBy, @Nullable String reasons) {}

    /** An election with its whole record. */
    public record ElectionView(long id, long orgId, String orgName, ElectionKind kind, String title,
            @Nullable Long meetingId, @Nullable String sitting, @Nullable String office, @Nullable String district,
            @Nullable String vacancy, @Nullable String level, @Nullable Integer termNo, @Nullable Integer termStart,
            @Nullable Integer termEnd, int seats, @Nullable Integer registeredVoters, ElectionStatus status,
            List<ElectionStepView> steps, List<CandidateView> candidates, List<ElectionRoundView> rounds,
            @Nullable QualificationReviewView review, String createdBy) {

        public @Nullable ElectionStep nextStep() {
            return steps.stream().filter(ElectionStepView::next).map(ElectionStepView::step).findFirst().orElse(null);
        }

        public boolean isDone(ElectionStep step) {
            return steps.stream().anyMatch(s -> s.step() == step && s.done());
        }

        public List<CandidateView> elected() {
            return candidates.stream().filter(CandidateView::elected).toList();
        }
    }

    /** By-elections of one organisation since its term began (seed 001: 31 by-elected town deputies). */
    public record ByElectionFigure(long orgId, String orgName, int held, int confirmed, int refused, int open,
            int seatsAdded) {}

    /** Elections at one session of a congress. */
    public record ElectionSessionFigure(String orgName, String sitting, int elections, int elected, int sworn) {}

    /** The figures page: by-elections per organisation with their sum, elections per session. */
    public record ElectionFigures(int termStart, List<ByElectionFigure> byElections, ByElectionFigure total,
            List<ElectionSessionFigure> sessions) {}
}
