package vn.gov.quangtri.motcua.web.admin;

import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import vn.gov.quangtri.motcua.interagency.application.ExchangeLog;
import vn.gov.quangtri.motcua.interagency.application.Outbox;
import vn.gov.quangtri.motcua.interagency.application.TransferReconciliation;
import vn.gov.quangtri.motcua.interagency.domain.ReconciliationFinding;
import vn.gov.quangtri.motcua.interagency.domain.ExchangeEntry;
import vn.gov.quangtri.motcua.interagency.domain.HashChain;
import vn.gov.quangtri.motcua.interagency.domain.OutboxMessage;
import vn.gov.quangtri.motcua.web.shell.Actions;
import vn.gov.quangtri.motcua.web.shell.Messages;

/**
 * The partner exchange for system administrators ({@code /app/admin/exchange.xhtml}): the outbound queue
 * (pending messages with attempts, next attempt and last error, then the latest sent), the dead-letter
 * list with "re-send" ({@link Outbox#resend}, audited), the latest exchange-log entries (message id, attempt id,
 * outcome and its detail), and on request the verification of the exchange log's hash chain
 * ({@link ExchangeLog#verify}), and what the transfer reconciliation found ({@link TransferReconciliation#findings}:
 * mismatches with their reason, re-sends, partners that could not be asked; open ones, or all). The services check
 * the role again.
 */
@Named
@ViewScoped
public class ExchangePage implements Serializable {

    private static final long serialVersionUID = 1L;

    /** Rows of the outbound queue. */
    static final int QUEUE = 200;

    /** Rows of the exchange log shown. */
    static final int LOG_ROWS = 100;

    @EJB
    private Outbox outbox;

    @EJB
    private ExchangeLog log;

    @EJB
    private TransferReconciliation reconciliation;

    @Inject
    private Actions actions;

    @Inject
    private Messages messages;

    private transient List<OutboxMessage> queue;
    private transient List<OutboxMessage> dead;
    private transient List<ExchangeEntry> entries;
    private HashChain.Verification verification;
    private transient List<ReconciliationFinding> findings;
    private boolean showResolved;

    /** Rows of reconciliation findings shown. */
    static final int FINDINGS = 200;

    /** The reconciliation's findings, most recently seen first: open ones, or all with {@link #isShowResolved}. */
    public List<ReconciliationFinding> getFindings() {
        if (findings == null) {
            List<ReconciliationFinding> found = actions.run(() -> reconciliation.findings(!showResolved, FINDINGS));
            findings = found == null ? List.of() : found;
        }
        return findings;
    }

    public boolean isShowResolved() {
        return showResolved;
    }

    public void setShowResolved(boolean showResolved) {
        if (this.showResolved != showResolved) {
            findings = null;
        }
        this.showResolved = showResolved;
    }

    /** Pending messages (oldest first), then the most recently sent. */
    public List<OutboxMessage> getQueue() {
        if (queue == null) {
            List<OutboxMessage> found = actions.run(() -> outbox.queue(QUEUE));
            queue = found == null ? List.of() : found;
        }
        return queue;
    }

    /** Dead-lettered messages, oldest first. */
    public List<OutboxMessage> getDeadLetters() {
        if (dead == null) {
            List<OutboxMessage> found = actions.run(() -> outbox.deadLetters());
            dead = found == null ? List.of() : found;
        }
        return dead;
    }

    /**
     * The latest {@value #LOG_ROWS} exchange-log entries, newest first: each message queued, each delivery attempt
     * and each arrival with its attempt id and outcome.
     */
    public List<ExchangeEntry> getEntries() {
        if (entries == null) {
            List<ExchangeEntry> found = actions.run(() -> log.latest(LOG_ROWS, null));
            entries = found == null ? List.of() : found;
        }
        return entries;
    }

    /** Puts a dead message back in the queue, due at once, with the same message id. */
    public void resend(String messageId) {
        OutboxMessage m = actions.run(() -> outbox.resend(messageId, null));
        if (m != null) {
            messages.info("exchange.resent", m.operation().wireName(), m.partnerCode());
        }
        refresh();
    }

    /** Verifies the whole exchange log (reads every entry). */
    public void verify() {
        verification = actions.run(() -> log.verify());
    }

    /** Reads the lists again. */
    public void refresh() {
        queue = null;
        dead = null;
        entries = null;
        findings = null;
    }

    /**
     * The kind of a delivery failure in the user's language; the stored technical text (English, with the
     * partner's address) stays in the tooltip for the system administrator. The kinds follow the texts the
     * sender writes ({@code HttpPartnerSender}, {@code DispatchRun}).
     *
     * @param lastError the message's last error, may be null
     * @return the label, empty without an error
     */
    public String errorLabel(String lastError) {
        if (lastError == null || lastError.isBlank()) {
            return "";
        }
        if (lastError.startsWith("No answer within") || lastError.startsWith("Connect timeout")) {
            return messages.text("exchange.error.timeout");
        }
        if (lastError.startsWith("Cannot connect") || lastError.startsWith("I/O error")
            || lastError.startsWith("Interrupted")) {
            return messages.text("exchange.error.unreachable");
        }
        if (lastError.startsWith("HTTP ")) {
            String status = lastError.substring(5).split("\\D", 2)[0];
            return messages.text("exchange.error.http", status);
        }
        if (lastError.startsWith("Bad endpoint URL")) {
            return messages.text("exchange.error.endpoint");
        }
        if (lastError.startsWith("Partner system")) {
            return messages.text("exchange.error.partner");
        }
        if (lastError.startsWith("Credential")) {
            return messages.text("exchange.error.credential");
        }
        return messages.text("exchange.error.other");
    }

    /**
     * The reason of a reconciliation finding in the user's language; the stored text (English, with the partner's
     * answer and the moments) stays in the tooltip for the system administrator. A skipped transfer is described like
     * a delivery failure ({@link #errorLabel}) from the error after the reason's first colon.
     *
     * @return the label, empty without a finding
     */
    public String findingLabel(ReconciliationFinding f) {
        if (f == null || f.kind() == null) {
            return "";
        }
        if (f.kind() == ReconciliationFinding.Kind.SKIPPED) {
            String reason = f.reason() == null ? "" : f.reason();
            int colon = reason.indexOf(": ");
            return messages.text("exchange.reconciliation.reason.SKIPPED",
                errorLabel(colon < 0 ? reason : reason.substring(colon + 2)));
        }
        return messages.text("exchange.reconciliation.reason." + f.kind().name());
    }

    /**
     * The detail of a log entry in the user's language; the stored text (English reason or error, with codes)
     * stays in the tooltip. Arrivals answered: the outcome status; delivery failures: {@link #errorLabel};
     * refused arrivals: the reason code.
     *
     * @return the label, empty without a detail
     */
    public String detailLabel(ExchangeEntry e) {
        String detail = e.detail();
        if (detail == null || detail.isBlank() || e.outcome() == null) {
            return "";
        }
        switch (e.outcome()) {
            case ACCEPTED, REPLAYED -> {
                return messages.text("exchange.inStatus." + detail);
            }
            case FAILED, REFUSED -> {
                if (e.direction() == ExchangeEntry.Direction.OUT) {
                    return errorLabel(detail);
                }
                if (detail.startsWith("wsse:")) {
                    return messages.text("exchange.refusal.wss");
                }
                int colon = detail.indexOf(':');
                return messages.text("exchange.refusal", colon > 0 ? detail.substring(0, colon) : detail);
            }
            default -> {
                return "";
            }
        }
    }

    public HashChain.Verification getVerification() {
        return verification;
    }
}
