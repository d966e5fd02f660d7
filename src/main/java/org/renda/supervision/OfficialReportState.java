package org.renda.supervision;

/** Where an official's duty report stands in the term: due (no sitting yet), scheduled, reported, voted on. */
public enum OfficialReportState {
    DUE, SCHEDULED, REPORTED, VOTED;

    public String messageKey() {
        return "officialReport.state." + name();
    }
}
