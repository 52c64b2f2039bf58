package vn.gov.quangtri.motcua.notification.application;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import vn.gov.quangtri.motcua.dossier.application.DossierChanged;

/**
 * Turns every dossier change into its applicant notifications, synchronously and in the change's transaction
 * ({@link Notifications#enqueue}): the rows commit or roll back with the change. Sending happens after the commit
 * (notification.infrastructure.NotificationDispatcher).
 */
@ApplicationScoped
public class MilestoneNotifier {

    @EJB
    private Notifications notifications;

    void onChange(@Observes DossierChanged change) {
        notifications.enqueue(change.dossier(), change.afterSeq());
    }
}
