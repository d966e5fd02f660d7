package org.renda.casework;

/** What can be done to a case; which action is allowed when is {@link CaseFlow}'s to say. */
public enum CaseAction {
    TRIAGE,
    ASSIGN,
    SIGN,
    RETURN,
    REPLY,
    RATE,
    CLOSE,
    MERGE,
    WITHDRAW;

    public String messageKey() {
        return "case.action." + name();
    }
}
