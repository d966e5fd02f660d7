package org.renda.meeting;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import org.springframework.format.annotation.DateTimeFormat;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;
import org.renda.audit.AuditTrail;
import org.renda.deputy.DeputyLevel;
import org.renda.deputy.DeputyRegister;
import org.renda.deputy.DeputyViews.DeputyProfile;
import org.renda.deputy.MandateStatus;
import org.renda.meeting.ElectionEnums.ElectionKind;
import org.renda.meeting.ElectionEnums.ElectionStatus;
import org.renda.meeting.ElectionEnums.ElectionStep;
import org.renda.meeting.ElectionEnums.Nomination;
import org.renda.meeting.ElectionEnums.ReviewOutcome;
import org.renda.meeting.ElectionEnums.VoidReason;
import org.renda.meeting.ElectionStore.NewElection;
import org.renda.meeting.ElectionStore.NewRound;
import org.renda.meeting.ElectionStore.Row;
import org.renda.meeting.ElectionStore.StepRow;
import org.renda.meeting.ElectionStore.TallyRow;
import org.renda.meeting.ElectionViews.ByElectionFigure;
import org.renda.meeting.ElectionViews.CandidateView;
import org.renda.meeting.ElectionViews.ElectionSummary;
import org.renda.meeting.ElectionViews.ElectionView;
import org.renda.meeting.ElectionViews.ElectionFigures;
import org.renda.meeting.ElectionViews.QualificationReviewView;
import org.renda.meeting.ElectionViews.ElectionRoundView;
import org.renda.meeting.ElectionViews.ElectionSessionFigure;
import org.renda.meeting.ElectionViews.ElectionStepView;
import org.renda.org.OrgTree;
import org.renda.org.OrgView;
import org.renda.shared.CurrentActor;
import org.renda.shared.DomainException;
import org.renda.shared.Permission;
import org.renda.shared.Reach;
import org.renda.shared.SystemContext;
import org.renda.shared.Texts;
import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.validation.annotation.Validated;

/**
 * Elections (选举), kept step by step in the order the law sets ("程序一项不少、环节一个不漏、时间一步不差"): an
 * election by the congress at its session (nomination, the candidates meet the deputies, the counted vote, the
 * announcement, the constitutional oath) and the by-election of a deputy in an electoral district (the vacancy,
 * nomination, the published candidate list, the vote, the qualification review that alone adds the seat to the
 * deputy register). A step out of order is refused and nothing is saved. Reads need MEETING_READ, records
 * MEETING_WRITE, the announcement and the review MEETING_PRESIDE on the election's organisation. Only counts are
 * kept: nobody can tell from the records how a deputy or voter voted.
 */
@Validated
@Service
@Transactional
public class ElectionDesk {

    static final String AUDIT = "election";

    private final ElectionStore store;
    private final MeetingStore meetings;
    private final DeputyRegister deputies;
    private final OrgTree orgs;
    private final CurrentActor currentActor;
    private final AuditTrail audit;

    ElectionDesk(ElectionStore store, MeetingStore meetings, DeputyRegister deputies, OrgTree orgs,
            CurrentActor currentActor, AuditTrail audit) {
        this.store = store;
        this.meetings = meetings;
        this.deputies = deputies;
        this.orgs = orgs;
        this.currentActor = currentActor;
        this.audit = audit;
    }

    // ---- forms

    /**
     * A new election. At a session: the office (职务) and the sitting; a by-election: the district, the vacancy and
     * its date, the congress level and term the seat belongs to and the district's registered voters.
     */
    public record ElectionForm(long orgId, @NotNull ElectionKind kind, @NotBlank @Size(max = 200) String title,
            @Nullable Long meetingId, @Nullable @Size(max = 200) String sitting,
            @Nullable @Size(max = 100) String office, @Nullable @Size(max = 100) String district,
            @Nullable @Size(max = 500) String vacancy, @Nullable @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate vacancyOn, @Nullable DeputyLevel level,
            @Nullable @Min(1) @Max(99) Integer termNo, @Nullable @Min(1950) @Max(2100) Integer termStart,
            @Nullable @Min(1950) @Max(2100) Integer termEnd, @Min(1) @Max(50) int seats,
            @Nullable @Min(1) @Max(10_000_000) Integer registeredVoters) {}

    /** A candidate and who nominated them; {@code deputyId} names a person already in the deputy register. */
    public record CandidateForm(@NotBlank @Size(max = 50) String name,
            @Nullable @Pattern(regexp = "^$|男|女", message = "{deputy.gender.pattern}") String gender,
            @Nullable @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate birthDate, @Nullable @Size(max = 100) String occupation,
            @Nullable @Size(max = 40) String party, @NotNull Nomination nomination,
            @Nullable @Min(0) @Max(100_000) Integer nominators, @Nullable Long deputyId) {}

