package vn.gov.quangtri.motcua.interagency.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Objects;
import vn.gov.quangtri.motcua.shared.domain.ConflictException;
import vn.gov.quangtri.motcua.shared.domain.InstantConverter;

/**
 * An outgoing message of the transactional outbox: written in the same transaction as the dossier change
 * it announces, sent asynchronously (at least once, same message id on every attempt) in per-transfer
 * {@link #sequence()} order; failures are retried with {@link Backoff}, and after the maximum number of
 * attempts the message is DEAD until an administrator re-sends it.
 */
@Entity
@Table(name = "outbox_message")
@NamedQuery(name = "OutboxMessage.byMessageId", query = "SELECT m FROM OutboxMessage m WHERE m.messageId = :id")
@NamedQuery(name = "OutboxMessage.ofTransfer",
    query = "SELECT m FROM OutboxMessage m WHERE m.transfer = :transfer AND m.operation = :operation ORDER BY m.sequence")
@NamedQuery(name = "OutboxMessage.dead",
    query = "SELECT m FROM OutboxMessage m WHERE m.status = vn.gov.quangtri.motcua.interagency.domain.OutboxStatus.DEAD"
        + " ORDER BY m.createdAt, m.id")
@NamedQuery(name = "OutboxMessage.pendingHeads",
    query = "SELECT m FROM OutboxMessage m WHERE m.status = vn.gov.quangtri.motcua.interagency.domain.OutboxStatus.PENDING"
        + " AND NOT EXISTS (SELECT o FROM OutboxMessage o WHERE o.transfer = m.transfer"
        + " AND o.sequence < m.sequence AND o.status <> vn.gov.quangtri.motcua.interagency.domain.OutboxStatus.SENT)"
        + " ORDER BY m.nextAttemptAt, m.transfer.id, m.sequence")
public class OutboxMessage {

    @Id
    @SequenceGenerator(name = "outbox_message_seq", sequenceName = "outbox_message_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "outbox_message_seq")
    private Long id;

    @Column(name = "message_id", length = 36, nullable = false, updatable = false)
    private String messageId;

    @Column(name = "partner_code", length = 60, nullable = false, updatable = false)
    private String partnerCode;

    @ManyToOne(optional = false, fetch = FetchType.LAZY)
    @JoinColumn(name = "transfer_id", updatable = false)
    private InterAgencyTransfer transfer;

    @Enumerated(EnumType.STRING)
    @Column(name = "operation", length = 30, nullable = false, updatable = false)
    private ExchangeOperation operation;

    @Column(name = "payload", nullable = false, updatable = false)
    private String payload;

    @Column(name = "seq", nullable = false, updatable = false)
    private int sequence;

    @Enumerated(EnumType.STRING)
    @Column(name = "status", length = 10, nullable = false)
    private OutboxStatus status;

    @Column(name = "attempts", nullable = false)
    private int attempts;

    @Convert(converter = InstantConverter.class)
    @Column(name = "next_attempt_at", nullable = false)
    private Instant nextAttemptAt;

    @Column(name = "last_error", length = 4000)
    private String lastError;

    @Convert(converter = InstantConverter.class)
    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Convert(converter = InstantConverter.class)
    @Column(name = "sent_at")
    private Instant sentAt;

    @Version
    @Column(name = "version")
    private long version;

    /** For JPA only. */
    protected OutboxMessage() {
    }

    /**
     * A new pending message, due at once.
     *
     * @param messageId UUID, the X-Road message id on every attempt
     * @param sequence  the transfer's next outgoing sequence number
     */
    public OutboxMessage(String messageId, String partnerCode, InterAgencyTransfer transfer, ExchangeOperation operation,
                         String payload, int sequence, Instant createdAt) {
        this.messageId = Objects.requireNonNull(messageId, "messageId");
        this.partnerCode = Objects.requireNonNull(partnerCode, "partnerCode");
        this.transfer = Objects.requireNonNull(transfer, "transfer");
        this.operation = Objects.requireNonNull(operation, "operation");
        this.payload = Objects.requireNonNull(payload, "payload");
        this.sequence = sequence;
        this.createdAt = Objects.requireNonNull(createdAt, "createdAt");
        this.nextAttemptAt = createdAt;
        this.status = OutboxStatus.PENDING;
    }

    /** The partner answered: delivered. A second report is harmless. */
    public void markSent(Instant at) {
        if (status == OutboxStatus.SENT) {
            return;
        }
        status = OutboxStatus.SENT;
        sentAt = at;
        attempts++;
        lastError = null;
    }

    /**
     * An attempt failed: retry later per the back-off, or DEAD after the last attempt.
     *
     * @return the new status
     */
    public OutboxStatus markFailed(Instant at, String error, Backoff backoff) {
        if (status != OutboxStatus.PENDING) {
            throw new ConflictException("NOT_PENDING", "Message " + messageId + " is " + status + ", not pending");
        }
        attempts++;
        lastError = error == null ? null : (error.length() > 4000 ? error.substring(0, 4000) : error);
        if (backoff.exhausted(attempts)) {
            status = OutboxStatus.DEAD;
        } else {
            nextAttemptAt = at.plus(backoff.delayAfter(attempts));
        }
        return status;
    }

    /** An administrator re-sends a dead message: pending again, due at once, attempts counted anew. */
    public void resend(Instant at) {
        if (status != OutboxStatus.DEAD) {
            throw new ConflictException("NOT_DEAD", "Only dead-lettered messages can be re-sent; " + messageId + " is " + status);
        }
        status = OutboxStatus.PENDING;
        attempts = 0;
        nextAttemptAt = at;
    }

    /**
     * Makes a pending message waiting for its next attempt due at once (the transfer reconciliation found that the
     * partner still lacks it); attempts and last error stay. Any other status: nothing changes.
     *
     * @return whether the next attempt moved
     */
    public boolean dueNow(Instant at) {
        if (status != OutboxStatus.PENDING || !nextAttemptAt.isAfter(at)) {
            return false;
        }
        nextAttemptAt = at;
        return true;
    }

    public Long id() {
        return id;
    }

    public String messageId() {
        return messageId;
    }

    public String partnerCode() {
        return partnerCode;
    }

    public InterAgencyTransfer transfer() {
        return transfer;
    }

    public ExchangeOperation operation() {
        return operation;
    }

    public String payload() {
        return payload;
    }

    /** Position among the transfer's outgoing messages (1, 2, …): send in this order. */
    public int sequence() {
        return sequence;
    }

    public OutboxStatus status() {
        return status;
    }

    public int attempts() {
        return attempts;
    }

    public Instant nextAttemptAt() {
        return nextAttemptAt;
    }

    public String lastError() {
        return lastError;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant sentAt() {
        return sentAt;
    }
}
