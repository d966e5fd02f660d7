package org.renda.appraisal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.renda.appraisal.AppraisalViews.CampaignDetail;
import org.renda.appraisal.AppraisalViews.CampaignView;
import org.renda.appraisal.VoteViews.Ballot;
import org.renda.appraisal.VoteViews.Verification;
import org.renda.appraisal.VoteViews.VoteDetail;
import org.renda.appraisal.VoteViews.VoteSummary;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The JSON API of appraisals and votes; the ballot and published results also under the anonymous /public door. */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "工作评议 Appraisals")
class AppraisalApi {

    private final AppraisalDesk desk;
    private final VoteDesk votes;
    private final BallotBox box;
    private final CodeAttempts attempts;
    private final MessageSource messages;

    AppraisalApi(AppraisalDesk desk, VoteDesk votes, BallotBox box, CodeAttempts attempts, MessageSource messages) {
        this.desk = desk;
        this.votes = votes;
        this.box = box;
        this.attempts = attempts;
        this.messages = messages;
    }

    @GetMapping("/appraisals")
    @Operation(summary = "Campaigns in reach (a unit sees the campaigns that review it)")
    @SecurityRequirement(name = "bearer")
    List<CampaignView> campaigns() {
        return desk.campaigns();
    }

    @GetMapping("/appraisals/{id}")
    @Operation(summary = "A campaign with its groups and units under review")
    @SecurityRequirement(name = "bearer")
    CampaignDetail campaign(@PathVariable long id) {
        return desk.campaign(id);
    }

    @GetMapping("/votes")
    @Operation(summary = "Votes in reach, optionally of one campaign")
    @SecurityRequirement(name = "bearer")
    List<VoteSummary> votes(@RequestParam(required = false) @Nullable Long campaignId) {
        return votes.list(campaignId);
    }

    @GetMapping("/votes/{id}")
    @Operation(summary = "A vote: scale, subjects, the invariant counts; the results once closed (never before)")
    @SecurityRequirement(name = "bearer")
    VoteDetail vote(@PathVariable long id) {
        return votes.detail(id);
    }

    @GetMapping("/public/votes/{code}")
    @Operation(summary = "The ballot of a vote by its public code: subjects and levels (anonymous)")
    Ballot ballot(@PathVariable String code) {
        return box.ballot(code);
    }

    /** A ballot: the one-time code and a level code for every subject id. */
    record BallotJson(@NotBlank @Size(max = 20) String code, @NotNull Map<Long, String> choices) {}

    @PostMapping("/public/votes/{code}/ballots")
    @Operation(summary = "Cast a ballot with a one-time code; 201 without any receipt or id, 422 for a spent or unknown code")
    @ApiResponse(responseCode = "201", description = "Cast; no receipt and no id, so the ballot cannot be traced")
    ResponseEntity<Void> cast(@PathVariable String code, @Valid @RequestBody BallotJson body,
            HttpServletRequest request) {
        attempts.guard(request, () -> box.cast(code, body.code(), body.choices()));
        return ResponseEntity.status(HttpStatus.CREATED).build();
    }

    /** Too many refused codes from this client: 429 with Retry-After, before the code is looked at. */
    @ExceptionHandler(CodeAttempts.Throttled.class)
    ResponseEntity<ProblemDetail> throttled(CodeAttempts.Throttled e) {
        ProblemDetail p = ProblemDetail.forStatusAndDetail(HttpStatus.TOO_MANY_REQUESTS,
                messages.getMessage(e.messageKey(), e.args(), e.messageKey(), LocaleContextHolder.getLocale()));
        p.setType(URI.create("urn:renda:problem:" + e.messageKey()));
        return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
                .header(HttpHeaders.RETRY_AFTER, String.valueOf(e.retryAfterSeconds()))
                .contentType(MediaType.APPLICATION_PROBLEM_JSON).body(p);
    }

    @GetMapping("/public/votes/{code}/results")
    @Operation(summary = "A published vote's results with the export's SHA-256, the signature and the public key")
    VoteDetail results(@PathVariable String code) {
        return votes.publicResults(code);
    }

    record VerifyJson(@NotBlank String export, @NotBlank String signature, @NotBlank String publicKey) {}

    @PostMapping("/public/votes/verify")
    @Operation(summary = "Recount an export and check its signature")
    Verification verify(@Valid @RequestBody VerifyJson body) {
        return VoteDesk.verify(body.export(), body.signature(), body.publicKey());
    }
}
