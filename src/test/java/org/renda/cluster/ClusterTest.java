package org.renda.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import jakarta.servlet.http.Cookie;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import net.javacrumbs.shedlock.core.DefaultLockingTaskExecutor;
import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.LockingTaskExecutor;
import net.javacrumbs.shedlock.provider.jdbctemplate.JdbcTemplateLockProvider;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.junit.jupiter.api.Test;
import org.renda.calendar.WorkingCalendar;
import org.renda.support.RendaIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.session.Session;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.stereotype.Component;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Several instances over one database, played in one JVM: what a second instance would see is read through a second
 * repository, bucket store, cache poller or lock provider over the same database.
 */
@RendaIntegrationTest
@TestPropertySource(properties = "spring.autoconfigure.exclude=") // database sessions, as in production
class ClusterTest {

    @Autowired MockMvc mvc;
    @Autowired JdbcClient jdbc;
    @Autowired DataSource dataSource;
    @Autowired PlatformTransactionManager transactions;
    @Autowired JdbcIndexedSessionRepository sessions;
    @Autowired CacheVersions versions;
    @Autowired WorkingCalendar calendar;
    @Autowired BucketSweep sweep;

    @Test
    void aSignedInSessionLivesInTheDatabaseSealedAndIsReadBackFromItAlone() throws Exception {
        var login = mvc.perform(formLogin().user("admin").password("renda-demo")).andReturn();
        Cookie cookie = login.getResponse().getCookie("JSESSIONID");
        assertThat(cookie).isNotNull();
        String id = new String(Base64.getDecoder().decode(cookie.getValue()), StandardCharsets.UTF_8);

        assertThat(jdbc.sql("select principal_name from spring_session where session_id = ?").param(id)
                .query(String.class).single()).isEqualTo("admin");
        List<byte[]> stored = jdbc.sql("""
                select a.attribute_bytes from spring_session_attributes a
                join spring_session s on s.primary_id = a.session_primary_id where s.session_id = ?""")
                .param(id).query(byte[].class).list();
        assertThat(stored).isNotEmpty();
        for (byte[] bytes : stored) {
            String raw = new String(bytes, StandardCharsets.ISO_8859_1);
            assertThat(raw).as("sealed: no class name, no user name in the clear").doesNotContain("admin", "java.",
                    "org.springframework");
        }

        // the same row read afresh, as another instance with the same key would: the user is signed in there too
        Session read = sessions.findById(id);
        assertThat(read).isNotNull();
        SecurityContext context = read.getAttribute("SPRING_SECURITY_CONTEXT");
        assertThat(context.getAuthentication().getName()).isEqualTo("admin");
        assertThat(mvc.perform(get("/").cookie(cookie)).andReturn().getResponse().getContentAsString())
                .contains("系统管理员，您好");
        assertThat(mvc.perform(get("/")).andReturn().getResponse().getContentAsString()).as("without the cookie")
                .doesNotContain("系统管理员，您好");
    }

    @Test
    void twoInstancesCountOneClientTogether() {
        var a = new DatabaseBuckets(jdbc, transactions, System::currentTimeMillis);
        var b = new DatabaseBuckets(jdbc, transactions, System::currentTimeMillis);
        String key = "test:" + System.nanoTime();
        assertThat(a.take(key, 5, 1)).isZero();
        assertThat(b.take(key, 5, 1)).isZero();
        assertThat(a.take(key, 5, 1)).isZero();
        assertThat(b.take(key, 5, 1)).isZero();
        assertThat(a.take(key, 5, 1)).isZero();
        assertThat(b.take(key, 5, 1)).as("the burst of 5 is spent across both").isBetween(55L, 60L);
        assertThat(a.peek(key, 5, 1)).isPositive();
        assertThat(a.peek("test:never", 5, 1)).isZero();
        assertThat(b.size("test:never")).isZero();
        a.forget(key);
        assertThat(b.take(key, 5, 1)).as("forgotten: full again").isZero();
        a.forget("test:");
    }

