package org.renda.deputy;

import jakarta.validation.Valid;
import org.springframework.validation.annotation.Validated;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Map;
import org.renda.audit.AuditTrail;
import org.renda.deputy.DeputyViews.GridDuty;
import org.renda.deputy.DeputyViews.GridView;
import org.renda.shared.CurrentActor;
import org.renda.shared.DomainException;
import org.renda.shared.Permission;
import org.renda.shared.Reach;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Grid duty (网格): the grids of a village or community with their households and voters, and the
 * deputies who keep contact with them (about 20 households and 50 voters each in seed 002).
 */
@Validated
@Service
@Transactional
public class Grids {

    static final String AUDIT_TYPE = "grid";

    private final JdbcClient jdbc;
    private final DeputyRegister register;
    private final CurrentActor currentActor;
    private final AuditTrail audit;

    Grids(JdbcClient jdbc, DeputyRegister register, CurrentActor currentActor, AuditTrail audit) {
        this.jdbc = jdbc;
        this.register = register;
        this.currentActor = currentActor;
        this.audit = audit;
    }

    public record GridForm(long orgId, @NotBlank @Size(max = 100) String name, @Min(0) @Max(100000) int households,
            @Min(0) @Max(1000000) int voters) {}

    public GridView create(@Valid GridForm f) {
        currentActor.require().require(Permission.DEPUTY_WRITE, f.orgId());
        int taken = jdbc.sql("select count(*) from grid where org_id = ? and name = ?").params(f.orgId(), f.name().strip())
                .query(Integer.class).single();
        if (taken > 0) {
            throw new DomainException("grid.error.nameTaken", f.name().strip());
        }
        var keys = new GeneratedKeyHolder();
        jdbc.sql("insert into grid (org_id, name, households, voters) values (?, ?, ?, ?)")
                .params(f.orgId(), f.name().strip(), f.households(), f.voters()).update(keys, "id");
        long id = keys.getKeyAs(Number.class).longValue();
        audit.record(f.orgId(), AUDIT_TYPE, id, "CREATED", null, f);
        return get(id);
    }

    /** Links a deputy to a grid whose households they keep contact with. */
    public void assign(long deputyId, long gridId) {
        DeputyStore.Row deputy = register.writable(deputyId);
        GridView grid = get(gridId);
        currentActor.require().require(Permission.DEPUTY_WRITE, grid.orgId());
        int n = jdbc.sql("select count(*) from deputy_grid where deputy_id = ? and grid_id = ?").params(deputyId, gridId)
                .query(Integer.class).single();
        if (n == 0) {
            jdbc.sql("insert into deputy_grid (deputy_id, grid_id, org_id) values (?, ?, ?)")
                    .params(deputyId, gridId, deputy.orgId()).update();
            audit.record(deputy.orgId(), AUDIT_TYPE, gridId, "DEPUTY_ASSIGNED", null,
                    Map.of("name", grid.name(), "deputyId", deputyId));
        }
    }

    public void unassign(long deputyId, long gridId) {
        DeputyStore.Row deputy = register.writable(deputyId);
        int n = jdbc.sql("delete from deputy_grid where deputy_id = ? and grid_id = ?").params(deputyId, gridId).update();
        if (n > 0) {
            audit.record(deputy.orgId(), AUDIT_TYPE, gridId, "DEPUTY_UNASSIGNED", Map.of("deputyId", deputyId), null);
        }
    }

    @Transactional(readOnly = true)
    public GridView get(long id) {
        return currentActor.reach(Permission.DEPUTY_READ)
                .guard(jdbc.sql(SELECT + " where g.id = ?").param(id).query(Grids::map).optional(), GridView::orgId);
    }

    /** The grids within the actor's reach, optionally of one organisation. */
    @Transactional(readOnly = true)
    public List<GridView> list(@org.jspecify.annotations.Nullable Long orgId) {
        Reach reach = currentActor.reach(Permission.DEPUTY_READ);
        if (reach.isEmpty() || orgId != null && !reach.covers(orgId)) {
            return List.of();
        }
        return orgId == null
                ? jdbc.sql(SELECT + " where " + reach.sql("g.org_id") + " order by g.org_id, g.name")
                        .params(reach.params()).query(Grids::map).list()
                : jdbc.sql(SELECT + " where g.org_id = :org order by g.name").param("org", orgId).query(Grids::map)
                        .list();
    }

    /** A deputy's grids and the households and voters they cover. */
    @Transactional(readOnly = true)
    public GridDuty dutyOf(long deputyId) {
        register.readable(deputyId);
        List<GridView> grids = jdbc.sql(SELECT + " join deputy_grid dg on dg.grid_id = g.id where dg.deputy_id = ?"
                        + " order by g.name")
                .param(deputyId).query(Grids::map).list();
        return new GridDuty(grids, grids.stream().mapToInt(GridView::households).sum(),
                grids.stream().mapToInt(GridView::voters).sum());
    }

    private static final String SELECT = """
            select g.id, g.org_id, g.name, g.households, g.voters,
                   (select count(*) from deputy_grid x where x.grid_id = g.id) as deputies
            from grid g""";

    private static GridView map(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new GridView(rs.getLong("id"), rs.getLong("org_id"), rs.getString("name"), rs.getInt("households"),
                rs.getInt("voters"), rs.getInt("deputies"));
    }
}
