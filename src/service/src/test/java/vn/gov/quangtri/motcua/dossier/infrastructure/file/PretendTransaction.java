package vn.gov.quangtri.motcua.dossier.infrastructure.file;

import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.util.ArrayList;
import java.util.List;

/** Records the synchronizations of one pretend transaction and ends it with a status (the file stores' tests). */
final class PretendTransaction implements TransactionSynchronizationRegistry {

    private final List<Synchronization> registered = new ArrayList<>();

    /** Ends the transaction: every synchronization sees {@code status} ({@link Status#STATUS_COMMITTED} …). */
    void end(int status) {
        registered.forEach(Synchronization::beforeCompletion);
        registered.forEach(s -> s.afterCompletion(status));
    }

    @Override
    public void registerInterposedSynchronization(Synchronization sync) {
        registered.add(sync);
    }

    @Override
    public Object getTransactionKey() {
        return this;
    }

    @Override
    public void putResource(Object key, Object value) {
    }

    @Override
    public Object getResource(Object key) {
        return null;
    }

    @Override
    public int getTransactionStatus() {
        return Status.STATUS_ACTIVE;
    }

    @Override
    public void setRollbackOnly() {
    }

    @Override
    public boolean getRollbackOnly() {
        return false;
    }
}
