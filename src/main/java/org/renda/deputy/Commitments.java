package org.renda.deputy;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.Valid;
import org.springframework.validation.annotation.Validated;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.renda.audit.AuditTrail;
import org.renda.deputy.DeputyViews.CommitmentView;
import org.renda.shared.CurrentActor;
import org.renda.shared.DomainException;
import org.renda.shared.NotFoundException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.renda.shared.Texts;

/**
 * Yearly commitments (实事承诺书): at the start of a year each deputy promises one to three practical
 * things, reports progress during the year and a result at its end; the list is public.
 */
@Validated
@Service
@Transactional
public class Commitments {

    static final String AUDIT_TYPE = "commitment";
    static final int MAX_PER_YEAR = 3;

    private final JdbcClient jdbc;
    private final DeputyRegister register;
    private final CurrentActor currentActor;
    private final AuditTrail audit;

    Commitments(JdbcClient jdbc, DeputyRegister register, CurrentActor currentActor, AuditTrail audit) {
        this.jdbc = jdbc;
        this.register = register;
        this.currentActor = currentActor;
        this.audit = audit;
    }

    public record Promise(@NotBlank @Size(max = 200) String title, @Nullable @Size(max = 2000) String detail) {}

    public record Progress(@NotNull CommitmentStatus status, @Nullable @Size(max = 2000) String progress,
            @Nullable @Size(max = 2000) String result, int version) {}

    /** Adds a commitment for the year; a deputy makes at most three a year. */
    public CommitmentView promise(long deputyId, @Min(1900) @Max(2100) int year, @Valid Promise p) {
        DeputyStore.Row deputy = register.writableOrSelf(deputyId);
        int made = jdbc.sql("select count(*) from commitment where deputy_id = ? and for_year = ?").params(deputyId, year)
                .query(Integer.class).single();
        if (made >= MAX_PER_YEAR) {
            throw new DomainException("commitment.error.max", MAX_PER_YEAR);
        }
        jdbc.sql("""
                insert into commitment (deputy_id, org_id, for_year, seq, title, detail, status, version, updated_at)
                values (?, ?, ?, ?, ?, ?, 'PROMISED', 0, ?)""")
                .params(deputyId, deputy.orgId(), year, made + 1, p.title().strip(), Texts.blankToNull(p.detail()),
                        OffsetDateTime.now())
                .update();
        CommitmentView created = ofDeputy(deputyId, year).get(made);
        audit.record(deputy.orgId(), AUDIT_TYPE, created.id(), "CREATED", null,
                Map.of("name", created.title(), "year", year, "deputyId", deputyId));
        return created;
    }

    public CommitmentView report(long commitmentId, @Valid Progress p) {
        CommitmentView before = byId(commitmentId);
        DeputyStore.Row deputy = register.writableOrSelf(before.deputyId());
        if ((p.status() == CommitmentStatus.DONE || p.status() == CommitmentStatus.NOT_DONE)
                && (p.result() == null || p.result().isBlank())) {
            throw new DomainException("commitment.error.resultRequired");
        }
        int n = jdbc.sql("""
                update commitment set status = ?, progress = ?, result = ?, version = version + 1, updated_at = ?
                where id = ? and version = ?""")
                .params(p.status().name(), Texts.blankToNull(p.progress()), Texts.blankToNull(p.result()),
                        OffsetDateTime.now(), commitmentId, p.version())
                .update();
        if (n != 1) {
            throw new DomainException("error.concurrentEdit");
        }
        CommitmentView after = byId(commitmentId);
        audit.record(deputy.orgId(), AUDIT_TYPE, commitmentId, "UPDATED",
                Map.of("name", before.title(), "status", before.status().name()),
                Map.of("name", after.title(), "status", after.status().name()));
        return after;
    }

    @Transactional(readOnly = true)
    public List<CommitmentView> of(long deputyId, int year) {
        register.readable(deputyId);
        return ofDeputy(deputyId, year);
    }

    /** Unscoped: commitments are published on the deputy's public page. */
    List<CommitmentView> ofDeputy(long deputyId, int year) {
        return jdbc.sql("select * from commitment where deputy_id = ? and for_year = ? order by seq")
                .params(deputyId, year).query(Commitments::map).list();
    }

    private CommitmentView byId(long id) {
        CommitmentView c = jdbc.sql("select * from commitment where id = ?").param(id).query(Commitments::map)
                .optional().orElseThrow(() -> new NotFoundException("error.notFound"));
        register.readable(c.deputyId());
        return c;
    }

    private static CommitmentView map(ResultSet rs, int n) throws SQLException {
        return new CommitmentView(rs.getLong("id"), rs.getLong("deputy_id"), rs.getInt("for_year"), rs.getInt("seq"),
                rs.getString("title"), rs.getString("detail"), rs.getString("progress"),
                CommitmentStatus.valueOf(rs.getString("status")), rs.getString("result"), rs.getInt("version"));
    }
}
