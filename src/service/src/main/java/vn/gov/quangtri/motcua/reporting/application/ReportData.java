package vn.gov.quangtri.motcua.reporting.application;

import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import vn.gov.quangtri.motcua.agency.domain.AgencyLevel;
import vn.gov.quangtri.motcua.dossier.domain.Channel;
import vn.gov.quangtri.motcua.dossier.domain.DossierAction;
import vn.gov.quangtri.motcua.dossier.domain.DossierStatus;
import vn.gov.quangtri.motcua.dossier.domain.Timeliness;
import vn.gov.quangtri.motcua.reporting.domain.DossierFacts;
import vn.gov.quangtri.motcua.reporting.domain.PeriodReport;
import vn.gov.quangtri.motcua.shared.domain.VietnameseCollation;

/**
 * The two reads behind every period figure (docs/domain.md §6): the facts of the dossiers that can count in a
 * period, one scalar row each, and the units to list. Shared by the period report ({@link PeriodReports}) and the
 * dashboard's monthly on-time rate ({@link ReportingService}); plain JPQL on the caller's entity manager, so the
 * queries are tested on H2 and PostgreSQL without a server. No access check here: callers pass units already
 * narrowed to the caller's scope.
 */
final class ReportData {

    /** Rows of one read of {@link #facts} (the JPA rows of a page are the memory peak, not the whole period). */
    static final int PAGE = 10_000;

    private ReportData() {
    }

    /**
     * Facts of every dossier that can count in the query's period: received before its end and not finished before
     * its start, or refused in it; children of inter-agency transfers only in the workload view. The refusal and
     * apology moments come from the history through one outer join (at most one REFUSE and one RESCHEDULE event per
     * dossier, never both).
     *
     * @param units          receiving unit codes; null = every unit
     * @param procedureNames filled with procedure code → name for the procedures met
     */
    static List<DossierFacts> facts(EntityManager em, PeriodQuery query, Collection<String> units,
                                    Map<String, String> procedureNames) {
        Map<String, DossierFacts> byCode = new LinkedHashMap<>();
        long after = Long.MIN_VALUE;
        while (true) { // keyset pages by dossier id: only one page of JPA rows in memory at a time
            TypedQuery<Object[]> q = em.createQuery("SELECT d.code, a.code, d.status, d.channel, d.clock.receivedAt,"
                + " d.clock.dueAt, d.clock.pausedAt, d.clock.completedAt, d.clock.timeliness, e.action, e.occurredAt,"
                + " a.level, d.snapshot.code, d.snapshot.field, d.origin.child, d.origin.parentCode, d.withdrawn,"
                + " d.snapshot.name, d.id FROM Dossier d JOIN d.receivingAgency a LEFT JOIN d.history e ON e.action IN"
                + " :actions WHERE ((d.clock.receivedAt IS NOT NULL AND d.clock.receivedAt < :end AND"
                + " (d.clock.completedAt IS NULL OR d.clock.completedAt >= :start)) OR (d.status = :refused AND e.action"
                + " = :refuse AND e.occurredAt >= :start AND e.occurredAt < :end)) AND d.id > :after"
                + (query.workload() ? "" : " AND " + ReportingService.COUNTED)
                + (units == null ? "" : " AND a.code IN :codes")
                + (query.field() == null ? "" : " AND d.snapshot.field = :field")
                + (query.level() == null ? "" : " AND a.level = :level") + " ORDER BY d.id", Object[].class);
            q.setParameter("actions", List.of(DossierAction.REFUSE, DossierAction.RESCHEDULE))
                .setParameter("start", query.period().start()).setParameter("end", query.period().endExclusive())
                .setParameter("refused", DossierStatus.REFUSED).setParameter("refuse", DossierAction.REFUSE)
                .setParameter("after", after).setMaxResults(PAGE);
            if (units != null) {
                q.setParameter("codes", List.copyOf(units));
            }
            if (query.field() != null) {
                q.setParameter("field", query.field());
            }
            if (query.level() != null) {
                q.setParameter("level", query.level());
            }
            List<Object[]> page = q.getResultList();
            for (Object[] r : page) {
                DossierAction action = (DossierAction) r[9];
                Instant at = (Instant) r[10];
                DossierFacts f = new DossierFacts((String) r[0], (String) r[1], (DossierStatus) r[2], (Channel) r[3],
                    (Instant) r[4], (Instant) r[5], (Instant) r[6], (Instant) r[7], (Timeliness) r[8],
                    action == DossierAction.REFUSE ? at : null, action == DossierAction.RESCHEDULE ? at : null,
                    (AgencyLevel) r[11], (String) r[12], (String) r[13], Boolean.TRUE.equals(r[14]), (String) r[15],
                    Boolean.TRUE.equals(r[16]));
                byCode.merge(f.code(), f, DossierFacts::mergeEvents);
                if (r[12] != null) {
                    procedureNames.put((String) r[12], (String) r[17]);
                }
            }
            if (page.size() < PAGE) {
                break;
            }
            // a dossier's two joined rows may straddle pages: the next page starts after the last id, so re-read it
            long last = ((Number) page.get(page.size() - 1)[18]).longValue();
            if (((Number) page.get(0)[18]).longValue() == last) {
                throw new IllegalStateException("more than " + PAGE + " history rows for one dossier");
            }
            after = last - 1;
        }
        return new ArrayList<>(byCode.values());
    }

    /**
     * Units to list in a period: those of {@code units} (null = every unit that receives dossiers) valid on some day
     * from {@code from} to {@code to} (agency validity dates) and of {@code level} (null = any), plus every unit in
     * {@code alsoCodes} (met in the data: never dropped). Ordered by level (province first), then Vietnamese name.
     */
    static List<PeriodReport.Group> units(EntityManager em, Collection<String> units, LocalDate from, LocalDate to,
                                          AgencyLevel level, Collection<String> alsoCodes) {
        if (units != null && units.isEmpty()) {
            return List.of();
        }
        TypedQuery<Object[]> q = em.createQuery("SELECT a.code, a.name, a.level FROM Agency a WHERE"
            + " (a.validFrom IS NULL OR a.validFrom <= :to) AND (a.validTo IS NULL OR a.validTo >= :from)"
            + (units == null ? " AND a.receivesDossiers = TRUE" : " AND a.code IN :codes")
            + (level == null ? "" : " AND a.level = :level"), Object[].class);
        q.setParameter("from", from).setParameter("to", to);
        if (units != null) {
            q.setParameter("codes", List.copyOf(units));
        }
        if (level != null) {
            q.setParameter("level", level);
        }
        Map<String, Object[]> found = new LinkedHashMap<>();
        q.getResultList().forEach(x -> found.put((String) x[0], x));
        List<String> missing = alsoCodes.stream().filter(c -> !found.containsKey(c)).distinct().toList();
        if (!missing.isEmpty()) {
            em.createQuery("SELECT a.code, a.name, a.level FROM Agency a WHERE a.code IN :codes", Object[].class)
                .setParameter("codes", missing).getResultList().forEach(x -> found.put((String) x[0], x));
        }
        return found.values().stream()
            .sorted(Comparator.<Object[]>comparingInt(x -> ((AgencyLevel) x[2]).ordinal())
                .thenComparing(x -> (String) x[1], VietnameseCollation.text())
                .thenComparing(x -> (String) x[0]))
            .map(x -> new PeriodReport.Group((String) x[0], (String) x[1]))
            .toList();
    }
}
