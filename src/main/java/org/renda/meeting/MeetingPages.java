package org.renda.meeting;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.renda.meeting.MeetingDesk.AgendaForm;
import org.renda.meeting.MeetingDesk.MeetingForm;
import org.renda.meeting.MeetingDesk.MotionForm;
import org.renda.meeting.MeetingDesk.SpeechForm;
import org.renda.meeting.MeetingEnums.MeetingKind;
import org.renda.meeting.MeetingEnums.MeetingState;
import org.renda.meeting.MeetingEnums.MotionKind;
import org.renda.meeting.MeetingEnums.ResolutionKind;
import org.renda.meeting.MeetingEnums.Response;
import org.renda.meeting.MeetingViews.MeetingPage;
import org.renda.meeting.MeetingViews.MeetingSummary;
import org.renda.meeting.MeetingViews.ResolutionView;
import org.renda.meeting.Resolutions.ResolutionForm;
import org.renda.meeting.Resolutions.VoteForm;
import org.renda.shared.NotFoundException;
import org.renda.shared.document.Document;
import org.renda.shared.document.DocxWriter;
import org.renda.shared.document.PdfWriter;
import org.renda.shared.web.Downloads;
import org.renda.shared.validation.YearNumber;
import org.renda.shared.web.Feedback;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
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

/** The meeting pages: the index (a deputy's next meeting first), a meeting, a vote, the presidium. */
@Controller
class MeetingPages {

    static final String INDEX = "meeting/index";
    static final String NEW = "meeting/new";
    static final String DETAIL = "meeting/detail";
    static final String VOTE = "meeting/vote";
    static final String PRESIDIUM = "meeting/presidium";

    private final MeetingDesk desk;
    private final Resolutions resolutions;
    private final Presidiums presidiums;
    private final MeetingCounts counts;
    private final Feedback feedback;
    private final MeetingDocuments documents;
    private final ElectionDesk elections;
    private final org.renda.org.OrgTree orgs;

    MeetingPages(MeetingDesk desk, Resolutions resolutions, Presidiums presidiums, MeetingCounts counts,
            Feedback feedback, MeetingDocuments documents, ElectionDesk elections, org.renda.org.OrgTree orgs) {
        this.orgs = orgs;
        this.documents = documents;
        this.elections = elections;
        this.desk = desk;
        this.resolutions = resolutions;
        this.presidiums = presidiums;
        this.counts = counts;
        this.feedback = feedback;
    }

    // ---- the index

    @GetMapping("/meetings")
    String index(@RequestParam(required = false) @Nullable @YearNumber Integer year,
            @RequestParam(required = false) @Nullable Long org, @RequestParam(required = false) @Nullable MeetingKind kind,
            @RequestParam(required = false) @Nullable MeetingState state, Model model) {
        LocalDate today = LocalDate.now();
        int y = year == null ? today.getYear() : year;
        boolean filtered = org != null || kind != null || state != null;
        List<MeetingSummary> mine = filtered ? List.of() : desk.mine(today);
        model.addAttribute("mine", mine);
        if (!mine.isEmpty()) {
            model.addAttribute("next", desk.page(mine.get(0).meeting().id()));
        }
        // the annual report's figures link here with the organisation (its subtree), the year, kind and state
        List<MeetingSummary> meetings = org != null ? desk.list(org, y, kind, state) : desk.list(y).stream()
                .filter(s -> (kind == null || s.meeting().kind() == kind) && (state == null || s.meeting().state() == state))
                .toList();
        model.addAttribute("meetings", meetings.stream().filter(s -> s.meeting().state() != MeetingState.DRAFT
                || desk.canCreate()).toList());
        if (filtered) {
            List<String> parts = new java.util.ArrayList<>();
            if (org != null) {
                orgs.find(org).ifPresent(o -> parts.add(o.name()));
            }
            parts.add(feedback.text("listFilter.year", String.valueOf(y)));
            if (kind != null) {
                parts.add(feedback.text(kind.messageKey()));
            }
            if (state != null) {
                parts.add(feedback.text(state.messageKey()));
            }
            model.addAttribute("filter", String.join(" · ", parts));
        }
        model.addAttribute("org", org);
        model.addAttribute("kind", kind);
        model.addAttribute("state", state);
        model.addAttribute("counts", counts.sessions(y));
        model.addAttribute("minimum", counts.minimum(MeetingKind.SESSION));
        model.addAttribute("year", y);
        model.addAttribute("canCreate", desk.canCreate());
        return INDEX;
    }

