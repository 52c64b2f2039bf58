package vn.gov.quangtri.motcua.notification.application;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import vn.gov.quangtri.motcua.account.application.AccessControl;
import vn.gov.quangtri.motcua.account.domain.AccessScope;
import vn.gov.quangtri.motcua.account.domain.Role;
import vn.gov.quangtri.motcua.audit.domain.AdminArea;
import vn.gov.quangtri.motcua.audit.domain.AdminChange;
import vn.gov.quangtri.motcua.dossier.application.PublicLookup;
import vn.gov.quangtri.motcua.dossier.domain.Applicant;
import vn.gov.quangtri.motcua.dossier.domain.Dossier;
import vn.gov.quangtri.motcua.dossier.domain.DossierEvent;
import vn.gov.quangtri.motcua.interagency.domain.Backoff;
import vn.gov.quangtri.motcua.shared.application.RetrySettings;
import vn.gov.quangtri.motcua.notification.domain.Milestone;
import vn.gov.quangtri.motcua.notification.domain.MilestoneFacts;
import vn.gov.quangtri.motcua.notification.domain.Notification;
import vn.gov.quangtri.motcua.notification.domain.NotificationChannel;
import vn.gov.quangtri.motcua.notification.domain.NotificationStatus;
import vn.gov.quangtri.motcua.notification.domain.NotificationTemplate;
import vn.gov.quangtri.motcua.notification.domain.TemplateKey;
import vn.gov.quangtri.motcua.notification.domain.TemplateText;
import vn.gov.quangtri.motcua.shared.domain.ConflictException;
import vn.gov.quangtri.motcua.shared.domain.NotFoundException;

/**
 * The applicants' notification outbox and its templates (issue 13 §3; docs/domain.md §2.14).
 * <ul>
 *   <li>{@link #enqueue} writes, in the dossier's transaction, one row per milestone of the change and per channel
 *       the applicant can be reached on (e-mail address → EMAIL; phone → SMS and ZALO when those channels are on),
 *       with the text of the template in the applicant's language already rendered. Children of inter-agency
 *       transfers are skipped (the citizen follows the parent dossier).</li>
 *   <li>The dispatcher takes {@link #due} rows after the commit and records {@link #markSent}, {@link #markFailed}
 *       (retried after {@code motcua.notification.retry.initial-delay} PT1M, doubling up to {@code ...max-delay}
 *       PT1H, at most {@code ...max-attempts} 8 attempts) or {@link #markNotSent}; each its own short transaction.</li>
 *   <li>Administrators list the outbox ({@link #list}; a system administrator all, an agency administrator its
 *       units), {@link #resend} a row, and edit the templates ({@link #saveTemplate}, {@link #preview}; system
 *       administrators). Re-sending and edits are written to the administration audit (area NOTIFICATION).</li>
 * </ul>
 * The lookup link in a message carries the dossier code only: the secret exists in clear only on the receipt slip
 * (docs/domain.md §2.12), so the citizen types it from the slip.
 */
@Stateless
public class Notifications {

    @PersistenceContext(unitName = "motcua")
    private EntityManager em;

    @EJB
    private AccessControl access;

    @EJB
    private PublicLookup lookup;

    @Inject
    private Clock clock;

    @Inject
    @Any
    private Instance<NotificationSender> senders;

    @Inject
    private Event<NotificationsQueued> queued;

    private Backoff backoff = Backoff.DEFAULT;

    @PostConstruct
    void init() {
        backoff = RetrySettings.backoff("motcua.notification.retry");
    }

    /** The retry schedule in force. */
    public Backoff backoff() {
        return backoff;
    }

    /**
     * Writes the notifications of a dossier change in the caller's transaction (MANDATORY): one per milestone among
     * the history events after {@code afterSeq} ({@link Milestone#of}) and per reachable channel.
     *
     * @return the rows written (possibly none)
     */
    @TransactionAttribute(TransactionAttributeType.MANDATORY)
    public List<Notification> enqueue(Dossier d, int afterSeq) {
        List<Notification> written = new ArrayList<>();
        if (d.origin() != null && d.origin().child()) {
            return written;
        }
        Applicant a = d.applicant();
        Instant now = clock.instant();
        for (DossierEvent e : d.history()) {
            if (e.seq() <= afterSeq) {
                continue;
            }
            Milestone m = Milestone.of(e);
            if (m == null) {
                continue;
            }
            MilestoneFacts facts = facts(d, e, m);
            String language = a.language();
            NotificationTemplate t = template(m, language);
            Map<String, String> values = facts.values(language);
            for (NotificationChannel channel : NotificationChannel.values()) {
                String to = channel == NotificationChannel.EMAIL ? a.email() : a.phone();
                if (to == null || to.isBlank() || !enabled(channel)) {
                    continue;
                }
                boolean mail = channel == NotificationChannel.EMAIL;
                Notification n = new Notification(d.code(), d.receivingAgency().code(), m, channel, language,
                    to.strip(), mail ? TemplateText.render(t.subject(), values) : null,
                    TemplateText.render(mail ? t.body() : t.shortText(), values), now);
                em.persist(n);
                written.add(n);
            }
        }
        if (!written.isEmpty()) {
            queued.fire(new NotificationsQueued(written.size()));
        }
        return written;
    }

