package vn.gov.quangtri.motcua.portal.batch;

import jakarta.batch.api.chunk.AbstractItemWriter;
import jakarta.batch.runtime.context.JobContext;
import jakarta.batch.runtime.context.StepContext;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;
import vn.gov.quangtri.motcua.account.application.SystemTask;
import vn.gov.quangtri.motcua.portal.application.PortalReconciliation;
import vn.gov.quangtri.motcua.shared.batch.StepProgress;

/**
 * Records each check of the chunk ({@link PortalReconciliation#record}: the dossier's open differences replaced) in the
 * chunk's transaction, which commits with the reader's checkpoint. Items written = the dossiers whose check was
 * recorded.
 */
@Named("portalReconciliationWriter")
@Dependent
public class PortalReconciliationWriter extends AbstractItemWriter {

    @EJB
    private PortalReconciliation reconciliation;

    @Inject
    private JobContext job;

    @Inject
    private StepContext step;

    @Override
    public void writeItems(List<Object> items) {
        long execution = job.getExecutionId();
        long written = SystemTask.run(PortalReconciliation.ACTOR, () -> {
            long n = 0;
            for (Object item : items) {
                if (!reconciliation.record((PortalReconciliation.Check) item, execution).changed()) {
                    n++;
                }
            }
            return n;
        });
        StepProgress.of(step).written(written);
    }
}
