package org.renda.demo;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import org.renda.deputy.DeputyViews.DeputyProfile;
import org.renda.station.ReceptionLedger;
import org.renda.station.ReceptionLedger.ItemForm;
import org.renda.station.ReceptionRoster;
import org.renda.station.ReceptionRule;
import org.renda.station.StationEnums.ActivityKind;
import org.renda.station.StationEnums.RecordKind;
import org.renda.station.StationEnums.StaffRole;
import org.renda.station.StationEnums.Tier;
import org.renda.station.StationNetwork;
import org.renda.station.StationNetwork.StaffForm;
import org.renda.station.StationNetwork.StationForm;
import org.renda.station.StationRhythm;
import org.renda.station.StationViews.ActivityView;
import org.renda.station.StationViews.DayView;
import org.renda.station.StationViews.StationView;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The liaison network of the demo county, shaped like seed 004: 安澜镇's station (head the Party secretary, deputy
 * heads the congress chair and a section chief, two clerks), its deputies, the reception day on the 5th of every
 * month with this year's roster, receptions held each month until last month (one missed, so the dashboard warns),
 * visits, matters raised (some answered on the spot, one turned into a case), and the year's meetings; a contact
 * point in 东湖村, the county's centre station and 石桥镇's station.
 */
@Component
@Order(30)
class DemoStations implements DemoPart {

    private static final String[][] MATTERS = {
        {"交通出行", "村组道路坑洼，雨天积水，希望硬化", "已报镇交通办，列入明年计划"},
        {"农业农村", "灌溉水渠年久失修，影响春耕", null},
        {"医疗卫生", "村卫生室缺少常用药", "已协调镇卫生院每周配送"},
        {"教育", "校车线路不经过本组，孩子上学远", null},
        {"生态环境", "养殖场异味影响周边住户", "已通知环保所现场检查"},
        {"社会保障", "高龄津贴发放时间不固定", "已当场说明发放时间"},
    };

    private final StationNetwork network;
    private final ReceptionRoster roster;
    private final ReceptionLedger ledger;
    private final StationRhythm rhythm;
    private final DemoDeputies demoDeputies;

    DemoStations(StationNetwork network, ReceptionRoster roster, ReceptionLedger ledger, StationRhythm rhythm,
            DemoDeputies demoDeputies) {
        this.network = network;
        this.roster = roster;
        this.ledger = ledger;
        this.rhythm = rhythm;
        this.demoDeputies = demoDeputies;
    }

