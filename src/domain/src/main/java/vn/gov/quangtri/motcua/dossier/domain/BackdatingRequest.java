package vn.gov.quangtri.motcua.dossier.domain;

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
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import vn.gov.quangtri.motcua.shared.domain.ConflictException;
import vn.gov.quangtri.motcua.shared.domain.ForbiddenException;
import vn.gov.quangtri.motcua.shared.domain.InstantConverter;

/**
 * An officer's action on a dossier dated so long before it was keyed that it waits for a leader's approval before it
 * takes effect (docs/domain.md §3.4, metric integrity): the action, with everything the officer entered, is kept here
 * and the dossier does not change. When a leader of the dossier's unit approves, the action is applied as the officer
 * keyed it, at its business time, and its history event names the approver; when the leader refuses, nothing
 * happens to the dossier. Either way the request stays, with who decided, when and why.
 *
 * <p>The request is tied to the dossier's latest event when it was made ({@link #basedOnEvent}): if anything else
 * happened to the dossier since, the action no longer fits its place in the history and approval is refused.
 * It holds the dossier's code, not a foreign key, so that it can be written while the dossier row is locked.
 */
@Entity
@Table(name = "backdating_request")
@NamedQuery(name = "BackdatingRequest.ofDossier",
    query = "SELECT r FROM BackdatingRequest r WHERE r.dossierCode = :code ORDER BY r.requestedAt, r.id")
@NamedQuery(name = "BackdatingRequest.pendingIn",
    query = "SELECT r FROM BackdatingRequest r WHERE r.status = :status AND r.unitCode IN :units"
        + " ORDER BY r.requestedAt, r.id")
public class BackdatingRequest {

    /** Where a request stands. */
    public enum Status {
        /** Waiting for a leader. */
        PENDING,
        /** Approved: the action was applied at its business time. */
        APPROVED,
        /** Refused: the dossier did not change. */
        REFUSED,
        /** Lapsed: another action changed the dossier first, so this one no longer fits its history. */
        LAPSED
    }

