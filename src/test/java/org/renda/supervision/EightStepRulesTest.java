package org.renda.supervision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.renda.shared.DomainException;
import org.renda.supervision.EightStepRules.Step;

/** The dependency rules of a step method, without a database. */
class EightStepRulesTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 10, 31);
    private static final LocalDate D1 = LocalDate.of(2026, 10, 1);

    /** The eight-step chain with the first {@code done} steps closed a day apart from D1. */
    private static List<Step> eight(int done) {
        String[] names = {"提前通知", "提前调研", "召开座谈或评议会议", "形成评议意见", "监督整改落实", "整改验收评议",
            "公示整改落实结果", "过程材料归档"};
        List<Step> out = new ArrayList<>();
        for (int i = 1; i <= 8; i++) {
            out.add(new Step(i, names[i - 1], i == 1 ? null : i - 1, i <= done ? D1.plusDays(i - 1) : null));
        }
        return out;
    }

    private static String refusal(Runnable r) {
        try {
            r.run();
        } catch (DomainException e) {
            return e.messageKey();
        }
        return "accepted";
    }

    @Test
    void aStepClosesOnlyAfterTheStepItDependsOn() {
        assertThat(refusal(() -> EightStepRules.checkClose(eight(0), 1, D1, TODAY))).isEqualTo("accepted");
        assertThat(refusal(() -> EightStepRules.checkClose(eight(0), 2, D1, TODAY))).isEqualTo("eightStep.error.dependsOn");
        assertThat(refusal(() -> EightStepRules.checkClose(eight(3), 5, TODAY, TODAY))).isEqualTo("eightStep.error.dependsOn");
        assertThat(refusal(() -> EightStepRules.checkClose(eight(3), 4, TODAY, TODAY))).isEqualTo("accepted");
        assertThat(refusal(() -> EightStepRules.checkClose(eight(3), 3, TODAY, TODAY))).isEqualTo("eightStep.error.alreadyClosed");
    }

    @Test
    void theRefusalNamesBothStepsInChinese() {
        assertThatThrownBy(() -> EightStepRules.checkClose(eight(1), 3, TODAY, TODAY)).isInstanceOf(DomainException.class)
                .satisfies(e -> assertThat(((DomainException) e).args()).containsExactly("召开座谈或评议会议", "提前调研"));
    }

    @Test
    void aStepIsNotDatedBeforeThePreviousStepNorInTheFuture() {
        LocalDate second = D1.plusDays(1);
        assertThat(refusal(() -> EightStepRules.checkClose(eight(2), 3, second.minusDays(1), TODAY)))
                .isEqualTo("eightStep.error.beforePredecessor");
        assertThat(refusal(() -> EightStepRules.checkClose(eight(2), 3, second, TODAY))).as("the same day is fine")
                .isEqualTo("accepted");
        assertThat(refusal(() -> EightStepRules.checkClose(eight(2), 3, TODAY.plusDays(1), TODAY)))
                .isEqualTo("eightStep.error.future");
        DomainException e = (DomainException) org.assertj.core.api.Assertions.catchThrowable(
                () -> EightStepRules.checkClose(eight(2), 3, D1, TODAY));
        assertThat(e.field()).isEqualTo("doneOn");
    }

    @Test
    void onlyTheLastClosedStepReopens() {
        assertThat(refusal(() -> EightStepRules.checkReopen(eight(4), 4))).isEqualTo("accepted");
        assertThat(refusal(() -> EightStepRules.checkReopen(eight(4), 3))).isEqualTo("eightStep.error.laterClosed");
        assertThat(refusal(() -> EightStepRules.checkReopen(eight(4), 1))).isEqualTo("eightStep.error.laterClosed");
        assertThat(refusal(() -> EightStepRules.checkReopen(eight(4), 5))).isEqualTo("eightStep.error.notClosed");
    }

    @Test
    void theTimelineShowsDoneCurrentAndWaiting() {
        List<Step> steps = eight(3);
        assertThat(steps.stream().map(s -> EightStepRules.status(steps, s)).toList()).containsExactly(
                EightStepStatus.DONE, EightStepStatus.DONE, EightStepStatus.DONE, EightStepStatus.CURRENT,
                EightStepStatus.WAITING, EightStepStatus.WAITING, EightStepStatus.WAITING, EightStepStatus.WAITING);
    }

    @Test
    void aMethodWithParallelStepsHasTwoCurrentStepsAndTheLaterRuleStillHolds() {
        // 1 → (2, 3 both after 1) → 4 after 3
        List<Step> steps = List.of(new Step(1, "方案", null, D1), new Step(2, "调研", 1, null),
                new Step(3, "视察", 1, D1.plusDays(2)), new Step(4, "反馈", 3, null));
        assertThat(steps.stream().map(s -> EightStepRules.status(steps, s)).toList()).containsExactly(
                EightStepStatus.DONE, EightStepStatus.CURRENT, EightStepStatus.DONE, EightStepStatus.CURRENT);
        assertThat(refusal(() -> EightStepRules.checkClose(steps, 2, D1, TODAY))).isEqualTo("accepted");
        assertThat(refusal(() -> EightStepRules.checkReopen(steps, 1))).isEqualTo("eightStep.error.laterClosed");
    }

    @Test
    void aTemplateIsNumberedInOrderAndDependsOnlyOnEarlierSteps() {
        assertThatCode(() -> EightStepRules.checkTemplate(eight(0))).doesNotThrowAnyException();
        assertThat(refusal(() -> EightStepRules.checkTemplate(List.of()))).isEqualTo("eightStep.error.templateEmpty");
        assertThat(refusal(() -> EightStepRules.checkTemplate(List.of(new Step(1, "一", 1, null)))))
                .isEqualTo("eightStep.error.templateDependency");
        assertThat(refusal(() -> EightStepRules.checkTemplate(List.of(new Step(1, "一", null, null),
                new Step(3, "三", 1, null))))).isEqualTo("eightStep.error.templateNumbering");
    }
}