    /** A step recorded by hand (nomination closed, list published, the candidates met the deputies). */
    public record ElectionStepForm(@NotNull ElectionStep step, @NotNull @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate doneOn, @Nullable @Size(max = 500) String note) {}

    /** One candidate's counted votes; at a session also against and abstaining. */
    public record ElectionTallyForm(long candidateId, @NotNull @Min(0) @Max(10_000_000) Integer votesFor,
            @Nullable @Min(0) @Max(10_000_000) Integer votesAgainst,
            @Nullable @Min(0) @Max(10_000_000) Integer votesAbstain) {}

    /**
     * A counted round: entered by the tellers (计票人) and checked by the scrutineers (监票人), both named. At a
     * session the ballots issued, returned, valid and invalid; in a district the registered voters and votes cast.
     */
    public record ElectionRoundForm(@NotNull @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate heldOn, @NotBlank @Size(max = 200) String tellers,
            @NotBlank @Size(max = 200) String scrutineers, @Nullable @Min(0) @Max(10_000_000) Integer ballotsIssued,
            @Nullable @Min(0) @Max(10_000_000) Integer ballotsReturned,
            @Nullable @Min(0) @Max(10_000_000) Integer ballotsValid,
            @Nullable @Min(0) @Max(10_000_000) Integer ballotsInvalid,
            @Nullable @Min(1) @Max(10_000_000) Integer registeredVoters,
            @Nullable @Min(0) @Max(10_000_000) Integer votesCast, @NotNull List<@Valid @NotNull ElectionTallyForm> tallies) {}

    public record ElectionAnnounceForm(@NotNull @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate announcedOn, @Nullable @Size(max = 500) String note) {}

    /** The constitutional oath (宪法宣誓): when, who administered it (监誓人), where. */
    public record OathForm(@NotNull @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate swornOn, @NotBlank @Size(max = 50) String administeredBy,
            @NotBlank @Size(max = 100) String place) {}

    /** The qualification review's decision; a refusal states its reasons. */
    public record QualificationReviewForm(@NotNull ReviewOutcome outcome, @NotNull @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate reviewedOn,
            @NotBlank @Size(max = 100) String reviewedBy, @Nullable @Size(max = 1000) String reasons) {}

    /** What a counted round decided. */
    public record ElectionCounted(ElectionView election, ElectionRoundView round) {

        public boolean anyElected() {
            return round.valid() && round.tallies().stream().anyMatch(ElectionViews.ElectionTallyView::elected);
        }
    }

    /** One check of the qualification review: the record holds this piece of the procedure. */
    public record QualificationCheck(String messageKey, boolean ok) {}

    // ---- reads

    @Transactional(readOnly = true)
    public List<ElectionSummary> list(@Nullable ElectionKind kind) {
        return summaries(store.list(currentActor.reach(Permission.MEETING_READ), kind));
    }

    /** The elections held at a meeting the caller has already read (the meeting's page guards it). */
    @Transactional(readOnly = true)
    public List<ElectionSummary> atMeeting(long meetingId) {
        return summaries(store.byMeeting(meetingId));
    }

    private List<ElectionSummary> summaries(List<Row> rows) {
        List<Long> ids = rows.stream().map(Row::id).toList();
        Map<Long, List<StepRow>> steps = store.steps(ids);
        Map<Long, LocalDate> voted = store.votedOn(ids);
        Map<Long, List<String>> elected = store.electedNames(ids);
        Map<Long, String> names = orgNames(rows);
        return rows.stream().map(r -> {
            List<ElectionStepView> checklist = checklist(r, steps.getOrDefault(r.id(), List.of()));
            ElectionStep next = checklist.stream().filter(ElectionStepView::next).map(ElectionStepView::step).findFirst().orElse(null);
            return new ElectionSummary(r.id(), r.orgId(), names.getOrDefault(r.orgId(), ""), r.kind(), r.title(),
                    r.sitting(), r.office(), r.district(), r.status(), next,
                    (int) checklist.stream().filter(ElectionStepView::done).count(), checklist.size(), voted.get(r.id()),
                    String.join("、", elected.getOrDefault(r.id(), List.of())));
        }).toList();
    }

    @Transactional(readOnly = true)
    public ElectionView get(long id) {
        return view(readable(id));
    }

    @Transactional(readOnly = true)
    public boolean canWrite(long id) {
        return store.byId(id).map(r -> currentActor.require().can(Permission.MEETING_WRITE, r.orgId())).orElse(false);
    }

