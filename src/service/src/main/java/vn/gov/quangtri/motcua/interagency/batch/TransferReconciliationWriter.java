package vn.gov.quangtri.motcua.interagency.batch;

import jakarta.batch.api.chunk.AbstractItemWriter;
import jakarta.batch.runtime.context.JobContext;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;
import vn.gov.quangtri.motcua.account.application.SystemTask;
import vn.gov.quangtri.motcua.interagency.application.TransferReconciliation;

/**
 * Records each check of the chunk ({@link TransferReconciliation#record}: re-send, flag, resolve) in the chunk's
 * transaction, which commits with the reader's checkpoint: a transfer's outcome is stored exactly when its
 * checkpoint is.
 */
@Named("transferReconciliationWriter")
@Dependent
public class TransferReconciliationWriter extends AbstractItemWriter {

    @EJB
    private TransferReconciliation reconciliation;

    @Inject
    private JobContext job;

    @Override
    public void writeItems(List<Object> items) {
        long execution = job.getExecutionId();
        SystemTask.run(TransferReconciliation.ACTOR, () -> {
            for (Object item : items) {
                reconciliation.record((TransferReconciliation.Check) item, execution);
            }
            return null;
        });
    }
}
