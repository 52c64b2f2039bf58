package vn.gov.quangtri.motcua.dossier.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.PrePersist;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;
import vn.gov.quangtri.motcua.shared.domain.InstantConverter;

/**
 * One entry of a dossier's append-only history: who did what, when, from which status to which, and
 * why. Never updated or deleted.
 */
@Entity
@Table(name = "dossier_event")
public class DossierEvent {

    @Id
    @SequenceGenerator(name = "dossier_event_seq", sequenceName = "dossier_event_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "dossier_event_seq")
    private Long id;

    @ManyToOne(optional = false)
    @JoinColumn(name = "dossier_id")
    private Dossier dossier;

    @Column(name = "seq", nullable = false)
    private int seq;

    @Convert(converter = InstantConverter.class)
    @Column(name = "occurred_at", nullable = false)
    private Instant occurredAt;

    @Column(name = "actor", length = 100, nullable = false)
    private String actor;

    @Enumerated(EnumType.STRING)
    @Column(name = "action", length = 40, nullable = false)
    private DossierAction action;

    @Enumerated(EnumType.STRING)
    @Column(name = "from_status", length = 40)
    private DossierStatus fromStatus;

    @Enumerated(EnumType.STRING)
    @Column(name = "to_status", length = 40, nullable = false)
    private DossierStatus toStatus;

    @Column(name = "step_position")
    private Integer stepPosition;

    @Column(name = "reason", length = 4000)
    private String reason;

    /** The items concerned, one per line: requested with a supplement request, handed in with a resume. */
    @Column(name = "items", length = 4000)
    private String items;

    @Convert(converter = InstantConverter.class)
    @Column(name = "recorded_at", nullable = false, updatable = false)
    private Instant recordedAt;

    /** The appointment before this event, when the event moved it (resumption, apology); else null. */
    @Convert(converter = InstantConverter.class)
    @Column(name = "due_before", updatable = false)
    private Instant dueBefore;

    /** The appointment after this event, when the event moved it; else null. */
    @Convert(converter = InstantConverter.class)
    @Column(name = "due_after", updatable = false)
    private Instant dueAfter;

    /** Why the event was keyed well after it happened (its occurredAt lies days before recordedAt); else null. */
    @Column(name = "backdating_reason", length = 4000, updatable = false)
    private String backdatingReason;

    /** The leader who approved the late keying (its business time lay too far back); else null. */
    @Column(name = "backdating_approved_by", length = 100, updatable = false)
    private String backdatingApprovedBy;

    /** Number of the decision (approval or reasoned rejection) this event records, as signed; else null. */
    @Column(name = "decision_number", length = 60, updatable = false)
    private String decisionNumber;

    /** Date the decision was signed; else null. */
    @Convert(converter = vn.gov.quangtri.motcua.shared.domain.LocalDateConverter.class)
    @Column(name = "decision_date", updatable = false)
    private java.time.LocalDate decisionDate;

    /** Who signed the decision (name and title as printed); else null. */
    @Column(name = "decision_signer", length = 200, updatable = false)
    private String decisionSigner;

    /** Seconds from the event happening to its recording ({@code recordedAt - occurredAt}), for the integrity list. */
    @Column(name = "keyed_late_seconds", updatable = false)
    private Long keyedLateSeconds;

    /** For JPA only. */
    protected DossierEvent() {
    }

    DossierEvent(Dossier dossier, int seq, Instant occurredAt, String actor, DossierAction action,
                 DossierStatus fromStatus, DossierStatus toStatus, Integer stepPosition, String reason) {
        this.dossier = dossier;
        this.seq = seq;
        this.occurredAt = occurredAt;
        this.actor = actor;
        this.action = action;
        this.fromStatus = fromStatus;
        this.toStatus = toStatus;
        this.stepPosition = stepPosition;
        this.reason = reason;
    }

    /** Attaches the items concerned (one per line), when the event is created. */
    DossierEvent withItems(java.util.List<String> list) {
        this.items = list == null || list.isEmpty() ? null : String.join("\n", list);
        return this;
    }

    /** Attaches the appointment before and after, when the event moves it. */
    DossierEvent withAppointmentMove(Instant before, Instant after) {
        this.dueBefore = before;
        this.dueAfter = after;
        return this;
    }

    /** Records why the event is keyed late, before it is written. */
    DossierEvent withBackdatingReason(String reason) {
        this.backdatingReason = reason;
        return this;
    }

    /** Records the leader who approved the late keying, before the event is written. */
    DossierEvent withBackdatingApproval(String leader) {
        this.backdatingApprovedBy = leader;
        return this;
    }

    /** Records the signed decision, before the event is written. */
    DossierEvent withDecision(Decision decision) {
        this.decisionNumber = decision.number();
        this.decisionDate = decision.date();
        this.decisionSigner = decision.signer();
        return this;
    }

    /** The leader who approved the late keying; null when none was needed. */
    public String backdatingApprovedBy() {
        return backdatingApprovedBy;
    }

    /** The signed decision this event records (approval or reasoned rejection); null when none was given. */
    public Decision decision() {
        return decisionNumber == null && decisionDate == null && decisionSigner == null ? null
            : new Decision(decisionNumber, decisionDate, decisionSigner);
    }

    /** Why the event was keyed well after it happened; null when it was keyed on time. */
    public String backdatingReason() {
        return backdatingReason;
    }

    /** The appointment before this event moved it; null when it did not. */
    public Instant dueBefore() {
        return dueBefore;
    }

    /** The appointment after this event moved it; null when it did not. */
    public Instant dueAfter() {
        return dueAfter;
    }

    /** Stamps the moment the event is written, which may differ from a backdated receipt moment. */
    @PrePersist
    void stampRecordedAt() {
        recordedAt = Instant.now();
        keyedLateSeconds = java.time.Duration.between(occurredAt, recordedAt).getSeconds();
    }

    /** When the system recorded the event (server clock), as opposed to {@link #occurredAt()}. */
    public Instant recordedAt() {
        return recordedAt;
    }

    public int seq() {
        return seq;
    }

    public Instant occurredAt() {
        return occurredAt;
    }

    public String actor() {
        return actor;
    }

    public DossierAction action() {
        return action;
    }

    /** Null for the first event. */
    public DossierStatus fromStatus() {
        return fromStatus;
    }

    public DossierStatus toStatus() {
        return toStatus;
    }

    /** Position of the step concerned, or null. */
    public Integer stepPosition() {
        return stepPosition;
    }

    /** Reason or note in words; for supplement requests and resumes it also lists the items, one per line. */
    public String reason() {
        return reason;
    }

    /**
     * The items concerned, in order: for a supplement request the items requested, for a resume after a
     * supplement the items handed in; empty for other events (and for events stored before items were kept).
     */
    public java.util.List<String> items() {
        return items == null || items.isEmpty() ? java.util.List.of() : java.util.List.of(items.split("\n"));
    }
}
