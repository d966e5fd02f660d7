package org.renda.meeting;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.renda.meeting.MeetingEnums.MeetingKind;
import org.renda.meeting.MeetingEnums.MeetingState;
import org.renda.meeting.MeetingEnums.MotionKind;
import org.renda.meeting.MeetingEnums.Post;
import org.renda.meeting.MeetingEnums.ResolutionKind;
import org.renda.meeting.MeetingEnums.ResolutionState;
import org.renda.meeting.MeetingEnums.Response;
import org.renda.shared.DomainException;
import org.renda.shared.Reach;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** The meeting tables: meetings, agenda, materials, attendees, motions, speeches, resolutions, presidiums. */
@Repository
class MeetingStore {

    private final JdbcClient jdbc;

    MeetingStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    record Row(long id, long orgId, MeetingKind kind, String title, @Nullable Integer termNo, @Nullable Integer sessionNo,
            LocalDate startsOn, LocalDate endsOn, LocalTime startsAt, String place, MeetingState state,
            @Nullable String minutes, int version) {}

    record NewMeeting(long orgId, MeetingKind kind, String title, @Nullable Integer termNo, @Nullable Integer sessionNo,
            LocalDate startsOn, LocalDate endsOn, LocalTime startsAt, String place) {}

    record AgendaRow(long id, long meetingId, long orgId, int seq, String title, @Nullable LocalDate heldOn,
            @Nullable LocalTime atTime, @Nullable String presenter) {}

    record MaterialRow(long id, long meetingId, long orgId, String title, String fileName, String contentType,
            int sizeBytes) {}

    record MaterialFile(long id, long meetingId, long orgId, String fileName, String contentType, byte[] data) {}

    record AttendeeRow(long meetingId, long deputyId, Response response, @Nullable String leaveReason, boolean present) {}

    record MotionRow(long id, long meetingId, long orgId, long deputyId, MotionKind kind, String title, long caseId,
            String caseReceipt) {}

    record SpeechRow(long id, long meetingId, long orgId, long deputyId, String topic) {}

    record ResolutionRow(long id, long meetingId, long orgId, int seq, ResolutionKind kind, String title, String body,
            ResolutionState state, @Nullable Integer votesFor, @Nullable Integer votesAgainst,
            @Nullable Integer votesAbstain, @Nullable Integer notVoting, @Nullable Integer present,
            @Nullable Integer base, @Nullable Boolean passed, @Nullable String announcedBy, int version) {}

    record Counts(int votesFor, int votesAgainst, int votesAbstain, int notVoting, int present, int base,
            boolean passed) {}

    record PresidiumRow(long id, long orgId, int termNo, boolean confirmed, int version) {}

    record MemberRow(long deputyId, Post post, int seq) {}

    static void concurrent(int updated) {
        if (updated == 0) {
            throw new DomainException("error.concurrentEdit");
        }
    }

    // ---- meetings

