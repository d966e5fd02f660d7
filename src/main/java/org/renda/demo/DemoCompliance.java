package org.renda.demo;

import java.io.ByteArrayInputStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.renda.compliance.ChecklistImport;
import org.renda.compliance.ComplianceDesk;
import org.renda.compliance.ComplianceDesk.PartyReportForm;
import org.renda.compliance.ComplianceDesk.RatingForm;
import org.renda.compliance.ComplianceDesk.Upload;
import org.renda.compliance.ComplianceEnums.Rating;
import org.renda.compliance.ComplianceViews.AssessmentView;
import org.renda.compliance.ComplianceViews.ItemLine;
import org.renda.compliance.ComplianceViews.RatingView;
import org.renda.shared.excel.Xlsx;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Regulation compliance in the demo county, shaped like seed 001 (罗定市: of the regulation's 41 quantified items, 35
 * fully and 6 partly implemented): 清河县's 41-item checklist after the provincial regulation on town congresses,
 * imported from a sheet as a clerk would; 安澜镇's assessment of this year, returned once by the county with a note and
 * accepted at 35 全面落实 / 6 部分落实 / 0 未落实, with a scan and two reports to the Party committee; 柳溪镇's assessment
 * submitted and awaiting the county's review.
 */
@Component
@Order(85)
class DemoCompliance implements DemoPart {

    /** A 1×1 PNG, the demo's evidence scan. */
    private static final byte[] PNG = java.util.Base64.getDecoder().decode(
            "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==");
    private static final byte[] PDF = "%PDF-1.4\n%%EOF\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

    /** The checklist: chapter, item, how it is measured, evidence kind (or ""). */
    static final List<String[]> ITEMS = List.of(
            row("党的领导", "镇人大坚持党的领导，年度工作计划报镇党委审定", "年度工作要点经镇党委会议研究", ""),
            row("党的领导", "镇人大每年向镇党委请示报告工作不少于1至2次", "全年请示报告次数", "compliance.partyReports"),
            row("党的领导", "行使职权中的重要事项、重大问题及时向镇党委请示报告", "重要事项均有请示报告记录", "compliance.partyReports"),
            row("党的领导", "镇党委每年至少听取一次人大工作汇报、专题研究人大工作", "党委会议纪要", ""),
            row("人民代表大会会议", "镇人民代表大会每年至少举行两次会议", "全年举行会议次数不少于两次", "meeting.sessions"),
            row("人民代表大会会议", "会议召开前将开会日期和建议议程提前一个月通知代表", "会议通知时间", ""),
            row("人民代表大会会议", "会前组织代表视察、调研，听取选民意见", "会前活动记录", "deputy.duties"),
            row("人民代表大会会议", "每次会议会期不少于一天，保证代表有充分审议时间", "会议日程", ""),
            row("人民代表大会会议", "听取和审议镇人民政府工作报告、财政预算执行情况报告", "会议议程和决议", ""),
            row("人民代表大会会议", "依法选举产生镇国家机关领导人员，实行差额选举、候选人与代表见面", "选举程序记录", ""),
            row("人民代表大会会议", "选举或任命的国家工作人员进行宪法宣誓", "宣誓记录", ""),
            row("人民代表大会会议", "会议决议、决定及时公开并报县人大常委会备案", "公开和备案记录", ""),
            row("主席团", "主席团由七至十一人组成，基层代表占适当比例", "主席团成员名单", ""),
            row("主席团", "闭会期间主席团每季度至少召开一次会议", "全年主席团会议次数", "meeting.presidium"),
            row("主席团", "主席团会议议事规则健全并严格执行", "议事规则和会议记录", ""),
            row("主席团", "主席团负责联系代表、组织代表开展活动", "活动记录", "deputy.duties"),
            row("主席团", "主席团督促代表建议、批评和意见的办理", "督办记录", ""),
            row("人大主席副主席与工作机构", "配备专职人大主席，一般配备专职副主席", "人员配备情况", ""),
            row("人大主席副主席与工作机构", "人大主席、副主席不分管政府工作", "班子分工文件", ""),
            row("人大主席副主席与工作机构", "设立镇人大办公室，配备一至二名专职工作人员", "机构设置和人员", ""),
            row("人大主席副主席与工作机构", "人大主席、副主席列席县人大常委会会议", "列席记录", ""),
            row("人大主席副主席与工作机构", "建立人大工作档案并规范管理", "档案目录", ""),
            row("代表工作", "代表联络站（点）覆盖每个村（社区）", "联络站（点）数量与村（社区）数", "station.count"),
            row("代表工作", "联络站有固定场所、有制度、有人员、有活动、有台账", "五有建设情况", "station.count"),
            row("代表工作", "代表每月定期进站接待选民", "全年接待日开展次数", "station.receptionDays"),
            row("代表工作", "直接选举的代表任期内向原选区选民述职一次", "述职人次", "deputy.reportToVoters"),
            row("代表工作", "建立代表履职档案，一人一档", "履职档案记录", "deputy.duties"),
            row("代表工作", "每年至少组织代表培训一次，新任代表全员参加", "培训记录和覆盖率", "deputy.duties"),
            row("代表工作", "代表建议、批评和意见交有关部门在三个月内办理答复", "办理答复时限", ""),
            row("代表工作", "代表补选、辞职、罢免等依法办理，程序完整", "补选和资格审查记录", ""),
            row("代表工作", "对无固定收入代表执行代表职务给予适当补贴", "补贴标准和发放记录", ""),
            row("监督工作", "每年选择若干重大问题和群众关注热点确定监督议题", "全年监督议题数", "supervision.topics"),
            row("监督工作", "综合运用视察、调研、执法检查等方式开展监督", "监督活动记录", "supervision.topics"),
            row("监督工作", "年中会议听取和审议专项工作报告并开展满意度测评", "专项报告和测评结果", ""),
            row("监督工作", "镇政府负责人在任期内向代表述职并接受评议", "述职评议人次", ""),
            row("监督工作", "主席、副主席督办重点代表建议", "重点督办记录", ""),
            row("监督工作", "对审议意见、测评发现的问题跟踪整改并报告", "整改报告", ""),
            row("保障", "人大工作经费、代表活动经费列入本级财政预算", "预算文件", ""),
            row("保障", "人大经费专账管理、专款专用", "经费台账", ""),
            row("保障", "代表活动经费制定细化使用方案", "使用方案", ""),
            row("保障", "依托网站、公众号公开代表信息和履职情况", "公开页面", ""));

