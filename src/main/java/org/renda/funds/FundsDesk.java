package org.renda.funds;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.renda.audit.AuditTrail;
import org.renda.deputy.DeputyLevel;
import org.renda.deputy.DeputyRegister;
import org.renda.deputy.DeputyViews.DeputySummary;
import org.renda.deputy.DutyLog;
import org.renda.deputy.DutyType;
import org.renda.funds.FundsEnums.Fund;
import org.renda.funds.FundsEnums.IncomeSource;
import org.renda.funds.FundsViews.Execution;
import org.renda.funds.FundsViews.ExpenseView;
import org.renda.funds.FundsViews.FlagView;
import org.renda.funds.FundsViews.FundFigure;
import org.renda.funds.FundsViews.IncomeView;
import org.renda.funds.FundsViews.LineView;
import org.renda.funds.FundsViews.OrgFigure;
import org.renda.funds.FundsViews.StandardView;
import org.renda.funds.FundsViews.SubsidyDraft;
import org.renda.funds.FundsViews.SubsidyRow;
import org.renda.funds.FundsViews.VoucherFile;
import org.renda.funds.FundsViews.VoucherView;
import org.renda.org.OrgTree;
import org.renda.org.OrgType;
import org.renda.org.OrgView;
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
 * The funds ledger of a congress: budget lines, income, expenses with vouchers, reversals by counter-entry (money
 * is never edited or deleted), subsidy standards and payments, and the execution of the year. Reading needs
 * FUNDS_READ on the organisation, writing FUNDS_WRITE; a record outside the reach answers 404. Every change is
 * audited in its transaction.
 */
@Validated
@Service
@Transactional
public class FundsDesk {

    static final int MAX_FILES = 9;
    static final int MAX_FILE_BYTES = 5 * 1024 * 1024;
    static final Set<String> FILE_TYPES = Set.of("image/jpeg", "image/png", "image/webp", "application/pdf");

    private final FundsStore store;
    private final CurrentActor currentActor;
    private final AuditTrail audit;
    private final OrgTree orgs;
    private final DeputyRegister deputies;
    private final DutyLog duties;

    FundsDesk(FundsStore store, CurrentActor currentActor, AuditTrail audit, OrgTree orgs, DeputyRegister deputies,
            DutyLog duties) {
        this.store = store;
        this.currentActor = currentActor;
        this.audit = audit;
        this.orgs = orgs;
        this.deputies = deputies;
        this.duties = duties;
    }

    /** A budget line: the year, the fund, the subject (预算科目) and the amount as typed (with or without thousands separators). */
    public record LineForm(@NotNull @Min(2000) @Max(2100) Integer year, @NotNull Fund fund,
            @NotBlank @Size(max = 100) String subject, @NotBlank @Size(max = 30) String budget) {}

    /** Money received: fund, source, date, document number and the amount typed. */
    public record IncomeForm(@NotNull Fund fund, @NotNull IncomeSource source, @NotNull LocalDate receivedOn,
            @Nullable @Size(max = 100) String documentNo, @NotBlank @Size(max = 30) String amount,
            @Nullable @Size(max = 200) String note) {}

    /** An expense against a line: date, payee, purpose, the amount typed and the voucher number. */
    public record ExpenseForm(@NotNull Long lineId, @NotNull LocalDate spentOn, @NotBlank @Size(max = 100) String payee,
            @NotBlank @Size(max = 200) String purpose, @NotBlank @Size(max = 30) String amount,
            @Nullable @Size(max = 60) String voucherNo) {}

    /** The year's subsidy standard, typed as amounts per activity day. */
    public record StandardForm(@NotNull @Min(2000) @Max(2100) Integer year, @NotBlank @Size(max = 30) String dayRate,
            @NotBlank @Size(max = 30) String noIncomeDayRate) {}

    /** A deputy without fixed income, confirmed on a date. */
    public record FlagForm(@NotNull Long deputyId, @NotNull LocalDate confirmedOn) {}

