package org.renda.meeting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.renda.deputy.DeputyRegister;
import org.renda.identity.Logins;
import org.renda.meeting.ElectionDesk.ElectionAnnounceForm;
import org.renda.meeting.ElectionDesk.CandidateForm;
import org.renda.meeting.ElectionDesk.ElectionCounted;
import org.renda.meeting.ElectionDesk.ElectionForm;
import org.renda.meeting.ElectionDesk.OathForm;
import org.renda.meeting.ElectionDesk.ElectionRoundForm;
import org.renda.meeting.ElectionDesk.ElectionStepForm;
import org.renda.meeting.ElectionDesk.ElectionTallyForm;
import org.renda.meeting.ElectionEnums.ElectionKind;
import org.renda.meeting.ElectionEnums.ElectionStatus;
import org.renda.meeting.ElectionEnums.ElectionStep;
import org.renda.meeting.ElectionEnums.Nomination;
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
 * An election at the town congress's session (a 副镇长): elected only with more than half of ALL the deputies in
 * office, not of those present; a round with more ballots returned than issued is void; the presiding officer
 * announces; the oath is recorded and closes the procedure.
 */
@RendaIntegrationTest
class CongressElectionTest {

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

    /** A 副镇长 election with one candidate of the presidium, nominated and met by the deputies yesterday. */
    private ElectionView metTheDeputies() {
        return clerk(() -> {
            ElectionView e = desk.create(new ElectionForm(town(), ElectionKind.CONGRESS, "选举副镇长（测试）", null,
                    "第十八届人民代表大会第六次会议", "副镇长", null, null, null, null, null, null, null, 1, null));
            desk.addCandidate(e.id(), new CandidateForm("候选测试", "男", null, "镇党委委员", "中共党员",
                    Nomination.PRESIDIUM, null, null));
            desk.recordStep(e.id(), new ElectionStepForm(ElectionStep.NOMINATED, today.minusDays(1), null));
            return desk.recordStep(e.id(), new ElectionStepForm(ElectionStep.MET, today.minusDays(1), "代表团会议上见面"));
        });
    }

    private static ElectionRoundForm round(int issued, int returned, int valid, int invalid, CandidateView c, int votesFor,
            int against, int abstain) {
        return new ElectionRoundForm(LocalDate.now(), "计票甲", "监票乙", issued, returned, valid, invalid, null, null,
                List.of(new ElectionTallyForm(c.id(), votesFor, against, abstain)));
    }

    @Test
    void electedOnlyWithMoreThanHalfOfAllDeputiesInOfficeNotOfThosePresent() {
        ElectionView e = metTheDeputies();
        CandidateView c = e.candidates().get(0);
        int all = clerk(() -> deputies.inOfficeCount(town()));
        assertThat(all).as("安澜镇's deputies in office, from the register").isGreaterThan(20);
        int present = all * 6 / 10;
        // every present deputy voted for: a majority of those present, not of all deputies
        ElectionCounted short_ = clerk(() -> desk.recordRound(e.id(), round(present, present, present, 0, c, all / 2, 0,
                present - all / 2)));
        assertThat(short_.round().valid()).isTrue();
        assertThat(short_.round().deputiesInOffice()).isEqualTo(all);
        assertThat(short_.round().needMoreThan()).isEqualTo(all / 2);
        assertThat(short_.anyElected()).isFalse();
        assertThat(short_.election().isDone(ElectionStep.VOTED)).isFalse();

        ElectionCounted elected = clerk(() -> desk.recordRound(e.id(), round(all - 1, all - 1, all - 2, 1, c, all / 2 + 1, 2,
                all - 2 - (all / 2 + 1) - 2)));
        assertThat(elected.anyElected()).isTrue();
        assertThat(elected.round().roundNo()).isEqualTo(2);
        assertThat(elected.election().elected()).extracting(CandidateView::name).containsExactly("候选测试");
        assertThat(elected.election().nextStep()).isEqualTo(ElectionStep.ANNOUNCED);
    }

