package vn.gov.quangtri.motcua.dossier.application;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import vn.gov.quangtri.motcua.shared.infrastructure.persistence.Databases;
import vn.gov.quangtri.motcua.account.application.AccessControl;
import vn.gov.quangtri.motcua.account.domain.AccessScope;
import vn.gov.quangtri.motcua.catalogue.domain.StepRole;
import vn.gov.quangtri.motcua.dossier.domain.Applicant;
import vn.gov.quangtri.motcua.dossier.domain.Dossier;
import vn.gov.quangtri.motcua.dossier.domain.DossierAction;
import vn.gov.quangtri.motcua.dossier.domain.DossierStatus;
import vn.gov.quangtri.motcua.shared.domain.RuleViolationException;
import vn.gov.quangtri.motcua.shared.domain.TextSearch;

/**
 * Finds dossiers by status, receiving unit, procedure, applicant name, ID number or phone and receipt period,
 * newest first.
 */
@Stateless
public class DossierSearch {

    @PersistenceContext(unitName = "motcua")
    private EntityManager em;

    @EJB
    private AccessControl access;

    /** {@link #COUNT_BOUND}; smaller in tests. */
    int countBound = COUNT_BOUND;

    /**
     * Search criteria; every field is optional.
     *
     * @param status        dossier status
     * @param agencyCode    receiving agency's internal code
     * @param procedureCode procedure code
     * @param applicant     words of the applicant's name, diacritics optional (docs/cases.md C15)
     * @param code          part of the dossier code
     * @param receivedFrom  received at or after this moment
     * @param receivedTo    received before this moment
     * @param idNumber      the applicant's ID number (CCCD, tax code), exact after removing white space,
     *                      case-insensitive ({@link Applicant#searchableIdNumber})
     * @param phone         the applicant's phone, exact after removing white space and {@code . - ( )}
     *                      ({@link Applicant#searchablePhone})
     */
    public record Criteria(DossierStatus status, String agencyCode, String procedureCode, String applicant,
                           String code, Instant receivedFrom, Instant receivedTo, String idNumber, String phone) {

        /** Criteria without ID number and phone. */
        public Criteria(DossierStatus status, String agencyCode, String procedureCode, String applicant,
                        String code, Instant receivedFrom, Instant receivedTo) {
            this(status, agencyCode, procedureCode, applicant, code, receivedFrom, receivedTo, null, null);
        }
    }

    /**
     * Counts stop here: past this many matches a page says "more than 10,000" ({@link Page#totalCapped()}) instead of
     * counting a province's million rows (issue 12 §4). Nobody pages through ten thousand dossiers; they narrow the
     * search.
     */
    public static final int COUNT_BOUND = 10_000;

    /**
     * One page of results.
     *
     * @param total       all matches; the bound ({@link #COUNT_BOUND}) when {@code totalCapped}; -1 when not counted
     * @param items       the page, newest registration first
     * @param totalCapped there are more matches than the bound (then {@code total} is the bound)
     */
    public record Page(long total, List<Dossier> items, boolean totalCapped) {

        /** A page with an exact total. */
        public Page(long total, List<Dossier> items) {
            this(total, items, false);
        }
    }

    /**
     * Which queries to run: a lazy table asks for the count and the page separately (PrimeFaces calls
     * {@code count} then {@code load} once per render), so each runs once (issue 12).
     */
    public enum Part {
        /** Count and page. */
        BOTH,
        /** Only the count ({@link Page#items()} empty). */
        COUNT,
        /** Only the page ({@link Page#total()} is -1). */
        PAGE
    }

    /**
     * @param offset first result, ≥ 0
     * @param limit  page size, 1–500
     */
    public Page search(Criteria c, int offset, int limit) {
        return search(c, offset, limit, Part.BOTH);
    }

    /**
     * As {@link #search(Criteria, int, int)}, running only the queries of {@code part}.
     */
    public Page search(Criteria c, int offset, int limit, Part part) {
        return search(c, offset, limit, part, true);
    }

