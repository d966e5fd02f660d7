package org.renda.appraisal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.renda.appraisal.AppraisalEnums.CampaignKind;
import org.renda.appraisal.AppraisalViews.RectificationView;
import org.renda.appraisal.VoteScale.RateRule;
import org.renda.appraisal.VoteViews.Invariants;
import org.renda.appraisal.VoteViews.SubjectResult;
import org.renda.appraisal.VoteViews.SubjectView;
import org.renda.appraisal.VoteViews.VoteDetail;
import org.renda.appraisal.VoteViews.VoteSummary;
import org.renda.calendar.Deadlines;
import org.renda.org.OrgTree;
import org.renda.shared.DomainException;
import org.renda.shared.NotFoundException;
import org.renda.support.RendaIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;

/** A campaign's vote from the roll to the signed results, on both databases; exactly once under replays. */
@RendaIntegrationTest
class VoteFlowTest {

    @Autowired UserDetailsService accounts;
    @Autowired AppraisalDesk desk;
    @Autowired VoteDesk votes;
    @Autowired BallotBox box;
    @Autowired Rectifications rectifications;
    @Autowired AppraisalResults results;
    @Autowired Deadlines deadlines;
    @Autowired OrgTree orgs;
    @Autowired JdbcClient jdbc;

    long org(String code) {
        return orgs.findByCode(code).orElseThrow().id();
    }

    /** A campaign of three units, its vote with 12 deputies on the roll, 10 of them issued, 15 codes printed. */
    record Setup(long campaignId, VoteSummary vote, List<SubjectView> subjects, List<String> codes) {}

    Setup setup(String title) {
        return As.user(accounts, "county.staff", () -> {
            var c = desk.create(new AppraisalDesk.NewCampaign(org("QH"), 2026, title, CampaignKind.UNITS,
                    new BigDecimal("0.7"), false));
            desk.addSubject(c.id(), "", org("QH-D11"));
            desk.addSubject(c.id(), "", org("QH-D02"));
            desk.addSubject(c.id(), "", org("QH-D13"));
            VoteSummary v = votes.createForCampaign(c.id(), title + "满意度测评", VoteScale.FOUR_LEVEL,
                    RateRule.SATISFIED_SHARE);
            List<VoteDesk.Voter> voters = new ArrayList<>();
            for (int i = 0; i < 12; i++) {
                voters.add(new VoteDesk.Voter(900_000 + i, "代表" + i));
            }
            votes.addToRoll(v.id(), voters);
            var roll = votes.roll(v.id());
            var issued = new HashSet<Long>();
            roll.subList(0, 10).forEach(r -> issued.add(r.id()));
            votes.markIssued(v.id(), issued);
            List<String> codes = votes.printCodes(v.id(), 15);
            return new Setup(c.id(), v, votes.detail(v.id()).subjects(), codes);
        });
    }

    Map<Long, String> choices(List<SubjectView> subjects, String... levels) {
        Map<Long, String> m = new HashMap<>();
        for (int i = 0; i < subjects.size(); i++) {
            m.put(subjects.get(i).id(), levels[i]);
        }
        return m;
    }

