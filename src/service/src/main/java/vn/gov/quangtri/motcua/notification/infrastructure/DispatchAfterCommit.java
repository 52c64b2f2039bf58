package vn.gov.quangtri.motcua.notification.infrastructure;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import vn.gov.quangtri.motcua.notification.application.NotificationsQueued;

/**
 * Starts the dispatcher once the transaction that wrote notification rows has committed (and never when it rolled
 * back); the dispatcher runs asynchronously, so the committing thread does not wait for any send.
 */
@ApplicationScoped
public class DispatchAfterCommit {

    @EJB
    private NotificationDispatcher dispatcher;

    void afterCommit(@Observes(during = TransactionPhase.AFTER_SUCCESS) NotificationsQueued queued) {
        dispatcher.kick();
    }
}