    @Transactional(readOnly = true)
    public boolean canPreside(long id) {
        return store.byId(id).map(r -> currentActor.require().can(Permission.MEETING_PRESIDE, r.orgId())).orElse(false);
    }

    /** The organisations the actor may hold elections in: congresses (towns, counties and above). */
    @Transactional(readOnly = true)
    public List<OrgView> electionOrgs() {
        return orgs.within(currentActor.reach(Permission.MEETING_WRITE)).stream().filter(OrgView::active)
                .filter(o -> hasCongress(o.type())).toList();
    }

    /** What the qualification review checks on the record, each piece with whether it is there. */
    @Transactional(readOnly = true)
    public List<QualificationCheck> reviewChecks(long id) {
        return checks(view(readable(id)));
    }

    // ---- changes

    public ElectionView create(@Valid ElectionForm form) {
        currentActor.require().require(Permission.MEETING_WRITE, form.orgId());
        OrgView org = orgs.find(form.orgId()).filter(OrgView::active)
                .orElseThrow(() -> new org.renda.shared.NotFoundException("error.notFound"));
        if (!hasCongress(org.type())) {
            throw DomainException.onField("orgId", "election.error.noCongress");
        }
        if (form.meetingId() != null) {
            // an election is held at a session of the same congress; another town's meeting is as good as none
            MeetingStore.Row meeting = meetings.byId(form.meetingId()).filter(m -> m.orgId() == org.id())
                    .orElseThrow(() -> DomainException.onField("meetingId", "election.error.meeting"));
            if (meeting.kind() != MeetingEnums.MeetingKind.SESSION) {
                throw DomainException.onField("meetingId", "election.error.meeting");
            }
        }
        boolean by = form.kind() == ElectionKind.BY_ELECTION;
        if (by) {
            require(form.district(), "district");
            require(form.vacancy(), "vacancy");
            require(form.vacancyOn(), "vacancyOn");
            require(form.level(), "level");
            require(form.termNo(), "termNo");
            require(form.termStart(), "termStart");
            require(form.termEnd(), "termEnd");
            require(form.registeredVoters(), "registeredVoters");
            if (form.termEnd() < form.termStart()) {
                throw DomainException.onField("termEnd", "deputy.error.termYears");
            }
            notFuture(form.vacancyOn(), "vacancyOn");
        } else {
            require(form.office(), "office");
            require(form.sitting(), "sitting");
        }
        NewElection e = new NewElection(form.kind(), form.title().strip(), form.meetingId(),
                Texts.blankToNull(form.sitting()), by ? null : Texts.blankToNull(form.office()),
                by ? Texts.blankToNull(form.district()) : null, by ? Texts.blankToNull(form.vacancy()) : null,
                by ? form.level().name() : null, by ? form.termNo() : null, by ? form.termStart() : null,
                by ? form.termEnd() : null, form.seats(), by ? form.registeredVoters() : null);
        long id = store.insert(org.id(), e, currentActor.auditName());
        if (by) {
            store.insertStep(id, org.id(), ElectionStep.VACANCY, form.vacancyOn(), Texts.blankToNull(form.vacancy()),
                    currentActor.auditName());
        }
        ElectionView created = view(store.byId(id).orElseThrow());
        audit.record(org.id(), AUDIT, id, "CREATED", null, snapshot(created));
        return created;
    }

    public ElectionView addCandidate(long id, @Valid CandidateForm form) {
        Row e = writable(id);
        List<StepRow> done = store.steps(id);
        if (isDone(done, ElectionStep.NOMINATED)) {
            throw new DomainException("election.error.nominationClosed");
        }
        if (!e.kind().nominations().contains(form.nomination())) {
            throw DomainException.onField("nomination", "election.error.nominationKind");
        }
        if (form.nomination().joint()
                && (form.nominators() == null || form.nominators() < Nomination.JOINT_MINIMUM)) {
            throw DomainException.onField("nominators", "election.error.jointMinimum", Nomination.JOINT_MINIMUM);
        }
        if (form.deputyId() != null) {
            deputies.profile(form.deputyId()); // 404 unless the deputy is within the actor's reach
        }
        long cid = store.insertCandidate(id, e.orgId(), form.name().strip(), Texts.blankToNull(form.gender()),
                form.birthDate(), Texts.blankToNull(form.occupation()), Texts.blankToNull(form.party()),
                form.nomination(), form.nomination().joint() ? form.nominators() : null, form.deputyId());
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("candidateId", cid);
        after.put("name", form.name().strip());
        after.put("nomination", form.nomination().name());
        after.put("nominators", form.nominators() == null ? "" : form.nominators());
        audit.record(e.orgId(), AUDIT, id, "CANDIDATE_ADDED", null, after);
        return view(e);
    }

