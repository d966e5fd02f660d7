package org.renda.meeting;

import org.renda.compliance.ComplianceEvidence;
import org.renda.meeting.MeetingEnums.MeetingKind;
import org.renda.org.OrgTree;

/**
 * Regulation compliance evidence: the meetings of a kind a town congress held in the year (sessions: 人代会; the
 * presidium's meetings: 主席团会议), counted by {@link MeetingCounts}.
 */
class MeetingEvidence implements ComplianceEvidence {

    private final MeetingCounts counts;
    private final OrgTree orgs;
    private final MeetingKind meetingKind;
    private final String kind;
    private final String label;

    MeetingEvidence(MeetingCounts counts, OrgTree orgs, MeetingKind meetingKind, String kind, String label) {
        this.counts = counts;
        this.orgs = orgs;
        this.meetingKind = meetingKind;
        this.kind = kind;
        this.label = label;
    }

    @Override
    public String kind() {
        return kind;
    }

    @Override
    public String label() {
        return label;
    }

    @Override
    public Figure evidence(long orgId, int year) {
        var subtree = orgs.subtreeIds(orgId);
        long held = counts.held(meetingKind, year).stream().filter(c -> subtree.contains(c.orgId()))
                .mapToLong(MeetingCounts.OrgCount::held).sum();
        return new Figure(held, "/meetings?year=" + year);
    }

    @org.springframework.context.annotation.Configuration(proxyBeanMethods = false)
    static class Providers {

        @org.springframework.context.annotation.Bean
        ComplianceEvidence meetingSessionsEvidence(MeetingCounts counts, OrgTree orgs) {
            return new MeetingEvidence(counts, orgs, MeetingKind.SESSION, "meeting.sessions", "人民代表大会会议（次）");
        }

        @org.springframework.context.annotation.Bean
        ComplianceEvidence meetingPresidiumEvidence(MeetingCounts counts, OrgTree orgs) {
            return new MeetingEvidence(counts, orgs, MeetingKind.PRESIDIUM, "meeting.presidium", "主席团会议（次）");
        }
    }
}
