package org.renda.report;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.renda.report.spi.ReportFigure;
import org.renda.report.spi.ReportSection;

/**
 * A computed annual report: the organisation, the year, when it was computed, and its figures chapter by chapter
 * (only the chapters whose module the reader may read and that reported figures).
 *
 * @param towns how many towns and streets the figures include (0 for a town itself)
 * @param databaseMillis the time spent asking the figure sources (the database time of the report)
 */
public record AnnualReport(long orgId, String orgName, String orgType, int year, Instant computedAt, int towns,
        List<Chapter> chapters, long databaseMillis) {

    /** One chapter: its figures in order. */
    public record Chapter(ReportSection section, List<ReportFigure> figures) {}

    public AnnualReport {
        chapters = List.copyOf(chapters);
    }

    /** The figure with this key, if the report has it. */
    public Optional<ReportFigure> figure(String key) {
        return chapters.stream().flatMap(c -> c.figures().stream()).filter(f -> f.key().equals(key)).findFirst();
    }

    /** The figure's value as a whole number, or null when the report lacks it. */
    public @Nullable Long count(String key) {
        return figure(key).map(ReportFigure::longValue).orElse(null);
    }

    public List<ReportFigure> figures() {
        return chapters.stream().flatMap(c -> c.figures().stream()).toList();
    }
}
