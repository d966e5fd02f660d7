/**
 * The public portal (公开): one public site per congress (a county's standing committee, a town's or a street's
 * congress) at {@code /public/c/{code}}, mobile first, and its open data as JSON and CSV. It holds no data of its
 * own and reads only the public facades of the modules ({@code PublicDeputyRoll}, {@code PublicStationBoard},
 * {@code PublicCaseFigures}, {@code PublicSupervision}, {@code PublicMeetings}, {@code VoteDesk}'s published votes,
 * {@code PublicAssessmentResults}), so it can show nothing a module has not made public.
 */
@ApplicationModule(displayName = "Public portal")
@NullMarked
package org.renda.portal;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
