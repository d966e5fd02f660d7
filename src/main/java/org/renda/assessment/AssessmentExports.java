package org.renda.assessment;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.renda.assessment.AssessmentDesk.SubjectResult;
import org.renda.assessment.AssessmentViews.Decision;
import org.renda.assessment.AssessmentViews.PeriodSummary;
import org.renda.assessment.AssessmentViews.Result;
import org.renda.assessment.AssessmentViews.Sheet;
import org.renda.assessment.AssessmentViews.SheetRow;
import org.renda.assessment.AssessmentViews.SheetSummary;
import org.renda.assessment.engine.Scheme;
import org.renda.shared.excel.Xlsx;
import org.renda.shared.pdf.PdfDocument;
import org.renda.shared.pdf.PdfStyle;
import org.renda.shared.pdf.PdfTable;
import org.renda.shared.pdf.PdfTable.Align;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Excel exports of a period's sheets and results, and the PDF result notice (考核结果通知书) of a subject.
 * Printed and exported documents are in Chinese. Reads: scoped by the desk and the sheets, not audited.
 */
@Service
@Transactional(readOnly = true)
class AssessmentExports {

    private static final String NONE = "—";

    private final AssessmentDesk desk;
    private final ScoringSheets sheets;

    AssessmentExports(AssessmentDesk desk, ScoringSheets sheets) {
        this.desk = desk;
        this.sheets = sheets;
    }

    /** The ranking: a row per subject with the total, its parts, every area and source, rank and tier. */
    byte[] results(long periodId) {
        PeriodSummary p = desk.period(periodId);
        Scheme scheme = desk.schemeOf(periodId);
        List<String> headers = new ArrayList<>(List.of("名次", "考核对象", "总分", "基础分", "加分", "调整分"));
        scheme.areas().forEach(a -> headers.add("领域：" + a.name()));
        scheme.sources().forEach(s -> headers.add("来源：" + s.name()));
        headers.addAll(List.of("等次", "一票否决", "降等", "缺项"));
        List<List<?>> rows = new ArrayList<>();
        for (Result r : desk.results(periodId)) {
            List<Object> row = new ArrayList<>(List.of(r.rank(), r.subjectName(), r.total(), r.base(), r.bonus(),
                    r.adjustment()));
            row.addAll(r.areas().values());
            row.addAll(r.sources().values());
            row.add(r.tierName() == null ? "" : r.tierName());
            row.add(r.vetoed() ? "是" : "");
            row.add(r.demoted() > 0 ? r.demoted() : "");
            row.add(String.join("、", r.missing()));
            rows.add(row);
        }
        return Xlsx.write(sheetName(p.name() + "结果"), headers, rows);
    }

    /** Every sheet's every row: group, subject, indicator, points, note, state, who submitted. */
    byte[] sheets(long periodId) {
        PeriodSummary p = desk.period(periodId);
        List<List<?>> rows = new ArrayList<>();
        for (SheetSummary s : desk.sheets(periodId)) {
            Sheet sheet = sheets.get(s.id());
            for (SheetRow r : sheet.rows()) {
                rows.add(List.of(s.groupName(), s.subjectName(), r.areaName(), r.name(), r.maxPoints(),
                        r.points() == null ? "" : r.points(), r.note() == null ? "" : r.note(),
                        s.status() == AssessmentEnums.SheetStatus.SUBMITTED ? "已提交" : "未提交",
                        s.onPaper() ? "纸质录入" : "", s.submittedBy() == null ? "" : s.submittedBy()));
            }
        }
        return Xlsx.write(sheetName(p.name() + "评分表"), List.of("考核组", "考核对象", "领域", "指标", "满分", "得分", "说明",
                "状态", "方式", "提交人"), rows);
    }

    /** The result notice of one subject: score, breakdown, rank and tier, decisions with reasons, appeal window. */
    byte[] notice(long subjectId) {
        SubjectResult sr = desk.subjectResult(subjectId);
        PeriodSummary p = sr.period();
        Result r = sr.result();
        try (PdfDocument pdf = PdfDocument.a4("考核结果通知书 " + r.subjectName())) {
            pdf.title("考核结果通知书");
            pdf.subtitle(p.schemeName() + " · " + p.name());
            pdf.paragraph(r.subjectName() + "：");
            pdf.paragraph("根据《" + p.schemeName() + "》（第 " + p.schemeVersion() + " 版），经考核组评分、主席团审定，"
                    + "你单位（你）在本次考核中的结果如下。");
            pdf.heading("考核结果");
            pdf.table(PdfTable.columns(1, 2.6f).labelColumn()
                    .row("总分", r.total().toPlainString())
                    .row("其中", "基础分 " + r.base().toPlainString() + "，加分 " + r.bonus().toPlainString()
                            + "，调整分 " + r.adjustment().toPlainString())
                    .row("名次", "第 " + r.rank() + " 名")
                    .row("等次", r.tierName() == null ? NONE : r.tierName())
                    .row("一票否决", r.vetoed() ? "是（不得评为优秀或前列名次）" : "否"));
            pdf.heading("分项得分");
            PdfTable parts = PdfTable.columns(3, 1).header("领域 / 来源", "得分").align(1, Align.RIGHT);
            r.areas().forEach((k, v) -> parts.row("领域：" + k, v.toPlainString()));
            r.sources().forEach((k, v) -> parts.row("来源：" + k, v.toPlainString()));
            pdf.table(parts);
            List<Decision> decisions = sr.decisions().stream().filter(d -> !d.withdrawn()).toList();
            if (!decisions.isEmpty()) {
                pdf.heading("主席团决定");
                PdfTable t = PdfTable.columns(1.4f, 1.2f, 4, 2.4f).header("类别", "影响", "理由", "依据");
                for (Decision d : decisions) {
                    t.row(kind(d), effect(d), d.reason(), d.evidence() == null ? NONE : d.evidence());
                }
                pdf.table(t);
            }
            pdf.heading("申诉");
            pdf.paragraph(p.appealUntil() == null ? "结果公布后可在申诉期内提出申诉。"
                    : "如对结果有异议，可在 " + p.appealUntil() + " 前（含当日）提出申诉。");
            pdf.space(12);
            pdf.paragraph("签发：" + (p.signedBy() == null ? NONE : p.signedBy()) + "    日期："
                    + (p.publishedOn() == null ? LocalDate.now() : p.publishedOn()), PdfStyle.SMALL);
            return pdf.toBytes((page, pages) -> "考核结果通知书 · " + r.subjectName() + " · 第 " + page + " 页 / 共 "
                    + pages + " 页");
        }
    }

    static String kind(Decision d) {
        return switch (d.kind()) {
            case VETO -> "一票否决";
            case POINTS -> "分数调整";
            case DEMOTE -> "等次下调";
            case EXCUSE -> "缺项认定";
        };
    }

    static String effect(Decision d) {
        return switch (d.kind()) {
            case VETO -> "不得评优、不得列前";
            case POINTS -> (d.points() != null && d.points().signum() > 0 ? "+" : "")
                    + (d.points() == null ? BigDecimal.ZERO : d.points()).toPlainString() + " 分";
            case DEMOTE -> "下调 " + d.tiers() + " 等";
            case EXCUSE -> d.indicators().size() + " 项缺项按零分计，可评等次";
        };
    }

    /** Excel allows 31 characters and no []:*?/\ in a sheet name. */
    private static String sheetName(String name) {
        String n = name.replaceAll("[\\[\\]:*?/\\\\]", " ");
        return n.length() > 31 ? n.substring(0, 31) : n;
    }
}
