package org.renda.demo;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.renda.assessment.AssessmentDesk;
import org.renda.assessment.AssessmentEnums.DecisionKind;
import org.renda.assessment.AssessmentViews.SheetSummary;
import org.renda.assessment.AssessmentViews.SubjectView;
import org.renda.assessment.SchemeBook;
import org.renda.assessment.ScoringSheets;
import org.renda.assessment.engine.PeriodKind;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The demo county's assessments: 安澜镇's assessment of its 13 villages and 1 community with the three
 * sources of seed 000 (the June and December satisfaction measurements closed, the annual assessment open
 * with two evaluator groups and some sheets entered from paper; 李春华 leads the supervision group with
 * 王秀英 of the county as a member, and may not score her own 西岭村), and the county's points scheme of its
 * ten towns (seed 002), open for scoring by 王秀英.
 */
@Component
@Order(50)
class DemoAssessments implements DemoPart {

    private final SchemeBook schemes;
    private final AssessmentDesk desk;
    private final ScoringSheets sheets;

    DemoAssessments(SchemeBook schemes, AssessmentDesk desk, ScoringSheets sheets) {
        this.schemes = schemes;
        this.desk = desk;
        this.sheets = sheets;
    }

    @Override
    public void load(Map<String, Long> orgs, Map<String, Long> users) {
        int year = LocalDate.now().getYear();
        LocalDate jan = LocalDate.of(year, 1, 1);
        villages(orgs.get("QH-AL"), users, year, jan);
        towns(orgs.get("QH"), users, year, jan);
    }

    private void villages(long town, Map<String, Long> users, int year, LocalDate jan) {
        long scheme = schemes.draftFromTemplate(town, "VILLAGES", "安澜镇村(居)年度综合工作考评方案", year);
        schemes.openForComments(scheme);
        schemes.comment(scheme, "建议把联络站反馈的民生实事办理情况单列为一项指标，便于群众监督。");
        schemes.approve(scheme);

        long june = desk.openPeriod(scheme, PeriodKind.H1, year + "年上半年村(居)工作测评", jan, LocalDate.of(year, 6, 30));
        long december = desk.openPeriod(scheme, PeriodKind.H2, year + "年全年村(居)工作测评", jan,
                LocalDate.of(year, 12, 31));
        List<SubjectView> juneSubjects = desk.subjects(june);
        List<SubjectView> decSubjects = desk.subjects(december);
        for (int i = 0; i < juneSubjects.size(); i++) {
            BigDecimal base = new BigDecimal("0.78").add(new BigDecimal((i * 7) % 17).movePointLeft(2));
            desk.enterRate(juneSubjects.get(i).id(), "M1", base, "6 月群众代表纸质测评表汇总");
            desk.enterRate(juneSubjects.get(i).id(), "M2", base.add(new BigDecimal("0.02")), "6 月代表测评表汇总");
            desk.enterRate(decSubjects.get(i).id(), "M1", base.add(new BigDecimal("0.01")), "12 月群众代表纸质测评表汇总");
            desk.enterRate(decSubjects.get(i).id(), "M2", base.add(new BigDecimal("0.03")), "12 月代表测评表汇总");
        }
        desk.close(june, false);
        desk.close(december, false);

        long annual = desk.openPeriod(scheme, PeriodKind.ANNUAL, year + "年度村(居)综合工作考核", jan,
                LocalDate.of(year, 12, 31));
        List<SubjectView> subjects = desk.subjects(annual);
        List<Long> all = subjects.stream().map(SubjectView::id).toList();
        desk.createGroup(annual, new AssessmentDesk.GroupForm("督办落实考核组", null, users.get("deputy.li"),
                List.of("S1", "S2"), all, List.of(users.get("eval.wang"))));
        desk.createGroup(annual, new AssessmentDesk.GroupForm("部门业务考核组", null, users.get("eval.wang"),
                List.of("B1", "B2", "B3"), all, List.of(users.get("unit.jiaotong"))));
        // Paper sheets of the business group for the first six villages, as the office entered them.
        int n = 0;
        for (SheetSummary s : desk.sheets(annual)) {
            if (!s.groupName().equals("部门业务考核组") || n >= 6) {
                continue;
            }
            Map<String, ScoringSheets.Entry> rows = new HashMap<>();
            rows.put("B1", new ScoringSheets.Entry(new BigDecimal(36 - n), null));
            rows.put("B2", new ScoringSheets.Entry(new BigDecimal(27 - n % 3), null));
            rows.put("B3", new ScoringSheets.Entry(new BigDecimal(26 + n % 4), null));
            sheets.save(s.id(), sheets.get(s.id()).version(), rows, true);
            n++;
        }
        SubjectView nantang = subjects.stream().filter(s -> s.name().equals("南塘村")).findFirst().orElseThrow();
        desk.addBonus(subjects.get(0).id(), "X1", new BigDecimal("3"), "“村民说事”议事厅常态化运行",
                "镇人大主席团 " + year + " 年第 4 次会议纪要");
        desk.decide(nantang.id(), DecisionKind.VETO, null, null,
                "镇人大督办的农贸市场建设项目因村“两委”主观原因未如期落实", "主席团会议纪要 · 督办事项第 3 项");
    }

    private void towns(long county, Map<String, Long> users, int year, LocalDate jan) {
        long scheme = schemes.draftFromTemplate(county, "TOWNS", "清河县镇人大工作积分制考核（" + year + "年度）", year);
        schemes.approve(scheme);
        long annual = desk.openPeriod(scheme, PeriodKind.ANNUAL, year + "年度镇人大工作积分考核", jan,
                LocalDate.of(year, 12, 31));
        List<Long> towns = desk.subjects(annual).stream().map(SubjectView::id).toList();
        desk.createGroup(annual, new AssessmentDesk.GroupForm("县人大常委会考核组", null, users.get("eval.wang"),
                List.of("C1", "C2", "S1", "S2", "D2", "D3", "F1", "F2", "I1"), towns, List.of()));
    }
}