    @Test
    void moreBallotsReturnedThanIssuedVoidsTheRoundAndFiguresThatDoNotAddUpAreRefused() {
        ElectionView e = metTheDeputies();
        CandidateView c = e.candidates().get(0);
        int all = clerk(() -> deputies.inOfficeCount(town()));
        ElectionCounted voided = clerk(() -> desk.recordRound(e.id(), round(all - 5, all - 4, all - 4, 0, c, all - 4, 0, 0)));
        assertThat(voided.round().valid()).isFalse();
        assertThat(voided.round().voidReason()).isEqualTo(VoidReason.RETURNED_OVER_ISSUED);
        assertThat(voided.anyElected()).isFalse();
        assertThat(voided.election().elected()).isEmpty();
        assertThat(voided.election().isDone(ElectionStep.VOTED)).isFalse();

        int rounds = jdbc.sql("select count(*) from election_round where election_id = ?").param(e.id())
                .query(Integer.class).single();
        assertThatThrownBy(() -> clerk(() -> desk.recordRound(e.id(), round(all - 5, all - 5, all - 7, 1, c, 10, 0, 0))))
                .isInstanceOf(DomainException.class).hasFieldOrPropertyWithValue("field", "ballotsValid");
        assertThatThrownBy(() -> clerk(() -> desk.recordRound(e.id(), round(all + 1, all + 1, all + 1, 0, c, 10, 0, 0))))
                .isInstanceOf(DomainException.class).hasFieldOrPropertyWithValue("field", "ballotsIssued");
        assertThatThrownBy(() -> clerk(() -> desk.recordRound(e.id(), round(all - 5, all - 5, all - 5, 0, c, all - 5, 1, 0))))
                .isInstanceOf(DomainException.class)
                .hasFieldOrPropertyWithValue("messageKey", "election.error.tallyOverValid");
        assertThat(jdbc.sql("select count(*) from election_round where election_id = ?").param(e.id())
                .query(Integer.class).single()).isEqualTo(rounds);
    }

    @Test
    void thePresidingOfficerAnnouncesAndTheOathIsRecordedForThoseElected() {
        ElectionView e = metTheDeputies();
        CandidateView c = e.candidates().get(0);
        int all = clerk(() -> deputies.inOfficeCount(town()));
        clerk(() -> desk.recordRound(e.id(), round(all, all, all, 0, c, all - 2, 1, 1)));
        // no oath before the result is announced
        assertThatThrownBy(() -> clerk(() -> desk.recordOath(e.id(), c.id(), new OathForm(today, "黄永明", "宣誓台"))))
                .isInstanceOf(DomainException.class).hasFieldOrPropertyWithValue("messageKey", "election.error.stepOrder");
        // the clerk does not announce: the presiding officer does
        assertThatThrownBy(() -> clerk(() -> desk.announce(e.id(), new ElectionAnnounceForm(today, null))))
                .isInstanceOf(NotFoundException.class);
        chair(() -> desk.announce(e.id(), new ElectionAnnounceForm(today, "大会执行主席宣布")));
        ElectionView sworn = clerk(() -> desk.recordOath(e.id(), c.id(), new OathForm(today, "黄永明",
                "镇人民会堂宣誓台")));
        CandidateView after = sworn.elected().get(0);
        assertThat(after.oathOn()).isEqualTo(today);
        assertThat(after.oathBy()).isEqualTo("黄永明");
        assertThat(after.oathPlace()).isEqualTo("镇人民会堂宣誓台");
        assertThat(sworn.status()).isEqualTo(ElectionStatus.DONE);
        assertThat(sworn.steps()).allMatch(s -> s.done());
        assertThat(sworn.rounds().get(0).tallies().get(0).votesFor()).isEqualTo(all - 2);
        assertThat(jdbc.sql("select action from audit_event where entity_type = 'election' and entity_id = ? order by seq")
                .param(String.valueOf(e.id())).query(String.class).list())
                .containsSubsequence("ROUND_COUNTED", "RESULT_ANNOUNCED", "OATH_TAKEN");
    }

    @Test
    void jointNominationNeedsTenDeputiesAndOnlyThisKindsNominationsApply() {
        ElectionView e = clerk(() -> desk.create(new ElectionForm(town(), ElectionKind.CONGRESS, "选举人大副主席（测试）",
                null, "第十八届人民代表大会第六次会议", "人大副主席", null, null, null, null, null, null, null, 1, null)));
        assertThatThrownBy(() -> clerk(() -> desk.addCandidate(e.id(), new CandidateForm("联名候选", null, null, null,
                null, Nomination.DEPUTIES_JOINT, 9, null)))).isInstanceOf(DomainException.class)
                .hasFieldOrPropertyWithValue("field", "nominators");
        assertThatThrownBy(() -> clerk(() -> desk.addCandidate(e.id(), new CandidateForm("选民推荐", null, null, null,
                null, Nomination.VOTERS_JOINT, 12, null)))).isInstanceOf(DomainException.class)
                .hasFieldOrPropertyWithValue("field", "nomination");
        ElectionView ok = clerk(() -> desk.addCandidate(e.id(), new CandidateForm("联名候选", null, null, null, null,
                Nomination.DEPUTIES_JOINT, 10, null)));
        assertThat(ok.candidates()).extracting(CandidateView::nominators).containsExactly(10);
        assertThat(ElectionDesk.winners(List.of(new ElectionTallyForm(1, 30, null, null), new ElectionTallyForm(2, 30, null, null)), 40, 1))
                .as("a tie at the last seat elects neither").isEmpty();
        assertThat(ElectionDesk.winners(List.of(new ElectionTallyForm(1, 31, null, null), new ElectionTallyForm(2, 30, null, null)), 40, 1))
                .isEqualTo(Set.of(1L));
    }
}
