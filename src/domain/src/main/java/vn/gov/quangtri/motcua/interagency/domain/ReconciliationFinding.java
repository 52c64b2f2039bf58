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
import vn.gov.quangtri.motcua.shared.domain.InstantConverter;

/**
 * What the transfer reconciliation found about one of our outbound transfers and keeps for the administrators
 * (exchange page, {@code GET /interagency/reconciliation/findings}): a status mismatch with the partner, a re-send of
 * a transfer the partner never received, or a partner that could not be asked. One row per transfer and
 * {@link #fingerprint()} (the situation found): a run that finds the same situation again only counts it
 * ({@link #seenAgain}), never adds a second row; a run that finds the transfer in another situation (or in sync)
 * {@link #resolve resolves} it. Times are instants (shown in Asia/Ho_Chi_Minh).
 */
@Entity
@Table(name = "reconciliation_finding")
@NamedQuery(name = "ReconciliationFinding.ofTransfer",
    query = "SELECT f FROM ReconciliationFinding f WHERE f.transfer = :transfer ORDER BY f.id")
@NamedQuery(name = "ReconciliationFinding.open",
    query = "SELECT f FROM ReconciliationFinding f WHERE f.resolvedAt IS NULL ORDER BY f.lastSeenAt DESC, f.id DESC")
@NamedQuery(name = "ReconciliationFinding.latest",
    query = "SELECT f FROM ReconciliationFinding f ORDER BY f.lastSeenAt DESC, f.id DESC")
@NamedQuery(name = "ReconciliationFinding.openOfTransfers",
    query = "SELECT f FROM ReconciliationFinding f WHERE f.resolvedAt IS NULL AND f.transfer.id IN :ids ORDER BY f.id")
public class ReconciliationFinding {

    /** What was found. */
    public enum Kind {
        /** Our status and the partner's differ (beyond the grace period), or the partner lost a transfer it had. */
        MISMATCH,
        /** The partner never received the transfer: its submit-transfer was sent again through the outbox. */
        RESENT,
        /** The partner could not be asked (no answer, or an error): the transfer was skipped. */
        SKIPPED
    }

    /** Longest reason kept. */
    public static final int MAX_REASON = 1000;

