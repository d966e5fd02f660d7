package org.renda.demo;

import static org.renda.org.OrgType.COMMUNITY;
import static org.renda.org.OrgType.STREET;
import static org.renda.org.OrgType.TOWN;
import static org.renda.org.OrgType.VILLAGE;

import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.renda.identity.UserAdministration;
import org.renda.identity.UserAdministration.GrantRequest;
import org.renda.identity.UserAdministration.NewUser;
import org.renda.org.OrgAdministration;
import org.renda.org.OrgAdministration.NewOrg;
import org.renda.org.OrgTree;
import org.renda.org.OrgType;
import org.renda.org.OrgView;
import org.renda.shared.Role;
import org.renda.shared.SystemContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Loads a fictional county shaped like the seeds (a town of 13 villages and 1 community as in 灯塔镇 [000],
 * 26 + 1 departments under appraisal as in 廉江 [003]) and one account for each role of DOMAIN.md.
 * Runs only with {@code renda.demo.enabled=true} and only on an empty organisation tree, as the system,
 * in one transaction: a load that fails leaves nothing behind. Every name and phone number is made up.
 */
@Component
@Order(10)
@ConditionalOnBooleanProperty(name = "renda.demo.enabled")
class DemoDataset implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoDataset.class);

    /** The password of every demo account. */
    static final String PASSWORD = "renda-demo";

    /** A region above the towns: code, name, kind, and the code of its parent (null for the root). */
    private record Region(String code, String name, OrgType type, @Nullable String parentCode) {}

    /** A town or street with its villages and communities, space-separated; "…社区" makes a community. */
    private record Town(String code, String name, OrgType type, String members) {}

    private static final String COUNTY = "QH";

    private static final List<Region> REGIONS = List.of(
            new Region("JN", "江南省", OrgType.PROVINCE, null),
            new Region("JN-YX", "云溪市", OrgType.CITY, "JN"),
            new Region(COUNTY, "清河县", OrgType.COUNTY, "JN-YX"));

    private static final List<Town> TOWNS = List.of(
            new Town("QH-AL", "安澜镇", TOWN, "东湖村 西岭村 南塘村 北坪村 上林村 下溪村 枫树村 竹园村 荷塘村 杨柳村 石门村 新田村 大坪村 安澜社区"),
            new Town("QH-SQ", "石桥镇", TOWN, "石桥村 古渡村 双井村 梅坑村 黄泥村 石桥社区"),
            new Town("QH-LX", "柳溪镇", TOWN, "柳溪村 前进村 茶山村 高岭村 柳溪社区"),
            new Town("QH-QS", "青山镇", TOWN, "青山村 松林村 云岭村 水口村 联丰村 长坑村 青山社区"),
            new Town("QH-BS", "白沙镇", TOWN, "白沙村 沙坪村 渡头村 沙湾村 白沙社区"),
            new Town("QH-TY", "桃源镇", TOWN, "桃源村 桃花村 溪口村 红星村 丰收村 桃源社区"),
            new Town("QH-LQ", "龙泉镇", TOWN, "龙泉村 龙井村 泉水村 金竹村 马鞍村 下坪村 银杏村 龙泉社区"),
            new Town("QH-FM", "凤鸣镇", TOWN, "凤鸣村 凤凰村 鸣山村 和平村 凤鸣社区"),
            new Town("QH-CG", "城关街道", STREET, "东门社区 西门社区 南门社区 北门社区 县前社区 文昌社区"),
            new Town("QH-HX", "河西街道", STREET, "河西社区 滨江社区 新桥社区 望江社区 锦绣社区"));

    /** The 26 government departments under annual appraisal, then the one other unit ("26 + 1" [003]). */
    private static final List<String> DEPARTMENTS = List.of(
            "发展和改革局", "教育局", "公安局", "民政局", "司法局", "财政局", "人力资源和社会保障局", "自然资源局",
            "生态环境局", "住房和城乡建设局", "交通运输局", "水利局", "农业农村局", "商务局", "文化广电旅游体育局",
            "卫生健康局", "退役军人事务局", "应急管理局", "市场监督管理局", "医疗保障局", "林业局", "统计局",
            "城市管理综合执法局", "信访局", "政务服务数据管理局", "乡村振兴局");
    private static final List<String> UNITS = List.of("供电公司");

    /** The demo accounts, one per role (and a second town to show scoping); README mirrors this table. */
    static final List<DemoAccount> ACCOUNTS = List.of(
            new DemoAccount("admin", "系统管理员", Role.SYSTEM_ADMIN, "JN", "江南省",
                    "系统管理员：维护全省组织树、用户和角色"),
            new DemoAccount("city.superior", "周文斌", Role.SUPERIOR, "JN-YX", "云溪市",
                    "上级人大（市人大常委会）：查看并考核下辖县、乡镇"),
            new DemoAccount("county.staff", "陈晓燕", Role.STAFF, COUNTY, "清河县",
                    "县人大常委会办公室工作人员：登记、交办、排期、录入、导出"),
            new DemoAccount("county.director", "刘国平", Role.PRESIDING, COUNTY, "清河县",
                    "县人大常委会主任：审批方案、确定重点督办、签发结果、看板"),
            new DemoAccount("anlan.staff", "张丽", Role.STAFF, "QH-AL", "安澜镇",
                    "安澜镇人大秘书：镇人大日常工作（13 个村、1 个社区）"),
            new DemoAccount("anlan.chair", "黄永明", Role.PRESIDING, "QH-AL", "安澜镇",
                    "安澜镇人大主席：审批方案、重点督办、签发考评结果"),
            new DemoAccount("shiqiao.staff", "吴静", Role.STAFF, "QH-SQ", "石桥镇",
                    "石桥镇人大秘书：只能看到本镇，用来检验数据隔离"),
            new DemoAccount("deputy.li", "李春华", Role.DEPUTY, "QH-AL", "安澜镇",
                    "镇人大代表：记录履职、提交意见建议、接待选民、参加测评"),
            new DemoAccount("deputy.zhao", "赵大山", Role.DEPUTY, "QH-AL-V01", "东湖村",
                    "村选区的镇人大代表：在手机上履职、反映群众意见"),
            new DemoAccount("unit.jiaotong", "孙海涛", Role.HANDLING_UNIT, "QH-D11", "交通运输局",
                    "承办单位联络员：接收交办件和整改事项、答复、报告进展"),
            new DemoAccount("eval.wang", "王秀英", Role.EVALUATOR, COUNTY, "清河县",
                    "考核组成员：为分配给本组的指标打分"));

    private final OrgAdministration orgAdmin;
    private final OrgTree orgs;
    private final UserAdministration users;
    private final TransactionTemplate transaction;
    private final List<DemoPart> parts;

    DemoDataset(OrgAdministration orgAdmin, OrgTree orgs, UserAdministration users,
            PlatformTransactionManager transactionManager, List<DemoPart> parts) {
        this.orgAdmin = orgAdmin;
        this.orgs = orgs;
        this.users = users;
        this.parts = parts;
        this.transaction = new TransactionTemplate(transactionManager);
    }

    @Override
    public void run(ApplicationArguments args) {
        if (orgs.count() > 0) {
            log.info("Demo dataset not loaded: the organisation tree is not empty");
            return;
        }
        long start = System.nanoTime();
        Map<OrgType, Integer> created = new EnumMap<>(OrgType.class);
        SystemContext.run(() -> transaction.executeWithoutResult(status -> load(created)));
        log.info("Loaded the demo dataset in {} ms: {} organisations {}, {} users",
                (System.nanoTime() - start) / 1_000_000, created.values().stream().mapToInt(Integer::intValue).sum(),
                created, ACCOUNTS.size());
    }

    /** Creates the tree and the accounts, counting the organisations created by kind. */
    private void load(Map<OrgType, Integer> created) {
        Map<String, Long> ids = new HashMap<>();
        for (int i = 0; i < REGIONS.size(); i++) {
            Region r = REGIONS.get(i);
            add(ids, created, r.code(), r.name(), r.type(), r.parentCode() == null ? null : id(ids, r.parentCode()),
                    i + 1);
        }
        long county = id(ids, COUNTY);
        for (int t = 0; t < TOWNS.size(); t++) {
            Town town = TOWNS.get(t);
            long townId = add(ids, created, town.code(), town.name(), town.type(), county, t + 1);
            int villages = 0;
            int communities = 0;
            String[] members = town.members().split(" ");
            for (int m = 0; m < members.length; m++) {
                boolean community = members[m].endsWith("社区");
                String code = town.code() + (community ? "-C%02d".formatted(++communities)
                        : "-V%02d".formatted(++villages));
                add(ids, created, code, members[m], community ? COMMUNITY : VILLAGE, townId, m + 1);
            }
        }
        int d = 0;
        for (String name : DEPARTMENTS) {
            d++;
            add(ids, created, "QH-D%02d".formatted(d), name, OrgType.DEPARTMENT, county, TOWNS.size() + d);
        }
        for (String name : UNITS) {
            d++;
            add(ids, created, "QH-D%02d".formatted(d), name, OrgType.UNIT, county, TOWNS.size() + d);
        }
        Map<String, Long> userIds = new HashMap<>();
        for (int i = 0; i < ACCOUNTS.size(); i++) {
            DemoAccount a = ACCOUNTS.get(i);
            long orgId = id(ids, a.orgCode());
            userIds.put(a.username(), users.create(new NewUser(a.username(), a.displayName(), orgId,
                    "1380000%04d".formatted(i + 1), null, PASSWORD, List.of(new GrantRequest(a.role(), orgId)))).id());
        }
        for (DemoPart part : parts) {
            part.load(ids, userIds);
        }
    }

    private long add(Map<String, Long> ids, Map<OrgType, Integer> created, String code, String name, OrgType type,
            @Nullable Long parentId, int sortOrder) {
        OrgView org = orgAdmin.create(new NewOrg(code, name, type, parentId, sortOrder));
        ids.put(code, org.id());
        created.merge(type, 1, Integer::sum);
        return org.id();
    }

    private static long id(Map<String, Long> ids, String code) {
        Long id = ids.get(code);
        if (id == null) {
            throw new IllegalStateException("Demo dataset refers to an unknown organisation code " + code);
        }
        return id;
    }
}