    /** 安澜镇's partly implemented items (item number → what is missing), after 罗定市's shortcomings. */
    private static final Map<Integer, String> PARTIAL = Map.of(
            19, "一名副主席仍分管乡村振兴工作，已报镇党委调整分工。",
            20, "镇人大办公室仅有一名兼职工作人员，专职人员尚未到位。",
            28, "新任代表参加培训 41 人，覆盖率约 80%，尚有 10 名代表未参训。",
            29, "2 件代表建议超过三个月才答复，已督促整改。",
            35, "镇政府 5 名负责人中已有 2 人向代表述职，其余 3 人计划明年完成。",
            40, "代表活动经费尚无细化使用方案，正在起草。");

    /** 柳溪镇's items not fully implemented. */
    private static final Set<Integer> LIUXI_PARTIAL = Set.of(6, 14, 20, 24, 28, 29, 35, 37, 40);
    private static final Set<Integer> LIUXI_NONE = Set.of(19, 41);

    private static String[] row(String chapter, String body, String measure, String evidence) {
        return new String[] {chapter, body, measure, evidence};
    }

    private final ChecklistImport imports;
    private final ComplianceDesk desk;

    DemoCompliance(ChecklistImport imports, ComplianceDesk desk) {
        this.imports = imports;
        this.desk = desk;
    }

    /** The checklist as a sheet in the template's layout. */
    static byte[] checklistSheet() {
        List<List<?>> rows = new ArrayList<>();
        for (int i = 0; i < ITEMS.size(); i++) {
            String[] it = ITEMS.get(i);
            rows.add(List.of(i + 1, it[0], it[1], it[2], it[3]));
        }
        return Xlsx.write("条例落实清单", List.of("序号", "章节", "条目内容", "衡量方式", "佐证类型"), rows);
    }

    @Override
    public void load(Map<String, Long> orgs, Map<String, Long> users) {
        LocalDate today = LocalDate.now();
        int year = today.getYear();
        long county = orgs.get("QH");
        long anlan = orgs.get("QH-AL");
        long liuxi = orgs.get("QH-LX");
        imports.importSheet(county, "《江南省乡镇人民代表大会工作条例》落实情况清单",
                new ByteArrayInputStream(checklistSheet()));

        // 安澜镇: 35 fully, 6 partly; returned once by the county, then accepted
        AssessmentView a = desk.open(anlan, year);
        List<ItemLine> lines = desk.page(a.id()).lines();
        RatingView twelve = null;
        for (ItemLine l : lines) {
            RatingView r = l.rating();
            String missing = PARTIAL.get(r.itemNo());
            if (missing != null) {
                desk.rate(r.id(), new RatingForm(Rating.PARTIAL, missing, null));
            } else {
                desk.rate(r.id(), new RatingForm(Rating.FULL, null, r.itemNo() == 5 ? "/meetings?year=" + year : null));
            }
            if (r.itemNo() == 12) {
                twelve = r;
            }
        }
        desk.addFiles(lines.get(1).rating().id(), List.of(new Upload("请示报告登记表.png", "image/png", PNG)));
        desk.submit(a.id());
        desk.returnToTown(a.id(), "请补充第 12 项的公开和备案材料。",
                Map.of(twelve.id(), "未见报县人大常委会备案的材料，请上传备案回执。"));
        desk.addFiles(twelve.id(), List.of(new Upload("决议备案回执.png", "image/png", PNG)));
        desk.rate(twelve.id(), new RatingForm(Rating.FULL, "决议已于会后 10 日内报县人大常委会备案，回执已上传。", null));
        desk.submit(a.id());
        desk.accept(a.id(), "材料齐全，同意自评结果。");

        desk.addPartyReport(anlan, new PartyReportForm(day(year, 10, today), "关于召开镇第十八届人民代表大会第二次会议的请示",
                "镇党委会议研究同意，会期一天半。"), new Upload("请示.pdf", "application/pdf", PDF));
        desk.addPartyReport(anlan, new PartyReportForm(day(year, 150, today), "关于镇人大上半年工作情况的报告",
                "镇党委书记批示：支持人大开展民生实事项目票决。"), null);

        // 柳溪镇: submitted, awaiting the county
        AssessmentView b = desk.open(liuxi, year);
        for (ItemLine l : desk.page(b.id()).lines()) {
            int no = l.rating().itemNo();
            Rating rating = LIUXI_NONE.contains(no) ? Rating.NONE : LIUXI_PARTIAL.contains(no) ? Rating.PARTIAL
                    : Rating.FULL;
            desk.rate(l.rating().id(), new RatingForm(rating, rating == Rating.FULL ? null : "尚在推进中，年底前完成。",
                    null));
        }
        desk.submit(b.id());
    }

    private static LocalDate day(int year, int dayOfYear, LocalDate today) {
        LocalDate d = LocalDate.ofYearDay(year, dayOfYear);
        return d.isAfter(today) ? today : d;
    }
}
