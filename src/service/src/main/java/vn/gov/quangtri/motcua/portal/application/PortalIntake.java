package vn.gov.quangtri.motcua.portal.application;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import vn.gov.quangtri.motcua.account.application.AccessControl;
import vn.gov.quangtri.motcua.account.domain.Role;
import vn.gov.quangtri.motcua.agency.domain.Agency;
import vn.gov.quangtri.motcua.dossier.application.DossierFiles;
import vn.gov.quangtri.motcua.dossier.application.IntakeRequest;
import vn.gov.quangtri.motcua.dossier.application.IntakeService;
import vn.gov.quangtri.motcua.dossier.domain.Channel;
import vn.gov.quangtri.motcua.dossier.domain.Dossier;
import vn.gov.quangtri.motcua.dossier.domain.ReceivedDocument;
import vn.gov.quangtri.motcua.portal.domain.OnlineSubmission;
import vn.gov.quangtri.motcua.portal.domain.PortalCursor;
import vn.gov.quangtri.motcua.portal.domain.PortalSubmission;
import vn.gov.quangtri.motcua.shared.domain.NotFoundException;

/**
 * Online submissions from the national portal into the desk's queue (issue 15 §3a; docs/architecture.md "Online
 * dossiers from the national portal"). The puller (infrastructure {@code PortalIntakePuller}) reads the portal's list
 * after the durable {@link #cursor()}, downloads and checks each file, and calls:
 * <ul>
 *   <li>{@link #take}: in one transaction, the online dossier through {@link IntakeService#lodge} (SUBMITTED_ONLINE,
 *   channel ONLINE, business time = the portal's {@code NgayNop}, actor {@link #ACTOR}), its files through
 *   {@link DossierFiles#attachFromPortal}, and the submission's row (portal id unique). A refusal of any of them
 *   (unknown procedure or unit, a file of a refused type…) rolls all of it back;</li>
 *   <li>{@link #notTaken}: then, in a transaction of its own, the row with the reason: the administrators'
 *   not-taken list ({@link #inState}), never dropped;</li>
 *   <li>{@link #acknowledged} / {@link #acknowledgementFailed} and {@link #advance}.</li>
 * </ul>
 * The pull runs as a system task; the lists are for system administrators.
 */
@Stateless
public class PortalIntake {

    /** The actor the history shows for a dossier the portal brought. */
    public static final String ACTOR = "Cổng DVCQG";

    @PersistenceContext(unitName = "motcua")
    private EntityManager em;

    @EJB
    private IntakeService intake;

    @EJB
    private DossierFiles files;

    @EJB
    private AccessControl access;

    @Inject
    private Clock clock;

    /** A file downloaded from the portal whose size and SHA-256 matched the announcement. */
    public record Fetched(OnlineSubmission.FileRef ref, Path content) {
    }

    /** Where the portal's list is to be read from ("0" before the first pull; system task). */
    public String cursor() {
        requireSystem();
        PortalCursor c = em.find(PortalCursor.class, PortalCursor.ONLINE);
        return c == null ? "0" : c.position();
    }

    /** Moves the cursor on past an item that is decided (system task). */
    public void advance(String position) {
        requireSystem();
        PortalCursor c = em.find(PortalCursor.class, PortalCursor.ONLINE, LockModeType.PESSIMISTIC_WRITE);
        if (c == null) {
            em.persist(new PortalCursor(PortalCursor.ONLINE, position, clock.instant()));
        } else {
            c.move(position, clock.instant());
        }
    }

    /** The submission with this portal id, if met before. */
    public Optional<PortalSubmission> known(String portalId) {
        requireSystem();
        return em.createNamedQuery("PortalSubmission.byPortalId", PortalSubmission.class).setParameter("id", portalId)
            .getResultList().stream().findFirst();
    }

    /**
     * Takes a submission as an online dossier with its files, in one transaction (system task, named {@link #ACTOR}).
     * A submission taken already is returned as it is: nothing is created twice.
     *
     * @param s       the submission
     * @param payload the listing's item as received
     * @param fetched its files, downloaded and checked, in order
     * @return the submission's row, TAKEN
     * @throws vn.gov.quangtri.motcua.shared.domain.DomainException what refused the dossier or a file; nothing is
     *         kept (the caller records {@link #notTaken})
     */
    public PortalSubmission take(OnlineSubmission s, String payload, List<Fetched> fetched) {
        requireSystem();
        PortalSubmission row = lockedByPortalId(s.portalId()).orElse(null);
        if (row != null && row.state() == PortalSubmission.State.TAKEN) {
            return row;
        }
        Dossier d = intake.lodge(new IntakeRequest(s.procedureCode(), unitCode(s.unitCode()), Channel.ONLINE,
            s.applicant(), s.documents(), s.submittedAt(), null, null, null,
            "Nộp trực tuyến trên Cổng Dịch vụ công quốc gia, mã " + s.portalId()));
        for (Fetched f : fetched) {
            files.attachFromPortal(d, f.ref().name(), f.content(), position(d, f.ref()), ACTOR);
        }
        Instant now = clock.instant();
        if (row == null) {
            row = new PortalSubmission(s.portalId(), s.cursor(), payload, now);
            em.persist(row);
        }
        row.describe(s.procedureCode(), s.unitCode(), s.name(), s.submittedAt());
        row.taken(d.code(), now);
        em.flush();
        return row;
    }

