package vn.gov.quangtri.motcua.portal.application;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import vn.gov.quangtri.motcua.dossier.application.DossierChanged;

/**
 * Turns every dossier change into its portal messages, synchronously and in the change's transaction
 * ({@link PortalOutbox#enqueue}): they commit or roll back with the change.
 */
@ApplicationScoped
public class PortalSyncObserver {

    @EJB
    private PortalOutbox outbox;

    void onChange(@Observes DossierChanged change) {
        outbox.enqueue(change.dossier(), change.afterSeq());
    }
}
