package org.renda.meeting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.renda.deputy.DeputyLevel;
import org.renda.deputy.DeputyRegister;
import org.renda.deputy.DeputyViews.DeputyProfile;
import org.renda.deputy.DeputyViews.MandateView;
import org.renda.deputy.MandateStatus;
import org.renda.identity.Logins;
import org.renda.meeting.ElectionDesk.CandidateForm;
import org.renda.meeting.ElectionDesk.ElectionCounted;
import org.renda.meeting.ElectionDesk.ElectionForm;
import org.renda.meeting.ElectionDesk.QualificationReviewForm;
import org.renda.meeting.ElectionDesk.ElectionRoundForm;
import org.renda.meeting.ElectionDesk.ElectionStepForm;
import org.renda.meeting.ElectionDesk.ElectionTallyForm;
import org.renda.meeting.ElectionEnums.ElectionKind;
import org.renda.meeting.ElectionEnums.ElectionStatus;
import org.renda.meeting.ElectionEnums.ElectionStep;
import org.renda.meeting.ElectionEnums.Nomination;
import org.renda.meeting.ElectionEnums.ReviewOutcome;
import org.renda.meeting.ElectionEnums.VoidReason;
import org.renda.meeting.ElectionViews.CandidateView;
import org.renda.meeting.ElectionViews.ElectionView;
import org.renda.org.OrgTree;
import org.renda.shared.DomainException;
import org.renda.shared.NotFoundException;
import org.renda.support.RendaIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * A by-election of a town deputy replayed from the vacancy to the new seat in the deputy register, as the town's
 * clerk records it and the presidium reviews it: every step in order and dated, a round where too few voters came
 * is void, only a confirmed qualification review adds the seat.
 */
@RendaIntegrationTest
class ByElectionReplayTest {

    private static final AtomicInteger SEQ = new AtomicInteger();

    @Autowired UserDetailsService accounts;
    @Autowired OrgTree orgs;
    @Autowired JdbcClient jdbc;
    @Autowired ElectionDesk desk;
    @Autowired DeputyRegister deputies;

    private final LocalDate today = LocalDate.now();

    private <T> T clerk(Supplier<T> work) {
        return Logins.call(accounts, "anlan.staff", work);
    }

    private <T> T chair(Supplier<T> work) {
        return Logins.call(accounts, "anlan.chair", work);
    }

    private long town() {
        return orgs.findByCode("QH-AL").orElseThrow().id();
    }

    private String unique(String name) {
        return name + (System.nanoTime() % 10_000) + SEQ.incrementAndGet();
    }

    /** A by-election in 安澜镇 with two candidates: 1,000 registered voters, the seat vacant 30 days ago. */
    private ElectionView opened(String first, String second) {
        return clerk(() -> {
            ElectionView e = desk.create(new ElectionForm(town(), ElectionKind.BY_ELECTION, "补选测试" + SEQ.get(), null,
                    null, null, "第9选区（测试）", "原代表辞职", today.minusDays(30), DeputyLevel.TOWN, 18, 2021, 2026, 1,
                    1000));
            desk.addCandidate(e.id(), new CandidateForm(first, "男", LocalDate.of(1980, 1, 2), "村党支部书记",
                    "中共党员", Nomination.PARTIES, null, null));
            return desk.addCandidate(e.id(), new CandidateForm(second, "女", null, "村民", "群众",
                    Nomination.VOTERS_JOINT, 12, null));
        });
    }

    private ElectionView voted(String first, String second) {
        ElectionView e = opened(first, second);
        return clerk(() -> {
            desk.recordStep(e.id(), new ElectionStepForm(ElectionStep.NOMINATED, today.minusDays(20), null));
            desk.recordStep(e.id(), new ElectionStepForm(ElectionStep.PUBLISHED, today.minusDays(15), "张榜公布"));
            List<CandidateView> cs = desk.get(e.id()).candidates();
            return desk.recordRound(e.id(), round(today.minusDays(10), 700, 500, 190, cs)).election();
        });
    }

    private static ElectionRoundForm round(LocalDate on, int cast, int first, int second, List<CandidateView> cs) {
        return new ElectionRoundForm(on, "计票甲、计票乙", "监票丙、监票丁", null, null, null, null, null, cast,
                List.of(new ElectionTallyForm(cs.get(0).id(), first, null, null), new ElectionTallyForm(cs.get(1).id(), second, null, null)));
    }

    private int rows(String table, long electionId) {
        return jdbc.sql("select count(*) from " + table + " where election_id = ?").param(electionId)
                .query(Integer.class).single();
    }

