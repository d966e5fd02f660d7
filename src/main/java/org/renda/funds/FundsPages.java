package org.renda.funds;

import jakarta.validation.Valid;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.renda.funds.FundsDesk.ExpenseForm;
import org.renda.funds.FundsDesk.FlagForm;
import org.renda.funds.FundsDesk.IncomeForm;
import org.renda.funds.FundsDesk.LineForm;
import org.renda.funds.FundsDesk.StandardForm;
import org.renda.funds.FundsDesk.Upload;
import org.renda.funds.FundsEnums.Fund;
import org.renda.funds.FundsEnums.IncomeSource;
import org.renda.funds.FundsViews.ExpenseView;
import org.renda.funds.FundsViews.StandardView;
import org.renda.funds.FundsViews.VoucherFile;
import org.renda.org.OrgView;
import org.renda.shared.CurrentActor;
import org.renda.shared.NotFoundException;
import org.renda.shared.web.Downloads;
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

/** The funds pages (经费): a ledger per organisation and year, its forms, an expense with vouchers, the subsidy draft. */
@Controller
class FundsPages {

    private final FundsDesk desk;
    private final FundsExport export;
    private final Feedback feedback;
    private final CurrentActor currentActor;

    FundsPages(FundsDesk desk, FundsExport export, Feedback feedback, CurrentActor currentActor) {
        this.desk = desk;
        this.export = export;
        this.feedback = feedback;
        this.currentActor = currentActor;
    }

    @GetMapping("/funds")
    String home(Model model) {
        List<OrgView> ledgers = desk.ledgers();
        if (ledgers.isEmpty()) {
            throw new NotFoundException("error.notFound");
        }
        long home = currentActor.require().homeOrgId();
        long org = ledgers.stream().anyMatch(o -> o.id() == home) ? home : ledgers.get(0).id();
        return page(org, LocalDate.now().getYear(), model);
    }

    @GetMapping("/funds/go")
    String go(@RequestParam long org, @RequestParam(required = false) @Nullable Integer year) {
        desk.org(org);
        return "redirect:/funds/" + org + (year == null ? "" : "?year=" + year);
    }

    @GetMapping("/funds/{orgId}")
    String ledger(@PathVariable long orgId, @RequestParam(required = false) @Nullable Integer year, Model model) {
        return page(orgId, year == null ? LocalDate.now().getYear() : year, model);
    }

    private String page(long orgId, int year, Model model) {
        model.addAttribute("ex", desk.execution(orgId, year));
        model.addAttribute("org", desk.org(orgId));
        model.addAttribute("year", year);
        model.addAttribute("years", List.of(LocalDate.now().getYear() + 1, LocalDate.now().getYear(),
                LocalDate.now().getYear() - 1, LocalDate.now().getYear() - 2));
        model.addAttribute("ledgers", desk.ledgers());
        model.addAttribute("incomes", desk.incomes(orgId, year));
        model.addAttribute("expenses", desk.expenses(orgId, year));
        StandardView standard = desk.standard(orgId, year);
        model.addAttribute("standard", standard);
        model.addAttribute("flags", desk.flags(orgId));
        model.addAttribute("deputies", desk.deputies(orgId));
        model.addAttribute("canWrite", desk.canWrite(orgId));
        model.addAttribute("funds", Fund.values());
        model.addAttribute("sources", IncomeSource.values());
        LocalDate today = LocalDate.now();
        LocalDate day = year == today.getYear() ? today : LocalDate.of(year, 12, 31);
        if (!model.containsAttribute("lineForm")) {
            model.addAttribute("lineForm", new LineForm(year, Fund.WORK, "", ""));
        }
        if (!model.containsAttribute("incomeForm")) {
            model.addAttribute("incomeForm", new IncomeForm(Fund.WORK, IncomeSource.TOWN, day, null, "", null));
        }
        if (!model.containsAttribute("expenseForm")) {
            model.addAttribute("expenseForm", new ExpenseForm(null, day, "", "", "", null));
        }
        if (!model.containsAttribute("standardForm")) {
            model.addAttribute("standardForm", new StandardForm(year,
                    standard == null ? "" : Money.plain(standard.dayRateFen()),
                    standard == null ? "" : Money.plain(standard.noIncomeDayFen())));
        }
        if (!model.containsAttribute("flagForm")) {
            model.addAttribute("flagForm", new FlagForm(null, today));
        }
        return "funds/ledger";
    }

