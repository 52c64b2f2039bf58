package vn.gov.quangtri.motcua.dossier.application;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.io.Serializable;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import vn.gov.quangtri.motcua.account.application.AccessControl;
import vn.gov.quangtri.motcua.account.domain.AccessScope;
import vn.gov.quangtri.motcua.dossier.domain.Applicant;
import vn.gov.quangtri.motcua.dossier.domain.ApplicantMatch;
import vn.gov.quangtri.motcua.dossier.domain.DossierStatus;
import vn.gov.quangtri.motcua.shared.domain.TextSearch;

/**
 * The duplicate-applicant warning at intake (issue 11 §4, docs/domain.md §2.2): the applicant's other open
 * dossiers ({@link DossierStatus#open()}) in the signed-in account's scope, found by the same ID number or the
 * same full name and phone ({@link ApplicantMatch}). Only dossiers whose receiving unit the account covers are
 * listed; child dossiers of inter-agency transfers are left out (they are a leg of a dossier the applicant lodged
 * once, tracked under the parent's code, not a second application). A warning only: nothing here refuses intake.
 */
@Stateless
public class ApplicantDossiers {

    /** Most candidates read per look-up (same ID number or same folded name, open, in scope). */
    static final int MAX_CANDIDATES = 200;

    @PersistenceContext(unitName = "motcua")
    private EntityManager em;

    @EJB
    private AccessControl access;

    /**
     * Another open dossier of the same applicant.
     *
     * @param dueAt            the appointment (null before receipt; extended by pauses)
     * @param rescheduledDueAt the new appointment given with an apology, else null
     * @param rule             why the applicant is taken for the same person
     */
    public record OtherOpenDossier(String code, String procedureCode, String procedureName, DossierStatus status,
                                   String receivingAgencyCode, Instant receivedAt, Instant dueAt,
                                   Instant rescheduledDueAt, ApplicantMatch rule) implements Serializable {
        private static final long serialVersionUID = 1L;
    }

    /**
     * The open dossiers, oldest receipt first, of the applicant described, within the caller's scope.
     *
     * @param idNumber     ID number (CCCD, tax code); may be null
     * @param name         full name; may be null
     * @param phone        phone; may be null (then only the ID number counts)
     * @param excludedCode a dossier not to list (the one just lodged); may be null
     * @return empty when neither an ID number nor both a name and a phone are given, or the caller covers no unit
     */
    public List<OtherOpenDossier> openOf(String idNumber, String name, String phone, String excludedCode) {
        String id = ApplicantMatch.idNumberKey(idNumber);
        boolean byName = ApplicantMatch.nameKey(name) != null && ApplicantMatch.phoneKey(phone) != null;
        AccessScope scope = access.current();
        if (id == null && !byName || !scope.everywhere() && scope.agencyCodes().isEmpty()) {
            return List.of();
        }
        List<String> alternatives = new ArrayList<>();
        if (id != null) {
            // stored white space removed and as typed: an indexed IN over the spellings an officer types
            alternatives.add("d.applicant.idNumber IN :ids");
        }
        if (byName) {
            alternatives.add("d.applicant.nameSearch = :folded");
        }
        // a projection: the warning needs ten columns, not whole dossiers registered in the persistence context
        StringBuilder jpql = new StringBuilder("SELECT d.code, d.snapshot.code, d.snapshot.name, d.status,"
            + " d.receivingAgency.code, d.clock.receivedAt, d.clock.dueAt, d.clock.rescheduledDueAt,"
            + " d.applicant.idNumber, d.applicant.name, d.applicant.phone FROM Dossier d WHERE d.status IN :open"
            + " AND d.origin.child = FALSE AND (").append(String.join(" OR ", alternatives)).append(")");
        if (!scope.everywhere()) {
            jpql.append(" AND d.receivingAgency.code IN :scope");
        }
        if (excludedCode != null) {
            jpql.append(" AND d.code <> :excluded");
        }
        jpql.append(" ORDER BY d.clock.receivedAt, d.id");
        TypedQuery<Object[]> q = em.createQuery(jpql.toString(), Object[].class)
            .setParameter("open", List.copyOf(DossierStatus.open()));
        if (id != null) {
            q.setParameter("ids", spellings(idNumber));
        }
        if (byName) {
            q.setParameter("folded", TextSearch.fold(TextSearch.nfc(name)));
        }
        if (!scope.everywhere()) {
            q.setParameter("scope", scope.agencyCodes());
        }
        if (excludedCode != null) {
            q.setParameter("excluded", excludedCode);
        }
        List<OtherOpenDossier> found = new ArrayList<>();
        for (Object[] r : q.setMaxResults(MAX_CANDIDATES).getResultList()) {
            ApplicantMatch rule = ApplicantMatch.between(idNumber, name, phone, (String) r[8], (String) r[9],
                (String) r[10]);
            String unit = (String) r[4];
            if (rule != null && scope.covers(unit)) {
                found.add(new OtherOpenDossier((String) r[0], (String) r[1], (String) r[2], (DossierStatus) r[3],
                    unit, (Instant) r[5], (Instant) r[6], (Instant) r[7], rule));
            }
        }
        return found;
    }

    /** The ID number as {@link Applicant} stores it (white space removed, NFC), in capitals and in small letters. */
    private static List<String> spellings(String idNumber) {
        String stored = TextSearch.nfc(idNumber.replaceAll("\\s+", ""));
        Set<String> forms = new LinkedHashSet<>(List.of(stored, stored.toUpperCase(Locale.ROOT),
            stored.toLowerCase(Locale.ROOT)));
        return List.copyOf(forms);
    }
}
