/**
 * The working-day calendar and the deadline rules: which days are worked (Monday to Friday, less the
 * State Council's holidays, plus its make-up working days 调休), working-day and month arithmetic, and
 * how long each kind of case may take per organisation. Casework and appraisal compute their due dates here.
 */
@ApplicationModule(displayName = "Working calendar and deadlines")
@NullMarked
package org.renda.calendar;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
