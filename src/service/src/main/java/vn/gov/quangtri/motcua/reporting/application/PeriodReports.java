package vn.gov.quangtri.motcua.reporting.application;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import vn.gov.quangtri.motcua.account.application.AccessControl;
import vn.gov.quangtri.motcua.account.domain.AccessScope;
import vn.gov.quangtri.motcua.agency.domain.AgencyLevel;
import vn.gov.quangtri.motcua.dossier.domain.DossierStatus;
import vn.gov.quangtri.motcua.reporting.domain.DossierFacts;
import vn.gov.quangtri.motcua.reporting.domain.PeriodBucket;
import vn.gov.quangtri.motcua.reporting.domain.PeriodReport;
import vn.gov.quangtri.motcua.reporting.domain.ReportGrouping;
import vn.gov.quangtri.motcua.reporting.domain.ReportPeriod;
import vn.gov.quangtri.motcua.reporting.domain.StatisticsSnapshot;
import vn.gov.quangtri.motcua.reporting.infrastructure.PeriodReportPdf;
import vn.gov.quangtri.motcua.reporting.infrastructure.TrackingBookWorkbook;
import vn.gov.quangtri.motcua.shared.domain.VietnameseCollation;

/**
 * The period report of issue 14 §2 (docs/domain.md §6.1) and the dossiers behind each figure. Leaders, agency and
 * system administrators, within their units; "now" comes from the injected clock, days are Vietnam days. Two queries
 * for the report (one scalar row per dossier that can count, and the unit list), one more for a dossier list.
 */
@Stateless
public class PeriodReports {

    /** Most dossiers in one page of the list behind a figure; the figure itself counts them all. */
    public static final int MAX_PAGE = 1000;

    @PersistenceContext(unitName = "motcua")
    private EntityManager em;

    @Inject
    private Clock clock;

    @EJB
    private AccessControl access;

    @EJB
    private StatisticsSnapshots snapshots;

    @EJB
    private ReportScope scope;

    /**
     * One page of the dossiers behind a figure.
     *
     * @param total    how many dossiers the figure counts (all pages)
     * @param offset   how many dossiers come before this page
     * @param dossiers at most the requested limit of them, by receipt time then code
     */
    public record DossierList(long total, int offset, List<PeriodDossier> dossiers) {
    }

    /**
     * The report.
     *
     * @throws vn.gov.quangtri.motcua.shared.domain.ForbiddenException {@code ROLE_REQUIRED} without the leader or an
     *         administrator role, {@code OUT_OF_SCOPE} for an agency outside the caller's units
     * @throws vn.gov.quangtri.motcua.shared.domain.RuleViolationException {@code INVALID_INPUT} for an unknown or
     *         malformed unit code or an unknown field
     */
    public PeriodReport report(PeriodQuery query) {
        PeriodReport fromSnapshot = fromSnapshot(query);
        return fromSnapshot != null ? fromSnapshot : reportLive(query);
    }

    /**
     * The report computed from the dossiers alone, never from the statistics snapshot (the reference {@link #report}
     * must equal; same checks).
     */
    public PeriodReport reportLive(PeriodQuery query) {
        Read r = read(query);
        return PeriodReport.compute(query.period(), query.groupBy(), groups(query, r), r.facts, r.now, query.workload());
    }

