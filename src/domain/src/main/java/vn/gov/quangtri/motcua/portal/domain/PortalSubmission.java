package vn.gov.quangtri.motcua.portal.domain;

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
 * What became of one dossier submitted online on the national portal (issue 15 §3a; V42): taken as our dossier (its
 * code), or not taken with the reason, for an administrator. The portal's dossier id is unique, and the row of a
 * taken submission is written in the transaction that creates the dossier, so a second pull, or a pull after a crash
 * between the creation and the acknowledgement to the portal, finds it and creates nothing.
 */
@Entity
@Table(name = "portal_submission")
@NamedQuery(name = "PortalSubmission.byPortalId", query = "SELECT s FROM PortalSubmission s WHERE s.portalId = :id")
@NamedQuery(name = "PortalSubmission.inState", query = "SELECT s FROM PortalSubmission s WHERE s.state = :state"
    + " ORDER BY s.id DESC")
@NamedQuery(name = "PortalSubmission.unacknowledged", query = "SELECT s FROM PortalSubmission s"
    + " WHERE s.state = :taken AND s.ackedAt IS NULL ORDER BY s.id")
public class PortalSubmission {

    /** Where a submission stands. */
    public enum State {
        /** our dossier exists ({@link #dossierCode()}) */
        TAKEN,
        /** could not be taken: on the administrators' not-taken list with the reason */
        NOT_TAKEN
    }

    @Id
    @SequenceGenerator(name = "portal_submission_seq", sequenceName = "portal_submission_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "portal_submission_seq")
    private Long id;

    @Column(name = "portal_id", length = 60, nullable = false, unique = true, updatable = false)
    private String portalId;

    @Column(name = "portal_cursor", length = 40, nullable = false)
    private String cursor;

    @Column(name = "procedure_code", length = 60)
    private String procedureCode;

    @Column(name = "unit_code", length = 60)
    private String unitCode;

    @Column(name = "applicant_name", length = 300)
    private String applicantName;

    @Convert(converter = InstantConverter.class)
    @Column(name = "submitted_at")
    private Instant submittedAt;

    @Enumerated(EnumType.STRING)
    @Column(name = "state", length = 20, nullable = false)
    private State state;

    @Column(name = "dossier_code", length = 40)
    private String dossierCode;

    @Column(name = "reason_code", length = 60)
    private String reasonCode;

    @Column(name = "reason", length = 1000)
    private String reason;

    @Column(name = "payload", length = 100000, nullable = false)
    private String payload;

    @Column(name = "attempts", nullable = false)
    private int attempts;

    @Convert(converter = InstantConverter.class)
    @Column(name = "first_seen_at", nullable = false, updatable = false)
    private Instant firstSeenAt;

    @Convert(converter = InstantConverter.class)
    @Column(name = "decided_at", nullable = false)
    private Instant decidedAt;

    @Convert(converter = InstantConverter.class)
    @Column(name = "acked_at")
    private Instant ackedAt;

    @Column(name = "ack_error", length = 1000)
    private String ackError;

    protected PortalSubmission() {
    }

    /**
     * A submission met for the first time.
     *
     * @param portalId      the portal's dossier id
     * @param cursor        its place in the portal's order
     * @param payload       the listing's item as received (JSON), for a later attempt
     * @param now           when it was met
     */
    public PortalSubmission(String portalId, String cursor, String payload, Instant now) {
        this.portalId = Objects.requireNonNull(portalId, "portalId");
        this.cursor = Objects.requireNonNull(cursor, "cursor");
        this.payload = Objects.requireNonNull(payload, "payload");
        this.firstSeenAt = Objects.requireNonNull(now, "now");
        this.state = State.NOT_TAKEN;
        this.decidedAt = now;
    }

    /** What the listing said, for the administrators' list (any may be null when the item was unreadable). */
    public void describe(String procedureCode, String unitCode, String applicantName, Instant submittedAt) {
        this.procedureCode = clip(procedureCode, 60);
        this.unitCode = clip(unitCode, 60);
        this.applicantName = clip(applicantName, 300);
        this.submittedAt = submittedAt;
    }

    /** Taken as our dossier {@code code}. */
    public void taken(String code, Instant now) {
        state = State.TAKEN;
        dossierCode = Objects.requireNonNull(code, "code");
        reasonCode = null;
        reason = null;
        attempts++;
        decidedAt = now;
    }

    /** Not taken, with the reason code and text. */
    public void notTaken(String code, String text, Instant now) {
        if (state == State.TAKEN) {
            throw new IllegalStateException("submission " + portalId + " was taken as " + dossierCode);
        }
        state = State.NOT_TAKEN;
        reasonCode = clip(code, 60);
        reason = clip(text, 1000);
        attempts++;
        decidedAt = now;
    }

    /** The portal recorded that we took it. */
    public void acknowledged(Instant at) {
        ackedAt = at;
        ackError = null;
    }

    /** The acknowledgement did not go through; tried again at the next pull. */
    public void acknowledgementFailed(String error) {
        ackError = clip(error, 1000);
    }

    private static String clip(String s, int max) {
        return s == null ? null : s.length() > max ? s.substring(0, max - 1) + "…" : s;
    }

    public Long id() {
        return id;
    }

    public String portalId() {
        return portalId;
    }

    public String cursor() {
        return cursor;
    }

    public String procedureCode() {
        return procedureCode;
    }

    public String unitCode() {
        return unitCode;
    }

    public String applicantName() {
        return applicantName;
    }

    public Instant submittedAt() {
        return submittedAt;
    }

    public State state() {
        return state;
    }

    public String dossierCode() {
        return dossierCode;
    }

    public String reasonCode() {
        return reasonCode;
    }

    public String reason() {
        return reason;
    }

    public String payload() {
        return payload;
    }

    public int attempts() {
        return attempts;
    }

    public Instant firstSeenAt() {
        return firstSeenAt;
    }

    public Instant decidedAt() {
        return decidedAt;
    }

    public Instant ackedAt() {
        return ackedAt;
    }

    public String ackError() {
        return ackError;
    }
}
