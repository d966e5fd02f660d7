package org.renda.meeting;

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
import org.renda.meeting.ElectionEnums.ElectionKind;
import org.renda.meeting.ElectionEnums.ElectionStatus;
import org.renda.meeting.ElectionEnums.ElectionStep;
import org.renda.meeting.ElectionEnums.Nomination;
import org.renda.meeting.ElectionEnums.ReviewOutcome;
import org.renda.meeting.ElectionEnums.VoidReason;
import org.renda.meeting.ElectionViews.CandidateView;
import org.renda.meeting.ElectionViews.ElectionTallyView;
import org.renda.shared.Reach;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** The election tables. Lists take a Reach; rows by id are guarded by the desk. */
@Repository
class ElectionStore {

    private final JdbcClient jdbc;

    ElectionStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    record Row(long id, long orgId, ElectionKind kind, String title, @Nullable Long meetingId, @Nullable String sitting,
            @Nullable String office, @Nullable String district, @Nullable String vacancy, @Nullable String level,
            @Nullable Integer termNo, @Nullable Integer termStart, @Nullable Integer termEnd, int seats,
            @Nullable Integer registeredVoters, ElectionStatus status, @Nullable ReviewOutcome reviewOutcome,
            @Nullable LocalDate reviewOn, @Nullable String reviewBy, @Nullable String reviewReasons, String createdBy) {}

    record NewElection(ElectionKind kind, String title, @Nullable Long meetingId, @Nullable String sitting,
            @Nullable String office, @Nullable String district, @Nullable String vacancy, @Nullable String level,
            @Nullable Integer termNo, @Nullable Integer termStart, @Nullable Integer termEnd, int seats,
            @Nullable Integer registeredVoters) {}

    record StepRow(ElectionStep step, LocalDate doneOn, @Nullable String note, String recordedBy) {}

    record NewRound(int roundNo, LocalDate heldOn, @Nullable Integer ballotsIssued, @Nullable Integer ballotsReturned,
            @Nullable Integer ballotsValid, @Nullable Integer ballotsInvalid, @Nullable Integer deputiesInOffice,
            @Nullable Integer registeredVoters, @Nullable Integer votesCast, boolean valid,
            @Nullable VoidReason voidReason, String tellers, String scrutineers) {}

    record RoundRow(long id, NewRound data, String recordedBy) {}

    record TallyRow(long roundId, long candidateId, int votesFor, @Nullable Integer votesAgainst,
            @Nullable Integer votesAbstain, boolean elected) {}

    long insert(long orgId, NewElection e, String by) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into election (org_id, kind, title, meeting_id, sitting, office, district, vacancy, level,
                                      term_no, term_start, term_end, seats, registered_voters, status, created_by,
                                      created_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(orgId, e.kind().name(), e.title(), e.meetingId(), e.sitting(), e.office(), e.district(),
                        e.vacancy(), e.level(), e.termNo(), e.termStart(), e.termEnd(), e.seats(),
                        e.registeredVoters(), ElectionStatus.OPEN.name(), by, OffsetDateTime.now())
                .update(keys, "id");
        return keys.getKeyAs(Number.class).longValue();
    }

    Optional<Row> byId(long id) {
        return jdbc.sql("select * from election where id = ?").param(id).query(ElectionStore::row).optional();
    }

    /** The elections held at one meeting (by parent: the caller has guarded the meeting). */
    List<Row> byMeeting(long meetingId) {
        return jdbc.sql("select * from election where meeting_id = ? order by id").param(meetingId)
                .query(ElectionStore::row).list();
    }

    /** Elections within the reach, newest first; a kind narrows them. */
    List<Row> list(Reach reach, @Nullable ElectionKind kind) {
        if (reach.isEmpty()) {
            return List.of();
        }
        Map<String, Object> params = new HashMap<>(reach.params());
        String sql = "select * from election where " + reach.sql("org_id");
        if (kind != null) {
            sql += " and kind = :kind";
            params.put("kind", kind.name());
        }
        return jdbc.sql(sql + " order by id desc").params(params).query(ElectionStore::row).list();
    }

    void setStatus(long id, ElectionStatus status) {
        jdbc.sql("update election set status = ? where id = ?").params(status.name(), id).update();
    }

    void setReview(long id, ReviewOutcome outcome, LocalDate on, String by, @Nullable String reasons) {
        jdbc.sql("update election set review_outcome = ?, review_on = ?, review_by = ?, review_reasons = ? where id = ?")
                .params(outcome.name(), on, by, reasons, id).update();
    }

