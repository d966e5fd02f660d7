/**
 * Funds (经费): a congress's budget lines of the year for its work funds (人大工作经费) and deputy activity funds
 * (代表活动经费), the income received from the town's and the county's budget, expenses with voucher numbers and
 * scans, reversals by counter-entry, subsidy standards and the subsidy payments computed from deputies' verified
 * duty records, the execution rate (a county sees its towns) and the year's ledger for the finance office.
 * Every amount is a {@code long} of fen (分). The design: {@code docs/funds.md}.
 */
@ApplicationModule(displayName = "Funds")
@NullMarked
package org.renda.funds;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
