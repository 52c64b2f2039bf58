package vn.gov.quangtri.motcua.portal.batch;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Named;
import java.util.List;
import vn.gov.quangtri.motcua.portal.application.PortalReconciliation;
import vn.gov.quangtri.motcua.shared.batch.IdPageReader;

/**
 * Reads the ids of the dossiers to compare ({@link PortalReconciliation#dossiersToCheck}), a page of {@value #PAGE} at
 * a time in id order, with the last id as checkpoint ({@link IdPageReader}).
 */
@Named("portalReconciliationReader")
@Dependent
public class PortalReconciliationReader extends IdPageReader {

    /** Ids read per query. */
    static final int PAGE = 200;

    @EJB
    private PortalReconciliation reconciliation;

    @Override
    protected List<Long> page(long after, int size) {
        return reconciliation.dossiersToCheck(after, size);
    }

    @Override
    protected int pageSize() {
        return PAGE;
    }
}