    /**
     * As {@link #search(Criteria, int, int, Part)}; without {@code withSteps} the dossiers' steps are not read with
     * the page (a list of summaries does not show them).
     */
    public Page search(Criteria c, int offset, int limit, Part part, boolean withSteps) {
        if (c.receivedFrom() != null && c.receivedTo() != null && c.receivedFrom().isAfter(c.receivedTo())) {
            throw new RuleViolationException("DATE_RANGE_REVERSED", "receivedFrom lies after receivedTo",
                List.of("receivedFrom: on or before receivedTo"));
        }
        AccessScope scope = access.current();
        StringBuilder where = new StringBuilder(" WHERE 1 = 1");
        Map<String, Object> params = new HashMap<>();
        if (!scope.everywhere()) {
            if (scope.agencyCodes().isEmpty()) {
                return new Page(0, List.of());
            }
            where.append(" AND d.receivingAgency.code IN :scope");
            params.put("scope", scope.agencyCodes());
        }
        if (c.status() != null) {
            where.append(" AND d.status = :status");
            params.put("status", c.status());
        }
        if (c.agencyCode() != null && !c.agencyCode().isBlank()) {
            where.append(" AND d.receivingAgency.code = :agency");
            params.put("agency", c.agencyCode().strip());
        }
        if (c.procedureCode() != null && !c.procedureCode().isBlank()) {
            where.append(" AND d.snapshot.code = :procedure");
            params.put("procedure", c.procedureCode().strip());
        }
        if (c.applicant() != null && !c.applicant().isBlank()) {
            String[] words = TextSearch.fold(c.applicant()).split(" ");
            for (int i = 0; i < words.length; i++) {
                where.append(" AND d.applicant.nameSearch LIKE :a").append(i);
                params.put("a" + i, "%" + words[i].replace("%", "").replace("_", "") + "%");
            }
        }
        if (c.code() != null && !c.code().isBlank()) {
            where.append(" AND d.code LIKE :code");
            params.put("code", "%" + c.code().strip().toUpperCase(java.util.Locale.ROOT).replace("%", "").replace("_", "") + "%");
        }
        String idNumber = Applicant.searchableIdNumber(c.idNumber());
        if (idNumber != null) {
            where.append(" AND UPPER(").append(stripped("d.applicant.idNumber", " ")).append(") = :idNumber");
            params.put("idNumber", idNumber);
        }
        String phone = Applicant.searchablePhone(c.phone());
        if (phone != null) {
            where.append(" AND ").append(stripped("d.applicant.phone", " ", ".", "-", "(", ")")).append(" = :phone");
            params.put("phone", phone);
        }
        received(where, params, c.receivedFrom(), c.receivedTo());
        boolean patterns = notBlank(c.applicant()) || notBlank(c.code());
        if (patterns) {
            customPlans();
        }
        return run(" FROM Dossier d" + where, " ORDER BY d.id DESC", params, offset, limit, part, withSteps, patterns);
    }

    /** JPQL for a column with the given characters removed (SQL REPLACE, the same on H2 and PostgreSQL). */
    private static String stripped(String column, String... characters) {
        String expression = column;
        for (String ch : characters) {
            expression = "FUNCTION('REPLACE', " + expression + ", '" + ch + "', '')";
        }
        return expression;
    }

    /**
     * Work-list criteria for the processing inbox; every field but {@code mineOnly} is optional.
     *
     * @param mineOnly      only dossiers whose current step is assigned to the signed-in account
     * @param procedureText words of the procedure name or its code, diacritics optional
     * @param field         procedure field (lĩnh vực), exact
     * @param status        dossier status
     * @param receivedFrom  received at or after this moment
     * @param receivedTo    received before this moment
     */
    public record InboxCriteria(boolean mineOnly, String procedureText, String field, DossierStatus status,
                                Instant receivedFrom, Instant receivedTo) {
    }

