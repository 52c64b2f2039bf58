package vn.gov.quangtri.motcua.interagency.batch;

import jakarta.batch.api.chunk.listener.SkipProcessListener;
import jakarta.batch.runtime.context.JobContext;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.logging.Logger;
import vn.gov.quangtri.motcua.account.application.SystemTask;
import vn.gov.quangtri.motcua.interagency.application.TransferReconciliation;

/**
 * Keeps the reason of a skipped transfer (its partner could not be asked) as a finding of kind SKIPPED, in the
 * chunk's transaction, and logs it (INFO: a partner down at night is not an error of this server).
 */
@Named("transferReconciliationSkips")
@Dependent
public class TransferReconciliationSkips implements SkipProcessListener {

    private static final Logger LOG = Logger.getLogger(TransferReconciliationSkips.class.getName());

    @EJB
    private TransferReconciliation reconciliation;

    @Inject
    private JobContext job;

    @Override
    public void onSkipProcessItem(Object item, Exception ex) {
        if (ex instanceof PartnerNotAsked skipped) {
            LOG.info(() -> "Transfer reconciliation skipped transfer " + skipped.check().transferId() + ": "
                + skipped.getMessage());
            long execution = job.getExecutionId();
            SystemTask.run(TransferReconciliation.ACTOR, () -> reconciliation.record(skipped.check(), execution));
        }
    }
}
