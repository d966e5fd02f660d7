package org.renda.report;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.renda.audit.AuditTrail;
import org.renda.org.OrgTree;
import org.renda.org.OrgType;
import org.renda.org.OrgView;
import org.renda.report.spi.ReportFigure;
import org.renda.report.spi.ReportFigureSource;
import org.renda.report.spi.ReportSection;
import org.renda.shared.CurrentActor;
import org.renda.shared.NotFoundException;
import org.renda.shared.Permission;
import org.renda.shared.Reach;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Computes annual reports. An organisation outside the reader's ORG_READ reach answers 404 like a missing one;
 * each figure source is asked with the reader's reach of its own permission narrowed to the organisation's
 * subtree, so a county's totals include its towns and a reader sees only the chapters they may read. Every
 * report handed out (page, document, JSON) is written to the audit log with its format.
 */
@Service
@Transactional
public class AnnualReports {

    /** The formats a report is handed out in, as the audit log records them. */
    public enum Format {
        PAGE, DOCX, PDF, JSON
    }

    private final List<ReportFigureSource> sources;
    private final OrgTree orgs;
    private final CurrentActor currentActor;
    private final AuditTrail audit;

    AnnualReports(List<ReportFigureSource> sources, OrgTree orgs, CurrentActor currentActor, AuditTrail audit) {
        this.sources = List.copyOf(sources);
        this.orgs = orgs;
        this.currentActor = currentActor;
        this.audit = audit;
    }

    /** The report of the organisation and year, recorded in the audit log as handed out in this format. */
    public AnnualReport generate(long orgId, int year, Format format) {
        AnnualReport report = compute(orgId, year);
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("year", year);
        after.put("format", format.name());
        after.put("figures", report.figures().size());
        audit.record(orgId, "annual_report", orgId + "/" + year, "GENERATED", null, after);
        return report;
    }

    /** The report without an audit entry (tests and the benchmark). */
    @Transactional(readOnly = true)
    public AnnualReport compute(long orgId, int year) {
        OrgView org = orgs.find(orgId).orElseThrow(() -> new NotFoundException("error.notFound"));
        currentActor.reach(Permission.ORG_READ).check(orgId);
        Set<Long> subtree = orgs.subtreeIds(orgId);
        Instant computedAt = Instant.now();
        long started = System.nanoTime();
        Map<ReportSection, List<ReportFigure>> bySection = new EnumMap<>(ReportSection.class);
        for (ReportFigureSource source : sources) {
            Reach reach = currentActor.reach(source.permission()).narrow(subtree);
            if (reach.isEmpty()) {
                continue;
            }
            for (ReportFigure f : source.figures(reach, orgId, year)) {
                bySection.computeIfAbsent(f.section(), s -> new ArrayList<>()).add(f);
            }
        }
        long millis = (System.nanoTime() - started) / 1_000_000;
        List<AnnualReport.Chapter> chapters = new ArrayList<>();
        bySection.forEach((section, figures) -> chapters.add(new AnnualReport.Chapter(section,
                figures.stream().sorted(Comparator.comparingInt(ReportFigure::order)).toList())));
        int towns = (int) orgs.within(currentActor.reach(Permission.ORG_READ).narrow(subtree),
                        java.util.EnumSet.of(OrgType.TOWN, OrgType.STREET)).stream()
                .filter(o -> o.id() != orgId).count();
        return new AnnualReport(org.id(), org.name(), org.type().name(), year, computedAt, towns, chapters, millis);
    }

    /** The organisations the reader may take a report of (for the picker): within ORG_READ, congresses only. */
    @Transactional(readOnly = true)
    public List<OrgView> organisations() {
        return orgs.within(currentActor.reach(Permission.ORG_READ),
                java.util.EnumSet.range(OrgType.PROVINCE, OrgType.STREET));
    }

    /** The organisation to open by default: the reader's home if it is a congress, else the first offered. */
    @Transactional(readOnly = true)
    public long defaultOrg() {
        long home = currentActor.require().homeOrgId();
        List<OrgView> offered = organisations();
        if (offered.stream().anyMatch(o -> o.id() == home)) {
            return home;
        }
        if (offered.isEmpty()) {
            throw new NotFoundException("error.notFound");
        }
        return offered.get(0).id();
    }
}
