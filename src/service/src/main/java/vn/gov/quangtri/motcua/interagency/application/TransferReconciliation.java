package vn.gov.quangtri.motcua.interagency.application;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.io.Serializable;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.ConfigProvider;
import vn.gov.quangtri.motcua.account.application.AccessControl;
import vn.gov.quangtri.motcua.account.domain.Role;
import vn.gov.quangtri.motcua.dossier.application.DossierStore;
import vn.gov.quangtri.motcua.interagency.domain.ExchangeOperation;
import vn.gov.quangtri.motcua.interagency.domain.InterAgencyTransfer;
import vn.gov.quangtri.motcua.interagency.domain.OutboxMessage;
import vn.gov.quangtri.motcua.interagency.domain.PartnerAnswer;
import vn.gov.quangtri.motcua.interagency.domain.PartnerSystem;
import vn.gov.quangtri.motcua.interagency.domain.ReconciliationFinding;
import vn.gov.quangtri.motcua.interagency.domain.ReconciliationRules;
import vn.gov.quangtri.motcua.interagency.domain.ReconciliationVerdict;
import vn.gov.quangtri.motcua.interagency.domain.TransferSide;
import vn.gov.quangtri.motcua.interagency.domain.TransferStatus;
import vn.gov.quangtri.motcua.interagency.domain.TransferUpdate;

/**
 * The transfer reconciliation (issue 14 §1, docs/interagency.md "Reconciliation"), one transfer at a time, for the
 * batch job {@code transfer-reconciliation} (package {@code interagency.batch}) and for tests without the batch
 * runtime. For each of our outbound transfers still open (or with an open finding):
 * <ol>
 *   <li>{@link #check} asks the partner {@code query-status} about it, outside any transaction (connect and read
 *       timeouts of the dispatcher), through the partner's registration, credential and policy like every outbox
 *       delivery ({@link PartnerCalls}), REST or SOAP per partner, and compares with {@link ReconciliationRules};</li>
 *   <li>{@link #record} acts on the verdict in the caller's transaction: a transfer the partner never received is
 *       sent again through the outbox (a pending submit-transfer made due now, a dead letter put back in the queue,
 *       or, when it was delivered and lost, queued again under a new message id: the partner's submit-transfer is
 *       keyed by the transfer id, so it applies it at most once); a mismatch or a partner that could not be asked
 *       is kept as a {@link ReconciliationFinding} with its reason, at most one per transfer and situation (a rerun
 *       over the same state counts it again); earlier findings the check no longer confirms are resolved (not by a
 *       skip: a partner that could not be asked confirms nothing).</li>
 * </ol>
 * Nothing else changes: our transfer keeps its status (a mismatch is for an administrator to settle with the
 * partner). Trusted work only (system scope, {@code SystemTask}); the lists for administrators need
 * SYSTEM_ADMIN.
 *
 * <p>Settings: {@code motcua.interagency.reconciliation.grace} (ISO-8601 duration, default PT30M): a partner ahead
 * of us by less than this is taken as a message still on its way; the timeouts and X-Road names of
 * {@code motcua.interagency.dispatch.*} / {@code motcua.interagency.client} / {@code ...service-prefix}.
 */
@Stateless
public class TransferReconciliation {

    /** The actor recorded for what the reconciliation does (outbox re-sends in the administration log). */
    public static final String ACTOR = "đối soát liên thông";

    @PersistenceContext(unitName = "motcua")
    private EntityManager em;

    @EJB
    private Outbox outbox;

    @EJB
    private PartnerRegistry partners;

    @EJB
    private AccessControl access;

    @EJB
    private TransferReconciliation self;

    @Inject
    private DossierStore dossiers;

    @Inject
    private Clock clock;

    /** How the partner is asked (HTTP in the server; a stub in tests). */
    PartnerQuery query;

    /** The checks and the delivery of a call to a partner. */
    PartnerCalls calls;

    /** How long a partner may be ahead before it is a mismatch. */
    Duration grace = Duration.ofMinutes(30);

    /** What a check found, handed from {@link #check} to {@link #record} (a batch item). */
    public record Check(long transferKey, String transferId, String dossierCode, String partnerCode,
                        ReconciliationVerdict verdict) implements Serializable {
        private static final long serialVersionUID = 1L;
    }

    /** What {@link #record} did. */
    public enum Action {
        /** Both sides agree. */
        IN_SYNC,
        /** The partner is ahead within the grace period: nothing flagged yet. */
        SETTLING,
        /** The submit-transfer went back to the outbox. */
        RESENT,
        /** A mismatch is flagged (new, or counted again). */
        FLAGGED,
        /** The partner could not be asked; kept with the reason. */
        SKIPPED,
        /** Our transfer changed between the question and the answer: left for the next run. */
        CHANGED
    }