    /**
     * The dossiers waiting for the signed-in account or its units, most urgent first (appointment
     * ascending; dossiers without an appointment yet, such as online submissions, last). What waits for
     * whom: a desk officer gets online submissions to check, dossiers paused for the applicant, results
     * to return and one-stop or clerk steps; a specialist gets specialist and clerk steps; a leader gets
     * approval steps (the roles of {@link vn.gov.quangtri.motcua.catalogue.domain.StepRole}).
     *
     * @param offset first result, ≥ 0
     * @param limit  page size, 1–500
     */
    public Page inbox(InboxCriteria c, int offset, int limit) {
        return inbox(c, offset, limit, Part.BOTH);
    }

    /**
     * As {@link #inbox(InboxCriteria, int, int)}, running only the queries of {@code part}.
     */
    public Page inbox(InboxCriteria c, int offset, int limit, Part part) {
        AccessScope scope = access.current();
        if (!scope.everywhere() && scope.agencyCodes().isEmpty()) {
            return new Page(0, List.of());
        }
        java.util.Set<StepRole> stepRoles = java.util.EnumSet.noneOf(StepRole.class);
        for (StepRole r : StepRole.values()) {
            if (scope.roles().stream().anyMatch(role -> role.performs(r))) {
                stepRoles.add(r);
            }
        }
        java.util.Set<DossierStatus> deskStatuses = scope.has(vn.gov.quangtri.motcua.account.domain.Role.DESK_OFFICER)
            // the desk's own actions: intake of online submissions, taking supplements or payments, returning results
            ? DossierStatus.allowing(DossierAction.RECEIVE, DossierAction.RESUME, DossierAction.RETURN_RESULT)
            : java.util.EnumSet.noneOf(DossierStatus.class);
        if (stepRoles.isEmpty() && deskStatuses.isEmpty()) {
            return new Page(0, List.of());
        }
        StringBuilder where = new StringBuilder(" FROM Dossier d LEFT JOIN d.steps s ON s.position = d.currentStep"
            + " WHERE (");
        Map<String, Object> params = new HashMap<>();
        List<String> alternatives = new java.util.ArrayList<>();
        if (!stepRoles.isEmpty()) {
            alternatives.add("(d.status IN :working AND s.role IN :stepRoles)");
            params.put("working", List.copyOf(DossierStatus.allowing(DossierAction.COMPLETE_STEP)));
            params.put("stepRoles", stepRoles);
        }
        if (!deskStatuses.isEmpty()) {
            alternatives.add("d.status IN :deskStatuses");
            params.put("deskStatuses", deskStatuses);
        }
        where.append(String.join(" OR ", alternatives)).append(")");
        if (!scope.everywhere()) {
            where.append(" AND d.receivingAgency.code IN :scope");
            params.put("scope", scope.agencyCodes());
        }
        if (c.mineOnly()) {
            where.append(" AND s.handler = :me");
            params.put("me", scope.username());
        }
        if (c.procedureText() != null && !c.procedureText().isBlank()) {
            String[] words = TextSearch.fold(c.procedureText()).split(" ");
            for (int i = 0; i < words.length; i++) {
                where.append(" AND (d.procedure.nameSearch LIKE :p").append(i).append(" OR d.snapshot.code LIKE :p")
                    .append(i).append(")");
                params.put("p" + i, "%" + words[i].replace("%", "").replace("_", "") + "%");
            }
        }
        if (c.field() != null && !c.field().isBlank()) {
            where.append(" AND d.snapshot.field = :field");
            params.put("field", c.field());
        }
        if (c.status() != null) {
            where.append(" AND d.status = :status");
            params.put("status", c.status());
        }
        received(where, params, c.receivedFrom(), c.receivedTo());
        if (notBlank(c.procedureText())) {
            customPlans();
        }
        return run(where.toString(), " ORDER BY CASE WHEN d.clock.dueAt IS NULL THEN 1 ELSE 0 END, d.clock.dueAt, d.id",
            params, offset, limit, part, true, false);
    }

    /** Adds the "received between" condition (registration time, from inclusive, to exclusive). */
    private static void received(StringBuilder where, Map<String, Object> params, Instant from, Instant to) {
        if (from != null) {
            where.append(" AND d.submittedAt >= :from");
            params.put("from", from);
        }
        if (to != null) {
            where.append(" AND d.submittedAt < :to");
            params.put("to", to);
        }
    }

