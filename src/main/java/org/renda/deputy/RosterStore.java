package org.renda.deputy;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The batch reads of the roster's import and export, so that a file of hundreds of rows costs a handful
 * of queries rather than several per row. Writes go through {@link DeputyRegister}.
 */
@Repository
class RosterStore {

    /** Bound ids per {@code in (...)}: comfortably below every database's parameter limit. */
    private static final int CHUNK = 500;

    private final JdbcClient jdbc;

    RosterStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A registered deputy as the import needs to know them. */
    record Known(long id, long orgId, String name, @Nullable String idNumber) {}

    /** A seat identified as the import compares seats: congress, level, term. */
    record SeatKey(long congressOrgId, DeputyLevel level, int termNo) {}

    /** A seat of a deputy found by name: for rows that carry no ID number. */
    record NamedSeat(Known deputy, SeatKey seat) {}

    /** A deputy's personal fields for the export. */
    record Person(long id, long orgId, String name, @Nullable String gender, @Nullable LocalDate birthDate,
            @Nullable String ethnicity, @Nullable String party, @Nullable String education,
            @Nullable String occupation, @Nullable String workplace, @Nullable String phone,
            @Nullable String idNumber) {}

    /** A seat for the export, with the document of its latest status change. */
    record Seat(long id, long deputyId, long congressOrgId, DeputyLevel level, int termNo, int termStart, int termEnd,
            @Nullable String constituency, @Nullable String deputyGroup, @Nullable String station,
            @Nullable String cardNumber, MandateStatus status, LocalDate statusSince) {}

    Map<String, Known> byIdNumbers(Collection<String> idNumbers) {
        Map<String, Known> out = new HashMap<>();
        for (List<String> chunk : chunks(idNumbers)) {
            jdbc.sql("select id, org_id, name, id_number from deputy where id_number in (:ids)")
                    .param("ids", chunk)
                    .query((rs, n) -> new Known(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4)))
                    .list().forEach(k -> out.put(k.idNumber(), k));
        }
        return out;
    }

    Map<Long, List<SeatKey>> seatKeys(Collection<Long> deputyIds) {
        Map<Long, List<SeatKey>> out = new HashMap<>();
        for (List<Long> chunk : chunks(deputyIds)) {
            jdbc.sql("select deputy_id, congress_org_id, level, term_no from deputy_mandate where deputy_id in (:ids)")
                    .param("ids", chunk)
                    .query(rs -> {
                        out.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(
                                new SeatKey(rs.getLong(2), DeputyLevel.valueOf(rs.getString(3)), rs.getInt(4)));
                    });
        }
        return out;
    }

    /** The seats of deputies of these organisations who bear one of these names. */
    List<NamedSeat> seatsByName(Collection<Long> orgIds, Collection<String> names) {
        if (orgIds.isEmpty()) {
            return List.of();
        }
        List<NamedSeat> out = new ArrayList<>();
        for (List<String> chunk : chunks(names)) {
            out.addAll(jdbc.sql("""
                            select d.id, d.org_id, d.name, d.id_number, m.congress_org_id, m.level, m.term_no
                            from deputy d join deputy_mandate m on m.deputy_id = d.id
                            where d.org_id in (:orgs) and d.name in (:names)""")
                    .param("orgs", orgIds).param("names", chunk)
                    .query((rs, n) -> new NamedSeat(
                            new Known(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4)),
                            new SeatKey(rs.getLong(5), DeputyLevel.valueOf(rs.getString(6)), rs.getInt(7))))
                    .list());
        }
        return out;
    }

    /** The deputies' personal fields, keyed and ordered as the ids are given. */
    Map<Long, Person> persons(List<Long> ids) {
        Map<Long, Person> found = new HashMap<>();
        for (List<Long> chunk : chunks(ids)) {
            jdbc.sql("""
                            select id, org_id, name, gender, birth_date, ethnicity, party, education, occupation,
                                   workplace, phone, id_number
                            from deputy where id in (:ids)""")
                    .param("ids", chunk)
                    .query((rs, n) -> new Person(rs.getLong("id"), rs.getLong("org_id"), rs.getString("name"),
                            rs.getString("gender"), rs.getObject("birth_date", LocalDate.class),
                            rs.getString("ethnicity"), rs.getString("party"), rs.getString("education"),
                            rs.getString("occupation"), rs.getString("workplace"), rs.getString("phone"),
                            rs.getString("id_number")))
                    .list().forEach(p -> found.put(p.id(), p));
        }
        Map<Long, Person> ordered = new LinkedHashMap<>();
        ids.forEach(id -> {
            Person p = found.get(id);
            if (p != null) {
                ordered.put(id, p);
            }
        });
        return ordered;
    }

    /** Each deputy's seats, newest term first. */
    Map<Long, List<Seat>> seats(Collection<Long> deputyIds) {
        Map<Long, List<Seat>> out = new HashMap<>();
        for (List<Long> chunk : chunks(deputyIds)) {
            jdbc.sql("select * from deputy_mandate where deputy_id in (:ids) order by deputy_id, term_start desc, level, id")
                    .param("ids", chunk)
                    .query((rs, n) -> new Seat(rs.getLong("id"), rs.getLong("deputy_id"), rs.getLong("congress_org_id"),
                            DeputyLevel.valueOf(rs.getString("level")), rs.getInt("term_no"), rs.getInt("term_start"),
                            rs.getInt("term_end"), rs.getString("constituency"), rs.getString("deputy_group"),
                            rs.getString("station"), rs.getString("card_number"),
                            MandateStatus.valueOf(rs.getString("status")),
                            rs.getObject("status_since", LocalDate.class)))
                    .list().forEach(s -> out.computeIfAbsent(s.deputyId(), k -> new ArrayList<>()).add(s));
        }
        return out;
    }

    /** The deciding document of each seat's latest status change (if it names one). */
    Map<Long, String> latestDocuments(Collection<Long> seatIds) {
        Map<Long, String> out = new HashMap<>();
        for (List<Long> chunk : chunks(seatIds)) {
            jdbc.sql("select mandate_id, document from mandate_status_change where mandate_id in (:ids)"
                            + " order by mandate_id, effective_on, id")
                    .param("ids", chunk)
                    .query(rs -> {
                        String doc = rs.getString(2);
                        if (doc == null) {
                            out.remove(rs.getLong(1));
                        } else {
                            out.put(rs.getLong(1), doc);
                        }
                    });
        }
        return out;
    }

    private static <T> List<List<T>> chunks(Collection<T> values) {
        List<T> all = List.copyOf(new java.util.LinkedHashSet<>(values));
        List<List<T>> out = new ArrayList<>();
        for (int i = 0; i < all.size(); i += CHUNK) {
            out.add(all.subList(i, Math.min(all.size(), i + CHUNK)));
        }
        return out;
    }
}
