package vn.gov.quangtri.motcua.interagency.batch;

import jakarta.batch.api.chunk.ItemProcessor;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Named;
import vn.gov.quangtri.motcua.account.application.SystemTask;
import vn.gov.quangtri.motcua.interagency.application.TransferReconciliation;
import vn.gov.quangtri.motcua.interagency.domain.ReconciliationVerdict;

/**
 * Asks the partner about one transfer ({@link TransferReconciliation#check}, no transaction while it waits). A
 * transfer gone meanwhile is filtered out; a partner that could not be asked makes the item a skip
 * ({@link PartnerNotAsked}, a skippable exception of the step), recorded with its reason by
 * {@link TransferReconciliationSkips}, so the job goes on and completes.
 */
@Named("transferReconciliationProcessor")
@Dependent
public class TransferReconciliationProcessor implements ItemProcessor {

    @EJB
    private TransferReconciliation reconciliation;

    @Override
    public Object processItem(Object item) throws PartnerNotAsked {
        long key = (Long) item;
        TransferReconciliation.Check check = SystemTask.run(() -> reconciliation.check(key)).orElse(null);
        if (check != null && check.verdict().kind() == ReconciliationVerdict.Kind.SKIPPED) {
            throw new PartnerNotAsked(check);
        }
        return check;
    }
}
