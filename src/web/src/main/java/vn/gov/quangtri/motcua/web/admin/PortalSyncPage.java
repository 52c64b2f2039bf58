package vn.gov.quangtri.motcua.web.admin;

import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import java.util.Map;
import vn.gov.quangtri.motcua.portal.application.PortalOutbox;
import vn.gov.quangtri.motcua.portal.application.PortalReconciliation;
import vn.gov.quangtri.motcua.portal.domain.PortalDifference;
import vn.gov.quangtri.motcua.portal.domain.PortalMessage;
import vn.gov.quangtri.motcua.portal.infrastructure.PortalDispatcher;
import vn.gov.quangtri.motcua.web.shell.Actions;
import vn.gov.quangtri.motcua.web.shell.Messages;

/**
 * The screen {@code /app/admin/portal.xhtml} (issue 15 §3): how the synchronisation with the national portal stands
 * (messages by state) and the rejects list, each refused message with the portal's reason and the buttons to re-send
 * it (rebuilt from the dossier as it is now, after the data was fixed) or to discard it (reason required); the open
 * differences the nightly reconciliation found (issue 15 §4), by dossier code, with our value and the portal's and a
 * button that sends the whole dossier again ({@link PortalOutbox#resendDossier}). System
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

    @EJB
    private PortalReconciliation reconciliation;

    @Inject
    private Actions actions;

    @Inject
    private Messages messages;

    private transient Map<PortalMessage.State, Long> counts;
    private transient List<PortalMessage> rejects;
    private transient List<PortalDifference> differences;
    private transient Long differenceCount;
    private String reason;

    /** Most differences shown (by dossier code); the REST list pages through all. */
    static final int DIFFERENCES_SHOWN = 500;

    private static final java.util.regex.Pattern MOMENT = java.util.regex.Pattern.compile(
        "(\\d{4})(\\d{2})(\\d{2})(\\d{2})(\\d{2})(\\d{2})");

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

    /** The open differences, by dossier code (at most {@value #DIFFERENCES_SHOWN}). */
    public List<PortalDifference> getDifferences() {
        if (differences == null) {
            PortalReconciliation.Page page = actions.run(() -> reconciliation.differences(null, true, 0,
                DIFFERENCES_SHOWN));
            differences = page == null ? List.of() : page.items();
            differenceCount = page == null ? 0L : page.total();
        }
        return differences;
    }

    /** How many open differences there are in all. */
    public long getDifferenceCount() {
        getDifferences();
        return differenceCount;
    }

    /**
     * A value as the screen shows it: a portal moment ({@code yyyyMMddHHmmss}, Vietnam time) as dd/MM/yyyy HH:mm:ss,
     * none as "—", anything else as is.
     */
    public String shown(String value) {
        if (value == null) {
            return "—";
        }
        java.util.regex.Matcher m = MOMENT.matcher(value);
        return m.matches() ? m.group(3) + "/" + m.group(2) + "/" + m.group(1) + " " + m.group(4) + ":" + m.group(5) + ":"
            + m.group(6) : value;
    }

    /** Sends a dossier to the portal again as it stands (after a difference). */
    public void resendDossier(String code) {
        PortalMessage m = actions.run(() -> outbox.resendDossier(code));
        if (m != null) {
            messages.info("portal.dossierResent", m.dossierCode(), m.sequence());
        }
        refresh();
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
        differences = null;
        differenceCount = null;
    }

    public String getReason() {
        return reason;
    }

    public void setReason(String reason) {
        this.reason = reason;
    }
}
