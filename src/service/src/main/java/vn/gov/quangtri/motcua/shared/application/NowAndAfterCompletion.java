package vn.gov.quangtri.motcua.shared.application;

import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;

/**
 * Runs a cache invalidation now and once more when the caller's transaction has completed (committed or rolled
 * back): a reader between the two may have loaded the value from before the commit.
 */
public final class NowAndAfterCompletion {

    private NowAndAfterCompletion() {
    }

    /** @param transactions the registry, or null outside a container (then only now) */
    public static void run(TransactionSynchronizationRegistry transactions, Runnable invalidation) {
        invalidation.run();
        if (transactions != null && transactions.getTransactionStatus() == Status.STATUS_ACTIVE) {
            transactions.registerInterposedSynchronization(new Synchronization() {
                @Override
                public void beforeCompletion() {
                    // nothing: the invalidation runs once the outcome is known
                }

                @Override
                public void afterCompletion(int status) {
                    invalidation.run();
                }
            });
        }
    }
}