    @Test
    void aVoteFromTheRollToSignedResultsWithARectificationForTheUnitBelowTheThreshold() {
        Setup s = setup("清河县2026年度工作评议 " + System.nanoTime());
        long voteId = s.vote().id();
        assertThatThrownBy(() -> box.cast(s.vote().publicCode(), s.codes().get(0),
                choices(s.subjects(), "SATISFIED", "SATISFIED", "SATISFIED")))
                .isInstanceOf(DomainException.class).hasMessage("vote.error.notOpen");
        As.run(accounts, "county.staff", () -> votes.open(voteId));

        // 8 electronic ballots: 交通运输局 6 满意 2 较满意; 教育局 6 较满意 2 基本满意; 农业农村局 mostly 不满意.
        for (int i = 0; i < 8; i++) {
            box.cast(s.vote().publicCode(), s.codes().get(i).toLowerCase().substring(0, 5) + "-" + s.codes().get(i).substring(5),
                    choices(s.subjects(), i < 6 ? "SATISFIED" : "FAIRLY", i < 6 ? "FAIRLY" : "BASIC",
                            i < 2 ? "BASIC" : "UNSATISFIED"));
        }
        assertThatThrownBy(() -> box.cast(s.vote().publicCode(), s.codes().get(0),
                choices(s.subjects(), "SATISFIED", "SATISFIED", "SATISFIED")))
                .as("a spent code").isInstanceOf(DomainException.class).hasMessage("vote.error.code");
        assertThatThrownBy(() -> box.cast(s.vote().publicCode(), "ABCDE-FGHJK",
                choices(s.subjects(), "SATISFIED", "SATISFIED", "SATISFIED")))
                .as("an unknown code").isInstanceOf(DomainException.class).hasMessage("vote.error.code");
        assertThatThrownBy(() -> box.cast(s.vote().publicCode(), s.codes().get(9),
                Map.of(s.subjects().get(0).id(), "SATISFIED")))
                .as("every subject must be rated").isInstanceOf(DomainException.class)
                .hasMessage("vote.error.incomplete");

        // While open: the invariants, never a per-subject number.
        VoteDetail open = As.user(accounts, "county.staff", () -> votes.detail(voteId));
        assertThat(open.results()).isNull();
        assertThat(open.invariants()).isEqualTo(new Invariants(12, 10, 15, 8, 8, 0));
        assertThat(open.invariants().holds()).isTrue();

        // Two paper slips counted by the tellers.
        long transport = s.subjects().get(0).id();
        long farming = s.subjects().get(2).id();
        As.run(accounts, "county.staff", () -> votes.enterPaper(voteId, 2, Map.of(transport, Map.of("SATISFIED", 2),
                farming, Map.of("UNSATISFIED", 1))));
        assertThatThrownBy(() -> As.run(accounts, "county.staff",
                () -> votes.enterPaper(voteId, 1, Map.of(transport, Map.of("SATISFIED", 2)))))
                .isInstanceOf(DomainException.class).hasMessage("vote.error.paperSum");

        assertThatThrownBy(() -> As.user(accounts, "county.staff", () -> votes.close(voteId)))
                .as("the clerk prepares the vote; closing it is the presiding officer's act")
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> As.user(accounts, "anlan.chair", () -> votes.close(voteId)))
                .as("a town's chair presides over the town's votes only").isInstanceOf(NotFoundException.class);
        var closed = As.user(accounts, "county.director", () -> votes.close(voteId));
        assertThat(closed.electronicBallots()).isEqualTo(8);
        assertThat(closed.paperBallots()).isEqualTo(2);
        SubjectResult t = closed.rows().stream().filter(r -> r.subjectId() == transport).findFirst().orElseThrow();
        assertThat(t.electronic()).containsEntry("SATISFIED", 6).containsEntry("FAIRLY", 2);
        assertThat(t.paper()).containsEntry("SATISFIED", 2);
        assertThat(t.combined()).containsEntry("SATISFIED", 8).containsEntry("FAIRLY", 2);
        assertThat(t.rate()).isEqualByComparingTo("1");
        assertThat(t.rankNo()).isEqualTo(1);
        SubjectResult f = closed.rows().stream().filter(r -> r.subjectId() == farming).findFirst().orElseThrow();
        assertThat(f.valid()).isEqualTo(9);
        assertThat(f.returned()).as("8 electronic ballots and 2 paper slips").isEqualTo(10);
        assertThat(f.invalid()).as("one paper slip left 农业农村局 blank").isEqualTo(1);
        assertThat(f.abstained()).isZero();
        assertThat(f.rate()).isEqualByComparingTo("0");
        assertThat(f.below()).isTrue();
        assertThat(f.rankNo()).isEqualTo(3);

