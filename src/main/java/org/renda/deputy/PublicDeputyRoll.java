package org.renda.deputy;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The deputies' public read model for one congress (亮身份、晒成绩): every deputy in office of the congress whose
 * nameplate is up, with the constituency and the verified duty counts of the term and of the year, exactly what
 * their public page ({@link PublicDeputyPages}) already shows. No field here could carry a phone, an ID number, a
 * birth date, a workplace or an account.
 */
@Service
@Transactional(readOnly = true)
public class PublicDeputyRoll {

    /** A deputy on the congress's public list; {@code code} opens their public page. */
    public record PublicDeputy(String name, String code, @Nullable String constituency, @Nullable String deputyGroup,
            int termStart, int termEnd, int termDuties, int yearDuties) {}

    /** The congress's deputies and the year's verified duties of them all. */
    public record Roll(int year, List<PublicDeputy> deputies, int yearDuties, int termDuties) {}

    private final JdbcClient jdbc;

    PublicDeputyRoll(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The deputies of the congress of {@code congressOrgId}, by constituency and name. */
    public Roll ofCongress(long congressOrgId, LocalDate today) {
        record Seat(long id, String name, String code, @Nullable String constituency, @Nullable String group,
                int termStart, int termEnd) {}
        Map<Long, Seat> seats = new LinkedHashMap<>();
        jdbc.sql("""
                select d.id, d.name, d.public_code, m.constituency, m.deputy_group, m.term_start, m.term_end
                  from deputy d join deputy_mandate m on m.deputy_id = d.id
                 where m.congress_org_id = ? and d.nameplate_active = true and m.status in ('ELECTED', 'BY_ELECTED')
                 order by m.constituency, d.name, d.public_code""").param(congressOrgId)
                .query(rs -> {
                    seats.putIfAbsent(rs.getLong(1), new Seat(rs.getLong(1), rs.getString(2), rs.getString(3),
                            rs.getString(4), rs.getString(5), rs.getInt(6), rs.getInt(7)));
                });
        int year = today.getYear();
        if (seats.isEmpty()) {
            return new Roll(year, List.of(), 0, 0);
        }
        int from = seats.values().stream().mapToInt(Seat::termStart).min().orElse(year);
        int to = Math.max(year, seats.values().stream().mapToInt(Seat::termEnd).max().orElse(year));
        // verified duties per deputy and year, over the years of the terms: one query for the whole congress
        Map<Long, Map<Integer, Integer>> perYear = new HashMap<>();
        jdbc.sql("""
                select deputy_id, extract(year from occurred_on), count(*) from duty_record
                 where deputy_id in (:ids) and status = 'VERIFIED' and occurred_on between :from and :to
                 group by deputy_id, extract(year from occurred_on)""")
                .param("ids", seats.keySet()).param("from", LocalDate.of(from, 1, 1))
                .param("to", LocalDate.of(to, 12, 31))
                .query(rs -> {
                    perYear.computeIfAbsent(rs.getLong(1), k -> new HashMap<>()).put(rs.getInt(2), rs.getInt(3));
                });
        List<PublicDeputy> out = new ArrayList<>();
        for (Seat s : seats.values()) {
            Map<Integer, Integer> counts = perYear.getOrDefault(s.id(), Map.of());
            int term = counts.entrySet().stream().filter(e -> e.getKey() >= s.termStart() && e.getKey() <= s.termEnd())
                    .mapToInt(Map.Entry::getValue).sum();
            out.add(new PublicDeputy(s.name(), s.code(), s.constituency(), s.group(), s.termStart(), s.termEnd(), term,
                    counts.getOrDefault(year, 0)));
        }
        // 第2选区 before 第10选区 (the number, not the text), then names as a Chinese reader orders them
        java.text.Collator chinese = java.text.Collator.getInstance(java.util.Locale.CHINA);
        out.sort(java.util.Comparator.comparingInt((PublicDeputy d) -> number(d.constituency()))
                .thenComparing(d -> d.constituency() == null ? "" : d.constituency())
                .thenComparing(PublicDeputy::name, chinese));
        return new Roll(year, out, out.stream().mapToInt(PublicDeputy::yearDuties).sum(),
                out.stream().mapToInt(PublicDeputy::termDuties).sum());
    }

    /** The first number in a constituency's name (第12选区 → 12); without one, after every numbered one. */
    static int number(@Nullable String constituency) {
        if (constituency == null) {
            return Integer.MAX_VALUE;
        }
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\d+").matcher(constituency);
        return m.find() && m.group().length() < 9 ? Integer.parseInt(m.group()) : Integer.MAX_VALUE - 1;
    }
}