    /** An uploaded voucher scan. */
    public record Upload(String fileName, @Nullable String contentType, byte[] data) {}

    // --- reading

    private Reach readReach() {
        return currentActor.reach(Permission.FUNDS_READ);
    }

    private OrgView readable(long orgId) {
        readReach().check(orgId);
        return orgs.find(orgId).orElseThrow(() -> new NotFoundException("error.notFound"));
    }

    private OrgView writable(long orgId) {
        currentActor.reach(Permission.FUNDS_WRITE).check(orgId);
        return orgs.find(orgId).orElseThrow(() -> new NotFoundException("error.notFound"));
    }

    /** The organisations whose ledgers the actor may read, in tree order. */
    @Transactional(readOnly = true)
    public List<OrgView> ledgers() {
        return orgs.within(readReach(), java.util.EnumSet.of(OrgType.COUNTY, OrgType.TOWN, OrgType.STREET));
    }

    /** True if the actor may write the organisation's ledger. */
    @Transactional(readOnly = true)
    public boolean canWrite(long orgId) {
        return currentActor.reach(Permission.FUNDS_WRITE).covers(orgId);
    }

    @Transactional(readOnly = true)
    public OrgView org(long orgId) {
        return readable(orgId);
    }

    @Transactional(readOnly = true)
    public List<LineView> lines(long orgId, int year) {
        readable(orgId);
        return store.lines(orgId, year);
    }

    @Transactional(readOnly = true)
    public List<IncomeView> incomes(long orgId, int year) {
        readable(orgId);
        return store.incomes(orgId, year);
    }

    @Transactional(readOnly = true)
    public List<ExpenseView> expenses(long orgId, int year) {
        readable(orgId);
        return store.expenses(orgId, year);
    }

    @Transactional(readOnly = true)
    public ExpenseView expense(long expenseId) {
        return readReach().guard(store.expense(expenseId), ExpenseView::orgId);
    }

    @Transactional(readOnly = true)
    public List<VoucherView> vouchers(long expenseId) {
        return store.vouchers(expense(expenseId).id());
    }

    @Transactional(readOnly = true)
    public VoucherFile voucher(long voucherId) {
        return readReach().guard(store.voucher(voucherId), VoucherFile::orgId);
    }

    @Transactional(readOnly = true)
    public @Nullable StandardView standard(long orgId, int year) {
        readable(orgId);
        return store.standard(orgId, year).orElse(null);
    }

    /**
     * The execution of the year: each line spent / budgeted, each fund with income received, and for an
     * organisation with organisations below (a county) each of them and the total over the subtree, the
     * organisation's own lines included. Only organisations within the actor's reach are summed.
     */
    @Transactional(readOnly = true)
    public Execution execution(long orgId, int year) {
        OrgView org = readable(orgId);
        List<LineView> lines = store.lines(orgId, year);
        Map<Fund, Long> income = store.incomeByFund(orgId, year);
        List<FundFigure> funds = new ArrayList<>();
        Map<Fund, long[]> byFund = new EnumMap<>(Fund.class);
        for (LineView l : lines) {
            long[] f = byFund.computeIfAbsent(l.fund(), k -> new long[2]);
            f[0] += l.budgetFen();
            f[1] += l.spentFen();
        }
        long ownBudget = 0;
        long ownSpent = 0;
        long ownIncome = 0;
        for (Fund fund : Fund.values()) {
            long[] f = byFund.getOrDefault(fund, new long[2]);
            long in = income.getOrDefault(fund, 0L);
            funds.add(new FundFigure(fund, f[0], in, f[1]));
            ownBudget += f[0];
            ownSpent += f[1];
            ownIncome += in;
        }
        FundFigure own = new FundFigure(null, ownBudget, ownIncome, ownSpent);
        Set<Long> subtree = orgs.subtreeIds(orgId);
        List<OrgFigure> below = new ArrayList<>();
        FundFigure total = own;
        if (subtree.size() > 1) {
            Map<Long, long[]> sums = store.sumsByOrg(readReach().narrow(subtree), year);
            long b = 0;
            long i = 0;
            long s = 0;
            for (OrgView o : orgs.findAll(sums.keySet())) {
                long[] v = sums.get(o.id());
                b += v[0];
                i += v[1];
                s += v[2];
                if (o.id() != orgId) {
                    below.add(new OrgFigure(o.id(), o.name(), v[0], v[1], v[2]));
                }
            }
            total = new FundFigure(null, b, i, s);
        }
        return new Execution(orgId, org.name(), year, lines, funds, own, below, total);
    }

