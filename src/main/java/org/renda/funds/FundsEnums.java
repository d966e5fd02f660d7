package org.renda.funds;

/** The codes of the funds ledger; pages and exports name them through the bundles, never raw. */
public final class FundsEnums {

    private FundsEnums() {}

    /** The two funds of seed 001: 人大工作经费 and 代表活动经费. */
    public enum Fund {
        WORK, DEPUTY_ACTIVITY;

        public String messageKey() {
            return "funds.fund." + name();
        }
    }

    /** Where received money comes from: the town's own budget (本级财政) or the county's support (上级补助). */
    public enum IncomeSource {
        TOWN, COUNTY;

        public String messageKey() {
            return "funds.source." + name();
        }
    }
}
