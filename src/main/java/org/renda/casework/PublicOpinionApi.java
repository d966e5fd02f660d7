package org.renda.casework;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.renda.casework.CaseDesk.PublicSubmission;
import org.renda.casework.CaseDesk.Receipt;
import org.renda.casework.CaseEnums.Rating;
import org.renda.casework.CaseViews.PublicTrack;
import org.renda.org.OrgType;
import org.renda.shared.NotFoundException;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The anonymous API for partner systems (WeChat mini-programs, the 12345 hotline system): submit an
 * opinion, track it by receipt code, list the congresses and categories. No sign-in; the door in front
 * ({@link PublicApiGate}) limits the rate, the body size and the media type before any of this runs.
 *
 * <p>Status codes: 201 a new case (Location: its tracking resource); 200 a repeat of an earlier
 * submission with the same Idempotency-Key (same receipt, header {@code Idempotent-Replayed: true});
 * 400 invalid input or header (problem details with {@code errors[].field}); 404 unknown receipt; 413
 * body over the limit; 415 not JSON; 422 the key was used for a different submission; 429 too many
 * requests (Retry-After).
 */
@RestController
@RequestMapping("/api/v1/public")
@Tag(name = "公众意见 Public opinions", description = "无需登录 · no sign-in")
class PublicOpinionApi {

    static final Pattern RECEIPT = Pattern.compile("[2-9A-HJ-NP-Za-hj-np-z]{10}");

    private final PublicIntake intake;
    private final CaseDesk desk;
    private final MessageSource messages;

    PublicOpinionApi(PublicIntake intake, CaseDesk desk, MessageSource messages) {
        this.intake = intake;
        this.desk = desk;
        this.messages = messages;
    }

    record ReceiptJson(String receiptCode, String trackUrl) {}

    @PostMapping(path = "/opinions", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Submit an opinion (anonymous allowed); answers the receipt code",
            description = "201 for a new case. With an Idempotency-Key header a retried request answers 200 with the"
                    + " first receipt instead of creating a second case; the same key with other content answers 422.")
    @ApiResponse(responseCode = "201", description = "A new case; Location is its tracking resource", useReturnTypeSchema = true)
    @ApiResponse(responseCode = "200", description = "A repeat with the same Idempotency-Key and content: the first receipt,"
            + " header Idempotent-Replayed: true", useReturnTypeSchema = true)
    ResponseEntity<ReceiptJson> submit(@Valid @RequestBody PublicSubmission body,
            @Parameter(description = "1–100 characters of A–Z a–z 0–9 _ -; a UUID per submission is best")
            @RequestHeader(name = "Idempotency-Key", required = false) @Nullable String idempotencyKey) {
        if (idempotencyKey != null && !PublicIntake.IDEMPOTENCY_KEY.matcher(idempotencyKey).matches()) {
            throw BadInput.header("Idempotency-Key", "case.public.error.idempotencyKey");
        }
        List<Map<String, Object>> fields = new ArrayList<>();
        if (intake.org(body.orgCode()).isEmpty()) {
            fields.add(field("orgCode", "case.error.org"));
        }
        if (!intake.categories().contains(body.category())) {
            fields.add(field("category", "case.error.category"));
        }
        if (!fields.isEmpty()) {
            throw new BadInput(fields);
        }
        Receipt r = intake.submit(body, idempotencyKey, List.of());
        ReceiptJson json = new ReceiptJson(r.receiptCode(), intake.trackUrl(r.receiptCode()));
        URI location = URI.create("/api/v1/public/opinions/" + r.receiptCode());
        return r.repeated()
                ? ResponseEntity.ok().location(location).header("Idempotent-Replayed", "true").body(json)
                : ResponseEntity.created(location).body(json);
    }

    record StepJson(Instant at, CaseAction action, String actionLabel, CaseState state, String stateLabel,
            @Nullable String note) {}

    /** What anyone holding the receipt code may see: no name, no phone, no content, no staff names. */
    record TrackJson(String receiptCode, String orgName, String category, String title, CaseState state,
            String stateLabel, @Nullable LocalDate dueOn, @Nullable Rating rating, @Nullable String ratingLabel,
            Instant submittedAt, List<StepJson> timeline) {}

