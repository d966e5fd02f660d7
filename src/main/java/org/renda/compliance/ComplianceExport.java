package org.renda.compliance;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.renda.audit.AuditTrail;
import org.renda.compliance.ComplianceViews.MissingItem;
import org.renda.compliance.ComplianceViews.Summary;
import org.renda.compliance.ComplianceViews.TownFigures;
import org.renda.shared.excel.Xlsx;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** The county's figures as a workbook: one sheet of counts per town, one of what is missing per town. */
@Component
class ComplianceExport {

    private final ComplianceFigures figures;
    private final AuditTrail audit;

    ComplianceExport(ComplianceFigures figures, AuditTrail audit) {
        this.figures = figures;
        this.audit = audit;
    }

    @Transactional
    byte[] figures(long orgId, int year) {
        Summary s = figures.summary(orgId, year);
        List<List<?>> counts = new ArrayList<>();
        for (TownFigures t : s.perTown()) {
            counts.add(List.of(t.orgName(), t.status() == null ? "未开始" : t.status().label(), t.counts().full(),
                    t.counts().partial(), t.counts().none(), t.counts().unrated(), t.counts().total()));
        }
        counts.add(List.of("合计", "", s.counts().full(), s.counts().partial(), s.counts().none(),
                s.counts().unrated(), s.counts().total()));
        List<List<?>> missing = new ArrayList<>();
        for (TownFigures t : s.perTown()) {
            for (MissingItem m : t.missing()) {
                missing.add(java.util.Arrays.asList(t.orgName(), m.itemNo(), m.chapter(), m.body(),
                        m.rating() == null ? "未评" : m.rating().label(), m.remark() == null ? "" : m.remark(),
                        m.reviewNote() == null ? "" : m.reviewNote()));
            }
        }
        audit.record(orgId, "compliance_figures", orgId + "-" + year, "EXPORTED", null, Map.of("year", year));
        return Xlsx.writeSheets(List.of(
                new Xlsx.SheetData("各镇落实情况", List.of("乡镇（街道）", "状态", "全面落实", "部分落实", "未落实", "未评",
                        "条目数"), counts),
                new Xlsx.SheetData("未全面落实事项", List.of("乡镇（街道）", "序号", "章节", "条目内容", "落实情况", "说明",
                        "审核意见"), missing)));
    }

    String filename(Summary s) {
        return s.orgName() + "-" + s.year() + "年条例落实情况.xlsx";
    }
}
