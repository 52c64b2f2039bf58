package vn.gov.quangtri.motcua.portal.application;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import vn.gov.quangtri.motcua.account.application.AccessControl;
import vn.gov.quangtri.motcua.account.domain.AccessScope;
import vn.gov.quangtri.motcua.account.domain.Role;
import vn.gov.quangtri.motcua.audit.domain.AdminArea;
import vn.gov.quangtri.motcua.audit.domain.AdminChange;
import vn.gov.quangtri.motcua.dossier.application.DossierStore;
import vn.gov.quangtri.motcua.dossier.domain.Dossier;
import vn.gov.quangtri.motcua.dossier.domain.DossierEvent;
import vn.gov.quangtri.motcua.dossier.domain.DossierFile;
import vn.gov.quangtri.motcua.interagency.domain.Backoff;
import vn.gov.quangtri.motcua.portal.domain.PortalMessage;
import vn.gov.quangtri.motcua.portal.domain.PortalPayload;
import vn.gov.quangtri.motcua.shared.domain.NotFoundException;
import vn.gov.quangtri.motcua.shared.domain.RuleViolationException;
import vn.gov.quangtri.motcua.shared.domain.Texts;

/**
 * The durable outbox to the national portal (issue 15 §3; docs/architecture.md "Synchronisation with the national
 * portal"):
 * <ul>
 *   <li>{@link #enqueue}, in the dossier's transaction: one message per new history event, numbered after the
 *   dossier's last ({@code SoThuTu}); a child dossier of an inter-agency transfer sends none (the citizen's dossier is
 *   its parent).</li>
 *   <li>{@link #heads}: for each dossier, its first message not yet sent or discarded, when it is pending and due.
 *   A refused message therefore holds back its dossier's later ones.</li>
 *   <li>{@link #sent}, {@link #failed} (retried with {@link PortalMessage#RETRIES}, never given up),
 *   {@link #rejected}: the dispatcher's outcomes, each its own short transaction.</li>
 *   <li>The administrators' rejects list: {@link #inState}, {@link #resend} (payload rebuilt from the dossier as it
 *   is now), {@link #discard} (reason required), audited (area PORTAL).</li>
 *   <li>{@link #resendDossier}: a fresh full message of a dossier (after a difference the reconciliation found),
 *   audited.</li>
 * </ul>
 */
@Stateless
public class PortalOutbox {

    @PersistenceContext(unitName = "motcua")
    private EntityManager em;

    @Inject
    private DossierStore dossiers;

    @EJB
    private AccessControl access;

    @Inject
    private Clock clock;

    /**
     * Writes the messages of the events after {@code afterSeq} (in the caller's transaction).
     *
     * @param d        the dossier after its change
     * @param afterSeq the last event already reported (0 for a new dossier)
     */
    @TransactionAttribute(TransactionAttributeType.MANDATORY)
    public void enqueue(Dossier d, int afterSeq) {
        if (d.origin().child()) {
            return;
        }
        List<DossierEvent> events = d.history().stream().filter(e -> e.seq() > afterSeq).toList();
        if (events.isEmpty()) {
            return;
        }
        Integer last = em.createNamedQuery("PortalMessage.lastSequence", Integer.class).setParameter("code", d.code())
            .getSingleResult();
        int seq = last == null ? 0 : last;
        List<DossierFile> files = files(d.code());
        Instant now = clock.instant();
        for (DossierEvent e : events) {
            seq++;
            em.persist(new PortalMessage(d.code(), seq, e.seq(), e.action().name(), e.occurredAt(),
                PortalPayload.of(d, e, seq, files), now));
        }
    }

    private List<DossierFile> files(String code) {
        return em.createQuery("SELECT f FROM DossierFile f WHERE f.dossierCode = :code AND f.withdrawnAt IS NULL"
            + " ORDER BY f.id", DossierFile.class).setParameter("code", code).getResultList();
    }

