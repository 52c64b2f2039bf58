package vn.gov.quangtri.motcua.reporting.application;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import java.util.logging.Level;
import java.util.logging.Logger;
import vn.gov.quangtri.motcua.dossier.application.DossierChanged;

/**
 * Forgets the cached dashboards of a dossier's unit once a change to the dossier has committed
 * ({@link DashboardCache}): after the commit, so that a view in between cannot cache the state before it (a view
 * computing meanwhile does not keep its result: {@link DashboardCache#generation()}).
 */
@ApplicationScoped
public class DashboardInvalidation {

    private static final Logger LOG = Logger.getLogger(DashboardInvalidation.class.getName());

    @EJB
    private DashboardCache cache;

    void afterCommit(@Observes(during = TransactionPhase.AFTER_SUCCESS) DossierChanged change) {
        try {
            cache.forget(change.dossier().receivingAgency().code());
        } catch (RuntimeException e) {
            LOG.log(Level.FINE, "unit of the changed dossier not readable: every dashboard forgotten", e);
            cache.clear();
        }
    }
}
