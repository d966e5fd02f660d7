package org.renda.assessment;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.renda.assessment.engine.PeriodKind;
import org.renda.assessment.engine.Scheme;
import org.renda.assessment.engine.Scheme.Area;
import org.renda.assessment.engine.Scheme.Indicator;
import org.renda.assessment.engine.Scheme.Rules;
import org.renda.assessment.engine.Scheme.Source;
import org.renda.assessment.engine.Scheme.Tier;
import org.renda.assessment.engine.Weighting;

/**
 * Starting points for a new scheme, shaped like the seeds: the villages of a town with three sources
 * ("监督力看人大、业务分看部门、满意度看群众" [000]), the town congresses of a county on base 100 plus bonus
 * across five areas [002], and the deputies of a town from their duty records, the presidium and the
 * voters, with not fewer than 10 excellent deputies [004]. Staff copy one and adjust it while it is a draft.
 */
final class SchemeTemplates {

    static final String VILLAGES = "VILLAGES";
    static final String TOWNS = "TOWNS";
    static final String DEPUTIES = "DEPUTIES";

    /** The record counts the templates read (see {@link RecordCounter}). */
    static final String DUTY = "deputy.duty.";
    static final String DUTY_BY_ORG = "deputy.duty.org.";

    private SchemeTemplates() {}

    static Scheme of(String code) {
        return switch (code) {
            case VILLAGES -> villages();
            case TOWNS -> towns();
            case DEPUTIES -> deputies();
            default -> throw new org.renda.shared.DomainException("assessment.scheme.error.template");
        };
    }

    static SubjectKind kindOf(String code) {
        return switch (code) {
            case TOWNS -> SubjectKind.TOWN;
            case DEPUTIES -> SubjectKind.DEPUTY;
            default -> SubjectKind.VILLAGE;
        };
    }

    /** 村(居)综合工作考评 [000]: three sources weighted 30 / 50 / 20; June and December measurements. */
    static Scheme villages() {
        Set<PeriodKind> halves = Set.of(PeriodKind.H1, PeriodKind.H2);
        Set<PeriodKind> annual = Set.of(PeriodKind.ANNUAL);
        return new Scheme(new BigDecimal("100"), Weighting.SOURCE,
                List.of(new Area("SUP", "督办落实", null), new Area("BIZ", "业务工作", null),
                        new Area("SAT", "满意度测评", null), new Area("INNO", "创新工作", null)),
                List.of(new Source("RD", "人大监督", new BigDecimal("30")),
                        new Source("DEPT", "部门业务", new BigDecimal("50")),
                        new Source("MASS", "群众满意", new BigDecimal("20"))),
                List.of(only(annual, withReason(criteria(Indicator.entered("S1", "SUP", "RD", "人大督办民生实事落实", "20"),
                                "年初交各村（居）联络站督办的民生实事逐项核查：按期落实得满分；每项未按期落实扣 4 分，因主观原因未落实的提请主席团一票否决。"))),
                        only(annual, criteria(Indicator.entered("S2", "SUP", "RD", "联络站反映的民生实事、难事解决", "10"),
                                "联络站反馈的事项按办结率计分：全部办结 10 分；每一项未办结扣 1 分，反馈经查证属实且未整改的每项扣 2 分。")),
                        only(annual, Indicator.counted("S3", "SUP", "RD", "村(居)代表接待选民（次）", "10",
                                DUTY_BY_ORG + "RECEPTION", "4", "1")),
                        only(annual, withReason(criteria(Indicator.entered("B1", "BIZ", "DEPT", "党委政府下达工作任务落实", "40"),
                                "对照镇党委、政府年度任务清单逐项打分：完成得满分；每项未完成扣 5 分，部分完成扣 2 分；有记录可查。"))),
                        only(annual, criteria(Indicator.entered("B2", "BIZ", "DEPT", "农业农村和乡村振兴", "30"),
                                "由农业农村部门按年度目标考核：产业、人居环境、项目建设三项各 10 分，每项未达标扣 3 至 10 分。")),
                        only(annual, criteria(Indicator.entered("B3", "BIZ", "DEPT", "社会事务和基层治理", "30"),
                                "由综治、民政等部门考核：矛盾纠纷化解、社会救助、安全生产各 10 分；发生重大事件的该项不得分。")),
                        Indicator.vote("M1", "SAT", "MASS", "群众对“两委”干部的满意度", "10", "village.masses", halves),
                        Indicator.vote("M2", "SAT", "MASS", "代表对村(居)工作的认可度", "10", "village.deputies", halves),
                        only(annual, Indicator.bonus("X1", "INNO", "RD", "增量创新分", "5"))),
                List.of(Tier.top("FIRST", "一等奖", true, 2), Tier.top("SECOND", "二等奖", false, 4),
                        Tier.top("THIRD", "三等奖", false, 4)),
                // prizes come from the annual assessment; June and December are its measurements [000]
                new Rules(List.of("RD", "MASS"), 3, Map.of(), 7, Scheme.Incomplete.NO_TIER, annual));
    }