    /**
     * One page of the dossiers behind one figure of one row (exactly those the figure counts), ordered by receipt
     * time, then code; only the page's dossiers are read in full.
     *
     * @param figure the figure, e.g. {@link PeriodBucket#RESOLVED_LATE}
     * @param key    the row key (unit code, field, level, procedure code), or null for the total row
     * @param offset dossiers to skip, at least 0
     * @param limit  page size, 1 to {@link #MAX_PAGE}
     * @throws vn.gov.quangtri.motcua.shared.domain.RuleViolationException {@code INVALID_INPUT} for an offset or limit
     *         out of range (and as {@link #report})
     */
    public DossierList dossiers(PeriodQuery query, PeriodBucket figure, String key, int offset, int limit) {
        Objects.requireNonNull(figure, "figure");
        if (offset < 0 || limit < 1 || limit > MAX_PAGE) {
            throw new vn.gov.quangtri.motcua.shared.domain.RuleViolationException("INVALID_INPUT",
                "offset or limit out of range", List.of("offset: 0 or more", "limit: 1 to " + MAX_PAGE));
        }
        Read r = read(query);
        if (key != null) {
            requireRow(query, r, key);
        }
        Comparator<DossierFacts> order = Comparator.comparing(DossierFacts::receivedAt,
            Comparator.nullsLast(Comparator.naturalOrder())).thenComparing(DossierFacts::code);
        List<DossierFacts> behind = r.facts.stream().filter(d -> PeriodReport.isBehind(d, query.period(), r.now,
            query.workload(), query.groupBy(), key, figure)).sorted(order).toList();
        if (offset >= behind.size()) {
            return new DossierList(behind.size(), offset, List.of());
        }
        List<String> codes = behind.subList(offset, Math.min(behind.size(), offset + limit)).stream()
            .map(DossierFacts::code).toList();
        Map<String, PeriodDossier> byCode = new java.util.HashMap<>();
        for (int i = 0; i < codes.size(); i += 500) { // IN lists in chunks
            em.createQuery("SELECT d.code, a.code, d.snapshot.code, d.snapshot.name, d.applicant.name, d.clock.receivedAt,"
                    + " d.clock.dueAt, d.clock.completedAt, d.status, d.origin.parentCode FROM Dossier d"
                    + " JOIN d.receivingAgency a WHERE d.code IN :codes", Object[].class)
                .setParameter("codes", codes.subList(i, Math.min(codes.size(), i + 500))).getResultList()
                .forEach(x -> byCode.put((String) x[0], new PeriodDossier((String) x[0], (String) x[1], (String) x[2],
                    (String) x[3], (String) x[4], (Instant) x[5], (Instant) x[6], (Instant) x[7], (DossierStatus) x[8],
                    (String) x[9])));
        }
        return new DossierList(behind.size(), offset, codes.stream().map(byCode::get).filter(Objects::nonNull).toList());
    }

    /** The report as .xlsx (A4 landscape; {@code TrackingBookWorkbook}), under the same checks as {@link #report}. */
    public byte[] xlsx(PeriodQuery query) {
        PeriodReport report = report(query); // the checks first
        return new TrackingBookWorkbook().periodReport(scopeName(query), report);
    }

    /** The report as PDF (A4 landscape, Vietnamese; {@code PeriodReportPdf}), under the same checks as {@link #report}. */
    public byte[] pdf(PeriodQuery query) {
        PeriodReport report = report(query); // the checks first
        return new PeriodReportPdf().render(scopeName(query), report);
    }

    /**
     * Name of the reporting scope for titles: the requested unit's name, else "Tỉnh Quảng Trị" for the whole province or
     * the caller's unit names.
     */
    public String scopeName(PeriodQuery query) {
        if (query.agency() != null) {
            List<String> n = em.createQuery("SELECT a.name FROM Agency a WHERE a.code = :c", String.class)
                .setParameter("c", query.agency()).getResultList();
            return n.isEmpty() ? query.agency() : n.get(0);
        }
        AccessScope caller = scope.reader();
        if (caller.everywhere() || caller.agencyCodes().isEmpty()) {
            return "Tỉnh Quảng Trị";
        }
        return String.join(", ", em.createQuery("SELECT a.name FROM Agency a WHERE a.code IN :c ORDER BY a.name",
            String.class).setParameter("c", List.copyOf(caller.agencyCodes())).setMaxResults(3).getResultList());
    }

    /** The facts of one request, with the units and procedure names met. */
    private record Read(Collection<String> units, List<DossierFacts> facts, Map<String, String> procedureNames,
                        Instant now) {
    }

    /**
     * The report from the daily statistics snapshot ({@link StatisticsSnapshots}) plus the dossiers of the days after
     * it, when the snapshot can serve: province view, grouping by unit, field or level, a snapshot covering every day
     * from the first day with data to at least the day before the period (a period may start before the first day with
     * data). The snapshot is summed in the database ({@link StatisticsSnapshots#reportRows}), so a year costs no more
     * memory than a day. Null otherwise (the caller computes live).
     */
    private PeriodReport fromSnapshot(PeriodQuery query) {
        if (query.workload() || query.groupBy() == ReportGrouping.PROCEDURE) {
            return null;
        }
        Collection<String> units = units(query);
        if (units != null && units.isEmpty()) {
            return null;
        }
        StatisticsSnapshots.Coverage cov = snapshots.coverage();
        LocalDate from = query.period().from();
        if (cov == null || from.isAfter(cov.last().plusDays(1))) {
            return null;
        }
        LocalDate to = query.period().to();
        LocalDate lastRowDay = cov.last().isBefore(to) ? cov.last() : to;
        // before the first day with data nothing was received, so a period may start earlier (carried over 0)
        LocalDate rowsFrom = from.isBefore(cov.first()) ? cov.first() : from;
        List<StatisticsSnapshot.Row> rows = snapshots.reportRows(rowsFrom, lastRowDay, !lastRowDay.isBefore(to),
            units, query.field(), query.level());
        Map<String, String> names = new TreeMap<>();
        List<DossierFacts> tail = cov.last().isBefore(to)
            ? ReportData.facts(em, new PeriodQuery(new ReportPeriod(cov.last().plusDays(1), to), query.groupBy(),
                query.agency(), query.field(), query.level(), false), units, names)
            : List.of();
        List<PeriodReport.Group> groups = switch (query.groupBy()) {
            case AGENCY -> ReportData.units(em, units, from, to, query.level(), java.util.stream.Stream.concat(
                rows.stream().map(StatisticsSnapshot.Row::agencyCode), tail.stream().map(DossierFacts::agencyCode))
                .toList());
            case FIELD -> java.util.stream.Stream.concat(rows.stream().map(StatisticsSnapshot.Row::field),
                    tail.stream().map(f -> f.field() == null ? "" : f.field())).distinct()
                .sorted(VietnameseCollation.text())
                .map(f -> new PeriodReport.Group(f, f.isEmpty() ? "(chưa xác định)" : f)).toList();
            default -> groups(query, new Read(units, List.of(), Map.of(), clock.instant()));
        };
        return StatisticsSnapshot.compose(query.period(), query.groupBy(), groups, rows, cov.last(), tail,
            clock.instant());
    }

