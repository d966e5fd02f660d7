package org.renda.assessment.engine;

/**
 * Where a scheme's weights sit. With AREA (or SOURCE) weighting an indicator's points are scaled so that
 * the non-bonus indicators of each area (source) add up to that area's (source's) weight; with NONE the
 * points count as entered, and the maxima are the weights.
 */
public enum Weighting {
    NONE,
    AREA,
    SOURCE
}
