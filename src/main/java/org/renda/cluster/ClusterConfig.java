package org.renda.cluster;

import javax.sql.DataSource;
import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.provider.jdbctemplate.JdbcTemplateLockProvider;
import net.javacrumbs.shedlock.spring.annotation.EnableSchedulerLock;
import org.renda.shared.web.ClientBuckets;
import org.renda.shared.web.RateBuckets;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The shared parts: scheduled jobs take a lock row in {@code shedlock} (the database's clock, so instances whose
 * clocks differ agree), held at most {@code renda.cluster.lock-at-most-for} when an instance dies holding it; the
 * rate buckets live in the database unless {@code renda.cluster.rate-limit-store=memory}.
 */
@Configuration(proxyBeanMethods = false)
@EnableSchedulerLock(defaultLockAtMostFor = "${renda.cluster.lock-at-most-for:PT10M}")
class ClusterConfig {

    @Bean
    LockProvider lockProvider(DataSource dataSource) {
        return new JdbcTemplateLockProvider(JdbcTemplateLockProvider.Configuration.builder()
                .withJdbcTemplate(new JdbcTemplate(dataSource)).withTableName("shedlock").usingDbTime()
                .withLockedByValue(instance()).build());
    }

    /** Host and process id in the lock row: the operator (and the kill-a-node drill) sees which instance runs a job. */
    static String instance() {
        String host;
        try {
            host = java.net.InetAddress.getLocalHost().getHostName();
        } catch (java.net.UnknownHostException e) {
            host = "unknown";
        }
        return host + "/" + ProcessHandle.current().pid();
    }

    @Bean
    RateBuckets rateBuckets(@Value("${renda.cluster.rate-limit-store:database}") String store, JdbcClient jdbc,
            PlatformTransactionManager transactions,
            @Value("${renda.public.rate-limit.max-clients:100000}") int maxClients) {
        return switch (store.strip().toLowerCase(java.util.Locale.ROOT)) {
            case "memory" -> new ClientBuckets(maxClients);
            case "database" -> new DatabaseBuckets(jdbc, transactions, System::currentTimeMillis);
            default -> throw new IllegalArgumentException(
                    "renda.cluster.rate-limit-store must be database or memory, not " + store);
        };
    }
}