    /** The caller's units for the query, after the role, scope, unit and field checks ({@link ReportScope}). */
    private Collection<String> units(PeriodQuery query) {
        Collection<String> units = scope.units(query.agency());
        scope.checkField(query.field());
        return units;
    }

    private Read read(PeriodQuery query) {
        Collection<String> units = units(query);
        Instant now = clock.instant();
        if (units != null && units.isEmpty()) {
            return new Read(units, List.of(), Map.of(), now);
        }
        Map<String, String> names = new TreeMap<>();
        return new Read(units, ReportData.facts(em, query, units, names), names, now);
    }

    /**
     * Checks a row key of the dossier list against the rows the report shows (issue 14 trial: an unknown key answered
     * an empty list). The checks of {@link ReportScope} apply to the key as to the filters: a unit outside the
     * caller's units is refused as the {@code agency} parameter is; a field that exists but has no row (fields are not
     * scoped to units) gives an empty list, as the {@code field} parameter gives an empty report.
     *
     * @throws vn.gov.quangtri.motcua.shared.domain.ForbiddenException {@code OUT_OF_SCOPE} for a unit outside the
     *         caller's units (as the {@code agency} parameter)
     * @throws vn.gov.quangtri.motcua.shared.domain.RuleViolationException {@code INVALID_INPUT} for any other key that
     *         is not a row of the report
     */
    private void requireRow(PeriodQuery query, Read r, String key) {
        if (groups(query, r).stream().anyMatch(g -> g.key().equals(key))) {
            return;
        }
        if (query.groupBy() == ReportGrouping.FIELD && scope.knownField(key)) {
            return;
        }
        if (query.groupBy() == ReportGrouping.AGENCY && key.length() <= 64
            && em.createQuery("SELECT COUNT(a) FROM Agency a WHERE a.code = :c", Long.class).setParameter("c", key)
                .getSingleResult() > 0) {
            scope.reader().requireCovers(key); // another unit's code: the same 403 as the agency parameter
        }
        throw new vn.gov.quangtri.motcua.shared.domain.RuleViolationException("INVALID_INPUT",
            "Not a row of this report: " + (key.length() > 60 ? key.substring(0, 60) + "…" : key),
            List.of("key: the key of a row of the report with the same parameters (groupBy " + query.groupBy().apiName()
                + ")"));
    }

    /** Rows listed even without dossiers: units of the scope valid in the period; every level; fields and procedures met. */
    private List<PeriodReport.Group> groups(PeriodQuery query, Read r) {
        return switch (query.groupBy()) {
            case AGENCY -> units(query, r);
            case LEVEL -> Arrays.stream(AgencyLevel.values()).filter(l -> query.level() == null || l == query.level())
                .map(l -> new PeriodReport.Group(l.name(), ReportGrouping.levelLabel(l))).toList();
            case FIELD -> r.facts.stream().map(f -> f.field() == null ? "" : f.field()).distinct()
                .sorted(VietnameseCollation.text())
                .map(f -> new PeriodReport.Group(f, f.isEmpty() ? "(chưa xác định)" : f)).toList();
            case PROCEDURE -> r.procedureNames.entrySet().stream()
                .map(e -> new PeriodReport.Group(e.getKey(), e.getValue())).toList();
        };
    }

    /** Units of the scope valid in the period, of the requested level, plus any unit met in the data. */
    private List<PeriodReport.Group> units(PeriodQuery query, Read r) {
        return ReportData.units(em, r.units, query.period().from(), query.period().to(), query.level(),
            r.facts.stream().map(DossierFacts::agencyCode).toList());
    }
}
