package org.renda.supervision;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.renda.shared.DomainException;
import org.renda.shared.Reach;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** Step-method templates, the processes started from them, their steps (stages) and the evidence files. */
@Repository
class EightStepStore {

    private final JdbcClient jdbc;

    EightStepStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    record TemplateRow(long id, long orgId, String code, String name, @Nullable String description) {}

    record TemplateStepRow(int stepNo, String name, @Nullable String guidance, @Nullable Integer dependsOn,
            @Nullable String dutyType) {}

    record ProcessRow(long id, long orgId, long templateId, String templateName, String title, LocalDate activityOn,
            @Nullable String subjectText, String createdBy, int version) {}

    record StageRow(long id, long processId, long orgId, int stepNo, String name, @Nullable String guidance,
            @Nullable Integer dependsOn, @Nullable String dutyType, @Nullable LocalDate doneOn,
            @Nullable String evidence, @Nullable String closedBy, @Nullable OffsetDateTime closedAt, int version) {}

    record FileRow(long id, long stageId, long orgId, String fileName, String contentType, int sizeBytes) {}

    record FileData(long id, long orgId, String fileName, String contentType, byte[] data) {}

    // ---- templates

    /** The templates an organisation may use: the shared ones (org 0) and those of the organisations in reach. */
    List<TemplateRow> templates(Reach reach) {
        String scope = reach.isEmpty() ? "" : " or " + reach.sql("org_id");
        return jdbc.sql("select id, org_id, code, name, description from eight_step_template where org_id = 0" + scope
                + " order by org_id, id").params(reach.params())
                .query(TemplateRow.class).list();
    }

    Optional<TemplateRow> template(long id) {
        return jdbc.sql("select id, org_id, code, name, description from eight_step_template where id = ?").param(id)
                .query(TemplateRow.class).optional();
    }

    List<TemplateStepRow> templateSteps(long templateId) {
        return jdbc.sql("""
                select step_no, name, guidance, depends_on, duty_type from eight_step_template_step
                where template_id = ? order by step_no""").param(templateId).query(TemplateStepRow.class).list();
    }