    // --- writing

    /** Opens a budget line; a subject appears once per fund and year. */
    public LineView addLine(long orgId, @Valid LineForm form) {
        writable(orgId);
        String subject = form.subject().strip();
        long budget = Money.parseAllowZero("budget", form.budget());
        if (store.lineExists(orgId, form.year(), form.fund(), subject)) {
            throw DomainException.onField("subject", "funds.error.lineExists");
        }
        long id = store.insertLine(orgId, form.year(), form.fund(), subject, budget, currentActor.auditName());
        LineView line = store.line(id).orElseThrow();
        audit.record(orgId, "fund_line", id, "CREATED", null, line);
        return line;
    }

    /** Records money received from the town's or the county's budget; the year is that of the date. */
    public IncomeView addIncome(long orgId, @Valid IncomeForm form) {
        writable(orgId);
        long amount = Money.parse("amount", form.amount());
        if (form.receivedOn().isAfter(LocalDate.now())) {
            throw DomainException.onField("receivedOn", "funds.error.future");
        }
        long id = store.insertIncome(orgId, form.receivedOn().getYear(), form.fund(), form.source(), form.receivedOn(),
                Texts.blankToNull(form.documentNo()), amount, Texts.blankToNull(form.note()), currentActor.auditName());
        IncomeView income = store.income(id).orElseThrow();
        audit.record(orgId, "fund_income", id, "CREATED", null, income);
        return income;
    }

    /** Records an expense typed on a page (the amount as text), with its voucher scans. */
    public ExpenseView addExpense(long orgId, @Valid ExpenseForm form, List<Upload> files) {
        long amount = Money.parse("amount", form.amount());
        return spend(orgId, form.lineId(), form.spentOn(), form.payee(), form.purpose(), amount, form.voucherNo(),
                files, null);
    }

    /** Records an expense given in fen (the API). */
    public ExpenseView addExpenseFen(long orgId, long lineId, LocalDate spentOn, String payee, String purpose,
            long amountFen, @Nullable String voucherNo) {
        if (amountFen <= 0 || amountFen > Money.MAX_FEN) {
            throw DomainException.onField("amountFen", "funds.error.amount.range", Money.format(Money.MAX_FEN));
        }
        if (payee.isBlank() || purpose.isBlank() || payee.length() > 100 || purpose.length() > 200) {
            throw DomainException.onField("payee", "funds.error.payee");
        }
        return spend(orgId, lineId, spentOn, payee, purpose, amountFen, voucherNo, List.of(), null);
    }

    private ExpenseView spend(long orgId, long lineId, LocalDate spentOn, String payee, String purpose, long amountFen,
            @Nullable String voucherNo, List<Upload> files, @Nullable String subsidyKey) {
        writable(orgId);
        LineView line = store.line(lineId).filter(l -> l.orgId() == orgId)
                .orElseThrow(() -> DomainException.onField("lineId", "funds.error.line"));
        if (spentOn.getYear() != line.year()) {
            throw DomainException.onField("spentOn", "funds.error.yearMismatch", line.year());
        }
        if (spentOn.isAfter(LocalDate.now())) {
            throw DomainException.onField("spentOn", "funds.error.future");
        }
        if (amountFen > line.remainingFen()) {
            throw DomainException.onField("amount", "funds.error.overBudget", Money.format(line.remainingFen()));
        }
        List<Upload> real = files.stream().filter(f -> f.data().length > 0).toList();
        checkFiles(real);
        long id = store.insertExpense(orgId, lineId, line.year(), spentOn, payee.strip(), purpose.strip(), amountFen,
                Texts.blankToNull(voucherNo), null, null, subsidyKey, currentActor.auditName());
        for (Upload f : real) {
            store.insertVoucher(id, orgId, safeName(f.fileName()), String.valueOf(f.contentType()), f.data());
        }
        ExpenseView expense = store.expense(id).orElseThrow();
        audit.record(orgId, "fund_expense", id, "CREATED", null, expense);
        return expense;
    }