    public ElectionView recordStep(long id, @Valid ElectionStepForm form) {
        Row e = writable(id);
        if (!form.step().manual()) {
            throw DomainException.onField("step", "election.error.stepNotManual", resolvable(form.step()));
        }
        List<StepRow> done = store.steps(id);
        requireNext(e, done, form.step(), form.doneOn(), "doneOn");
        if (form.step() == ElectionStep.NOMINATED && store.candidates(id).size() < e.seats()) {
            throw new DomainException("election.error.tooFewCandidates", e.seats());
        }
        store.insertStep(id, e.orgId(), form.step(), form.doneOn(), Texts.blankToNull(form.note()),
                currentActor.auditName());
        audit.record(e.orgId(), AUDIT, id, "STEP_RECORDED", null,
                Map.of("step", form.step().name(), "on", form.doneOn().toString()));
        return view(e);
    }

    /**
     * Enters a counted round. A round whose figures cannot be true is refused and nothing is saved (valid and
     * invalid ballots that do not add up to those returned, more votes than ballots). A round that the law voids
     * is kept as void with its reason and elects nobody: more ballots returned than issued, or half of the
     * registered voters or fewer voting. Elected at a session: more than half of ALL deputies of the congress in
     * office (the deputy register's count), not of those present; in a district: more than half of the votes cast.
     * Where more reach that than there are seats, the most votes win; a tie at the last seat elects neither.
     */
    public ElectionCounted recordRound(long id, @Valid ElectionRoundForm form) {
        Row e = writable(id);
        List<StepRow> done = store.steps(id);
        requireNext(e, done, ElectionStep.VOTED, form.heldOn(), "heldOn");
        List<CandidateView> candidates = store.candidates(id);
        Map<Long, ElectionDesk.ElectionTallyForm> byCandidate = new LinkedHashMap<>();
        for (ElectionTallyForm t : form.tallies()) {
            if (candidates.stream().noneMatch(c -> c.id() == t.candidateId()) || byCandidate.put(t.candidateId(), t) != null) {
                throw new DomainException("election.error.tallyCandidates");
            }
        }
        if (byCandidate.size() != candidates.size()) {
            throw new DomainException("election.error.tallyCandidates");
        }
        int roundNo = store.rounds(id).size() + 1;
        boolean valid = true;
        VoidReason voidReason = null;
        int base;
        NewRound round;
        if (e.kind() == ElectionKind.CONGRESS) {
            int issued = required(form.ballotsIssued(), "ballotsIssued");
            int returned = required(form.ballotsReturned(), "ballotsReturned");
            int good = required(form.ballotsValid(), "ballotsValid");
            int bad = required(form.ballotsInvalid(), "ballotsInvalid");
            int inOffice = deputies.inOfficeCount(e.orgId());
            if (inOffice == 0) {
                throw new DomainException("election.error.noDeputies");
            }
            if (issued > inOffice) {
                throw DomainException.onField("ballotsIssued", "election.error.issuedOverDeputies", inOffice);
            }
            if (returned > issued) {
                valid = false;
                voidReason = VoidReason.RETURNED_OVER_ISSUED;
            } else if (good + bad != returned) {
                throw DomainException.onField("ballotsValid", "election.error.ballotsSum", returned);
            }
            for (ElectionTallyForm t : byCandidate.values()) {
                int sum = t.votesFor() + nz(t.votesAgainst()) + nz(t.votesAbstain());
                if (valid && sum > good) {
                    throw new DomainException("election.error.tallyOverValid", nameOf(candidates, t.candidateId()), good);
                }
            }
            base = inOffice;
            round = new NewRound(roundNo, form.heldOn(), issued, returned, good, bad, inOffice, null, null, valid,
                    voidReason, form.tellers().strip(), form.scrutineers().strip());
        } else {
            int registered = form.registeredVoters() != null ? form.registeredVoters()
                    : e.registeredVoters() == null ? 0 : e.registeredVoters();
            int cast = required(form.votesCast(), "votesCast");
            if (registered <= 0) {
                throw DomainException.onField("registeredVoters", "election.error.required");
            }
            if (cast > registered) {
                throw DomainException.onField("votesCast", "election.error.castOverRegistered", registered);
            }
            if (cast * 2L <= registered) {
                valid = false;
                voidReason = VoidReason.TURNOUT;
            }
            long sum = byCandidate.values().stream().mapToLong(ElectionTallyForm::votesFor).sum();
            if (sum > (long) cast * e.seats()) {
                throw new DomainException("election.error.votesOverCast", cast);
            }
            base = cast;
            round = new NewRound(roundNo, form.heldOn(), null, null, null, null, null, registered, cast, valid,
                    voidReason, form.tellers().strip(), form.scrutineers().strip());
        }
        Set<Long> elected = valid ? winners(byCandidate.values(), base, e.seats()) : Set.of();
        long roundId = store.insertRound(id, e.orgId(), round, currentActor.auditName());
        for (ElectionTallyForm t : byCandidate.values()) {
            store.insertTally(roundId, e.orgId(), new TallyRow(roundId, t.candidateId(), t.votesFor(),
                    e.kind() == ElectionKind.CONGRESS ? t.votesAgainst() : null,
                    e.kind() == ElectionKind.CONGRESS ? t.votesAbstain() : null, elected.contains(t.candidateId())));
        }
        elected.forEach(store::markElected);
        if (!elected.isEmpty()) {
            store.insertStep(id, e.orgId(), ElectionStep.VOTED, form.heldOn(), null, currentActor.auditName());
        }
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("round", roundNo);
        after.put("heldOn", form.heldOn().toString());
        after.put("valid", valid);
        after.put("voidReason", voidReason == null ? "" : voidReason.name());
        after.put("elected", elected.stream().map(c -> nameOf(candidates, c)).toList());
        audit.record(e.orgId(), AUDIT, id, "ROUND_COUNTED", null, after);
        ElectionView view = view(e);
        ElectionRoundView saved = view.rounds().stream().filter(r -> r.id() == roundId).findFirst().orElseThrow();
        return new ElectionCounted(view, saved);
    }

