/**
 * Supervision (监督): subjects and topics, deputy groups, the yearly rhythm, activities, findings, the eight-step
 * method, officials' duty reports. Findings go to the one rectification ledger of {@link org.renda.appraisal}
 * ({@code Rectifications#raiseFinding}); satisfaction votes use its secret vote engine ({@code VoteDesk}); every
 * deputy present at an activity gets it in their duty archive through
 * {@link org.renda.deputy.DutyLog#recordAttested}.
 */
@ApplicationModule(displayName = "Supervision")
@NullMarked
package org.renda.supervision;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