    /** Adds voucher scans to an expense already recorded. */
    public List<VoucherView> addVouchers(long expenseId, List<Upload> files) {
        ExpenseView e = expense(expenseId);
        writable(e.orgId());
        List<Upload> real = files.stream().filter(f -> f.data().length > 0).toList();
        if (real.isEmpty()) {
            throw DomainException.onField("files", "funds.error.noFile");
        }
        if (e.voucherCount() + real.size() > MAX_FILES) {
            throw DomainException.onField("files", "funds.error.tooManyFiles", MAX_FILES);
        }
        checkFiles(real);
        for (Upload f : real) {
            long vid = store.insertVoucher(e.id(), e.orgId(), safeName(f.fileName()), String.valueOf(f.contentType()),
                    f.data());
            audit.record(e.orgId(), "fund_expense", e.id(), "VOUCHER_ADDED", null,
                    Map.of("voucherId", vid, "fileName", safeName(f.fileName())));
        }
        return store.vouchers(e.id());
    }

    /**
     * Reverses an expense by a counter-entry (冲销) of the same amount, negative, on the same line, dated today (or
     * the last day of the line's year when that is past): nothing is edited or deleted. An expense is reversed once.
     */
    public ExpenseView reverse(long expenseId, String reason) {
        ExpenseView e = expense(expenseId);
        writable(e.orgId());
        if (reason == null || reason.isBlank() || reason.length() > 200) {
            throw DomainException.onField("reason", "funds.error.reason");
        }
        if (!e.reversible()) {
            throw new DomainException("funds.error.reversed");
        }
        LocalDate today = LocalDate.now();
        LocalDate on = today.getYear() == e.year() ? today : LocalDate.of(e.year(), 12, 31);
        long id;
        try {
            id = store.insertExpense(e.orgId(), e.lineId(), e.year(), on, e.payee(), e.purpose(), -e.amountFen(),
                    e.voucherNo(), e.id(), reason.strip(), null, currentActor.auditName());
        } catch (org.springframework.dao.DuplicateKeyException dup) {
            throw new DomainException("funds.error.reversed");
        }
        ExpenseView counter = store.expense(id).orElseThrow();
        audit.record(e.orgId(), "fund_expense", e.id(), "REVERSED", e, counter);
        return counter;
    }

    /** Sets the year's subsidy standard (replacing an earlier one, audited with both). */
    public StandardView saveStandard(long orgId, @Valid StandardForm form) {
        writable(orgId);
        long day = Money.parseAllowZero("dayRate", form.dayRate());
        long extra = Money.parseAllowZero("noIncomeDayRate", form.noIncomeDayRate());
        StandardView before = store.standard(orgId, form.year()).orElse(null);
        store.saveStandard(orgId, form.year(), day, extra, currentActor.auditName());
        StandardView after = store.standard(orgId, form.year()).orElseThrow();
        audit.record(orgId, "fund_standard", orgId + "-" + form.year(), before == null ? "CREATED" : "UPDATED", before,
                after);
        return after;
    }

    /** The deputies of the organisation (in office) to choose from, names only. */
    @Transactional(readOnly = true)
    public List<DeputySummary> deputies(long orgId) {
        OrgView org = readable(orgId);
        DeputyLevel level = levelOf(org);
        return deputies.listAll(new DeputyRegister.Query(null, level, null, null, null, orgId, true)).stream()
                .filter(d -> d.seats().stream().anyMatch(s -> s.level() == level && s.status().inOffice())).toList();
    }

