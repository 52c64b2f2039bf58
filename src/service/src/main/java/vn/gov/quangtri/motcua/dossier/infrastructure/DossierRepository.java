package vn.gov.quangtri.motcua.dossier.infrastructure;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.util.List;
import vn.gov.quangtri.motcua.account.domain.AccessScope;
import vn.gov.quangtri.motcua.dossier.domain.Dossier;
import vn.gov.quangtri.motcua.shared.domain.NotFoundException;

/** JPA access to dossiers; joins the calling service's transaction. */
@ApplicationScoped
public class DossierRepository {

    /** EclipseLink's {@code QueryHints.READ_ONLY}, by name: the service module does not compile against EclipseLink. */
    private static final String READ_ONLY = "eclipselink.read-only";

    @PersistenceContext(unitName = "motcua")
    private EntityManager em;

    /**
     * @param code dossier code
     * @return the dossier
     * @throws NotFoundException when there is none
     */
    public Dossier find(String code) {
        List<Dossier> found = em.createNamedQuery("Dossier.findByCode", Dossier.class)
            .setParameter("code", code).getResultList();
        if (found.isEmpty()) {
            throw new NotFoundException("dossier", code);
        }
        return found.get(0);
    }

    /**
     * The one lookup of a dossier on behalf of a caller: the dossier when the caller's scope covers its receiving
     * unit, otherwise the same {@link NotFoundException} as for a code nobody has ({@link AccessScope#requireSees},
     * issue 16: another unit's codes cannot be told from missing ones, whatever the endpoint).
     *
     * @param code  dossier code
     * @param scope the caller's scope
     * @throws NotFoundException when there is none or it is outside the scope
     */
    public Dossier find(String code, AccessScope scope) {
        return seen(em.createNamedQuery("Dossier.findByCode", Dossier.class), code, scope);
    }

    /**
     * The same lookup as {@link #find(String, AccessScope)} for display only: EclipseLink's read-only query
     * ({@code eclipselink.read-only}) does not register the dossier, its documents, steps, history and unit in the
     * persistence context, so nothing is copied for change tracking. Changes made to the returned dossier are never
     * written; callers that change a dossier use {@link #find(String, AccessScope)} and {@link #lock}.
     *
     * @throws NotFoundException when there is none or it is outside the scope
     */
    public Dossier findToRead(String code, AccessScope scope) {
        return seen(em.createNamedQuery("Dossier.findByCode", Dossier.class).setHint(READ_ONLY, Boolean.TRUE), code,
            scope);
    }

    /** The dossier the by-code query finds, when the scope covers its unit ({@link AccessScope#requireSees}). */
    private static Dossier seen(TypedQuery<Dossier> byCode, String code, AccessScope scope) {
        List<Dossier> found = byCode.setParameter("code", code).getResultList();
        scope.requireSees("dossier", code, found.isEmpty() ? null : found.get(0).receivingAgency().code());
        return found.get(0);
    }

    /**
     * Locks a found dossier's row so that concurrent actions on it are applied one after the other (docs/cases.md C23),
     * and increments its version: every action, even one that only touches a step (an assignment), makes
     * screens showing the old version stale. The increment is written at the next flush, so a version check
     * must come right after this call (see {@code DossierChanges}).
     */
    public void lock(Dossier dossier) {
        em.lock(dossier, LockModeType.PESSIMISTIC_FORCE_INCREMENT);
    }

    /** Finds and locks a dossier for trusted in-process work that checks no caller (see {@link #lock}). */
    public Dossier findForUpdate(String code) {
        Dossier d = find(code);
        lock(d);
        return d;
    }

    /** Stores a new dossier with its documents, steps and first history event. */
    public void add(Dossier dossier) {
        em.persist(dossier);
    }

    /** Writes pending changes now, so that constraint or version conflicts surface inside the service. */
    public void flush() {
        em.flush();
    }
}
