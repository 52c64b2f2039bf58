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
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import vn.gov.quangtri.motcua.interagency.domain.Backoff;
import vn.gov.quangtri.motcua.shared.domain.InstantConverter;

/**
 * One message of the durable outbox to the national portal (issue 15 §3): written in the transaction of the dossier's
 * change, sent afterwards in the dossier's order ({@link #sequence()}). A message the portal does not answer (down,
 * 5xx, no connection) waits and is tried again, never given up: nothing is lost. One the portal refuses (4xx with a
 * reason) is {@link State#REJECTED}: it and every later message of its dossier wait until an administrator re-sends
 * it (its payload rebuilt from the dossier as it is then) or discards it (with a reason).
 */
@Entity
@Table(name = "portal_message")
@NamedQuery(name = "PortalMessage.heads", query = "SELECT m FROM PortalMessage m WHERE m.state IN :open AND m.sequence ="
    + " (SELECT MIN(o.sequence) FROM PortalMessage o WHERE o.dossierCode = m.dossierCode AND o.state IN :open)"
    + " ORDER BY m.nextAttemptAt, m.id")
@NamedQuery(name = "PortalMessage.lastSequence", query = "SELECT MAX(m.sequence) FROM PortalMessage m"
    + " WHERE m.dossierCode = :code")
@NamedQuery(name = "PortalMessage.ofDossier", query = "SELECT m FROM PortalMessage m WHERE m.dossierCode = :code"
    + " ORDER BY m.sequence")
@NamedQuery(name = "PortalMessage.inState", query = "SELECT m FROM PortalMessage m WHERE m.state = :state"
    + " ORDER BY m.dossierCode, m.sequence")
public class PortalMessage {

    /** Where a message stands. */
    public enum State {
        /** waiting to be sent, or for its next attempt */
        PENDING,
        /** the portal accepted it */
        SENT,
        /** the portal refused it: on the rejects list, its dossier's later messages wait */
        REJECTED,
        /** an administrator discarded it (with a reason); its dossier's later messages go on */
        DISCARDED
    }