    @Id
    @SequenceGenerator(name = "reconciliation_finding_seq", sequenceName = "reconciliation_finding_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "reconciliation_finding_seq")
    private Long id;

    @ManyToOne(optional = false, fetch = FetchType.LAZY)
    @JoinColumn(name = "transfer_id", updatable = false)
    private InterAgencyTransfer transfer;

    @Column(name = "transfer_uuid", length = 36, nullable = false, updatable = false)
    private String transferId;

    @Column(name = "dossier_code", length = 40, nullable = false, updatable = false)
    private String dossierCode;

    @Column(name = "partner_code", length = 60, nullable = false, updatable = false)
    private String partnerCode;

    @Enumerated(EnumType.STRING)
    @Column(name = "kind", length = 20, nullable = false, updatable = false)
    private Kind kind;

    @Column(name = "fingerprint", length = 200, nullable = false, updatable = false)
    private String fingerprint;

    @Enumerated(EnumType.STRING)
    @Column(name = "our_status", length = 20, nullable = false, updatable = false)
    private TransferStatus ourStatus;

    @Enumerated(EnumType.STRING)
    @Column(name = "partner_status", length = 20, updatable = false)
    private TransferStatus partnerStatus;

    @Convert(converter = InstantConverter.class)
    @Column(name = "partner_status_at", updatable = false)
    private Instant partnerStatusAt;

    @Column(name = "reason", length = MAX_REASON, nullable = false)
    private String reason;

    @Convert(converter = InstantConverter.class)
    @Column(name = "first_seen_at", nullable = false, updatable = false)
    private Instant firstSeenAt;

    @Convert(converter = InstantConverter.class)
    @Column(name = "last_seen_at", nullable = false)
    private Instant lastSeenAt;

    @Column(name = "seen_count", nullable = false)
    private int seenCount;

    @Convert(converter = InstantConverter.class)
    @Column(name = "resolved_at")
    private Instant resolvedAt;

    @Column(name = "execution_id")
    private Long executionId;

    @Version
    @Column(name = "version")
    private long version;

    /** For JPA only. */
    protected ReconciliationFinding() {
    }

    /**
     * A new open finding, seen once.
     *
     * @param verdict     the comparison's verdict (MISMATCH, RESEND or SKIPPED)
     * @param executionId the batch job execution that found it, null outside a job
     */
    public ReconciliationFinding(InterAgencyTransfer transfer, ReconciliationVerdict verdict, Instant at,
                                 Long executionId) {
        this.transfer = Objects.requireNonNull(transfer, "transfer");
        this.kind = kindOf(verdict);
        this.transferId = transfer.transferId();
        this.dossierCode = transfer.parentCode();
        this.partnerCode = transfer.partnerCode();
        this.fingerprint = verdict.fingerprint();
        this.ourStatus = verdict.ourStatus();
        this.partnerStatus = verdict.partnerStatus();
        this.partnerStatusAt = verdict.partnerStatusAt();
        this.reason = cut(verdict.reason());
        this.firstSeenAt = Objects.requireNonNull(at, "at");
        this.lastSeenAt = at;
        this.seenCount = 1;
        this.executionId = executionId;
    }

    /** The finding kind a verdict is recorded as; IN_SYNC and SETTLING are not findings. */
    public static Kind kindOf(ReconciliationVerdict verdict) {
        return switch (verdict.kind()) {
            case MISMATCH -> Kind.MISMATCH;
            case RESEND -> Kind.RESENT;
            case SKIPPED -> Kind.SKIPPED;
            case IN_SYNC, SETTLING -> throw new IllegalArgumentException(verdict.kind() + " is not a finding");
        };
    }

    /** The same situation found again by a later check: counted, reopened if it had been resolved, no new row. */
    public void seenAgain(Instant at, String reason, Long executionId) {
        lastSeenAt = Objects.requireNonNull(at, "at");
        seenCount++;
        resolvedAt = null;
        this.reason = cut(reason);
        if (executionId != null) {
            this.executionId = executionId;
        }
    }

    /** A later check found the transfer in another situation (or in sync); a second call changes nothing. */
    public void resolve(Instant at) {
        if (resolvedAt == null) {
            resolvedAt = Objects.requireNonNull(at, "at");
        }
    }

    private static String cut(String reason) {
        String r = reason == null || reason.isBlank() ? "—" : reason.strip();
        return r.length() > MAX_REASON ? r.substring(0, MAX_REASON - 1) + "…" : r;
    }

    public Long id() {
        return id;
    }

    public InterAgencyTransfer transfer() {
        return transfer;
    }

    public String transferId() {
        return transferId;
    }

    /** The citizen-facing code of our (parent) dossier. */
    public String dossierCode() {
        return dossierCode;
    }

    public String partnerCode() {
        return partnerCode;
    }

    public Kind kind() {
        return kind;
    }

    /** The situation found, as compared between runs (kind, both statuses, the partner's moment …). */
    public String fingerprint() {
        return fingerprint;
    }

    public TransferStatus ourStatus() {
        return ourStatus;
    }

    /** The partner's status when it answered one, else null. */
    public TransferStatus partnerStatus() {
        return partnerStatus;
    }

    public Instant partnerStatusAt() {
        return partnerStatusAt;
    }

    /** Why, in a sentence (English, with both statuses and moments in Vietnam time). */
    public String reason() {
        return reason;
    }

    public Instant firstSeenAt() {
        return firstSeenAt;
    }

    public Instant lastSeenAt() {
        return lastSeenAt;
    }

    /** How many checks found this situation. */
    public int seenCount() {
        return seenCount;
    }

    /** When a later check no longer found it; null while open. */
    public Instant resolvedAt() {
        return resolvedAt;
    }

    public boolean open() {
        return resolvedAt == null;
    }

    /** The batch job execution that last found it, null when found outside a job. */
    public Long executionId() {
        return executionId;
    }
}