    List<StepRow> steps(long electionId) {
        return jdbc.sql("select step, done_on, note, recorded_by from election_step where election_id = ? order by done_on, id")
                .param(electionId)
                .query((rs, n) -> new StepRow(ElectionStep.valueOf(rs.getString(1)), rs.getObject(2, LocalDate.class),
                        rs.getString(3), rs.getString(4)))
                .list();
    }

    /** Steps of many elections at once (the list's checklists), by election id. */
    Map<Long, List<StepRow>> steps(Collection<Long> electionIds) {
        Map<Long, List<StepRow>> out = new HashMap<>();
        if (electionIds.isEmpty()) {
            return out;
        }
        jdbc.sql("select election_id, step, done_on, note, recorded_by from election_step where election_id in (:ids)"
                        + " order by done_on, id")
                .param("ids", electionIds)
                .query(rs -> {
                    out.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(new StepRow(
                            ElectionStep.valueOf(rs.getString(2)), rs.getObject(3, LocalDate.class), rs.getString(4),
                            rs.getString(5)));
                });
        return out;
    }

    void insertStep(long electionId, long orgId, ElectionStep step, LocalDate on, @Nullable String note, String by) {
        jdbc.sql("""
                insert into election_step (election_id, org_id, step, done_on, note, recorded_by, recorded_at)
                values (?, ?, ?, ?, ?, ?, ?)""")
                .params(electionId, orgId, step.name(), on, note, by, OffsetDateTime.now()).update();
    }

