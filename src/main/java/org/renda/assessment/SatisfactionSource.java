package org.renda.assessment;

import java.math.BigDecimal;
import java.util.Optional;

/**
 * Where VOTE indicators get their satisfaction rate: implemented by the appraisal module's secret votes
 * once it is wired in. Optional at run time: when no source answers, staff enter the rate by hand (e.g. from
 * a paper survey) with a note.
 */
public interface SatisfactionSource {

    /**
     * The share of satisfied votes (0 to 1) of the vote {@code voteRef} about a subject: the organisation id
     * of a village or town, the deputy id of a deputy (the subject's reference); empty when that vote has not
     * been held or counted.
     */
    Optional<BigDecimal> rate(String voteRef, long subjectRef);
}
