package org.renda.supervision;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.renda.shared.DomainException;

/**
 * The rules of a step method, apart from storage: a step closes only after the step it depends on, never on a date
 * before that step's date; a closed step reopens only while no later step is closed. Each refusal is a
 * {@link DomainException} with a Chinese message, thrown before anything is written.
 */
final class EightStepRules {

    private EightStepRules() {}

    /** A step as the rules see it: its number, the number of the step it waits for, and its date once closed. */
    record Step(int stepNo, String name, @Nullable Integer dependsOn, @Nullable LocalDate doneOn) {

        boolean closed() {
            return doneOn != null;
        }
    }

    /** Closing {@code stepNo} on {@code on}: refused when already closed, its dependency open, or dated before it. */
    static void checkClose(List<Step> steps, int stepNo, LocalDate on, LocalDate today) {
        Step step = find(steps, stepNo);
        if (step.closed()) {
            throw new DomainException("eightStep.error.alreadyClosed", step.name());
        }
        if (on.isAfter(today)) {
            throw DomainException.onField("doneOn", "eightStep.error.future");
        }
        Optional<Step> before = predecessor(steps, step);
        if (before.isPresent() && !before.get().closed()) {
            throw new DomainException("eightStep.error.dependsOn", step.name(), before.get().name());
        }
        if (before.isPresent() && on.isBefore(before.get().doneOn())) {
            throw DomainException.onField("doneOn", "eightStep.error.beforePredecessor", step.name(),
                    before.get().name(), before.get().doneOn());
        }
    }

    /** Reopening {@code stepNo}: only a closed step, and only while no later step is closed. */
    static void checkReopen(List<Step> steps, int stepNo) {
        Step step = find(steps, stepNo);
        if (!step.closed()) {
            throw new DomainException("eightStep.error.notClosed", step.name());
        }
        steps.stream().filter(s -> s.stepNo() > stepNo && s.closed()).findFirst().ifPresent(later -> {
            throw new DomainException("eightStep.error.laterClosed", step.name(), later.name());
        });
    }

    /** Done when closed; current when its dependency is closed (or it has none); waiting otherwise. */
    static EightStepStatus status(List<Step> steps, Step step) {
        if (step.closed()) {
            return EightStepStatus.DONE;
        }
        Optional<Step> before = predecessor(steps, step);
        return before.isEmpty() || before.get().closed() ? EightStepStatus.CURRENT : EightStepStatus.WAITING;
    }

    /**
     * A template's steps are valid when numbered 1..n and each depends on an earlier step (so the method can always
     * be completed in order).
     */
    static void checkTemplate(List<Step> steps) {
        if (steps.isEmpty()) {
            throw new DomainException("eightStep.error.templateEmpty");
        }
        for (int i = 0; i < steps.size(); i++) {
            Step s = steps.get(i);
            if (s.stepNo() != i + 1) {
                throw new DomainException("eightStep.error.templateNumbering");
            }
            if (s.dependsOn() != null && (s.dependsOn() < 1 || s.dependsOn() >= s.stepNo())) {
                throw new DomainException("eightStep.error.templateDependency", s.name());
            }
        }
    }

    private static Optional<Step> predecessor(List<Step> steps, Step step) {
        return step.dependsOn() == null ? Optional.empty()
                : steps.stream().filter(s -> s.stepNo() == step.dependsOn()).findFirst();
    }

    private static Step find(List<Step> steps, int stepNo) {
        return steps.stream().filter(s -> s.stepNo() == stepNo).findFirst()
                .orElseThrow(() -> new org.renda.shared.NotFoundException("error.notFound"));
    }
}
