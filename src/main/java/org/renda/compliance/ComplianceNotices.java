package org.renda.compliance;

import org.renda.compliance.ComplianceViews.AssessmentView;
import org.renda.identity.UserContacts;
import org.renda.notification.NotificationRequest;
import org.renda.notification.Notifier;
import org.renda.org.OrgTree;
import org.renda.shared.Role;
import org.springframework.stereotype.Component;

/**
 * Who hears of a self-assessment's move, in the inbox and by e-mail, within the change's transaction: the county's
 * staff (who review it) when a town submits; the town's staff when the county accepts it or returns it. Each move
 * notifies each person once (the dedupe key names the assessment, the move and when it happened).
 */
@Component
class ComplianceNotices {

    private final Notifier notifier;
    private final UserContacts users;
    private final OrgTree orgs;

    ComplianceNotices(Notifier notifier, UserContacts users, OrgTree orgs) {
        this.notifier = notifier;
        this.users = users;
        this.orgs = orgs;
    }

    /** The town sent its assessment: the staff of the county that reviews it are asked to. */
    int submitted(AssessmentView a, int full, int partial, int none) {
        Long county = orgs.find(a.orgId()).map(o -> o.parentId()).orElse(null);
        if (county == null) {
            return 0;
        }
        String subject = a.orgName() + a.year() + "年条例落实自评待审核";
        String body = a.orgName() + "已报送" + a.year() + "年条例落实自评：全面落实 " + full + " 项，部分落实 "
                + partial + " 项，未落实 " + none + " 项。请审核后通过或退回。";
        return notifyAll(Role.STAFF, county, a, "submitted", subject, body);
    }

    /** The county accepted or returned it: the town's staff hear the outcome and the county's comment. */
    int reviewed(AssessmentView a, boolean accepted, String comment) {
        String outcome = accepted ? "已审核通过" : "被退回，请按审核意见修改后重新报送";
        String subject = a.orgName() + a.year() + "年条例落实自评" + (accepted ? "已通过审核" : "被退回");
        String body = a.orgName() + a.year() + "年条例落实自评" + outcome + "。"
                + (comment.isBlank() ? "" : "审核意见：" + comment);
        return notifyAll(Role.STAFF, a.orgId(), a, accepted ? "accepted" : "returned", subject, body);
    }

    private int notifyAll(Role role, long orgId, AssessmentView a, String move, String subject, String body) {
        String when = a.reviewedAt() != null && !move.equals("submitted") ? a.reviewedAt().toString()
                : String.valueOf(a.submittedAt());
        int sent = 0;
        for (UserContacts.Contact c : users.withRole(role, orgId)) {
            sent += notifier.notify(NotificationRequest.of(a.orgId(), c.userId(),
                    "compliance:" + a.id() + ":" + move + ":" + when, subject, body)
                    .withLink("/compliance/assessments/" + a.id()));
        }
        return sent;
    }
}
