package vn.gov.quangtri.motcua.catalogue.application;

import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import vn.gov.quangtri.motcua.catalogue.domain.Procedure;
import vn.gov.quangtri.motcua.catalogue.domain.ProcedureLevel;
import vn.gov.quangtri.motcua.shared.domain.NotFoundException;
import vn.gov.quangtri.motcua.shared.domain.TextSearch;

/** Searches and reads the procedure catalogue. */
@Stateless
public class CatalogueService {

    @PersistenceContext(unitName = "motcua")
    private EntityManager em;

    /**
     * Searches procedures. Every word of {@code text} must occur in the name (compared without
     * diacritics, đ = d, docs/cases.md C15) or the code.
     *
     * @param text   words to look for, or null
     * @param field  field name (lĩnh vực), compared without diacritics and case ("dat dai" = "Đất đai"), or null
     * @param level  implementing level, or null
     * @param offset first result, ≥ 0
     * @param limit  page size, 1–500
     */
    public ProcedurePage search(String text, String field, ProcedureLevel level, int offset, int limit) {
        StringBuilder where = new StringBuilder(" WHERE 1 = 1");
        Map<String, Object> params = new HashMap<>();
        if (text != null && !text.isBlank()) {
            String[] words = TextSearch.fold(text).split(" ");
            for (int i = 0; i < words.length; i++) {
                where.append(" AND (p.nameSearch LIKE :w").append(i).append(" OR LOWER(p.code) LIKE :w").append(i).append(')');
                params.put("w" + i, "%" + words[i].replace("%", "").replace("_", "") + "%");
            }
        }
        if (field != null && !field.isBlank()) {
            String folded = TextSearch.fold(field);
            List<String> matching = fields().stream().filter(f -> TextSearch.fold(f).equals(folded)).toList();
            if (matching.isEmpty()) {
                return new ProcedurePage(0, offset, List.of());
            }
            where.append(" AND p.field IN :fields");
            params.put("fields", matching);
        }
        if (level != null) {
            where.append(" AND p.levels LIKE :level");
            params.put("level", "%" + level.name() + "%");
        }
        TypedQuery<Long> count = em.createQuery("SELECT COUNT(p) FROM Procedure p" + where, Long.class);
        TypedQuery<Procedure> query = em.createQuery(
            "SELECT p FROM Procedure p" + where + " ORDER BY p.reviewed DESC, p.code", Procedure.class);
        params.forEach((k, v) -> {
            count.setParameter(k, v);
            query.setParameter(k, v);
        });
        List<Procedure> items = new ArrayList<>(query.setFirstResult(offset).setMaxResults(limit).getResultList());
        return new ProcedurePage(count.getSingleResult(), offset, items);
    }

    /**
     * The fields (lĩnh vực) used in the catalogue, sorted. Names are the sources' own, so near-duplicates
     * such as "Di sản văn hóa" / "Di sản văn hoá" both appear.
     */
    public List<String> fields() {
        return em.createQuery("SELECT DISTINCT p.field FROM Procedure p WHERE p.field IS NOT NULL ORDER BY p.field",
            String.class).getResultList();
    }

    /**
     * Finds a procedure with its documents and steps loaded.
     *
     * @throws NotFoundException when no procedure has that code
     */
    public Procedure find(String code) {
        return findLoaded(em, code);
    }

    /** {@link #find} on a given entity manager (for the other catalogue services of this package). */
    static Procedure findLoaded(EntityManager em, String code) {
        List<Procedure> found = em.createNamedQuery("Procedure.findByCode", Procedure.class)
            .setParameter("code", code).getResultList();
        if (found.isEmpty()) {
            throw new NotFoundException("procedure", code);
        }
        Procedure p = found.get(0);
        p.documents().size();
        p.steps().size();
        return p;
    }
}
