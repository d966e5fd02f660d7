package org.renda.meeting;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.renda.meeting.MeetingEnums.ResolutionKind;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Meetings' public read model for the portal: a congress's sessions (人民代表大会会议) once closed, and their
 * resolutions and decisions whose results the presiding member announced, with the open vote's counts. Nothing of a
 * session still being prepared or sitting, no presidium meeting, no attendee, motion or minutes.
 */
@Service
@Transactional(readOnly = true)
public class PublicMeetings {

    /** A resolution as announced: the counts of the open vote against the base (all deputies in office). */
    public record PublicResolution(int seq, ResolutionKind kind, String title, int votesFor, int votesAgainst,
            int votesAbstain, int present, int base, boolean passed) {}

    public record PublicSession(String title, @Nullable Integer termNo, @Nullable Integer sessionNo,
            LocalDate startsOn, LocalDate endsOn, String place, List<PublicResolution> resolutions) {}

    private final JdbcClient jdbc;

    PublicMeetings(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The congress's closed sessions, latest first, with their announced resolutions in order. */
    public List<PublicSession> ofCongress(long congressOrgId) {
        record Row(long id, String title, @Nullable Integer termNo, @Nullable Integer sessionNo, LocalDate startsOn,
                LocalDate endsOn, String place) {}
        Map<Long, Row> sessions = new LinkedHashMap<>();
        jdbc.sql("""
                select id, title, term_no, session_no, starts_on, ends_on, place from meeting
                 where org_id = ? and kind = 'SESSION' and state = 'CLOSED' order by starts_on desc, id desc""")
                .param(congressOrgId)
                .query(rs -> {
                    sessions.put(rs.getLong(1), new Row(rs.getLong(1), rs.getString(2),
                            (Integer) rs.getObject(3, Integer.class), (Integer) rs.getObject(4, Integer.class),
                            rs.getObject(5, LocalDate.class), rs.getObject(6, LocalDate.class), rs.getString(7)));
                });
        if (sessions.isEmpty()) {
            return List.of();
        }
        Map<Long, List<PublicResolution>> resolutions = new LinkedHashMap<>();
        jdbc.sql("""
                select meeting_id, seq, kind, title, votes_for, votes_against, votes_abstain, present, base, passed
                  from meeting_resolution where meeting_id in (:ids) and state = 'ANNOUNCED' order by meeting_id, seq""")
                .param("ids", sessions.keySet())
                .query(rs -> {
                    resolutions.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(new PublicResolution(
                            rs.getInt(2), ResolutionKind.valueOf(rs.getString(3)), rs.getString(4), rs.getInt(5),
                            rs.getInt(6), rs.getInt(7), rs.getInt(8), rs.getInt(9), rs.getBoolean(10)));
                });
        return sessions.values().stream().map(r -> new PublicSession(r.title(), r.termNo(), r.sessionNo(),
                r.startsOn(), r.endsOn(), r.place(), resolutions.getOrDefault(r.id(), List.of()))).toList();
    }
}
