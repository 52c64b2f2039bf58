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
import vn.gov.quangtri.motcua.dossier.domain.Dossier;
import vn.gov.quangtri.motcua.dossier.domain.Timeliness;
import vn.gov.quangtri.motcua.shared.domain.InstantConverter;
import vn.gov.quangtri.motcua.shared.domain.Texts;

/**
 * An inter-agency transfer (liên thông, docs/domain.md §2.6) seen from one side: the parent dossier's
 * installation ({@link TransferSide#SENDER}) or the co-operating agency's, which holds the child dossier
 * ({@link TransferSide#RECEIVER}). Both rows carry the same {@link #transferId()} (UUID).
 *
 * <p>Lifecycle: SENT → ACKNOWLEDGED → IN_PROGRESS → RESULT_RETURNED, or REJECTED. {@link #apply} moves
 * forward only: an update of lower or equal rank, or one after a final status, is counted in
 * {@link #ignoredUpdates()} and changes nothing else (messages arrive out of order and more than once).
 *
 * <p>The leg's clock: {@link #dueAt()} is the leg's share counted from {@link #transferredAt()} with the
 * working calendar (Asia/Ho_Chi_Minh); the parent's appointment never moves. {@link #legTimeliness()}
 * compares the result moment with it.
 */
@Entity
@Table(name = "inter_agency_transfer")
@NamedQuery(name = "InterAgencyTransfer.find",
    query = "SELECT t FROM InterAgencyTransfer t WHERE t.transferId = :id AND t.side = :side")
@NamedQuery(name = "InterAgencyTransfer.ofDossier",
    query = "SELECT t FROM InterAgencyTransfer t WHERE t.dossier.code = :code ORDER BY t.legPosition, t.id")
public class InterAgencyTransfer {

