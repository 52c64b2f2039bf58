package vn.gov.quangtri.motcua.audit.domain;

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
import java.util.List;
import java.util.Objects;
import vn.gov.quangtri.motcua.shared.domain.InstantConverter;
import vn.gov.quangtri.motcua.shared.domain.RuleViolationException;
import vn.gov.quangtri.motcua.shared.domain.Texts;

/**
 * One administrative change to the reference data (agency tree, procedure catalogue, holiday calendar):
 * who made it, when (server clock, an {@link Instant}; shown in Asia/Ho_Chi_Minh), what (area, action,
 * subject key), why, and a short before → after summary. Written in the same transaction as the change;
 * append-only, never updated or deleted.
 */
@Entity
@Table(name = "admin_audit")
@NamedQuery(name = "AdminChange.latest", query = "SELECT c FROM AdminChange c ORDER BY c.occurredAt DESC, c.id DESC")
@NamedQuery(name = "AdminChange.latestForSubject", query = "SELECT c FROM AdminChange c"
    + " WHERE c.area = :area AND c.subject = :subject ORDER BY c.occurredAt DESC, c.id DESC")
public class AdminChange {

    @Id
    @SequenceGenerator(name = "admin_audit_seq", sequenceName = "admin_audit_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "admin_audit_seq")
    private Long id;

    @Convert(converter = InstantConverter.class)
    @Column(name = "occurred_at", nullable = false, updatable = false)
    private Instant occurredAt;

    @Column(name = "actor", length = 100, nullable = false, updatable = false)
    private String actor;

    @Enumerated(EnumType.STRING)
    @Column(name = "area", length = 20, nullable = false, updatable = false)
    private AdminArea area;

    @Column(name = "action", length = 40, nullable = false, updatable = false)
    private String action;

    @Column(name = "subject", length = 100, nullable = false, updatable = false)
    private String subject;

    @Column(name = "reason", length = 4000, nullable = false, updatable = false)
    private String reason;

    @Column(name = "details", length = 4000, updatable = false)
    private String details;

    /** For JPA only. */
    protected AdminChange() {
    }

    /**
     * @param occurredAt when the change was made (server clock)
     * @param actor      user name of the administrator, required, at most 100 characters
     * @param area       the area changed
     * @param action     stable action code, e.g. {@code AGENCY_RENAME}, {@code CALENDAR_ADD_DAY_OFF}
     * @param subject    key of what changed: agency code, procedure code, ISO date
     * @param reason     why (decision number, request...), required, at most 4,000 characters
     * @param details    before → after summary, may be null; cut to 4,000 characters
     * @throws RuleViolationException {@code ACTOR_REQUIRED}, {@code REASON_REQUIRED}, {@code TEXT_TOO_LONG}
     */
    public AdminChange(Instant occurredAt, String actor, AdminArea area, String action, String subject,
                       String reason, String details) {
        this.occurredAt = Objects.requireNonNull(occurredAt, "occurredAt");
        this.actor = requireActor(actor);
        this.area = Objects.requireNonNull(area, "area");
        this.action = Objects.requireNonNull(action, "action");
        this.subject = Objects.requireNonNull(subject, "subject");
        this.reason = requireReason(reason);
        String d = Texts.limited("details", details == null ? null : cut(details), Texts.LONG);
        this.details = d;
    }

    /**
     * Checks the acting user's name before any change is made.
     *
     * @return the name, NFC, trimmed
     * @throws RuleViolationException {@code ACTOR_REQUIRED}, {@code TEXT_TOO_LONG}
     */
    public static String requireActor(String actor) {
        if (actor == null || actor.isBlank()) {
            throw new RuleViolationException("ACTOR_REQUIRED", "Không xác định được người thực hiện thay đổi.",
                List.of("actor"));
        }
        return Texts.limited("actor", actor.strip(), Texts.NAME);
    }

    /**
     * Checks the reason of an administrative change before any change is made.
     *
     * @return the reason, NFC, trimmed
     * @throws RuleViolationException {@code REASON_REQUIRED}, {@code TEXT_TOO_LONG}
     */
    public static String requireReason(String reason) {
        if (reason == null || reason.isBlank()) {
            throw new RuleViolationException("REASON_REQUIRED", "Phải ghi lý do hoặc căn cứ của thay đổi"
                + " (ví dụ số quyết định).", List.of("reason"));
        }
        return Texts.limited("reason", reason.strip(), Texts.LONG);
    }

    private static String cut(String s) {
        return s.length() <= Texts.LONG ? s : s.substring(0, Texts.LONG - 1) + "…";
    }

    public Long id() {
        return id;
    }

    /** When the change was made (server clock). */
    public Instant occurredAt() {
        return occurredAt;
    }

    public String actor() {
        return actor;
    }

    public AdminArea area() {
        return area;
    }

    /** Stable action code. */
    public String action() {
        return action;
    }

    /** Agency code, procedure code or ISO date of the day changed. */
    public String subject() {
        return subject;
    }

    public String reason() {
        return reason;
    }

    /** Before → after summary, or null. */
    public String details() {
        return details;
    }
}
