package org.renda.appraisal;

import java.awt.Color;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.renda.appraisal.VoteViews.LevelView;
import org.renda.appraisal.VoteViews.Results;
import org.renda.appraisal.VoteViews.SubjectResult;
import org.renda.appraisal.VoteViews.VoteDetail;
import org.renda.shared.excel.Xlsx;
import org.renda.shared.pdf.PdfDocument;
import org.renda.shared.pdf.PdfStyle;
import org.renda.shared.pdf.PdfTable;
import org.renda.shared.pdf.PdfTable.Align;
import org.renda.shared.qr.QrCode;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * The printed side of a vote: the slips with one-time codes (drawn in the room), and the results report to
 * the Party committee and the government (PDF) and as a spreadsheet. Always in Chinese.
 */
@Component
class VotePrintouts {

    private static final int COLUMNS = 3;
    private static final int ROWS = 7;

    private final @Nullable String baseUrl;

    VotePrintouts(@Value("${renda.public-base-url:}") String baseUrl) {
        String b = baseUrl.strip();
        while (b.endsWith("/")) {
            b = b.substring(0, b.length() - 1);
        }
        this.baseUrl = b.isEmpty() ? null : b;
    }

    /** The absolute address of the voting page (the QR code carries it, never a code). */
    String voteUrl(String publicCode) {
        String base = baseUrl != null ? baseUrl
                : ServletUriComponentsBuilder.fromCurrentContextPath().build().toUriString();
        return base + "/public/votes/" + publicCode;
    }

    /** Slips of 3 × 7 per A4 page to cut apart, fold and draw from a box. */
    byte[] slips(String title, String publicCode, List<String> codes) {
        String url = voteUrl(publicCode);
        QrCode qr = QrCode.of(url);
        try (PdfDocument pdf = PdfDocument.create(org.renda.shared.pdf.PageFormat.A4, 10, title + " 投票码")) {
            float w = pdf.contentWidth() / COLUMNS;
            float h = (pdf.pageHeight() - 2 * pdf.margin()) / ROWS;
            for (int i = 0; i < codes.size(); i++) {
                int onPage = i % (COLUMNS * ROWS);
                if (i > 0 && onPage == 0) {
                    pdf.newPage();
                }
                float x = pdf.margin() + (onPage % COLUMNS) * w;
                float top = pdf.margin() + (onPage / COLUMNS) * h;
                pdf.box(x, top, w, h, null, new Color(0xbb, 0xbb, 0xbb), 0.5f);
                float pad = PdfDocument.mm(3);
                float side = Math.min(h - 2 * pad, PdfDocument.mm(22));
                pdf.text(title, PdfStyle.SMALL, x + pad, top + pad, w - 2 * pad, Align.LEFT);
                pdf.text("满意度测评投票码（一次有效）", PdfStyle.TABLE, x + pad, top + pad + 12, w - side - 3 * pad, Align.LEFT);
                pdf.text(BallotBox.display(codes.get(i)), new PdfStyle(15, true, PdfStyle.INK, 1.3f), x + pad,
                        top + pad + 28, w - side - 3 * pad, Align.LEFT);
                pdf.textBlock("扫码或打开投票页面，输入本码后对每个单位评议。本码不记名，投票后作废。", PdfStyle.SMALL, x + pad,
                        top + pad + 52, w - side - 3 * pad);
                pdf.qrCode(qr, x + w - side - pad, top + h - side - pad, side);
            }
            return pdf.toBytes(null);
        }
    }

    /** The absolute address of a questionnaire's answering page. */
    String questionnaireUrl(String publicCode) {
        String base = baseUrl != null ? baseUrl
                : ServletUriComponentsBuilder.fromCurrentContextPath().build().toUriString();
        return base + "/public/questionnaires/" + publicCode;
    }

    /** One A4 page per unit: the five groups' questionnaires, each with its QR code, to hand out or post. */
    byte[] questionnaireSheet(String campaignTitle, String unitTitle,
            List<AppraisalViews.Questionnaire> questionnaires) {
        try (PdfDocument pdf = PdfDocument.a4(unitTitle + " 征求意见问卷")) {
            pdf.title(unitTitle + "工作评议 征求意见问卷");
            pdf.subtitle(campaignTitle);
            pdf.paragraph("请扫描对应的二维码，对" + unitTitle + "一年来的工作作出评价（满意、较满意、基本满意、不满意），"
                    + "并可留下意见和建议。问卷不记名。");
            float side = PdfDocument.mm(30);
            for (AppraisalViews.Questionnaire q : questionnaires) {
                pdf.ensure(side + 16);
                float top = pdf.cursor() + 6;
                String url = questionnaireUrl(q.publicCode());
                pdf.qrCode(QrCode.of(url), pdf.margin(), top, side);
                pdf.text("征求对象：" + respondent(q.group()), PdfStyle.HEADING.withColor(PdfStyle.INK),
                        pdf.margin() + side + 12, top + 8);
                pdf.text(url, PdfStyle.SMALL, pdf.margin() + side + 12, top + 30);
                pdf.moveCursor(top + side + 6);
            }
            return pdf.toBytes(null);
        }
    }

