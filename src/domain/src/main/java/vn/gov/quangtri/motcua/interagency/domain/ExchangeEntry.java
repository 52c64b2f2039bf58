package vn.gov.quangtri.motcua.interagency.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import vn.gov.quangtri.motcua.shared.domain.InstantConverter;

/**
 * One entry of the exchange log: an inbound or outbound message (direction, partner, message id,
 * operation, the citizen-facing dossier code, SHA-256 of the payload), chained to its predecessor by
 * {@link HashChain}. Append-only; never updated. Moments are kept to the millisecond (both databases
 * store them exactly), so the canonical form read back equals the one hashed.
 *
 * <p>Since V18 every entry also has its own <em>attempt id</em> (a fresh UUID) beside the message id and an
 * {@link Outcome} with a detail (the outcome status or the reason of a failure or refusal): the message written
 * to the outbox, each delivery attempt, each arrival (accepted, replayed, refused). Entries written before
 * V18 have neither and keep their first canonical form; see {@link #canonical()}. The operation, message id
 * and dossier code are null only for a refused arrival that lacked them.
 */
@Entity
@Table(name = "exchange_log")
@NamedQuery(name = "ExchangeEntry.upTo", query = "SELECT e FROM ExchangeEntry e WHERE e.seq <= :last ORDER BY e.seq")
@NamedQuery(name = "ExchangeEntry.ofDossier",
    query = "SELECT e FROM ExchangeEntry e WHERE e.dossierCode = :code ORDER BY e.seq")
@NamedQuery(name = "ExchangeEntry.ofMessage",
    query = "SELECT e FROM ExchangeEntry e WHERE e.direction = :direction AND e.partnerCode = :partner"
        + " AND e.messageId = :id ORDER BY e.seq")
public class ExchangeEntry implements HashChain.Link {

    /** Direction of a logged message. */
    public enum Direction { IN, OUT }

    /** What happened to the message at this entry. */
    public enum Outcome {
        /** OUT: written to the outbox with the change it announces (not yet a try). */
        QUEUED,
        /** OUT: the partner accepted this attempt (2xx, or a normal SOAP answer, including its replay answer). */
        DELIVERED,
        /** OUT: no usable answer (connection, timeout, 5xx, configuration); IN: an unexpected error here. */
        FAILED,
        /** OUT: the partner refused the message (4xx, SOAP fault with a 4xx status); IN: refused here. */
        REFUSED,
        /** IN: applied or answered (detail: the outcome status ACCEPTED, APPLIED, IGNORED or OK). */
        ACCEPTED,
        /** IN: a repeat of a message already applied, answered with the stored outcome; nothing changed. */
        REPLAYED
    }

    /** Longest detail kept (characters); longer texts are cut before hashing. */
    public static final int DETAIL_LENGTH = 400;

    @Id
    @Column(name = "seq")
    private long seq;

    @Convert(converter = InstantConverter.class)
    @Column(name = "logged_at", nullable = false, updatable = false)
    private Instant at;

    @Enumerated(EnumType.STRING)
    @Column(name = "direction", length = 3, nullable = false, updatable = false)
    private Direction direction;

    @Column(name = "partner_code", length = 60, nullable = false, updatable = false)
    private String partnerCode;

    @Column(name = "message_id", length = 100, updatable = false)
    private String messageId;

    @Enumerated(EnumType.STRING)
    @Column(name = "operation", length = 30, updatable = false)
    private ExchangeOperation operation;

    @Column(name = "dossier_code", length = 40, updatable = false)
    private String dossierCode;

    @Column(name = "payload_sha256", length = 64, nullable = false, updatable = false)
    private String payloadSha256;

    @Column(name = "previous_hash", length = 64, nullable = false, updatable = false)
    private String previousHash;

    @Column(name = "entry_hash", length = 64, nullable = false, updatable = false)
    private String entryHash;

    @Column(name = "attempt_id", length = 36, updatable = false)
    private String attemptId;

    @Enumerated(EnumType.STRING)
    @Column(name = "outcome", length = 20, updatable = false)
    private Outcome outcome;

    @Column(name = "detail", length = 500, updatable = false)
    private String detail;

    /** For JPA only. */
    protected ExchangeEntry() {
    }