    /** The presiding officer announces the result of a session's election (宣布选举结果). */
    public ElectionView announce(long id, @Valid ElectionAnnounceForm form) {
        Row e = presidable(id);
        if (e.kind() != ElectionKind.CONGRESS) {
            throw new DomainException("election.error.stepKind", resolvable(ElectionStep.ANNOUNCED));
        }
        requireNext(e, store.steps(id), ElectionStep.ANNOUNCED, form.announcedOn(), "announcedOn");
        store.insertStep(id, e.orgId(), ElectionStep.ANNOUNCED, form.announcedOn(), Texts.blankToNull(form.note()),
                currentActor.auditName());
        audit.record(e.orgId(), AUDIT, id, "RESULT_ANNOUNCED", null, Map.of("on", form.announcedOn().toString()));
        return view(e);
    }

    /** Records an elected person's constitutional oath; once all have sworn, the election is done. */
    public ElectionView recordOath(long id, long candidateId, @Valid OathForm form) {
        Row e = writable(id);
        CandidateView c = store.candidate(id, candidateId)
                .orElseThrow(() -> new org.renda.shared.NotFoundException("error.notFound"));
        if (e.kind() != ElectionKind.CONGRESS) {
            throw new DomainException("election.error.stepKind", resolvable(ElectionStep.SWORN));
        }
        List<StepRow> done = store.steps(id);
        requireNext(e, done, ElectionStep.SWORN, form.swornOn(), "swornOn");
        if (!c.elected()) {
            throw new DomainException("election.error.notElected", c.name());
        }
        if (c.oathOn() != null) {
            throw new DomainException("election.error.alreadySworn", c.name());
        }
        store.setOath(candidateId, form.swornOn(), form.administeredBy().strip(), form.place().strip());
        audit.record(e.orgId(), AUDIT, id, "OATH_TAKEN", null, Map.of("candidate", c.name(), "on",
                form.swornOn().toString(), "administeredBy", form.administeredBy().strip(), "place", form.place().strip()));
        List<CandidateView> elected = store.candidates(id).stream().filter(CandidateView::elected).toList();
        if (elected.stream().allMatch(x -> x.oathOn() != null)) {
            LocalDate last = elected.stream().map(CandidateView::oathOn).max(Comparator.naturalOrder()).orElseThrow();
            store.insertStep(id, e.orgId(), ElectionStep.SWORN, last, null, currentActor.auditName());
            store.setStatus(id, ElectionStatus.DONE);
        }
        return view(e);
    }

