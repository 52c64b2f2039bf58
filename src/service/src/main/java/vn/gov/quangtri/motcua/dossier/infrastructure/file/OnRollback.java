package vn.gov.quangtri.motcua.dossier.infrastructure.file;

import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.io.IOException;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Undoes a file store's write when the caller's JTA transaction does not commit, so that a rolled-back attachment
 * leaves no bytes behind (issue 15 §1). Used by the stores that keep bytes outside the database.
 */
final class OnRollback {

    private static final Logger LOG = Logger.getLogger(OnRollback.class.getName());

    /** An undo step that may fail with an I/O error. */
    @FunctionalInterface
    interface Undo {
        void run() throws IOException;
    }

    private OnRollback() {
    }

    /**
     * Registers {@code undo} to run after the current transaction ends without committing.
     *
     * @param transactions the server's registry (a transaction must be active)
     * @param what         what is undone, for the warning when it fails
     */
    static void undo(TransactionSynchronizationRegistry transactions, String what, Undo undo) {
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                if (status != Status.STATUS_COMMITTED) {
                    try {
                        undo.run();
                    } catch (IOException | RuntimeException e) {
                        LOG.log(Level.WARNING, "Could not remove the bytes of a rolled-back attachment: " + what, e);
                    }
                }
            }
        });
    }
}
