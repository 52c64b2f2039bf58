package vn.gov.quangtri.motcua.dossier.application;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import vn.gov.quangtri.motcua.account.application.AccessControl;
import vn.gov.quangtri.motcua.account.domain.AccessScope;
import vn.gov.quangtri.motcua.dossier.domain.BackdatingRequest;
import vn.gov.quangtri.motcua.shared.domain.NotFoundException;

/**
 * Stores and reads backdating requests: actions dated so far before their keying that they wait for a leader
 * (docs/domain.md §3.4). Deciding them is {@link BackdatingApprovals}.
 */
@Stateless
public class BackdatingRequests {

    @PersistenceContext(unitName = "motcua")
    private EntityManager em;

    @EJB
    private AccessControl access;

    /**
     * Stores a new request in a transaction of its own, so that it stays when the change that produced it is rolled
     * back (the dossier does not change until approval). Called by {@link DossierChanges#apply}.
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public BackdatingRequest hold(BackdatingRequest request) {
        em.persist(request);
        em.flush();
        return request;
    }

    /**
     * Marks the dossier's pending requests lapsed, in the transaction of the change that has just moved the dossier
     * on: their actions no longer fit its history ({@code DOSSIER_CHANGED_SINCE}), so they leave the leaders' lists.
     *
     * @param except the request being approved by this change, or null
     * @return how many lapsed
     */
    public int lapsePending(String dossierCode, Long except, java.time.Instant now) {
        return em.createQuery("UPDATE BackdatingRequest r SET r.status = :lapsed, r.decidedAt = :now,"
                + " r.decidedBy = :system, r.decisionNote = :note WHERE r.dossierCode = :code AND r.status = :pending"
                + " AND r.id <> :except")
            .setParameter("lapsed", BackdatingRequest.Status.LAPSED).setParameter("now", now)
            .setParameter("system", "system").setParameter("note", "Hồ sơ đã có thao tác khác trước khi lãnh đạo quyết định")
            .setParameter("code", dossierCode).setParameter("pending", BackdatingRequest.Status.PENDING)
            .setParameter("except", except == null ? -1L : except).executeUpdate();
    }

    /**
     * A request, when the caller's units cover its dossier's unit.
     *
     * @throws NotFoundException for an unknown id or one outside the caller's units
     */
    public BackdatingRequest find(long id) {
        BackdatingRequest r = em.find(BackdatingRequest.class, id);
        if (r == null || !access.current().covers(r.unitCode())) {
            throw new NotFoundException("backdating request", String.valueOf(id));
        }
        return r;
    }

    /** The requests made for a dossier, oldest first (the caller must already see the dossier). */
    public List<BackdatingRequest> ofDossier(String dossierCode) {
        return em.createNamedQuery("BackdatingRequest.ofDossier", BackdatingRequest.class)
            .setParameter("code", dossierCode).getResultList();
    }

    /**
     * The requests of a status in the caller's units, oldest first (at most 500).
     *
     * @param status null for pending ones
     */
    public List<BackdatingRequest> inScope(BackdatingRequest.Status status) {
        AccessScope scope = access.current();
        BackdatingRequest.Status s = status == null ? BackdatingRequest.Status.PENDING : status;
        if (scope.everywhere()) {
            return em.createQuery("SELECT r FROM BackdatingRequest r WHERE r.status = :status"
                    + " ORDER BY r.requestedAt, r.id", BackdatingRequest.class)
                .setParameter("status", s).setMaxResults(500).getResultList();
        }
        if (scope.agencyCodes().isEmpty()) {
            return List.of();
        }
        return em.createNamedQuery("BackdatingRequest.pendingIn", BackdatingRequest.class)
            .setParameter("status", s).setParameter("units", scope.agencyCodes()).setMaxResults(500).getResultList();
    }
}
