package vn.gov.quangtri.motcua.notification.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Objects;
import vn.gov.quangtri.motcua.interagency.domain.Backoff;
import vn.gov.quangtri.motcua.shared.domain.ConflictException;
import vn.gov.quangtri.motcua.shared.domain.InstantConverter;

/**
 * One message to an applicant in the durable outbox (table {@code notification}, V23): written in the transaction
 * of the dossier's change with its text already rendered, so a rolled-back change sends nothing and a committed one
 * is never lost; sent afterwards by the dispatcher. A failed attempt is retried after the {@link Backoff} delay
 * (1 min, 2, 4 … capped, by default), until the attempts are used up; an administrator may re-send it at any time
 * except while it waits for its first attempt.
 */
@Entity
@Table(name = "notification")
public class Notification {

    /** Longest error text kept. */
    public static final int MAX_ERROR = 1000;

    @Id
    @SequenceGenerator(name = "notification_seq", sequenceName = "notification_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "notification_seq")
    private Long id;

    @Column(name = "dossier_code", length = 40, nullable = false, updatable = false)
    private String dossierCode;

    /** The receiving unit of the dossier: an agency administrator sees its units' rows only. */
    @Column(name = "agency_code", length = 60, nullable = false, updatable = false)
    private String agencyCode;

    @Enumerated(EnumType.STRING)
    @Column(name = "milestone", length = 30, nullable = false, updatable = false)
    private Milestone milestone;

    @Enumerated(EnumType.STRING)
    @Column(name = "channel", length = 10, nullable = false, updatable = false)
    private NotificationChannel channel;

    @Column(name = "language", length = 5, nullable = false, updatable = false)
    private String language;

    /** E-mail address or phone number. */
    @Column(name = "recipient", length = 200, nullable = false, updatable = false)
    private String recipient;

    @Column(name = "subject", length = 500, updatable = false)
    private String subject;

    @Column(name = "body", length = 8000, nullable = false, updatable = false)
    private String body;

    @Enumerated(EnumType.STRING)
    @Column(name = "status", length = 10, nullable = false)
    private NotificationStatus status;

    @Column(name = "attempts", nullable = false)
    private int attempts;

    @Convert(converter = InstantConverter.class)
    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Convert(converter = InstantConverter.class)
    @Column(name = "next_attempt_at")
    private Instant nextAttemptAt;

    @Convert(converter = InstantConverter.class)
    @Column(name = "last_attempt_at")
    private Instant lastAttemptAt;

    @Convert(converter = InstantConverter.class)
    @Column(name = "sent_at")
    private Instant sentAt;

    @Column(name = "last_error", length = MAX_ERROR)
    private String lastError;

    @Version
    @Column(name = "version")
    private long version;

    /** For JPA only. */
    protected Notification() {
    }

    /**
     * A new pending message, due at once.
     *
     * @param subject e-mail subject; null for SMS and Zalo
     * @param body    the rendered text
     */
    public Notification(String dossierCode, String agencyCode, Milestone milestone, NotificationChannel channel,
                        String language, String recipient, String subject, String body, Instant createdAt) {
        this.dossierCode = Objects.requireNonNull(dossierCode, "dossierCode");
        this.agencyCode = Objects.requireNonNull(agencyCode, "agencyCode");
        this.milestone = Objects.requireNonNull(milestone, "milestone");
        this.channel = Objects.requireNonNull(channel, "channel");
        this.language = Objects.requireNonNull(language, "language");
        this.recipient = Objects.requireNonNull(recipient, "recipient");
        this.subject = subject;
        this.body = Objects.requireNonNull(body, "body");
        this.createdAt = Objects.requireNonNull(createdAt, "createdAt");
        this.nextAttemptAt = createdAt;
        this.status = NotificationStatus.PENDING;
    }

    /** Whether the dispatcher should try it now: pending or failed, with its next attempt reached. */
    public boolean due(Instant now) {
        return (status == NotificationStatus.PENDING || status == NotificationStatus.FAILED)
            && nextAttemptAt != null && !nextAttemptAt.isAfter(now);
    }

    /** Handed over to the mail server or gateway. */
    public void markSent(Instant at) {
        attempts++;
        status = NotificationStatus.SENT;
        sentAt = at;
        lastAttemptAt = at;
        nextAttemptAt = null;
        lastError = null;
    }

    /**
     * The attempt failed (mail server down, gateway error): FAILED, with the next attempt after the back-off delay, or
     * none once {@link Backoff#exhausted} holds.
     *
     * @return when it will be tried again, or null
     */
    public Instant markFailed(Instant at, String error, Backoff backoff) {
        attempts++;
        status = NotificationStatus.FAILED;
        lastAttemptAt = at;
        lastError = clip(error == null || error.isBlank() ? "unknown error" : error);
        nextAttemptAt = backoff.exhausted(attempts) ? null : at.plus(backoff.delayAfter(attempts));
        return nextAttemptAt;
    }

    /** Cannot be sent as the server is configured; not retried by itself. */
    public void markNotSent(Instant at, String reason) {
        status = NotificationStatus.NOT_SENT;
        lastAttemptAt = at;
        lastError = clip(reason);
        nextAttemptAt = null;
    }

    /**
     * An administrator re-sends it: due at once, with a fresh count of attempts (a sent one goes out again).
     *
     * @throws ConflictException {@code NOT_RESENDABLE} while it still waits for its first attempt
     */
    public void resend(Instant at) {
        if (status == NotificationStatus.PENDING) {
            throw new ConflictException("NOT_RESENDABLE", "Notification " + id + " is still waiting for its first attempt");
        }
        status = NotificationStatus.PENDING;
        attempts = 0;
        nextAttemptAt = at;
    }

    private static String clip(String s) {
        return s == null ? null : s.length() > MAX_ERROR ? s.substring(0, MAX_ERROR) : s;
    }

    public Long id() {
        return id;
    }

    public String dossierCode() {
        return dossierCode;
    }

    public String agencyCode() {
        return agencyCode;
    }

    public Milestone milestone() {
        return milestone;
    }

    public NotificationChannel channel() {
        return channel;
    }

    public String language() {
        return language;
    }

    public String recipient() {
        return recipient;
    }

    public String subject() {
        return subject;
    }

    public String body() {
        return body;
    }

    public NotificationStatus status() {
        return status;
    }

    public int attempts() {
        return attempts;
    }

    public Instant createdAt() {
        return createdAt;
    }

    /** The next attempt; null when none is planned (sent, not sent, or attempts used up). */
    public Instant nextAttemptAt() {
        return nextAttemptAt;
    }

    public Instant lastAttemptAt() {
        return lastAttemptAt;
    }

    public Instant sentAt() {
        return sentAt;
    }

    /** Why the last attempt failed or the message could not be sent; null once sent. */
    public String lastError() {
        return lastError;
    }
}
