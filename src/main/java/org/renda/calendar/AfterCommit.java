package org.renda.calendar;

import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Drops a cache when the transaction that changed its table ends: now, and once more after the commit
 * or rollback, so a reader that reloaded the old rows in between does not keep them.
 */
final class AfterCommit {

    private AfterCommit() {}

    static void invalidate(Runnable clear) {
        clear.run();
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    clear.run();
                }
            });
        }
    }
}
