package org.renda.deputy;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.renda.deputy.DeputyViews.DeputySummary;
import org.renda.deputy.DeputyViews.SeatLabel;
import org.renda.shared.DomainException;
import org.renda.shared.Masking;
import org.renda.shared.Reach;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** The deputy, photo, mandate and status-change tables. */
@Repository
class DeputyStore {

    private final JdbcClient jdbc;

    DeputyStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The editable personal fields of a deputy. */
    record Person(String name, @Nullable String gender, @Nullable LocalDate birthDate, @Nullable String ethnicity,
            @Nullable String party, @Nullable String education, @Nullable String occupation,
            @Nullable String workplace, @Nullable String phone, @Nullable String idNumber, @Nullable String bio) {}

    record Row(long id, long orgId, @Nullable Long userId, Person person, String publicCode, boolean nameplateActive,
            @Nullable String nameplateReason, @Nullable LocalDate nameplateChangedOn, int version) {}

    record Seat(long id, long deputyId, long orgId, long congressOrgId, DeputyLevel level, int termNo, int termStart,
            int termEnd, @Nullable String constituency, @Nullable String deputyGroup, @Nullable String station,
            @Nullable String cardNumber, MandateStatus status, LocalDate statusSince, int version) {}

    /** Filters of the register's list; blank or null means any. */
    record Filter(String text, @Nullable DeputyLevel level, @Nullable Integer termNo, String group,
            @Nullable MandateStatus status, boolean inOfficeOnly) {}

    long insert(long orgId, Person p, String publicCode) {
        var keys = new GeneratedKeyHolder();
        OffsetDateTime now = OffsetDateTime.now();
        jdbc.sql("""
                insert into deputy (org_id, name, gender, birth_date, ethnicity, party, education, occupation,
                                    workplace, phone, id_number, bio, public_code, nameplate_active, version,
                                    created_at, updated_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, true, 0, ?, ?)""")
                .params(orgId, p.name(), p.gender(), p.birthDate(), p.ethnicity(), p.party(), p.education(),
                        p.occupation(), p.workplace(), p.phone(), p.idNumber(), p.bio(), publicCode, now, now)
                .update(keys, "id");
        return keys.getKeyAs(Number.class).longValue();
    }

    void update(long id, int version, Person p) {
        int n = jdbc.sql("""
                update deputy set name = ?, gender = ?, birth_date = ?, ethnicity = ?, party = ?, education = ?,
                                  occupation = ?, workplace = ?, phone = ?, id_number = ?, bio = ?,
                                  version = version + 1, updated_at = ?
                where id = ? and version = ?""")
                .params(p.name(), p.gender(), p.birthDate(), p.ethnicity(), p.party(), p.education(), p.occupation(),
                        p.workplace(), p.phone(), p.idNumber(), p.bio(), OffsetDateTime.now(), id, version)
                .update();
        if (n != 1) {
            throw new DomainException("error.concurrentEdit");
        }
    }

    void setNameplate(long id, boolean active, @Nullable String reason, LocalDate on) {
        jdbc.sql("""
                update deputy set nameplate_active = ?, nameplate_reason = ?, nameplate_changed_on = ?,
                                  version = version + 1, updated_at = ?
                where id = ?""")
                .params(active, reason, on, OffsetDateTime.now(), id).update();
    }

    void linkUser(long id, @Nullable Long userId) {
        jdbc.sql("update deputy set user_id = ?, version = version + 1, updated_at = ? where id = ?")
                .params(userId, OffsetDateTime.now(), id).update();
    }

    Optional<Row> byId(long id) {
        return jdbc.sql("select * from deputy where id = ?").param(id).query(DeputyStore::row).optional();
    }

    List<Row> byIds(Collection<Long> ids) {
        return jdbc.sql("select * from deputy where id in (:ids) order by name, id").param("ids", ids)
                .query(DeputyStore::row).list();
    }

    /** The deputies holding a seat in office in one congress (the organisation whose congress it is). */
    List<Long> inOfficeOfCongress(long congressOrgId) {
        return jdbc.sql("select distinct deputy_id from deputy_mandate where congress_org_id = :congress"
                + " and status in (:statuses) order by deputy_id").param("congress", congressOrgId)
                .param("statuses", java.util.Arrays.stream(MandateStatus.values()).filter(MandateStatus::inOffice)
                        .map(Enum::name).toList())
                .query(Long.class).list();
    }

    Optional<Row> byUser(long userId) {
        return jdbc.sql("select * from deputy where user_id = ?").param(userId).query(DeputyStore::row).optional();
    }

    Optional<Row> byPublicCode(String code) {
        return jdbc.sql("select * from deputy where public_code = ?").param(code).query(DeputyStore::row).optional();
    }