    /** 镇人大工作积分制 [002]: base 100 over five areas, plus up to 10 bonus points; the top three are 先进单位. */
    static Scheme towns() {
        return new Scheme(new BigDecimal("100"), Weighting.AREA,
                List.of(new Area("CONG", "人代会工作", new BigDecimal("20")),
                        new Area("SUP", "监督工作", new BigDecimal("25")),
                        new Area("DEP", "代表工作", new BigDecimal("25")),
                        new Area("BASE", "基础工作", new BigDecimal("20")),
                        new Area("INNO", "创新工作", new BigDecimal("10"))),
                List.of(new Source("CTY", "县人大常委会", null)),
                List.of(criteria(Indicator.entered("C1", "CONG", "CTY", "依法按期召开人代会", "10"),
                                "每年召开两次镇人代会得 10 分；少开一次扣 5 分，程序不规范每处扣 1 分。"),
                        criteria(Indicator.entered("C2", "CONG", "CTY", "代表议案建议办理", "10"),
                                "议案建议按期办复率 100% 得 10 分；每低 10 个百分点扣 1 分，代表不满意的每件扣 0.5 分。"),
                        criteria(Indicator.entered("S1", "SUP", "CTY", "视察调研和专题询问", "15"),
                                "全年组织视察调研不少于 4 次、专题询问不少于 1 次得满分；每少一次扣 3 分。"),
                        criteria(Indicator.entered("S2", "SUP", "CTY", "民生实事和重点项目监督", "10"),
                                "对民生实事和重点项目全程跟踪监督、有记录有报告得满分；缺一项记录扣 2 分。"),
                        Indicator.counted("D1", "DEP", "CTY", "代表小组活动（次）", "10",
                                DUTY_BY_ORG + "GROUP_ACTIVITY", "2", "0.5"),
                        criteria(Indicator.entered("D2", "DEP", "CTY", "代表联系选民和网格履职", "10"),
                                "代表联系选民、进网格履职有台账得满分；台账缺失每名代表扣 0.5 分。"),
                        criteria(Indicator.entered("D3", "DEP", "CTY", "代表实事承诺落实", "5"),
                                "代表年度实事承诺全部兑现得 5 分；每一项未兑现扣 1 分。"),
                        criteria(Indicator.entered("F1", "BASE", "CTY", "制度建设和档案管理", "10"),
                                "主席团会议、代表履职等制度健全、档案完整得满分；缺一项制度或档案扣 2 分。"),
                        criteria(Indicator.entered("F2", "BASE", "CTY", "经费保障和阵地建设", "10"),
                                "工作经费和代表活动经费列入预算、联络站正常运转得满分；经费未落实扣 5 分，阵地不达标扣 3 分。"),
                        criteria(Indicator.entered("I1", "INNO", "CTY", "特色品牌和创新举措", "10"),
                                "有特色品牌并获县级以上推广得 10 分，有创新举措未推广得 5 分，无则不得分。"),
                        Indicator.bonus("X1", "INNO", "CTY", "增量创新分", "10")),
                List.of(Tier.top("ADVANCED", "先进单位", true, 3)),
                new Rules(List.of(), 3, Map.of(), 7));
    }

    /** 代表履职考评 [004]: duty records counted, the presidium's evaluation, the voters' satisfaction. */
    static Scheme deputies() {
        return new Scheme(new BigDecimal("100"), Weighting.NONE,
                List.of(new Area("DUTY", "履职活动", null), new Area("EVAL", "主席团评价", null),
                        new Area("VOTERS", "选民评价", null)),
                List.of(new Source("REC", "履职记录", null), new Source("PRES", "镇人大主席团", null),
                        new Source("VOT", "选民群众", null)),
                List.of(Indicator.counted("R1", "DUTY", "REC", "出席代表大会", "10", DUTY + "ATTEND_CONGRESS", "0", "5"),
                        Indicator.counted("R2", "DUTY", "REC", "提出议案建议", "10", DUTY + "PROPOSAL", "0", "2.5"),
                        Indicator.counted("R3", "DUTY", "REC", "视察调研", "10", DUTY + "INSPECTION", "0", "2"),
                        Indicator.counted("R4", "DUTY", "REC", "参加学习培训", "5", DUTY + "TRAINING", "0", "2.5"),
                        Indicator.counted("R5", "DUTY", "REC", "接待选民", "10", DUTY + "RECEPTION", "0", "2"),
                        Indicator.counted("R6", "DUTY", "REC", "收集反映群众诉求", "10", DUTY + "COLLECT_DEMANDS", "0", "1"),
                        Indicator.counted("R7", "DUTY", "REC", "向选民述职", "5", DUTY + "REPORT_TO_VOTERS", "0", "5"),
                        criteria(Indicator.entered("P1", "EVAL", "PRES", "主席团综合评价", "20"),
                                "主席团对照履职档案综合评价：优秀 18–20 分，称职 12–17 分，基本称职 6–11 分，不称职 0–5 分。"),
                        Indicator.vote("V1", "VOTERS", "VOT", "选民满意度", "20", "deputy.voters", Set.of())),
                List.of(new Tier("EXCELLENT", "优秀", true, null, new BigDecimal("85"), 10),
                        new Tier("COMPETENT", "称职", false, null, new BigDecimal("60"), null)),
                new Rules(List.of("PRES", "VOT"), 0, Map.of(), 7));
    }

    /** The indicator measured only in the given period kinds (the half-year measurements are votes only). */
    private static Indicator only(Set<PeriodKind> periods, Indicator i) {
        return new Indicator(i.code(), i.area(), i.source(), i.name(), i.maxPoints(), i.method(), i.countSource(),
                i.basePoints(), i.perOccurrence(), i.voteRef(), periods, i.reasonBelow(), i.guidance());
    }

    /** The indicator with its scoring criteria (评分标准, deductions included), shown on every scoring sheet. */
    private static Indicator criteria(Indicator i, String text) {
        return new Indicator(i.code(), i.area(), i.source(), i.name(), i.maxPoints(), i.method(), i.countSource(),
                i.basePoints(), i.perOccurrence(), i.voteRef(), i.periods(), i.reasonBelow(), text);
    }

    private static Indicator withReason(Indicator i) {
        return new Indicator(i.code(), i.area(), i.source(), i.name(), i.maxPoints(), i.method(), i.countSource(),
                i.basePoints(), i.perOccurrence(), i.voteRef(), i.periods(), new BigDecimal("0.6"), i.guidance());
    }
}
