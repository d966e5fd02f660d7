package org.renda.demo;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.renda.appraisal.AppraisalViews.RectificationView;
import org.renda.appraisal.Rectifications;
import org.renda.deputy.DeputyViews.DeputyProfile;
import org.renda.supervision.SupervisionDesk;
import org.renda.supervision.SupervisionDesk.FindingForm;
import org.renda.supervision.SupervisionDesk.SupervisionGroupForm;
import org.renda.supervision.SupervisionDesk.SubjectForm;
import org.renda.supervision.SupervisionEnums.Speciality;
import org.renda.supervision.SupervisionEnums.SubjectKind;
import org.renda.supervision.SupervisionEnums.TopicSource;
import org.renda.supervision.SupervisionRhythm;
import org.renda.supervision.SupervisionRhythm.HoldForm;
import org.renda.supervision.SupervisionViews.SupervisionActivity;
import org.renda.supervision.SupervisionViews.SupervisedSubject;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Supervision in the demo county, shaped like seed 004's 五个一: 安澜镇 follows a key project (the town's stretch of
 * the road and water network, built by the county transport bureau) with its urban-construction deputy group; the
 * year's rhythm is generated and recorded up to last week (one briefing cancelled), the inspections found problems
 * that went to the bureau, most rectified and accepted, one reported and waiting, one open. A livelihood matter of
 * 安澜镇 and a topic of 柳溪镇 stand beside it, so the county sees topics per town and scope can be probed.
 */
@Component
@Order(60)
class DemoSupervision implements DemoPart {

    private static final String[] FINDINGS = {
        "部分路段施工围挡不规范，存在安全隐患", "雨污分流管网接口渗漏", "沿线群众出行临时便道未硬化",
        "施工扬尘控制措施落实不到位", "水系清淤进度滞后于计划节点", "征迁群众安置补偿公示不及时"};

    private final SupervisionDesk desk;
    private final SupervisionRhythm rhythm;
    private final Rectifications rectifications;
    private final DemoDeputies demoDeputies;

    DemoSupervision(SupervisionDesk desk, SupervisionRhythm rhythm, Rectifications rectifications,
            DemoDeputies demoDeputies) {
        this.desk = desk;
        this.rhythm = rhythm;
        this.rectifications = rectifications;
        this.demoDeputies = demoDeputies;
    }

    @Override
    public void load(Map<String, Long> orgs, Map<String, Long> users) {
        LocalDate today = LocalDate.now();
        int year = today.getYear();
        long anlan = orgs.get("QH-AL");
        SupervisedSubject road = desk.create(new SubjectForm(anlan, year, SubjectKind.KEY_PROJECT, "城市路网水系工程（安澜段）",
                orgs.get("QH-D11"), TopicSource.KEY_PROJECT, "镇政府工作报告列明的年度重点工程：6条道路清表征迁与沿线水系整治。"));
        List<DeputyProfile> town = demoDeputies.registered();
        List<Long> members = town.subList(0, Math.min(6, town.size())).stream().map(DeputyProfile::id).toList();
        desk.saveGroup(road.id(), new SupervisionGroupForm(Speciality.URBAN_CONSTRUCTION, "城市建设专业监督小组", members.get(0),
                members));
        rhythm.generate(road.id(), "FIVE_ONES");
        List<SupervisionActivity> plan = desk.detail(road.id()).activities();
        int n = 0;
        for (SupervisionActivity a : plan) {
            if (!a.plannedOn().isBefore(today.minusDays(7))) {
                continue;
            }
            if (n++ == 3) {
                rhythm.cancel(a.id(), a.version()); // one month's briefing fell through (flood season)
                continue;
            }
            List<Long> present = members.stream().filter(d -> d % 5 != a.id() % 5).toList();
            rhythm.hold(a.id(), a.version(), new HoldForm(a.plannedOn(), "安澜镇人大代表联络站及项目现场",
                    a.title() + "：听取项目责任单位汇报，梳理需协调解决的问题。", 2, present));
        }
        int raised = 0;
        for (String problem : FINDINGS) {
            RectificationView r = desk.raiseFinding(road.id(), new FindingForm(problem, null));
            if (raised < 4) {
                rectifications.report(r.id(), r.version(), "已整改完毕：" + problem.substring(0, 6) + "问题已按要求处理，附整改照片。");
                RectificationView reported = rectifications.get(r.id());
                rectifications.accept(r.id(), reported.version(), "现场复查合格");
            } else if (raised == 4) {
                rectifications.report(r.id(), r.version(), "已制定整改方案，清淤队伍增至三支，预计月底完成。");
            }
            raised++;
        }
        desk.create(new SubjectForm(anlan, year, SubjectKind.LIVELIHOOD, "老年养护院建设", orgs.get("QH-D04"),
                TopicSource.WORK_REPORT, "年度民生实事项目。"));
        desk.create(new SubjectForm(orgs.get("QH-LX"), year, SubjectKind.SPECIAL_TOPIC, "茶山村安全饮水巩固提升",
                orgs.get("QH-D12"), TopicSource.KEY_SUGGESTION, "由代表重点建议转化的跟踪监督专题。"));
    }
}
