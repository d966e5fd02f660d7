package org.renda.appraisal;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.security.SecureRandom;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.renda.appraisal.AppraisalViews.SubjectLine;
import org.renda.appraisal.VoteScale.Level;
import org.renda.appraisal.VoteScale.RateRule;
import org.renda.appraisal.VoteViews.Invariants;
import org.renda.appraisal.VoteViews.Results;
import org.renda.appraisal.VoteViews.RollEntry;
import org.renda.appraisal.VoteViews.SubjectResult;
import org.renda.appraisal.VoteViews.SubjectView;
import org.renda.appraisal.VoteViews.Verification;
import org.renda.appraisal.VoteViews.VoteDetail;
import org.renda.appraisal.VoteViews.VoteState;
import org.renda.appraisal.VoteViews.VoteSummary;
import org.renda.audit.AuditTrail;
import org.renda.deputy.DeputyLevel;
import org.renda.deputy.DeputyRegister;
import org.renda.deputy.DeputyViews.DeputySummary;
import org.renda.shared.CurrentActor;
import org.renda.shared.DomainException;
import org.renda.shared.NotFoundException;
import org.renda.shared.Permission;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Runs a secret satisfaction vote for staff: its subjects and scale, the roll of eligible deputies and the
 * sign-in sheet of who drew a credential, the printed one-time codes, opening, the tellers' paper tallies,
 * and the close, which computes the results at once, signs the export of the anonymous ballots and opens
 * rectification items for units below the threshold. Staff ({@link Permission#APPRAISAL_WRITE}) prepare the vote;
 * closing it and publishing its results are the presiding officer's acts ({@link Permission#APPRAISAL_PRESIDE},
 * see docs/appraisal-voting.md, "Who does what"). Before the close nobody sees a per-subject number:
 * only the counts of {@link Invariants}. Ballots themselves go through {@link BallotBox}.
 */
@Service
@Transactional
public class VoteDesk {

    static final String AUDIT_TYPE = "vote";
    static final int MAX_CODES = 3000;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final VoteStore store;
    private final AppraisalStore appraisals;
    private final AppraisalDesk desk;
    private final Rectifications rectifications;
    private final DeputyRegister deputies;
    private final ResultSeal seal;
    private final CurrentActor currentActor;
    private final AuditTrail audit;
    private final BoxRemix remix;

    VoteDesk(VoteStore store, AppraisalStore appraisals, AppraisalDesk desk, Rectifications rectifications,
            DeputyRegister deputies, ResultSeal seal, CurrentActor currentActor, AuditTrail audit, BoxRemix remix) {
        this.store = store;
        this.appraisals = appraisals;
        this.desk = desk;
        this.rectifications = rectifications;
        this.deputies = deputies;
        this.seal = seal;
        this.currentActor = currentActor;
        this.audit = audit;
        this.remix = remix;
    }

    /** A stand-alone vote; {@code abstain}: the ballot offers 弃权 besides the scale's levels. */
    public record NewVote(long orgId, @NotBlank @Size(max = 200) String title, @NotNull VoteScale scale,
            @NotNull RateRule rule, @NotNull @DecimalMin("0") @DecimalMax("1") BigDecimal threshold,
            List<String> subjects, boolean abstain) {

        /** Without the abstain choice, as the presets' ballots are by default. */
        public NewVote(long orgId, String title, VoteScale scale, RateRule rule, BigDecimal threshold,
                List<String> subjects) {
            this(orgId, title, scale, rule, threshold, subjects, false);
        }
    }

    public record Voter(long deputyId, String name) {}

    /** A stand-alone vote (a duty report, a project review): subjects by title. */
    public VoteSummary create(NewVote v) {
        currentActor.require().require(Permission.APPRAISAL_WRITE, v.orgId());
        checkThreshold(v.threshold());
        AppraisalDesk.checkTitle(v.title(), 200);
        if (v.subjects().stream().anyMatch(t -> t.strip().length() > 200)) {
            throw new DomainException("appraisal.error.title");
        }
        List<String> titles = v.subjects().stream().map(String::strip).filter(s -> !s.isEmpty()).distinct().toList();
        if (titles.isEmpty()) {
            throw new DomainException("vote.error.noSubjects");
        }
        long id = insert(v.orgId(), null, v.title(), v.scale(), v.rule(), v.threshold(), v.abstain());
        int n = 0;
        for (String t : titles) {
            store.insertSubject(id, v.orgId(), t, null, null, ++n);
        }
        audit.record(v.orgId(), AUDIT_TYPE, id, "CREATED", null,
                Map.of("title", v.title(), "subjects", titles.size(), "abstain", v.abstain()));
        return summary(id);
    }

    /** The vote of a campaign's appraisal meeting: every unit of the campaign, the campaign's threshold. */
    public VoteSummary createForCampaign(long campaignId, String title, VoteScale scale, RateRule rule) {
        return createForCampaign(campaignId, title, scale, rule, false);
    }

    /** The same, the ballot offering 弃权 when {@code abstain}. */
    public VoteSummary createForCampaign(long campaignId, String title, VoteScale scale, RateRule rule,
            boolean abstain) {
        AppraisalStore.Campaign c = desk.writable(campaignId);
        List<SubjectLine> subjects = appraisals.subjects(campaignId);
        if (subjects.isEmpty()) {
            throw new DomainException("vote.error.noSubjects");
        }
        if (title == null || title.isBlank() || title.length() > 200) {
            throw new DomainException("appraisal.error.title");
        }
        long id = insert(c.orgId(), campaignId, title.strip(), scale, rule, c.threshold(), abstain);
        int n = 0;
        for (SubjectLine s : subjects) {
            store.insertSubject(id, c.orgId(), s.title(), s.subjectOrgId(), s.id(), ++n);
        }
        audit.record(c.orgId(), AUDIT_TYPE, id, "CREATED", null,
                Map.of("title", title.strip(), "campaign", campaignId, "subjects", subjects.size(), "abstain", abstain));
        return summary(id);
    }

    private long insert(long orgId, @Nullable Long campaignId, String title, VoteScale scale, RateRule rule,
            BigDecimal threshold, boolean abstain) {
        long id = store.insert(orgId, campaignId, title.strip(), scale, rule, threshold, AppraisalDesk.newCode());
        int n = 0;
        for (Level l : scale.levels(abstain)) {
            store.insertLevel(id, orgId, l, ++n);
        }
        return id;
    }

    /** Sets a level's score and whether it counts as satisfied, while the vote is a draft. */
    public void setLevel(long voteId, String levelCode, BigDecimal score, boolean satisfied) {
        VoteStore.Row v = draft(voteId);
        if (store.levels(voteId).stream().noneMatch(l -> l.code().equals(levelCode))
                || VoteScale.ABSTAIN_CODE.equals(levelCode) || score.signum() < 0
                || score.compareTo(BigDecimal.valueOf(1000)) > 0) {
            throw new DomainException("vote.error.level");
        }
        store.updateLevel(voteId, levelCode, score, satisfied);
        audit.record(v.summary().orgId(), AUDIT_TYPE, voteId, "LEVEL_SET", null,
                Map.of("level", levelCode, "score", score, "satisfied", satisfied));
    }

    // --- the roll ---

    /** Puts every in-office deputy of the register under {@code fromOrgId} (of a level, or all) on the roll. */
    public int loadRoll(long voteId, long fromOrgId, @Nullable DeputyLevel level) {
        VoteStore.Row v = writable(voteId);
        notClosed(v);
        List<DeputySummary> found = deputies.listAll(new DeputyRegister.Query(null, level, null, null, null, fromOrgId,
                true));
        List<Voter> voters = found.stream().map(d -> new Voter(d.id(), d.name())).toList();
        return add(v, voters);
    }

    public int addToRoll(long voteId, List<Voter> voters) {
        VoteStore.Row v = writable(voteId);
        notClosed(v);
        return add(v, voters);
    }

    private int add(VoteStore.Row v, List<Voter> voters) {
        int before = store.roll(v.summary().id()).size();
        voters.forEach(x -> store.addToRoll(v.summary().id(), v.summary().orgId(), x.deputyId(), x.name()));
        int added = store.roll(v.summary().id()).size() - before;
        audit.record(v.summary().orgId(), AUDIT_TYPE, v.summary().id(), "ROLL_ADDED", null, Map.of("added", added));
        return added;
    }

    /**
     * The sign-in sheet: the deputies who drew a credential, as a whole, in one statement. The roll never
     * learns which code a deputy drew, nor when; the audit entry holds the count only.
     */
    public void markIssued(long voteId, Set<Long> rollIds) {
        VoteStore.Row v = writable(voteId);
        notClosed(v);
        Set<Long> known = new HashSet<>();
        store.roll(voteId).forEach(r -> known.add(r.id()));
        if (!known.containsAll(rollIds)) {
            throw new NotFoundException("error.notFound");
        }
        store.markIssued(voteId, rollIds);
        audit.record(v.summary().orgId(), AUDIT_TYPE, voteId, "ISSUED", null, Map.of("issued", rollIds.size()));
    }

    @Transactional(readOnly = true)
    public List<RollEntry> roll(long voteId) {
        readable(voteId);
        return store.roll(voteId);
    }

    // --- credentials ---

    /**
     * Draws {@code count} fresh one-time codes, stores their hashes only and returns the codes once, shuffled,
     * for printing on slips that deputies draw in the room.
     */
    public List<String> printCodes(long voteId, int count) {
        VoteStore.Row v = writable(voteId);
        notClosed(v);
        if (count < 1 || count > MAX_CODES) {
            throw new DomainException("vote.error.codeCount", MAX_CODES);
        }
        Set<String> codes = new HashSet<>();
        while (codes.size() < count) {
            codes.add(BallotBox.newCode());
        }
        List<String> out = new ArrayList<>(codes);
        Collections.shuffle(out, RANDOM);
        for (String c : out) {
            store.insertCredential(voteId, v.summary().orgId(), BallotBox.hash(voteId, c));
        }
        audit.record(v.summary().orgId(), AUDIT_TYPE, voteId, "CODES_PRINTED", null, Map.of("count", count));
        return out;
    }

    /**
     * Registers codes made elsewhere (a printer's run, or the demo's known codes): 10 characters of the code
     * alphabet each; only their hashes are kept. Same rules as {@link #printCodes}.
     */
    public void acceptCodes(long voteId, List<String> codes) {
        VoteStore.Row v = writable(voteId);
        notClosed(v);
        if (codes.isEmpty() || codes.size() > MAX_CODES) {
            throw new DomainException("vote.error.codeCount", MAX_CODES);
        }
        Set<String> seen = new HashSet<>();
        for (String raw : codes) {
            String c = BallotBox.normalize(raw);
            if (c.length() != BallotBox.CODE_LENGTH || !c.chars().allMatch(ch -> BallotBox.ALPHABET.indexOf(ch) >= 0)
                    || !seen.add(c)) {
                throw new DomainException("vote.error.codeFormat");
            }
        }
        for (String c : seen) {
            store.insertCredential(voteId, v.summary().orgId(), BallotBox.hash(voteId, c));
        }
        audit.record(v.summary().orgId(), AUDIT_TYPE, voteId, "CODES_ACCEPTED", null, Map.of("count", seen.size()));
    }

    // --- opening, paper, close ---

    public void open(long voteId) {
        VoteStore.Row v = draft(voteId);
        Invariants inv = store.invariants(voteId, 0);
        if (inv.credentials() == 0 && inv.eligible() == 0) {
            throw new DomainException("vote.error.notReady");
        }
        store.open(voteId);
        audit.record(v.summary().orgId(), AUDIT_TYPE, voteId, "OPENED", null,
                Map.of("eligible", inv.eligible(), "issued", inv.issued(), "credentials", inv.credentials()));
    }

    /**
     * The tellers' count of the paper slips: the number of slips and, per subject, the count per level (a
     * subject's counts may sum to less than the slips: blank or spoilt for that subject). Replaces an earlier
     * entry; only while the vote is open.
     */
    public void enterPaper(long voteId, int paperBallots, Map<Long, Map<String, Integer>> tallies) {
        VoteStore.Row v = writable(voteId);
        if (v.summary().state() != VoteState.OPEN) {
            throw new DomainException("vote.error.notOpen");
        }
        Set<String> levels = new HashSet<>();
        store.levels(voteId).forEach(l -> levels.add(l.code()));
        Set<Long> subjects = new HashSet<>();
        store.subjects(voteId).forEach(s -> subjects.add(s.id()));
        if (paperBallots < 0 || paperBallots > 100_000) {
            throw new DomainException("vote.error.paper");
        }
        for (var e : tallies.entrySet()) {
            if (!subjects.contains(e.getKey())) {
                throw new DomainException("vote.error.paper");
            }
            int sum = 0;
            for (var l : e.getValue().entrySet()) {
                if (!levels.contains(l.getKey()) || l.getValue() < 0) {
                    throw new DomainException("vote.error.paper");
                }
                sum += l.getValue();
            }
            if (sum > paperBallots) {
                throw new DomainException("vote.error.paperSum", paperBallots);
            }
        }
        store.replacePaper(voteId, v.summary().orgId(), paperBallots, tallies);
        audit.record(v.summary().orgId(), AUDIT_TYPE, voteId, "PAPER_ENTERED", null,
                Map.of("paperBallots", paperBallots, "tallies", tallies));
    }

    /**
     * Closes the vote and announces the results at once. In one transaction: the state turns CLOSED (after
     * any ballot in flight, see {@link VoteStore#lockOpen}); the ballots and the credentials are read, deleted
     * and written again in a random order, the ballots under new random ids ({@link BoxRemix}: neither physical
     * order, ids nor transaction ids follow the order of voting; the tables are vacuumed once this commits);
     * the tally is computed, the export written and signed; units below the threshold get a rectification item
     * with its three-month report deadline.
     */
    public Results close(long voteId) {
        VoteStore.Row v = presiding(voteId);
        if (store.close(voteId) != 1) {
            throw new DomainException("vote.error.notOpen");
        }
        VoteSummary s = v.summary();
        List<Map.Entry<String, Map<Long, String>>> ballots = remix.remix(voteId, s.orgId());
        List<Level> levels = store.levels(voteId).stream()
                .map(l -> new Level(l.code(), l.label(), l.score(), l.satisfied() && !VoteScale.ABSTAIN_CODE.equals(l.code())))
                .toList();
        List<SubjectView> subjects = store.subjects(voteId);
        List<Tally.Subject> tallySubjects = subjects.stream().map(x -> new Tally.Subject(x.id(), x.title())).toList();
        Map<Long, Map<String, Integer>> paper = store.paper(voteId);
        List<Tally.Row> rows = Tally.compute(levels, s.rule(), s.threshold(), tallySubjects,
                ballots.stream().map(Map.Entry::getValue).toList(), paper);
        String csv = VoteExport.write(new VoteExport.Content(voteId, s.title(), s.rule(), s.threshold(), v.paperBallots(), levels,
                tallySubjects, paper, rows, ballots));
        ResultSeal.Seal sealed = seal.seal(csv);
        store.seal(voteId, csv, sealed.sha256(), sealed.signature(), sealed.publicKey());
        Invariants inv = store.invariants(voteId, v.paperBallots());
        LocalDate today = LocalDate.now();
        Map<Long, SubjectView> byId = new HashMap<>();
        subjects.forEach(x -> byId.put(x.id(), x));
        int raised = 0;
        for (Tally.Row r : rows) {
            Long appraisalSubject = byId.get(r.subjectId()).appraisalSubjectId();
            if (r.below() && appraisalSubject != null) {
                rectifications.openFromVote(appraisalSubject, "满意度测评满意率 " + percent(r.rate()) + "，低于 "
                        + percent(s.threshold()) + "，须在三个月内整改并书面报告（" + s.title() + "）", today);
                raised++;
            }
        }
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("eligible", inv.eligible());
        after.put("issued", inv.issued());
        after.put("credentials", inv.credentials());
        after.put("spent", inv.spent());
        after.put("ballots", inv.ballots());
        after.put("paperBallots", inv.paperBallots());
        after.put("invariantsHold", inv.holds());
        after.put("exportSha256", sealed.sha256());
        after.put("rectifications", raised);
        audit.record(s.orgId(), AUDIT_TYPE, voteId, "CLOSED", null, after);
        return results(store.byId(voteId).orElseThrow());
    }

    public void publish(long voteId, boolean on) {
        VoteStore.Row v = presiding(voteId);
        if (v.summary().state() != VoteState.CLOSED) {
            throw new DomainException("vote.error.notClosed");
        }
        store.publish(voteId, on);
        audit.record(v.summary().orgId(), AUDIT_TYPE, voteId, on ? "PUBLISHED" : "UNPUBLISHED", null, null);
    }

    // --- reads ---

    @Transactional(readOnly = true)
    public List<VoteSummary> list(@Nullable Long campaignId) {
        return store.list(currentActor.reach(Permission.APPRAISAL_READ), campaignId);
    }

    /**
     * The votes of an organisation's subtree closed in the year with their sealed results, in the order they
     * closed: the annual report's votes, rated subjects and rates figures link to them. 404 for an organisation
     * outside the APPRAISAL_READ reach.
     */
    @Transactional(readOnly = true)
    public List<VoteDetail> closedIn(long orgId, int year) {
        java.time.ZoneId zone = java.time.ZoneId.systemDefault();
        return store.closedIn(desk.subtree(orgId),
                java.sql.Timestamp.from(java.time.LocalDate.of(year, 1, 1).atStartOfDay(zone).toInstant()),
                java.sql.Timestamp.from(java.time.LocalDate.of(year + 1, 1, 1).atStartOfDay(zone).toInstant()))
                .stream().map(v -> detail(v.id())).toList();
    }

    @Transactional(readOnly = true)
    public VoteDetail detail(long voteId) {
        VoteStore.Row v = readable(voteId);
        return detail(v);
    }

    private VoteDetail detail(VoteStore.Row v) {
        long id = v.summary().id();
        return new VoteDetail(v.summary(), store.levels(id), store.subjects(id), store.invariants(id, v.paperBallots()),
                v.summary().state() == VoteState.CLOSED ? results(v) : null);
    }

    /** The paper tallies entered so far (tellers' own numbers, not the electronic ballots). */
    @Transactional(readOnly = true)
    public Map<Long, Map<String, Integer>> paper(long voteId) {
        readable(voteId);
        return store.paper(voteId);
    }

    @Transactional(readOnly = true)
    public int paperBallots(long voteId) {
        return readable(voteId).paperBallots();
    }

    /** The export of a closed vote (CSV text), for staff. */
    @Transactional(readOnly = true)
    public String export(long voteId) {
        VoteStore.Row v = readable(voteId);
        if (v.exportCsv() == null) {
            throw new DomainException("vote.error.notClosed");
        }
        return v.exportCsv();
    }

    /** A published vote's results, for anyone. */
    @Transactional(readOnly = true)
    public VoteDetail publicResults(String publicCode) {
        VoteStore.Row v = store.byPublicCode(publicCode).filter(r -> r.summary().published())
                .orElseThrow(() -> new NotFoundException("error.notFound"));
        return detail(v);
    }

    @Transactional(readOnly = true)
    public List<VoteSummary> publishedVotes() {
        return store.published();
    }

    @Transactional(readOnly = true)
    public String publicExport(String publicCode) {
        VoteStore.Row v = store.byPublicCode(publicCode).filter(r -> r.summary().published())
                .orElseThrow(() -> new NotFoundException("error.notFound"));
        return v.exportCsv() == null ? "" : v.exportCsv();
    }

    /** The installation's public key (Base64 X.509, Ed25519) that signs every result. */
    public String publicKey() {
        return seal.publicKey();
    }

    /** Recounts an export and checks its signature: anyone can do this with the published files. */
    public static Verification verify(String csv, String signature, String publicKey) {
        VoteExport.Recount r = VoteExport.recount(csv);
        return new Verification(r.voteId(), r.title(), r.ballots(),
                r.recounted().stream().map(x -> result(x, r.ballots() + r.paperBallots())).toList(),
                r.matches(), ResultSeal.verify(csv, signature, publicKey));
    }

    /** The same, or nothing when the file is not an export at all (the verify page says so beside the file). */
    public static java.util.Optional<Verification> tryVerify(String csv, String signature, String publicKey) {
        return VoteExport.tryRecount(csv).map(r -> new Verification(r.voteId(), r.title(), r.ballots(),
                r.recounted().stream().map(x -> result(x, r.ballots() + r.paperBallots())).toList(), r.matches(),
                ResultSeal.verify(csv, signature, publicKey)));
    }

    /** Closed votes in the reader's reach with their satisfaction rates (for {@link AppraisalResults}). */
    @Transactional(readOnly = true)
    List<VoteSummary> closed() {
        return store.closed(currentActor.reach(Permission.APPRAISAL_READ));
    }

    Results results(VoteStore.Row v) {
        VoteExport.Recount r = VoteExport.recount(v.exportCsv() == null ? "" : v.exportCsv());
        int returned = r.ballots() + v.paperBallots();
        return new Results(r.recounted().stream().map(x -> result(x, returned)).toList(), r.ballots(), v.paperBallots(),
                v.sha256(), v.signature(), v.publicKey());
    }

    /** A subject's row; {@code returned}: electronic ballots plus paper slips, of which the rest was blank or spoilt. */
    private static SubjectResult result(Tally.Row r, int returned) {
        return new SubjectResult(r.subjectId(), r.title(), r.electronic(), r.paper(), r.combined(), returned, r.valid(),
                r.abstained(), Math.max(0, returned - r.valid() - r.abstained()), r.satisfied(), r.rate(), r.rankNo(),
                r.below());
    }

    VoteStore.Row readable(long voteId) {
        return currentActor.reach(Permission.APPRAISAL_READ).guard(store.byId(voteId), v -> v.summary().orgId());
    }

    private VoteStore.Row writable(long voteId) {
        return currentActor.reach(Permission.APPRAISAL_WRITE).guard(store.byId(voteId), v -> v.summary().orgId());
    }

    /** The presiding officer's acts (close, publish): {@link Permission#APPRAISAL_PRESIDE} on the vote's congress. */
    private VoteStore.Row presiding(long voteId) {
        return currentActor.reach(Permission.APPRAISAL_PRESIDE).guard(store.byId(voteId), v -> v.summary().orgId());
    }

    private VoteStore.Row draft(long voteId) {
        VoteStore.Row v = writable(voteId);
        if (v.summary().state() != VoteState.DRAFT) {
            throw new DomainException("vote.error.notDraft");
        }
        return v;
    }

    private static void notClosed(VoteStore.Row v) {
        if (v.summary().state() == VoteState.CLOSED) {
            throw new DomainException("vote.error.closed");
        }
    }

    private VoteSummary summary(long id) {
        return store.byId(id).orElseThrow().summary();
    }

    private static void checkThreshold(BigDecimal t) {
        if (t.signum() < 0 || t.compareTo(BigDecimal.ONE) > 0) {
            throw new DomainException("appraisal.error.threshold");
        }
    }

    static String percent(BigDecimal rate) {
        return rate.multiply(BigDecimal.valueOf(100)).setScale(2, java.math.RoundingMode.HALF_UP).stripTrailingZeros()
                .toPlainString() + "%";
    }
}