    @GetMapping("/opinions/{receiptCode}")
    @Operation(summary = "Status and public timeline of a case by its receipt code (no personal data)")
    ResponseEntity<TrackJson> track(@PathVariable String receiptCode) {
        if (!RECEIPT.matcher(receiptCode).matches()) {
            throw new NotFoundException("case.error.receipt");
        }
        PublicTrack t = desk.track(receiptCode);
        List<StepJson> steps = t.steps().stream().map(s -> new StepJson(s.at(), s.action(),
                text(s.action().messageKey()), s.state(), text(s.state().messageKey()), s.note())).toList();
        TrackJson json = new TrackJson(t.receiptCode(), t.orgName(), t.category(), t.title(), t.state(),
                text(t.state().messageKey()), t.dueOn(), t.rating(),
                t.rating() == null ? null : text(t.rating().messageKey()), t.createdAt(), steps);
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(json);
    }

    record RatingJson(@jakarta.validation.constraints.NotNull Rating rating) {}

    @PostMapping(path = "/opinions/{receiptCode}/rating", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "The submitter rates the reply (SATISFIED, BASICALLY_SATISFIED, UNSATISFIED); only when REPLIED")
    ResponseEntity<TrackJson> rate(@PathVariable String receiptCode, @Valid @RequestBody RatingJson body) {
        if (!RECEIPT.matcher(receiptCode).matches()) {
            throw new NotFoundException("case.error.receipt");
        }
        desk.ratePublic(receiptCode, body.rating());
        return track(receiptCode);
    }

    record OrgJson(String code, String name, OrgType type, @Nullable String parentName) {}

    @GetMapping("/orgs")
    @Operation(summary = "The congresses an opinion can be addressed to: towns, streets and counties (code and name)")
    List<OrgJson> orgs() {
        return intake.orgs().stream().map(o -> new OrgJson(o.code(), o.name(), o.type(), o.parentName())).toList();
    }

    @GetMapping("/categories")
    @Operation(summary = "The categories an opinion can be filed under (send one as category)")
    List<String> categories() {
        return intake.categories();
    }

    /** Input that passed Bean Validation but names no known congress or category, or a bad header. */
    static final class BadInput extends RuntimeException {
        private final transient List<Map<String, Object>> fields;

        BadInput(List<Map<String, Object>> fields) {
            super("bad input", null, false, false);
            this.fields = fields;
        }

        static BadInput header(String name, String key) {
            return new BadInput(List.of(Map.of("field", name, "in", "header", "messageKey", key)));
        }
    }

    @ExceptionHandler(BadInput.class)
    ResponseEntity<ProblemDetail> badInput(BadInput e) {
        ProblemDetail p = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, text("error.validation"));
        p.setType(URI.create("urn:renda:problem:error.validation"));
        p.setProperty("errors", e.fields.stream().map(f -> {
            Map<String, Object> m = new java.util.LinkedHashMap<>(f);
            Object key = m.remove("messageKey");
            if (key != null) {
                m.put("message", text(key.toString()));
            }
            return m;
        }).toList());
        return ResponseEntity.badRequest().contentType(MediaType.APPLICATION_PROBLEM_JSON).body(p);
    }

    /**
     * An unreadable body: malformed JSON answers 400 with the general text; a value of the wrong type
     * (a word where true/false belongs, an unknown rating) also names the field.
     */
    @ExceptionHandler(org.springframework.http.converter.HttpMessageNotReadableException.class)
    ResponseEntity<ProblemDetail> unreadable(org.springframework.http.converter.HttpMessageNotReadableException e) {
        ProblemDetail p = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, text("error.unreadableBody"));
        p.setType(URI.create("urn:renda:problem:error.unreadableBody"));
        if (e.getCause() instanceof tools.jackson.databind.DatabindException d && !d.getPath().isEmpty()) {
            String field = d.getPath().stream().map(r -> r.getPropertyName() != null ? r.getPropertyName()
                    : "[" + r.getIndex() + "]").collect(java.util.stream.Collectors.joining("."));
            p.setProperty("errors", List.of(Map.of("field", field, "message", text("error.unreadableBody"))));
        }
        return ResponseEntity.badRequest().contentType(MediaType.APPLICATION_PROBLEM_JSON).body(p);
    }

    private Map<String, Object> field(String name, String key) {
        return Map.of("field", name, "messageKey", key);
    }

    private String text(String key) {
        return messages.getMessage(key, null, key, LocaleContextHolder.getLocale());
    }
}
