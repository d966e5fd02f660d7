package org.renda.appraisal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.renda.appraisal.AppraisalEnums.CampaignKind;
import org.renda.appraisal.AppraisalViews.CampaignView;
import org.renda.appraisal.VoteScale.RateRule;
import org.renda.appraisal.VoteViews.Invariants;
import org.renda.appraisal.VoteViews.RollEntry;
import org.renda.appraisal.VoteViews.VoteDetail;
import org.renda.appraisal.VoteViews.VoteSummary;
import org.renda.deputy.DeputyLevel;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Running a campaign and its secret vote over JSON, step by step as the pages do: the campaign, its vote (or a
 * stand-alone one), the roll, the sign-in sheet, the codes, opening, the tellers' paper tallies; closing and
 * publishing are the presiding officer's ({@code APPRAISAL_PRESIDE}). The same facades as the pages, so the
 * same scope (a vote outside the caller's reach, or a step beyond the caller's role, answers 404), the same audit
 * entries and the same refusals (422 problem details). Nothing here reads or returns a ballot.
 */
@RestController
@RequestMapping("/api/v1/appraisals")
@Tag(name = "工作评议 Appraisals")
@SecurityRequirement(name = "bearer")
class AppraisalAdminApi {

    private final AppraisalDesk desk;
    private final VoteDesk votes;

    AppraisalAdminApi(AppraisalDesk desk, VoteDesk votes) {
        this.desk = desk;
        this.votes = votes;
    }

    /** A campaign; {@code threshold} is the rectification line as a fraction (0.7 = 70%). */
    record CampaignRequest(long orgId, @Min(2000) @Max(2100) int forYear, @NotBlank @Size(max = 200) String title,
            @NotNull CampaignKind kind, @NotNull @DecimalMin("0") @DecimalMax("1") BigDecimal threshold,
            boolean allUnits) {}

    @PostMapping
    @Operation(summary = "Create a campaign (allUnits: every department and unit directly under the congress)")
    @ApiResponse(responseCode = "201", description = "Created; Location names the campaign", useReturnTypeSchema = true)
    ResponseEntity<CampaignView> createCampaign(@Valid @RequestBody CampaignRequest body) {
        CampaignView c = desk.create(new AppraisalDesk.NewCampaign(body.orgId(), body.forYear(), body.title(),
                body.kind(), body.threshold(), body.allUnits()));
        return ResponseEntity.created(URI.create("/api/v1/appraisals/" + c.id())).body(c);
    }

    /** The vote of a campaign's meeting; {@code abstain}: the ballot offers 弃权 (counted apart, out of the rate). */
    record CampaignVoteRequest(@NotBlank @Size(max = 200) String title, @NotNull VoteScale scale,
            @NotNull RateRule rule, boolean abstain) {}

    @PostMapping("/{id}/votes")
    @Operation(summary = "Create the vote of a campaign: every unit under review, the campaign's threshold")
    @ApiResponse(responseCode = "201", description = "Created; Location names the vote", useReturnTypeSchema = true)
    ResponseEntity<VoteSummary> createCampaignVote(@PathVariable long id, @Valid @RequestBody CampaignVoteRequest body) {
        VoteSummary v = votes.createForCampaign(id, body.title(), body.scale(), body.rule(), body.abstain());
        return ResponseEntity.created(URI.create("/api/v1/votes/" + v.id())).body(v);
    }

    /** A stand-alone vote (duty reports, special reports, project reviews): subjects by title. */
    record VoteRequest(long orgId, @NotBlank @Size(max = 200) String title, @NotNull VoteScale scale,
            @NotNull RateRule rule, @NotNull @DecimalMin("0") @DecimalMax("1") BigDecimal threshold,
            @NotEmpty @Size(max = 500) List<@NotBlank @Size(max = 200) String> subjects, boolean abstain) {}