    /**
     * Writes the OVERDUE notifications of a dossier whose appointment passed (one per reachable channel, as
     * {@link #enqueue}), in the caller's transaction: the deadline sweep calls it in its chunk's transaction when it
     * records the dossier's overdue event, which it does once (that record's key), so the applicant is told once.
     * Children of inter-agency transfers and dossiers no longer found are skipped.
     *
     * @param dueAt the appointment that passed
     * @return the rows written (possibly none)
     */
    @TransactionAttribute(TransactionAttributeType.MANDATORY)
    public List<Notification> enqueueOverdue(long dossierId, Instant dueAt) {
        List<Notification> written = new ArrayList<>();
        Dossier d = em.find(Dossier.class, dossierId);
        if (d == null || (d.origin() != null && d.origin().child())) {
            return written;
        }
        Applicant a = d.applicant();
        String language = a.language();
        NotificationTemplate t = template(Milestone.OVERDUE, language);
        Map<String, String> values = new MilestoneFacts(a.name(), d.code(), d.snapshot().name(),
            d.receivingAgencyName(), dueAt, null, List.of(), null, d.snapshot().feeVnd(), null,
            lookup.link(d.code(), null, null) + ("en".equals(language) ? "&lang=en" : "")).values(language);
        Instant now = clock.instant();
        for (NotificationChannel channel : NotificationChannel.values()) {
            String to = channel == NotificationChannel.EMAIL ? a.email() : a.phone();
            if (to == null || to.isBlank() || !enabled(channel)) {
                continue;
            }
            boolean mail = channel == NotificationChannel.EMAIL;
            Notification n = new Notification(d.code(), d.receivingAgency().code(), Milestone.OVERDUE, channel,
                language, to.strip(), mail ? TemplateText.render(t.subject(), values) : null,
                TemplateText.render(mail ? t.body() : t.shortText(), values), now);
            em.persist(n);
            written.add(n);
        }
        if (!written.isEmpty()) {
            em.flush();
            queued.fire(new NotificationsQueued(written.size()));
        }
        return written;
    }

    private boolean enabled(NotificationChannel channel) {
        for (NotificationSender s : senders) {
            if (s.channel() == channel) {
                return s.enabled();
            }
        }
        return false;
    }

    /** The facts of one milestone event. */
    private MilestoneFacts facts(Dossier d, DossierEvent e, Milestone m) {
        String details = null;
        if (m == Milestone.SUPPLEMENT_REQUESTED && e.reason() != null) {
            int note = e.reason().indexOf("Ghi chú: ");
            details = note < 0 ? null : e.reason().substring(note + "Ghi chú: ".length()).strip();
        } else if (m == Milestone.FINANCIAL_OBLIGATION) {
            details = e.reason();
        }
        Instant appointment = m == Milestone.RESCHEDULED && e.dueBefore() != null ? e.dueBefore() : d.clock().dueAt();
        return new MilestoneFacts(d.applicant().name(), d.code(), d.snapshot().name(), d.receivingAgencyName(),
            appointment, m == Milestone.RESCHEDULED ? e.dueAfter() : null,
            m == Milestone.SUPPLEMENT_REQUESTED ? e.items() : List.of(), details, d.snapshot().feeVnd(),
            m == Milestone.REFUSED || m == Milestone.RESCHEDULED ? e.reason() : null,
            lookup.link(d.code(), null, null) + ("en".equals(d.applicant().language()) ? "&lang=en" : ""));
    }

    // ---- the dispatcher's side (trusted scope) ----

