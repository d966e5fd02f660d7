package org.renda.supervision;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** What the eight-step pages and API show: templates, processes and their steps. */
public final class EightStepViews {

    private EightStepViews() {}

    /** A step method (the eight-step method, or one a town defined) with its ordered steps. */
    public record TemplateView(long id, long orgId, String code, String name, @Nullable String description,
            List<TemplateStepView> steps) {}

    /** {@code dependsOn}: the number of the step this one waits for; {@code attestsAttendance}: closing it counts in the deputies' archives. */
    public record TemplateStepView(int stepNo, String name, @Nullable String guidance, @Nullable Integer dependsOn,
            boolean attestsAttendance) {}

    /** A process in a list: how many steps are done, and the one to do now. */
    public record ProcessSummary(long id, long orgId, String orgName, String title, String templateName,
            LocalDate activityOn, int done, int total, @Nullable String currentStep) {

        public boolean finished() {
            return total > 0 && done == total;
        }
    }

    public record Participant(long deputyId, String name) {}

    public record FileView(long id, String fileName, String contentType, int sizeBytes) {}

    /** One step of a process: its state, date, evidence and who closed it (login and display name). */
    public record StageView(long id, int stepNo, String name, @Nullable String guidance, @Nullable Integer dependsOn,
            @Nullable String dependsOnName, EightStepStatus status, @Nullable LocalDate doneOn,
            @Nullable String evidence, @Nullable String closedBy, @Nullable String closedByName,
            @Nullable OffsetDateTime closedAt, boolean attestsAttendance, boolean reopenable, List<FileView> files) {}

    /** A process of one deputy activity with its steps in order. */
    public record ProcessView(long id, long orgId, String orgName, long templateId, String templateName, String title,
            LocalDate activityOn, @Nullable String subjectText, List<Participant> deputies, List<StageView> steps,
            int done, int version) {

        public int total() {
            return steps.size();
        }
    }
}
