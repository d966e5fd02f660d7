package org.renda.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.renda.report.spi.ReportFigure;
import org.renda.report.spi.ReportSection;
import org.renda.report.spi.ReportUnit;
import org.springframework.context.support.ResourceBundleMessageSource;

/** How the report reads: figures in a sentence with their measure words, money in 万元, nothing said of zeros. */
class ReportTextsTest {

    private static final Locale ZH = Locale.SIMPLIFIED_CHINESE;

    private final ReportTexts texts = new ReportTexts(messages());

    private static ResourceBundleMessageSource messages() {
        ResourceBundleMessageSource m = new ResourceBundleMessageSource();
        m.setBasename("messages");
        m.setDefaultEncoding("UTF-8");
        m.setFallbackToSystemLocale(false);
        return m;
    }

    private static ReportFigure count(String key, long value, ReportUnit unit) {
        return ReportFigure.count(ReportSection.STATIONS, 0, key, "report.figure." + key, value, unit, null);
    }

    @Test
    void aChapterIsOneSentenceOfItsFiguresWithTheirMeasureWordsLeavingOutWhatCountedNothing() {
        var chapter = new AnnualReport.Chapter(ReportSection.STATIONS, List.of(
                count("stations.activities", 319, ReportUnit.SESSION),
                count("stations.receptions", 0, ReportUnit.TIMES),
                count("stations.voters", 320, ReportUnit.PERSON_TIME)));
        assertThat(texts.sentence(chapter, ZH))
                .isEqualTo("全年，依托联络站开展人大代表联系群众活动319场，接待和走访选民320人次。");
    }

    @Test
    void moneyReadsInWanYuanInASentenceAndToTheFenInTheTable() {
        ReportFigure budget = ReportFigure.count(ReportSection.FUNDS, 10, "funds.budget", "report.figure.funds.budget",
                132_600_000L, ReportUnit.YUAN, null);
        assertThat(texts.prose(budget, ZH)).isEqualTo("132.6万元");
        assertThat(texts.value(budget, ZH)).isEqualTo("1,326,000.00元");
        ReportFigure small = ReportFigure.count(ReportSection.FUNDS, 10, "funds.spent", "report.figure.funds.spent",
                99_99L, ReportUnit.YUAN, null);
        assertThat(texts.prose(small, ZH)).isEqualTo("99.99元");
    }

    @Test
    void ratesHaveTwoDecimalsAndAWholeOfNothingIsZero() {
        assertThat(ReportFigure.rate(ReportSection.CASEWORK, 0, "k", "l", 362, 392, null).value())
                .isEqualByComparingTo("92.35");
        assertThat(ReportFigure.rate(ReportSection.CASEWORK, 0, "k", "l", 0, 0, null).value()).isZero();
    }

    @Test
    void theChartsArePngsWideEnoughToPrintSharply() throws Exception {
        byte[] bars = ReportCharts.bars("2019年主要工作数据", List.of(new ReportCharts.Bar("联系群众活动", 319, "319场"),
                new ReportCharts.Bar("收集意见建议", 392, "392件")), 0);
        var image = ImageIO.read(new ByteArrayInputStream(bars));
        assertThat(image.getWidth()).isEqualTo(ReportCharts.WIDTH);
        byte[] ring = ReportCharts.ring("意见建议办理情况", "已办结 362件", 362, "办理中 30件", 392, "92.35%");
        assertThat(ImageIO.read(new ByteArrayInputStream(ring)).getHeight()).isPositive();
    }

    @Test
    void theComputedTimeIsBeijingTime() {
        AnnualReport r = new AnnualReport(1, "罗定市", "COUNTY", 2019, Instant.parse("2020-03-31T07:38:00Z"), 17,
                List.of(), 0);
        assertThat(texts.computedAt(r)).isEqualTo("2020年3月31日 15:38");
    }
}
