package vn.gov.quangtri.motcua.interagency.batch;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Named;
import java.util.List;
import vn.gov.quangtri.motcua.interagency.application.TransferReconciliation;
import vn.gov.quangtri.motcua.shared.batch.IdPageReader;

/**
 * Reads the ids of the transfers to check ({@link TransferReconciliation#transfersToCheck}), a page of
 * {@value #PAGE} at a time in id order, with the last id as checkpoint ({@link IdPageReader}): each transfer is checked
 * once per run, and a run after a crash continues after the last committed chunk.
 */
@Named("transferReconciliationReader")
@Dependent
public class TransferReconciliationReader extends IdPageReader {

    /** Ids read per query. */
    static final int PAGE = 100;

    @EJB
    private TransferReconciliation reconciliation;

    @Override
    protected List<Long> page(long after, int size) {
        return reconciliation.transfersToCheck(after, size);
    }

    @Override
    protected int pageSize() {
        return PAGE;
    }
}
