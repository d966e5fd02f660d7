package org.renda.shared;

import java.util.EnumSet;
import java.util.Set;

/**
 * The roles of DOMAIN.md ("Who uses it"). A role is always granted on an organisation and applies to
 * its whole subtree. The permissions of each role are data, read by {@link Actor}.
 */
public enum Role {
    SYSTEM_ADMIN(EnumSet.allOf(Permission.class)),
    STAFF(EnumSet.of(Permission.ORG_READ, Permission.ORG_WRITE, Permission.USER_READ, Permission.USER_CREATE,
            Permission.AUDIT_READ, Permission.DEPUTY_READ, Permission.DEPUTY_WRITE, Permission.DEPUTY_CONTACT_EXPORT,
            Permission.DUTY_VERIFY, Permission.CASE_READ, Permission.CASE_WRITE, Permission.CALENDAR_WRITE,
            Permission.STATION_READ, Permission.STATION_WRITE, Permission.APPRAISAL_READ, Permission.APPRAISAL_WRITE,
            Permission.ASSESSMENT_READ, Permission.ASSESSMENT_WRITE, Permission.SUPERVISION_READ,
            Permission.SUPERVISION_WRITE, Permission.MEETING_READ, Permission.MEETING_WRITE, Permission.FUNDS_READ,
            Permission.FUNDS_WRITE, Permission.COMPLIANCE_READ, Permission.COMPLIANCE_WRITE,
            Permission.COMPLIANCE_REVIEW)),
    PRESIDING(EnumSet.of(Permission.ORG_READ, Permission.USER_READ, Permission.AUDIT_READ, Permission.DEPUTY_READ,
            Permission.CASE_READ, Permission.CASE_SUPERVISE, Permission.STATION_READ, Permission.APPRAISAL_READ,
            Permission.APPRAISAL_PRESIDE, Permission.ASSESSMENT_READ, Permission.ASSESSMENT_DECIDE,
            Permission.SUPERVISION_READ, Permission.MEETING_READ, Permission.MEETING_PRESIDE, Permission.FUNDS_READ,
            Permission.COMPLIANCE_READ)),
    SUPERIOR(EnumSet.of(Permission.ORG_READ, Permission.USER_READ, Permission.AUDIT_READ, Permission.DEPUTY_READ,
            Permission.CASE_READ, Permission.STATION_READ, Permission.APPRAISAL_READ, Permission.ASSESSMENT_READ,
            Permission.SUPERVISION_READ, Permission.MEETING_READ, Permission.FUNDS_READ,
            Permission.COMPLIANCE_READ)),
    /** A deputy reads the register of their congress and keeps their own archive (checked by the link to the user). */
    DEPUTY(EnumSet.of(Permission.ORG_READ, Permission.DEPUTY_READ, Permission.SUPERVISION_READ,
            Permission.MEETING_READ)),
    /** A handling unit sees and answers only the cases assigned to it. */
    HANDLING_UNIT(EnumSet.of(Permission.ORG_READ, Permission.CASE_HANDLE, Permission.APPRAISAL_RESPOND)),
    EVALUATOR(EnumSet.of(Permission.ORG_READ, Permission.DEPUTY_READ, Permission.ASSESSMENT_READ,
            Permission.ASSESSMENT_SCORE));

    private final Set<Permission> permissions;

    Role(Set<Permission> permissions) {
        this.permissions = permissions;
    }

    public boolean allows(Permission permission) {
        return permissions.contains(permission);
    }

    /** Message key of the role's display name. */
    public String messageKey() {
        return "role." + name();
    }
}