        // Anyone can recount the export and check the signature.
        String csv = As.user(accounts, "county.staff", () -> votes.export(voteId));
        var check = VoteDesk.verify(csv, closed.signature(), closed.publicKey());
        assertThat(check.resultsMatch()).isTrue();
        assertThat(check.signatureValid()).isTrue();
        assertThat(check.ballots()).isEqualTo(8);
        assertThat(VoteDesk.verify(csv.replace("UNSATISFIED", "SATISFIED"), closed.signature(), closed.publicKey())
                .signatureValid()).isFalse();
        assertThat(ResultSeal.sha256(csv.getBytes(java.nio.charset.StandardCharsets.UTF_8))).isEqualTo(closed.sha256());

        // 农业农村局 is below 70%: a rectification item, due three months on the county's calendar.
        List<RectificationView> ledger = As.user(accounts, "county.staff", () -> rectifications.ledger(s.campaignId()));
        assertThat(ledger).hasSize(1);
        assertThat(ledger.get(0).subjectTitle()).isEqualTo("农业农村局");
        assertThat(ledger.get(0).problem()).contains("0%", "70%");
        assertThat(ledger.get(0).dueOn()).isEqualTo(deadlines.dueDate(org("QH"), "RECTIFICATION_REPORT", LocalDate.now()));
        assertThat(ledger.get(0).dueOn()).isAfterOrEqualTo(LocalDate.now().plusMonths(3));

