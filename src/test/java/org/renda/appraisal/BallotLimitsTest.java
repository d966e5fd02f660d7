package org.renda.appraisal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.renda.appraisal.VoteScale.RateRule;
import org.renda.appraisal.VoteViews.SubjectView;
import org.renda.appraisal.VoteViews.VoteSummary;
import org.renda.org.OrgTree;
import org.renda.support.RendaIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * A hall votes from one address: good ballots are never limited by the code guard and leave nothing in its
 * memory; refused codes from one address are throttled at both doors (API 429 with Retry-After, page 429),
 * before the code is looked at, while other addresses vote on. Runs with the production burst (30) and one
 * refill a minute, so that a slow machine cannot refill a token within the test (production: 30 a minute);
 * the gate's own per-address ballot limit is casework's PublicBallotGateTest.
 */
@RendaIntegrationTest
class BallotLimitsTest {

    private static final String HALL = "203.0.113.50";
    private static final String ELSEWHERE = "198.51.100.77";

    @Autowired MockMvc mvc;
    @Autowired UserDetailsService accounts;
    @Autowired VoteDesk votes;
    @Autowired OrgTree orgs;
    @Autowired CodeAttempts attempts;

    private int burst;
    private int perMinute;

    @BeforeEach
    void productionBurst() {
        burst = attempts.burst();
        perMinute = attempts.perMinute();
        attempts.configure(30, 1);
    }

    @AfterEach
    void restore() {
        attempts.configure(burst, perMinute);
    }

    private record Vote(VoteSummary summary, List<SubjectView> subjects, List<String> codes) {}

    private Vote vote(int codes) {
        long county = orgs.findByCode("QH").orElseThrow().id();
        return As.user(accounts, "county.staff", () -> {
            VoteSummary v = votes.create(new VoteDesk.NewVote(county, "限流测试 " + System.nanoTime(),
                    VoteScale.FOUR_LEVEL, RateRule.SATISFIED_SHARE, new BigDecimal("0.7"), List.of("甲单位", "乙单位")));
            List<String> c = votes.printCodes(v.id(), codes);
            votes.open(v.id());
            return new Vote(v, votes.detail(v.id()).subjects(), c);
        });
    }

    private MockHttpServletResponse api(Vote v, String code, String from) throws Exception {
        StringBuilder choices = new StringBuilder("{");
        for (SubjectView s : v.subjects()) {
            choices.append(choices.length() > 1 ? "," : "").append('"').append(s.id()).append("\":\"SATISFIED\"");
        }
        String body = "{\"code\":\"" + code + "\",\"choices\":" + choices + "}}";
        return mvc.perform(post("/api/v1/public/votes/" + v.summary().publicCode() + "/ballots").with(r -> {
            r.setRemoteAddr(from);
            return r;
        }).contentType("application/json").content(body.getBytes(StandardCharsets.UTF_8))).andReturn().getResponse();
    }

    private int spent(Vote v) {
        return As.user(accounts, "county.staff", () -> votes.detail(v.summary().id())).invariants().spent();
    }

    /** A well-formed code that was never printed. */
    private static String wrongCode(int i) {
        return String.format("ZZZZZ%05d", i).replace('0', 'A').replace('1', 'B');
    }

    @Test
    void sixtyBallotsFromOneAddressWithinSecondsAreAllAcceptedAndLeaveNothingInTheGuard() throws Exception {
        Vote v = vote(60);
        long started = System.nanoTime();
        for (String code : v.codes()) {
            var ballot = mvc.perform(get("/api/v1/public/votes/" + v.summary().publicCode()).with(r -> {
                r.setRemoteAddr(HALL);
                return r;
            })).andReturn().getResponse();
            assertThat(ballot.getStatus()).isEqualTo(200);
            assertThat(api(v, code, HALL).getStatus()).isEqualTo(201);
        }
        assertThat((System.nanoTime() - started) / 1e9).as("seconds for 60 ballots").isLessThan(60);
        assertThat(spent(v)).isEqualTo(60);
        assertThat(attempts.size()).as("accepted ballots are not remembered by address").isZero();
    }

    @Test
    void repeatedWrongCodesFromOneAddressAreThrottledBeforeTheCodeIsLookedAt() throws Exception {
        Vote v = vote(3);
        for (int i = 0; i < 30; i++) {
            var r = api(v, wrongCode(i), HALL);
            assertThat(r.getStatus()).as("wrong code %d", i).isEqualTo(422);
            assertThat(r.getContentAsString(StandardCharsets.UTF_8)).contains("vote.error.code");
        }
        var throttled = api(v, wrongCode(30), HALL);
        assertThat(throttled.getStatus()).isEqualTo(429);
        assertThat(throttled.getContentType()).startsWith("application/problem+json");
        assertThat(throttled.getContentAsString(StandardCharsets.UTF_8)).contains("vote.error.throttled", "投票码错误次数过多");
        assertThat(Long.parseLong(throttled.getHeader("Retry-After"))).as("one a minute").isBetween(1L, 60L);

        // While throttled even a good code is not looked at (a guesser learns nothing), and is not spent.
        assertThat(api(v, v.codes().get(0), HALL).getStatus()).isEqualTo(429);
        MockHttpServletRequestBuilder page = post("/public/votes/" + v.summary().publicCode()).with(csrf())
                .with(r -> {
                    r.setRemoteAddr(HALL);
                    return r;
                }).param("code", v.codes().get(0));
        v.subjects().forEach(s -> page.param("s" + s.id(), "BASIC"));
        var refusedPage = mvc.perform(page).andReturn().getResponse();
        assertThat(refusedPage.getStatus()).as("the voting page too").isEqualTo(429);
        assertThat(refusedPage.getContentAsString(StandardCharsets.UTF_8)).contains("投票码错误次数过多");
        assertThat(spent(v)).isZero();

        // Another address votes on; its own wrong code is refused as usual.
        assertThat(api(v, v.codes().get(1), ELSEWHERE).getStatus()).isEqualTo(201);
        assertThat(api(v, wrongCode(99), ELSEWHERE).getStatus()).isEqualTo(422);
        assertThat(spent(v)).isEqualTo(1);
        assertThat(attempts.size()).as("only addresses with refused codes are remembered").isEqualTo(2);
    }
}
