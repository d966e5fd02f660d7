package org.renda.casework;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.renda.casework.PublicRateLimiter.Kind;
import org.renda.casework.PublicRateLimiter.Rule;
import org.renda.casework.PublicRateLimiter.Settings;
import org.springframework.mock.web.MockHttpServletRequest;

/** Token buckets per client: a burst, then the rate; separate kinds; bounded memory; IPv6 by /64. */
class PublicRateLimiterTest {

    @Test
    void aBurstPassesThenTheClientWaitsAndOthersAreUnaffected() {
        var limiter = new PublicRateLimiter(new Settings(true, new Rule(5, 10), new Rule(2, 60), 100));
        for (int i = 0; i < 5; i++) {
            assertThat(limiter.acquire(Kind.SUBMIT, "10.0.0.1").allowed()).isTrue();
        }
        var refused = limiter.acquire(Kind.SUBMIT, "10.0.0.1");
        assertThat(refused.allowed()).isFalse();
        assertThat(refused.retryAfterSeconds()).as("10 a minute: one every 6 s").isBetween(5L, 6L);
        assertThat(limiter.acquire(Kind.SUBMIT, "10.0.0.2").allowed()).isTrue();
        assertThat(limiter.acquire(Kind.LOOKUP, "10.0.0.1").allowed()).as("look-ups have their own bucket").isTrue();
    }

    @Test
    void defaultsAreStrictAndCanBeSwitchedOff() {
        var defaults = new Settings(null, null, null, null);
        assertThat(defaults.enabled()).isTrue();
        assertThat(defaults.submit()).isEqualTo(new Rule(5, 10));
        assertThat(defaults.lookup()).isEqualTo(new Rule(60, 300));
        assertThat(defaults.maxClients()).isEqualTo(100_000);
        var off = new PublicRateLimiter(new Settings(false, new Rule(1, 1), new Rule(1, 1), 10));
        for (int i = 0; i < 100; i++) {
            assertThat(off.acquire(Kind.SUBMIT, "10.0.0.1").allowed()).isTrue();
        }
        assertThatThrownBy(() -> new Rule(0, 10)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void ballotsHaveTheirOwnLargeBucketSoAHallOf300BehindOneNatVotesWithinAMinute() {
        var limiter = new PublicRateLimiter(new Settings(null, null, null, null, null));
        assertThat(limiter.settings().ballot()).isEqualTo(new Rule(600, 600));
        for (int i = 0; i < 300; i++) {
            assertThat(limiter.acquire(Kind.BALLOT, "10.0.0.9").allowed()).as("read ballot %d", i).isTrue();
            assertThat(limiter.acquire(Kind.BALLOT, "10.0.0.9").allowed()).as("cast ballot %d", i).isTrue();
        }
        long refused = java.util.stream.IntStream.range(0, 50)
                .filter(i -> !limiter.acquire(Kind.BALLOT, "10.0.0.9").allowed()).count();
        assertThat(refused).as("then ten a second").isPositive();
        for (int i = 0; i < 5; i++) {
            assertThat(limiter.acquire(Kind.SUBMIT, "10.0.0.9").allowed()).as("submissions keep their own bucket").isTrue();
        }
        assertThat(limiter.acquire(Kind.SUBMIT, "10.0.0.9").allowed()).isFalse();
    }

    @Test
    void theGateTellsABallotFromOtherPublicRequests() {
        assertThat(ballot("POST", "/api/v1/public/votes/AB12CD34/ballots")).isTrue();
        assertThat(ballot("GET", "/api/v1/public/votes/AB12CD34")).isTrue();
        assertThat(ballot("POST", "/api/v1/public/votes/verify")).as("a recount is a submission").isFalse();
        assertThat(ballot("GET", "/api/v1/public/votes/AB12CD34/results")).isFalse();
        assertThat(ballot("POST", "/api/v1/public/opinions")).isFalse();
        assertThat(ballot("GET", "/api/v1/public/opinions/ABCDEFGHJK")).isFalse();
    }

    private static boolean ballot(String method, String path) {
        var r = new MockHttpServletRequest(method, path);
        return PublicApiGate.ballot(r, !"GET".equals(method));
    }

    @Test
    void memoryIsBoundedByTheLeastRecentlyUsedClients() {
        var limiter = new PublicRateLimiter(new Settings(true, new Rule(1, 1), new Rule(1, 1), 1000));
        for (int i = 0; i < 50_000; i++) {
            limiter.acquire(Kind.SUBMIT, "10.1." + (i / 250) + "." + (i % 250));
        }
        assertThat(limiter.size()).isEqualTo(1000);
    }

    @Test
    void anIpv6ClientIsKeyedByItsSlash64AndTheRemoteAddressIsUsed() {
        var a = new MockHttpServletRequest();
        a.setRemoteAddr("2001:db8:aa:bb:1:2:3:4");
        var b = new MockHttpServletRequest();
        b.setRemoteAddr("2001:0db8:00aa:00bb:ffff::9");
        assertThat(PublicRateLimiter.clientOf(a)).isEqualTo("2001:db8:aa:bb::/64").isEqualTo(PublicRateLimiter.clientOf(b));
        var v4 = new MockHttpServletRequest();
        v4.setRemoteAddr("203.0.113.7");
        v4.addHeader("X-Forwarded-For", "198.51.100.1");
        assertThat(PublicRateLimiter.clientOf(v4)).as("headers are the container's business").isEqualTo("203.0.113.7");
    }
}