    /** The first open message of each dossier, when pending and due, oldest due first (system task). */
    public List<PortalMessage> heads(int limit) {
        requireSystem();
        Instant now = clock.instant();
        return em.createNamedQuery("PortalMessage.heads", PortalMessage.class)
            .setParameter("open", List.of(PortalMessage.State.PENDING, PortalMessage.State.REJECTED))
            .getResultList().stream()
            .filter(m -> m.state() == PortalMessage.State.PENDING && !m.nextAttemptAt().isAfter(now))
            .limit(limit).toList();
    }

    /** The portal accepted the message (system task). */
    public void sent(long id) {
        requireSystem();
        PortalMessage m = locked(id);
        if (m.state() == PortalMessage.State.PENDING) {
            m.sent(clock.instant());
        }
    }

    /**
     * No answer that counts: tried again later as {@code retries} says (system task).
     *
     * @param retries the schedule, {@link PortalMessage#retries} of the configured longest wait
     */
    public void failed(long id, String error, Backoff retries) {
        requireSystem();
        PortalMessage m = locked(id);
        if (m.state() == PortalMessage.State.PENDING) {
            m.failed(error, clock.instant(), retries);
        }
    }

    /**
     * Makes every pending message that waits for a retry due now, for an administrator who knows the portal is back
     * (the next run sends them in each dossier's order).
     *
     * @return how many messages were waiting
     */
    public int retryNow() {
        requireAdmin();
        Instant now = clock.instant();
        int n = 0;
        for (PortalMessage m : em.createQuery("SELECT m FROM PortalMessage m WHERE m.state = :pending"
            + " AND m.nextAttemptAt > :now", PortalMessage.class).setParameter("pending", PortalMessage.State.PENDING)
            .setParameter("now", now).getResultList()) {
            if (m.dueNow(now)) {
                n++;
            }
        }
        return n;
    }

    /** The portal refused the message with a reason: it goes to the rejects list (system task). */
    public void rejected(long id, String reason) {
        requireSystem();
        PortalMessage m = locked(id);
        if (m.state() == PortalMessage.State.PENDING) {
            m.rejected(reason, clock.instant());
        }
    }

    /** How many messages are in each state (system administrators). */
    public Map<PortalMessage.State, Long> counts() {
        requireAdmin();
        Map<PortalMessage.State, Long> out = new EnumMap<>(PortalMessage.State.class);
        for (PortalMessage.State s : PortalMessage.State.values()) {
            out.put(s, 0L);
        }
        for (Object[] r : em.createQuery("SELECT m.state, COUNT(m) FROM PortalMessage m GROUP BY m.state",
            Object[].class).getResultList()) {
            out.put((PortalMessage.State) r[0], (Long) r[1]);
        }
        return out;
    }

    /** The messages in a state (the rejects list: REJECTED), by dossier and order (system administrators). */
    public List<PortalMessage> inState(PortalMessage.State state, int limit) {
        requireAdmin();
        return em.createNamedQuery("PortalMessage.inState", PortalMessage.class).setParameter("state", state)
            .setMaxResults(limit).getResultList();
    }

    /** A dossier's messages in order (system administrators). */
    public List<PortalMessage> ofDossier(String code) {
        requireAdmin();
        return em.createNamedQuery("PortalMessage.ofDossier", PortalMessage.class).setParameter("code", code)
            .getResultList();
    }

    /**
     * Sends a refused message again, its payload rebuilt from the dossier as it is now (the fix is in the data).
     *
     * @throws NotFoundException      no such message
     * @throws RuleViolationException {@code NOT_REJECTED} for a message that is not on the rejects list
     */
    public PortalMessage resend(long id) {
        AccessScope scope = requireAdmin();
        PortalMessage m = locked(id);
        requireRejected(m);
        Dossier d = dossiers.find(m.dossierCode());
        DossierEvent e = d.history().stream().filter(x -> x.seq() == m.eventSeq()).findFirst().orElseThrow();
        m.resend(PortalPayload.of(d, e, m.sequence(), files(d.code())), scope.username(), clock.instant());
        em.persist(new AdminChange(clock.instant(), scope.username(), AdminArea.PORTAL, "PORTAL_RESEND",
            String.valueOf(id), "Gửi lại thông điệp đồng bộ bị Cổng từ chối", m.dossierCode() + " #" + m.sequence()
                + "; lý do từ chối: " + m.lastError()));
        return m;
    }