    /**
     * The qualification review of a by-elected deputy (代表资格审查) by the presidium or its committee. Confirmed, and
     * only then, each person elected gets a new seat in the deputy register through its public API: status 补选, from
     * the review date, in the election's congress, term and district (a new file, or a seat added to the file named
     * at nomination). The presidium's confirmation is the act that creates the seat, so the register is written as
     * the system (the presiding officer need not keep the register); this entry names who confirmed. Refused, the
     * reasons are kept and nothing is added.
     */
    public ElectionView review(long id, @Valid QualificationReviewForm form) {
        Row e = presidable(id);
        if (e.kind() != ElectionKind.BY_ELECTION) {
            throw new DomainException("election.error.stepKind", resolvable(ElectionStep.REVIEWED));
        }
        requireNext(e, store.steps(id), ElectionStep.REVIEWED, form.reviewedOn(), "reviewedOn");
        String reasons = Texts.blankToNull(form.reasons());
        if (form.outcome() == ReviewOutcome.REFUSED && reasons == null) {
            throw DomainException.onField("reasons", "election.error.reasonsRequired");
        }
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("outcome", form.outcome().name());
        after.put("on", form.reviewedOn().toString());
        after.put("by", form.reviewedBy().strip());
        after.put("reasons", reasons == null ? "" : reasons);
        if (form.outcome() == ReviewOutcome.CONFIRMED) {
            ElectionView v = view(e);
            if (checks(v).stream().anyMatch(c -> !c.ok())) {
                throw new DomainException("election.error.recordIncomplete");
            }
            List<Long> seats = new ArrayList<>();
            for (CandidateView c : v.elected()) {
                long deputyId = addSeat(e, c, form.reviewedOn());
                store.setSeatDeputy(c.id(), deputyId);
                seats.add(deputyId);
            }
            after.put("deputies", seats);
        }
        store.setReview(id, form.outcome(), form.reviewedOn(), form.reviewedBy().strip(), reasons);
        store.insertStep(id, e.orgId(), ElectionStep.REVIEWED, form.reviewedOn(), reasons, currentActor.auditName());
        store.setStatus(id, form.outcome() == ReviewOutcome.CONFIRMED ? ElectionStatus.DONE : ElectionStatus.REFUSED);
        audit.record(e.orgId(), AUDIT, id,
                form.outcome() == ReviewOutcome.CONFIRMED ? "QUALIFICATION_CONFIRMED" : "QUALIFICATION_REFUSED",
                null, after);
        return view(e);
    }

    // ---- figures and export

    /**
     * By-elections per organisation since the term that began in {@code termStart} (the latest term on record when
     * null), with their sum; and the elections held at each session of a congress.
     */
    @Transactional(readOnly = true)
    public ElectionFigures figures(@Nullable Integer termStart) {
        Reach reach = currentActor.reach(Permission.MEETING_READ);
        List<Row> by = store.list(reach, ElectionKind.BY_ELECTION);
        int term = termStart != null ? termStart : by.stream().map(Row::termStart).filter(t -> t != null)
                .max(Comparator.naturalOrder()).orElse(LocalDate.now().getYear());
        List<Row> inTerm = by.stream().filter(r -> r.termStart() != null && r.termStart() == term).toList();
        Map<Long, String> names = orgNames(inTerm);
        Map<Long, int[]> counts = store.electedAndSworn(inTerm.stream().map(Row::id).toList());
        Map<Long, int[]> perOrg = new TreeMap<>();
        for (Row r : inTerm) {
            int[] f = perOrg.computeIfAbsent(r.orgId(), k -> new int[5]);
            f[0]++;
            if (r.reviewOutcome() == ReviewOutcome.CONFIRMED) {
                f[1]++;
            } else if (r.reviewOutcome() == ReviewOutcome.REFUSED) {
                f[2]++;
            } else {
                f[3]++;
            }
            f[4] += counts.getOrDefault(r.id(), new int[3])[2];
        }
        List<ByElectionFigure> rows = perOrg.entrySet().stream()
                .map(x -> new ByElectionFigure(x.getKey(), names.getOrDefault(x.getKey(), ""), x.getValue()[0],
                        x.getValue()[1], x.getValue()[2], x.getValue()[3], x.getValue()[4]))
                .sorted(Comparator.comparing(ByElectionFigure::orgName)).toList();
        ByElectionFigure total = new ByElectionFigure(0, "", rows.stream().mapToInt(ByElectionFigure::held).sum(),
                rows.stream().mapToInt(ByElectionFigure::confirmed).sum(),
                rows.stream().mapToInt(ByElectionFigure::refused).sum(), rows.stream().mapToInt(ByElectionFigure::open).sum(),
                rows.stream().mapToInt(ByElectionFigure::seatsAdded).sum());
        List<Row> congress = store.list(reach, ElectionKind.CONGRESS);
        Map<Long, String> congressNames = orgNames(congress);
        Map<Long, int[]> elected = store.electedAndSworn(congress.stream().map(Row::id).toList());
        Map<List<String>, int[]> sessions = new TreeMap<>(Comparator.comparing((List<String> k) -> k.get(0))
                .thenComparing(k -> k.get(1)));
        for (Row r : congress) {
            int[] f = sessions.computeIfAbsent(List.of(congressNames.getOrDefault(r.orgId(), ""),
                    r.sitting() == null ? "" : r.sitting()), k -> new int[3]);
            int[] c = elected.getOrDefault(r.id(), new int[3]);
            f[0]++;
            f[1] += c[0];
            f[2] += c[1];
        }
        List<ElectionSessionFigure> perSession = sessions.entrySet().stream().map(x -> new ElectionSessionFigure(x.getKey().get(0),
                x.getKey().get(1), x.getValue()[0], x.getValue()[1], x.getValue()[2])).toList();
        return new ElectionFigures(term, rows, total, perSession);
    }

