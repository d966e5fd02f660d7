package org.renda.supervision;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.renda.deputy.DeputyRegister;
import org.renda.org.OrgView;
import org.renda.shared.NotFoundException;
import org.renda.shared.web.Feedback;
import org.renda.supervision.EightStepViews.ProcessView;
import org.renda.supervision.EightStepViews.StageView;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The eight-step pages: the list, starting a process, and a process as a vertical timeline (phone first). */
@Controller
class EightStepPages {

    private final EightStepDesk desk;
    private final DeputyRegister deputies;
    private final Feedback feedback;

    EightStepPages(EightStepDesk desk, DeputyRegister deputies, Feedback feedback) {
        this.desk = desk;
        this.deputies = deputies;
        this.feedback = feedback;
    }

    @GetMapping("/supervision/steps")
    String list(Model model) {
        model.addAttribute("processes", desk.list());
        model.addAttribute("canStart", !desk.writableOrgs().isEmpty());
        return "supervision/steps/list";
    }

    /** Starting a process: the organisation first (its deputies are offered), then the activity. */
    record StartForm(@NotNull Long orgId, @NotNull Long templateId, @NotBlank @Size(max = 200) String title,
            @NotNull @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate activityOn, @Nullable @Size(max = 200) String subjectText,
            @Nullable List<Long> deputyIds) {}

    @GetMapping("/supervision/steps/new")
    String newForm(@RequestParam(required = false) @Nullable Long orgId, Model model) {
        List<OrgView> places = desk.writableOrgs();
        if (places.isEmpty()) {
            throw new NotFoundException("error.notFound");
        }
        long org = orgId == null ? places.get(0).id() : orgId;
        if (places.stream().noneMatch(o -> o.id() == org)) {
            throw new NotFoundException("error.notFound");
        }
        model.addAttribute("form", new StartForm(org, desk.templatesFor(org).stream().findFirst().map(t -> t.id())
                .orElse(null), "", LocalDate.now(), null, List.of()));
        return startPage(org, model);
    }

    private String startPage(long orgId, Model model) {
        model.addAttribute("orgs", desk.writableOrgs());
        model.addAttribute("orgId", orgId);
        model.addAttribute("templates", desk.templatesFor(orgId));
        model.addAttribute("deputies", deputies.listAll(new DeputyRegister.Query(null, null, null, null, null, orgId,
                true)));
        return "supervision/steps/new";
    }

    @PostMapping("/supervision/steps")
    String start(@Valid @ModelAttribute("form") StartForm form, BindingResult binding, RedirectAttributes redirect,
            Model model) {
        long org = form.orgId() == null ? desk.writableOrgs().stream().findFirst()
                .orElseThrow(() -> new NotFoundException("error.notFound")).id() : form.orgId();
        return feedback.submit(binding, redirect, () -> startPage(org, model), () -> {
            ProcessView p = desk.start(new EightStepDesk.NewProcess(form.orgId(), form.templateId(), form.title(),
                    form.activityOn(), form.subjectText(), form.deputyIds() == null ? List.of() : form.deputyIds()));
            return new Feedback.Next("/supervision/steps/" + p.id(), "eightStep.started");
        });
    }

    @GetMapping("/supervision/steps/{processId}")
    String process(@PathVariable long processId, @RequestParam(required = false) @Nullable Integer step, Model model) {
        ProcessView p = desk.process(processId);
        model.addAttribute("form", new CloseStepForm(LocalDate.now(), null));
        return processPage(p, step, model);
    }

    private String processPage(ProcessView p, @Nullable Integer step, Model model) {
        model.addAttribute("p", p);
        model.addAttribute("canWrite", desk.canWrite(p.orgId()));
        model.addAttribute("today", LocalDate.now());
        // the step whose form shows: the one asked for if it can be closed now, else the first that can
        StageView open = p.steps().stream().filter(s -> s.status() == EightStepStatus.CURRENT
                && (step == null || s.stepNo() == step)).findFirst()
                .orElse(p.steps().stream().filter(s -> s.status() == EightStepStatus.CURRENT).findFirst().orElse(null));
        model.addAttribute("open", open);
        model.addAttribute("maxFiles", EightStepDesk.MAX_FILES);
        model.addAttribute("maxFileMb", EightStepDesk.MAX_FILE_MB);
        return "supervision/steps/process";
    }

    /** Closing a step: its date and evidence (files beside it). */
    record CloseStepForm(@NotNull @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate doneOn, @Nullable @Size(max = 4000) String evidence) {}

    @PostMapping("/supervision/steps/stages/{stageId}/close")
    String close(@PathVariable long stageId, @Valid @ModelAttribute("form") CloseStepForm form, BindingResult binding,
            @RequestParam(required = false) @Nullable List<MultipartFile> files, RedirectAttributes redirect,
            Model model) throws IOException {
        ProcessView p = desk.processOfStage(stageId);
        int stepNo = p.steps().stream().filter(s -> s.id() == stageId).findFirst().orElseThrow().stepNo();
        List<EightStepDesk.Upload> uploads = new ArrayList<>();
        if (files != null) {
            for (MultipartFile f : files) {
                if (!f.isEmpty()) {
                    uploads.add(new EightStepDesk.Upload(String.valueOf(f.getOriginalFilename()), f.getContentType(),
                            f.getBytes()));
                }
            }
        }
        return feedback.submit(binding, redirect, () -> processPage(desk.process(p.id()), stepNo, model), () -> {
            ProcessView after = desk.close(stageId, new EightStepDesk.CloseForm(form.doneOn(), form.evidence()), uploads);
            String name = after.steps().stream().filter(s -> s.id() == stageId).findFirst().orElseThrow().name();
            return new Feedback.Next("/supervision/steps/" + p.id(), "eightStep.closed", name);
        });
    }

    @PostMapping("/supervision/steps/stages/{stageId}/reopen")
    String reopen(@PathVariable long stageId, RedirectAttributes redirect) {
        ProcessView p = desk.processOfStage(stageId);
        return feedback.redirect(redirect, "/supervision/steps/" + p.id(), () -> desk.reopen(stageId),
                "eightStep.reopened");
    }

    @GetMapping("/supervision/steps/files/{fileId}")
    ResponseEntity<byte[]> file(@PathVariable long fileId) {
        EightStepStore.FileData f = desk.file(fileId);
        // Photos open in the page; a PDF is saved, never rendered in our origin.
        String disposition = f.contentType().startsWith("image/") ? "inline" : "attachment";
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(f.contentType()))
                .header("X-Content-Type-Options", "nosniff")
                .header("Content-Disposition", ContentDisposition.builder(disposition)
                        .filename(f.fileName(), StandardCharsets.UTF_8).build().toString())
                .cacheControl(CacheControl.noCache().cachePrivate()).body(f.data());
    }
}
