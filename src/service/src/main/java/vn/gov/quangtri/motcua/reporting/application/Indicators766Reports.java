package vn.gov.quangtri.motcua.reporting.application;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import vn.gov.quangtri.motcua.calendar.application.CalendarService;
import vn.gov.quangtri.motcua.dossier.domain.Channel;
import vn.gov.quangtri.motcua.dossier.domain.DossierAction;
import vn.gov.quangtri.motcua.dossier.domain.DossierStatus;
import vn.gov.quangtri.motcua.dossier.domain.FilePurpose;
import vn.gov.quangtri.motcua.dossier.domain.FileSource;
import vn.gov.quangtri.motcua.dossier.domain.Timeliness;
import vn.gov.quangtri.motcua.rating.domain.RatingLevel;
import vn.gov.quangtri.motcua.reporting.domain.Decision766;
import vn.gov.quangtri.motcua.reporting.domain.IndicatorDossier;
import vn.gov.quangtri.motcua.reporting.domain.Indicators766;
import vn.gov.quangtri.motcua.reporting.domain.ReportPeriod;

/**
 * The Decision 766/QĐ-TTg indicators of a unit and period (issue 14 §3, docs/domain.md §5.3) and the dossiers that
 * cost points. Same roles and unit scoping as the period report, checked in one place ({@link ReportScope}): leaders,
 * agency and system administrators, within their units; a unit means the unit and the units under it; an unknown or
 * malformed unit code is refused ({@code INVALID_INPUT}). "Now" comes from the injected
 * clock, days are Vietnam days, working time is the current working calendar. Three queries: the dossiers, their
 * supplement requests and deliveries, their ratings' answers, their portal outbox messages (1.4, synchronised as
 * {@link vn.gov.quangtri.motcua.portal.domain.PortalMessage#synchronised} says, judged now).
 */
@Stateless
public class Indicators766Reports {

    @PersistenceContext(unitName = "motcua")
    private EntityManager em;

    @Inject
    private Clock clock;

    @EJB
    private ReportScope scope;

    @EJB
    private CalendarService calendar;

    /**
     * The indicators.
     *
     * @param period Vietnam-local days
     * @param agency only this unit and the units under it; null = the caller's units (everything for a system
     *               administrator)
     * @throws vn.gov.quangtri.motcua.shared.domain.ForbiddenException {@code ROLE_REQUIRED} without the leader or an
     *         administrator role, {@code OUT_OF_SCOPE} for an agency outside the caller's units
     */
    public Indicators766 compute(ReportPeriod period, String agency) {
        Collection<String> units = scope.units(agency);
        Instant now = clock.instant();
        List<IndicatorDossier> facts = units != null && units.isEmpty() ? List.of() : facts(period, units);
        return Indicators766.compute(period, facts, now, calendar.current(),
            synchronised(facts.stream().map(IndicatorDossier::code).toList()));
    }

    /**
     * The dossiers that cost an indicator points (all of them: the indicator's figures count exactly these).
     *
     * @return empty for an indicator without data
     * @throws IllegalArgumentException for an unknown indicator id
     */
    public List<Indicators766.Cost> costs(ReportPeriod period, String agency, String indicatorId) {
        Decision766.indicator(indicatorId);
        return compute(period, agency).costs().getOrDefault(indicatorId, List.of());
    }

    /** A unit to pick: code and name. */
    public record Unit(String code, String name) {
    }