    @Id
    @SequenceGenerator(name = "backdating_request_seq", sequenceName = "backdating_request_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "backdating_request_seq")
    private Long id;

    @Column(name = "dossier_code", length = 40, nullable = false, updatable = false)
    private String dossierCode;

    @Column(name = "unit_code", length = 40, nullable = false, updatable = false)
    private String unitCode;

    @Enumerated(EnumType.STRING)
    @Column(name = "action", length = 40, nullable = false, updatable = false)
    private DossierAction action;

    /** What the officer entered with the action, as JSON (see the service layer's {@code DossierCommand}). */
    @Column(name = "command", length = 16000, nullable = false, updatable = false)
    private String command;

    @Convert(converter = InstantConverter.class)
    @Column(name = "occurred_at", nullable = false, updatable = false)
    private Instant occurredAt;

    @Column(name = "reason", length = 4000, nullable = false, updatable = false)
    private String reason;

    @Column(name = "based_on_event", nullable = false, updatable = false)
    private int basedOnEvent;

    @Column(name = "requested_by", length = 100, nullable = false, updatable = false)
    private String requestedBy;

    @Convert(converter = InstantConverter.class)
    @Column(name = "requested_at", nullable = false, updatable = false)
    private Instant requestedAt;

    @Enumerated(EnumType.STRING)
    @Column(name = "status", length = 20, nullable = false)
    private Status status;

    @Column(name = "decided_by", length = 100)
    private String decidedBy;

    @Convert(converter = InstantConverter.class)
    @Column(name = "decided_at")
    private Instant decidedAt;

    @Column(name = "decision_note", length = 4000)
    private String decisionNote;

    @Version
    @Column(name = "version", nullable = false)
    private long version;

    /** For JPA only. */
    protected BackdatingRequest() {
    }

    /**
     * A new pending request.
     *
     * @param dossierCode  the dossier the action is for
     * @param unitCode     the dossier's receiving unit
     * @param basedOnEvent the sequence number of the dossier's latest event before the action
     * @param action       the action waiting
     * @param command      what the officer entered, as JSON
     * @param occurredAt   the business time the officer gave
     * @param reason       why it is keyed late (required)
     * @param requestedBy  the officer who keyed it
     * @param requestedAt  when it was keyed (server clock)
     */
    public BackdatingRequest(String dossierCode, String unitCode, int basedOnEvent, DossierAction action,
                             String command, Instant occurredAt, String reason, String requestedBy,
                             Instant requestedAt) {
        this.dossierCode = Objects.requireNonNull(dossierCode, "dossierCode");
        this.unitCode = Objects.requireNonNull(unitCode, "unitCode");
        this.basedOnEvent = basedOnEvent;
        this.action = Objects.requireNonNull(action, "action");
        this.command = Objects.requireNonNull(command, "command");
        this.occurredAt = Objects.requireNonNull(occurredAt, "occurredAt");
        this.reason = Objects.requireNonNull(reason, "reason");
        this.requestedBy = Objects.requireNonNull(requestedBy, "requestedBy");
        this.requestedAt = Objects.requireNonNull(requestedAt, "requestedAt");
        this.status = Status.PENDING;
    }

    /** The sequence number of a dossier's latest event (0 without history), which a request is based on. */
    public static int latestEvent(Dossier dossier) {
        List<DossierEvent> h = dossier.history();
        return h.isEmpty() ? 0 : h.get(h.size() - 1).seq();
    }

    /**
     * Checks that {@code leader} may decide this request now: it is pending ({@code REQUEST_DECIDED}, 409) and the
     * leader is not the officer who keyed it ({@code OWN_REQUEST}, 403: nobody approves their own backdating).
     */
    public void requireDecidableBy(String leader) {
        if (status != Status.PENDING) {
            throw new ConflictException("REQUEST_DECIDED", "Backdating request " + id + " was already "
                + status.name().toLowerCase() + " by " + decidedBy);
        }
        if (requestedBy.equalsIgnoreCase(leader)) {
            throw new ForbiddenException("OWN_REQUEST", "A backdating request is decided by another leader than the"
                + " officer who keyed it");
        }
    }

    /**
     * Checks that the dossier has not moved on since the request: its latest event is still the one the request was
     * made after ({@code DOSSIER_CHANGED_SINCE}, 409).
     */
    public void requireStillFits(Dossier dossier) {
        if (latestEvent(dossier) != basedOnEvent) {
            throw new ConflictException("DOSSIER_CHANGED_SINCE", "Dossier " + dossierCode + " changed after this"
                + " backdating request was made; refuse the request and key the action again");
        }
    }

    /** Marks the request approved (after its action was applied). */
    public void approved(String leader, Instant at, String note) {
        requireDecidableBy(leader);
        decide(Status.APPROVED, leader, at, note);
    }

    /** Marks the request refused: the dossier does not change. */
    public void refused(String leader, Instant at, String note) {
        requireDecidableBy(leader);
        decide(Status.REFUSED, leader, at, note);
    }

    private void decide(Status outcome, String leader, Instant at, String note) {
        this.status = outcome;
        this.decidedBy = leader;
        this.decidedAt = at;
        this.decisionNote = note;
    }

    public Long id() {
        return id;
    }

    public String dossierCode() {
        return dossierCode;
    }

    /** The code of the dossier's receiving unit (for scope). */
    public String unitCode() {
        return unitCode;
    }

    public DossierAction action() {
        return action;
    }

    /** What the officer entered, as JSON. */
    public String command() {
        return command;
    }

    /** The business time the officer gave. */
    public Instant occurredAt() {
        return occurredAt;
    }

    /** Why the action was keyed late. */
    public String reason() {
        return reason;
    }

    public String requestedBy() {
        return requestedBy;
    }

    /** When the officer keyed the action (server clock). */
    public Instant requestedAt() {
        return requestedAt;
    }

    public Status status() {
        return status;
    }

    /** The leader who decided; null while pending. */
    public String decidedBy() {
        return decidedBy;
    }

    /** When the leader decided; null while pending. */
    public Instant decidedAt() {
        return decidedAt;
    }

    /** The leader's note; may be null. */
    public String decisionNote() {
        return decisionNote;
    }
}