    @Id
    @SequenceGenerator(name = "portal_message_seq", sequenceName = "portal_message_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "portal_message_seq")
    private Long id;

    @Column(name = "dossier_code", length = 40, nullable = false, updatable = false)
    private String dossierCode;

    @Column(name = "sequence_no", nullable = false, updatable = false)
    private int sequence;

    @Column(name = "event_seq", nullable = false, updatable = false)
    private int eventSeq;

    @Column(name = "event_action", length = 40, nullable = false, updatable = false)
    private String eventAction;

    @Convert(converter = InstantConverter.class)
    @Column(name = "event_at", nullable = false, updatable = false)
    private Instant eventAt;

    @Column(name = "payload", length = 1000000, nullable = false)
    private String payload;

    @Enumerated(EnumType.STRING)
    @Column(name = "state", length = 20, nullable = false)
    private State state;

    @Column(name = "attempts", nullable = false)
    private int attempts;

    @Convert(converter = InstantConverter.class)
    @Column(name = "next_attempt_at", nullable = false)
    private Instant nextAttemptAt;

    @Column(name = "last_error", length = 1000)
    private String lastError;

    @Convert(converter = InstantConverter.class)
    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Convert(converter = InstantConverter.class)
    @Column(name = "sent_at")
    private Instant sentAt;

    @Convert(converter = InstantConverter.class)
    @Column(name = "rejected_at")
    private Instant rejectedAt;

    @Column(name = "decided_by", length = 100)
    private String decidedBy;

    @Column(name = "decision_reason", length = 1000)
    private String decisionReason;

    protected PortalMessage() {
    }

    /**
     * A new message, to be sent at once.
     *
     * @param dossierCode the dossier
     * @param sequence    its place in the dossier's sequence, from 1
     * @param eventSeq    the dossier history event it reports
     * @param eventAction that event's action
     * @param eventAt     that event's business time
     * @param payload     the JSON sent ({@link PortalPayload})
     * @param now         when it was written
     */
    public PortalMessage(String dossierCode, int sequence, int eventSeq, String eventAction, Instant eventAt,
                         String payload, Instant now) {
        this.dossierCode = Objects.requireNonNull(dossierCode, "dossierCode");
        if (sequence < 1) {
            throw new IllegalArgumentException("sequence from 1: " + sequence);
        }
        this.sequence = sequence;
        this.eventSeq = eventSeq;
        this.eventAction = Objects.requireNonNull(eventAction, "eventAction");
        this.eventAt = Objects.requireNonNull(eventAt, "eventAt");
        this.payload = Objects.requireNonNull(payload, "payload");
        this.state = State.PENDING;
        this.createdAt = Objects.requireNonNull(now, "now");
        this.nextAttemptAt = now;
    }

    /** The portal accepted it. */
    public void sent(Instant at) {
        require(State.PENDING);
        attempts++;
        state = State.SENT;
        sentAt = at;
        lastError = null;
    }

    /**
     * An attempt got no answer that counts (no connection, 5xx, 401/403/429): the next waits as {@code backoff} says
     * after this many failures, never longer than its cap; the message is never given up.
     */
    public void failed(String error, Instant now, Backoff backoff) {
        require(State.PENDING);
        attempts++;
        lastError = clip(error);
        nextAttemptAt = now.plus(backoff.delayAfter(attempts));
    }

    /**
     * An administrator asks for the waiting messages to go now (the portal is back): a pending message waiting for
     * its next attempt becomes due at {@code now}; any other message is left as it is.
     *
     * @return whether it was waiting and is now due
     */
    public boolean dueNow(Instant now) {
        if (state != State.PENDING || !nextAttemptAt.isAfter(now)) {
            return false;
        }
        nextAttemptAt = now;
        return true;
    }

    /** The portal refused it, with its reason: on the rejects list. */
    public void rejected(String reason, Instant at) {
        require(State.PENDING);
        attempts++;
        state = State.REJECTED;
        rejectedAt = at;
        lastError = clip(reason);
    }

    /**
     * An administrator sends a refused message again with its payload rebuilt from the dossier as it is now (the
     * fix is in the data); it goes out at once, before its dossier's later messages.
     */
    public void resend(String newPayload, String by, Instant now) {
        require(State.REJECTED);
        payload = Objects.requireNonNull(newPayload, "newPayload");
        state = State.PENDING;
        nextAttemptAt = now;
        decidedBy = by;
        decisionReason = "gửi lại sau khi bị từ chối: " + lastError;
    }

    /** An administrator gives up on a refused message, with a reason; the dossier's later messages go on. */
    public void discard(String by, String reason, Instant now) {
        require(State.REJECTED);
        state = State.DISCARDED;
        decidedBy = by;
        decisionReason = clip(Objects.requireNonNull(reason, "reason"));
        sentAt = null;
        nextAttemptAt = now;
    }

    private void require(State expected) {
        if (state != expected) {
            throw new IllegalStateException("portal message " + id + " is " + state + ", not " + expected);
        }
    }

    private static String clip(String s) {
        return s == null ? null : s.length() > 1000 ? s.substring(0, 999) + "…" : s;
    }

    /**
     * The portal's retry schedule: 10 s after the first failure, doubling, at most 15 minutes, and never exhausted
     * (the outbox's {@link Backoff} with no last attempt): nothing is given up.
     */
    public static final Backoff RETRIES = retries(Duration.ofMinutes(15));

    /**
     * The retry schedule with another longest wait ({@code motcua.portal.retry.max-delay}): 10 s doubling up to
     * {@code cap} (at least 10 s), never exhausted.
     */
    public static Backoff retries(Duration cap) {
        Duration first = Duration.ofSeconds(10);
        return new Backoff(first, cap.compareTo(first) < 0 ? first : cap, Integer.MAX_VALUE);
    }

    /**
     * Whether a dossier counts as synchronised with the portal (Decision 766 indicator 1.4, docs/architecture.md
     * "Reconciliation with the national portal"): it has messages, none is waiting or refused, and its last message,
     * which carries the dossier as it stands, was accepted. A message discarded in between does not count against it
     * (every later message carries the whole dossier).
     *
     * @param inOrder the states of the dossier's messages in their order ({@code SoThuTu})
     */
    public static boolean synchronised(java.util.List<State> inOrder) {
        if (inOrder.isEmpty() || inOrder.get(inOrder.size() - 1) != State.SENT) {
            return false;
        }
        return inOrder.stream().allMatch(s -> s == State.SENT || s == State.DISCARDED);
    }

    public Long id() {
        return id;
    }

    public String dossierCode() {
        return dossierCode;
    }

    /** Its place in the dossier's sequence ({@code SoThuTu}), from 1. */
    public int sequence() {
        return sequence;
    }

    public int eventSeq() {
        return eventSeq;
    }

    public String eventAction() {
        return eventAction;
    }

    /** The business time of the event it reports. */
    public Instant eventAt() {
        return eventAt;
    }

    public String payload() {
        return payload;
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

    /** The last failure, or the portal's reason for a refusal; null once sent. */
    public String lastError() {
        return lastError;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant sentAt() {
        return sentAt;
    }

    public Instant rejectedAt() {
        return rejectedAt;
    }

    /** Who re-sent or discarded it, else null. */
    public String decidedBy() {
        return decidedBy;
    }

    /** Why it was re-sent or discarded, else null. */
    public String decisionReason() {
        return decisionReason;
    }
}
