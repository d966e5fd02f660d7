package org.renda.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.renda.shared.CurrentActor;
import org.renda.shared.OrgPaths;
import org.renda.shared.PersonNames;
import org.renda.support.RendaIntegrationTest;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.ObjectMapper;

/**
 * Audit partitions (issue 15): with {@code renda.audit.partition-depth} set, each organisation at that depth (here: the demo's towns) keeps
 * its own chain, head and checkpoints, so a writer in one town does not wait for a writer in another, and
 * verification still pinpoints a change, naming the partition. The trail is built here with that depth on the shared
 * test context (the application's own trail keeps the default, one chain); the rows of the partitions' chains are
 * removed after each test.
 */
@RendaIntegrationTest
class AuditPartitionsTest {

    @Autowired JdbcClient jdbc;
    @Autowired CurrentActor currentActor;
    @Autowired ObjectMapper json;
    @Autowired PersonNames people;
    @Autowired ObjectProvider<OrgPaths> paths;
    @Autowired PlatformTransactionManager transactions;

    private AuditTrail partitioned;
    private TransactionTemplate tx;
    private long rootOrg;
    private long townA;
    private long townB;

    @BeforeEach
    void aTrailWithOnePartitionPerOrganisationBelowTheRoot() {
        // the shallowest level with two organisations (the demo's towns under its county): one chain each
        int depth = jdbc.sql("select min(depth) from organisation where depth > 0 and depth in"
                + " (select depth from organisation group by depth having count(*) >= 2)").query(Integer.class).single();
        CheckpointBook book = new CheckpointBook(jdbc, json, "target/audit-signing-test.key", "", 100, "-");
        partitioned = new AuditTrail(jdbc, currentActor, json, book, people, new AuditPartitions(paths, depth),
                transactions);
        tx = new TransactionTemplate(transactions);
        rootOrg = jdbc.sql("select id from organisation where parent_id is null order by id limit 1")
                .query(Long.class).single();
        List<Long> towns = jdbc.sql("select id from organisation where depth = ? order by id limit 2")
                .param(depth).query(Long.class).list();
        townA = towns.get(0);
        townB = towns.get(1);
    }

    @AfterEach
    void removeThePartitionChains() {
        for (String table : List.of("audit_event", "audit_checkpoint", "audit_chain_head")) {
            jdbc.sql("delete from " + table + " where chain <> 'root'").update();
        }
    }

    private void record(long orgId, String what) {
        tx.executeWithoutResult(s -> partitioned.record(orgId, "partition_test", what, "CREATED", null,
                Map.of("name", what)));
    }

    private String chainOf(String entityId) {
        return jdbc.sql("select chain from audit_event where entity_type = 'partition_test' and entity_id = ?")
                .param(entityId).query(String.class).single();
    }

    @Test
    void eachTownWritesItsOwnChainNumberedFromOneAndTheRootKeepsTheOldOne() {
        long rootHead = jdbc.sql("select last_seq from audit_chain_head where chain = 'root'").query(Long.class).single();
        record(townA, "a1");
        record(townA, "a2");
        record(townB, "b1");
        record(rootOrg, "r1");
        assertThat(chainOf("a1")).isEqualTo("org-" + townA);
        assertThat(chainOf("b1")).isEqualTo("org-" + townB);
        assertThat(chainOf("r1")).isEqualTo("root");
        assertThat(jdbc.sql("select seq from audit_event where entity_id = 'a2' and entity_type = 'partition_test'")
                .query(Long.class).single()).isEqualTo(2);
        assertThat(jdbc.sql("select last_seq from audit_chain_head where chain = 'root'").query(Long.class).single())
                .isEqualTo(rootHead + 1);

        tx.executeWithoutResult(s -> partitioned.checkpoint());
        ChainVerification v = partitioned.verify();
        assertThat(v.intact()).as(v.breaks().toString()).isTrue();
        assertThat(jdbc.sql("select count(*) from audit_checkpoint where chain = ?").param("org-" + townA)
                .query(Long.class).single()).isEqualTo(1);
        assertThat(partitioned.verifyAgainst(new String(partitioned.exportCheckpoints(),
                java.nio.charset.StandardCharsets.UTF_8)).intact()).isTrue();
    }

    @Test
    void aChangedEntryInATownsChainIsReportedWithThatPartitionAndTheOthersStayIntact() {
        record(townA, "a1");
        record(townA, "a2");
        record(townB, "b1");
        jdbc.sql("update audit_event set after_state = '{\"name\":\"forged\"}' where entity_id = 'a1'"
                + " and entity_type = 'partition_test'").update();
        ChainVerification v = partitioned.verify();
        assertThat(v.breaks()).containsExactly(
                new ChainVerification.Break(ChainVerification.Kind.CONTENT, 1, 1, "org-" + townA));
    }

    @Test
    void anEntryMovedIntoAnotherPartitionsChainNoLongerLinks() {
        record(townA, "a1");
        record(townB, "b1");
        // the same position in the other chain: its hash was computed from town A's genesis
        jdbc.sql("delete from audit_event where entity_id = 'b1' and entity_type = 'partition_test'").update();
        jdbc.sql("update audit_event set chain = ? where entity_id = 'a1' and entity_type = 'partition_test'")
                .param("org-" + townB).update();
        ChainVerification v = partitioned.verify();
        assertThat(v.breaks()).extracting(ChainVerification.Break::chain).contains("org-" + townB);
    }

    @Test
    void aWriterInOneTownDoesNotWaitForAWriterInAnother() throws Exception {
        record(townA, "warm-a");
        record(townB, "warm-b");
        CountDownLatch aHoldsItsHead = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Future<?> slowA = pool.submit(() -> tx.executeWithoutResult(s -> {
                partitioned.record(townA, "partition_test", "slow-a", "CREATED", null, null);
                aHoldsItsHead.countDown();
                try {
                    release.await(10, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }));
            assertThat(aHoldsItsHead.await(10, TimeUnit.SECONDS)).isTrue();
            Future<?> quickB = pool.submit(() -> record(townB, "quick-b"));
            quickB.get(5, TimeUnit.SECONDS); // town B's head is not town A's: no wait
            release.countDown();
            slowA.get(10, TimeUnit.SECONDS);
        } finally {
            release.countDown();
            pool.shutdownNow();
        }
        assertThat(partitioned.verify().intact()).isTrue();
    }
}