    @PostMapping("/funds/{orgId}/lines")
    String addLine(@PathVariable long orgId, @Valid @ModelAttribute("lineForm") LineForm form, BindingResult binding,
            Model model, RedirectAttributes redirect) {
        int year = form.year() == null ? LocalDate.now().getYear() : form.year();
        amount(binding, "budget", form.budget(), true);
        return feedback.submit(binding, redirect, () -> page(orgId, year, model), () -> {
            desk.addLine(orgId, form);
            return new Feedback.Next("/funds/" + orgId + "?year=" + year, "common.saved");
        });
    }

    @PostMapping("/funds/{orgId}/incomes")
    String addIncome(@PathVariable long orgId, @Valid @ModelAttribute("incomeForm") IncomeForm form,
            BindingResult binding, Model model, RedirectAttributes redirect) {
        int year = form.receivedOn() == null ? LocalDate.now().getYear() : form.receivedOn().getYear();
        amount(binding, "amount", form.amount(), false);
        return feedback.submit(binding, redirect, () -> page(orgId, year, model), () -> {
            desk.addIncome(orgId, form);
            return new Feedback.Next("/funds/" + orgId + "?year=" + year, "common.saved");
        });
    }

    @PostMapping("/funds/{orgId}/expenses")
    String addExpense(@PathVariable long orgId, @Valid @ModelAttribute("expenseForm") ExpenseForm form,
            BindingResult binding, @RequestParam(value = "files", required = false) @Nullable List<MultipartFile> files,
            Model model, RedirectAttributes redirect) {
        int year = form.spentOn() == null ? LocalDate.now().getYear() : form.spentOn().getYear();
        amount(binding, "amount", form.amount(), false);
        return feedback.submit(binding, redirect, () -> page(orgId, year, model), () -> {
            ExpenseView e = desk.addExpense(orgId, form, uploads(files));
            return new Feedback.Next("/funds/expenses/" + e.id(), "common.saved");
        });
    }

    @PostMapping("/funds/{orgId}/standard")
    String saveStandard(@PathVariable long orgId, @Valid @ModelAttribute("standardForm") StandardForm form,
            BindingResult binding, Model model, RedirectAttributes redirect) {
        int year = form.year() == null ? LocalDate.now().getYear() : form.year();
        amount(binding, "dayRate", form.dayRate(), true);
        amount(binding, "noIncomeDayRate", form.noIncomeDayRate(), true);
        return feedback.submit(binding, redirect, () -> page(orgId, year, model), () -> {
            desk.saveStandard(orgId, form);
            return new Feedback.Next("/funds/" + orgId + "?year=" + year, "common.saved");
        });
    }

    @PostMapping("/funds/{orgId}/flags")
    String flag(@PathVariable long orgId, @Valid @ModelAttribute("flagForm") FlagForm form, BindingResult binding,
            Model model, RedirectAttributes redirect) {
        int year = LocalDate.now().getYear();
        return feedback.submit(binding, redirect, () -> page(orgId, year, model), () -> {
            desk.flag(orgId, form);
            return new Feedback.Next("/funds/" + orgId, "common.saved");
        });
    }

    @PostMapping("/funds/flags/{flagId}/delete")
    String unflag(@PathVariable long flagId, @RequestParam long orgId, RedirectAttributes redirect) {
        return feedback.redirect(redirect, "/funds/" + orgId, () -> desk.unflag(flagId), "common.saved");
    }

    @GetMapping("/funds/expenses/{expenseId}")
    String expense(@PathVariable long expenseId, Model model) {
        ExpenseView e = desk.expense(expenseId);
        model.addAttribute("e", e);
        model.addAttribute("org", desk.org(e.orgId()));
        model.addAttribute("vouchers", desk.vouchers(expenseId));
        model.addAttribute("canWrite", desk.canWrite(e.orgId()));
        return "funds/expense";
    }

