package org.renda.org;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/** Kinds of organisation and where each may stand in the tree. */
public enum OrgType {
    PROVINCE("省", true),
    CITY("市", true),
    COUNTY("县（市、区）", true),
    TOWN("乡镇", false),
    STREET("街道", false),
    VILLAGE("村", false),
    COMMUNITY("社区", false),
    DEPARTMENT("政府部门", false),
    UNIT("其他单位", false);

    private final String label;
    private final boolean mayBeRoot;

    OrgType(String label, boolean mayBeRoot) {
        this.label = label;
        this.mayBeRoot = mayBeRoot;
    }

    /** The Chinese name used in spreadsheets (screens use the message bundle). */
    public String label() {
        return label;
    }

    public String messageKey() {
        return "orgType." + name();
    }

    public boolean mayBeRoot() {
        return mayBeRoot;
    }

    /** The parent kinds this kind may be placed under. */
    public Set<OrgType> allowedParents() {
        return switch (this) {
            case PROVINCE -> EnumSet.noneOf(OrgType.class);
            case CITY -> EnumSet.of(PROVINCE);
            case COUNTY -> EnumSet.of(PROVINCE, CITY);
            case TOWN, STREET -> EnumSet.of(COUNTY, CITY);
            case VILLAGE, COMMUNITY -> EnumSet.of(TOWN, STREET);
            case DEPARTMENT, UNIT -> EnumSet.of(PROVINCE, CITY, COUNTY, TOWN, STREET);
        };
    }

    public boolean mayStandUnder(OrgType parent) {
        return allowedParents().contains(parent);
    }

    /** Accepts the enum name or the Chinese label, as people type either into a sheet. */
    public static Optional<OrgType> parse(String text) {
        String t = text.strip();
        return Arrays.stream(values())
                .filter(v -> v.name().equalsIgnoreCase(t) || v.label.equals(t)
                        || (v == COUNTY && (t.equals("县") || t.equals("区") || t.equals("县级市"))))
                .findFirst();
    }
}
