package org.renda.appraisal;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.renda.appraisal.VoteScale.Level;
import org.renda.appraisal.VoteScale.RateRule;
import org.renda.shared.DomainException;

/**
 * The published export of a closed vote, from which anyone can recount it: a CSV whose first column names
 * the kind of line. It holds the scale, the rate rule and threshold, the subjects, the tellers' paper
 * tallies, the announced results, and every anonymous ballot (sorted by its random id, one column per
 * subject; {@code ABSTAIN} where the voter abstained). The {@code slips} line (the number of paper slips the
 * tellers counted) lets a recount tell a blank or spoilt paper vote from an abstention. The text is canonical (fixed order, "\n" line ends, UTF-8): its SHA-256 is what the
 * installation signs.
 *
 * <pre>
 * vote,17,2026年度工作评议满意度测评
 * rule,SATISFIED_SHARE,0.7000
 * slips,2
 * level,SATISFIED,满意,100,1
 * subject,301,交通运输局
 * paper,301,SATISFIED,12
 * result,301,30,0.8667,3,0
 * ballot,0b6f…,SATISFIED,FAIRLY,…
 * </pre>
 */
final class VoteExport {

    private VoteExport() {}

    /** Everything a recount needs; {@code ballots} by subject id. */
    record Content(long voteId, String title, RateRule rule, BigDecimal threshold, int paperBallots, List<Level> levels,
            List<Tally.Subject> subjects, Map<Long, Map<String, Integer>> paper, List<Tally.Row> results,
            List<Map.Entry<String, Map<Long, String>>> ballots) {}

    /** What a recount found: the recomputed results and whether they equal the announced ones. */
    record Recount(long voteId, String title, int ballots, int paperBallots, List<Tally.Row> recounted,
            boolean matches) {}

    static String write(Content c) {
        StringBuilder out = new StringBuilder();
        line(out, "vote", String.valueOf(c.voteId()), c.title());
        line(out, "rule", c.rule().name(), c.threshold().setScale(4, java.math.RoundingMode.HALF_UP).toPlainString());
        line(out, "slips", String.valueOf(c.paperBallots()));
        for (Level l : c.levels()) {
            line(out, "level", l.code(), l.label(), l.score().stripTrailingZeros().toPlainString(),
                    l.satisfied() ? "1" : "0");
        }
        for (Tally.Subject s : c.subjects()) {
            line(out, "subject", String.valueOf(s.id()), s.title());
        }
        for (Tally.Subject s : c.subjects()) {
            for (Level l : c.levels()) {
                int n = c.paper().getOrDefault(s.id(), Map.of()).getOrDefault(l.code(), 0);
                if (n > 0) {
                    line(out, "paper", String.valueOf(s.id()), l.code(), String.valueOf(n));
                }
            }
        }
        for (Tally.Row r : c.results()) {
            line(out, "result", String.valueOf(r.subjectId()), String.valueOf(r.valid()), r.rate().toPlainString(),
                    String.valueOf(r.rankNo()), r.below() ? "1" : "0");
        }
        c.ballots().stream().sorted(Map.Entry.comparingByKey()).forEach(b -> {
            List<String> cells = new ArrayList<>();
            cells.add("ballot");
            cells.add(b.getKey());
            c.subjects().forEach(s -> cells.add(Objects.requireNonNullElse(b.getValue().get(s.id()), "")));
            line(out, cells.toArray(String[]::new));
        });
        return out.toString();
    }

    /** Recounts the ballots and paper tallies of an export and compares with the results it announces. */
    static Recount recount(String csv) {
        long voteId = -1;
        String title = "";
        RateRule rule = RateRule.SATISFIED_SHARE;
        BigDecimal threshold = BigDecimal.ZERO;
        int slips = 0;
        List<Level> levels = new ArrayList<>();
        List<Tally.Subject> subjects = new ArrayList<>();
        Map<Long, Map<String, Integer>> paper = new HashMap<>();
        Map<Long, String> announced = new LinkedHashMap<>();
        List<Map<Long, String>> ballots = new ArrayList<>();
        try {
            for (String raw : csv.replace("\r\n", "\n").split("\n")) {
                if (raw.isBlank()) {
                    continue;
                }
                List<String> f = parse(raw);
                switch (f.get(0)) {
                    case "vote" -> {
                        voteId = Long.parseLong(f.get(1));
                        title = f.get(2);
                    }
                    case "rule" -> {
                        rule = RateRule.valueOf(f.get(1));
                        threshold = new BigDecimal(f.get(2));
                    }
                    case "slips" -> slips = Integer.parseInt(f.get(1));
                    case "level" -> levels.add(new Level(f.get(1), f.get(2), new BigDecimal(f.get(3)), "1".equals(f.get(4))));
                    case "subject" -> subjects.add(new Tally.Subject(Long.parseLong(f.get(1)), f.get(2)));
                    case "paper" -> paper.computeIfAbsent(Long.parseLong(f.get(1)), k -> new HashMap<>())
                            .merge(f.get(2), Integer.parseInt(f.get(3)), Integer::sum);
                    case "result" -> announced.put(Long.parseLong(f.get(1)), String.join(",", f.subList(2, f.size())));
                    case "ballot" -> {
                        Map<Long, String> b = new HashMap<>();
                        for (int i = 0; i < subjects.size(); i++) {
                            String v = i + 2 < f.size() ? f.get(i + 2) : "";
                            if (!v.isEmpty()) {
                                b.put(subjects.get(i).id(), v);
                            }
                        }
                        ballots.add(b);
                    }
                    default -> throw new IllegalArgumentException(f.get(0));
                }
            }
        } catch (RuntimeException e) {
            throw new DomainException("vote.error.export");
        }
        if (voteId < 0 || levels.isEmpty()) {
            throw new DomainException("vote.error.export");
        }
        List<Tally.Row> rows = Tally.compute(levels, rule, threshold, subjects, ballots, paper);
        boolean matches = rows.size() == announced.size() && rows.stream().allMatch(r -> (r.valid() + ","
                + r.rate().toPlainString() + "," + r.rankNo() + "," + (r.below() ? "1" : "0"))
                .equals(announced.get(r.subjectId())));
        return new Recount(voteId, title, ballots.size(), slips, rows, matches);
    }

    /** {@link #recount}, or empty when the text is not an export. */
    static java.util.Optional<Recount> tryRecount(String csv) {
        try {
            return java.util.Optional.of(recount(csv));
        } catch (DomainException e) {
            return java.util.Optional.empty();
        }
    }

    private static void line(StringBuilder out, String... cells) {
        for (int i = 0; i < cells.length; i++) {
            if (i > 0) {
                out.append(',');
            }
            String v = cells[i].replace('\n', ' ').replace('\r', ' ');
            if (v.contains(",") || v.contains("\"")) {
                out.append('"').append(v.replace("\"", "\"\"")).append('"');
            } else {
                out.append(v);
            }
        }
        out.append('\n');
    }

    /** One RFC 4180 line (quoted fields, doubled quotes; no line breaks inside fields). */
    static List<String> parse(String line) {
        List<String> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char ch = line.charAt(i);
            if (quoted) {
                if (ch == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    cur.append('"');
                    i++;
                } else if (ch == '"') {
                    quoted = false;
                } else {
                    cur.append(ch);
                }
            } else if (ch == '"') {
                quoted = true;
            } else if (ch == ',') {
                out.add(cur.toString());
                cur.setLength(0);
            } else {
                cur.append(ch);
            }
        }
        out.add(cur.toString());
        return out;
    }
}