    /**
     * An entry in the first form (no attempt id, no outcome), as written before V18; kept for reading old
     * logs in tests.
     *
     * @param seq          the next sequence number (predecessor + 1, first = 1)
     * @param previousHash the predecessor's hash ({@link HashChain#GENESIS} for the first)
     */
    public ExchangeEntry(long seq, Instant at, Direction direction, String partnerCode, String messageId,
                         ExchangeOperation operation, String dossierCode, String payloadSha256, String previousHash) {
        this(seq, at, direction, partnerCode, Objects.requireNonNull(messageId, "messageId"),
            Objects.requireNonNull(operation, "operation"), Objects.requireNonNull(dossierCode, "dossierCode"),
            payloadSha256, previousHash, null, null, null);
    }

    /**
     * A new entry chained to its predecessor.
     *
     * @param seq          the next sequence number (predecessor + 1, first = 1)
     * @param messageId    the message id (X-Road id), null only for a refused arrival without one
     * @param operation    null only for a refused arrival naming no known operation
     * @param dossierCode  the citizen-facing dossier code, null when a refused arrival names none
     * @param previousHash the predecessor's hash ({@link HashChain#GENESIS} for the first)
     * @param attemptId    this entry's own id (a fresh UUID per try); null only in the first form
     * @param outcome      what happened; required with an attempt id
     * @param detail       outcome status or reason, may be null; cut to {@value #DETAIL_LENGTH} characters
     */
    public ExchangeEntry(long seq, Instant at, Direction direction, String partnerCode, String messageId,
                         ExchangeOperation operation, String dossierCode, String payloadSha256, String previousHash,
                         String attemptId, Outcome outcome, String detail) {
        this.seq = seq;
        this.at = Objects.requireNonNull(at, "at").truncatedTo(ChronoUnit.MILLIS);
        this.direction = Objects.requireNonNull(direction, "direction");
        this.partnerCode = Objects.requireNonNull(partnerCode, "partnerCode");
        this.messageId = messageId;
        this.operation = operation;
        this.dossierCode = dossierCode;
        this.payloadSha256 = Objects.requireNonNull(payloadSha256, "payloadSha256");
        this.previousHash = Objects.requireNonNull(previousHash, "previousHash");
        this.attemptId = attemptId;
        this.outcome = attemptId == null ? outcome : Objects.requireNonNull(outcome, "outcome");
        this.detail = attemptId == null ? null : cut(detail);
        this.entryHash = HashChain.hash(previousHash, canonical());
    }

    /**
     * The hashed text. First form (entries without attempt id, before V18):
     * {@code seq|at (UTC, ISO-8601)|direction|partner|message id|operation|dossier code|payload SHA-256}.
     * Second form (with attempt id): the same fields, a missing one as the empty text, then
     * {@code |v2|attempt id|outcome|detail} (detail last, may contain anything, empty when missing).
     */
    @Override
    public String canonical() {
        if (attemptId == null) {
            return seq + "|" + at + "|" + direction + "|" + partnerCode + "|" + messageId + "|" + operation.wireName()
                + "|" + dossierCode + "|" + payloadSha256;
        }
        return seq + "|" + at + "|" + direction + "|" + partnerCode + "|" + orEmpty(messageId) + "|"
            + (operation == null ? "" : operation.wireName()) + "|" + orEmpty(dossierCode) + "|" + payloadSha256
            + "|v2|" + attemptId + "|" + outcome + "|" + orEmpty(detail);
    }

    private static String orEmpty(String s) {
        return s == null ? "" : s;
    }

    /** A detail as stored: blank → null, at most {@value #DETAIL_LENGTH} characters (not splitting a pair). */
    static String cut(String detail) {
        if (detail == null || detail.isBlank()) {
            return null;
        }
        String d = detail.strip();
        if (d.length() <= DETAIL_LENGTH) {
            return d;
        }
        int end = Character.isHighSurrogate(d.charAt(DETAIL_LENGTH - 1)) ? DETAIL_LENGTH - 1 : DETAIL_LENGTH;
        return d.substring(0, end);
    }

    /** This entry's own id (UUID), null for entries written before V18. */
    public String attemptId() {
        return attemptId;
    }

    /** What happened, null for entries written before V18. */
    public Outcome outcome() {
        return outcome;
    }

    /** Outcome status or reason, may be null. */
    public String detail() {
        return detail;
    }

    @Override
    public long seq() {
        return seq;
    }

    public Instant at() {
        return at;
    }

    public Direction direction() {
        return direction;
    }

    public String partnerCode() {
        return partnerCode;
    }

    public String messageId() {
        return messageId;
    }

    public ExchangeOperation operation() {
        return operation;
    }

    public String dossierCode() {
        return dossierCode;
    }

    public String payloadSha256() {
        return payloadSha256;
    }

    @Override
    public String previousHash() {
        return previousHash;
    }

    @Override
    public String entryHash() {
        return entryHash;
    }
}