    /** Rows due now (pending or failed, next attempt reached), oldest due first, at most {@code limit}. */
    public List<Notification> due(int limit) {
        access.current().requireAny(Role.SYSTEM_ADMIN);
        Instant now = clock.instant();
        // The due-time filter runs here rather than in JPQL, as in the exchange's outbox: it keeps the comparison
        // independent of how a driver binds an Instant parameter.
        return em.createQuery("SELECT n FROM Notification n WHERE n.status IN :open AND n.nextAttemptAt IS NOT NULL"
                + " ORDER BY n.id", Notification.class)
            .setParameter("open", List.of(NotificationStatus.PENDING, NotificationStatus.FAILED)).getResultList()
            .stream().filter(n -> n.due(now)).sorted(Comparator.comparing(Notification::nextAttemptAt))
            .limit(Math.max(0, limit)).toList();
    }

    /** The dispatcher handed the row over. */
    public void markSent(long id) {
        access.current().requireAny(Role.SYSTEM_ADMIN);
        locked(id).markSent(clock.instant());
    }

    /**
     * An attempt failed.
     *
     * @return the next attempt, or null when the attempts are used up
     */
    public Instant markFailed(long id, String error) {
        access.current().requireAny(Role.SYSTEM_ADMIN);
        return locked(id).markFailed(clock.instant(), error, backoff);
    }

    /** The server lacks what the channel needs (no mail session, no gateway). */
    public void markNotSent(long id, String reason) {
        access.current().requireAny(Role.SYSTEM_ADMIN);
        locked(id).markNotSent(clock.instant(), reason);
    }

    // ---- administrators ----

    /**
     * The outbox for an administrator, newest first: all rows for a system administrator, the rows of dossiers of
     * its units for an agency administrator.
     *
     * @param status      only this status, or null for all
     * @param dossierCode only this dossier (exact code), or null/blank for all
     * @param limit       at most this many rows (1–1000)
     */
    public List<Notification> list(NotificationStatus status, String dossierCode, int limit) {
        AccessScope scope = access.current();
        scope.requireAny(Role.SYSTEM_ADMIN, Role.AGENCY_ADMIN);
        StringBuilder jpql = new StringBuilder("SELECT n FROM Notification n WHERE 1 = 1");
        if (status != null) {
            jpql.append(" AND n.status = :status");
        }
        boolean byCode = dossierCode != null && !dossierCode.isBlank();
        if (byCode) {
            jpql.append(" AND n.dossierCode = :code");
        }
        boolean all = scope.has(Role.SYSTEM_ADMIN) || scope.everywhere();
        if (!all) {
            jpql.append(" AND n.agencyCode IN :units");
        }
        jpql.append(" ORDER BY n.createdAt DESC, n.id DESC");
        TypedQuery<Notification> q = em.createQuery(jpql.toString(), Notification.class);
        if (status != null) {
            q.setParameter("status", status);
        }
        if (byCode) {
            q.setParameter("code", dossierCode.strip());
        }
        if (!all) {
            q.setParameter("units", scope.agencyCodes().isEmpty() ? List.of("-") : List.copyOf(scope.agencyCodes()));
        }
        return q.setMaxResults(Math.max(1, Math.min(1000, limit))).getResultList();
    }

    /**
     * One row, if the caller may see it.
     *
     * @throws NotFoundException unknown, or outside the caller's units
     */
    public Notification find(long id) {
        AccessScope scope = access.current();
        scope.requireAny(Role.SYSTEM_ADMIN, Role.AGENCY_ADMIN);
        Notification n = em.find(Notification.class, id);
        if (n == null || !(scope.has(Role.SYSTEM_ADMIN) || scope.covers(n.agencyCode()))) {
            throw new NotFoundException("notification", String.valueOf(id));
        }
        return n;
    }

    /**
     * An administrator re-sends a row (after the mail session was configured, after a failure, or again): due at once,
     * attempts counted anew; written to the administration audit ({@code NOTIFICATION_RESEND}).
     *
     * @throws NotFoundException unknown, or outside the caller's units
     * @throws ConflictException {@code NOT_RESENDABLE} while the row still waits for its first attempt
     */
    public Notification resend(long id) {
        AccessScope scope = access.current();
        Notification n = find(id);
        em.lock(n, LockModeType.PESSIMISTIC_WRITE);
        NotificationStatus before = n.status();
        Instant now = clock.instant();
        n.resend(now);
        em.persist(new AdminChange(now, AdminChange.requireActor(scope.username()), AdminArea.NOTIFICATION,
            "NOTIFICATION_RESEND", String.valueOf(id), "Gửi lại thông báo cho người nộp hồ sơ",
            auditDetails(n, before)));
        em.flush();
        queued.fire(new NotificationsQueued(1));
        return n;
    }