    private static boolean notBlank(String s) {
        return s != null && !s.isBlank();
    }

    /**
     * On PostgreSQL, plans this transaction's statements for their actual values ({@code plan_cache_mode}) instead
     * of the generic plan the driver's prepared statements get after five runs. A generic plan does not know the
     * pattern of {@code LIKE ?}: it assumes it selects few rows, reads the province's trigram matches of "nguyen thi"
     * (20,000 rows) and filters the unit afterwards: 100–130 ms where the unit's index answers in 2 ms (issue 12 §4).
     * {@code SET LOCAL} ends with the transaction, so other statements of the pooled connection are unaffected.
     */
    private void customPlans() {
        if (em.isJoinedToTransaction() && Databases.isPostgreSql(em)) {
            em.createNativeQuery("SET LOCAL plan_cache_mode = force_custom_plan").executeUpdate();
        }
    }

    /**
     * Runs the count and/or the page of a query built on {@code where} (from {@code FROM} on), with the given order.
     * With {@code idsFirst} the page's ids are selected first and then their rows: on PostgreSQL the ids of a
     * unit's name search come from the unit index alone (V43, 2 ms), where selecting the whole rows made the
     * planner AND the province-wide trigram matches of a common name (25 ms for "nguyen thi").
     */
    private Page run(String where, String order, Map<String, Object> params, int offset, int limit,
                     Part part, boolean withSteps, boolean idsFirst) {
        long total = -1;
        boolean capped = false;
        if (part != Part.PAGE) {
            // Is there a match past the bound? Reads at most COUNT_BOUND + 1 ids, where COUNT would read them all.
            TypedQuery<Long> beyond = em.createQuery("SELECT d.id" + where, Long.class);
            params.forEach(beyond::setParameter);
            capped = !beyond.setFirstResult(countBound).setMaxResults(1).getResultList().isEmpty();
            if (capped) {
                total = countBound;
            } else {
                TypedQuery<Long> count = em.createQuery("SELECT COUNT(d)" + where, Long.class);
                params.forEach(count::setParameter);
                total = count.getSingleResult();
            }
        }
        List<Dossier> items = List.of();
        if (part != Part.COUNT) {
            List<Long> ids = null;
            TypedQuery<Dossier> query;
            if (idsFirst) {
                TypedQuery<Long> idQuery = em.createQuery("SELECT d.id" + where + order, Long.class);
                params.forEach(idQuery::setParameter);
                ids = idQuery.setFirstResult(offset).setMaxResults(limit).getResultList();
                query = em.createQuery("SELECT d FROM Dossier d WHERE d.id IN :ids", Dossier.class)
                    .setParameter("ids", ids.isEmpty() ? List.of(-1L) : ids);
            } else {
                query = em.createQuery("SELECT d" + where + order, Dossier.class);
                params.forEach(query::setParameter);
                query.setFirstResult(offset).setMaxResults(limit);
            }
            // The page's units come with it and the steps of all its dossiers in one more query, instead of two
            // queries per row (issue 12 §4: a page of 50 ran 100 small queries).
            // EclipseLink's hints (QueryHints.LEFT_FETCH, BATCH, BATCH_TYPE), by name: no compile-time dependency.
            query.setHint("eclipselink.left-join-fetch", "d.receivingAgency");
            if (withSteps) {
                query.setHint("eclipselink.batch", "d.steps");
                query.setHint("eclipselink.batch.type", "IN");
            }
            items = query.getResultList();
            if (ids != null) { // in the ids' order
                Map<Long, Dossier> byId = new HashMap<>();
                items.forEach(d -> byId.put(d.id(), d));
                items = ids.stream().map(byId::get).filter(java.util.Objects::nonNull).toList();
            }
            items.forEach(d -> {
                d.receivingAgency().name();
                if (withSteps) {
                    d.steps().size();
                }
            });
        }
        return new Page(total, items, capped);
    }
}
