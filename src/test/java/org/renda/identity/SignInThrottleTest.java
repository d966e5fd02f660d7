package org.renda.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class SignInThrottleTest {

    /** A clock the test moves by hand. */
    static final class Hands extends Clock {
        Instant now = Instant.parse("2026-03-01T08:00:00Z");

        void pass(Duration d) {
            now = now.plus(d);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }

    private final Hands clock = new Hands();
    private final SignInThrottle throttle = new SignInThrottle(new SignInThrottle.Settings(null, null, null, null, null, "memory"),
            clock);

    @Test
    void defaultsHoldAnAddressAfterFiveFailuresAndAnAccountAfterTenForAMinuteAtMost() {
        var s = throttle.settings();
        assertThat(s.address().free()).isEqualTo(5);
        assertThat(s.address().max()).isEqualTo(Duration.ofMinutes(15));
        assertThat(s.account().free()).isEqualTo(10);
        assertThat(s.account().max()).isEqualTo(Duration.ofMinutes(1));
    }

    @Test
    void theWaitDoublesWithEachFurtherFailureUpToItsCap() {
        for (int i = 0; i < 4; i++) {
            throttle.failed("u" + i, "10.0.0.1");
            assertThat(throttle.waitUntil("x", "10.0.0.1")).isEmpty();
        }
        long[] expected = {1, 2, 4, 8, 16, 32, 64, 128, 256, 512, 900, 900};
        for (long seconds : expected) {
            throttle.failed("other", "10.0.0.1");
            assertThat(throttle.waitUntil("x", "10.0.0.1")).contains(clock.now.plusSeconds(seconds));
            clock.pass(Duration.ofSeconds(seconds));
            assertThat(throttle.waitUntil("x", "10.0.0.1")).isEmpty();
        }
    }

    @Test
    void aStrangerAtOneAddressNeverKeepsAdminOut() {
        // The stranger tries admin's password every second for two hours; admin, elsewhere, tries every second too.
        long strangerChecked = 0;
        long adminRefused = 0;
        for (int second = 0; second < 2 * 3600; second++) {
            if (throttle.waitUntil("admin", "203.0.113.9").isEmpty()) {
                strangerChecked++;
                throttle.failed("admin", "203.0.113.9");
            }
            if (throttle.waitUntil("admin", "198.51.100.7").isPresent()) {
                adminRefused++;
            }
            clock.pass(Duration.ofSeconds(1));
        }
        assertThat(strangerChecked).as("guesses the stranger got checked in two hours").isLessThan(30);
        assertThat(adminRefused).as("seconds of two hours admin could not sign in").isZero();
    }

    @Test
    void guessesSpreadOverManyAddressesSlowTheAccountButNeverFromWhereTheUserSignedInBefore() {
        throttle.succeeded("admin", "198.51.100.7"); // admin's office
        long refusedAtOffice = 0;
        long refusedElsewhere = 0;
        for (int second = 0; second < 3600; second++) {
            String bot = "203.0." + (second % 50) + ".1"; // fifty addresses take turns
            if (throttle.waitUntil("admin", bot).isEmpty()) {
                throttle.failed("admin", bot);
            }
            throttle.accountWaitUntil("admin").ifPresent(until -> assertThat(until)
                    .as("each wait is a minute at most").isBeforeOrEqualTo(clock.now.plusSeconds(60)));
            refusedAtOffice += throttle.waitUntil("admin", "198.51.100.7").isPresent() ? 1 : 0;
            refusedElsewhere += throttle.waitUntil("admin", "192.0.2.99").isPresent() ? 1 : 0;
            clock.pass(Duration.ofSeconds(1));
        }
        assertThat(refusedElsewhere).as("a new address waits while the guessing goes on").isPositive();
        assertThat(refusedAtOffice).as("the address admin signed in from is never held back").isZero();
    }

    @Test
    void aSuccessClearsTheAccountButNotTheAddress() {
        for (int i = 0; i < 10; i++) {
            throttle.failed("li", "10.0.0." + i);
        }
        for (int i = 0; i < 5; i++) {
            throttle.failed("guess" + i, "10.9.9.9");
        }
        assertThat(throttle.accountWaitUntil("LI")).as("usernames count case-blind").isPresent();
        assertThat(throttle.waitingAccounts()).containsExactly("li");
        clock.pass(Duration.ofMinutes(2));
        throttle.succeeded("li", "10.0.0.99");
        assertThat(throttle.accountWaitUntil("li")).isEmpty();
        throttle.failed("someone", "10.9.9.9");
        assertThat(throttle.waitUntil("someone", "10.9.9.9")).as("the address kept its count").isPresent();
    }

    @Test
    void countsAreForgottenAnHourAfterTheLastFailure() {
        for (int i = 0; i < 9; i++) {
            throttle.failed("zhao", "10.1.0." + i);
        }
        clock.pass(Duration.ofMinutes(61));
        throttle.failed("zhao", "10.1.1.1");
        assertThat(throttle.accountWaitUntil("zhao")).isEmpty();
    }

    @Test
    void anUnknownUsernameIsThrottledExactlyLikeAKnownOne() {
        for (int i = 0; i < 10; i++) {
            throttle.failed("admin", "10.2.0." + i);
            throttle.failed("no-such-user", "10.3.0." + i);
        }
        assertThat(throttle.waitUntil("admin", "10.4.0.1")).isEqualTo(throttle.waitUntil("no-such-user", "10.4.0.1"))
                .isPresent();
    }
}
