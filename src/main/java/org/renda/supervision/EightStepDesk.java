package org.renda.supervision;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.renda.audit.AuditTrail;
import org.renda.deputy.DeputyRegister;
import org.renda.deputy.DeputyRegister.DeputyRef;
import org.renda.deputy.DutyLog;
import org.renda.deputy.DutyType;
import org.renda.org.OrgTree;
import org.renda.org.OrgView;
import org.renda.shared.CurrentActor;
import org.renda.shared.DomainException;
import org.renda.shared.Images;
import org.renda.shared.NotFoundException;
import org.renda.shared.Permission;
import org.renda.shared.PersonNames;
import org.renda.shared.Reach;
import org.renda.shared.Texts;
import org.renda.supervision.EightStepRules.Step;
import org.renda.supervision.EightStepStore.ProcessRow;
import org.renda.supervision.EightStepStore.StageRow;
import org.renda.supervision.EightStepStore.TemplateRow;
import org.renda.supervision.EightStepStore.TemplateStepRow;
import org.renda.supervision.EightStepViews.FileView;
import org.renda.supervision.EightStepViews.Participant;
import org.renda.supervision.EightStepViews.ProcessSummary;
import org.renda.supervision.EightStepViews.ProcessView;
import org.renda.supervision.EightStepViews.StageView;
import org.renda.supervision.EightStepViews.TemplateStepView;
import org.renda.supervision.EightStepViews.TemplateView;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.validation.annotation.Validated;

/**
 * The eight-step method (八步工作法, seed 002) and any other step method: templates as data, a process started from
 * one for a deputy activity, each step closed in order with its date, evidence and closer (see {@link EightStepRules}).
 * When a step that attests attendance closes (the meeting), every deputy taking part gets the duty in their archive;
 * reopening it withdraws the record. Staff ({@link Permission#SUPERVISION_WRITE}) write; readers of supervision read.
 */
@Service
@Transactional
@Validated
public class EightStepDesk {

    static final String AUDIT_PROCESS = "eight_step_process";
    static final String AUDIT_TEMPLATE = "eight_step_template";
    /** Evidence per step, as a case's reply (casework's CaseFiles): photos or PDF, at most 6 of 5 MB each. */
    static final int MAX_FILES = 6;
    static final int MAX_FILE_MB = 5;
    static final Set<String> IMAGE_TYPES = Set.of("image/jpeg", "image/png", "image/webp");
    static final String PDF = "application/pdf";

    private final EightStepStore store;
    private final OrgTree orgs;
    private final DeputyRegister deputies;
    private final DutyLog duties;
    private final PersonNames people;
    private final CurrentActor currentActor;
    private final AuditTrail audit;

    EightStepDesk(EightStepStore store, OrgTree orgs, DeputyRegister deputies, DutyLog duties, PersonNames people,
            CurrentActor currentActor, AuditTrail audit) {
        this.store = store;
        this.orgs = orgs;
        this.deputies = deputies;
        this.duties = duties;
        this.people = people;
        this.currentActor = currentActor;
        this.audit = audit;
    }

    /** A step of a new template: {@code dependsOn} names an earlier step's number (blank: none). */
    public record StepForm(@NotBlank @Size(max = 100) String name, @Nullable @Size(max = 500) String guidance,
            @Nullable @Min(1) @Max(50) Integer dependsOn, boolean attestsAttendance) {}

    /** A step method a town defines for its own activities. */
    public record NewTemplate(long orgId, @NotBlank @Size(max = 40) String code, @NotBlank @Size(max = 100) String name,
            @Nullable @Size(max = 1000) String description, @NotNull @Size(min = 1, max = 50) List<@Valid StepForm> steps) {}

    /** A deputy activity run by a method: who takes part, and (free text) the supervision subject it serves. */
    public record NewProcess(long orgId, long templateId, @NotBlank @Size(max = 200) String title,
            @NotNull LocalDate activityOn, @Nullable @Size(max = 200) String subjectText,
            @NotNull @Size(max = 200) List<Long> deputyIds) {}

