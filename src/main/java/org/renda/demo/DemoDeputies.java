package org.renda.demo;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.renda.deputy.Commitments;
import org.renda.deputy.DeputyLevel;
import org.renda.deputy.DeputyRegister;
import org.renda.deputy.DeputyRegister.NewDeputy;
import org.renda.deputy.DeputyRegister.PersonForm;
import org.renda.deputy.DeputyRegister.SeatForm;
import org.renda.deputy.DeputyViews.DeputyProfile;
import org.renda.deputy.DutyLog;
import org.renda.deputy.DutyType;
import org.renda.deputy.Grids;
import org.renda.deputy.MandateStatus;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The demo county's deputies: 安澜镇's town congress in full (three deputies a village, some of them
 * also county deputies, four deputy groups, one by-election), a few in every other town, with duty
 * records, commitments and grids, so every screen of the deputy module has something real to show.
 * Names are generated from fixed lists: deterministic and made up.
 */
@Component
@Order(20)
class DemoDeputies implements DemoPart {

    private static final String SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢";
    private static final String GIVEN = "建国 秀英 志强 丽华 国平 春梅 海涛 玉兰 永明 桂芳 德胜 红霞 伟 静 军 敏 立新 小燕 明华 淑珍 保国 翠萍 文斌 晓燕 长青 美玲 振华 素芬 学军 金凤";
    private static final String[] OCCUPATIONS = {"村党支部书记", "村委会主任", "种养大户", "乡村教师", "乡村医生",
        "个体工商户", "合作社理事长", "企业职工", "退役军人", "村民"};
    private static final String[] GROUPS = {"第一代表小组", "第二代表小组", "第三代表小组", "第四代表小组"};
    private static final String STATION = "安澜镇人大代表联络站";
    private static final int TERM = 18;
    private static final int TERM_START = 2021;
    private static final int TERM_END = 2026;

    private final DeputyRegister register;
    private final DutyLog duties;
    private final Commitments commitments;
    private final Grids grids;
    /**
     * The 安澜镇 deputies in office this part registered, in order, for the parts loaded after it (the station's
     * deputies, the appraisal vote's roll): the system actor of the demo loader reaches no register list.
     */
    private final List<DeputyProfile> registered = new java.util.ArrayList<>();

    DemoDeputies(DeputyRegister register, DutyLog duties, Commitments commitments, Grids grids) {
        this.register = register;
        this.duties = duties;
        this.commitments = commitments;
        this.grids = grids;
    }

