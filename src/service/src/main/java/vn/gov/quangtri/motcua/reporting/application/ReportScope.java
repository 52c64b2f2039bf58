package vn.gov.quangtri.motcua.reporting.application;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Collection;
import java.util.List;
import java.util.regex.Pattern;
import vn.gov.quangtri.motcua.account.application.AccessControl;
import vn.gov.quangtri.motcua.account.domain.AccessScope;
import vn.gov.quangtri.motcua.account.domain.Role;
import vn.gov.quangtri.motcua.shared.domain.RuleViolationException;

/**
 * The one place where the management reports (period report {@link PeriodReports}, Decision 766 indicators
 * {@link Indicators766Reports}) check who asks and for which units: leaders, agency and system administrators, within
 * their units; a unit means the unit, the units under it and those it succeeded ({@link AccessControl#unitTree}).
 * Unit codes and fields are checked before anything is read, so a typing mistake is answered, not an empty report.
 */
@Stateless
public class ReportScope {

    /** What a unit code may look like (e.g. {@code QT25.XA_VINH_LINH}): letters, digits, '.', '_', '-', at most 64. */
    static final Pattern UNIT_CODE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0,63}");

    /** Longest field name accepted (the catalogue's are far shorter). */
    static final int MAX_FIELD = 200;

    @PersistenceContext(unitName = "motcua")
    private EntityManager em;

    @EJB
    private AccessControl access;

    /**
     * The receiving units a report may read.
     *
     * @param agency a unit code (its tree), or null/blank for all of the caller's units
     * @return the unit codes, or null for every unit (a system administrator without {@code agency}); empty when the
     *         caller has no unit
     * @throws RuleViolationException {@code INVALID_INPUT} (400) for a malformed or unknown unit code
     * @throws vn.gov.quangtri.motcua.shared.domain.ForbiddenException {@code ROLE_REQUIRED} without the leader or an
     *         administrator role, {@code OUT_OF_SCOPE} for a unit outside the caller's units
     */
    public Collection<String> units(String agency) {
        String root = agency == null || agency.isBlank() ? null : agency.strip();
        if (root != null && !UNIT_CODE.matcher(root).matches()) {
            throw new RuleViolationException("INVALID_INPUT", "Malformed unit code",
                List.of("agency: a unit code such as QT25.XA_VINH_LINH (letters, digits, '.', '_', '-')"));
        }
        AccessScope scope = access.current();
        scope.requireAny(Role.LEADER, Role.AGENCY_ADMIN, Role.SYSTEM_ADMIN);
        if (root == null) {
            return ReportingService.within(scope, null);
        }
        if (em.createQuery("SELECT COUNT(a) FROM Agency a WHERE a.code = :c", Long.class).setParameter("c", root)
            .getSingleResult() == 0) {
            throw new RuleViolationException("INVALID_INPUT", "Unknown unit: " + root,
                List.of("agency: the code of an existing unit"));
        }
        scope.requireCovers(root);
        return access.unitTree(root);
    }

    /**
     * Checks a field filter: null/blank passes; otherwise a field of the catalogue or of a received dossier's procedure.
     *
     * @throws RuleViolationException {@code INVALID_INPUT} (400) for an unknown field
     */
    public void checkField(String field) {
        if (field == null || field.isBlank()) {
            return;
        }
        String f = field.strip();
        if (!knownField(f)) {
            throw new RuleViolationException("INVALID_INPUT", "Unknown field: " + (f.length() > 60 ? f.substring(0, 60)
                + "…" : f), List.of("field: the exact name of a field (lĩnh vực) of the catalogue"));
        }
    }

    /**
     * Whether a field (lĩnh vực) exists: in the catalogue or in a received dossier's procedure. Fields are not scoped
     * to units: any caller who may read reports may name any field.
     *
     * @param field the exact name (not stripped)
     */
    public boolean knownField(String field) {
        return field != null && !field.isEmpty() && field.length() <= MAX_FIELD
            && (em.createQuery("SELECT COUNT(p) FROM Procedure p WHERE p.field = :f", Long.class)
                .setParameter("f", field).getSingleResult() > 0
            || !em.createQuery("SELECT d.code FROM Dossier d WHERE d.snapshot.field = :f", String.class)
                .setParameter("f", field).setMaxResults(1).getResultList().isEmpty());
    }

    /** The caller's scope after the role check (leaders and administrators). */
    public AccessScope reader() {
        AccessScope scope = access.current();
        scope.requireAny(Role.LEADER, Role.AGENCY_ADMIN, Role.SYSTEM_ADMIN);
        return scope;
    }
}
