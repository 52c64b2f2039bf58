package vn.gov.quangtri.motcua.dossier.application;

import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import vn.gov.quangtri.motcua.dossier.domain.Dossier;
import vn.gov.quangtri.motcua.dossier.domain.DossierStatus;
import vn.gov.quangtri.motcua.shared.domain.TextSearch;

/** Finds dossiers by status, receiving unit, procedure, applicant name and receipt period, newest first. */
@Stateless
public class DossierSearch {

    @PersistenceContext(unitName = "motcua")
    private EntityManager em;

    /**
     * Search criteria; every field is optional.
     *
     * @param status        dossier status
     * @param agencyCode    receiving agency's internal code
     * @param procedureCode procedure code
     * @param applicant     words of the applicant's name, diacritics optional (case C15)
     * @param receivedFrom  received at or after this moment
     * @param receivedTo    received before this moment
     */
    public record Criteria(DossierStatus status, String agencyCode, String procedureCode, String applicant,
                           Instant receivedFrom, Instant receivedTo) {
    }

    /**
     * One page of results.
     *
     * @param total all matches
     * @param items the page, newest registration first
     */
    public record Page(long total, List<Dossier> items) {
    }

    /**
     * @param offset first result, ≥ 0
     * @param limit  page size, 1–500
     */
    public Page search(Criteria c, int offset, int limit) {
        StringBuilder where = new StringBuilder(" WHERE 1 = 1");
        Map<String, Object> params = new HashMap<>();
        if (c.status() != null) {
            where.append(" AND d.status = :status");
            params.put("status", c.status());
        }
        if (c.agencyCode() != null && !c.agencyCode().isBlank()) {
            where.append(" AND d.receivingAgency.code = :agency");
            params.put("agency", c.agencyCode().strip());
        }
        if (c.procedureCode() != null && !c.procedureCode().isBlank()) {
            where.append(" AND d.procedureCode = :procedure");
            params.put("procedure", c.procedureCode().strip());
        }
        if (c.applicant() != null && !c.applicant().isBlank()) {
            String[] words = TextSearch.fold(c.applicant()).split(" ");
            for (int i = 0; i < words.length; i++) {
                where.append(" AND d.applicant.nameSearch LIKE :a").append(i);
                params.put("a" + i, "%" + words[i].replace("%", "").replace("_", "") + "%");
            }
        }
        if (c.receivedFrom() != null) {
            where.append(" AND d.submittedAt >= :from");
            params.put("from", c.receivedFrom());
        }
        if (c.receivedTo() != null) {
            where.append(" AND d.submittedAt < :to");
            params.put("to", c.receivedTo());
        }
        TypedQuery<Long> count = em.createQuery("SELECT COUNT(d) FROM Dossier d" + where, Long.class);
        TypedQuery<Dossier> query = em.createQuery("SELECT d FROM Dossier d" + where + " ORDER BY d.id DESC", Dossier.class);
        params.forEach((k, v) -> {
            count.setParameter(k, v);
            query.setParameter(k, v);
        });
        List<Dossier> items = query.setFirstResult(offset).setMaxResults(limit).getResultList();
        items.forEach(d -> d.receivingAgency().name());
        return new Page(count.getSingleResult(), items);
    }
}