    @PostMapping("/funds/expenses/{expenseId}/reverse")
    String reverse(@PathVariable long expenseId, @RequestParam(defaultValue = "") String reason,
            RedirectAttributes redirect) {
        desk.expense(expenseId);
        return feedback.redirect(redirect, "/funds/expenses/" + expenseId, () -> {
            ExpenseView counter = desk.reverse(expenseId, reason);
            return new Feedback.Next("/funds/expenses/" + counter.id(), "funds.reversed");
        });
    }

    @PostMapping("/funds/expenses/{expenseId}/vouchers")
    String addVouchers(@PathVariable long expenseId,
            @RequestParam(value = "files", required = false) @Nullable List<MultipartFile> files,
            RedirectAttributes redirect) {
        desk.expense(expenseId);
        return feedback.redirect(redirect, "/funds/expenses/" + expenseId,
                () -> desk.addVouchers(expenseId, uploads(files)), "common.saved");
    }

    @GetMapping("/funds/vouchers/{voucherId}")
    ResponseEntity<byte[]> voucher(@PathVariable long voucherId) {
        VoucherFile f = desk.voucher(voucherId);
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(f.contentType()))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline()
                        .filename(f.fileName(), java.nio.charset.StandardCharsets.UTF_8).build().toString())
                .header("X-Content-Type-Options", "nosniff").cacheControl(CacheControl.noCache()).body(f.data());
    }

    @GetMapping("/funds/{orgId}/subsidy")
    String subsidy(@PathVariable long orgId, @RequestParam(required = false) @Nullable LocalDate from,
            @RequestParam(required = false) @Nullable LocalDate to, Model model) {
        LocalDate today = LocalDate.now();
        LocalDate start = from == null ? today.withDayOfYear(1) : from;
        LocalDate end = to == null ? (start.getYear() == today.getYear() ? today : LocalDate.of(start.getYear(), 12, 31))
                : to;
        model.addAttribute("org", desk.org(orgId));
        model.addAttribute("from", start);
        model.addAttribute("to", end);
        model.addAttribute("canWrite", desk.canWrite(orgId));
        try {
            model.addAttribute("draft", desk.subsidyDraft(orgId, start, end));
        } catch (org.renda.shared.DomainException e) {
            model.addAttribute("failure", feedback.text(e));
        }
        return "funds/subsidy";
    }

    @PostMapping("/funds/{orgId}/subsidy")
    String confirmSubsidy(@PathVariable long orgId, @RequestParam(required = false) @Nullable LocalDate from,
            @RequestParam(required = false) @Nullable LocalDate to, RedirectAttributes redirect) {
        desk.org(orgId);
        LocalDate today = LocalDate.now();
        LocalDate start = from == null ? today.withDayOfYear(1) : from;
        LocalDate end = to == null ? today : to;
        String back = "/funds/" + orgId + "/subsidy?from=" + start + "&to=" + end;
        return feedback.redirect(redirect, back, () -> new Feedback.Next(back, "funds.subsidy.confirmed",
                desk.confirmSubsidy(orgId, start, end)));
    }

    @GetMapping("/funds/{orgId}/ledger.xlsx")
    ResponseEntity<byte[]> ledgerXlsx(@PathVariable long orgId, @RequestParam(required = false) @Nullable Integer year) {
        int y = year == null ? LocalDate.now().getYear() : year;
        return Downloads.xlsx(export.ledger(orgId, y), export.filename(orgId, y));
    }

    /**
     * Checks a typed amount before the action runs, so that a refused amount comes back beside its field with what
     * the user typed (the desk parses it again, the one rule).
     */
    private void amount(BindingResult binding, String field, @Nullable String typed, boolean zeroAllowed) {
        if (binding.hasFieldErrors(field) || typed == null || typed.isBlank()) {
            return;
        }
        try {
            if (zeroAllowed) {
                Money.parseAllowZero(field, typed);
            } else {
                Money.parse(field, typed);
            }
        } catch (org.renda.shared.DomainException e) {
            binding.rejectValue(field, e.messageKey(), e.args(), feedback.text(e));
        }
    }

    private static List<Upload> uploads(@Nullable List<MultipartFile> files) {
        List<Upload> out = new ArrayList<>();
        if (files == null) {
            return out;
        }
        for (MultipartFile f : files) {
            try {
                out.add(new Upload(String.valueOf(f.getOriginalFilename()), f.getContentType(), f.getBytes()));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return out;
    }
}
