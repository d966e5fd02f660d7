package org.renda.cluster;

import java.time.Duration;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.renda.shared.web.RateBuckets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Forgets the database's rate buckets untouched for {@code renda.cluster.rate-limit.forget-after} (an hour: every
 * rule refills its burst far sooner), so the table holds about an hour's clients; on one instance at a time.
 */
@Component
class BucketSweep {

    private static final Logger log = LoggerFactory.getLogger(BucketSweep.class);

    private final RateBuckets buckets;
    private final Duration forgetAfter;

    BucketSweep(RateBuckets buckets, @Value("${renda.cluster.rate-limit.forget-after:1h}") Duration forgetAfter) {
        this.buckets = buckets;
        this.forgetAfter = forgetAfter;
    }

    @Scheduled(fixedDelayString = "${renda.cluster.rate-limit.sweep-every:10m}", initialDelayString = "1m")
    @SchedulerLock(name = "rate-bucket-sweep")
    public void sweep() {
        if (buckets instanceof DatabaseBuckets db) {
            int n = db.sweep(System.currentTimeMillis() - forgetAfter.toMillis());
            if (n > 0) {
                log.debug("Rate buckets: {} idle clients forgotten", n);
            }
        }
    }
}