    Optional<Row> byIdNumber(String idNumber) {
        return jdbc.sql("select * from deputy where id_number = ?").param(idNumber).query(DeputyStore::row).optional();
    }

    /** Below this many matches a page sorts them rather than walking the whole register in name order. */
    static final long FEW = 2_000;

    /**
     * One page of the register within the given organisations, in name order. With {@code filterFirst} (few
     * matches, such as a town's 60 deputies, or a name searched for) the matches are picked first and sorted: the
     * {@code offset 0} keeps PostgreSQL from walking the name index through a province's 100,000 deputies to find
     * them (a town: 100 ms instead of 1; a common surname: 79 ms instead of 12); with many, the name index serves
     * the page.
     */
    List<DeputySummary> list(Reach orgs, Filter f, int limit, int offset, boolean filterFirst) {
        if (orgs.isEmpty()) {
            return List.of();
        }
        Map<String, Object> params = new HashMap<>();
        String where = where(orgs, f, params);
        params.put("limit", limit);
        params.put("offset", offset);
        String sql = filterFirst
                ? "select * from (select d.* from deputy d where " + where + " offset 0) d"
                        + " order by d.name, d.id limit :limit offset :offset"
                : "select d.* from deputy d where " + where + " order by d.name, d.id limit :limit offset :offset";
        List<Row> rows = jdbc.sql(sql).params(params).query(DeputyStore::row).list();
        Map<Long, List<SeatLabel>> seats = seatLabels(rows.stream().map(Row::id).toList());
        return rows.stream().map(r -> new DeputySummary(r.id(), r.orgId(), r.person().name(), r.person().gender(),
                r.person().occupation(), Masking.phone(r.person().phone()), r.nameplateActive(),
                seats.getOrDefault(r.id(), List.of()))).toList();
    }

    /** How many deputies match, counted up to {@code atMost}. */
    long count(Reach orgs, Filter f, long atMost) {
        if (orgs.isEmpty()) {
            return 0;
        }
        Map<String, Object> params = new HashMap<>();
        String where = where(orgs, f, params);
        params.put("atMost", atMost);
        return jdbc.sql("select count(*) from (select 1 from deputy d where " + where + " limit :atMost) q")
                .params(params).query(Long.class).single();
    }

    /** Bound parameters only; the SQL text depends on which filters are set, never on their values. */
    private static String where(Reach orgs, Filter f, Map<String, Object> params) {
        StringBuilder sql = new StringBuilder(orgs.sql("d.org_id"));
        params.putAll(orgs.params());
        if (!f.text().isBlank()) {
            sql.append(" and d.name like :text");
            params.put("text", "%" + f.text().strip().replace("%", "").replace("_", "") + "%");
        }
        List<String> seat = new ArrayList<>();
        if (f.level() != null) {
            seat.add("m.level = :level");
            params.put("level", f.level().name());
        }
        if (f.termNo() != null) {
            seat.add("m.term_no = :term");
            params.put("term", f.termNo());
        }
        if (!f.group().isBlank()) {
            seat.add("m.deputy_group = :grp");
            params.put("grp", f.group().strip());
        }
        if (f.status() != null) {
            seat.add("m.status = :status");
            params.put("status", f.status().name());
        } else if (f.inOfficeOnly()) {
            seat.add("m.status in ('ELECTED', 'BY_ELECTED')");
        }
        if (!seat.isEmpty()) {
            sql.append(" and exists (select 1 from deputy_mandate m where m.deputy_id = d.id and ")
                    .append(orgs.sql("m.org_id")).append(" and ")
                    .append(String.join(" and ", seat)).append(")");
        }
        return sql.toString();
    }

    /** Deputies holding a seat in office of the congress (one congress keeps one level's seats). */
    Map<Long, List<SeatLabel>> seatLabels(Collection<Long> deputyIds) {
        Map<Long, List<SeatLabel>> out = new HashMap<>();
        if (deputyIds.isEmpty()) {
            return out;
        }
        jdbc.sql("select deputy_id, level, term_no, term_start, status, deputy_group from deputy_mandate where deputy_id in (:ids)"
                        + " order by deputy_id, term_start desc, level")
                .param("ids", deputyIds)
                .query(rs -> {
                    out.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(new SeatLabel(
                            DeputyLevel.valueOf(rs.getString(2)), rs.getInt(3), rs.getInt(4),
                            MandateStatus.valueOf(rs.getString(5)), rs.getString(6)));
                });
        return out;
    }