    /** A county's ledger pays county deputies, a town's (or street's) its town deputies. */
    private static DeputyLevel levelOf(OrgView org) {
        return org.type() == OrgType.COUNTY ? DeputyLevel.COUNTY : DeputyLevel.TOWN;
    }

    /** True if the deputy is one this organisation's ledger pays: elected within it, at its level, in office. */
    private boolean ours(OrgView org, DeputyRegister.DeputyRef ref) {
        return orgs.subtreeIds(org.id()).contains(ref.orgId()) && ref.levels().contains(levelOf(org));
    }

    /** The deputies confirmed as without fixed income, with their names. */
    @Transactional(readOnly = true)
    public List<FlagView> flags(long orgId) {
        readable(orgId);
        Map<Long, LocalDate> flags = store.flags(orgId);
        Map<Long, DeputyRegister.DeputyRef> refs = deputies.refs(flags.keySet());
        List<FlagView> out = new ArrayList<>();
        flags.forEach((deputyId, on) -> out.add(new FlagView(store.flagId(orgId, deputyId), orgId, deputyId,
                refs.containsKey(deputyId) ? refs.get(deputyId).name() : "—", on)));
        return out;
    }

    /** Keeps that a deputy of the organisation has no fixed income (无固定收入), confirmed on a date. */
    public FlagView flag(long orgId, @Valid FlagForm form) {
        OrgView org = writable(orgId);
        DeputyRegister.DeputyRef ref = deputies.refs(List.of(form.deputyId())).get(form.deputyId());
        if (ref == null || !ours(org, ref)) {
            throw DomainException.onField("deputyId", "funds.error.deputy");
        }
        if (store.flagId(orgId, ref.id()) != 0) {
            throw DomainException.onField("deputyId", "funds.error.flagged");
        }
        if (form.confirmedOn().isAfter(LocalDate.now())) {
            throw DomainException.onField("confirmedOn", "funds.error.future");
        }
        long id = store.insertFlag(orgId, ref.id(), form.confirmedOn(), currentActor.auditName());
        FlagView flag = new FlagView(id, orgId, ref.id(), ref.name(), form.confirmedOn());
        audit.record(orgId, "fund_deputy_flag", id, "CREATED", null, flag);
        return flag;
    }

    /** Removes the flag (the deputy has an income again); audited. */
    public void unflag(long flagId) {
        FlagView flag = readReach().guard(store.flag(flagId), FlagView::orgId);
        writable(flag.orgId());
        store.deleteFlag(flagId);
        audit.record(flag.orgId(), "fund_deputy_flag", flagId, "DELETED", flag, null);
    }

    /**
     * The subsidy draft of a period within one year: each deputy of the organisation with verified duty records in
     * the period, their activity days (one per verified record) × the day rate, plus the no-fixed-income rate for a
     * deputy confirmed as such by the period's end. A row already confirmed is marked paid.
     */
    @Transactional(readOnly = true)
    public SubsidyDraft subsidyDraft(long orgId, LocalDate from, LocalDate to) {
        OrgView org = readable(orgId);
        if (to.isBefore(from) || from.getYear() != to.getYear()) {
            throw DomainException.onField("to", "funds.error.period");
        }
        int year = from.getYear();
        StandardView standard = store.standard(orgId, year).orElse(null);
        // the subsidy line (a DEPUTY_ACTIVITY subject naming 补贴), else the first DEPUTY_ACTIVITY line
        List<LineView> activity = store.lines(orgId, year).stream().filter(l -> l.fund() == Fund.DEPUTY_ACTIVITY).toList();
        Long lineId = activity.stream().filter(l -> l.subject().contains("补贴")).findFirst()
                .or(() -> activity.stream().findFirst()).map(LineView::id).orElse(null);
        List<SubsidyRow> rows = new ArrayList<>();
        if (standard != null) {
            Map<Long, Map<DutyType, Integer>> counts = duties.countsByDeputy(from, to);
            Map<Long, LocalDate> flags = store.flags(orgId);
            Map<Long, DeputyRegister.DeputyRef> refs = deputies.refs(counts.keySet());
            for (DeputyRegister.DeputyRef ref : refs.values().stream()
                    .sorted(java.util.Comparator.comparing(DeputyRegister.DeputyRef::name)).toList()) {
                if (!ours(org, ref)) {
                    continue;
                }
                int days = counts.get(ref.id()).values().stream().mapToInt(Integer::intValue).sum();
                if (days == 0) {
                    continue;
                }
                LocalDate confirmed = flags.get(ref.id());
                boolean noIncome = confirmed != null && !confirmed.isAfter(to);
                long amount = Math.multiplyExact((long) days, standard.dayRateFen()
                        + (noIncome ? standard.noIncomeDayFen() : 0));
                rows.add(new SubsidyRow(ref.id(), ref.name(), days, noIncome, standard.dayRateFen(),
                        noIncome ? standard.noIncomeDayFen() : 0, amount,
                        store.subsidyPaid(subsidyKey(orgId, ref.id(), from, to))));
            }
        }
        return new SubsidyDraft(orgId, year, from, to, standard, lineId, rows);
    }

