package org.renda.audit;

import java.util.List;
import org.renda.shared.OrgPaths;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Which chain an audit entry joins: the organisation's ancestor at {@code renda.audit.partition-depth} levels
 * below the root ({@code 1}: each city of a province, or each town of a county installation; {@code 2}: each
 * county of a province), named {@code org-<id>}. Entries of the root itself, of organisations above that depth
 * and of no organisation (0: the system's own) stay in the chain {@code root}, as does everything when the depth
 * is 0 (the default: one chain, as before partitions). A partition's chain is fixed when the entry is written;
 * moving an organisation later moves none of its entries. See docs/architecture.md, "Audit partitions".
 */
@Component
class AuditPartitions {

    private final ObjectProvider<OrgPaths> paths;
    private final int depth;

    AuditPartitions(ObjectProvider<OrgPaths> paths, @Value("${renda.audit.partition-depth:0}") int depth) {
        this.paths = paths;
        this.depth = Math.max(0, depth);
    }

    String chainOf(long orgId) {
        if (depth == 0 || orgId <= 0) {
            return ChainHash.ROOT;
        }
        OrgPaths tree = paths.getIfAvailable();
        String path = tree == null ? null : tree.pathsOf(List.of(orgId)).get(orgId);
        if (path == null) {
            return ChainHash.ROOT;
        }
        String[] ids = path.substring(1).split("/");
        return ids.length > depth ? "org-" + ids[depth] : ChainHash.ROOT;
    }
}
