package org.renda.demo;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.renda.funds.FundsDesk;
import org.renda.funds.FundsDesk.ExpenseForm;
import org.renda.funds.FundsDesk.IncomeForm;
import org.renda.funds.FundsDesk.LineForm;
import org.renda.funds.FundsEnums.Fund;
import org.renda.funds.FundsEnums.IncomeSource;
import org.renda.funds.FundsViews.LineView;
import org.renda.funds.FundsViews.SubsidyDraft;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The funds of the demo county, shaped like seed 001 (罗定市 2019: 51 万元 of work funds and 80 多万元 of deputy
 * activity funds for its towns): the county's support lines and its transfers, this year's lines of 安澜镇, 柳溪镇 and
 * 青山镇 with income from their own budget and the county's, a dozen expenses of 安澜镇 (one with a voucher scan, one
 * reversed), 安澜镇's subsidy standard, a deputy without fixed income and the subsidies of the year so far.
 */
@Component
@Order(80)
class DemoFunds implements DemoPart {

    /** A 1×1 PNG, the demo's voucher scan. */
    private static final byte[] PNG = java.util.Base64.getDecoder().decode(
            "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==");

    private final FundsDesk desk;

    DemoFunds(FundsDesk desk) {
        this.desk = desk;
    }

    @Override
    public void load(Map<String, Long> orgs, Map<String, Long> users) {
        LocalDate today = LocalDate.now();
        int year = today.getYear();
        long county = orgs.get("QH");
        long anlan = orgs.get("QH-AL");
        long liuxi = orgs.get("QH-LX");
        long qingshan = orgs.get("QH-QS");

        // the county's support of its towns (seed 001: 510,000 work funds, 800,000+ deputy activity funds)
        LineView countyWork = desk.addLine(county, new LineForm(year, Fund.WORK, "支持乡镇人大工作经费", "510,000.00"));
        LineView countyActivity = desk.addLine(county, new LineForm(year, Fund.DEPUTY_ACTIVITY, "支持镇级人大代表活动经费",
                "820,000"));
        desk.addIncome(county, new IncomeForm(Fund.WORK, IncomeSource.TOWN, day(year, 20, today), "清财预〔" + year + "〕3号",
                "510000", "县级财政预算"));
        desk.addIncome(county, new IncomeForm(Fund.DEPUTY_ACTIVITY, IncomeSource.TOWN, day(year, 20, today),
                "清财预〔" + year + "〕3号", "820000", "县级财政预算"));

        // 安澜镇
        LineView meetings = desk.addLine(anlan, new LineForm(year, Fund.WORK, "会议费（人代会、主席团会议）", "30,000"));
        LineView training = desk.addLine(anlan, new LineForm(year, Fund.WORK, "培训费", "20,000"));
        LineView office = desk.addLine(anlan, new LineForm(year, Fund.WORK, "办公及调研", "15,000"));
        LineView activity = desk.addLine(anlan, new LineForm(year, Fund.DEPUTY_ACTIVITY, "代表视察调研活动", "40,000"));
        LineView subsidies = desk.addLine(anlan, new LineForm(year, Fund.DEPUTY_ACTIVITY, "代表履职补贴", "30,000"));
        desk.addIncome(anlan, new IncomeForm(Fund.WORK, IncomeSource.TOWN, day(year, 15, today), "安财〔" + year + "〕2号",
                "25,000", "镇本级预算第一批"));
        desk.addIncome(anlan, new IncomeForm(Fund.WORK, IncomeSource.TOWN, day(year, 180, today), "安财〔" + year + "〕19号",
                "20,000", "镇本级预算第二批"));
        desk.addIncome(anlan, new IncomeForm(Fund.DEPUTY_ACTIVITY, IncomeSource.TOWN, day(year, 15, today),
                "安财〔" + year + "〕2号", "40,000", null));
        desk.addIncome(anlan, new IncomeForm(Fund.WORK, IncomeSource.COUNTY, day(year, 60, today), "清人大〔" + year + "〕8号",
                "20,000", "县级支持乡镇人大工作经费"));
        desk.addIncome(anlan, new IncomeForm(Fund.DEPUTY_ACTIVITY, IncomeSource.COUNTY, day(year, 60, today),
                "清人大〔" + year + "〕8号", "30,000", "县级支持代表活动经费"));
        spend(countyWork, year, 58, today, "安澜镇人大主席团", "拨付安澜镇人大工作经费", "20,000", "QH-" + year + "-001");
        spend(countyActivity, year, 58, today, "安澜镇人大主席团", "拨付安澜镇代表活动经费", "30,000", "QH-" + year + "-002");
        long first = spend(meetings, year, 40, today, "安澜镇会务中心", "镇人大二次会议会务（场地、资料）", "8,460.00",
                "AL-" + year + "-001");
        desk.addVouchers(first, List.of(new FundsDesk.Upload("会务发票.png", "image/png", PNG)));
        spend(meetings, year, 100, today, "安澜镇会务中心", "主席团第三次会议资料印制", "1,236.50", "AL-" + year + "-007");
        spend(training, year, 120, today, "县人大代表培训中心", "镇人大代表履职培训（52 人）", "9,880", "AL-" + year + "-009");
        spend(training, year, 200, today, "清河县委党校", "人大干部业务培训", "3,200", "AL-" + year + "-014");
        spend(office, year, 75, today, "清河文印店", "代表联络站制度牌、公示栏", "2,650", "AL-" + year + "-004");
        long wrong = spend(office, year, 90, today, "清河文印店", "代表联络站宣传册（重复报账）", "1,200",
                "AL-" + year + "-006");
        desk.reverse(wrong, "与 AL-" + year + "-004 重复报账，冲销");
        spend(office, year, 150, today, "安澜镇交通办", "环境整治专题调研用车", "860", "AL-" + year + "-011");
        spend(activity, year, 110, today, "东湖村委会", "代表视察农村饮水工程", "2,300", "AL-" + year + "-010");
        spend(activity, year, 160, today, "安澜镇人大代表联络站", "代表进站接待选民（茶水、资料）", "1,480.80",
                "AL-" + year + "-012");
        spend(activity, year, 230, today, "南塘村委会", "代表小组活动：高标准农田建设调研", "3,150", "AL-" + year + "-016");
        spend(activity, year, 260, today, "安澜镇人大代表联络站", "代表向选民述职活动", "1,900", "AL-" + year + "-018");

        // 安澜镇's subsidy standard, a deputy without fixed income, the subsidies of the year so far
        desk.saveStandard(anlan, new FundsDesk.StandardForm(year, "100", "50"));
        desk.deputies(anlan).stream().findFirst().ifPresent(d -> desk.flag(anlan,
                new FundsDesk.FlagForm(d.id(), today.withDayOfYear(1))));
        LocalDate from = LocalDate.of(year, 1, 1);
        SubsidyDraft draft = desk.subsidyDraft(anlan, from, today);
        if (draft.totalFen() > 0 && draft.totalFen() <= subsidies.remainingFen()) {
            desk.confirmSubsidy(anlan, from, today);
        }

        // 柳溪镇 and 青山镇
        town(liuxi, "柳", year, today, countyWork, countyActivity, "18,000", "26,000", "12,000", "20,000");
        town(qingshan, "青", year, today, countyWork, countyActivity, "16,000", "24,000", "10,000", "18,000");
    }