    /**
     * The units the caller may pick for a period: those of the caller's scope (for a system administrator every unit
     * that receives dossiers) valid on some day of the period (agency validity dates), by Vietnamese name.
     *
     * @throws vn.gov.quangtri.motcua.shared.domain.ForbiddenException {@code ROLE_REQUIRED} as {@link #compute}
     */
    public List<Unit> units(ReportPeriod period) {
        Collection<String> units = ReportingService.within(scope.reader(), null);
        if (units != null && units.isEmpty()) {
            return List.of();
        }
        TypedQuery<Object[]> q = em.createQuery("SELECT a.code, a.name FROM Agency a WHERE"
            + " (a.validFrom IS NULL OR a.validFrom <= :to) AND (a.validTo IS NULL OR a.validTo >= :from)"
            + (units == null ? " AND a.receivesDossiers = TRUE" : " AND a.code IN :codes"), Object[].class);
        q.setParameter("from", period.from()).setParameter("to", period.to());
        if (units != null) {
            q.setParameter("codes", List.copyOf(units));
        }
        return q.getResultList().stream().map(x -> new Unit((String) x[0], (String) x[1]))
            .sorted(java.util.Comparator.comparing(Unit::name, vn.gov.quangtri.motcua.shared.domain.VietnameseCollation
                .text()).thenComparing(Unit::code)).toList();
    }

    private List<IndicatorDossier> facts(ReportPeriod period, Collection<String> units) {
        TypedQuery<Object[]> q = em.createQuery("SELECT d.code, a.code, a.name, d.snapshot.code, d.snapshot.name,"
            + " d.status, d.channel, d.clock.receivedAt, d.clock.clockStartedAt, d.clock.dueAt, d.clock.pausedAt,"
            + " d.clock.completedAt, d.clock.timeliness, d.supplementCount, d.withdrawn, p.electronicResult FROM Dossier d"
            + " JOIN d.receivingAgency a LEFT JOIN d.procedure p WHERE d.clock.receivedAt IS NOT NULL AND d.clock.receivedAt < :end"
            + " AND (d.clock.completedAt IS NULL OR d.clock.completedAt >= :start) AND " + ReportingService.COUNTED
            + (units == null ? "" : " AND a.code IN :codes")
            // by dossier code: the lists of the dossiers that cost points keep one order from page to page and on
            // every database (without it PostgreSQL returned updated rows in another order)
            + " ORDER BY d.code", Object[].class);
        q.setParameter("start", period.start()).setParameter("end", period.endExclusive());
        if (units != null) {
            q.setParameter("codes", List.copyOf(units));
        }
        List<Object[]> rows = q.getResultList();
        List<String> codes = rows.stream().map(r -> (String) r[0]).toList();
        Map<String, List<IndicatorDossier.Supplement>> supplements = supplements(codes);
        Set<String> rated = new HashSet<>();
        Set<String> disliked = ratings(codes, rated);
        Map<String, IndicatorDossier.Files> files = files(codes);
        List<IndicatorDossier> out = new ArrayList<>();
        for (Object[] r : rows) {
            String code = (String) r[0];
            out.add(new IndicatorDossier(code, (String) r[1], (String) r[2], (String) r[3], (String) r[4],
                (DossierStatus) r[5], (Channel) r[6], (Instant) r[7], (Instant) r[8], (Instant) r[9], (Instant) r[10],
                (Instant) r[11], (Timeliness) r[12], ((Number) r[13]).intValue(),
                supplements.getOrDefault(code, List.of()), false, Boolean.TRUE.equals(r[14]), rated.contains(code),
                disliked.contains(code), files.get(code), Boolean.TRUE.equals(r[15])));
        }
        return out;
    }

