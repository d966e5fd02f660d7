package org.renda.assessment;

import java.time.LocalDate;
import java.util.Map;
import java.util.Set;

/**
 * Counts records of another module for COUNTED indicators, by a named source such as
 * {@code deputy.duty.RECEPTION} (verified receptions per deputy) or {@code deputy.duty.org.RECEPTION}
 * (the same, added up per village or town of the deputies). Every bean of this type is asked; a module
 * that keeps countable records (liaison stations, casework) adds its own bean. Counts are keyed by the
 * subject's reference: the deputy id for deputies, the organisation id for villages and towns.
 */
public interface RecordCounter {

    /** Whether this counter knows the named source. */
    boolean answers(String source);

    /** The counts of each asked source this counter answers, in the period, within the actor's reach. */
    Map<String, Map<Long, Integer>> counts(Set<String> sources, LocalDate from, LocalDate to);
}