    @Override
    public void load(Map<String, Long> orgs, Map<String, Long> users) {
        LocalDate today = LocalDate.now();
        int year = today.getYear();
        StationView centre = network.create(orgs.get("QH"), new StationForm("QH-S00", "清河县人大代表中心联络站",
                Tier.CENTRE, null, "清河县人民会堂一楼东侧", "工作日 8:30—17:30", "0734-5210001",
                "县人大常委会设立的中心联络站，指导全县各乡镇联络站工作。"));
        StationView anlan = network.create(orgs.get("QH-AL"), new StationForm("QH-AL-S01", "安澜镇人大代表联络站",
                Tier.STATION, centre.id(), "安澜镇人民政府一楼（人民路 8 号）", "工作日 8:30—17:30；每月 5 日接待选民",
                "0734-5288005", "大门常开、选民常来、活动常有。周议事、月接待、季联席、年总结。"));
        network.create(orgs.get("QH-AL-V01"), new StationForm("QH-AL-P01", "东湖村人大代表联络点", Tier.POINT,
                anlan.id(), "东湖村党群服务中心二楼", "每周三下午", null, null));
        network.create(orgs.get("QH-SQ"), new StationForm("QH-SQ-S01", "石桥镇人大代表联络站", Tier.STATION,
                centre.id(), "石桥镇便民服务中心", "工作日", null, null));

        network.addStaff(anlan.id(), new StaffForm("何建军", StaffRole.HEAD, "镇党委书记", null, null));
        network.addStaff(anlan.id(), new StaffForm("黄永明", StaffRole.DEPUTY_HEAD, "镇人大主席", null,
                users.get("anlan.chair")));
        network.addStaff(anlan.id(), new StaffForm("罗志强", StaffRole.DEPUTY_HEAD, "镇人大副主席", null, null));
        network.addStaff(anlan.id(), new StaffForm("张丽", StaffRole.CLERK, "镇人大秘书", "13800000005",
                users.get("anlan.staff")));
        network.addStaff(anlan.id(), new StaffForm("邓小燕", StaffRole.CLERK, "联络站专职工作人员", "13900001234", null));

        List<DeputyProfile> town = demoDeputies.registered();
        for (DeputyProfile d : town) {
            network.assignDeputy(anlan.id(), d.id(), true);
        }
        roster.saveRule(anlan.id(), new ReceptionRule(org.renda.station.StationEnums.RuleKind.MONTHLY_DAY, 5, null,
                null, ReceptionRule.EVERY_MONTH, LocalTime.of(9, 0), LocalTime.of(11, 30), "安澜镇人大代表联络站接待室", 3,
                org.renda.station.StationEnums.HolidayPolicy.NEXT_WORKING_DAY, 7));
        roster.generate(anlan.id(), year, LocalDate.of(year, 1, 1));
        List<DayView> days = roster.days(anlan.id(), year);
        // 赵大山 (deputy.zhao) receives on the next reception day, so "my reception days" has something to confirm.
        town.stream().filter(d -> d.name().equals("赵大山")).findFirst().ifPresent(zhao -> days.stream()
                .filter(d -> !d.heldOn().isBefore(today)).findFirst()
                .filter(d -> d.duties().stream().noneMatch(u -> u.deputyId() == zhao.id()))
                .ifPresent(d -> {
                    List<Long> ids = new ArrayList<>(d.duties().stream().map(u -> u.deputyId()).toList());
                    if (ids.isEmpty()) {
                        ids.add(zhao.id());
                    } else {
                        ids.set(ids.size() - 1, zhao.id());
                    }
                    roster.change(d.id(), d.version(), new ReceptionRoster.DayChange(d.heldOn(), d.startsAt(),
                            d.endsAt(), d.place(), d.state(), null, ids));
                }));

        // Receptions on every past reception day but one (the warning on the town's dashboard).
        int n = 0;
        List<DayView> past = days.stream().filter(d -> d.heldOn().isBefore(today)).toList();
        for (int i = 0; i < past.size(); i++) {
            DayView d = past.get(i);
            if (i == past.size() - 1 && past.size() > 1) {
                continue;
            }
            List<Long> present = d.duties().stream().map(u -> u.deputyId()).toList();
            List<ItemForm> items = new ArrayList<>();
            for (int k = 0; k < 2 + i % 3; k++, n++) {
                String[] m = MATTERS[n % MATTERS.length];
                items.add(new ItemForm(m[0], m[1], m[2], m[2] != null && n % 2 == 0));
            }
            ledger.record(anlan.id(), new ReceptionLedger.RecordForm(RecordKind.RECEPTION, d.id(), d.heldOn(), d.place(),
                    20 + (i * 7) % 15, null, null, true, "接待选民日：代表听取群众诉求，现场解答政策问题。", present, items));
        }
        // Two visits outside the station, one matter of which becomes a tracked case with its deputy as sponsor.
        if (town.size() > 3 && today.getDayOfYear() > 40) {
            ledger.record(anlan.id(), new ReceptionLedger.RecordForm(RecordKind.VISIT, null, today.minusDays(30),
                    "南塘村三组", 12, "刘大爷", "13912345678", false, "入户走访，了解冬季用水情况。",
                    List.of(town.get(0).id()), List.of(new ItemForm("农业农村", "三组自来水管冬季易冻裂，希望加装保温层", null,
                            false))));
            var visit = ledger.record(anlan.id(), new ReceptionLedger.RecordForm(RecordKind.VISIT, null,
                    today.minusDays(12), "北坪村", 8, null, null, true, "走访种养大户。", List.of(town.get(1).id(),
                            town.get(2).id()), List.of(new ItemForm("交通出行", "北坪村到镇上的班车每天只有一趟，希望增加班次",
                            null, false))));
            ledger.toCase(visit.items().get(0).id(), town.get(1).id(), null);
        }
        // The year's meetings: quarterly, half-yearly and annual from January; weekly deliberations from today.
        rhythm.plan(anlan.id(), year, new StationRhythm.Plan(EnumSet.of(ActivityKind.QUARTERLY_JOINT_MEETING,
                ActivityKind.HALF_YEAR_REPORT, ActivityKind.ANNUAL_SUMMARY), 4), LocalDate.of(year, 1, 1));
        rhythm.plan(anlan.id(), year, new StationRhythm.Plan(EnumSet.of(ActivityKind.WEEKLY_DELIBERATION), 4), today);
        for (ActivityView a : rhythm.activities(anlan.id(), LocalDate.of(year, 1, 1), today.minusDays(1))) {
            List<Long> attended = a.attendance().stream().map(x -> x.deputyId()).limit(12).toList();
            rhythm.hold(a.id(), a.plannedOn(), a.theme(), a.kind() == ActivityKind.HALF_YEAR_REPORT
                    ? "12 名代表述职，征求代表对联络站下一步建设的意见建议 6 条。"
                    : "总结本季度活动开展情况，安排下一季度活动计划；集中讨论民生实事项目推进情况。", attended);
        }
    }
}