        // After the close: no more ballots; results for the assessment module.
        assertThatThrownBy(() -> box.cast(s.vote().publicCode(), s.codes().get(9),
                choices(s.subjects(), "SATISFIED", "SATISFIED", "SATISFIED")))
                .isInstanceOf(DomainException.class).hasMessage("vote.error.notOpen");
        Map<Long, BigDecimal> rates = As.user(accounts, "county.staff", () -> results.satisfactionRates(voteId));
        assertThat(rates).containsEntry(org("QH-D11"), new BigDecimal("1.0000"))
                .containsEntry(org("QH-D13"), new BigDecimal("0.0000"));
        assertThat(As.user(accounts, "county.director", () -> results.closedVotes()))
                .anyMatch(v -> v.voteId() == voteId);
        assertThatThrownBy(() -> As.user(accounts, "shiqiao.staff", () -> results.satisfactionRates(voteId)))
                .isInstanceOf(NotFoundException.class);
    }

    @Test
    void aVoteCreatedWithTheAbstainChoiceCountsAbstentionsApartAndOutOfTheRate() {
        String title = "述职评议弃权测试 " + System.nanoTime();
        VoteSummary v = As.user(accounts, "county.staff", () -> votes.create(new VoteDesk.NewVote(org("QH"), title,
                VoteScale.COMPETENCE, RateRule.SATISFIED_SHARE, new BigDecimal("0.8"), List.of("副县长甲", "副县长乙"),
                true)));
        VoteSummary without = As.user(accounts, "county.staff", () -> votes.create(new VoteDesk.NewVote(org("QH"),
                title + "（无弃权）", VoteScale.COMPETENCE, RateRule.SATISFIED_SHARE, new BigDecimal("0.8"),
                List.of("副县长丙"))));
        List<String> codes = As.user(accounts, "county.staff", () -> {
            List<VoteDesk.Voter> voters = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                voters.add(new VoteDesk.Voter(910_000 + i, "述职代表" + i));
            }
            votes.addToRoll(v.id(), voters);
            votes.addToRoll(without.id(), voters);
            var all = new HashSet<Long>();
            votes.roll(v.id()).forEach(r -> all.add(r.id()));
            votes.markIssued(v.id(), all);
            var other = new HashSet<Long>();
            votes.roll(without.id()).forEach(r -> other.add(r.id()));
            votes.markIssued(without.id(), other);
            List<String> out = new ArrayList<>(votes.printCodes(v.id(), 8));
            out.addAll(votes.printCodes(without.id(), 1));
            votes.open(v.id());
            votes.open(without.id());
            return out;
        });
        VoteDetail d = As.user(accounts, "county.staff", () -> votes.detail(v.id()));
        assertThat(d.offersAbstain()).isTrue();
        assertThat(d.levels()).extracting(VoteViews.LevelView::code).containsExactly("COMPETENT", "BASIC",
                "INCOMPETENT", "ABSTAIN");
        long a = d.subjects().get(0).id();
        long b = d.subjects().get(1).id();
        // 副县长甲: 3 称职, 1 不称职, 2 弃权 electronically; one paper slip abstains on him and leaves 乙 blank.
        String[] onA = {"COMPETENT", "COMPETENT", "COMPETENT", "INCOMPETENT", "ABSTAIN", "ABSTAIN"};
        for (int i = 0; i < onA.length; i++) {
            box.cast(v.publicCode(), codes.get(i), Map.of(a, onA[i], b, "COMPETENT"));
        }
        As.run(accounts, "county.staff", () -> votes.enterPaper(v.id(), 1, Map.of(a, Map.of("ABSTAIN", 1))));
        // Without the choice on the ballot, an abstention is refused like any unknown level.
        long c = As.user(accounts, "county.staff", () -> votes.detail(without.id())).subjects().get(0).id();
        assertThat(As.user(accounts, "county.staff", () -> votes.detail(without.id())).offersAbstain()).isFalse();
        assertThatThrownBy(() -> box.cast(without.publicCode(), codes.get(8), Map.of(c, "ABSTAIN")))
                .isInstanceOf(DomainException.class).hasMessage("vote.error.incomplete");
        assertThatThrownBy(() -> As.run(accounts, "county.staff",
                () -> votes.setLevel(v.id(), "ABSTAIN", BigDecimal.TEN, true))).isInstanceOf(DomainException.class);

        var closed = As.user(accounts, "county.director", () -> votes.close(v.id()));
        SubjectResult ra = closed.rows().stream().filter(r -> r.subjectId() == a).findFirst().orElseThrow();
        assertThat(ra.combined()).containsEntry("ABSTAIN", 3).containsEntry("COMPETENT", 3);
        assertThat(ra.abstained()).isEqualTo(3);
        assertThat(ra.valid()).as("abstentions are not valid votes").isEqualTo(4);
        assertThat(ra.returned()).isEqualTo(7);
        assertThat(ra.invalid()).isZero();
        assertThat(ra.rate()).as("3 称职 of 4 valid, the abstentions out of the denominator").isEqualByComparingTo("0.75");
        assertThat(ra.below()).isTrue();
        SubjectResult rb = closed.rows().stream().filter(r -> r.subjectId() == b).findFirst().orElseThrow();
        assertThat(rb.valid()).isEqualTo(6);
        assertThat(rb.invalid()).as("the paper slip left 乙 blank").isEqualTo(1);
        assertThat(rb.rate()).isEqualByComparingTo("1");
        String csv = As.user(accounts, "county.staff", () -> votes.export(v.id()));
        assertThat(csv).contains("level,ABSTAIN,弃权,0,0", "slips,1", "paper," + a + ",ABSTAIN,1");
        var check = VoteDesk.verify(csv, closed.signature(), closed.publicKey());
        assertThat(check.resultsMatch()).isTrue();
        assertThat(check.recounted()).filteredOn(r -> r.subjectId() == a).singleElement()
                .satisfies(r -> assertThat(r.abstained()).isEqualTo(3));
    }

    @Test
    void oneCodeReplayedAThousandTimesAtOnceCastsExactlyOneBallot() throws Exception {
        Setup s = setup("并发重放测试 " + System.nanoTime());
        long voteId = s.vote().id();
        As.run(accounts, "county.staff", () -> votes.open(voteId));
        String code = s.codes().get(3);
        Map<Long, String> ballot = choices(s.subjects(), "SATISFIED", "FAIRLY", "BASIC");
        int n = 1000;
        CountDownLatch ready = new CountDownLatch(n);
        CountDownLatch go = new CountDownLatch(1);
        AtomicInteger accepted = new AtomicInteger();
        AtomicInteger refused = new AtomicInteger();
        List<Throwable> other = java.util.Collections.synchronizedList(new ArrayList<>());
        ExecutorService pool = Executors.newFixedThreadPool(n);
        try {
            List<Future<?>> all = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                all.add(pool.submit(() -> {
                    ready.countDown();
                    try {
                        go.await();
                        box.cast(s.vote().publicCode(), code, ballot);
                        accepted.incrementAndGet();
                    } catch (DomainException e) {
                        if ("vote.error.code".equals(e.messageKey())) {
                            refused.incrementAndGet();
                        } else {
                            other.add(e);
                        }
                    } catch (Throwable e) {
                        other.add(e);
                    }
                    return null;
                }));
            }
            assertThat(ready.await(60, TimeUnit.SECONDS)).isTrue();
            go.countDown();
            for (Future<?> f : all) {
                f.get(120, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(other).isEmpty();
        assertThat(accepted.get()).isEqualTo(1);
        assertThat(refused.get()).isEqualTo(n - 1);
        Invariants inv = As.user(accounts, "county.staff", () -> votes.detail(voteId)).invariants();
        assertThat(inv.ballots()).isEqualTo(1);
        assertThat(inv.spent()).isEqualTo(1);
        assertThat(inv.holds()).isTrue();
        assertThat(jdbc.sql("select count(*) from ballot where vote_id = ?").param(voteId).query(Integer.class).single())
                .isEqualTo(1);
    }

    @Test
    void theInvariantsShowAStolenCodeUsedBeyondTheIssuedSlips() {
        Setup s = setup("不变量测试 " + System.nanoTime());
        long voteId = s.vote().id();
        As.run(accounts, "county.staff", () -> votes.open(voteId));
        // 10 issued, 15 printed: 11 ballots means a slip nobody signed for was used.
        for (int i = 0; i < 11; i++) {
            box.cast(s.vote().publicCode(), s.codes().get(i), choices(s.subjects(), "SATISFIED", "SATISFIED", "SATISFIED"));
        }
        Invariants inv = As.user(accounts, "county.staff", () -> votes.detail(voteId)).invariants();
        assertThat(inv.ballotsMatchSpent()).isTrue();
        assertThat(inv.spentWithinCredentials()).isTrue();
        assertThat(inv.issuedWithinEligible()).isTrue();
        assertThat(inv.castWithinIssued()).isFalse();
        assertThat(inv.holds()).isFalse();
    }

    @Test
    void outsideTheReachAVoteAndACampaignAnswerNotFound() {
        Setup s = setup("范围测试 " + System.nanoTime());
        long voteId = s.vote().id();
        assertThatThrownBy(() -> As.user(accounts, "shiqiao.staff", () -> votes.detail(voteId)))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> As.run(accounts, "anlan.staff", () -> votes.open(voteId)))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> As.user(accounts, "anlan.staff", () -> desk.campaign(s.campaignId())))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> As.user(accounts, "county.director", () -> votes.printCodes(voteId, 3)))
                .as("presiding reads, does not run the vote").isInstanceOf(NotFoundException.class);
        // The transport bureau sees its own unit only, and may keep its board.
        var own = As.user(accounts, "unit.jiaotong", () -> desk.campaign(s.campaignId()));
        assertThat(own.subjects()).extracting(AppraisalViews.SubjectLine::title).containsExactly("交通运输局");
        long transportSubject = own.subjects().get(0).id();
        As.run(accounts, "unit.jiaotong", () -> desk.addBoardItem(transportSubject,
                AppraisalEnums.BoardKind.KEY_PROJECT, "国道改线工程", "已完成路基 60%"));
        long other = As.user(accounts, "county.staff", () -> desk.campaign(s.campaignId())).subjects().stream()
                .filter(x -> x.title().equals("教育局")).findFirst().orElseThrow().id();
        assertThatThrownBy(() -> As.user(accounts, "unit.jiaotong", () -> desk.subject(other)))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> As.user(accounts, "unit.jiaotong", () -> desk.addBoardItem(other,
                AppraisalEnums.BoardKind.KEY_WORK, "x", null))).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> As.user(accounts, "unit.jiaotong", () -> votes.detail(voteId)))
                .isInstanceOf(NotFoundException.class);
    }
}
