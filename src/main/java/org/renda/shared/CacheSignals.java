package org.renda.shared;

/**
 * Tells the other application instances that a table behind an in-memory cache changed, so they drop their copy.
 * A module that caches rows calls {@link #changed} in the transaction of each change (a rolled-back change tells
 * nobody) and registers once with {@link #onChange} what drops its cache. Each instance notices the others' changes
 * within a few seconds (the cluster module polls a version row per cache); its own it drops at once, as before.
 */
public interface CacheSignals {

    /** Says that {@code cache} is stale on every instance; call it in the transaction of the change. */
    void changed(String cache);

    /** Runs {@code drop} whenever another instance's change of {@code cache} is seen. */
    void onChange(String cache, Runnable drop);

    /** One instance alone (unit tests): nothing to tell. */
    static CacheSignals alone() {
        return new CacheSignals() {
            @Override
            public void changed(String cache) {}

            @Override
            public void onChange(String cache, Runnable drop) {}
        };
    }
}