    long insert(NewMeeting m, String by) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into meeting (org_id, kind, title, term_no, session_no, starts_on, ends_on, starts_at, place,
                                     state, created_by, created_at, version)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, 'DRAFT', ?, ?, 0)""")
                .params(m.orgId(), m.kind().name(), m.title(), m.termNo(), m.sessionNo(), m.startsOn(), m.endsOn(),
                        m.startsAt(), m.place(), by, OffsetDateTime.now())
                .update(keys, "id");
        return keys.getKeyAs(Number.class).longValue();
    }

    void update(long id, int version, NewMeeting m) {
        concurrent(jdbc.sql("""
                update meeting set title = ?, term_no = ?, session_no = ?, starts_on = ?, ends_on = ?, starts_at = ?,
                                   place = ?, version = version + 1
                where id = ? and version = ?""").params(m.title(), m.termNo(), m.sessionNo(), m.startsOn(),
                m.endsOn(), m.startsAt(), m.place(), id, version).update());
    }

    void setState(long id, int version, MeetingState state) {
        String column = switch (state) {
            case NOTIFIED -> "notified_at";
            case IN_SESSION -> "opened_at";
            case CLOSED -> "closed_at";
            case DRAFT -> "created_at";
        };
        concurrent(jdbc.sql("update meeting set state = ?, " + column + " = ?, version = version + 1"
                + " where id = ? and version = ?").params(state.name(), OffsetDateTime.now(), id, version).update());
    }

    void setMinutes(long id, int version, @Nullable String minutes) {
        concurrent(jdbc.sql("update meeting set minutes = ?, version = version + 1 where id = ? and version = ?")
                .params(minutes, id, version).update());
    }

    Optional<Row> byId(long id) {
        return jdbc.sql("select * from meeting where id = ?").param(id).query(MeetingStore::row).optional();
    }

    List<Row> list(Reach reach, LocalDate from, LocalDate to) {
        if (reach.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("select * from meeting where " + reach.sql("org_id")
                        + " and starts_on between :from and :to order by starts_on desc, id desc")
                .params(reach.params()).param("from", from).param("to", to).query(MeetingStore::row).list();
    }

    /** Meetings a deputy is invited to, from a day on, soonest first. */
    List<Row> ofDeputy(long deputyId, LocalDate from) {
        return jdbc.sql("""
                select m.* from meeting m join meeting_attendee a on a.meeting_id = m.id
                where a.deputy_id = ? and m.ends_on >= ? and m.state <> 'DRAFT' order by m.starts_on, m.id""")
                .params(deputyId, from).query(MeetingStore::row).list();
    }

    /** Notified meetings starting in a window: the reminder job reads them with the system's reach. */
    List<Row> notifiedBetween(Reach reach, LocalDate from, LocalDate to) {
        if (reach.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("select * from meeting where " + reach.sql("org_id")
                        + " and state = 'NOTIFIED' and starts_on between :from and :to order by starts_on, id")
                .params(reach.params()).param("from", from).param("to", to).query(MeetingStore::row).list();
    }

    /** Meetings of a kind held (opened or closed) in a period, per organisation in reach. */
    Map<Long, Integer> heldPerOrg(Reach reach, MeetingKind kind, LocalDate from, LocalDate to) {
        Map<Long, Integer> out = new LinkedHashMap<>();
        if (reach.isEmpty()) {
            return out;
        }
        jdbc.sql("select org_id, count(*) from meeting where " + reach.sql("org_id") + " and kind = :kind"
                        + " and state in ('IN_SESSION', 'CLOSED') and starts_on between :from and :to group by org_id")
                .params(reach.params()).param("kind", kind.name()).param("from", from).param("to", to)
                .query(rs -> {
                    out.put(rs.getLong(1), rs.getInt(2));
                });
        return out;
    }

    private static Row row(ResultSet rs, int n) throws SQLException {
        return new Row(rs.getLong("id"), rs.getLong("org_id"), MeetingKind.valueOf(rs.getString("kind")),
                rs.getString("title"), (Integer) rs.getObject("term_no", Integer.class),
                (Integer) rs.getObject("session_no", Integer.class), rs.getObject("starts_on", LocalDate.class),
                rs.getObject("ends_on", LocalDate.class), rs.getObject("starts_at", LocalTime.class),
                rs.getString("place"), MeetingState.valueOf(rs.getString("state")), rs.getString("minutes"),
                rs.getInt("version"));
    }

    // ---- agenda

    long addAgenda(long meetingId, long orgId, String title, @Nullable LocalDate heldOn, @Nullable LocalTime atTime,
            @Nullable String presenter) {
        int seq = jdbc.sql("select coalesce(max(seq), 0) + 1 from meeting_agenda_item where meeting_id = ?")
                .param(meetingId).query(Integer.class).single();
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into meeting_agenda_item (meeting_id, org_id, seq, title, held_on, at_time, presenter)
                values (?, ?, ?, ?, ?, ?, ?)""").params(meetingId, orgId, seq, title, heldOn, atTime, presenter)
                .update(keys, "id");
        return keys.getKeyAs(Number.class).longValue();
    }

    Optional<AgendaRow> agendaItem(long id) {
        return jdbc.sql("select * from meeting_agenda_item where id = ?").param(id).query(MeetingStore::agendaRow)
                .optional();
    }

    void deleteAgenda(long id) {
        jdbc.sql("delete from meeting_agenda_item where id = ?").param(id).update();
    }

    List<AgendaRow> agenda(long meetingId) {
        return jdbc.sql("select * from meeting_agenda_item where meeting_id = ? order by seq, id").param(meetingId)
                .query(MeetingStore::agendaRow).list();
    }

    private static AgendaRow agendaRow(ResultSet rs, int n) throws SQLException {
        return new AgendaRow(rs.getLong("id"), rs.getLong("meeting_id"), rs.getLong("org_id"), rs.getInt("seq"),
                rs.getString("title"), rs.getObject("held_on", LocalDate.class), rs.getObject("at_time", LocalTime.class),
                rs.getString("presenter"));
    }

    // ---- materials

    long addMaterial(long meetingId, long orgId, String title, String fileName, String contentType, byte[] data,
            String by) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into meeting_material (meeting_id, org_id, title, file_name, content_type, size_bytes, data,
                                              created_by, created_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(meetingId, orgId, title, fileName, contentType, data.length, data, by, OffsetDateTime.now())
                .update(keys, "id");
        return keys.getKeyAs(Number.class).longValue();
    }

    List<MaterialRow> materials(long meetingId) {
        return jdbc.sql("""
                select id, meeting_id, org_id, title, file_name, content_type, size_bytes from meeting_material
                where meeting_id = ? order by id""").param(meetingId)
                .query((rs, n) -> new MaterialRow(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getString(4),
                        rs.getString(5), rs.getString(6), rs.getInt(7))).list();
    }

    Optional<MaterialFile> material(long id) {
        return jdbc.sql("select id, meeting_id, org_id, file_name, content_type, data from meeting_material where id = ?")
                .param(id).query((rs, n) -> new MaterialFile(rs.getLong(1), rs.getLong(2), rs.getLong(3),
                        rs.getString(4), rs.getString(5), rs.getBytes(6))).optional();
    }

    void deleteMaterial(long id) {
        jdbc.sql("delete from meeting_material where id = ?").param(id).update();
    }

    // ---- attendees

    /** Invites a deputy unless invited already; answers whether the row is new. */
    boolean invite(long meetingId, long orgId, long deputyId) {
        int n = jdbc.sql("""
                insert into meeting_attendee (meeting_id, deputy_id, org_id, response, present)
                select ?, ?, ?, 'PENDING', false
                where not exists (select 1 from meeting_attendee where meeting_id = ? and deputy_id = ?)""")
                .params(meetingId, deputyId, orgId, meetingId, deputyId).update();
        return n > 0;
    }

    List<AttendeeRow> attendees(long meetingId) {
        return jdbc.sql("select * from meeting_attendee where meeting_id = ? order by deputy_id").param(meetingId)
                .query(MeetingStore::attendeeRow).list();
    }

    Optional<AttendeeRow> attendee(long meetingId, long deputyId) {
        return jdbc.sql("select * from meeting_attendee where meeting_id = ? and deputy_id = ?")
                .params(meetingId, deputyId).query(MeetingStore::attendeeRow).optional();
    }

    void respond(long meetingId, long deputyId, Response response, @Nullable String reason) {
        jdbc.sql("""
                update meeting_attendee set response = ?, leave_reason = ?, responded_at = ?
                where meeting_id = ? and deputy_id = ?""")
                .params(response.name(), reason, OffsetDateTime.now(), meetingId, deputyId).update();
    }

    void setPresent(long meetingId, long deputyId, boolean present) {
        jdbc.sql("update meeting_attendee set present = ?, checked_in_at = ? where meeting_id = ? and deputy_id = ?")
                .params(present, present ? OffsetDateTime.now() : null, meetingId, deputyId).update();
    }

    private static AttendeeRow attendeeRow(ResultSet rs, int n) throws SQLException {
        return new AttendeeRow(rs.getLong("meeting_id"), rs.getLong("deputy_id"),
                Response.valueOf(rs.getString("response")), rs.getString("leave_reason"), rs.getBoolean("present"));
    }

    // ---- motions and speeches

    long addMotion(long meetingId, long orgId, long deputyId, MotionKind kind, String title, long caseId,
            String receipt) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into meeting_motion (meeting_id, org_id, deputy_id, motion_kind, title, case_id, case_receipt,
                                            created_at)
                values (?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(meetingId, orgId, deputyId, kind.name(), title, caseId, receipt, OffsetDateTime.now())
                .update(keys, "id");
        return keys.getKeyAs(Number.class).longValue();
    }

    List<MotionRow> motions(long meetingId) {
        return jdbc.sql("select * from meeting_motion where meeting_id = ? order by id").param(meetingId)
                .query((rs, n) -> new MotionRow(rs.getLong("id"), rs.getLong("meeting_id"), rs.getLong("org_id"),
                        rs.getLong("deputy_id"), MotionKind.valueOf(rs.getString("motion_kind")),
                        rs.getString("title"), rs.getLong("case_id"), rs.getString("case_receipt"))).list();
    }

    long addSpeech(long meetingId, long orgId, long deputyId, String topic) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("insert into meeting_speech (meeting_id, org_id, deputy_id, topic, created_at) values (?, ?, ?, ?, ?)")
                .params(meetingId, orgId, deputyId, topic, OffsetDateTime.now()).update(keys, "id");
        return keys.getKeyAs(Number.class).longValue();
    }

    List<SpeechRow> speeches(long meetingId) {
        return jdbc.sql("select * from meeting_speech where meeting_id = ? order by id").param(meetingId)
                .query((rs, n) -> new SpeechRow(rs.getLong("id"), rs.getLong("meeting_id"), rs.getLong("org_id"),
                        rs.getLong("deputy_id"), rs.getString("topic"))).list();
    }

    // ---- resolutions

    long addResolution(long meetingId, long orgId, ResolutionKind kind, String title, String body) {
        int seq = jdbc.sql("select coalesce(max(seq), 0) + 1 from meeting_resolution where meeting_id = ?")
                .param(meetingId).query(Integer.class).single();
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into meeting_resolution (meeting_id, org_id, seq, kind, title, body, state, version)
                values (?, ?, ?, ?, ?, ?, 'DRAFT', 0)""").params(meetingId, orgId, seq, kind.name(), title, body)
                .update(keys, "id");
        return keys.getKeyAs(Number.class).longValue();
    }

    Optional<ResolutionRow> resolution(long id) {
        return jdbc.sql("select * from meeting_resolution where id = ?").param(id).query(MeetingStore::resolutionRow)
                .optional();
    }

    List<ResolutionRow> resolutions(long meetingId) {
        return jdbc.sql("select * from meeting_resolution where meeting_id = ? order by seq, id").param(meetingId)
                .query(MeetingStore::resolutionRow).list();
    }

    void recordVote(long id, int version, Counts c, String by) {
        concurrent(jdbc.sql("""
                update meeting_resolution set state = 'VOTED', votes_for = ?, votes_against = ?, votes_abstain = ?,
                       not_voting = ?, present = ?, base = ?, passed = ?, voted_by = ?, voted_at = ?,
                       version = version + 1
                where id = ? and version = ? and state <> 'ANNOUNCED'""")
                .params(c.votesFor(), c.votesAgainst(), c.votesAbstain(), c.notVoting(), c.present(), c.base(),
                        c.passed(), by, OffsetDateTime.now(), id, version).update());
    }

    void announce(long id, int version, String by) {
        concurrent(jdbc.sql("""
                update meeting_resolution set state = 'ANNOUNCED', announced_by = ?, announced_at = ?,
                       version = version + 1
                where id = ? and version = ? and state = 'VOTED'""").params(by, OffsetDateTime.now(), id, version)
                .update());
    }

    private static ResolutionRow resolutionRow(ResultSet rs, int n) throws SQLException {
        return new ResolutionRow(rs.getLong("id"), rs.getLong("meeting_id"), rs.getLong("org_id"), rs.getInt("seq"),
                ResolutionKind.valueOf(rs.getString("kind")), rs.getString("title"), rs.getString("body"),
                ResolutionState.valueOf(rs.getString("state")), rs.getObject("votes_for", Integer.class),
                rs.getObject("votes_against", Integer.class), rs.getObject("votes_abstain", Integer.class),
                rs.getObject("not_voting", Integer.class), rs.getObject("present", Integer.class),
                rs.getObject("base", Integer.class), rs.getObject("passed", Boolean.class),
                rs.getString("announced_by"), rs.getInt("version"));
    }

    // ---- presidium

    Optional<PresidiumRow> presidium(long orgId, int termNo) {
        return jdbc.sql("select * from meeting_presidium where org_id = ? and term_no = ?").params(orgId, termNo)
                .query(MeetingStore::presidiumRow).optional();
    }

    Optional<PresidiumRow> presidium(long id) {
        return jdbc.sql("select * from meeting_presidium where id = ?").param(id).query(MeetingStore::presidiumRow)
                .optional();
    }

    long insertPresidium(long orgId, int termNo) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("insert into meeting_presidium (org_id, term_no, confirmed, version) values (?, ?, false, 0)")
                .params(orgId, termNo).update(keys, "id");
        return keys.getKeyAs(Number.class).longValue();
    }

    void replaceMembers(long presidiumId, long orgId, List<MemberRow> members) {
        jdbc.sql("delete from meeting_presidium_member where presidium_id = ?").param(presidiumId).update();
        for (MemberRow m : members) {
            jdbc.sql("""
                    insert into meeting_presidium_member (presidium_id, org_id, deputy_id, post, seq)
                    values (?, ?, ?, ?, ?)""").params(presidiumId, orgId, m.deputyId(), m.post().name(), m.seq())
                    .update();
        }
        jdbc.sql("update meeting_presidium set version = version + 1 where id = ?").param(presidiumId).update();
    }

    void confirmPresidium(long id, int version) {
        concurrent(jdbc.sql("""
                update meeting_presidium set confirmed = true, confirmed_at = ?, version = version + 1
                where id = ? and version = ?""").params(OffsetDateTime.now(), id, version).update());
    }

    List<MemberRow> members(long presidiumId) {
        return jdbc.sql("select deputy_id, post, seq from meeting_presidium_member where presidium_id = ? order by seq")
                .param(presidiumId).query((rs, n) -> new MemberRow(rs.getLong(1), Post.valueOf(rs.getString(2)),
                        rs.getInt(3))).list();
    }

    private static PresidiumRow presidiumRow(ResultSet rs, int n) throws SQLException {
        return new PresidiumRow(rs.getLong("id"), rs.getLong("org_id"), rs.getInt("term_no"),
                rs.getBoolean("confirmed"), rs.getInt("version"));
    }
}
