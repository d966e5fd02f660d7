package org.renda.compliance;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.renda.audit.AuditTrail;
import org.renda.compliance.ComplianceEnums.Rating;
import org.renda.compliance.ComplianceEnums.Status;
import org.renda.compliance.ComplianceStore.ChecklistRow;
import org.renda.compliance.ComplianceViews.AssessmentPage;
import org.renda.compliance.ComplianceViews.AssessmentView;
import org.renda.compliance.ComplianceViews.ChecklistView;
import org.renda.compliance.ComplianceViews.Counts;
import org.renda.compliance.ComplianceViews.FileData;
import org.renda.compliance.ComplianceViews.FileView;
import org.renda.compliance.ComplianceViews.ItemLine;
import org.renda.compliance.ComplianceViews.ItemView;
import org.renda.compliance.ComplianceViews.PartyReportFile;
import org.renda.compliance.ComplianceViews.PartyReportView;
import org.renda.compliance.ComplianceViews.RatingView;
import org.renda.org.OrgTree;
import org.renda.org.OrgType;
import org.renda.org.OrgView;
import org.renda.shared.Actor;
import org.renda.shared.CurrentActor;
import org.renda.shared.DomainException;
import org.renda.shared.Images;
import org.renda.shared.NotFoundException;
import org.renda.shared.Permission;
import org.renda.shared.Reach;
import org.renda.shared.Texts;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.validation.annotation.Validated;

/**
 * A town's self-assessment against the regulation checklist and the county's review, and the town congress's
 * reports to the Party committee. Reading needs COMPLIANCE_READ on the town, rating and submitting COMPLIANCE_WRITE,
 * reviewing COMPLIANCE_REVIEW on the town's parent (the county reviews its towns, never a town itself). A record
 * outside the reach answers 404. Every change is audited in its transaction.
 */
@Validated
@Service
@Transactional
public class ComplianceDesk {

    static final int MAX_FILES = 9;
    static final int MAX_FILE_BYTES = 5 * 1024 * 1024;
    static final String DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
    static final Set<String> FILE_TYPES = Set.of("image/jpeg", "image/png", "image/webp", "application/pdf", DOCX);
    /** A link to a page of Renda itself: a path, never another site. */
    private static final Pattern LOCAL_LINK = Pattern.compile("/(?![/\\\\])[\\p{Graph}]{0,299}");

    private final ComplianceStore store;
    private final CurrentActor currentActor;
    private final AuditTrail audit;
    private final OrgTree orgs;
    private final EvidenceShelf evidence;
    private final ComplianceNotices notices;

    ComplianceDesk(ComplianceStore store, CurrentActor currentActor, AuditTrail audit, OrgTree orgs,
            EvidenceShelf evidence, ComplianceNotices notices) {
        this.store = store;
        this.currentActor = currentActor;
        this.audit = audit;
        this.orgs = orgs;
        this.evidence = evidence;
        this.notices = notices;
    }

    /** A rating of one item: how far it is implemented, what is done or missing, and a link to a page of Renda. */
    public record RatingForm(@Nullable Rating rating, @Nullable @Size(max = 2000) String remark,
            @Nullable @Size(max = 300) String recordLink) {}

    /** A report to the Party committee: date, title and, when known, the committee's answer. */
    public record PartyReportForm(@NotNull LocalDate reportedOn, @NotBlank @Size(max = 200) String title,
            @Nullable @Size(max = 2000) String outcome) {}

    /** An uploaded file. */
    public record Upload(String fileName, @Nullable String contentType, byte[] data) {}

    // --- reach

    private Reach readReach() {
        return currentActor.reach(Permission.COMPLIANCE_READ);
    }

    private OrgView readable(long orgId) {
        readReach().check(orgId);
        return orgs.find(orgId).orElseThrow(() -> new NotFoundException("error.notFound"));
    }

    private OrgView writable(long orgId) {
        currentActor.reach(Permission.COMPLIANCE_WRITE).check(orgId);
        return orgs.find(orgId).orElseThrow(() -> new NotFoundException("error.notFound"));
    }

    static boolean assessable(OrgView o) {
        return o.type() == OrgType.TOWN || o.type() == OrgType.STREET;
    }

    /** The organisations the actor may read figures of: counties and towns in reach, in tree order. */
    @Transactional(readOnly = true)
    public List<OrgView> places() {
        return orgs.within(readReach(), java.util.EnumSet.range(OrgType.PROVINCE, OrgType.STREET)).stream()
                .filter(OrgView::active).toList();
    }