    static String subsidyKey(long orgId, long deputyId, LocalDate from, LocalDate to) {
        return "subsidy:" + orgId + ":" + deputyId + ":" + from + ":" + to;
    }

    /**
     * Confirms the period's draft into expenses on the subsidy line (a DEPUTY_ACTIVITY line naming 补贴, else the first), one per deputy, keyed by deputy
     * and period: confirming again pays nobody twice. Answers how many expenses were created.
     */
    public int confirmSubsidy(long orgId, LocalDate from, LocalDate to) {
        writable(orgId);
        SubsidyDraft draft = subsidyDraft(orgId, from, to);
        if (draft.standard() == null) {
            throw new DomainException("funds.error.noStandard", draft.year());
        }
        if (draft.lineId() == null) {
            throw new DomainException("funds.error.noActivityLine", draft.year());
        }
        LocalDate on = to.isAfter(LocalDate.now()) ? LocalDate.now() : to;
        int created = 0;
        for (SubsidyRow r : draft.rows()) {
            if (r.paid() || r.amountFen() == 0) {
                continue;
            }
            spend(orgId, draft.lineId(), on, r.deputyName(), "代表履职补贴 " + from + " 至 " + to + "（" + r.days() + " 天）",
                    r.amountFen(), null, List.of(), subsidyKey(orgId, r.deputyId(), from, to));
            created++;
        }
        return created;
    }

    /** Records that the year's ledger was exported (who took the money figures out, and when). */
    void exported(long orgId, int year) {
        readable(orgId);
        audit.record(orgId, "fund_ledger", orgId + "-" + year, "EXPORTED", null, Map.of("year", year));
    }

    private static void checkFiles(List<Upload> files) {
        if (files.size() > MAX_FILES) {
            throw DomainException.onField("files", "funds.error.tooManyFiles", MAX_FILES);
        }
        for (Upload f : files) {
            if (f.data().length > MAX_FILE_BYTES) {
                throw DomainException.onField("files", "funds.error.fileTooLarge", f.fileName());
            }
            String type = f.contentType() == null ? "" : f.contentType();
            boolean ok = FILE_TYPES.contains(type) && (type.equals("application/pdf")
                    ? f.data().length > 4 && f.data()[0] == '%' && f.data()[1] == 'P' && f.data()[2] == 'D'
                            && f.data()[3] == 'F'
                    : Images.looksLike(type, f.data()));
            if (!ok) {
                throw DomainException.onField("files", "funds.error.fileType", f.fileName());
            }
        }
    }

    private static String safeName(String name) {
        String base = name.replace('\\', '/');
        base = base.substring(base.lastIndexOf('/') + 1).replaceAll("[\\p{Cntrl}\"]", "");
        return base.isBlank() ? "voucher" : base.length() > 150 ? base.substring(base.length() - 150) : base;
    }
}
