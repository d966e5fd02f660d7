/**
 * Several application instances behind one balancer (issue 15): what each instance used to keep alone now lives in
 * the database they share. HTTP sessions (Spring Session JDBC, configured by Boot), the token buckets of the
 * anonymous doors ({@link org.renda.shared.web.RateBuckets}), the versions of the in-memory caches
 * ({@link org.renda.shared.CacheSignals}) and the locks that run each scheduled job on one instance at a time
 * (ShedLock). The design and the kill-a-node drill: {@code docs/cluster.md}, {@code ops/cluster/}.
 */
@ApplicationModule(displayName = "Cluster")
@NullMarked
package org.renda.cluster;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