    @Id
    @SequenceGenerator(name = "inter_agency_transfer_seq", sequenceName = "inter_agency_transfer_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "inter_agency_transfer_seq")
    private Long id;

    @Column(name = "transfer_uuid", length = 36, nullable = false, updatable = false)
    private String transferId;

    @Enumerated(EnumType.STRING)
    @Column(name = "side", length = 10, nullable = false, updatable = false)
    private TransferSide side;

    @Column(name = "partner_code", length = 60, nullable = false, updatable = false)
    private String partnerCode;

    @ManyToOne(optional = false, fetch = FetchType.LAZY)
    @JoinColumn(name = "dossier_id", updatable = false)
    private Dossier dossier;

    @Column(name = "parent_code", length = 40, nullable = false, updatable = false)
    private String parentCode;

    @Column(name = "leg_position", nullable = false, updatable = false)
    private int legPosition;

    @Column(name = "sending_agency_code", length = 60, nullable = false, updatable = false)
    private String sendingAgencyCode;

    @Column(name = "receiving_agency_code", length = 60, nullable = false, updatable = false)
    private String receivingAgencyCode;

    @Column(name = "receiving_agency_name", length = 300, nullable = false, updatable = false)
    private String receivingAgencyName;

    @Column(name = "action", length = 40, nullable = false, updatable = false)
    private String action;

    @Enumerated(EnumType.STRING)
    @Column(name = "status", length = 20, nullable = false)
    private TransferStatus status;

    @Convert(converter = InstantConverter.class)
    @Column(name = "transferred_at", nullable = false, updatable = false)
    private Instant transferredAt;

    @Convert(converter = InstantConverter.class)
    @Column(name = "due_at", nullable = false, updatable = false)
    private Instant dueAt;

    @Convert(converter = InstantConverter.class)
    @Column(name = "status_at", nullable = false)
    private Instant statusAt;

    @Convert(converter = InstantConverter.class)
    @Column(name = "result_at")
    private Instant resultAt;

    @Column(name = "child_code", length = 40)
    private String childCode;

    @Column(name = "result_summary", length = 4000)
    private String resultSummary;

    @Column(name = "rejection_reason", length = 4000)
    private String rejectionReason;

    @Column(name = "ignored_updates", nullable = false)
    private int ignoredUpdates;

    @Column(name = "next_out_seq", nullable = false)
    private int nextOutSeq;

    @Version
    @Column(name = "version")
    private long version;

    /** For JPA only. */
    protected InterAgencyTransfer() {
    }

    /**
     * @param transferId          UUID shared by both sides
     * @param side                which side this row describes
     * @param partnerCode         the partner system on the other side
     * @param dossier             the parent (SENDER) or the child (RECEIVER)
     * @param parentCode          the citizen-facing code
     * @param transferredAt       when the sending officer transferred it
     * @param dueAt               the leg's due moment
     */
    public InterAgencyTransfer(String transferId, TransferSide side, String partnerCode, Dossier dossier,
                               String parentCode, int legPosition, String sendingAgencyCode,
                               String receivingAgencyCode, String receivingAgencyName, String action,
                               Instant transferredAt, Instant dueAt) {
        this.transferId = Objects.requireNonNull(transferId, "transferId");
        this.side = Objects.requireNonNull(side, "side");
        this.partnerCode = Objects.requireNonNull(partnerCode, "partnerCode");
        this.dossier = Objects.requireNonNull(dossier, "dossier");
        this.parentCode = Objects.requireNonNull(parentCode, "parentCode");
        this.legPosition = legPosition;
        this.sendingAgencyCode = Objects.requireNonNull(sendingAgencyCode, "sendingAgencyCode");
        this.receivingAgencyCode = Objects.requireNonNull(receivingAgencyCode, "receivingAgencyCode");
        this.receivingAgencyName = Objects.requireNonNull(receivingAgencyName, "receivingAgencyName");
        this.action = Objects.requireNonNull(action, "action");
        this.transferredAt = Objects.requireNonNull(transferredAt, "transferredAt");
        this.dueAt = Objects.requireNonNull(dueAt, "dueAt");
        this.status = TransferStatus.SENT;
        this.statusAt = transferredAt;
        this.nextOutSeq = 1;
    }

    /**
     * Applies a reported status if it moves the transfer forward.
     *
     * @param reported  the status reported
     * @param at        when the partner reached it
     * @param childCode the child dossier's code, recorded when first known (even from an ignored update)
     * @param note      rejection reason or result summary
     * @return true when applied; false when ignored (lower or equal rank, or after a final status)
     */
    public boolean apply(TransferStatus reported, Instant at, String childCode, String note) {
        Objects.requireNonNull(reported, "reported");
        Objects.requireNonNull(at, "at");
        if (this.childCode == null && childCode != null) {
            this.childCode = Texts.limited("childCode", childCode, 40);
        }
        if (status.isFinal() || reported.rank() <= status.rank()) {
            ignoredUpdates++;
            return false;
        }
        status = reported;
        statusAt = at;
        if (reported == TransferStatus.RESULT_RETURNED) {
            resultAt = at;
            resultSummary = Texts.limited("note", note, Texts.LONG);
        } else if (reported == TransferStatus.REJECTED) {
            rejectionReason = Texts.limited("note", note, Texts.LONG);
        }
        return true;
    }

    /** Takes the next per-transfer sequence number for an outgoing message (1, 2, …; in-order delivery). */
    public int takeOutSequence() {
        return nextOutSeq++;
    }

    /** Early / on time / late of the leg once its result is back (against {@link #dueAt()}), else null. */
    public Timeliness legTimeliness() {
        return resultAt == null ? null : Timeliness.ofStep(resultAt, dueAt);
    }

    public Long id() {
        return id;
    }

    public String transferId() {
        return transferId;
    }

    public TransferSide side() {
        return side;
    }

    public String partnerCode() {
        return partnerCode;
    }

    public Dossier dossier() {
        return dossier;
    }

    public String parentCode() {
        return parentCode;
    }

    public int legPosition() {
        return legPosition;
    }

    public String sendingAgencyCode() {
        return sendingAgencyCode;
    }

    public String receivingAgencyCode() {
        return receivingAgencyCode;
    }

    public String receivingAgencyName() {
        return receivingAgencyName;
    }

    public String action() {
        return action;
    }

    public TransferStatus status() {
        return status;
    }

    public Instant transferredAt() {
        return transferredAt;
    }

    public Instant dueAt() {
        return dueAt;
    }

    public Instant statusAt() {
        return statusAt;
    }

    public Instant resultAt() {
        return resultAt;
    }

    public String childCode() {
        return childCode;
    }

    public String resultSummary() {
        return resultSummary;
    }

    public String rejectionReason() {
        return rejectionReason;
    }

    /** How many updates arrived out of order or after a final status and were ignored. */
    public int ignoredUpdates() {
        return ignoredUpdates;
    }
}