    long insertCandidate(long electionId, long orgId, String name, @Nullable String gender, @Nullable LocalDate birth,
            @Nullable String occupation, @Nullable String party, Nomination nomination, @Nullable Integer nominators,
            @Nullable Long deputyId) {
        int order = jdbc.sql("select count(*) from election_candidate where election_id = ?").param(electionId)
                .query(Integer.class).single();
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into election_candidate (election_id, org_id, name, gender, birth_date, occupation, party,
                                                nomination, nominators, deputy_id, elected, sort_order)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, false, ?)""")
                .params(electionId, orgId, name, gender, birth, occupation, party, nomination.name(), nominators,
                        deputyId, order + 1)
                .update(keys, "id");
        return keys.getKeyAs(Number.class).longValue();
    }

    List<CandidateView> candidates(long electionId) {
        return jdbc.sql("select * from election_candidate where election_id = ? order by sort_order, id")
                .param(electionId).query(ElectionStore::candidate).list();
    }

    Optional<CandidateView> candidate(long electionId, long candidateId) {
        return jdbc.sql("select * from election_candidate where election_id = ? and id = ?")
                .params(electionId, candidateId).query(ElectionStore::candidate).optional();
    }

    void markElected(long candidateId) {
        jdbc.sql("update election_candidate set elected = true where id = ?").param(candidateId).update();
    }

    void setOath(long candidateId, LocalDate on, String by, String place) {
        jdbc.sql("update election_candidate set oath_on = ?, oath_by = ?, oath_place = ? where id = ?")
                .params(on, by, place, candidateId).update();
    }

    void setSeatDeputy(long candidateId, long deputyId) {
        jdbc.sql("update election_candidate set seat_deputy_id = ? where id = ?").params(deputyId, candidateId).update();
    }

    long insertRound(long electionId, long orgId, NewRound r, String by) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into election_round (election_id, org_id, round_no, held_on, ballots_issued, ballots_returned,
                                            ballots_valid, ballots_invalid, deputies_in_office, registered_voters,
                                            votes_cast, valid, void_reason, tellers, scrutineers, recorded_by,
                                            recorded_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(electionId, orgId, r.roundNo(), r.heldOn(), r.ballotsIssued(), r.ballotsReturned(),
                        r.ballotsValid(), r.ballotsInvalid(), r.deputiesInOffice(), r.registeredVoters(),
                        r.votesCast(), r.valid(), r.voidReason() == null ? null : r.voidReason().name(), r.tellers(),
                        r.scrutineers(), by, OffsetDateTime.now())
                .update(keys, "id");
        return keys.getKeyAs(Number.class).longValue();
    }

    void insertTally(long roundId, long orgId, TallyRow t) {
        jdbc.sql("""
                insert into election_tally (round_id, org_id, candidate_id, votes_for, votes_against, votes_abstain,
                                            elected)
                values (?, ?, ?, ?, ?, ?, ?)""")
                .params(roundId, orgId, t.candidateId(), t.votesFor(), t.votesAgainst(), t.votesAbstain(), t.elected())
                .update();
    }

    List<RoundRow> rounds(long electionId) {
        return jdbc.sql("select * from election_round where election_id = ? order by round_no").param(electionId)
                .query((rs, n) -> new RoundRow(rs.getLong("id"), new NewRound(rs.getInt("round_no"),
                        rs.getObject("held_on", LocalDate.class), integer(rs, "ballots_issued"),
                        integer(rs, "ballots_returned"), integer(rs, "ballots_valid"), integer(rs, "ballots_invalid"),
                        integer(rs, "deputies_in_office"), integer(rs, "registered_voters"), integer(rs, "votes_cast"),
                        rs.getBoolean("valid"), rs.getString("void_reason") == null ? null
                                : VoidReason.valueOf(rs.getString("void_reason")),
                        rs.getString("tellers"), rs.getString("scrutineers")), rs.getString("recorded_by")))
                .list();
    }

    List<ElectionTallyView> tallies(long roundId) {
        return jdbc.sql("""
                select t.candidate_id, c.name, t.votes_for, t.votes_against, t.votes_abstain, t.elected
                from election_tally t join election_candidate c on c.id = t.candidate_id
                where t.round_id = ? order by c.sort_order, c.id""")
                .param(roundId)
                .query((rs, n) -> new ElectionTallyView(rs.getLong(1), rs.getString(2), rs.getInt(3), integer(rs, "votes_against"),
                        integer(rs, "votes_abstain"), rs.getBoolean(6)))
                .list();
    }

    /** The date of each election's last valid round, by election id (the list and the export). */
    Map<Long, LocalDate> votedOn(Collection<Long> electionIds) {
        Map<Long, LocalDate> out = new HashMap<>();
        if (electionIds.isEmpty()) {
            return out;
        }
        jdbc.sql("select election_id, max(held_on) from election_round where valid = true and election_id in (:ids)"
                        + " group by election_id")
                .param("ids", electionIds)
                .query(rs -> {
                    out.put(rs.getLong(1), rs.getObject(2, LocalDate.class));
                });
        return out;
    }

    /** The names of those elected, by election id. */
    Map<Long, List<String>> electedNames(Collection<Long> electionIds) {
        Map<Long, List<String>> out = new HashMap<>();
        if (electionIds.isEmpty()) {
            return out;
        }
        jdbc.sql("select election_id, name from election_candidate where elected = true and election_id in (:ids)"
                        + " order by sort_order, id")
                .param("ids", electionIds)
                .query(rs -> {
                    out.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(rs.getString(2));
                });
        return out;
    }

    /** Counts of the candidates elected and sworn, by election id. */
    Map<Long, int[]> electedAndSworn(Collection<Long> electionIds) {
        Map<Long, int[]> out = new HashMap<>();
        if (electionIds.isEmpty()) {
            return out;
        }
        jdbc.sql("""
                select election_id, sum(case when elected then 1 else 0 end),
                       sum(case when oath_on is not null then 1 else 0 end), sum(case when seat_deputy_id is not null then 1 else 0 end)
                from election_candidate where election_id in (:ids) group by election_id""")
                .param("ids", electionIds)
                .query(rs -> {
                    out.put(rs.getLong(1), new int[] {rs.getInt(2), rs.getInt(3), rs.getInt(4)});
                });
        return out;
    }

    private static @Nullable Integer integer(ResultSet rs, String column) throws SQLException {
        int v = rs.getInt(column);
        return rs.wasNull() ? null : v;
    }

    private static Row row(ResultSet rs, int n) throws SQLException {
        return new Row(rs.getLong("id"), rs.getLong("org_id"), ElectionKind.valueOf(rs.getString("kind")),
                rs.getString("title"), rs.getObject("meeting_id") == null ? null : rs.getLong("meeting_id"),
                rs.getString("sitting"), rs.getString("office"), rs.getString("district"), rs.getString("vacancy"),
                rs.getString("level"), integer(rs, "term_no"), integer(rs, "term_start"), integer(rs, "term_end"),
                rs.getInt("seats"), integer(rs, "registered_voters"), ElectionStatus.valueOf(rs.getString("status")),
                rs.getString("review_outcome") == null ? null : ReviewOutcome.valueOf(rs.getString("review_outcome")),
                rs.getObject("review_on", LocalDate.class), rs.getString("review_by"), rs.getString("review_reasons"),
                rs.getString("created_by"));
    }

    private static CandidateView candidate(ResultSet rs, int n) throws SQLException {
        return new CandidateView(rs.getLong("id"), rs.getString("name"), rs.getString("gender"),
                rs.getObject("birth_date", LocalDate.class), rs.getString("occupation"), rs.getString("party"),
                Nomination.valueOf(rs.getString("nomination")), integer(rs, "nominators"),
                rs.getObject("deputy_id") == null ? null : rs.getLong("deputy_id"), rs.getBoolean("elected"),
                rs.getObject("oath_on", LocalDate.class), rs.getString("oath_by"), rs.getString("oath_place"),
                rs.getObject("seat_deputy_id") == null ? null : rs.getLong("seat_deputy_id"));
    }
}