    long insertTemplate(long orgId, String code, String name, @Nullable String description) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("insert into eight_step_template (org_id, code, name, description, created_at) values (?, ?, ?, ?, ?)")
                .params(orgId, code, name, description, OffsetDateTime.now()).update(keys, "id");
        return keys.getKeyAs(Number.class).longValue();
    }

    void insertTemplateStep(long templateId, long orgId, TemplateStepRow s) {
        jdbc.sql("""
                insert into eight_step_template_step (template_id, org_id, step_no, name, guidance, depends_on, duty_type)
                values (?, ?, ?, ?, ?, ?, ?)""")
                .params(templateId, orgId, s.stepNo(), s.name(), s.guidance(), s.dependsOn(), s.dutyType()).update();
    }

    // ---- processes

    long insertProcess(long orgId, TemplateRow template, String title, LocalDate activityOn,
            @Nullable String subjectText, String by) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into eight_step_process (org_id, template_id, template_name, title, activity_on, subject_text,
                                                created_by, created_at, version)
                values (?, ?, ?, ?, ?, ?, ?, ?, 0)""")
                .params(orgId, template.id(), template.name(), title, activityOn, subjectText, by, OffsetDateTime.now())
                .update(keys, "id");
        return keys.getKeyAs(Number.class).longValue();
    }

    void insertStage(long processId, long orgId, TemplateStepRow s) {
        jdbc.sql("""
                insert into eight_step_stage (process_id, org_id, step_no, name, guidance, depends_on, duty_type, version)
                values (?, ?, ?, ?, ?, ?, ?, 0)""")
                .params(processId, orgId, s.stepNo(), s.name(), s.guidance(), s.dependsOn(), s.dutyType()).update();
    }

    void addParticipant(long processId, long orgId, long deputyId) {
        jdbc.sql("insert into eight_step_participant (process_id, deputy_id, org_id) values (?, ?, ?)")
                .params(processId, deputyId, orgId).update();
    }

    List<Long> participants(long processId) {
        return jdbc.sql("select deputy_id from eight_step_participant where process_id = ? order by deputy_id")
                .param(processId).query(Long.class).list();
    }

    Optional<ProcessRow> process(long id) {
        return jdbc.sql("""
                select id, org_id, template_id, template_name, title, activity_on, subject_text, created_by, version
                from eight_step_process where id = ?""").param(id).query(ProcessRow.class).optional();
    }

    /** The processes in reach, newest activity first. */
    List<ProcessRow> processes(Reach reach, int limit) {
        if (reach.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                select id, org_id, template_id, template_name, title, activity_on, subject_text, created_by, version
                from eight_step_process""" + " where " + reach.sql("org_id") + " order by activity_on desc, id desc limit "
                + limit).params(reach.params()).query(ProcessRow.class).list();
    }

    /** Closed steps per process, for the list's progress column. */
    Map<Long, int[]> progress(Collection<Long> processIds) {
        Map<Long, int[]> out = new LinkedHashMap<>();
        if (processIds.isEmpty()) {
            return out;
        }
        jdbc.sql("""
                select process_id, count(*) as total, count(done_on) as done from eight_step_stage
                where process_id in (:ids) group by process_id""").param("ids", processIds)
                .query((rs, n) -> out.put(rs.getLong(1), new int[] {rs.getInt(3), rs.getInt(2)})).list();
        return out;
    }

    // ---- stages

    List<StageRow> stages(long processId) {
        return jdbc.sql("""
                select id, process_id, org_id, step_no, name, guidance, depends_on, duty_type, done_on, evidence,
                       closed_by, closed_at, version
                from eight_step_stage where process_id = ? order by step_no""").param(processId)
                .query(StageRow.class).list();
    }

    Optional<StageRow> stage(long id) {
        return jdbc.sql("""
                select id, process_id, org_id, step_no, name, guidance, depends_on, duty_type, done_on, evidence,
                       closed_by, closed_at, version
                from eight_step_stage where id = ?""").param(id).query(StageRow.class).optional();
    }

    void close(long stageId, int version, LocalDate on, @Nullable String evidence, String by) {
        concurrent(jdbc.sql("""
                update eight_step_stage set done_on = ?, evidence = ?, closed_by = ?, closed_at = ?, version = version + 1
                where id = ? and version = ? and done_on is null""")
                .params(on, evidence, by, OffsetDateTime.now(), stageId, version).update());
    }

    void reopen(long stageId, int version) {
        concurrent(jdbc.sql("""
                update eight_step_stage set done_on = null, closed_by = null, closed_at = null, version = version + 1
                where id = ? and version = ? and done_on is not null""").params(stageId, version).update());
    }

    /** Moves the process's version on, so two people closing steps of one process at once cannot both pass the rules. */
    void touchProcess(long processId, int version) {
        concurrent(jdbc.sql("update eight_step_process set version = version + 1 where id = ? and version = ?")
                .params(processId, version).update());
    }

    // ---- files

    void addFile(long stageId, long orgId, String name, String type, byte[] data) {
        jdbc.sql("""
                insert into eight_step_file (stage_id, org_id, file_name, content_type, size_bytes, data, created_at)
                values (?, ?, ?, ?, ?, ?, ?)""")
                .params(stageId, orgId, name, type, data.length, data, OffsetDateTime.now()).update();
    }

    List<FileRow> files(long processId) {
        return jdbc.sql("""
                select f.id, f.stage_id, f.org_id, f.file_name, f.content_type, f.size_bytes from eight_step_file f
                join eight_step_stage s on s.id = f.stage_id where s.process_id = ? order by f.id""").param(processId)
                .query(FileRow.class).list();
    }

    int fileCount(long stageId) {
        return jdbc.sql("select count(*) from eight_step_file where stage_id = ?").param(stageId).query(Integer.class)
                .single();
    }

    Optional<FileData> file(long id) {
        return jdbc.sql("select id, org_id, file_name, content_type, data from eight_step_file where id = ?").param(id)
                .query((rs, n) -> new FileData(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4),
                        rs.getBytes(5))).optional();
    }

    private static void concurrent(int updated) {
        if (updated == 0) {
            throw new DomainException("error.concurrentEdit");
        }
    }
}
