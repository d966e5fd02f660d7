package org.renda.funds;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.renda.funds.FundsViews.Execution;
import org.renda.funds.FundsViews.ExpenseView;
import org.renda.funds.FundsViews.IncomeView;
import org.renda.shared.validation.YearNumber;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The funds ledger over JSON, with the same scope rules as the pages. Every amount is an integer of fen (分) in a
 * field ending in {@code Fen}: 123456 fen is 1234.56 元.
 */
@RestController
@RequestMapping("/api/v1/funds")
@Tag(name = "经费 Funds")
@SecurityRequirement(name = "bearer")
class FundsApi {

    private final FundsDesk desk;

    FundsApi(FundsDesk desk) {
        this.desk = desk;
    }

    record LedgerJson(Execution execution, List<IncomeView> incomes, List<ExpenseView> expenses) {}

    @GetMapping("/{orgId}/ledger")
    @Operation(summary = "A congress's ledger of the year: lines with execution, funds, income and expenses"
            + " (amounts in fen); a county's execution lists its towns and the total")
    LedgerJson ledger(@PathVariable long orgId, @RequestParam @YearNumber int year) {
        return new LedgerJson(desk.execution(orgId, year), desk.incomes(orgId, year), desk.expenses(orgId, year));
    }

    /** An expense in fen. */
    record ExpenseJson(@NotNull Long lineId, @NotNull LocalDate spentOn, @NotBlank @Size(max = 100) String payee,
            @NotBlank @Size(max = 200) String purpose,
            @Schema(description = "The amount in fen (分): 123456 is 1,234.56 元") @NotNull @Positive Long amountFen,
            @Nullable @Size(max = 60) String voucherNo) {}

    @PostMapping("/{orgId}/expenses")
    @Operation(summary = "Record an expense against a budget line of the organisation (amount in fen)")
    @ApiResponse(responseCode = "201", description = "Created; Location names the new resource", useReturnTypeSchema = true)
    ResponseEntity<ExpenseView> spend(@PathVariable long orgId, @Valid @RequestBody ExpenseJson body) {
        ExpenseView e = desk.addExpenseFen(orgId, body.lineId(), body.spentOn(), body.payee(), body.purpose(),
                body.amountFen(), body.voucherNo());
        return ResponseEntity.created(URI.create("/api/v1/funds/expenses/" + e.id())).body(e);
    }

    record ReversalJson(@NotBlank @Size(max = 200) String reason) {}

    @PostMapping("/expenses/{expenseId}/reverse")
    @Operation(summary = "Reverse an expense by a counter-entry of the same amount (the expense itself stays)")
    ExpenseView reverse(@PathVariable long expenseId, @Valid @RequestBody ReversalJson body) {
        return desk.reverse(expenseId, body.reason());
    }
}
