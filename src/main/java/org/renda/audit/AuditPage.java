package org.renda.audit;

import java.util.List;

/** One page of the audit log, newest first. */
public record AuditPage(List<AuditEntry> rows, long total, int page, int size) {

    public int pages() {
        return (int) Math.max(1, (total + size - 1) / size);
    }
}