    @Test
    void aByElectionGoesFromTheVacancyToANewBySeatInTheRegisterStepByStep() {
        String name = unique("补选人");
        ElectionView e = opened(name, unique("另一人"));
        assertThat(e.steps()).extracting(s -> s.step()).containsExactly(ElectionStep.VACANCY, ElectionStep.NOMINATED,
                ElectionStep.PUBLISHED, ElectionStep.VOTED, ElectionStep.REVIEWED);
        assertThat(e.isDone(ElectionStep.VACANCY)).isTrue();
        assertThat(e.nextStep()).isEqualTo(ElectionStep.NOMINATED);
        int seatsBefore = clerk(() -> deputies.inOfficeCount(town()));

        clerk(() -> desk.recordStep(e.id(), new ElectionStepForm(ElectionStep.NOMINATED, today.minusDays(20), null)));
        assertThatThrownBy(() -> clerk(() -> desk.addCandidate(e.id(), new CandidateForm("迟到者", null, null, null, null,
                Nomination.PARTIES, null, null)))).isInstanceOf(DomainException.class)
                .hasFieldOrPropertyWithValue("messageKey", "election.error.nominationClosed");
        clerk(() -> desk.recordStep(e.id(), new ElectionStepForm(ElectionStep.PUBLISHED, today.minusDays(15), "张榜公布")));
        List<CandidateView> cs = clerk(() -> desk.get(e.id())).candidates();

        // 400 of 1,000 registered voters: not more than half voted, the round is void and elects nobody
        ElectionCounted low = clerk(() -> desk.recordRound(e.id(), round(today.minusDays(12), 400, 300, 90, cs)));
        assertThat(low.round().valid()).isFalse();
        assertThat(low.round().voidReason()).isEqualTo(VoidReason.TURNOUT);
        assertThat(low.anyElected()).isFalse();
        assertThat(low.election().isDone(ElectionStep.VOTED)).isFalse();

        // 700 voted: 500 votes is more than half of those who voted
        ElectionCounted good = clerk(() -> desk.recordRound(e.id(), round(today.minusDays(10), 700, 500, 190, cs)));
        assertThat(good.round().valid()).isTrue();
        assertThat(good.election().elected()).extracting(CandidateView::name).containsExactly(name);
        assertThat(good.election().isDone(ElectionStep.VOTED)).isTrue();
        assertThat(jdbc.sql("select count(*) from deputy where name = ?").param(name).query(Integer.class).single())
                .as("elected is not yet a deputy: the review decides").isZero();

        // the clerk cannot decide the review: it is the presidium's act
        assertThatThrownBy(() -> clerk(() -> desk.review(e.id(), new QualificationReviewForm(ReviewOutcome.CONFIRMED,
                today.minusDays(5), "资格审查委员会", null)))).isInstanceOf(NotFoundException.class);
        assertThat(chair(() -> desk.reviewChecks(e.id()))).allMatch(ElectionDesk.QualificationCheck::ok);
        ElectionView done = chair(() -> desk.review(e.id(), new QualificationReviewForm(ReviewOutcome.CONFIRMED,
                today.minusDays(5), "安澜镇人大主席团代表资格审查委员会", "程序合法")));

        assertThat(done.status()).isEqualTo(ElectionStatus.DONE);
        assertThat(done.steps()).allMatch(s -> s.done());
        assertThat(done.steps()).extracting(s -> s.doneOn()).isSorted();
        CandidateView elected = done.elected().get(0);
        assertThat(elected.seatDeputyId()).isNotNull();
        DeputyProfile deputy = clerk(() -> deputies.profile(elected.seatDeputyId()));
        assertThat(deputy.name()).isEqualTo(name);
        MandateView seat = deputy.mandates().get(0);
        assertThat(seat.status()).isEqualTo(MandateStatus.BY_ELECTED);
        assertThat(seat.statusSince()).isEqualTo(today.minusDays(5));
        assertThat(seat.congressOrgId()).isEqualTo(town());
        assertThat(seat.level()).isEqualTo(DeputyLevel.TOWN);
        assertThat(seat.termNo()).isEqualTo(18);
        assertThat(seat.constituency()).isEqualTo("第9选区（测试）");
        assertThat(clerk(() -> deputies.inOfficeCount(town()))).isEqualTo(seatsBefore + 1);
        assertThat(jdbc.sql("select action from audit_event where entity_type = 'election' and entity_id = ? order by seq")
                .param(String.valueOf(e.id())).query(String.class).list())
                .containsExactly("CREATED", "CANDIDATE_ADDED", "CANDIDATE_ADDED", "STEP_RECORDED", "STEP_RECORDED",
                        "ROUND_COUNTED", "ROUND_COUNTED", "QUALIFICATION_CONFIRMED");
        assertThat(jdbc.sql("select actor from audit_event where entity_type = 'election' and entity_id = ?"
                        + " and action = 'QUALIFICATION_CONFIRMED'").param(String.valueOf(e.id())).query(String.class)
                .single()).isEqualTo("anlan.chair");
    }

