package org.renda.supervision;

/** Where a step of a process stands on its timeline: done, the one to do now, or waiting for an earlier step. */
public enum EightStepStatus {
    DONE, CURRENT, WAITING;

    public String messageKey() {
        return "eightStep.status." + name();
    }
}