    /** Closing a step: its date and what shows it was done. */
    public record CloseForm(@NotNull LocalDate doneOn, @Nullable @Size(max = 4000) String evidence) {}

    /** An evidence file as uploaded. */
    public record Upload(String fileName, @Nullable String contentType, byte[] data) {}

    // ---- templates

    @Transactional(readOnly = true)
    public List<TemplateView> templates() {
        return store.templates(currentActor.reach(Permission.SUPERVISION_READ)).stream().map(this::templateView)
                .toList();
    }

    /** The templates a process of {@code orgId} may use: shared ones and those of the organisation or above it. */
    @Transactional(readOnly = true)
    public List<TemplateView> templatesFor(long orgId) {
        Set<Long> lineage = lineage(orgId);
        return store.templates(currentActor.reach(Permission.SUPERVISION_READ).narrow(lineage)).stream()
                .filter(t -> t.orgId() == 0 || lineage.contains(t.orgId())).map(this::templateView).toList();
    }

    public TemplateView defineTemplate(@Valid NewTemplate t) {
        currentActor.require().require(Permission.SUPERVISION_WRITE, t.orgId());
        List<Step> steps = new ArrayList<>();
        for (int i = 0; i < t.steps().size(); i++) {
            steps.add(new Step(i + 1, t.steps().get(i).name().strip(), t.steps().get(i).dependsOn(), null));
        }
        EightStepRules.checkTemplate(steps);
        if (store.templates(currentActor.reach(Permission.SUPERVISION_READ)).stream()
                .anyMatch(x -> x.orgId() == t.orgId() && x.code().equalsIgnoreCase(t.code().strip()))) {
            throw DomainException.onField("code", "eightStep.error.templateCode", t.code().strip());
        }
        long id = store.insertTemplate(t.orgId(), t.code().strip(), t.name().strip(), Texts.blankToNull(t.description()));
        for (int i = 0; i < t.steps().size(); i++) {
            StepForm s = t.steps().get(i);
            store.insertTemplateStep(id, t.orgId(), new TemplateStepRow(i + 1, s.name().strip(),
                    Texts.blankToNull(s.guidance()), s.dependsOn(), s.attestsAttendance() ? DutyType.GROUP_ACTIVITY.name()
                            : null));
        }
        TemplateView view = templateView(store.template(id).orElseThrow());
        audit.record(t.orgId(), AUDIT_TEMPLATE, id, "CREATED", null, Map.of("name", view.name(), "steps",
                view.steps().stream().map(TemplateStepView::name).toList()));
        return view;
    }

    private TemplateView templateView(TemplateRow t) {
        return new TemplateView(t.id(), t.orgId(), t.code(), t.name(), t.description(), store.templateSteps(t.id())
                .stream().map(s -> new TemplateStepView(s.stepNo(), s.name(), s.guidance(), s.dependsOn(),
                        s.dutyType() != null)).toList());
    }

    // ---- processes

