package org.renda.casework;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.renda.appraisal.VoteDesk;
import org.renda.appraisal.VoteScale;
import org.renda.appraisal.VoteScale.RateRule;
import org.renda.appraisal.VoteViews.SubjectView;
import org.renda.appraisal.VoteViews.VoteSummary;
import org.renda.casework.PublicRateLimiter.Settings;
import org.renda.org.OrgTree;
import org.renda.support.RendaIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The public API's door with its production limits: a hall voting through the API from one address behind
 * one NAT is not stopped by the anonymous submission limit (5 at once); ballots have their own bucket.
 */
@RendaIntegrationTest
class PublicBallotGateTest {

    private static final String HALL = "203.0.113.60";

    @Autowired MockMvc mvc;
    @Autowired PublicRateLimiter limiter;
    @Autowired VoteDesk votes;
    @Autowired OrgTree orgs;
    @Autowired UserDetailsService accounts;

    private Settings original;

    @BeforeEach
    void productionDefaults() {
        original = limiter.settings();
        limiter.configure(new Settings(null, null, null, null, null));
    }

    @AfterEach
    void restore() {
        limiter.configure(original);
    }

    @Test
    void sixtyDeputiesReadAndCastTheirBallotsFromOneAddressWithinSecondsAndAllAreAccepted() throws Exception {
        UserDetails staff = accounts.loadUserByUsername("county.staff");
        SecurityContextHolder.getContext().setAuthentication(
                UsernamePasswordAuthenticationToken.authenticated(staff, null, staff.getAuthorities()));
        VoteSummary vote;
        List<String> codes;
        List<SubjectView> subjects;
        try {
            vote = votes.create(new VoteDesk.NewVote(orgs.findByCode("QH").orElseThrow().id(),
                    "大厅投票 " + System.nanoTime(), VoteScale.FOUR_LEVEL, RateRule.SATISFIED_SHARE,
                    new BigDecimal("0.7"), List.of("甲单位")));
            codes = votes.printCodes(vote.id(), 60);
            votes.open(vote.id());
            subjects = votes.detail(vote.id()).subjects();
        } finally {
            SecurityContextHolder.clearContext();
        }
        String url = "/api/v1/public/votes/" + vote.publicCode();
        long started = System.nanoTime();
        for (String code : codes) {
            assertThat(mvc.perform(get(url).with(r -> {
                r.setRemoteAddr(HALL);
                return r;
            })).andReturn().getResponse().getStatus()).isEqualTo(200);
            String body = "{\"code\":\"" + code + "\",\"choices\":{\"" + subjects.get(0).id() + "\":\"FAIRLY\"}}";
            var cast = mvc.perform(post(url + "/ballots").with(r -> {
                r.setRemoteAddr(HALL);
                return r;
            }).contentType("application/json").content(body.getBytes(StandardCharsets.UTF_8))).andReturn().getResponse();
            assertThat(cast.getStatus()).as("ballot %s", codes.indexOf(code)).isEqualTo(201);
        }
        assertThat((System.nanoTime() - started) / 1e9).as("seconds for 60 ballots").isLessThan(60);
        for (int i = 0; i < 5; i++) {
            limiter.acquire(PublicRateLimiter.Kind.SUBMIT, HALL);
        }
        assertThat(limiter.acquire(PublicRateLimiter.Kind.SUBMIT, HALL).allowed())
                .as("opinions from that address keep their own, small limit").isFalse();
    }
}