    // ---- internals

    private long addSeat(Row e, CandidateView c, LocalDate on) {
        DeputyRegister.SeatForm seat = new DeputyRegister.SeatForm(e.orgId(), DeputyLevel.valueOf(e.level()),
                e.termNo(), e.termStart(), e.termEnd(), e.district(), null, null, null, MandateStatus.BY_ELECTED, on,
                clip(e.title() + "：代表资格审查确认", 200));
        return SystemContext.call(() -> {
            DeputyProfile p = c.deputyId() != null ? deputies.addSeat(c.deputyId(), seat)
                    : deputies.register(new DeputyRegister.NewDeputy(e.orgId(), new DeputyRegister.PersonForm(c.name(),
                            c.gender(), c.birthDate(), null, c.party(), null, c.occupation(), null, null, null, null),
                            seat));
            return p.id();
        });
    }

    /** The pieces of the record a confirmation needs (the review "checks the procedure's record is complete"). */
    private List<QualificationCheck> checks(ElectionView v) {
        List<QualificationCheck> out = new ArrayList<>();
        out.add(new QualificationCheck("election.check.vacancy", v.isDone(ElectionStep.VACANCY) && v.district() != null));
        out.add(new QualificationCheck("election.check.nomination", !v.candidates().isEmpty() && v.isDone(ElectionStep.NOMINATED)
                && v.candidates().stream().allMatch(c -> !c.nomination().joint()
                        || c.nominators() != null && c.nominators() >= Nomination.JOINT_MINIMUM)));
        out.add(new QualificationCheck("election.check.published", v.isDone(ElectionStep.PUBLISHED)));
        ElectionRoundView last = v.rounds().stream().filter(ElectionRoundView::valid).reduce((a, b) -> b).orElse(null);
        out.add(new QualificationCheck("election.check.figures", last != null && last.registeredVoters() != null
                && last.votesCast() != null && last.tallies().size() == v.candidates().size()));
        out.add(new QualificationCheck("election.check.elected", v.isDone(ElectionStep.VOTED) && !v.elected().isEmpty()));
        return out;
    }

    /** The candidates with more than half of {@code base}, the most votes first, at most {@code seats}. */
    static Set<Long> winners(java.util.Collection<ElectionTallyForm> tallies, int base, int seats) {
        List<ElectionTallyForm> over = tallies.stream().filter(t -> t.votesFor() * 2L > base)
                .sorted(Comparator.comparing(ElectionTallyForm::votesFor).reversed()).toList();
        Set<Long> out = new HashSet<>();
        if (over.size() <= seats) {
            over.forEach(t -> out.add(t.candidateId()));
            return out;
        }
        int cut = over.get(seats - 1).votesFor();
        boolean tieAtCut = over.get(seats).votesFor() == cut;
        over.stream().filter(t -> tieAtCut ? t.votesFor() > cut : t.votesFor() >= cut).limit(seats)
                .forEach(t -> out.add(t.candidateId()));
        return out;
    }

    /** The step must be the first one not yet taken, on a date not before the last step's and not in the future. */
    private void requireNext(Row e, List<StepRow> done, ElectionStep step, LocalDate on, String dateField) {
        if (!e.kind().steps().contains(step)) {
            throw new DomainException("election.error.stepKind", resolvable(step));
        }
        if (e.status() != ElectionStatus.OPEN) {
            throw new DomainException("election.error.finished");
        }
        ElectionStep next = e.kind().steps().stream().filter(s -> !isDone(done, s)).findFirst().orElse(null);
        if (next == null) {
            throw new DomainException("election.error.finished");
        }
        if (next != step) {
            throw new DomainException("election.error.stepOrder", resolvable(step), resolvable(next));
        }
        LocalDate last = done.stream().map(StepRow::doneOn).max(Comparator.naturalOrder()).orElse(null);
        if (last != null && on.isBefore(last)) {
            throw DomainException.onField(dateField, "election.error.stepDate", last.toString());
        }
        notFuture(on, dateField);
    }