    /** Starts a process for an activity: the template's steps copied, all waiting but the first. */
    public ProcessView start(@Valid NewProcess p) {
        currentActor.require().require(Permission.SUPERVISION_WRITE, p.orgId());
        TemplateRow template = store.template(p.templateId())
                .filter(t -> t.orgId() == 0 || lineage(p.orgId()).contains(t.orgId()))
                .orElseThrow(() -> new NotFoundException("error.notFound"));
        if (p.activityOn().getYear() < 1990 || p.activityOn().getYear() > 2100) {
            throw DomainException.onField("activityOn", "eightStep.error.date");
        }
        List<Long> ids = p.deputyIds().stream().distinct().toList();
        if (ids.isEmpty()) {
            throw DomainException.onField("deputyIds", "eightStep.error.noDeputies");
        }
        Map<Long, DeputyRef> refs = deputies.refs(ids);
        Reach deputyReach = currentActor.reach(Permission.DEPUTY_READ);
        Set<Long> lineage = lineage(p.orgId());
        for (long id : ids) {
            DeputyRef ref = refs.get(id);
            // a deputy of the town (in the clerk's reach) or of a congress above it (a county deputy in the town)
            if (ref == null || !deputyReach.covers(ref.orgId()) && !lineage.contains(ref.orgId())) {
                throw new NotFoundException("error.notFound");
            }
        }
        long id = store.insertProcess(p.orgId(), template, p.title().strip(), p.activityOn(),
                Texts.blankToNull(p.subjectText()), currentActor.auditName());
        store.templateSteps(template.id()).forEach(s -> store.insertStage(id, p.orgId(), s));
        ids.forEach(d -> store.addParticipant(id, p.orgId(), d));
        ProcessView view = view(store.process(id).orElseThrow());
        audit.record(p.orgId(), AUDIT_PROCESS, id, "CREATED", null, Map.of("title", view.title(), "template",
                view.templateName(), "activityOn", view.activityOn().toString(), "deputies",
                view.deputies().stream().map(Participant::name).toList()));
        return view;
    }

    @Transactional(readOnly = true)
    public ProcessView process(long id) {
        return view(currentActor.reach(Permission.SUPERVISION_READ).guard(store.process(id), ProcessRow::orgId));
    }

    /** The process a step belongs to, for whoever may read it (404 otherwise). */
    @Transactional(readOnly = true)
    public ProcessView processOfStage(long stageId) {
        StageRow stage = currentActor.reach(Permission.SUPERVISION_READ).guard(store.stage(stageId), StageRow::orgId);
        return view(store.process(stage.processId()).orElseThrow());
    }

    /** The processes in the reader's reach, newest activity first (at most 500). */
    @Transactional(readOnly = true)
    public List<ProcessSummary> list() {
        List<ProcessRow> rows = store.processes(currentActor.reach(Permission.SUPERVISION_READ), 500);
        Map<Long, int[]> progress = store.progress(rows.stream().map(ProcessRow::id).toList());
        Map<Long, String> names = orgNames(rows.stream().map(ProcessRow::orgId).collect(Collectors.toSet()));
        List<ProcessSummary> out = new ArrayList<>();
        for (ProcessRow r : rows) {
            int[] p = progress.getOrDefault(r.id(), new int[] {0, 0});
            String current = p[0] == p[1] ? null : currentStep(store.stages(r.id()));
            out.add(new ProcessSummary(r.id(), r.orgId(), names.getOrDefault(r.orgId(), ""), r.title(),
                    r.templateName(), r.activityOn(), p[0], p[1], current));
        }
        return out;
    }

    public boolean canWrite(long orgId) {
        return currentActor.require().can(Permission.SUPERVISION_WRITE, orgId);
    }

    /** Whether the actor may start processes anywhere, and where. */
    @Transactional(readOnly = true)
    public List<OrgView> writableOrgs() {
        return orgs.within(currentActor.reach(Permission.SUPERVISION_WRITE)).stream()
                .filter(o -> o.type() != org.renda.org.OrgType.DEPARTMENT && o.type() != org.renda.org.OrgType.UNIT)
                .toList();
    }

    // ---- steps