    @Test
    void concurrentTakesFromTwoInstancesNeverOverspendTheBurst() throws Exception {
        var a = new DatabaseBuckets(jdbc, transactions, System::currentTimeMillis);
        var b = new DatabaseBuckets(jdbc, transactions, System::currentTimeMillis);
        String key = "test:race:" + System.nanoTime();
        AtomicInteger allowed = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        CyclicBarrier start = new CyclicBarrier(4);
        List<Future<?>> runs = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
            DatabaseBuckets buckets = t % 2 == 0 ? a : b;
            runs.add(pool.submit(() -> {
                start.await();
                for (int i = 0; i < 25; i++) {
                    if (buckets.take(key, 30, 1) == 0) {
                        allowed.incrementAndGet();
                    }
                }
                return null;
            }));
        }
        for (Future<?> run : runs) {
            run.get(60, TimeUnit.SECONDS);
        }
        pool.shutdown();
        assertThat(allowed.get()).as("100 tries against a burst of 30 (one more a minute)").isBetween(30, 31);
        a.forget("test:race:");
    }

    @Test
    void aTakeCostsAboutOneStatement() {
        var buckets = new DatabaseBuckets(jdbc, transactions, System::currentTimeMillis);
        for (int i = 0; i < 200; i++) { // warm up
            buckets.take("test:cost:" + (i % 50), 100_000, 100_000);
        }
        int n = 2000;
        long started = System.nanoTime();
        for (int i = 0; i < n; i++) {
            buckets.take("test:cost:" + (i % 50), 100_000, 100_000);
        }
        double micros = (System.nanoTime() - started) / 1e3 / n;
        System.out.printf("rate bucket take: %.0f µs per request (%s)%n", micros,
                org.renda.support.TestDatabases.postgres() ? "PostgreSQL" : "H2");
        assertThat(micros).as("µs per take").isLessThan(20_000);
        buckets.forget("test:cost:");
    }

    @Test
    void aHolidayEnteredOnAnotherInstanceIsSeenHereAtTheNextLook() {
        LocalDate day = LocalDate.of(2199, 6, 3); // a Monday, far from any other test's year
        versions.poll();
        assertThat(calendar.isWorkingDay(day)).isTrue(); // the year is now cached here
        var other = new CacheVersions(jdbc); // the other instance, whose clerk enters the day
        new TransactionTemplate(transactions).executeWithoutResult(s -> {
            jdbc.sql("""
                    insert into calendar_day (org_id, calendar_date, kind, name, created_at)
                    values (0, ?, 'HOLIDAY', '测试假日', current_timestamp)""").param(day).update();
            other.changed("calendar.days");
        });
        assertThat(calendar.isWorkingDay(day)).as("cached here until the next look").isTrue();
        versions.poll();
        assertThat(calendar.isWorkingDay(day)).as("after the look: dropped and read again").isFalse();

        jdbc.sql("delete from calendar_day where org_id = 0 and calendar_date = ?").param(day).update();
        other.changed("calendar.days");
        versions.poll();
        assertThat(calendar.isWorkingDay(day)).isTrue();
    }

    @Test
    void twoSchedulersRacingForOneJobRunItOnce() throws Exception {
        LockingTaskExecutor a = executor("node-a");
        LockingTaskExecutor b = executor("node-b");
        String job = "test-race-" + System.nanoTime();
        AtomicInteger runs = new AtomicInteger();
        CyclicBarrier start = new CyclicBarrier(2);
        CountDownLatch done = new CountDownLatch(2);
        for (LockingTaskExecutor node : List.of(a, b)) {
            new Thread(() -> {
                try {
                    start.await();
                    node.executeWithLock((Runnable) () -> {
                        runs.incrementAndGet();
                        sleep(300);
                    }, new LockConfiguration(Instant.now(), job, Duration.ofMinutes(1), Duration.ofSeconds(30)));
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                } finally {
                    done.countDown();
                }
            }).start();
        }
        assertThat(done.await(30, TimeUnit.SECONDS)).isTrue();
        assertThat(runs.get()).isEqualTo(1);
        // the lock is held at least 30 s: an instance whose clock fires a moment later does not run it again
        b.executeWithLock((Runnable) runs::incrementAndGet,
                new LockConfiguration(Instant.now(), job, Duration.ofMinutes(1), Duration.ZERO));
        assertThat(runs.get()).isEqualTo(1);
    }

    @Test
    void theApplicationsJobsTakeTheirLockRow() {
        // (a lock row is never deleted: ShedLock remembers that it exists and only updates it afterwards.) The lock
        // ran out long ago: ShedLock compares with the database's UTC time, and current_timestamp written into a
        // timestamp column is the session's local time, hours ahead of UTC in Beijing.
        jdbc.sql("""
                insert into shedlock (name, lock_until, locked_at, locked_by)
                values ('rate-bucket-sweep', timestamp '2000-01-01 00:00:00', timestamp '2000-01-01 00:00:00',
                        'elsewhere') on conflict do nothing""").update();
        jdbc.sql("""
                update shedlock set locked_by = 'elsewhere', lock_until = timestamp '2000-01-01 00:00:00'
                 where name = 'rate-bucket-sweep'""").update();
        sweep.sweep();
        assertThat(jdbc.sql("select locked_by from shedlock where name = 'rate-bucket-sweep'").query(String.class)
                .single()).isEqualTo(ClusterConfig.instance());
    }

    @Test
    void everyScheduledJobTakesItsLockThroughAPublicMethod() throws Exception {
        var scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(new AnnotationTypeFilter(Component.class));
        List<String> unlocked = new ArrayList<>();
        AtomicLong jobs = new AtomicLong();
        for (var candidate : scanner.findCandidateComponents("org.renda")) {
            for (Method m : Class.forName(candidate.getBeanClassName()).getDeclaredMethods()) {
                if (m.isAnnotationPresent(Scheduled.class)) {
                    jobs.incrementAndGet();
                    // every instance runs these itself: looking at its own caches' versions; the e-mail dispatcher,
                    // which claims each e-mail for one instance and must run where a sealed e-mail's secret is held
                    boolean everyInstance = m.getDeclaringClass() == CacheVersions.class
                            || m.getDeclaringClass().getSimpleName().equals("DispatchSchedule");
                    if (!everyInstance && (!m.isAnnotationPresent(SchedulerLock.class)
                            || !java.lang.reflect.Modifier.isPublic(m.getModifiers()))) {
                        unlocked.add(m.getDeclaringClass().getSimpleName() + "." + m.getName());
                    }
                }
            }
        }
        assertThat(jobs.get()).isGreaterThanOrEqualTo(7);
        assertThat(unlocked).as("@Scheduled without a public @SchedulerLock method").isEmpty();
    }

    private LockingTaskExecutor executor(String node) {
        return new DefaultLockingTaskExecutor(new JdbcTemplateLockProvider(JdbcTemplateLockProvider.Configuration
                .builder().withJdbcTemplate(new JdbcTemplate(dataSource)).withTableName("shedlock").usingDbTime()
                .withLockedByValue(node).build()));
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