    /**
     * Supplement periods per dossier from the history: a supplement request during processing opens one, the next
     * resumption closes it (a resumption after a financial obligation closes none).
     */
    private Map<String, List<IndicatorDossier.Supplement>> supplements(List<String> codes) {
        Map<String, List<IndicatorDossier.Supplement>> out = new HashMap<>();
        Map<String, Instant> open = new HashMap<>();
        for (int i = 0; i < codes.size(); i += 500) {
            for (Object[] e : em.createQuery("SELECT d.code, e.action, e.occurredAt FROM Dossier d JOIN d.history e"
                    + " WHERE d.code IN :codes AND e.action IN :actions ORDER BY d.code, e.seq", Object[].class)
                .setParameter("codes", codes.subList(i, Math.min(codes.size(), i + 500)))
                .setParameter("actions", List.of(DossierAction.REQUEST_SUPPLEMENT, DossierAction.RESUME))
                .getResultList()) {
                String code = (String) e[0];
                Instant at = (Instant) e[2];
                if (e[1] == DossierAction.REQUEST_SUPPLEMENT) {
                    open.put(code, at);
                } else if (open.containsKey(code)) {
                    out.computeIfAbsent(code, k -> new ArrayList<>())
                        .add(new IndicatorDossier.Supplement(open.remove(code), at));
                }
            }
        }
        open.forEach((code, at) -> out.computeIfAbsent(code, k -> new ArrayList<>())
            .add(new IndicatorDossier.Supplement(at, null)));
        return out;
    }

    /** The codes among {@code codes} whose portal outbox messages show them synchronised (indicator 1.4). */
    private Set<String> synchronised(List<String> codes) {
        Map<String, List<vn.gov.quangtri.motcua.portal.domain.PortalMessage.State>> states = new HashMap<>();
        for (int i = 0; i < codes.size(); i += 500) {
            for (Object[] x : em.createQuery("SELECT m.dossierCode, m.state FROM PortalMessage m WHERE m.dossierCode"
                    + " IN :codes ORDER BY m.dossierCode, m.sequence", Object[].class)
                .setParameter("codes", codes.subList(i, Math.min(codes.size(), i + 500))).getResultList()) {
                states.computeIfAbsent((String) x[0], k -> new ArrayList<>())
                    .add((vn.gov.quangtri.motcua.portal.domain.PortalMessage.State) x[1]);
            }
        }
        Set<String> out = new HashSet<>();
        states.forEach((code, s) -> {
            if (vn.gov.quangtri.motcua.portal.domain.PortalMessage.synchronised(s)) {
                out.add(code);
            }
        });
        return out;
    }

    /** What the attached files (not withdrawn) of each dossier show; dossiers without files are absent. */
    private Map<String, IndicatorDossier.Files> files(List<String> codes) {
        Map<String, IndicatorDossier.Files> out = new HashMap<>();
        for (int i = 0; i < codes.size(); i += 500) {
            for (Object[] x : em.createQuery("SELECT f.dossierCode, f.reused, f.source, f.digitised, f.purpose"
                    + " FROM DossierFile f WHERE f.dossierCode IN :codes AND f.withdrawnAt IS NULL", Object[].class)
                .setParameter("codes", codes.subList(i, Math.min(codes.size(), i + 500))).getResultList()) {
                IndicatorDossier.Files before = out.getOrDefault((String) x[0], IndicatorDossier.Files.NONE);
                boolean result = x[4] == FilePurpose.RESULT;
                out.put((String) x[0], new IndicatorDossier.Files(true, before.reused() || Boolean.TRUE.equals(x[1]),
                    before.fromDataStore() || x[2] == FileSource.CITIZEN_DATA_STORE,
                    before.digitised() || (!result && Boolean.TRUE.equals(x[3])), before.electronicResult() || result));
            }
        }
        return out;
    }

    /**
     * Codes of the dossiers whose rating answered "Không hài lòng" to at least one criterion; {@code rated} receives the
     * codes of every rated dossier (a rating with at least one answer).
     */
    private Set<String> ratings(List<String> codes, Set<String> rated) {
        Set<String> out = new HashSet<>();
        for (int i = 0; i < codes.size(); i += 500) {
            for (Object[] x : em.createQuery("SELECT r.dossierCode, a FROM Rating r JOIN r.answers a"
                    + " WHERE r.dossierCode IN :codes", Object[].class)
                .setParameter("codes", codes.subList(i, Math.min(codes.size(), i + 500))).getResultList()) {
                rated.add((String) x[0]);
                if (x[1] == RatingLevel.NOT_SATISFIED) {
                    out.add((String) x[0]);
                }
            }
        }
        return out;
    }
}