    /**
     * Sends a dossier to the portal again as it stands (the reconciliation's "re-send", issue 15 §4): a fresh message
     * for its latest event, numbered after its last ({@code SoThuTu}), with the payload built now, so the portal takes
     * every member of it (status, appointment, result, return) over its copy. Audited (area PORTAL, PORTAL_FULL_RESEND).
     *
     * @throws NotFoundException      no such dossier
     * @throws RuleViolationException {@code CHILD_NOT_SYNCHRONISED} for a child dossier of an inter-agency transfer
     *                                (never sent to the portal)
     */
    public PortalMessage resendDossier(String code) {
        AccessScope scope = requireAdmin();
        Dossier d = dossiers.find(code);
        if (d.origin().child()) {
            throw new RuleViolationException("CHILD_NOT_SYNCHRONISED", "Dossier " + code + " is a child of an"
                + " inter-agency transfer: its parent is the citizen's dossier on the portal",
                List.of("code: " + d.origin().parentCode()));
        }
        DossierEvent e = d.history().stream().max(java.util.Comparator.comparingInt(DossierEvent::seq))
            .orElseThrow(() -> new NotFoundException("dossier event", code));
        Integer last = em.createNamedQuery("PortalMessage.lastSequence", Integer.class).setParameter("code", code)
            .getSingleResult();
        int seq = (last == null ? 0 : last) + 1;
        Instant now = clock.instant();
        PortalMessage m = new PortalMessage(code, seq, e.seq(), e.action().name(), e.occurredAt(),
            PortalPayload.of(d, e, seq, files(code)), now);
        em.persist(m);
        em.persist(new AdminChange(now, scope.username(), AdminArea.PORTAL, "PORTAL_FULL_RESEND", code,
            "Gửi lại toàn bộ hồ sơ lên Cổng sau đối soát", code + " #" + seq + " (trạng thái "
                + d.status().portalCode() + ")"));
        return m;
    }

    /**
     * Gives up on a refused message, with a reason; the dossier's later messages go on.
     *
     * @throws RuleViolationException {@code TEXT_REQUIRED} without a reason, {@code NOT_REJECTED}
     */
    public PortalMessage discard(long id, String reason) {
        AccessScope scope = requireAdmin();
        String why = Texts.required("reason", reason, true, Texts.LONG);
        PortalMessage m = locked(id);
        requireRejected(m);
        m.discard(scope.username(), why, clock.instant());
        em.persist(new AdminChange(clock.instant(), scope.username(), AdminArea.PORTAL, "PORTAL_DISCARD",
            String.valueOf(id), "Bỏ thông điệp đồng bộ bị Cổng từ chối", m.dossierCode() + " #" + m.sequence()
                + "; " + why));
        return m;
    }

    /**
     * Checks that the caller may watch and steer the synchronisation (system administrators).
     *
     * @throws vn.gov.quangtri.motcua.shared.domain.ForbiddenException {@code ROLE_REQUIRED} otherwise
     */
    public void checkAdministrator() {
        requireAdmin();
    }

    private static void requireRejected(PortalMessage m) {
        if (m.state() != PortalMessage.State.REJECTED) {
            throw new RuleViolationException("NOT_REJECTED", "Message " + m.id() + " is " + m.state()
                + ", not on the rejects list", List.of("id: a message of the rejects list"));
        }
    }

    private PortalMessage locked(long id) {
        PortalMessage m = em.find(PortalMessage.class, id, LockModeType.PESSIMISTIC_WRITE);
        if (m == null) {
            throw new NotFoundException("portal message", String.valueOf(id));
        }
        return m;
    }

    private void requireSystem() {
        access.current().requireAny(Role.SYSTEM_ADMIN);
    }

    private AccessScope requireAdmin() {
        AccessScope scope = access.current();
        scope.requireAny(Role.SYSTEM_ADMIN);
        return scope;
    }
}
