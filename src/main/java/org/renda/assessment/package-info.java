/**
 * Assessment with points (考核与积分): schemes as data (versioned trees of areas, sources and indicators,
 * drafted, put out for deputies' comments, approved, frozen for their period), evaluator groups and
 * scoring sheets, half-yearly and annual periods, the one-vote veto and adjustments with evidence, ranks,
 * award tiers, publication, appeals and the final result. The scoring itself is the pure engine in
 * {@code engine}; record counts come from other modules through {@link org.renda.assessment.RecordCounter}
 * beans, satisfaction rates through an optional {@link org.renda.assessment.SatisfactionSource}.
 */
@ApplicationModule(displayName = "Assessment")
@NullMarked
package org.renda.assessment;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