    /** The outcome of one transfer: what was done and why. */
    public record Outcome(Action action, String reason, ReconciliationFinding finding) {
    }

    @PostConstruct
    void init() {
        var config = ConfigProvider.getConfig();
        grace = Duration.parse(config.getOptionalValue("motcua.interagency.reconciliation.grace", String.class)
            .orElse("PT30M"));
        Duration connect = Duration.parse(config.getOptionalValue("motcua.interagency.dispatch.connect-timeout",
            String.class).orElse("PT5S"));
        Duration read = Duration.parse(config.getOptionalValue("motcua.interagency.dispatch.read-timeout", String.class)
            .orElse("PT20S"));
        String client = config.getOptionalValue("motcua.interagency.client", String.class)
            .orElse("VN/GOV/000.00.00.H50/MOTCUA");
        String prefix = config.getOptionalValue("motcua.interagency.service-prefix", String.class).orElse(client);
        query = new vn.gov.quangtri.motcua.interagency.infrastructure.HttpPartnerSender(connect, read);
        Function<PartnerSystem, Optional<String>> credentials =
            new vn.gov.quangtri.motcua.interagency.infrastructure.PartnerCredentials(
                vn.gov.quangtri.motcua.shared.application.Secrets::named);
        calls = new PartnerCalls(credentials, PartnerPolicy.configured(), client, prefix);
    }

    /**
     * The next transfers to check, by id: ours (side SENDER) after {@code afterId}, open, or answered but with a
     * finding still open (so that a settled mismatch is resolved). The batch reader pages with it; its checkpoint is
     * the last id read.
     *
     * @param limit at most this many ids
     */
    public List<Long> transfersToCheck(long afterId, int limit) {
        requireSystem();
        return em.createQuery("SELECT t.id FROM InterAgencyTransfer t WHERE t.side = :side AND t.id > :after"
                + " AND (t.status NOT IN :final OR EXISTS (SELECT f.id FROM ReconciliationFinding f WHERE f.transfer = t"
                + " AND f.resolvedAt IS NULL)) ORDER BY t.id", Long.class)
            .setParameter("side", TransferSide.SENDER).setParameter("after", afterId)
            .setParameter("final", TransferStatus.FINAL).setMaxResults(Math.max(1, limit)).getResultList();
    }

    /**
     * Asks the partner about one transfer and compares; changes nothing. Runs without a transaction: the call
     * waits for the partner (at most the connect and read timeouts).
     *
     * @param transferKey the transfer's row id (from {@link #transfersToCheck})
     * @return the verdict, or empty when there is no such outbound transfer
     */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public Optional<Check> check(long transferKey) {
        requireSystem();
        InterAgencyTransfer t = em.find(InterAgencyTransfer.class, transferKey);
        if (t == null || t.side() != TransferSide.SENDER) {
            return Optional.empty();
        }
        ReconciliationRules.OurTransfer ours = ReconciliationRules.OurTransfer.of(t);
        PartnerCalls.Prepared call = calls.prepare(partners.partner(t.partnerCode()), t.partnerCode(),
            UUID.randomUUID().toString(), ExchangeOperation.QUERY_STATUS, TransferUpdate.query(t.transferId()).toJson());
        PartnerAnswer answer;
        if (!call.possible()) {
            answer = PartnerAnswer.failed(call.problem());
        } else {
            try {
                answer = query.ask(call.delivery());
            } catch (RuntimeException e) {
                answer = PartnerAnswer.failed(e.getClass().getSimpleName());
            }
        }
        ReconciliationVerdict verdict = ReconciliationRules.compare(ours, answer, clock.instant(), grace);
        return Optional.of(new Check(t.id(), t.transferId(), t.parentCode(), t.partnerCode(), verdict));
    }

