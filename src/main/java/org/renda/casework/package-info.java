/**
 * Casework (意见建议办理): opinions and suggestions from the public web form, deputies, reception days,
 * visits and the 12345 hotline, handled to closure: triage, assignment to a lead unit and co-handling
 * units, signing for or returning, reply, the submitter's satisfaction, re-handling, closure. The
 * lifecycle is data ({@link org.renda.casework.CaseFlow}); every step is on the case's timeline.
 */
@ApplicationModule(displayName = "Casework")
@NullMarked
package org.renda.casework;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