    /**
     * Closes a step with its date, evidence text and files, in the name of the signed-in user. Refused, with nothing
     * saved, when the step it depends on is still open or its date precedes that step's.
     */
    public ProcessView close(long stageId, @Valid CloseForm form, List<Upload> files) {
        StageRow stage = currentActor.reach(Permission.SUPERVISION_WRITE).guard(store.stage(stageId), StageRow::orgId);
        ProcessRow process = store.process(stage.processId()).orElseThrow();
        List<StageRow> stages = store.stages(process.id());
        EightStepRules.checkClose(steps(stages), stage.stepNo(), form.doneOn(), LocalDate.now());
        List<Upload> real = files.stream().filter(f -> f.data().length > 0).toList();
        checkFiles(real, store.fileCount(stage.id()));
        store.touchProcess(process.id(), process.version());
        String evidence = Texts.blankToNull(form.evidence());
        store.close(stage.id(), stage.version(), form.doneOn(), evidence, currentActor.auditName());
        List<String> names = new ArrayList<>();
        for (Upload f : real) {
            String name = safeName(f.fileName());
            store.addFile(stage.id(), stage.orgId(), name, typeOf(f), f.data());
            names.add(name);
        }
        List<String> attested = new ArrayList<>();
        if (stage.dutyType() != null) {
            Map<Long, DeputyRef> refs = deputies.refs(store.participants(process.id()));
            String title = clip(process.title() + "（" + stage.name() + "）", 200);
            for (DeputyRef ref : refs.values()) {
                duties.recordAttested(ref.id(), new DutyLog.DutyForm(DutyType.valueOf(stage.dutyType()), form.doneOn(),
                        title, evidence == null ? null : clip(evidence, 400), null), dutyKey(process.id(), ref.id()),
                        process.orgId(), Permission.SUPERVISION_WRITE);
                attested.add(ref.name());
            }
        }
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("step", stage.stepNo() + " " + stage.name());
        after.put("doneOn", form.doneOn().toString());
        after.put("evidence", evidence == null ? "" : clip(evidence, 200));
        after.put("files", names);
        if (!attested.isEmpty()) {
            after.put("attested", attested);
        }
        audit.record(process.orgId(), AUDIT_PROCESS, process.id(), "STEP_CLOSED", null, after);
        return view(store.process(process.id()).orElseThrow());
    }

    /**
     * Reopens a closed step (a correction) while no later step is closed; the evidence stays. Reopening the meeting
     * withdraws its duty records from the deputies' archives (closing it again restores them).
     */
    public ProcessView reopen(long stageId) {
        StageRow stage = currentActor.reach(Permission.SUPERVISION_WRITE).guard(store.stage(stageId), StageRow::orgId);
        ProcessRow process = store.process(stage.processId()).orElseThrow();
        EightStepRules.checkReopen(steps(store.stages(process.id())), stage.stepNo());
        store.touchProcess(process.id(), process.version());
        store.reopen(stage.id(), stage.version());
        if (stage.dutyType() != null) {
            for (long deputyId : store.participants(process.id())) {
                duties.retractAttested(dutyKey(process.id(), deputyId), "八步工作法步骤重新打开", process.orgId(),
                        Permission.SUPERVISION_WRITE);
            }
        }
        audit.record(process.orgId(), AUDIT_PROCESS, process.id(), "STEP_REOPENED",
                Map.of("step", stage.stepNo() + " " + stage.name(), "doneOn", String.valueOf(stage.doneOn()),
                        "closedBy", String.valueOf(stage.closedBy())), null);
        return view(store.process(process.id()).orElseThrow());
    }

    /** One evidence file, for whoever may read its process. */
    @Transactional(readOnly = true)
    public EightStepStore.FileData file(long fileId) {
        return currentActor.reach(Permission.SUPERVISION_READ).guard(store.file(fileId), EightStepStore.FileData::orgId);
    }

    // ---- helpers

    static String dutyKey(long processId, long deputyId) {
        return "eight-step:" + processId + ":deputy:" + deputyId;
    }

    private static List<Step> steps(List<StageRow> stages) {
        return stages.stream().map(s -> new Step(s.stepNo(), s.name(), s.dependsOn(), s.doneOn())).toList();
    }

    private static @Nullable String currentStep(List<StageRow> stages) {
        List<Step> steps = steps(stages);
        return steps.stream().filter(s -> EightStepRules.status(steps, s) == EightStepStatus.CURRENT)
                .map(Step::name).findFirst().orElse(null);
    }