    @PostMapping("/votes")
    @Operation(summary = "Create a stand-alone vote with its subjects by title")
    @ApiResponse(responseCode = "201", description = "Created; Location names the vote", useReturnTypeSchema = true)
    ResponseEntity<VoteSummary> createVote(@Valid @RequestBody VoteRequest body) {
        VoteSummary v = votes.create(new VoteDesk.NewVote(body.orgId(), body.title(), body.scale(), body.rule(),
                body.threshold(), body.subjects(), body.abstain()));
        return ResponseEntity.created(URI.create("/api/v1/votes/" + v.id())).body(v);
    }

    @GetMapping("/votes/{id}/roll")
    @Operation(summary = "The roll: who may vote and who drew a credential (never which one, never when)")
    List<RollEntry> roll(@PathVariable long id) {
        return votes.roll(id);
    }

    /** Loads the in-office deputies of the register under {@code fromOrgId} (default: the vote's congress). */
    record RollRequest(@Nullable Long fromOrgId, @Nullable DeputyLevel level) {}

    record RollAnswer(int added, Invariants invariants) {}

    @PostMapping("/votes/{id}/roll")
    @Operation(summary = "Put the in-office deputies of the register (of one level, or all) on the roll")
    RollAnswer loadRoll(@PathVariable long id, @Valid @RequestBody RollRequest body) {
        long from = body.fromOrgId() != null ? body.fromOrgId() : votes.detail(id).vote().orgId();
        int added = votes.loadRoll(id, from, body.level());
        return new RollAnswer(added, votes.detail(id).invariants());
    }

    /** The whole sign-in sheet: the roll entries of the deputies who drew a credential. */
    record IssuedRequest(@NotNull @Size(max = 100_000) Set<Long> rollIds) {}

    @PutMapping("/votes/{id}/issued")
    @Operation(summary = "Save the whole sign-in sheet (who drew a credential) in one statement")
    Invariants issued(@PathVariable long id, @Valid @RequestBody IssuedRequest body) {
        votes.markIssued(id, body.rollIds());
        return votes.detail(id).invariants();
    }

    record CodesRequest(@Min(1) @Max(VoteDesk.MAX_CODES) int count) {}

    /** The codes, shuffled; returned once: only their hashes are kept. */
    record CodesAnswer(List<String> codes) {}

    @PostMapping("/votes/{id}/codes")
    @Operation(summary = "Draw fresh one-time codes for printing; they are answered once and kept only as hashes")
    CodesAnswer codes(@PathVariable long id, @Valid @RequestBody CodesRequest body) {
        return new CodesAnswer(votes.printCodes(id, body.count()).stream().map(BallotBox::display).toList());
    }

    @PostMapping("/votes/{id}/open")
    @Operation(summary = "Open the vote (levels and scores are fixed from now on)")
    VoteDetail open(@PathVariable long id) {
        votes.open(id);
        return votes.detail(id);
    }

    /** The tellers' count: the number of paper slips and, per subject id, the count per level code. */
    record PaperRequest(@Min(0) @Max(100_000) int paperBallots,
            @NotNull Map<Long, Map<String, @NotNull @Min(0) Integer>> tallies) {}

    @PutMapping("/votes/{id}/paper")
    @Operation(summary = "Enter (replace) the tellers' paper tallies while the vote is open")
    Invariants paper(@PathVariable long id, @Valid @RequestBody PaperRequest body) {
        votes.enterPaper(id, body.paperBallots(), body.tallies());
        return votes.detail(id).invariants();
    }

    @PostMapping("/votes/{id}/close")
    @Operation(summary = "Close the vote (presiding officer): counts, signs and announces the results at once")
    VoteDetail close(@PathVariable long id) {
        votes.close(id);
        return votes.detail(id);
    }

    record PublicationRequest(boolean published) {}

    @PutMapping("/votes/{id}/publication")
    @Operation(summary = "Publish the closed vote's results on the portal, or withdraw them (presiding officer)")
    VoteSummary publication(@PathVariable long id, @Valid @RequestBody PublicationRequest body) {
        votes.publish(id, body.published());
        return votes.detail(id).vote();
    }
}
