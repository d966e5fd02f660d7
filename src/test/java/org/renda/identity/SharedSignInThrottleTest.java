package org.renda.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.renda.support.RendaIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The throttle's counts in the database, as three instances behind a balancer meet them: each instance is a
 * throttle of its own over the same tables, with the clock the test moves by hand.
 */
@RendaIntegrationTest
class SharedSignInThrottleTest {

    @Autowired JdbcClient jdbc;
    @Autowired PlatformTransactionManager transactions;
    @Autowired SignInThrottle running;

    private final SignInThrottleTest.Hands clock = new SignInThrottleTest.Hands();

    {
        // the running application's sweep uses the real clock: counts written at another time would be its to drop
        clock.now = java.time.Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
    }

    private SignInThrottle instance() {
        return new SignInThrottle(running.settings(), clock, new DatabaseSignInCounts(jdbc, transactions));
    }

    private static String unique(String prefix) {
        return prefix + UUID.randomUUID().toString().substring(0, 8);
    }

    @Test
    void theApplicationKeepsItsCountsInTheDatabaseByDefault() {
        assertThat(running.settings().store()).isEqualTo("database");
        String name = unique("db-default-");
        running.failed(name, unique("addr-"));
        assertThat(jdbc.sql("select failures from sign_in_count where throttle_key = ?").param("account:" + name)
                .query(Integer.class).single()).isEqualTo(1);
    }

    @Test
    void aGuesserSpreadOverThreeInstancesMeetsOneCount() {
        List<SignInThrottle> nodes = List.of(instance(), instance(), instance());
        String address = unique("guesser-");
        String name = unique("target-"); // not admin: its count is shared with the other tests' contexts
        int checked = 0;
        for (int attempt = 0; attempt < 30; attempt++) { // round robin, as the balancer hands them out
            SignInThrottle node = nodes.get(attempt % 3);
            if (node.waitUntil(name, address).isEmpty()) {
                checked++;
                node.failed(name, address);
            }
        }
        assertThat(checked).as("five free attempts in all, not five per instance").isEqualTo(5);
        for (SignInThrottle node : nodes) {
            assertThat(node.waitUntil(name, address)).as("every instance holds the address")
                    .contains(clock.now.plusSeconds(1));
        }
        clock.pass(Duration.ofSeconds(1));
        assertThat(nodes.get(1).waitUntil(name, address)).isEmpty();
        nodes.get(2).failed(name, address);
        assertThat(nodes.get(0).waitUntil(name, address)).as("the wait doubled on another instance")
                .contains(clock.now.plusSeconds(2));
    }

    @Test
    void anAccountsWaitStartsOnOneInstanceAndIsLiftedOnAnother() {
        SignInThrottle a = instance();
        SignInThrottle b = instance();
        String name = unique("shared-");
        List<Boolean> starts = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            starts.add((i % 2 == 0 ? a : b).failed(name, unique("addr-")));
        }
        assertThat(starts).as("the tenth failure, wherever it lands, starts the wait, once")
                .containsExactly(false, false, false, false, false, false, false, false, false, true);
        assertThat(a.accountWaitUntil(name)).isPresent();
        assertThat(b.waitingAccounts()).contains(name);
        assertThat(b.waitUntil(name, "elsewhere")).isPresent();

        b.release(name);
        assertThat(a.waitUntil(name, "elsewhere")).isEmpty();
        assertThat(a.waitingAccounts()).doesNotContain(name);
    }

    @Test
    void theAddressesAUserSignedInFromAreKnownToEveryInstanceAndOnlyTheLastEight() {
        SignInThrottle a = instance();
        SignInThrottle b = instance();
        String name = unique("known-");
        for (int i = 0; i < 10; i++) {
            a.succeeded(name, "10.1.0." + i);
            clock.pass(Duration.ofSeconds(1));
        }
        for (int i = 0; i < 10; i++) { // ten guessers elsewhere hold the account
            b.failed(name, unique("addr-"));
        }
        assertThat(b.waitUntil(name, "10.1.0.9")).as("the user's own office").isEmpty();
        assertThat(b.waitUntil(name, "10.1.0.2")).as("the eighth-newest address").isEmpty();
        assertThat(b.waitUntil(name, "10.1.0.1")).as("forgotten: older than the last eight").isPresent();
        assertThat(jdbc.sql("select count(*) from sign_in_known where username = ?").param(name)
                .query(Integer.class).single()).isEqualTo(8);
    }

    @Test
    void concurrentFailuresOnTwoInstancesAreAllCounted() throws Exception {
        String name = unique("race-");
        List<SignInThrottle> nodes = List.of(instance(), instance());
        int each = 20;
        CyclicBarrier start = new CyclicBarrier(nodes.size());
        ExecutorService pool = Executors.newFixedThreadPool(nodes.size());
        try {
            List<Future<Integer>> starts = new ArrayList<>();
            for (SignInThrottle node : nodes) {
                starts.add(pool.submit(() -> {
                    start.await();
                    int started = 0;
                    for (int i = 0; i < each; i++) {
                        started += node.failed(name, "unknown-" + UUID.randomUUID()) ? 1 : 0;
                    }
                    return started;
                }));
            }
            int started = 0;
            for (Future<Integer> f : starts) {
                started += f.get();
            }
            assertThat(started).as("exactly one failure started the wait").isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
        assertThat(jdbc.sql("select failures from sign_in_count where throttle_key = ?").param("account:" + name)
                .query(Integer.class).single()).as("no failure lost between the instances").isEqualTo(2 * each);
    }

    @Test
    void idleCountsAreSweptAndLongNamesFitTheirColumn() {
        SignInThrottle node = instance();
        String longName = "x".repeat(5_000) + unique("");
        node.failed(longName, unique("addr-"));
        assertThat(jdbc.sql("select count(*) from sign_in_count where throttle_key = ?")
                .param("account:" + SignInThrottle.key(longName)).query(Integer.class).single()).isEqualTo(1);
        assertThat(SignInThrottle.key(longName)).startsWith("sha256:").hasSize(7 + 64);

        clock.pass(Duration.ofHours(2));
        assertThat(node.forgetIdle()).isGreaterThanOrEqualTo(1);
        assertThat(jdbc.sql("select count(*) from sign_in_count where throttle_key = ?")
                .param("account:" + SignInThrottle.key(longName)).query(Integer.class).single()).isZero();
    }
}