    // ---- a new meeting

    @GetMapping("/meetings/new")
    String newForm(@RequestParam(required = false) @Nullable MeetingKind kind, Model model) {
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", new MeetingForm(null, kind == null ? MeetingKind.SESSION : kind, null, null, null,
                    LocalDate.now().plusDays(14), null, java.time.LocalTime.of(9, 0), null));
        }
        return newPage(model);
    }

    private String newPage(Model model) {
        var places = desk.writableOrgs();
        if (places.isEmpty()) {
            throw new NotFoundException("error.notFound");
        }
        model.addAttribute("orgs", places);
        model.addAttribute("kinds", MeetingKind.values());
        return NEW;
    }

    @PostMapping("/meetings")
    String create(@Valid @ModelAttribute("form") MeetingForm form, BindingResult binding, Model model,
            RedirectAttributes redirect) {
        return feedback.submit(binding, redirect, () -> newPage(model), () -> new Feedback.Next("/meetings/"
                + desk.create(form).id(), "common.saved"));
    }

    // ---- a meeting

    @GetMapping("/meetings/{id}")
    String detail(@PathVariable long id, Model model) {
        return detailPage(id, model);
    }

    private String detailPage(long id, Model model) {
        MeetingPage p = desk.page(id);
        model.addAttribute("p", p);
        model.addAttribute("m", p.meeting());
        model.addAttribute("states", MeetingState.values());
        model.addAttribute("motionKinds", MotionKind.values());
        model.addAttribute("resolutionKinds", ResolutionKind.values());
        model.addAttribute("categories", CATEGORIES);
        model.addAttribute("elections", p.meeting().kind() == MeetingKind.SESSION ? elections.atMeeting(id) : List.of());
        if (p.canWrite() && !(p.meeting().kind() == MeetingKind.SESSION || p.meeting().kind() == MeetingKind.PRESIDIUM)) {
            java.util.Set<Long> invited = new java.util.HashSet<>(p.attendees().stream()
                    .map(MeetingViews.AttendeeView::deputyId).toList());
            model.addAttribute("invitable", desk.invitable(id).stream().filter(d -> !invited.contains(d.id())).toList());
        }
        if (!model.containsAttribute("agendaForm")) {
            model.addAttribute("agendaForm", new AgendaForm(null, null, null, null));
        }
        if (!model.containsAttribute("motionForm")) {
            model.addAttribute("motionForm", new MotionForm(null, MotionKind.MOTION, null, null, null));
        }
        if (!model.containsAttribute("speechForm")) {
            model.addAttribute("speechForm", new SpeechForm(null, null));
        }
        if (!model.containsAttribute("minutesForm")) {
            model.addAttribute("minutesForm", new MinutesForm(p.meeting().minutes(), p.meeting().version()));
        }
        if (!model.containsAttribute("resolutionForm")) {
            model.addAttribute("resolutionForm", new ResolutionForm(ResolutionKind.RESOLUTION, null, null));
        }
        return DETAIL;
    }

    /** The categories of casework, offered for a motion (the case takes one). */
    static final List<String> CATEGORIES = List.of("交通出行", "教育", "医疗卫生", "生态环境", "城乡建设", "农业农村",
            "社会保障", "就业创业", "安全生产", "政务服务", "其他");

    @PostMapping("/meetings/{id}/advance")
    String advance(@PathVariable long id, @RequestParam MeetingState to, RedirectAttributes redirect) {
        return feedback.redirect(redirect, "/meetings/" + id, () -> desk.advance(id, to), "meeting.advanced." + to.name());
    }

    @PostMapping("/meetings/{id}/agenda")
    String addAgenda(@PathVariable long id, @Valid @ModelAttribute("agendaForm") AgendaForm agendaForm,
            BindingResult binding, Model model, RedirectAttributes redirect) {
        return feedback.submit(binding, redirect, () -> detailPage(id, model.addAttribute("openForm", "agenda")), () -> {
            desk.addAgenda(id, agendaForm);
            return new Feedback.Next("/meetings/" + id + "#agenda", "common.saved");
        });
    }

    @PostMapping("/meetings/agenda/{agendaId}/delete")
    String removeAgenda(@PathVariable long agendaId, RedirectAttributes redirect) {
        long id = desk.meetingOfAgenda(agendaId);
        return feedback.redirect(redirect, "/meetings/" + id + "#agenda", () -> desk.removeAgenda(agendaId),
                "common.saved");
    }

    @PostMapping("/meetings/{id}/materials")
    String upload(@PathVariable long id, @RequestParam(required = false) @Nullable String title,
            @RequestParam("file") MultipartFile file, RedirectAttributes redirect) throws IOException {
        MeetingDesk.Upload upload = new MeetingDesk.Upload(file.getOriginalFilename() == null ? ""
                : file.getOriginalFilename(), file.getContentType(), file.getBytes());
        return feedback.redirect(redirect, "/meetings/" + id + "#materials", () -> desk.addMaterial(id, title, upload),
                "meeting.material.added");
    }

    @GetMapping("/meetings/materials/{materialId}")
    ResponseEntity<byte[]> material(@PathVariable long materialId) {
        MeetingStore.MaterialFile f = desk.material(materialId);
        boolean inline = f.contentType().equals(MeetingFiles.PDF) || f.contentType().startsWith("image/");
        ContentDisposition disposition = (inline ? ContentDisposition.inline() : ContentDisposition.attachment())
                .filename(f.fileName(), StandardCharsets.UTF_8).build();
        return ResponseEntity.ok().header(HttpHeaders.CONTENT_DISPOSITION, disposition.toString())
                .contentType(MediaType.parseMediaType(f.contentType()))
                .cacheControl(CacheControl.noCache().cachePrivate()).body(f.data());
    }

    @PostMapping("/meetings/materials/{materialId}/delete")
    String removeMaterial(@PathVariable long materialId, RedirectAttributes redirect) {
        long id = desk.removeMaterial(materialId);
        redirect.addFlashAttribute("success", feedback.text("common.saved"));
        return "redirect:/meetings/" + id + "#materials";
    }

    @PostMapping("/meetings/{id}/invite")
    String invite(@PathVariable long id, @RequestParam(required = false) @Nullable List<Long> deputyIds,
            RedirectAttributes redirect) {
        return feedback.redirect(redirect, "/meetings/" + id + "#attendance", () -> {
            int n = desk.invite(id, deputyIds == null ? List.of() : deputyIds);
            return new Feedback.Next("/meetings/" + id + "#attendance", "meeting.invited", n);
        });
    }

    @PostMapping("/meetings/{id}/respond")
    String respond(@PathVariable long id, @RequestParam Response response,
            @RequestParam(required = false) @Nullable String reason, RedirectAttributes redirect) {
        return feedback.redirect(redirect, "/meetings/" + id, () -> desk.respond(id, response, reason),
                "meeting.responded." + response.name());
    }

    @PostMapping("/meetings/{id}/presence")
    String presence(@PathVariable long id, @RequestParam(required = false) @Nullable List<Long> deputyIds,
            RedirectAttributes redirect) {
        return feedback.redirect(redirect, "/meetings/" + id + "#attendance", () -> {
            var a = desk.checkIn(id, deputyIds == null ? List.of() : deputyIds);
            return new Feedback.Next("/meetings/" + id + "#attendance", "meeting.presence.saved", a.present(),
                    a.expected());
        });
    }

    @PostMapping("/meetings/{id}/motions")
    String motion(@PathVariable long id, @Valid @ModelAttribute("motionForm") MotionForm motionForm,
            BindingResult binding, Model model, RedirectAttributes redirect) {
        return feedback.submit(binding, redirect, () -> detailPage(id, model.addAttribute("openForm", "motion")), () -> {
            var v = desk.raiseMotion(id, motionForm);
            return new Feedback.Next("/meetings/" + id + "#motions", "meeting.motion.raised", v.caseReceipt());
        });
    }

    @PostMapping("/meetings/{id}/speeches")
    String speech(@PathVariable long id, @Valid @ModelAttribute("speechForm") SpeechForm speechForm,
            BindingResult binding, Model model, RedirectAttributes redirect) {
        return feedback.submit(binding, redirect, () -> detailPage(id, model), () -> {
            desk.recordSpeech(id, speechForm);
            return new Feedback.Next("/meetings/" + id + "#speeches", "common.saved");
        });
    }

    @PostMapping("/meetings/{id}/resolutions")
    String resolution(@PathVariable long id, @Valid @ModelAttribute("resolutionForm") ResolutionForm resolutionForm,
            BindingResult binding, Model model, RedirectAttributes redirect) {
        return feedback.submit(binding, redirect, () -> detailPage(id, model.addAttribute("openForm", "resolution")),
                () -> {
            resolutions.draft(id, resolutionForm);
            return new Feedback.Next("/meetings/" + id + "#resolutions", "common.saved");
        });
    }

    record MinutesForm(@Nullable String minutes, @NotNull Integer version) {}

    @PostMapping("/meetings/{id}/minutes")
    String minutes(@PathVariable long id, @Valid @ModelAttribute("minutesForm") MinutesForm minutesForm,
            BindingResult binding, Model model, RedirectAttributes redirect) {
        return feedback.submit(binding, redirect, () -> detailPage(id, model), () -> {
            desk.saveMinutes(id, minutesForm.version(), minutesForm.minutes());
            return new Feedback.Next("/meetings/" + id + "#minutes", "common.saved");
        });
    }

    // ---- a vote

    @GetMapping("/meetings/resolutions/{resolutionId}/vote")
    String voteForm(@PathVariable long resolutionId, Model model) {
        ResolutionView r = resolutions.get(resolutionId);
        if (!model.containsAttribute("voteForm")) {
            model.addAttribute("voteForm", new VoteForm(r.votesFor(), r.votesAgainst(), r.votesAbstain(), r.notVoting(),
                    r.version()));
        }
        return votePage(resolutionId, model);
    }

    private String votePage(long resolutionId, Model model) {
        ResolutionView r = resolutions.get(resolutionId);
        model.addAttribute("r", r);
        model.addAttribute("p", desk.page(r.meetingId()));
        return VOTE;
    }

    @PostMapping("/meetings/resolutions/{resolutionId}/vote")
    String vote(@PathVariable long resolutionId, @Valid @ModelAttribute("voteForm") VoteForm voteForm,
            BindingResult binding, Model model, RedirectAttributes redirect) {
        return feedback.submit(binding, redirect, () -> votePage(resolutionId, model), () -> {
            ResolutionView r = resolutions.recordVote(resolutionId, voteForm);
            return new Feedback.Next("/meetings/" + r.meetingId() + "#resolution-" + r.id(), "meeting.vote.recorded");
        });
    }

    @PostMapping("/meetings/resolutions/{resolutionId}/announce")
    String announce(@PathVariable long resolutionId, @RequestParam int version, RedirectAttributes redirect) {
        long id = resolutions.meetingOf(resolutionId);
        return feedback.redirect(redirect, "/meetings/" + id + "#resolution-" + resolutionId,
                () -> resolutions.announce(resolutionId, version), "meeting.resolution.announced");
    }

    // ---- documents: Word to edit, PDF to print

    @GetMapping("/meetings/{id}/agenda.docx")
    ResponseEntity<byte[]> agendaDocx(@PathVariable long id) {
        Document d = documents.agenda(id);
        return Downloads.docx(DocxWriter.write(d), d.title() + "议程.docx");
    }

    @GetMapping("/meetings/{id}/agenda.pdf")
    ResponseEntity<byte[]> agendaPdf(@PathVariable long id) {
        Document d = documents.agenda(id);
        return Downloads.pdf(PdfWriter.write(d), d.title() + "议程.pdf");
    }

    @GetMapping("/meetings/{id}/script.docx")
    ResponseEntity<byte[]> scriptDocx(@PathVariable long id) {
        Document d = documents.script(id);
        return Downloads.docx(DocxWriter.write(d), d.title() + "主持词.docx");
    }

    @GetMapping("/meetings/{id}/script.pdf")
    ResponseEntity<byte[]> scriptPdf(@PathVariable long id) {
        Document d = documents.script(id);
        return Downloads.pdf(PdfWriter.write(d), d.title() + "主持词.pdf");
    }

    @GetMapping("/meetings/resolutions/{resolutionId}/text.docx")
    ResponseEntity<byte[]> resolutionDocx(@PathVariable long resolutionId) {
        Document d = documents.resolution(resolutionId);
        return Downloads.docx(DocxWriter.write(d), d.title() + ".docx");
    }

    @GetMapping("/meetings/resolutions/{resolutionId}/text.pdf")
    ResponseEntity<byte[]> resolutionPdf(@PathVariable long resolutionId) {
        Document d = documents.resolution(resolutionId);
        return Downloads.pdf(PdfWriter.write(d), d.title() + ".pdf");
    }

    // ---- the presidium

    record PresidiumForm(@NotNull Long orgId, @NotNull @Min(1) @Max(99) Integer termNo, @Nullable Long chairId,
            @Nullable List<Long> viceChairIds, @Nullable List<Long> memberIds) {}

    @GetMapping("/meetings/presidium")
    String presidium(@RequestParam long org, @RequestParam(defaultValue = "0") int term, Model model) {
        int t = term > 0 ? term : 18;
        var current = presidiums.of(org, t);
        model.addAttribute("presidium", current.orElse(null));
        model.addAttribute("candidates", presidiums.candidates(org));
        model.addAttribute("orgId", org);
        model.addAttribute("term", t);
        model.addAttribute("canWrite", desk.writableOrgs().stream().anyMatch(o -> o.id() == org));
        if (!model.containsAttribute("presidiumForm")) {
            model.addAttribute("presidiumForm", new PresidiumForm(org, t, current.flatMap(p -> p.members().stream()
                    .filter(mv -> mv.post() == MeetingEnums.Post.CHAIR).findFirst()).map(MeetingViews.MemberView::deputyId)
                    .orElse(null), current.map(p -> p.members().stream().filter(mv -> mv.post()
                    == MeetingEnums.Post.VICE_CHAIR).map(MeetingViews.MemberView::deputyId).toList()).orElse(List.of()),
                    current.map(p -> p.members().stream().filter(mv -> mv.post() == MeetingEnums.Post.MEMBER)
                            .map(MeetingViews.MemberView::deputyId).toList()).orElse(List.of())));
        }
        return PRESIDIUM;
    }

    @PostMapping("/meetings/presidium")
    String savePresidium(@Valid @ModelAttribute("presidiumForm") PresidiumForm presidiumForm, BindingResult binding,
            Model model, RedirectAttributes redirect) {
        String back = "/meetings/presidium?org=" + presidiumForm.orgId() + "&term=" + presidiumForm.termNo();
        return feedback.submit(binding, redirect, () -> {
            if (presidiumForm.orgId() == null || presidiumForm.termNo() == null) {
                throw new NotFoundException("error.notFound");
            }
            return presidium(presidiumForm.orgId(), presidiumForm.termNo(), model);
        }, () -> {
            presidiums.save(new Presidiums.Members(presidiumForm.orgId(), presidiumForm.termNo(), presidiumForm.chairId(),
                    nonNull(presidiumForm.viceChairIds()), nonNull(presidiumForm.memberIds())));
            return new Feedback.Next(back, "common.saved");
        });
    }

    @PostMapping("/meetings/presidiums/{presidiumId}/confirm")
    String confirmPresidium(@PathVariable long presidiumId, @RequestParam int version, RedirectAttributes redirect) {
        var p = presidiums.get(presidiumId);
        return feedback.redirect(redirect, "/meetings/presidium?org=" + p.orgId() + "&term=" + p.termNo(),
                () -> presidiums.confirm(presidiumId, version), "meeting.presidium.confirmed");
    }

    private static List<Long> nonNull(@Nullable List<Long> ids) {
        return ids == null ? List.of() : ids;
    }
}