    /**
     * The audit's Vietnamese account of a re-send: channel, milestone, dossier and the status before. The last error
     * (the mail server's own, English words) stays on the outbox screen, not in the audit.
     */
    static String auditDetails(Notification n, NotificationStatus before) {
        String channel = switch (n.channel()) {
            case EMAIL -> "thư điện tử";
            case SMS -> "tin nhắn SMS";
            case ZALO -> "tin nhắn Zalo";
        };
        String milestone = switch (n.milestone()) {
            case RECEIVED -> "tiếp nhận hồ sơ";
            case SUPPLEMENT_REQUESTED -> "yêu cầu bổ sung";
            case FINANCIAL_OBLIGATION -> "nghĩa vụ tài chính";
            case RESULT_READY -> "có kết quả";
            case RESCHEDULED -> "xin lỗi, hẹn lại";
            case REFUSED -> "từ chối, không giải quyết";
            case OVERDUE -> "quá hạn trả kết quả";
        };
        String status = switch (before) {
            case PENDING -> "chờ gửi";
            case SENT -> "đã gửi";
            case FAILED -> "gửi không thành công";
            case NOT_SENT -> "chưa gửi được";
        };
        return channel + ", mốc " + milestone + ", hồ sơ " + n.dossierCode() + "; trạng thái trước: " + status;
    }

    /** Every template, by milestone then language (vi before en). */
    public List<NotificationTemplate> templates() {
        access.current().requireAny(Role.SYSTEM_ADMIN, Role.AGENCY_ADMIN);
        return em.createQuery("SELECT t FROM NotificationTemplate t", NotificationTemplate.class).getResultList()
            .stream().sorted(Comparator.comparing(NotificationTemplate::milestone)
                .thenComparing(t -> "vi".equals(t.language()) ? 0 : 1)).toList();
    }

    /**
     * Saves an edited template (system administrators), audited as {@code NOTIFICATION_TEMPLATE}.
     *
     * @param expectedVersion the version the editor showed, or null to skip the check
     * @throws vn.gov.quangtri.motcua.shared.domain.RuleViolationException {@code INVALID_TEMPLATE}
     * @throws ConflictException {@code CONCURRENT_CHANGE} when someone saved it meanwhile
     */
    public NotificationTemplate saveTemplate(Milestone milestone, String language, String subject, String body,
                                             String shortText, Long expectedVersion) {
        AccessScope scope = access.current();
        scope.requireAny(Role.SYSTEM_ADMIN);
        NotificationTemplate t = em.find(NotificationTemplate.class, new TemplateKey(milestone, language),
            LockModeType.PESSIMISTIC_WRITE);
        if (t == null) {
            throw new NotFoundException("notification template", milestone + "/" + language);
        }
        if (expectedVersion != null && expectedVersion != t.version()) {
            throw new ConflictException("CONCURRENT_CHANGE", "The template " + milestone + "/" + language
                + " was changed meanwhile: reload it");
        }
        String before = t.subject();
        Instant now = clock.instant();
        t.edit(subject, body, shortText, AdminChange.requireActor(scope.username()), now);
        em.persist(new AdminChange(now, scope.username(), AdminArea.NOTIFICATION, "NOTIFICATION_TEMPLATE",
            milestone + "/" + language, "Sửa mẫu thông báo", "tiêu đề trước: " + before));
        em.flush();
        return t;
    }

    /** A template rendered with invented facts ({@link MilestoneFacts#sample}), for the editor; nothing is stored. */
    public Preview preview(String language, String subject, String body, String shortText) {
        access.current().requireAny(Role.SYSTEM_ADMIN, Role.AGENCY_ADMIN);
        Map<String, String> values = MilestoneFacts.sample(lookup.pageUrl(null)).values(language);
        List<String> problems = NotificationTemplate.problems(subject, body, shortText);
        return new Preview(TemplateText.render(subject, values), TemplateText.render(body, values),
            TemplateText.render(shortText, values), problems);
    }

    /**
     * A rendered template.
     *
     * @param problems what would stop it from being saved
     */
    public record Preview(String subject, String body, String shortText, List<String> problems)
        implements java.io.Serializable {
    }

    private NotificationTemplate template(Milestone m, String language) {
        NotificationTemplate t = em.find(NotificationTemplate.class, new TemplateKey(m, language));
        if (t == null && !"vi".equals(language)) {
            t = em.find(NotificationTemplate.class, new TemplateKey(m, "vi"));
        }
        if (t == null) {
            throw new IllegalStateException("No notification template for " + m + " (migration V23)");
        }
        return t;
    }

    private Notification locked(long id) {
        Notification n = em.find(Notification.class, id, LockModeType.PESSIMISTIC_WRITE);
        if (n == null) {
            throw new NotFoundException("notification", String.valueOf(id));
        }
        return n;
    }
}