    @Test
    void aRefusedReviewStatesItsReasonsAndAddsNothingToTheRegister() {
        String name = unique("未确认人");
        ElectionView e = voted(name, unique("落选人"));
        int seatsBefore = clerk(() -> deputies.inOfficeCount(town()));
        assertThatThrownBy(() -> chair(() -> desk.review(e.id(), new QualificationReviewForm(ReviewOutcome.REFUSED,
                today.minusDays(5), "资格审查委员会", " ")))).isInstanceOf(DomainException.class)
                .hasFieldOrPropertyWithValue("field", "reasons");
        ElectionView refused = chair(() -> desk.review(e.id(), new QualificationReviewForm(ReviewOutcome.REFUSED, today.minusDays(5),
                "资格审查委员会", "选举中有违法行为，经查属实")));
        assertThat(refused.status()).isEqualTo(ElectionStatus.REFUSED);
        assertThat(refused.review().reasons()).contains("违法行为");
        assertThat(refused.candidates()).allMatch(c -> c.seatDeputyId() == null);
        assertThat(clerk(() -> deputies.inOfficeCount(town()))).isEqualTo(seatsBefore);
        assertThat(jdbc.sql("select count(*) from deputy where name = ?").param(name).query(Integer.class).single())
                .isZero();
        assertThatThrownBy(() -> chair(() -> desk.review(e.id(), new QualificationReviewForm(ReviewOutcome.CONFIRMED,
                today.minusDays(4), "资格审查委员会", null)))).isInstanceOf(DomainException.class)
                .hasFieldOrPropertyWithValue("messageKey", "election.error.finished");
    }

    @Test
    void aStepOutOfOrderOrDatedBeforeTheLastIsRefusedAndNothingIsSaved() {
        ElectionView e = opened(unique("甲"), unique("乙"));
        List<CandidateView> cs = e.candidates();
        int steps = rows("election_step", e.id());
        // the vote before the list was published
        assertThatThrownBy(() -> clerk(() -> desk.recordRound(e.id(), round(today.minusDays(1), 700, 500, 100, cs))))
                .isInstanceOf(DomainException.class).hasFieldOrPropertyWithValue("messageKey", "election.error.stepOrder");
        // the list published before nomination closed
        assertThatThrownBy(() -> clerk(() -> desk.recordStep(e.id(), new ElectionStepForm(ElectionStep.PUBLISHED,
                today.minusDays(1), null)))).isInstanceOf(DomainException.class)
                .hasFieldOrPropertyWithValue("messageKey", "election.error.stepOrder");
        // nomination closed before the seat fell vacant
        assertThatThrownBy(() -> clerk(() -> desk.recordStep(e.id(), new ElectionStepForm(ElectionStep.NOMINATED,
                today.minusDays(31), null)))).isInstanceOf(DomainException.class)
                .hasFieldOrPropertyWithValue("field", "doneOn");
        // the review before anyone was elected
        assertThatThrownBy(() -> chair(() -> desk.review(e.id(), new QualificationReviewForm(ReviewOutcome.CONFIRMED,
                today, "资格审查委员会", null)))).isInstanceOf(DomainException.class)
                .hasFieldOrPropertyWithValue("messageKey", "election.error.stepOrder");
        assertThat(rows("election_step", e.id())).isEqualTo(steps);
        assertThat(rows("election_round", e.id())).isZero();
        assertThat(jdbc.sql("select count(*) from audit_event where entity_type = 'election' and entity_id = ?"
                + " and action in ('STEP_RECORDED', 'ROUND_COUNTED', 'QUALIFICATION_CONFIRMED')")
                .param(String.valueOf(e.id())).query(Integer.class).single()).isZero();
    }

    @Test
    void votesThatCannotBeTrueAreRefusedBeforeAnythingIsSaved() {
        ElectionView e = opened(unique("丙"), unique("丁"));
        clerk(() -> desk.recordStep(e.id(), new ElectionStepForm(ElectionStep.NOMINATED, today.minusDays(20), null)));
        clerk(() -> desk.recordStep(e.id(), new ElectionStepForm(ElectionStep.PUBLISHED, today.minusDays(15), null)));
        List<CandidateView> cs = e.candidates();
        assertThatThrownBy(() -> clerk(() -> desk.recordRound(e.id(), round(today, 1001, 600, 300, cs))))
                .isInstanceOf(DomainException.class).hasFieldOrPropertyWithValue("field", "votesCast");
        assertThatThrownBy(() -> clerk(() -> desk.recordRound(e.id(), round(today, 700, 600, 300, cs))))
                .isInstanceOf(DomainException.class)
                .hasFieldOrPropertyWithValue("messageKey", "election.error.votesOverCast");
        assertThat(rows("election_round", e.id())).isZero();
    }
}