    /** The deputy groups of the seats within the organisations, in name order, at most {@code limit}. */
    List<String> groups(Reach orgs, int limit) {
        if (orgs.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("select distinct deputy_group from deputy_mandate where " + orgs.sql("org_id")
                        + " and deputy_group is not null order by deputy_group limit :limit")
                .params(orgs.params()).param("limit", limit).query(String.class).list();
    }

    long insertSeat(long deputyId, long orgId, long congressOrgId, DeputyLevel level, int termNo, int termStart,
            int termEnd, @Nullable String constituency, @Nullable String group, @Nullable String station,
            @Nullable String card, MandateStatus status, LocalDate since) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into deputy_mandate (deputy_id, org_id, congress_org_id, level, term_no, term_start, term_end,
                                            constituency, deputy_group, station, card_number, status, status_since,
                                            version)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0)""")
                .params(deputyId, orgId, congressOrgId, level.name(), termNo, termStart, termEnd, constituency, group,
                        station, card, status.name(), since)
                .update(keys, "id");
        return keys.getKeyAs(Number.class).longValue();
    }

    void updateSeat(long id, @Nullable String constituency, @Nullable String group, @Nullable String station,
            @Nullable String card) {
        jdbc.sql("""
                update deputy_mandate set constituency = ?, deputy_group = ?, station = ?, card_number = ?,
                                          version = version + 1
                where id = ?""").params(constituency, group, station, card, id).update();
    }

    void setSeatStatus(long id, MandateStatus status, LocalDate since) {
        jdbc.sql("update deputy_mandate set status = ?, status_since = ?, version = version + 1 where id = ?")
                .params(status.name(), since, id).update();
    }

    void insertStatusChange(long seatId, long orgId, MandateStatus status, LocalDate on, @Nullable String document,
            @Nullable String note, String by) {
        jdbc.sql("""
                insert into mandate_status_change (mandate_id, org_id, status, effective_on, document, note,
                                                   recorded_by, recorded_at)
                values (?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(seatId, orgId, status.name(), on, document, note, by, OffsetDateTime.now()).update();
    }

    List<Seat> seats(long deputyId) {
        return jdbc.sql("select * from deputy_mandate where deputy_id = ? order by term_start desc, level")
                .param(deputyId).query(DeputyStore::seat).list();
    }

    Optional<Seat> seat(long seatId) {
        return jdbc.sql("select * from deputy_mandate where id = ?").param(seatId).query(DeputyStore::seat).optional();
    }

    List<DeputyViews.StatusChange> history(long seatId) {
        return jdbc.sql("select * from mandate_status_change where mandate_id = ? order by effective_on, id")
                .param(seatId)
                .query((rs, n) -> new DeputyViews.StatusChange(MandateStatus.valueOf(rs.getString("status")),
                        rs.getObject("effective_on", LocalDate.class), rs.getString("document"), rs.getString("note"),
                        rs.getString("recorded_by")))
                .list();
    }

    void savePhoto(long deputyId, long orgId, String contentType, byte[] data) {
        jdbc.sql("delete from deputy_photo where deputy_id = ?").param(deputyId).update();
        jdbc.sql("insert into deputy_photo (deputy_id, org_id, content_type, data) values (?, ?, ?, ?)")
                .params(deputyId, orgId, contentType, data).update();
    }

    Optional<Photo> photo(long deputyId) {
        return jdbc.sql("select content_type, data from deputy_photo where deputy_id = ?").param(deputyId)
                .query((rs, n) -> new Photo(rs.getString(1), rs.getBytes(2))).optional();
    }

    boolean hasPhoto(long deputyId) {
        return jdbc.sql("select count(*) from deputy_photo where deputy_id = ?").param(deputyId).query(Integer.class)
                .single() > 0;
    }

    record Photo(String contentType, byte[] data) {}

    private static Row row(ResultSet rs, int n) throws SQLException {
        return new Row(rs.getLong("id"), rs.getLong("org_id"), rs.getObject("user_id", Long.class),
                new Person(rs.getString("name"), rs.getString("gender"), rs.getObject("birth_date", LocalDate.class),
                        rs.getString("ethnicity"), rs.getString("party"), rs.getString("education"),
                        rs.getString("occupation"), rs.getString("workplace"), rs.getString("phone"),
                        rs.getString("id_number"), rs.getString("bio")),
                rs.getString("public_code"), rs.getBoolean("nameplate_active"), rs.getString("nameplate_reason"),
                rs.getObject("nameplate_changed_on", LocalDate.class), rs.getInt("version"));
    }

    private static Seat seat(ResultSet rs, int n) throws SQLException {
        return new Seat(rs.getLong("id"), rs.getLong("deputy_id"), rs.getLong("org_id"), rs.getLong("congress_org_id"),
                DeputyLevel.valueOf(rs.getString("level")), rs.getInt("term_no"), rs.getInt("term_start"),
                rs.getInt("term_end"), rs.getString("constituency"), rs.getString("deputy_group"),
                rs.getString("station"), rs.getString("card_number"), MandateStatus.valueOf(rs.getString("status")),
                rs.getObject("status_since", LocalDate.class), rs.getInt("version"));
    }
}
