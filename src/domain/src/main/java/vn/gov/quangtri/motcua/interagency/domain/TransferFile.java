package vn.gov.quangtri.motcua.interagency.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Objects;
import vn.gov.quangtri.motcua.shared.domain.InstantConverter;

/**
 * A file announced by a partner in a submit-transfer message, on the receiving side (issue 15 §1). The transfer
 * carries the file by reference ({@link TransferPayload.FileData}); the receiving system fetches the bytes from the
 * sender in the background and keeps them only when their size and SHA-256 are the announced ones, as a file of
 * the child dossier (source {@code PARTNER_TRANSFER}). A fetch that fails (partner unreachable, 5xx) waits and is
 * tried again with the outbox's {@link Backoff}; bytes that do not match, a type or size the receiver does not
 * accept, or too many failed attempts end as {@link State#REFUSED} with the reason, shown with the transfer.
 */
@Entity
@Table(name = "transfer_file")
@NamedQuery(name = "TransferFile.due", query = "SELECT f FROM TransferFile f WHERE f.state = :pending"
    + " AND f.nextAttemptAt <= :now ORDER BY f.nextAttemptAt, f.id")
@NamedQuery(name = "TransferFile.ofDossier", query = "SELECT f FROM TransferFile f WHERE f.dossierCode = :code"
    + " ORDER BY f.id")
public class TransferFile {

    /** Where the fetch of an announced file stands. */
    public enum State {
        /** not fetched yet, or waiting for the next attempt */
        PENDING,
        /** fetched, checked and attached to the child dossier */
        RECEIVED,
        /** given up: the reason says why */
        REFUSED
    }

    @Id
    @SequenceGenerator(name = "transfer_file_seq", sequenceName = "transfer_file_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "transfer_file_seq")
    private Long id;

    @Column(name = "transfer_id", length = 36, nullable = false, updatable = false)
    private String transferId;

    @Column(name = "partner_code", length = 60, nullable = false, updatable = false)
    private String partnerCode;

    @Column(name = "dossier_code", length = 40, nullable = false, updatable = false)
    private String dossierCode;

    @Column(name = "remote_id", nullable = false, updatable = false)
    private long remoteId;

    @Column(name = "component_position", updatable = false)
    private Integer componentPosition;

    @Column(name = "file_name", length = 1000, nullable = false, updatable = false)
    private String fileName;

    @Column(name = "media_type", length = 200, updatable = false)
    private String mediaType;

    @Column(name = "size_bytes", nullable = false, updatable = false)
    private long sizeBytes;

    @Column(name = "sha256", length = 64, nullable = false, updatable = false)
    private String sha256;

    @Enumerated(EnumType.STRING)
    @Column(name = "state", length = 20, nullable = false)
    private State state;

    @Column(name = "attempts", nullable = false)
    private int attempts;

    @Convert(converter = InstantConverter.class)
    @Column(name = "next_attempt_at", nullable = false)
    private Instant nextAttemptAt;

    @Column(name = "reason", length = 1000)
    private String reason;

    @Column(name = "dossier_file_id")
    private Long dossierFileId;

    @Convert(converter = InstantConverter.class)
    @Column(name = "announced_at", nullable = false, updatable = false)
    private Instant announcedAt;

    @Convert(converter = InstantConverter.class)
    @Column(name = "ended_at")
    private Instant endedAt;

    protected TransferFile() {
    }

    /**
     * An announced file, to be fetched at once.
     *
     * @param transferId  the transfer that announced it
     * @param partnerCode the partner system that sent it (and serves the bytes)
     * @param dossierCode the child dossier it belongs to
     * @param announced   what the sender said of it
     * @param at          when the transfer was received
     */
    public TransferFile(String transferId, String partnerCode, String dossierCode, TransferPayload.FileData announced,
                        Instant at) {
        this.transferId = Objects.requireNonNull(transferId, "transferId");
        this.partnerCode = Objects.requireNonNull(partnerCode, "partnerCode");
        this.dossierCode = Objects.requireNonNull(dossierCode, "dossierCode");
        this.remoteId = announced.id();
        this.componentPosition = announced.component();
        this.fileName = announced.name();
        this.mediaType = announced.mediaType();
        this.sizeBytes = announced.size();
        this.sha256 = announced.sha256();
        this.state = State.PENDING;
        this.announcedAt = Objects.requireNonNull(at, "at");
        this.nextAttemptAt = at;
    }

    /**
     * Compares fetched bytes with the announcement.
     *
     * @param size   how many bytes arrived
     * @param sha256 their SHA-256, hexadecimal
     * @return null when they match, else the reason in Vietnamese with both values
     */
    public String mismatch(long size, String sha256) {
        if (size != sizeBytes) {
            return "Kích thước không khớp: bên gửi báo " + sizeBytes + " byte, nhận được " + size + " byte";
        }
        if (!this.sha256.equalsIgnoreCase(sha256)) {
            return "Mã băm SHA-256 không khớp: bên gửi báo " + this.sha256 + ", nhận được " + sha256;
        }
        return null;
    }

    /** The bytes arrived, matched and were attached as the child's file {@code fileId}. */
    public void received(long fileId, Instant at) {
        requirePending();
        this.attempts++;
        this.dossierFileId = fileId;
        this.state = State.RECEIVED;
        this.reason = null;
        this.endedAt = at;
    }

    /** Given up for good (bytes that do not match, refused by our rules). */
    public void refuse(String why, Instant at) {
        requirePending();
        this.attempts++;
        this.state = State.REFUSED;
        this.reason = clip(why);
        this.endedAt = at;
    }

    /**
     * An attempt failed for a reason that may pass (partner unreachable, 5xx): the next one waits as
     * {@code backoff} says; when it is exhausted the file is refused.
     *
     * @return the state after the failure
     */
    public State failed(String error, Instant now, Backoff backoff) {
        requirePending();
        this.attempts++;
        this.reason = clip(error);
        if (backoff.exhausted(attempts)) {
            this.state = State.REFUSED;
            this.reason = clip("Bỏ sau " + attempts + " lần thử: " + error);
            this.endedAt = now;
        } else {
            this.nextAttemptAt = now.plus(backoff.delayAfter(attempts));
        }
        return state;
    }

    private void requirePending() {
        if (state != State.PENDING) {
            throw new IllegalStateException("transfer file " + id + " is already " + state);
        }
    }

    private static String clip(String s) {
        return s == null ? null : s.length() > 1000 ? s.substring(0, 999) + "…" : s;
    }

    public Long id() {
        return id;
    }

    public String transferId() {
        return transferId;
    }

    public String partnerCode() {
        return partnerCode;
    }

    public String dossierCode() {
        return dossierCode;
    }

    public long remoteId() {
        return remoteId;
    }

    public Integer componentPosition() {
        return componentPosition;
    }

    public String fileName() {
        return fileName;
    }

    public String mediaType() {
        return mediaType;
    }

    public long sizeBytes() {
        return sizeBytes;
    }

    public String sha256() {
        return sha256;
    }

    public State state() {
        return state;
    }

    public int attempts() {
        return attempts;
    }

    public Instant nextAttemptAt() {
        return nextAttemptAt;
    }

    /** Why the last attempt failed or why the file was refused; null once received. */
    public String reason() {
        return reason;
    }

    /** The child dossier's file once received, else null. */
    public Long dossierFileId() {
        return dossierFileId;
    }

    public Instant announcedAt() {
        return announcedAt;
    }

    /** When it was received or refused, else null. */
    public Instant endedAt() {
        return endedAt;
    }
}
