package org.renda.assessment.engine;

/**
 * A subject under assessment.
 *
 * @param id the subject's id in its period
 * @param ref what record counts are keyed by: the organisation id of a village or town, the deputy id of a deputy
 */
public record Subject(long id, long ref, String name) {}
