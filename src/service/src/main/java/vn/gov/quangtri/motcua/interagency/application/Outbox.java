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
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import vn.gov.quangtri.motcua.account.application.AccessControl;
import vn.gov.quangtri.motcua.account.domain.AccessScope;
import vn.gov.quangtri.motcua.account.domain.Role;
import vn.gov.quangtri.motcua.audit.domain.AdminArea;
import vn.gov.quangtri.motcua.audit.domain.AdminChange;
import vn.gov.quangtri.motcua.interagency.domain.Backoff;
import vn.gov.quangtri.motcua.shared.application.RetrySettings;
import vn.gov.quangtri.motcua.interagency.domain.ExchangeEntry;
import vn.gov.quangtri.motcua.interagency.domain.ExchangeEntry.Direction;
import vn.gov.quangtri.motcua.interagency.domain.ExchangeEntry.Outcome;
import vn.gov.quangtri.motcua.interagency.domain.ExchangeOperation;
import vn.gov.quangtri.motcua.interagency.domain.InterAgencyTransfer;
import vn.gov.quangtri.motcua.interagency.domain.OutboxMessage;
import vn.gov.quangtri.motcua.interagency.domain.OutboxStatus;
import vn.gov.quangtri.motcua.shared.domain.NotFoundException;

/**
 * The transactional outbox of the partner exchange. {@link #enqueue} writes a message (and its exchange
 * log entry) in the transaction of the dossier change; the sender (a scheduled job, built separately)
 * takes {@link #pending} messages, calls the partner with the message id as X-Road id, and reports
 * {@link #markSent} or {@link #markFailed}, each try logged with its own attempt id. Delivery is at least once; the partner's idempotent receiving
 * makes each transfer apply exactly once.
 *
 * <p>Settings: {@code motcua.outbox.initial-delay} (ISO-8601 duration, default PT1M),
 * {@code motcua.outbox.max-delay} (PT1H), {@code motcua.outbox.max-attempts} (8), see {@link Backoff}.
 * The sender's calls need trusted scope ({@code SystemTask}); the dead-letter list and re-sending need a
 * system administrator.
 */
@Stateless
public class Outbox {

    @PersistenceContext(unitName = "motcua")
    private EntityManager em;

    @EJB
    private ExchangeLog log;

    @EJB
    private AccessControl access;

    @Inject
    private Clock clock;

    private Backoff backoff = Backoff.DEFAULT;

    @PostConstruct
    void init() {
        backoff = RetrySettings.backoff("motcua.outbox");
    }

    /** The retry schedule in force. */
    public Backoff backoff() {
        return backoff;
    }

    /**
     * Writes an outgoing message in the caller's transaction, with the transfer's next sequence number and
     * a new UUID message id, and logs it.
     *
     * @param dossierCode the citizen-facing code, for the exchange log
     */
    @TransactionAttribute(TransactionAttributeType.MANDATORY)
    public OutboxMessage enqueue(InterAgencyTransfer transfer, ExchangeOperation operation, String payload,
                                 String dossierCode) {
        Instant now = clock.instant();
        OutboxMessage m = new OutboxMessage(UUID.randomUUID().toString(), transfer.partnerCode(), transfer, operation,
            payload, transfer.takeOutSequence(), now);
        em.persist(m);
        log.append(Direction.OUT, m.partnerCode(), m.messageId(), operation, dossierCode, payload, now, Outcome.QUEUED,
            null);
        return m;
    }

    /**
     * Messages due now, at most {@code limit}: pending, their next attempt reached, and no earlier message of
     * the same transfer still unsent (in-order delivery per transfer; a dead earlier message holds the later
     * ones back until it is re-sent). Oldest due first.
     */
    public List<OutboxMessage> pending(int limit) {
        requireSystem();
        Instant now = clock.instant();
        // The due-time filter runs here rather than in JPQL: the candidates are few (pending heads of
        // transfers), and it keeps the comparison independent of how a driver binds an Instant parameter.
        return em.createNamedQuery("OutboxMessage.pendingHeads", OutboxMessage.class).getResultList().stream()
            .filter(m -> !m.nextAttemptAt().isAfter(now)).limit(Math.max(0, limit)).toList();
    }

    /** {@link #markSent(String, String)} under a fresh attempt id. */
    public OutboxMessage markSent(String messageId) {
        return markSent(messageId, UUID.randomUUID().toString());
    }

    /**
     * The partner accepted the message (any stored outcome, including a replay); the attempt is logged as
     * DELIVERED.
     *
     * @param attemptId the id of this try (a fresh UUID per try)
     */
    public OutboxMessage markSent(String messageId, String attemptId) {
        requireSystem();
        OutboxMessage m = locked(messageId);
        Instant now = clock.instant();
        m.markSent(now);
        logAttempt(m, attemptId, now, Outcome.DELIVERED, null);
        return m;
    }