    @Transactional(readOnly = true)
    public OrgView org(long orgId) {
        return readable(orgId);
    }

    @Transactional(readOnly = true)
    public boolean canWrite(long orgId) {
        return currentActor.reach(Permission.COMPLIANCE_WRITE).covers(orgId);
    }

    /** True if the actor keeps checklists of the organisation (COMPLIANCE_REVIEW on it). */
    @Transactional(readOnly = true)
    public boolean canKeepChecklist(long orgId) {
        return currentActor.reach(Permission.COMPLIANCE_REVIEW).covers(orgId);
    }

    /** True if the actor reviews the town's assessments: COMPLIANCE_REVIEW on its parent. */
    @Transactional(readOnly = true)
    public boolean canReview(long townId) {
        OrgView town = orgs.find(townId).orElse(null);
        return town != null && town.parentId() != null
                && currentActor.reach(Permission.COMPLIANCE_REVIEW).covers(town.parentId());
    }

    // --- checklists

    ChecklistView view(ChecklistRow c) {
        String name = orgs.find(c.orgId()).map(OrgView::name).orElse("");
        return new ChecklistView(c.id(), c.orgId(), name, c.title(), c.versionNo(), c.frozenAt(), c.items());
    }

    /** Every checklist version owned by an organisation in reach, newest version first. */
    @Transactional(readOnly = true)
    public List<ChecklistView> checklists() {
        return store.checklists(readReach()).stream().map(this::view).toList();
    }

    /** A checklist version; its owner must lie in the actor's reach (a town sees its items on its assessment). */
    @Transactional(readOnly = true)
    public ChecklistView checklist(long checklistId) {
        return view(readReach().guard(store.checklist(checklistId), ChecklistRow::orgId));
    }

    @Transactional(readOnly = true)
    public List<ItemView> items(long checklistId) {
        return store.items(checklist(checklistId).id());
    }

    /**
     * The checklist a town assesses against: the newest version of the nearest organisation above it (or itself)
     * that keeps one. Read on the town's behalf, whatever the actor's reach over the owner.
     */
    Optional<ChecklistRow> applicable(OrgView town) {
        long[] lineage = town.lineage();
        for (int i = lineage.length - 1; i >= 0; i--) {
            Optional<ChecklistRow> c = store.latestChecklist(lineage[i]);
            if (c.isPresent() && c.get().items() > 0) {
                return c;
            }
        }
        return Optional.empty();
    }

    /** The checklist that would apply to the town, if any (for the page offering to start). */
    @Transactional(readOnly = true)
    public Optional<ChecklistView> applicableTo(long townId) {
        return applicable(readable(townId)).map(this::view);
    }

    // --- assessments

    @Transactional(readOnly = true)
    public Optional<AssessmentView> assessment(long orgId, int year) {
        OrgView org = readable(orgId);
        return store.assessment(orgId, year).map(a -> named(a, org.name()));
    }

    private static AssessmentView named(AssessmentView a, String name) {
        return new AssessmentView(a.id(), a.orgId(), name, a.year(), a.checklistId(), a.status(), a.submittedAt(),
                a.submittedBy(), a.reviewedAt(), a.reviewedBy(), a.reviewComment());
    }

    @Transactional(readOnly = true)
    public AssessmentView assessment(long assessmentId) {
        AssessmentView a = readReach().guard(store.assessment(assessmentId), AssessmentView::orgId);
        return named(a, orgs.find(a.orgId()).map(OrgView::name).orElse(""));
    }

    /**
     * Opens the town's self-assessment of the year against the checklist that applies to it, one rating per item,
     * and freezes that checklist version: from now on its items change only by a new version.
     */
    public AssessmentView open(long orgId, int year) {
        OrgView town = writable(orgId);
        if (!assessable(town)) {
            throw new DomainException("compliance.error.notTown");
        }
        if (year < 2000 || year > LocalDate.now().getYear() + 1) {
            throw DomainException.onField("year", "compliance.error.year");
        }
        if (store.assessment(orgId, year).isPresent()) {
            throw new DomainException("compliance.error.opened", year);
        }
        ChecklistRow checklist = applicable(town).orElseThrow(() -> new DomainException("compliance.error.noChecklist"));
        long id = store.insertAssessment(orgId, year, checklist.id(), currentActor.auditName());
        store.insertRatings(id, orgId, checklist.id());
        if (store.freeze(checklist.id())) {
            audit.record(checklist.orgId(), "compliance_checklist", checklist.id(), "FROZEN", null,
                    Map.of("versionNo", checklist.versionNo(), "firstAssessment", id));
        }
        AssessmentView a = named(store.assessment(id).orElseThrow(), town.name());
        audit.record(orgId, "compliance_assessment", id, "CREATED", null,
                Map.of("year", year, "checklistId", checklist.id(), "items", checklist.items()));
        return a;
    }