    private void town(long org, String prefix, int year, LocalDate today, LineView countyWork, LineView countyActivity,
            String workBudget, String activityBudget, String countyWorkAmount, String countyActivityAmount) {
        LineView work = desk.addLine(org, new LineForm(year, Fund.WORK, "人大工作经费（综合）", workBudget));
        LineView activity = desk.addLine(org, new LineForm(year, Fund.DEPUTY_ACTIVITY, "代表活动经费（综合）", activityBudget));
        desk.addIncome(org, new IncomeForm(Fund.WORK, IncomeSource.TOWN, day(year, 20, today), null, "8,000", null));
        desk.addIncome(org, new IncomeForm(Fund.WORK, IncomeSource.COUNTY, day(year, 60, today), "清人大〔" + year + "〕8号",
                countyWorkAmount, null));
        desk.addIncome(org, new IncomeForm(Fund.DEPUTY_ACTIVITY, IncomeSource.COUNTY, day(year, 60, today),
                "清人大〔" + year + "〕8号", countyActivityAmount, null));
                spend(countyWork, year, 58, today, desk.org(org).name() + "人大主席团", "拨付" + desk.org(org).name() + "人大工作经费",
                countyWorkAmount, null);
        spend(countyActivity, year, 58, today, desk.org(org).name() + "人大主席团",
                "拨付" + desk.org(org).name() + "代表活动经费", countyActivityAmount, null);
        spend(work, year, 45, today, "镇会务中心", "镇人大会议会务", "5,600", prefix + "-" + year + "-001");
        spend(activity, year, 130, today, "镇人大代表联络站", "代表进站接待选民", "2,450.60", prefix + "-" + year + "-005");
    }

    /** Records an expense on the line's organisation; answers its id. */
    private long spend(LineView line, int year, int dayOfYear, LocalDate today, String payee,
            String purpose, String amount, @org.jspecify.annotations.Nullable String voucherNo) {
        return desk.addExpense(line.orgId(), new ExpenseForm(line.id(), day(year, dayOfYear, today), payee, purpose,
                amount, voucherNo), List.of()).id();
    }

    /** The day of the year, spread over the part of the year already past (the demo never dates money ahead). */
    private static LocalDate day(int year, int dayOfYear, LocalDate today) {
        int past = today.getDayOfYear();
        return LocalDate.ofYearDay(year, Math.max(1, Math.min(past, dayOfYear * past / 365)));
    }
}
