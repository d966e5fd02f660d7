package org.renda.appraisal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.math.BigDecimal;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.renda.appraisal.AppraisalEnums.CampaignKind;
import org.renda.appraisal.VoteScale.RateRule;
import org.renda.appraisal.VoteViews.SubjectView;
import org.renda.appraisal.VoteViews.VoteSummary;
import org.renda.identity.Logins;
import org.renda.org.OrgTree;
import org.renda.support.RendaIntegrationTest;
import org.renda.support.TestDatabases;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The linking test: 30 known voters, some signed in, vote through the real voting page in a random order.
 * Given a full dump of the database (every table, every row, the ballots' physical order) and the whole
 * application log, no column or log line relates a ballot to a voter: each ballot is consistent with all
 * 30 voters, and neither the ballots' ids nor their physical order follows the order of voting better
 * than chance (an attacker who even knows who voted when still guesses about one in thirty).
 */
@RendaIntegrationTest
class BallotSecrecyTest {

    private static final int VOTERS = 30;
    private static final String[] LEVELS = {"SATISFIED", "FAIRLY", "BASIC", "UNSATISFIED"};

    @Autowired MockMvc mvc;
    @Autowired UserDetailsService accounts;
    @Autowired AppraisalDesk desk;
    @Autowired VoteDesk votes;
    @Autowired OrgTree orgs;
    @Autowired JdbcClient jdbc;

    @Test
    void aFullDumpAndTheLogCannotMatchABallotToAVoterBetterThanChance() throws Exception {
        long county = orgs.findByCode("QH").orElseThrow().id();
        String title = "保密性测试 " + System.nanoTime();
        VoteSummary vote = As.user(accounts, "county.staff", () -> {
            var c = desk.create(new AppraisalDesk.NewCampaign(county, 2026, title, CampaignKind.UNITS,
                    new BigDecimal("0.7"), false));
            desk.addSubject(c.id(), "", orgs.findByCode("QH-D01").orElseThrow().id());
            desk.addSubject(c.id(), "", orgs.findByCode("QH-D02").orElseThrow().id());
            desk.addSubject(c.id(), "", orgs.findByCode("QH-D03").orElseThrow().id());
            return votes.createForCampaign(c.id(), title, VoteScale.FOUR_LEVEL, RateRule.SATISFIED_SHARE);
        });
        long voteId = vote.id();
        List<SubjectView> subjects = As.user(accounts, "county.staff", () -> votes.detail(voteId)).subjects();
        List<VoteDesk.Voter> voters = new ArrayList<>();
        long base = 7_000_000 + (System.nanoTime() % 1_000) * 100;
        for (int i = 0; i < VOTERS; i++) {
            voters.add(new VoteDesk.Voter(base + i, "测试代表" + (char) ('甲' + i)));
        }
        List<String> codes = As.user(accounts, "county.staff", () -> {
            votes.addToRoll(voteId, voters);
            Set<Long> all = new HashSet<>();
            votes.roll(voteId).forEach(r -> all.add(r.id()));
            votes.markIssued(voteId, all);
            List<String> c = votes.printCodes(voteId, VOTERS);
            votes.open(voteId);
            return c;
        });

        // Ground truth: voter i draws code i and casts a ballot no other voter casts (content identifies voter i).
        Map<String, Integer> voterOfBallot = new HashMap<>();
        List<Map<Long, String>> ballotOf = new ArrayList<>();
        for (int i = 0; i < VOTERS; i++) {
            Map<Long, String> b = new LinkedHashMap<>();
            b.put(subjects.get(0).id(), LEVELS[i % 4]);
            b.put(subjects.get(1).id(), LEVELS[(i / 4) % 4]);
            b.put(subjects.get(2).id(), LEVELS[(i / 16) % 4]);
            ballotOf.add(b);
            voterOfBallot.put(BallotBox.encode(b), i);
        }
        assertThat(voterOfBallot).hasSize(VOTERS);
        List<Integer> order = new ArrayList<>(IntStream.range(0, VOTERS).boxed().toList());
        Collections.shuffle(order, new SecureRandom());

        ListAppender<ILoggingEvent> log = new ListAppender<>();
        log.start();
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        root.addAppender(log);
        long auditBefore = auditCount();
        try {
            for (int i : order) {
                var req = post("/public/votes/" + vote.publicCode()).with(csrf()).param("code", codes.get(i));
                ballotOf.get(i).forEach((s, l) -> req.param("s" + s, l));
                if (i % 3 == 0) {
                    req.with(Logins.as(accounts, i % 2 == 0 ? "deputy.li" : "deputy.zhao")); // signed in: must not matter
                }
                var r = mvc.perform(req).andReturn();
                assertThat(r.getResponse().getStatus()).isEqualTo(302);
            }
            assertThat(auditCount()).as("casting a ballot writes no audit entry").isEqualTo(auditBefore);
            As.run(accounts, "county.staff", () -> votes.close(voteId));
        } finally {
            root.detachAppender(log);
        }

        // 1. The dump: every row of every table of the schema, as text.
        Map<String, List<Map<String, Object>>> dump = dump();
        List<Map<String, Object>> ballots = dump.get("ballot").stream()
                .filter(r -> Objects.equals(num(r.get("vote_id")), voteId)).toList();
        List<Map<String, Object>> roll = dump.get("vote_roll").stream()
                .filter(r -> Objects.equals(num(r.get("vote_id")), voteId)).toList();
        assertThat(ballots).hasSize(VOTERS);
        assertThat(roll).hasSize(VOTERS);
        assertThat(dump.get("ballot").get(0).keySet()).containsExactlyInAnyOrder("id", "vote_id", "org_id", "choices");
        assertThat(roll.get(0).keySet()).containsExactlyInAnyOrder("id", "vote_id", "org_id", "deputy_id", "name", "issued");
        assertThat(roll).allSatisfy(r -> assertThat(r.get("issued")).isEqualTo(Boolean.TRUE));

        Set<String> ballotIds = new HashSet<>();
        ballots.forEach(b -> ballotIds.add(String.valueOf(b.get("id"))));
        Set<String> voterValues = new HashSet<>();
        voters.forEach(v -> {
            voterValues.add(String.valueOf(v.deputyId()));
            voterValues.add(v.name());
        });
        Set<String> codeValues = new HashSet<>();
        codes.forEach(c -> {
            codeValues.add(c);
            codeValues.add(BallotBox.display(c));
        });
        for (var table : dump.entrySet()) {
            for (Map<String, Object> row : table.getValue()) {
                for (var column : row.entrySet()) {
                    String text = String.valueOf(column.getValue());
                    // The published export is the ballot box itself (ids and choices), by design.
                    boolean export = table.getKey().equals("vote") && column.getKey().equals("export_csv");
                    assertThat(codeValues.stream().noneMatch(text::contains)).as("no code in %s", table.getKey()).isTrue();
                    if (!table.getKey().equals("ballot") && !export) {
                        assertThat(ballotIds.stream().noneMatch(text::contains)).as("no ballot id in %s", table.getKey())
                                .isTrue();
                    }
                    if (!table.getKey().equals("vote_roll")) {
                        assertThat(voterValues.contains(text) || voters.stream().anyMatch(v -> text.contains(v.name())))
                                .as("no voter in %s", table.getKey()).isFalse();
                    }
                }
            }
        }
        // For each ballot, the voters consistent with the dump: those sharing no value with it beyond the vote
        // and its organisation (which every voter and ballot share). That is every voter.
        for (Map<String, Object> b : ballots) {
            int consistent = 0;
            for (Map<String, Object> r : roll) {
                Set<String> shared = new HashSet<>();
                for (var bc : b.entrySet()) {
                    if (bc.getKey().equals("vote_id") || bc.getKey().equals("org_id")) {
                        continue;
                    }
                    for (var rc : r.entrySet()) {
                        if (!rc.getKey().equals("vote_id") && !rc.getKey().equals("org_id")
                                && String.valueOf(bc.getValue()).equals(String.valueOf(rc.getValue()))) {
                            shared.add(bc.getKey());
                        }
                    }
                }
                consistent += shared.isEmpty() ? 1 : 0;
            }
            assertThat(consistent).isEqualTo(VOTERS);
        }

        // 2. Order: neither the ids nor the physical order of the ballots follows the order of voting.
        List<Integer> byPhysical = physicalOrder(voteId).stream().map(voterOfBallot::get).toList();
        List<Integer> byId = ballots.stream().sorted((x, y) -> String.valueOf(x.get("id")).compareTo(String.valueOf(y.get("id"))))
                .map(r -> voterOfBallot.get(String.valueOf(r.get("choices")))).toList();
        assertThat(byPhysical).containsExactlyInAnyOrderElementsOf(order);
        for (List<Integer> attackerOrder : List.of(byPhysical, byId)) {
            // An attacker who knows who voted k-th guesses that the k-th ballot is theirs.
            int hits = 0;
            for (int k = 0; k < VOTERS; k++) {
                hits += attackerOrder.get(k).equals(order.get(k)) ? 1 : 0;
            }
            // Chance: 1 expected; 8 or more has probability about 1e-5 for a random permutation.
            assertThat(hits).as("guesses right by order").isLessThan(8);
            assertThat(Math.abs(spearman(attackerOrder, order))).as("rank correlation with the order of voting")
                    .isLessThan(0.7);
        }
        // The roll gives no order either: its ids follow the roll as loaded, all issued in one statement.
        if (TestDatabases.postgres()) {
            assertThat(jdbc.sql("select count(distinct cast(cast(xmin as text) as bigint)) from ballot where vote_id = ?")
                    .param(voteId).query(Long.class).single()).as("all ballots rewritten by the close's transaction")
                    .isEqualTo(1L);
        }

        // 3. The log: nothing about the ballots, the codes or the voters.
        List<String> lines = log.list.stream().map(e -> e.getFormattedMessage() + " " + e.getMDCPropertyMap()).toList();
        for (String line : lines) {
            assertThat(codeValues.stream().noneMatch(line::contains)).as(line).isTrue();
            assertThat(ballotIds.stream().noneMatch(line::contains)).as(line).isTrue();
            assertThat(voters.stream().noneMatch(v -> line.contains(v.name()))).as(line).isTrue();
            assertThat(line).doesNotContain("deputy.li", "deputy.zhao", "127.0.0.1");
        }
    }

    private long auditCount() {
        return jdbc.sql("select count(*) from audit_event").query(Long.class).single();
    }

    private Map<String, List<Map<String, Object>>> dump() {
        List<String> tables = jdbc.sql("""
                select table_name from information_schema.tables
                where table_schema = current_schema() and table_type in ('BASE TABLE', 'TABLE')""")
                .query(String.class).list();
        assertThat(tables).contains("ballot", "vote_roll", "vote_credential", "audit_event", "vote");
        Map<String, List<Map<String, Object>>> out = new LinkedHashMap<>();
        for (String t : tables) {
            out.put(t.toLowerCase(), jdbc.sql("select * from " + t).query().listOfRows());
        }
        return out;
    }

    /** The ballots' choices in the order the storage keeps them (PostgreSQL: ctid; H2: _rowid_). */
    private List<String> physicalOrder(long voteId) {
        String sql = TestDatabases.postgres() ? "select choices from ballot where vote_id = ? order by ctid"
                : "select choices from ballot where vote_id = ? order by _rowid_";
        return jdbc.sql(sql).param(voteId).query(String.class).list();
    }

    private static Long num(Object o) {
        return o == null ? null : ((Number) o).longValue();
    }

    /** Spearman's rank correlation between two orderings of the same voters. */
    private static double spearman(List<Integer> a, List<Integer> b) {
        int n = a.size();
        Map<Integer, Integer> posB = new HashMap<>();
        for (int i = 0; i < n; i++) {
            posB.put(b.get(i), i);
        }
        double d2 = 0;
        for (int i = 0; i < n; i++) {
            double d = i - posB.get(a.get(i));
            d2 += d * d;
        }
        return 1 - 6 * d2 / (n * ((double) n * n - 1));
    }
}