    private static String respondent(AppraisalEnums.RespondentGroup g) {
        return switch (g) {
            case CADRES -> "被评议部门中层以上干部";
            case RELATED_UNITS -> "相关联单位";
            case SERVED -> "服务对象";
            case TOWN_LEADERS -> "镇街主要领导";
            case DISCIPLINE -> "纪律和行风监督部门";
        };
    }

    /** The results report (测评结果报告), signed, to the Party committee and the government. */
    byte[] report(VoteDetail d, @Nullable String orgName) {
        Results r = d.results();
        if (r == null) {
            throw new org.renda.shared.DomainException("vote.error.notClosed");
        }
        String closedOn = d.vote().closedAt() == null ? ""
                : LocalDate.ofInstant(d.vote().closedAt(), ZoneId.systemDefault()).toString();
        try (PdfDocument pdf = PdfDocument.a4(d.vote().title() + " 结果报告")) {
            pdf.title(d.vote().title() + "结果报告");
            pdf.subtitle((orgName == null ? "" : orgName + "人大常委会 · ") + "测评日期 " + closedOn);
            pdf.paragraph("报送：中共" + (orgName == null ? "" : orgName) + "委员会；" + (orgName == null ? "" : orgName)
                    + "人民政府。");
            var inv = d.invariants();
            pdf.paragraph("应到（有表决资格）" + inv.eligible() + " 人，领取投票凭证 " + inv.issued() + " 人；电子投票 "
                    + r.electronicBallots() + " 张，纸质选票 " + r.paperBallots() + " 张。满意率计算方法："
                    + (d.vote().rule() == VoteScale.RateRule.WEIGHTED ? "按等次分值加权" : "满意等次票数 ÷ 有效票数")
                    + "；满意率低于 " + VoteDesk.percent(d.vote().threshold()) + " 的单位须整改。");
            pdf.heading("测评结果（电子票与纸质票合计）");
            List<LevelView> levels = d.levels();
            float[] weights = new float[levels.size() + 4];
            weights[0] = 0.8f;
            weights[1] = 3.2f;
            for (int i = 0; i < levels.size(); i++) {
                weights[2 + i] = 1.1f;
            }
            weights[levels.size() + 2] = 1.1f;
            weights[levels.size() + 3] = 1.4f;
            List<String> head = new ArrayList<>(List.of("名次", "被评议单位"));
            levels.forEach(l -> head.add(l.label()));
            head.add("有效票");
            head.add("满意率");
            PdfTable table = PdfTable.columns(weights).header(head.toArray(String[]::new));
            for (int i = 2; i < head.size(); i++) {
                table.align(i, Align.RIGHT);
            }
            table.align(0, Align.CENTER);
            for (SubjectResult s : r.rows()) {
                List<String> cells = new ArrayList<>(List.of(String.valueOf(s.rankNo()), s.title() + (s.below() ? "（须整改）" : "")));
                levels.forEach(l -> cells.add(String.valueOf(s.combined().get(l.code()))));
                cells.add(String.valueOf(s.valid()));
                cells.add(VoteDesk.percent(s.rate()));
                if (s.below()) {
                    table.boldRow(cells.toArray(String[]::new));
                } else {
                    table.row(cells.toArray(String[]::new));
                }
            }
            pdf.table(table);
            pdf.space(8);
            pdf.heading("核验");
            pdf.paragraph("匿名选票导出文件的 SHA-256：" + r.sha256());
            pdf.paragraph("签名（Ed25519）：" + r.signature());
            pdf.paragraph("任何人可从公开页面下载匿名选票导出文件，重新计票并核验签名。", PdfStyle.SMALL);
            return pdf.toBytes((page, pages) -> d.vote().title() + " · 第 " + page + " / " + pages + " 页");
        }
    }

    byte[] resultsXlsx(VoteDetail d) {
        Results r = d.results();
        if (r == null) {
            throw new org.renda.shared.DomainException("vote.error.notClosed");
        }
        List<String> head = new ArrayList<>(List.of("名次", "被评议单位"));
        d.levels().forEach(l -> head.add(l.label() + "（电子）"));
        d.levels().forEach(l -> head.add(l.label() + "（纸质）"));
        d.levels().forEach(l -> head.add(l.label() + "（合计）"));
        head.addAll(List.of("有效票", "满意率", "须整改"));
        List<List<?>> rows = new ArrayList<>();
        for (SubjectResult s : r.rows()) {
            List<Object> row = new ArrayList<>(List.of(s.rankNo(), s.title()));
            d.levels().forEach(l -> row.add(s.electronic().get(l.code())));
            d.levels().forEach(l -> row.add(s.paper().get(l.code())));
            d.levels().forEach(l -> row.add(s.combined().get(l.code())));
            row.add(s.valid());
            row.add(VoteDesk.percent(s.rate()));
            row.add(s.below() ? "是" : "");
            rows.add(row);
        }
        return Xlsx.write("测评结果", head, rows);
    }
}
