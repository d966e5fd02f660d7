package org.renda.assessment;

/** What a scheme assesses: the villages and communities of a town, the towns of a county, or deputies. */
public enum SubjectKind {
    VILLAGE,
    TOWN,
    DEPUTY;

    public String messageKey() {
        return "assessment.subjectKind." + name();
    }
}
