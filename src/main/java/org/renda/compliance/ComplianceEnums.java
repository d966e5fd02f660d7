package org.renda.compliance;

/** The codes of regulation compliance; pages and exports name them through the bundles, never raw. */
public final class ComplianceEnums {

    private ComplianceEnums() {}

    /** How far an item is implemented: 全面落实, 部分落实, 未落实. */
    public enum Rating {
        FULL, PARTIAL, NONE;

        public String messageKey() {
            return "compliance.rating." + name();
        }

        /** The Chinese name, for sheets and the import. */
        public String label() {
            return switch (this) {
                case FULL -> "全面落实";
                case PARTIAL -> "部分落实";
                case NONE -> "未落实";
            };
        }
    }

    /** Where a self-assessment stands: kept by the town, with the county, returned to the town, or accepted. */
    public enum Status {
        DRAFT, SUBMITTED, RETURNED, ACCEPTED;

        public String messageKey() {
            return "compliance.status." + name();
        }

        /** The town may change its ratings. */
        public boolean editable() {
            return this == DRAFT || this == RETURNED;
        }

        public String label() {
            return switch (this) {
                case DRAFT -> "自评中";
                case SUBMITTED -> "已报送待审核";
                case RETURNED -> "已退回";
                case ACCEPTED -> "审核通过";
            };
        }
    }
}