    @Override
    public void load(Map<String, Long> orgs, Map<String, Long> users) {
        long town = orgs.get("QH-AL");
        long county = orgs.get("QH");
        LocalDate today = LocalDate.now();
        int n = 0;
        // 安澜镇: three town deputies for each of its 13 villages and 1 community.
        for (int v = 1; v <= 14; v++) {
            String code = v <= 13 ? "QH-AL-V%02d".formatted(v) : "QH-AL-C01";
            long village = orgs.get(code);
            long grid1 = grids.create(new Grids.GridForm(village, "第一网格", 18 + v, 45 + v * 2)).id();
            long grid2 = grids.create(new Grids.GridForm(village, "第二网格", 22 + v, 52 + v)).id();
            for (int k = 0; k < 3; k++, n++) {
                String name = v == 1 && k == 0 ? "赵大山" : v == 2 && k == 0 ? "李春华" : name(n);
                boolean byElected = n == 17;
                DeputyProfile d = remember(register.register(new NewDeputy(village, person(name, n),
                        seat(town, DeputyLevel.TOWN, "第" + v + "选区", GROUPS[(v - 1) % 4],
                                byElected ? MandateStatus.BY_ELECTED : MandateStatus.ELECTED,
                                byElected ? LocalDate.of(2023, 6, 20) : LocalDate.of(TERM_START, 12, 28),
                                byElected ? "安澜镇第十八届人民代表大会第三次会议补选结果公告" : "安澜镇第十八届人民代表大会代表名单公告"))));
                if (n % 5 == 0) {
                    register.addSeat(d.id(), seat(county, DeputyLevel.COUNTY, "安澜镇选区", "安澜代表组",
                            MandateStatus.ELECTED, LocalDate.of(TERM_START, 11, 20), "清河县第十八届人民代表大会代表名单公告"));
                }
                grids.assign(d.id(), k == 0 ? grid1 : grid2);
                records(d.id(), n, today);
                if (name.equals("赵大山")) {
                    register.linkUser(d.id(), users.get("deputy.zhao"));
                    commitments.promise(d.id(), today.getYear(), new Commitments.Promise("推动东湖村通组道路硬化",
                            "协调交通运输局，年内完成 2.3 公里通组道路硬化。"));
                } else if (name.equals("李春华")) {
                    register.linkUser(d.id(), users.get("deputy.li"));
                    commitments.promise(d.id(), today.getYear(), new Commitments.Promise("为西岭村争取一处村级养老服务点",
                            "走访 60 户老年人家庭，提交建议并跟踪落实。"));
                    commitments.promise(d.id(), today.getYear(), new Commitments.Promise("每月进站接待选民一次",
                            null));
                }
            }
        }
        // A one deputy withdrew during the term.
        DeputyProfile resigned = register.register(new NewDeputy(orgs.get("QH-AL-V05"), person(name(n), n),
                seat(town, DeputyLevel.TOWN, "第5选区", GROUPS[0], MandateStatus.ELECTED, LocalDate.of(TERM_START, 12, 28),
                        "安澜镇第十八届人民代表大会代表名单公告")));
        register.changeStatus(resigned.mandates().get(0).id(), MandateStatus.RESIGNED, LocalDate.of(2023, 3, 1),
                "安澜镇人大主席团关于接受辞职的决定", "因工作调动辞去代表职务");
        n++;
        // Every other town: a few deputies, so the county's lists span the county.
        for (String t : List.of("QH-SQ", "QH-LX", "QH-QS", "QH-BS", "QH-TY", "QH-LQ", "QH-FM", "QH-CG", "QH-HX")) {
            long other = orgs.get(t);
            for (int k = 0; k < 5; k++, n++) {
                DeputyProfile d = register.register(new NewDeputy(other, person(name(n), n),
                        seat(other, DeputyLevel.TOWN, "第" + (k + 1) + "选区", GROUPS[k % 4], MandateStatus.ELECTED,
                                LocalDate.of(TERM_START, 12, 28), "第十八届人民代表大会代表名单公告")));
                records(d.id(), n, today);
            }
        }
    }

    /** A few dated duties of this year; most verified (staff entered them), some waiting for review. */
    private void records(long deputyId, int n, LocalDate today) {
        DutyType[] types = {DutyType.RECEPTION, DutyType.INSPECTION, DutyType.TRAINING, DutyType.COLLECT_DEMANDS,
            DutyType.ATTEND_CONGRESS, DutyType.STATION_DUTY, DutyType.PROPOSAL, DutyType.REPORT_TO_VOTERS};
        String[] titles = {"在联络站接待选民", "视察通村公路建设", "参加代表履职培训", "走访网格内农户收集意见",
            "出席镇人民代表大会", "进站值班", "提出关于农村饮水安全的建议", "向选区选民述职"};
        int count = 2 + n % 5;
        for (int i = 0; i < count; i++) {
            int t = (n + i * 3) % types.length;
            if (types[t] == DutyType.REPORT_TO_VOTERS && n % 3 != 0) {
                t = 0;
            }
            LocalDate on = today.minusDays(7L + (n * 11L + i * 37L) % 300);
            duties.record(deputyId, new DutyLog.DutyForm(types[t], on, titles[t], null, "安澜镇"), List.of());
        }
    }

    private DeputyProfile remember(DeputyProfile d) {
        registered.add(d);
        return d;
    }

    /** The deputies of 安澜镇 this part registered, in order (ids and names for later demo parts). */
    List<DeputyProfile> registered() {
        return List.copyOf(registered);
    }

    private static String name(int n) {
        String[] given = GIVEN.split(" ");
        return SURNAMES.charAt((n * 7) % SURNAMES.length()) + given[(n * 13) % given.length];
    }

    private static PersonForm person(String name, int n) {
        return new PersonForm(name, n % 3 == 0 ? "女" : "男", LocalDate.of(1965 + n % 30, 1 + n % 12, 1 + n % 27),
                "汉族", n % 2 == 0 ? "中共党员" : "群众", n % 4 == 0 ? "大学" : "高中", OCCUPATIONS[n % OCCUPATIONS.length],
                null, "1390000%04d".formatted(n), null, null);
    }

    private static SeatForm seat(long congress, DeputyLevel level, String constituency, String group,
            MandateStatus status, LocalDate since, String document) {
        return new SeatForm(congress, level, TERM, TERM_START, TERM_END, constituency, group,
                level == DeputyLevel.TOWN ? STATION : null, null, status, since, document);
    }
}