    private static void notFuture(LocalDate on, String field) {
        if (on.isAfter(LocalDate.now())) {
            throw DomainException.onField(field, "election.error.future");
        }
    }

    private static boolean isDone(List<StepRow> done, ElectionStep step) {
        return done.stream().anyMatch(s -> s.step() == step);
    }

    private static DefaultMessageSourceResolvable resolvable(ElectionStep step) {
        return new DefaultMessageSourceResolvable(new String[] {step.messageKey()}, step.name());
    }

    private static void require(@Nullable Object value, String field) {
        if (value == null || value instanceof String s && s.isBlank()) {
            throw DomainException.onField(field, "election.error.required");
        }
    }

    private static int required(@Nullable Integer value, String field) {
        require(value, field);
        return value;
    }

    /** People's congresses sit at towns, counties and above (streets and villages have none). */
    static boolean hasCongress(org.renda.org.OrgType type) {
        return type == org.renda.org.OrgType.TOWN || type == org.renda.org.OrgType.COUNTY
                || type == org.renda.org.OrgType.CITY || type == org.renda.org.OrgType.PROVINCE;
    }

    private static String clip(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max);
    }

    private static int nz(@Nullable Integer v) {
        return v == null ? 0 : v;
    }

    private static String nameOf(List<CandidateView> candidates, long id) {
        return candidates.stream().filter(c -> c.id() == id).map(CandidateView::name).findFirst().orElse("");
    }

    private Row readable(long id) {
        return currentActor.reach(Permission.MEETING_READ).guard(store.byId(id), Row::orgId);
    }

    private Row writable(long id) {
        return currentActor.reach(Permission.MEETING_WRITE).guard(store.byId(id), Row::orgId);
    }

    private Row presidable(long id) {
        return currentActor.reach(Permission.MEETING_PRESIDE).guard(store.byId(id), Row::orgId);
    }

    private Map<Long, String> orgNames(List<Row> rows) {
        Map<Long, String> names = new HashMap<>();
        orgs.findAll(rows.stream().map(Row::orgId).distinct().toList()).forEach(o -> names.put(o.id(), o.name()));
        return names;
    }

    private List<ElectionStepView> checklist(Row r, List<StepRow> done) {
        List<ElectionStepView> out = new ArrayList<>();
        boolean nextFound = r.status() != ElectionStatus.OPEN;
        for (ElectionStep s : r.kind().steps()) {
            StepRow d = done.stream().filter(x -> x.step() == s).findFirst().orElse(null);
            boolean next = d == null && !nextFound;
            if (next) {
                nextFound = true;
            }
            out.add(new ElectionStepView(s, d == null ? null : d.doneOn(), d == null ? null : d.note(),
                    d == null ? null : d.recordedBy(), next));
        }
        return out;
    }

    private ElectionView view(Row stale) {
        Row r = store.byId(stale.id()).orElseThrow();
        List<ElectionRoundView> rounds = store.rounds(r.id()).stream().map(x -> new ElectionRoundView(x.id(), x.data().roundNo(),
                x.data().heldOn(), x.data().ballotsIssued(), x.data().ballotsReturned(), x.data().ballotsValid(),
                x.data().ballotsInvalid(), x.data().deputiesInOffice(), x.data().registeredVoters(),
                x.data().votesCast(), x.data().valid(), x.data().voidReason(), x.data().tellers(),
                x.data().scrutineers(), x.recordedBy(), store.tallies(x.id()))).toList();
        QualificationReviewView review = r.reviewOutcome() == null ? null : new QualificationReviewView(r.reviewOutcome(), r.reviewOn(),
                r.reviewBy() == null ? "" : r.reviewBy(), r.reviewReasons());
        return new ElectionView(r.id(), r.orgId(), orgs.find(r.orgId()).map(OrgView::name).orElse(""), r.kind(),
                r.title(), r.meetingId(), r.sitting(), r.office(), r.district(), r.vacancy(), r.level(), r.termNo(),
                r.termStart(), r.termEnd(), r.seats(), r.registeredVoters(), r.status(), checklist(r, store.steps(r.id())),
                store.candidates(r.id()), rounds, review, r.createdBy());
    }

    private static Map<String, Object> snapshot(ElectionView v) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("kind", v.kind().name());
        m.put("title", v.title());
        m.put("sitting", v.sitting() == null ? "" : v.sitting());
        m.put("office", v.office() == null ? "" : v.office());
        m.put("district", v.district() == null ? "" : v.district());
        m.put("seats", v.seats());
        m.put("meetingId", v.meetingId() == null ? "" : v.meetingId());
        return m;
    }
}
