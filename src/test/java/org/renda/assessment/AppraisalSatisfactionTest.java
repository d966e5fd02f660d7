package org.renda.assessment;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.renda.appraisal.AppraisalResults;
import org.renda.identity.Logins;
import org.renda.org.OrgTree;
import org.renda.support.RendaIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetailsService;

/** A VOTE indicator reads the appraisal module's closed votes: by id or title, only within the reader's reach. */
@RendaIntegrationTest
class AppraisalSatisfactionTest {

    @Autowired AppraisalSatisfaction source;
    @Autowired AppraisalResults results;
    @Autowired OrgTree orgs;
    @Autowired UserDetailsService accounts;

    @Test
    void theDemoVotesRatesAnswerByIdAndTitleAndNotOutsideTheReach() {
        long agriculture = orgs.findByCode("QH-D13").orElseThrow().id();
        // the demo's appraisal vote, not one another test closed meanwhile (a town's project review rates no bureau)
        AppraisalResults.ClosedVote vote = Logins.call(accounts, "county.staff", () -> results.closedVotes().stream()
                .filter(v -> results.satisfactionRates(v.voteId()).containsKey(agriculture)).findFirst().orElseThrow());
        BigDecimal expected = Logins.call(accounts, "county.staff", () -> results.satisfactionRates(vote.voteId()))
                .get(agriculture);
        assertThat(expected).isNotNull().isBetween(BigDecimal.ZERO, BigDecimal.ONE);
        assertThat(Logins.call(accounts, "county.staff", () -> source.rate("vote:" + vote.voteId(), agriculture)))
                .contains(expected);
        assertThat(Logins.call(accounts, "county.staff", () -> source.rate(vote.title(), agriculture)))
                .contains(expected);
        assertThat(Logins.call(accounts, "county.staff", () -> source.rate("6月纸质问卷", agriculture))).isEmpty();
        assertThat(Logins.call(accounts, "shiqiao.staff", () -> source.rate("vote:" + vote.voteId(), agriculture)))
                .isEmpty();
    }
}
