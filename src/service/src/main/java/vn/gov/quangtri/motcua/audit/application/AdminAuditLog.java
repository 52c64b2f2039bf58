package vn.gov.quangtri.motcua.audit.application;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import vn.gov.quangtri.motcua.account.application.AccessControl;
import vn.gov.quangtri.motcua.audit.domain.AdminArea;
import vn.gov.quangtri.motcua.audit.domain.AdminChange;

/**
 * Reads the log of administrative changes (table {@code admin_audit}); the administration services write
 * it in the same transaction as each change. Times are instants, shown in Asia/Ho_Chi_Minh. Open to any
 * signed-in account ({@code SIGN_IN_REQUIRED} otherwise), like the other read methods of the administration.
 */
@Stateless
public class AdminAuditLog {

    /** Largest page a caller may ask for. */
    public static final int MAX = 500;

    @PersistenceContext(unitName = "motcua")
    EntityManager em;

    @EJB
    AccessControl access;

    /**
     * The last {@code n} changes, newest first.
     *
     * @param n how many, 1–{@value #MAX} (clamped)
     */
    public List<AdminChange> latest(int n) {
        access.current().requireSignedIn();
        return em.createNamedQuery("AdminChange.latest", AdminChange.class)
            .setMaxResults(clamp(n)).getResultList();
    }

    /**
     * The last {@code n} changes of one agency, procedure or calendar day, newest first.
     *
     * @param area    the area
     * @param subject agency code, procedure code or ISO date ({@code 2024-05-04})
     * @param n       how many, 1–{@value #MAX} (clamped)
     */
    public List<AdminChange> latestFor(AdminArea area, String subject, int n) {
        access.current().requireSignedIn();
        return em.createNamedQuery("AdminChange.latestForSubject", AdminChange.class)
            .setParameter("area", area).setParameter("subject", subject)
            .setMaxResults(clamp(n)).getResultList();
    }

    private static int clamp(int n) {
        return Math.max(1, Math.min(MAX, n));
    }
}
