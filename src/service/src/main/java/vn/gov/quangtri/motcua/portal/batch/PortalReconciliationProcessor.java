package vn.gov.quangtri.motcua.portal.batch;

import jakarta.batch.api.chunk.ItemProcessor;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Named;
import java.util.logging.Logger;
import vn.gov.quangtri.motcua.account.application.SystemTask;
import vn.gov.quangtri.motcua.portal.application.PortalReconciliation;

/**
 * Compares one dossier with the portal ({@link PortalReconciliation#check}, no transaction while it waits). A dossier
 * gone meanwhile, or with messages still waiting in the outbox (not a difference yet), is filtered out; a portal that
 * could not be asked makes the item a skip ({@link PortalNotAsked}), so the job goes on and completes.
 */
@Named("portalReconciliationProcessor")
@Dependent
public class PortalReconciliationProcessor implements ItemProcessor {

    private static final Logger LOG = Logger.getLogger(PortalReconciliationProcessor.class.getName());

    @EJB
    private PortalReconciliation reconciliation;

    @Override
    public Object processItem(Object item) throws PortalNotAsked {
        long id = (Long) item;
        PortalReconciliation.Check check = SystemTask.run(() -> reconciliation.check(id)).orElse(null);
        if (check == null || check.verdict() == PortalReconciliation.Verdict.PENDING) {
            return null;
        }
        if (check.verdict() == PortalReconciliation.Verdict.NOT_ASKED) {
            LOG.info(() -> "Portal reconciliation skipped " + check.dossierCode() + ": " + check.reason());
            throw new PortalNotAsked(check);
        }
        return check;
    }
}
