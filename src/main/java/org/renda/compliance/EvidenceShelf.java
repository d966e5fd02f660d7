package org.renda.compliance;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.renda.compliance.ComplianceViews.EvidenceLine;
import org.renda.shared.NotFoundException;
import org.springframework.stereotype.Component;

/**
 * Every {@link ComplianceEvidence} of the application by kind, in the order of their kinds. An item's evidence is
 * counted when its page is shown; a provider whose records the actor may not read answers nothing rather than fail.
 */
@Component
class EvidenceShelf {

    private final Map<String, ComplianceEvidence> byKind = new LinkedHashMap<>();

    EvidenceShelf(List<ComplianceEvidence> providers) {
        List<ComplianceEvidence> sorted = new ArrayList<>(providers);
        sorted.sort(Comparator.comparing(ComplianceEvidence::kind));
        for (ComplianceEvidence p : sorted) {
            if (byKind.putIfAbsent(p.kind(), p) != null) {
                throw new IllegalStateException("two evidence providers of kind " + p.kind());
            }
        }
    }

    List<ComplianceEvidence> all() {
        return List.copyOf(byKind.values());
    }

    Optional<ComplianceEvidence> find(String kind) {
        return Optional.ofNullable(byKind.get(kind));
    }

    /** A kind by its code or its Chinese name, as a sheet may spell it. */
    Optional<ComplianceEvidence> byCodeOrLabel(String text) {
        String t = text.strip();
        return byKind.values().stream().filter(p -> p.kind().equalsIgnoreCase(t) || p.label().equals(t)
                || p.label().replaceAll("（.*）", "").equals(t)).findFirst();
    }

    /** The item's evidence for the town and year, or null when there is none or the actor may not see it. */
    @Nullable EvidenceLine line(@Nullable String kind, long orgId, int year) {
        if (kind == null) {
            return null;
        }
        ComplianceEvidence p = byKind.get(kind);
        if (p == null) {
            return null;
        }
        try {
            ComplianceEvidence.Figure f = p.evidence(orgId, year);
            return new EvidenceLine(p.kind(), p.label(), f.count(), f.href());
        } catch (NotFoundException e) {
            return null;
        }
    }
}