    /** {@link #markFailed(String, String, String, boolean)} under a fresh attempt id, not a refusal. */
    public OutboxStatus markFailed(String messageId, String error) {
        return markFailed(messageId, UUID.randomUUID().toString(), error, false);
    }

    /**
     * An attempt failed (network, timeout, 5xx, SOAP fault) or the partner refused the message; the error is
     * kept for the administrators and the attempt is logged (FAILED or REFUSED, with the error).
     *
     * @param attemptId the id of this try (a fresh UUID per try)
     * @param refused   the partner answered with a refusal (4xx) rather than failing
     * @return PENDING (retry at {@link OutboxMessage#nextAttemptAt()}) or DEAD
     */
    public OutboxStatus markFailed(String messageId, String attemptId, String error, boolean refused) {
        requireSystem();
        OutboxMessage m = locked(messageId);
        Instant now = clock.instant();
        OutboxStatus s = m.markFailed(now, error, backoff);
        logAttempt(m, attemptId, now, refused ? Outcome.REFUSED : Outcome.FAILED, error);
        return s;
    }

    /** One delivery attempt in the exchange log, under the dossier code the message was queued with. */
    private void logAttempt(OutboxMessage m, String attemptId, Instant at, Outcome outcome, String detail) {
        String dossierCode = log.entriesOfMessage(Direction.OUT, m.partnerCode(), m.messageId()).stream()
            .map(ExchangeEntry::dossierCode).filter(java.util.Objects::nonNull).findFirst()
            .orElse(m.transfer().parentCode());
        log.append(Direction.OUT, m.partnerCode(), m.messageId(), m.operation(), dossierCode, m.payload(), at, attemptId,
            outcome, detail);
    }

    /**
     * The outbound queue for the administrators: pending messages (oldest first), then the most recently
     * sent, at most {@code limit} in all. Dead letters: {@link #deadLetters()}.
     */
    public List<OutboxMessage> queue(int limit) {
        access.current().requireAny(Role.SYSTEM_ADMIN);
        List<OutboxMessage> pendingOnes = em.createQuery("SELECT m FROM OutboxMessage m WHERE m.status = "
            + "vn.gov.quangtri.motcua.interagency.domain.OutboxStatus.PENDING ORDER BY m.createdAt, m.id",
            OutboxMessage.class).setMaxResults(Math.max(1, limit)).getResultList();
        int rest = Math.max(0, limit - pendingOnes.size());
        if (rest == 0) {
            return withTransfers(pendingOnes);
        }
        List<OutboxMessage> sent = em.createQuery("SELECT m FROM OutboxMessage m WHERE m.status = "
            + "vn.gov.quangtri.motcua.interagency.domain.OutboxStatus.SENT ORDER BY m.sentAt DESC, m.id DESC",
            OutboxMessage.class).setMaxResults(rest).getResultList();
        List<OutboxMessage> all = new java.util.ArrayList<>(pendingOnes);
        all.addAll(sent);
        return withTransfers(all);
    }

    /** Loads each message's transfer (lazy) while the transaction is open, for display after it. */
    private static List<OutboxMessage> withTransfers(List<OutboxMessage> messages) {
        messages.forEach(m -> m.transfer().transferId());
        return messages;
    }

    /** The dead-letter list, oldest first (system administrators). */
    public List<OutboxMessage> deadLetters() {
        access.current().requireAny(Role.SYSTEM_ADMIN);
        return withTransfers(em.createNamedQuery("OutboxMessage.dead", OutboxMessage.class).getResultList());
    }

    /**
     * Re-sends a dead message with the same message id (the partner answers a repeat with its first outcome).
     *
     * @throws vn.gov.quangtri.motcua.shared.domain.ConflictException {@code NOT_DEAD}
     */
    public OutboxMessage resend(String messageId, String actor) {
        AccessScope scope = access.current();
        scope.requireAny(Role.SYSTEM_ADMIN);
        String who = AdminChange.requireActor(scope == AccessScope.SYSTEM ? actor : scope.username());
        OutboxMessage m = locked(messageId);
        m.resend(clock.instant());
        em.persist(new AdminChange(clock.instant(), who, AdminArea.PARTNER, "OUTBOX_RESEND", messageId,
            "Gửi lại thông điệp liên thông", m.operation().wireName() + " → " + m.partnerCode() + "; lỗi cuối: "
                + m.lastError()));
        em.flush();
        m.transfer().transferId();
        return m;
    }

    private OutboxMessage locked(String messageId) {
        List<OutboxMessage> found = em.createNamedQuery("OutboxMessage.byMessageId", OutboxMessage.class)
            .setParameter("id", messageId).getResultList();
        if (found.isEmpty()) {
            throw new NotFoundException("outbox message", messageId);
        }
        OutboxMessage m = found.get(0);
        em.lock(m, LockModeType.PESSIMISTIC_WRITE);
        return m;
    }

    private void requireSystem() {
        access.current().requireAny(Role.SYSTEM_ADMIN);
    }
}