    /** The assessment with every item's rating, files and evidence counted from records in Renda. */
    @Transactional(readOnly = true)
    public AssessmentPage page(long assessmentId) {
        AssessmentView a = assessment(assessmentId);
        ChecklistRow checklist = store.checklist(a.checklistId()).orElseThrow();
        Map<Long, List<FileView>> files = new HashMap<>();
        for (FileView f : store.files(a.id())) {
            files.computeIfAbsent(f.ratingId(), k -> new ArrayList<>()).add(f);
        }
        Map<String, ComplianceViews.EvidenceLine> counted = new HashMap<>();
        List<ItemLine> lines = new ArrayList<>();
        List<RatingView> ratings = store.ratings(a.id());
        for (RatingView r : ratings) {
            ComplianceViews.EvidenceLine e = null;
            if (r.evidenceKind() != null) {
                e = counted.computeIfAbsent(r.evidenceKind(), k -> evidence.line(k, a.orgId(), a.year()));
            }
            lines.add(new ItemLine(r, files.getOrDefault(r.id(), List.of()), e));
        }
        return new AssessmentPage(a, checklist.title(), checklist.versionNo(), lines, counts(ratings));
    }

    static Counts counts(List<RatingView> ratings) {
        int full = 0;
        int partial = 0;
        int none = 0;
        int unrated = 0;
        for (RatingView r : ratings) {
            if (r.rating() == null) {
                unrated++;
            } else {
                switch (r.rating()) {
                    case FULL -> full++;
                    case PARTIAL -> partial++;
                    case NONE -> none++;
                }
            }
        }
        return new Counts(full, partial, none, unrated);
    }

    private AssessmentView editable(long assessmentId) {
        AssessmentView a = assessment(assessmentId);
        writable(a.orgId());
        if (!a.status().editable()) {
            throw new DomainException("compliance.error.notEditable", a.status().label());
        }
        return a;
    }

    @Transactional(readOnly = true)
    public RatingView rating(long ratingId) {
        return readReach().guard(store.rating(ratingId), RatingView::orgId);
    }

    /** Rates one item; a link must be a page of Renda (a path such as /stations/12). */
    public RatingView rate(long ratingId, @Valid RatingForm form) {
        RatingView before = rating(ratingId);
        editable(before.assessmentId());
        String link = Texts.blankToNull(form.recordLink());
        if (link != null) {
            link = link.strip();
            if (!LOCAL_LINK.matcher(link).matches()) {
                throw DomainException.onField("recordLink", "compliance.error.link");
            }
        }
        String remark = Texts.blankToNull(form.remark());
        store.rate(ratingId, form.rating(), remark == null ? null : remark.strip(), link, currentActor.auditName());
        RatingView after = store.rating(ratingId).orElseThrow();
        audit.record(after.orgId(), "compliance_rating", ratingId, "SAVED", ratingAudit(before), ratingAudit(after));
        return after;
    }

    private static Map<String, Object> ratingAudit(RatingView r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("itemNo", r.itemNo());
        m.put("rating", r.rating() == null ? "" : r.rating().name());
        m.put("remark", r.remark() == null ? "" : r.remark());
        m.put("recordLink", r.recordLink() == null ? "" : r.recordLink());
        return m;
    }

