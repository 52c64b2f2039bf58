package vn.gov.quangtri.motcua.web.admin;

import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import java.util.Map;
import vn.gov.quangtri.motcua.portal.application.PortalOutbox;
import vn.gov.quangtri.motcua.portal.domain.PortalMessage;
import vn.gov.quangtri.motcua.portal.infrastructure.PortalDispatcher;
import vn.gov.quangtri.motcua.web.shell.Actions;
import vn.gov.quangtri.motcua.web.shell.Messages;

/**
 * The screen {@code /app/admin/portal.xhtml} (issue 15 §3): how the synchronisation with the national portal stands
 * (messages by state) and the rejects list, each refused message with the portal's reason and the buttons to re-send
 * it (rebuilt from the dossier as it is now, after the data was fixed) or to discard it (reason required). System
 * administrators; the service checks the role again.
 */
@Named
@ViewScoped
public class PortalSyncPage implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    private PortalOutbox outbox;

    @EJB
    private PortalDispatcher dispatcher;

    @Inject
    private Actions actions;

    @Inject
    private Messages messages;

    private transient Map<PortalMessage.State, Long> counts;
    private transient List<PortalMessage> rejects;
    private String reason;

    /** Messages by state. */
    public Map<PortalMessage.State, Long> getCounts() {
        if (counts == null) {
            Map<PortalMessage.State, Long> found = actions.run(() -> outbox.counts());
            counts = found == null ? Map.of() : found;
        }
        return counts;
    }

    /** The states in their order, for the counts. */
    public PortalMessage.State[] getStates() {
        return PortalMessage.State.values();
    }

    /** The rejects list, by dossier and order. */
    public List<PortalMessage> getRejects() {
        if (rejects == null) {
            List<PortalMessage> found = actions.run(() -> outbox.inState(PortalMessage.State.REJECTED, 500));
            rejects = found == null ? List.of() : found;
        }
        return rejects;
    }

    /** Sends a refused message again, rebuilt from its dossier's current data. */
    public void resend(long id) {
        PortalMessage m = actions.run(() -> outbox.resend(id));
        if (m != null) {
            messages.info("portal.resent", m.dossierCode(), m.sequence());
        }
        refresh();
    }

    /** Discards a refused message with the reason typed. */
    public void discard(long id) {
        PortalMessage m = actions.run(() -> outbox.discard(id, reason));
        if (m != null) {
            messages.info("portal.discarded", m.dossierCode(), m.sequence());
            reason = null;
        }
        refresh();
    }

    /**
     * Sends the waiting messages now (the portal is back): those waiting for a retry become due and one run of the
     * sender goes; the message says what it did.
     */
    public void sendNow() {
        Integer due = actions.run(() -> outbox.retryNow());
        if (due != null) {
            PortalDispatcher.Summary s = dispatcher.dispatchNow();
            if (s == null) {
                messages.info("portal.sendNow.busy", due);
            } else {
                messages.info("portal.sendNow.done", due, s.sent(), s.rejected(), s.failed());
            }
        }
        refresh();
    }

    /** Reads the figures again. */
    public void refresh() {
        counts = null;
        rejects = null;
    }

    public String getReason() {
        return reason;
    }

    public void setReason(String reason) {
        this.reason = reason;
    }
}