    /**
     * Acts on a check in the caller's transaction (the batch chunk's): re-sends, flags or resolves, idempotently.
     * When our transfer moved since the check, nothing is done ({@link Action#CHANGED}).
     *
     * @param executionId the batch job execution, null outside a job
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRED)
    public Outcome record(Check check, Long executionId) {
        requireSystem();
        InterAgencyTransfer t = em.find(InterAgencyTransfer.class, check.transferKey());
        if (t == null) {
            return new Outcome(Action.CHANGED, "The transfer is gone", null);
        }
        em.lock(t, LockModeType.PESSIMISTIC_WRITE);
        em.refresh(t);
        ReconciliationVerdict v = check.verdict();
        if (t.status() != v.ourStatus()) {
            return new Outcome(Action.CHANGED, "Our transfer moved from " + v.ourStatus() + " to " + t.status()
                + " during the check; next run", null);
        }
        Instant now = clock.instant();
        if (v.kind() == ReconciliationVerdict.Kind.RESEND) {
            v = v.withReason(v.reason() + "; " + resend(t, now));
        }
        List<ReconciliationFinding> known = em.createNamedQuery("ReconciliationFinding.ofTransfer",
            ReconciliationFinding.class).setParameter("transfer", t).getResultList();
        ReconciliationFinding kept = null;
        for (ReconciliationFinding f : known) {
            if (v.finding() && f.fingerprint().equals(v.fingerprint())) {
                f.seenAgain(now, v.reason(), executionId);
                kept = f;
            } else if (v.kind() != ReconciliationVerdict.Kind.SKIPPED) {
                // A partner that could not be asked confirms nothing and refutes nothing: earlier findings stay open.
                f.resolve(now);
            }
        }
        if (v.finding() && kept == null) {
            kept = new ReconciliationFinding(t, v, now, executionId);
            em.persist(kept);
        }
        em.flush();
        Action action = switch (v.kind()) {
            case IN_SYNC -> Action.IN_SYNC;
            case SETTLING -> Action.SETTLING;
            case RESEND -> Action.RESENT;
            case MISMATCH -> Action.FLAGGED;
            case SKIPPED -> Action.SKIPPED;
        };
        return new Outcome(action, v.reason(), kept);
    }

    /** {@link #check} then {@link #record} in a transaction of its own; for callers without a batch chunk. */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public Optional<Outcome> reconcile(long transferKey, Long executionId) {
        return self.check(transferKey).map(c -> self.record(c, executionId));
    }

    /**
     * Sends the transfer's submit-transfer again through the outbox; idempotent over reruns: a message still pending
     * is made due now rather than doubled.
     *
     * @return what was done, for the reason
     */
    private String resend(InterAgencyTransfer t, Instant now) {
        List<OutboxMessage> submits = em.createNamedQuery("OutboxMessage.ofTransfer", OutboxMessage.class)
            .setParameter("transfer", t).setParameter("operation", ExchangeOperation.SUBMIT_TRANSFER).getResultList();
        if (submits.isEmpty()) {
            return "no submit-transfer message to send again";
        }
        OutboxMessage last = submits.get(submits.size() - 1);
        switch (last.status()) {
            case PENDING -> {
                em.lock(last, LockModeType.PESSIMISTIC_WRITE);
                return last.dueNow(now) ? "its submit-transfer " + last.messageId() + " was still queued: due now"
                    : "its submit-transfer " + last.messageId() + " is queued";
            }
            case DEAD -> {
                outbox.resend(last.messageId(), ACTOR);
                return "its dead-lettered submit-transfer " + last.messageId() + " is back in the queue";
            }
            default -> {
                OutboxMessage copy = outbox.enqueue(t, ExchangeOperation.SUBMIT_TRANSFER, last.payload(), t.parentCode());
                return "submit-transfer queued again as message " + copy.messageId() + " (delivered before as "
                    + last.messageId() + ")";
            }
        }
    }

    /**
     * The findings for the administrators, most recently seen first.
     *
     * @param openOnly only those not resolved
     * @param limit    at most this many
     */
    public List<ReconciliationFinding> findings(boolean openOnly, int limit) {
        access.current().requireAny(Role.SYSTEM_ADMIN);
        return em.createNamedQuery(openOnly ? "ReconciliationFinding.open" : "ReconciliationFinding.latest",
            ReconciliationFinding.class).setMaxResults(Math.max(1, limit)).getResultList();
    }

    /**
     * The open findings of a dossier's transfers, by transfer id (UUID), for its transfer list; any account that sees
     * the dossier ({@code NOT_FOUND} otherwise).
     */
    public Map<String, ReconciliationFinding> openFindingsOf(String dossierCode) {
        dossiers.find(dossierCode, access.current());
        List<Long> ids = em.createNamedQuery("InterAgencyTransfer.ofDossier", InterAgencyTransfer.class)
            .setParameter("code", dossierCode).getResultList().stream().map(InterAgencyTransfer::id).toList();
        if (ids.isEmpty()) {
            return Map.of();
        }
        return em.createNamedQuery("ReconciliationFinding.openOfTransfers", ReconciliationFinding.class)
            .setParameter("ids", ids).getResultList().stream()
            .collect(Collectors.toMap(ReconciliationFinding::transferId, f -> f, (a, b) -> b.id() > a.id() ? b : a));
    }

    private void requireSystem() {
        access.current().requireAny(Role.SYSTEM_ADMIN);
    }
}
