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
 */
@Entity
@Table(name = "exchange_log")
@NamedQuery(name = "ExchangeEntry.all", query = "SELECT e FROM ExchangeEntry e ORDER BY e.seq")
@NamedQuery(name = "ExchangeEntry.ofDossier",
    query = "SELECT e FROM ExchangeEntry e WHERE e.dossierCode = :code ORDER BY e.seq")
public class ExchangeEntry implements HashChain.Link {

    /** Direction of a logged message. */
    public enum Direction { IN, OUT }

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

    @Column(name = "message_id", length = 100, nullable = false, updatable = false)
    private String messageId;

    @Enumerated(EnumType.STRING)
    @Column(name = "operation", length = 30, nullable = false, updatable = false)
    private ExchangeOperation operation;

    @Column(name = "dossier_code", length = 40, nullable = false, updatable = false)
    private String dossierCode;

    @Column(name = "payload_sha256", length = 64, nullable = false, updatable = false)
    private String payloadSha256;

    @Column(name = "previous_hash", length = 64, nullable = false, updatable = false)
    private String previousHash;

    @Column(name = "entry_hash", length = 64, nullable = false, updatable = false)
    private String entryHash;

    /** For JPA only. */
    protected ExchangeEntry() {
    }

    /**
     * A new entry chained to its predecessor.
     *
     * @param seq          the next sequence number (predecessor + 1, first = 1)
     * @param previousHash the predecessor's hash ({@link HashChain#GENESIS} for the first)
     */
    public ExchangeEntry(long seq, Instant at, Direction direction, String partnerCode, String messageId,
                         ExchangeOperation operation, String dossierCode, String payloadSha256, String previousHash) {
        this.seq = seq;
        this.at = Objects.requireNonNull(at, "at").truncatedTo(ChronoUnit.MILLIS);
        this.direction = Objects.requireNonNull(direction, "direction");
        this.partnerCode = Objects.requireNonNull(partnerCode, "partnerCode");
        this.messageId = Objects.requireNonNull(messageId, "messageId");
        this.operation = Objects.requireNonNull(operation, "operation");
        this.dossierCode = Objects.requireNonNull(dossierCode, "dossierCode");
        this.payloadSha256 = Objects.requireNonNull(payloadSha256, "payloadSha256");
        this.previousHash = Objects.requireNonNull(previousHash, "previousHash");
        this.entryHash = HashChain.hash(previousHash, canonical());
    }

    /** {@code seq|at (UTC, ISO-8601)|direction|partner|message id|operation|dossier code|payload SHA-256}. */
    @Override
    public String canonical() {
        return seq + "|" + at + "|" + direction + "|" + partnerCode + "|" + messageId + "|" + operation.wireName()
            + "|" + dossierCode + "|" + payloadSha256;
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