    /** Adds evidence files (scans, photos, PDF or Word documents) to a rating. */
    public List<FileView> addFiles(long ratingId, List<Upload> uploads) {
        RatingView r = rating(ratingId);
        editable(r.assessmentId());
        List<Upload> real = uploads.stream().filter(f -> f.data().length > 0).toList();
        if (real.isEmpty()) {
            throw DomainException.onField("files", "compliance.error.noFile");
        }
        if (r.files() + real.size() > MAX_FILES) {
            throw DomainException.onField("files", "compliance.error.tooManyFiles", MAX_FILES);
        }
        checkFiles(real);
        for (Upload f : real) {
            long id = store.insertFile(ratingId, r.orgId(), safeName(f.fileName()), String.valueOf(f.contentType()),
                    f.data());
            audit.record(r.orgId(), "compliance_rating", ratingId, "FILE_ADDED", null,
                    Map.of("fileId", id, "fileName", safeName(f.fileName()), "itemNo", r.itemNo()));
        }
        return store.files(r.assessmentId()).stream().filter(f -> f.ratingId() == ratingId).toList();
    }

    @Transactional(readOnly = true)
    public FileData file(long fileId) {
        return readReach().guard(store.file(fileId), FileData::orgId);
    }

    /**
     * Sends the assessment to the county: every item rated, and an item not fully implemented says what is missing.
     */
    public AssessmentView submit(long assessmentId) {
        AssessmentView a = editable(assessmentId);
        List<RatingView> ratings = store.ratings(a.id());
        List<Integer> unrated = ratings.stream().filter(r -> r.rating() == null).map(RatingView::itemNo).toList();
        if (!unrated.isEmpty()) {
            throw new DomainException("compliance.error.unrated", unrated.size(), numbers(unrated));
        }
        List<Integer> unexplained = ratings.stream().filter(r -> r.rating() != Rating.FULL && r.remark() == null)
                .map(RatingView::itemNo).toList();
        if (!unexplained.isEmpty()) {
            throw new DomainException("compliance.error.unexplained", numbers(unexplained));
        }
        store.submitted(a.id(), currentActor.auditName());
        Counts c = counts(ratings);
        audit.record(a.orgId(), "compliance_assessment", a.id(), "SUBMITTED", Map.of("status", a.status().name()),
                Map.of("full", c.full(), "partial", c.partial(), "none", c.none()));
        AssessmentView sent = assessment(a.id());
        notices.submitted(sent, c.full(), c.partial(), c.none());
        return sent;
    }

    private static String numbers(List<Integer> nos) {
        List<String> shown = nos.stream().limit(10).map(String::valueOf).toList();
        return String.join("、", shown) + (nos.size() > 10 ? "…" : "");
    }

    private AssessmentView reviewable(long assessmentId) {
        AssessmentView a = assessment(assessmentId);
        if (!canReview(a.orgId())) {
            throw new NotFoundException("error.notFound");
        }
        if (a.status() != Status.SUBMITTED) {
            throw new DomainException("compliance.error.notSubmitted", a.status().label());
        }
        return a;
    }

    /** The county accepts the town's assessment as submitted. */
    public AssessmentView accept(long assessmentId, @Nullable String comment) {
        AssessmentView a = reviewable(assessmentId);
        String c = clip(comment, 2000);
        store.clearReviewNotes(a.id());
        store.reviewed(a.id(), Status.ACCEPTED, c, currentActor.auditName());
        audit.record(a.orgId(), "compliance_assessment", a.id(), "ACCEPTED", Map.of("status", a.status().name()),
                Map.of("comment", c == null ? "" : c));
        AssessmentView accepted = assessment(a.id());
        notices.reviewed(accepted, true, c == null ? "" : c);
        return accepted;
    }

    /**
     * The county returns the assessment to the town with a comment and a note per item that needs another look
     * (rating id → note); at least one of them must be given.
     */
    public AssessmentView returnToTown(long assessmentId, @Nullable String comment, Map<Long, String> notes) {
        AssessmentView a = reviewable(assessmentId);
        String c = clip(comment, 2000);
        Map<Long, RatingView> ratings = new HashMap<>();
        for (RatingView r : store.ratings(a.id())) {
            ratings.put(r.id(), r);
        }
        Map<Long, String> kept = new LinkedHashMap<>();
        notes.forEach((id, note) -> {
            String n = clip(note, 1000);
            if (n != null) {
                if (!ratings.containsKey(id)) {
                    throw new NotFoundException("error.notFound");
                }
                kept.put(id, n);
            }
        });
        if (c == null && kept.isEmpty()) {
            throw DomainException.onField("comment", "compliance.error.returnWhy");
        }
        store.clearReviewNotes(a.id());
        kept.forEach(store::reviewNote);
        store.reviewed(a.id(), Status.RETURNED, c, currentActor.auditName());
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("comment", c == null ? "" : c);
        Map<Integer, String> byItem = new java.util.TreeMap<>();
        kept.forEach((id, n) -> byItem.put(ratings.get(id).itemNo(), n));
        after.put("notes", byItem);
        audit.record(a.orgId(), "compliance_assessment", a.id(), "RETURNED", Map.of("status", a.status().name()),
                after);
        AssessmentView returned = assessment(a.id());
        notices.reviewed(returned, false, (c == null ? "" : c)
                + (kept.isEmpty() ? "" : (c == null ? "" : "；") + kept.size() + " 项另有逐项意见"));
        return returned;
    }

