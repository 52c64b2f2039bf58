package vn.gov.quangtri.motcua.catalogue.application;

import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import vn.gov.quangtri.motcua.agency.domain.Agency;
import vn.gov.quangtri.motcua.catalogue.domain.Procedure;
import vn.gov.quangtri.motcua.catalogue.domain.ProcedureLevel;
import vn.gov.quangtri.motcua.catalogue.domain.ProcedureRanking;
import vn.gov.quangtri.motcua.shared.domain.NotFoundException;
import vn.gov.quangtri.motcua.shared.domain.TextSearch;

/** Searches and reads the procedure catalogue. */
@Stateless
public class CatalogueService {

    @PersistenceContext(unitName = "motcua")
    private EntityManager em;

    @jakarta.ejb.EJB
    private CatalogueFields fieldCache;

    /**
     * Searches procedures without a desk: {@link #search(String, String, ProcedureLevel, ProcedureLevel, int, int)}
     * with no desk level.
     */
    public ProcedurePage search(String text, String field, ProcedureLevel level, int offset, int limit) {
        return search(text, field, level, null, offset, limit);
    }

    /**
     * Searches procedures. Every word of {@code text} must occur in the name (compared without
     * diacritics, đ = d, case C15) or the code. With text or a desk level the results are ranked by
     * {@link ProcedureRanking} (exact and whole-phrase name matches first, receivable procedures before the
     * others, the desk's level first); otherwise reviewed procedures come first, then by code.
     *
     * @param text      words to look for, or null
     * @param field     field name (lĩnh vực), compared without diacritics and case ("dat dai" = "Đất đai"), or null
     * @param level     implementing level (filter), or null
     * @param deskLevel the level of the desk searching (ranking only, e.g. COMMUNE for a commune desk), or null
     * @param offset    first result, ≥ 0
     * @param limit     page size, 1–500
     */
    public ProcedurePage search(String text, String field, ProcedureLevel level, ProcedureLevel deskLevel,
                                int offset, int limit) {
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
        if ((text != null && !text.isBlank()) || deskLevel != null) {
            return ranked(where.toString(), params, text, deskLevel, offset, limit);
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
     * Searches procedures for the desk of an agency: as {@link #search(String, String, ProcedureLevel,
     * ProcedureLevel, int, int)} with the procedure level that agency's desk serves ranked first (a commune desk
     * sees commune-level procedures first).
     *
     * @param deskAgency code of the receiving agency whose desk searches, or null for none
     * @throws NotFoundException for an unknown agency code
     */
    public ProcedurePage searchForDesk(String text, String field, ProcedureLevel level, String deskAgency,
                                       int offset, int limit) {
        ProcedureLevel deskLevel = null;
        if (deskAgency != null && !deskAgency.isBlank()) {
            Agency agency = em.find(Agency.class, deskAgency.strip());
            if (agency == null) {
                throw new NotFoundException("agency", deskAgency.strip());
            }
            deskLevel = ProcedureRanking.levelOf(agency.level());
        }
        return search(text, field, level, deskLevel, offset, limit);
    }

    /** Ranks every match on a few scalar columns, then loads the page's procedures in that order. */
    private ProcedurePage ranked(String where, Map<String, Object> params, String text, ProcedureLevel deskLevel,
                                 int offset, int limit) {
        TypedQuery<Object[]> keys = em.createQuery("SELECT p.id, p.code, p.nameSearch, p.levels, p.timeLimit.unit,"
            + " p.reviewed, (SELECT COUNT(s) FROM ProcessStepTemplate s WHERE s.procedure = p) FROM Procedure p" + where,
            Object[].class);
        params.forEach(keys::setParameter);
        Map<ProcedureRanking.Candidate, Long> ids = new HashMap<>();
        List<ProcedureRanking.Candidate> all = new ArrayList<>();
        for (Object[] r : keys.getResultList()) {
            String levels = (String) r[3];
            java.util.Set<ProcedureLevel> set = levels == null || levels.isBlank() ? java.util.Set.of()
                : java.util.Arrays.stream(levels.split(";")).map(ProcedureLevel::valueOf)
                    .collect(java.util.stream.Collectors.toSet());
            ProcedureRanking.Candidate c = new ProcedureRanking.Candidate((String) r[1], (String) r[2], set,
                r[4] != null, ((Number) r[6]).longValue() > 0, Boolean.TRUE.equals(r[5]));
            ids.put(c, (Long) r[0]);
            all.add(c);
        }
        all.sort(ProcedureRanking.order(text, deskLevel));
        List<Long> page = all.stream().skip(offset).limit(limit).map(ids::get).toList();
        if (page.isEmpty()) {
            return new ProcedurePage(all.size(), offset, List.of());
        }
        Map<Long, Procedure> loaded = new HashMap<>();
        em.createQuery("SELECT p FROM Procedure p WHERE p.id IN :ids", Procedure.class).setParameter("ids", page)
            .getResultList().forEach(p -> loaded.put(p.id(), p));
        return new ProcedurePage(all.size(), offset, page.stream().map(loaded::get).toList());
    }

    /**
     * The fields (lĩnh vực) used in the catalogue, sorted. Names are the sources' own, so near-duplicates
     * such as "Di sản văn hóa" / "Di sản văn hoá" both appear. Read at most once a minute ({@link CatalogueFields}).
     */
    public List<String> fields() {
        if (fieldCache == null) { // outside the container
            return readFields();
        }
        return fieldCache.fields(java.time.Instant.now(), this::readFields);
    }

    private List<String> readFields() {
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
