/**
 * Work appraisal and satisfaction votes (工作评议与满意度测评): a year's appraisal campaign of the units under
 * review (or of officials' duty reports, or of special reports), its groups, point-to-point leaders, public
 * boards and evidence (一听取三核查五征求); the secret satisfaction vote with one-time credentials, a ballot
 * box kept apart from the roll, signed results and a public recount; the rectification ledger (整改台账).
 * The design and its threat model: {@code docs/appraisal-voting.md}.
 */
@ApplicationModule(displayName = "Appraisal")
@NullMarked
package org.renda.appraisal;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
