package org.renda.org;

import org.jspecify.annotations.Nullable;

/** An organisation as other modules and the screens see it. */
public record OrgView(long id, String code, String name, OrgType type, @Nullable Long parentId, String path,
        int depth, int sortOrder, boolean active, int version) {

    /** The ids from the root down to this organisation, inclusive. */
    public long[] lineage() {
        return java.util.Arrays.stream(path.split("/")).filter(s -> !s.isEmpty()).mapToLong(Long::parseLong)
                .toArray();
    }
}