    private static @Nullable String clip(@Nullable String s, int max) {
        String t = Texts.blankToNull(s);
        if (t == null) {
            return null;
        }
        t = t.strip();
        if (t.length() > max) {
            throw DomainException.onField("comment", "compliance.error.tooLong", max);
        }
        return t;
    }

    // --- reports to the Party committee

    @Transactional(readOnly = true)
    public List<PartyReportView> partyReports(long orgId, int year) {
        readable(orgId);
        return store.partyReports(readReach().narrow(orgs.subtreeIds(orgId)), year);
    }

    @Transactional(readOnly = true)
    public PartyReportView partyReport(long reportId) {
        return readReach().guard(store.partyReport(reportId), PartyReportView::orgId);
    }

    /** Records a report of the town congress to the Party committee, with its document if there is one. */
    public PartyReportView addPartyReport(long orgId, @Valid PartyReportForm form, @Nullable Upload file) {
        writable(orgId);
        if (form.reportedOn().isAfter(LocalDate.now())) {
            throw DomainException.onField("reportedOn", "compliance.error.future");
        }
        Upload f = file == null || file.data().length == 0 ? null : file;
        if (f != null) {
            checkFiles(List.of(f));
        }
        long id = store.insertPartyReport(orgId, form.reportedOn(), form.title().strip(),
                Texts.blankToNull(form.outcome()), f == null ? null : safeName(f.fileName()),
                f == null ? null : String.valueOf(f.contentType()), f == null ? null : f.data(),
                currentActor.auditName());
        PartyReportView r = store.partyReport(id).orElseThrow();
        audit.record(orgId, "compliance_party_report", id, "CREATED", null, r);
        return r;
    }

    /** Records the Party committee's answer (研究意见、落实情况) to a report. */
    public PartyReportView partyReportOutcome(long reportId, @Nullable String outcome) {
        PartyReportView before = partyReport(reportId);
        writable(before.orgId());
        String o = clip(outcome, 2000);
        store.reportOutcome(reportId, o);
        PartyReportView after = store.partyReport(reportId).orElseThrow();
        audit.record(before.orgId(), "compliance_party_report", reportId, "UPDATED", before, after);
        return after;
    }

    @Transactional(readOnly = true)
    public PartyReportFile partyReportFile(long reportId) {
        return readReach().guard(store.partyReportFile(reportId), PartyReportFile::orgId);
    }

    // --- files

    static void checkFiles(List<Upload> files) {
        if (files.size() > MAX_FILES) {
            throw DomainException.onField("files", "compliance.error.tooManyFiles", MAX_FILES);
        }
        for (Upload f : files) {
            if (f.data().length > MAX_FILE_BYTES) {
                throw DomainException.onField("files", "compliance.error.fileTooLarge", f.fileName());
            }
            String type = f.contentType() == null ? "" : f.contentType();
            byte[] d = f.data();
            boolean ok = FILE_TYPES.contains(type) && switch (type) {
                case "application/pdf" -> d.length > 4 && d[0] == '%' && d[1] == 'P' && d[2] == 'D' && d[3] == 'F';
                case DOCX -> d.length > 4 && d[0] == 'P' && d[1] == 'K' && d[2] == 3 && d[3] == 4;
                default -> Images.looksLike(type, d);
            };
            if (!ok) {
                throw DomainException.onField("files", "compliance.error.fileType", f.fileName());
            }
        }
    }

    static String safeName(String name) {
        String base = name.replace('\\', '/');
        base = base.substring(base.lastIndexOf('/') + 1).replaceAll("[\\p{Cntrl}\"]", "");
        return base.isBlank() ? "file" : base.length() > 150 ? base.substring(base.length() - 150) : base;
    }

    Actor actor() {
        return currentActor.require();
    }
}