    /**
     * Records that a submission could not be taken, with the reason (its own transaction; system task).
     *
     * @param s       what could be read of it, or null when the item itself is unreadable
     * @param portalId the portal's id
     * @param cursor  its place in the portal's order
     * @param payload the listing's item as received
     * @return the row, NOT_TAKEN (a row taken meanwhile is returned as it is)
     */
    public PortalSubmission notTaken(OnlineSubmission s, String portalId, String cursor, String payload,
                                     String reasonCode, String reason) {
        requireSystem();
        Instant now = clock.instant();
        PortalSubmission row = lockedByPortalId(portalId).orElse(null);
        if (row == null) {
            row = new PortalSubmission(portalId, cursor, payload, now);
            em.persist(row);
        } else if (row.state() == PortalSubmission.State.TAKEN) {
            return row;
        }
        if (s != null) {
            row.describe(s.procedureCode(), s.unitCode(), s.name(), s.submittedAt());
        }
        row.notTaken(reasonCode, reason, now);
        return row;
    }

    /** The taken submissions the portal has not yet recorded as taken, oldest first (system task). */
    public List<PortalSubmission> unacknowledged(int limit) {
        requireSystem();
        return em.createNamedQuery("PortalSubmission.unacknowledged", PortalSubmission.class)
            .setParameter("taken", PortalSubmission.State.TAKEN).setMaxResults(limit).getResultList();
    }

    /** The portal recorded that we took it (system task). */
    public void acknowledged(long id) {
        requireSystem();
        em.find(PortalSubmission.class, id, LockModeType.PESSIMISTIC_WRITE).acknowledged(clock.instant());
    }

    /** The acknowledgement failed; tried again at the next pull (system task). */
    public void acknowledgementFailed(long id, String error) {
        requireSystem();
        em.find(PortalSubmission.class, id, LockModeType.PESSIMISTIC_WRITE).acknowledgementFailed(error);
    }

    /** How many submissions are in each state, and how many taken ones the portal has not recorded (administrators). */
    public Map<String, Long> counts() {
        requireAdmin();
        Map<String, Long> out = new java.util.LinkedHashMap<>();
        Map<PortalSubmission.State, Long> byState = new EnumMap<>(PortalSubmission.State.class);
        for (PortalSubmission.State s : PortalSubmission.State.values()) {
            byState.put(s, 0L);
        }
        for (Object[] r : em.createQuery("SELECT s.state, COUNT(s) FROM PortalSubmission s GROUP BY s.state",
            Object[].class).getResultList()) {
            byState.put((PortalSubmission.State) r[0], (Long) r[1]);
        }
        byState.forEach((k, v) -> out.put(k.name(), v));
        out.put("UNACKNOWLEDGED", em.createQuery("SELECT COUNT(s) FROM PortalSubmission s WHERE s.state = :taken"
            + " AND s.ackedAt IS NULL", Long.class).setParameter("taken", PortalSubmission.State.TAKEN)
            .getSingleResult());
        return out;
    }

    /** The submissions in a state, latest first (the not-taken list: NOT_TAKEN; system administrators). */
    public List<PortalSubmission> inState(PortalSubmission.State state, int limit) {
        requireAdmin();
        return em.createNamedQuery("PortalSubmission.inState", PortalSubmission.class).setParameter("state", state)
            .setMaxResults(limit).getResultList();
    }

    /**
     * One submission (system administrators and system tasks).
     *
     * @throws NotFoundException no such row
     */
    public PortalSubmission find(long id) {
        requireAdmin();
        PortalSubmission s = em.find(PortalSubmission.class, id);
        if (s == null) {
            throw new NotFoundException("portal submission", String.valueOf(id));
        }
        return s;
    }

    /**
     * Checks that the caller may watch and steer the intake (system administrators).
     *
     * @throws vn.gov.quangtri.motcua.shared.domain.ForbiddenException {@code ROLE_REQUIRED} otherwise
     */
    public void checkAdministrator() {
        requireAdmin();
    }

    /** The unit's internal code: the one given, or the unit whose electronic identifier it is. */
    private String unitCode(String given) {
        if (em.find(Agency.class, given) != null) {
            return given;
        }
        return em.createNamedQuery("Agency.findByEdocCode", Agency.class).setParameter("edocCode", given)
            .getResultList().stream().findFirst().map(Agency::code).orElse(given);
    }

    /** The dossier's document line a file belongs to: its component's, or the extra line named after it. */
    static Integer position(Dossier d, OnlineSubmission.FileRef f) {
        for (ReceivedDocument doc : d.documents()) {
            if (f.component() != null ? f.component().equals(doc.requiredPosition())
                : doc.requiredPosition() == null && doc.name().equals(f.name())) {
                return doc.position();
            }
        }
        return null;
    }

    private Optional<PortalSubmission> lockedByPortalId(String portalId) {
        return em.createNamedQuery("PortalSubmission.byPortalId", PortalSubmission.class).setParameter("id", portalId)
            .setLockMode(LockModeType.PESSIMISTIC_WRITE).getResultList().stream().findFirst();
    }

    private void requireSystem() {
        access.current().requireAny(Role.SYSTEM_ADMIN);
    }

    private void requireAdmin() {
        access.current().requireAny(Role.SYSTEM_ADMIN);
    }
}