    private ProcessView view(ProcessRow p) {
        List<StageRow> stages = store.stages(p.id());
        List<Step> steps = steps(stages);
        Map<Long, List<FileView>> files = new LinkedHashMap<>();
        store.files(p.id()).forEach(f -> files.computeIfAbsent(f.stageId(), k -> new ArrayList<>())
                .add(new FileView(f.id(), f.fileName(), f.contentType(), f.sizeBytes())));
        Map<String, String> closers = people.displayNames(stages.stream().map(StageRow::closedBy)
                .filter(java.util.Objects::nonNull).collect(Collectors.toSet()));
        int lastClosed = stages.stream().filter(s -> s.doneOn() != null).mapToInt(StageRow::stepNo).max().orElse(0);
        Map<Integer, String> byNo = stages.stream().collect(Collectors.toMap(StageRow::stepNo, StageRow::name));
        List<StageView> views = new ArrayList<>();
        for (int i = 0; i < stages.size(); i++) {
            StageRow s = stages.get(i);
            views.add(new StageView(s.id(), s.stepNo(), s.name(), s.guidance(), s.dependsOn(),
                    s.dependsOn() == null ? null : byNo.get(s.dependsOn()), EightStepRules.status(steps, steps.get(i)),
                    s.doneOn(), s.evidence(), s.closedBy(), s.closedBy() == null ? null
                            : closers.getOrDefault(s.closedBy(), s.closedBy()), s.closedAt(), s.dutyType() != null,
                    s.doneOn() != null && s.stepNo() == lastClosed, files.getOrDefault(s.id(), List.of())));
        }
        Map<Long, DeputyRef> refs = deputies.refs(store.participants(p.id()));
        List<Participant> who = refs.values().stream().map(r -> new Participant(r.id(), r.name())).toList();
        return new ProcessView(p.id(), p.orgId(), orgNames(Set.of(p.orgId())).getOrDefault(p.orgId(), ""),
                p.templateId(), p.templateName(), p.title(), p.activityOn(), p.subjectText(), who, views,
                (int) views.stream().filter(v -> v.status() == EightStepStatus.DONE).count(), p.version());
    }

    private Map<Long, String> orgNames(Set<Long> ids) {
        return orgs.findAll(ids).stream().collect(Collectors.toMap(OrgView::id, OrgView::name));
    }

    private Set<Long> lineage(long orgId) {
        OrgView org = orgs.find(orgId).orElseThrow(() -> new NotFoundException("error.notFound"));
        Set<Long> out = new HashSet<>();
        for (long id : org.lineage()) {
            out.add(id);
        }
        return out;
    }

    static void checkFiles(List<Upload> files, int already) {
        if (files.size() + already > MAX_FILES) {
            throw DomainException.onField("files", "eightStep.error.tooManyFiles", MAX_FILES);
        }
        for (Upload f : files) {
            if (typeOfOrNull(f) == null) {
                throw DomainException.onField("files", "eightStep.error.fileType", safeName(f.fileName()));
            }
            if (f.data().length > MAX_FILE_MB * 1024 * 1024) {
                throw DomainException.onField("files", "eightStep.error.fileSize", safeName(f.fileName()), MAX_FILE_MB);
            }
        }
    }

    private static String typeOf(Upload f) {
        String t = typeOfOrNull(f);
        return t == null ? "application/octet-stream" : t;
    }

    /** The type the bytes really are, if one we keep: a declared image type that is an image, or a PDF. */
    private static @Nullable String typeOfOrNull(Upload f) {
        String declared = f.contentType() == null ? "" : f.contentType();
        if (IMAGE_TYPES.contains(declared) && Images.looksLike(declared, f.data())) {
            return declared;
        }
        byte[] d = f.data();
        if (d.length > 5 && d[0] == '%' && d[1] == 'P' && d[2] == 'D' && d[3] == 'F' && d[4] == '-') {
            return PDF;
        }
        return null;
    }

    static String safeName(@Nullable String name) {
        String n = name == null ? "file" : name.replaceAll("[\\\\/\\p{Cntrl}]", "_").strip();
        return n.isEmpty() ? "file" : n.length() > 200 ? n.substring(n.length() - 200) : n;
    }

    private static String clip(String s, int max) {
        return s.length() > max ? s.substring(0, max - 1) + "…" : s;
    }
}
