package vn.gov.quangtri.motcua.api.rest.report;

import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import vn.gov.quangtri.motcua.api.rest.Problems;
import vn.gov.quangtri.motcua.api.rest.Times;
import vn.gov.quangtri.motcua.rating.application.RatingService;
import vn.gov.quangtri.motcua.rating.domain.RatingReport;
import vn.gov.quangtri.motcua.rating.domain.SatisfactionTally;
import vn.gov.quangtri.motcua.rating.infrastructure.RatingWorkbook;
import vn.gov.quangtri.motcua.agency.domain.AgencyLevel;
import vn.gov.quangtri.motcua.reporting.application.DataIntegrity;
import vn.gov.quangtri.motcua.reporting.application.PeriodDossier;
import vn.gov.quangtri.motcua.reporting.application.PeriodQuery;
import vn.gov.quangtri.motcua.reporting.application.PeriodReports;
import vn.gov.quangtri.motcua.reporting.domain.Decision766;
import vn.gov.quangtri.motcua.reporting.domain.Indicators766;
import vn.gov.quangtri.motcua.reporting.domain.ListPage;
import vn.gov.quangtri.motcua.reporting.domain.PeriodBucket;
import vn.gov.quangtri.motcua.reporting.domain.PeriodFigures;
import vn.gov.quangtri.motcua.reporting.domain.PeriodReport;
import vn.gov.quangtri.motcua.reporting.domain.ReportGrouping;
import vn.gov.quangtri.motcua.reporting.domain.ReportPeriod;
import vn.gov.quangtri.motcua.shared.domain.RuleViolationException;

/** Reports for managers and inspectors. */
@Path("v1/reports")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Reports", description = "Figures for managers and inspectors")
public class ReportResource {

    @EJB
    private DataIntegrity integrity;

    @EJB
    private RatingService ratingService;

    @Inject
    private Clock clock;

    @EJB
    private PeriodReports periodReports;

    @EJB
    private vn.gov.quangtri.motcua.reporting.application.Indicators766Reports indicators766;

    @EJB
    private vn.gov.quangtri.motcua.reporting.application.OverdueEvents overdueEvents;

    /**
     * An overdue event recorded by the deadline sweep.
     *
     * @param stepPosition 0 for the dossier's appointment, else the step's position
     * @param dueAt        the deadline that passed (business time, +07:00)
     * @param recordedAt   when the sweep recorded it
     * @param recordedBy   the job ({@code batch:deadline-sweep})
     */
    public record OverdueEventDto(String dossierCode, String agencyCode, int stepPosition, String dueAt,
                                  String recordedAt, String recordedBy, boolean apologyDue) {
    }

    /** A dossier owing an apology with a new appointment (thư xin lỗi, form 04). */
    public record ApologyDueDto(String dossierCode, String agencyCode, String agencyName, String procedureName,
                                String applicantName, String status, String dueAt, String recordedAt) {
    }

    /** The overdue events recorded by the deadline-sweep job. */
    @GET
    @Path("overdue-events")
    @Operation(summary = "Overdue events recorded (once each) by the deadline-sweep job; leaders and administrators,"
        + " within their units")
    @APIResponse(responseCode = "200", description = "the events, newest deadline first")
    @APIResponse(responseCode = "403", description = "ROLE_REQUIRED")
    public List<OverdueEventDto> overdueEvents(@Parameter(description = "one dossier code") @QueryParam("dossier")
                                               String dossier) {
        return overdueEvents.events(dossier == null || dossier.isBlank() ? null : dossier.strip()).stream()
            .map(e -> new OverdueEventDto(e.dossierCode(), e.agencyCode(), e.stepPosition(),
                vn.gov.quangtri.motcua.api.rest.Times.format(e.dueAt()),
                vn.gov.quangtri.motcua.api.rest.Times.format(e.recordedAt()), e.recordedBy(), e.apologyDue()))
            .toList();
    }

    @EJB
    private vn.gov.quangtri.motcua.reporting.application.StatisticsSnapshots snapshots;

    /**
     * A row of the daily statistics snapshot: one Vietnam day, unit, procedure and field; {@code figures} holds the
     * stored figures by JSON name (receivedOnline … inProgressOverdue).
     */
    public record SnapshotRowDto(String day, String agencyCode, String procedureCode, String field, String level,
                                 Map<String, Long> figures) {
    }

    /**
     * One page of the snapshot rows of a range of days.
     *
     * @param coveredFrom first day the reports can read from the snapshot (null: not usable; first page only)
     * @param coveredTo   last such day
     * @param total       rows of the whole range (first page only, else null)
     * @param limit       the page size asked for
     * @param nextCursor  give it as {@code cursor} for the next page; null after the last
     */
    public record SnapshotDto(String coveredFrom, String coveredTo, Long total, int limit, String nextCursor,
                              List<SnapshotRowDto> rows) {
    }

    /** The statistics snapshot written by the statistics-snapshot job, page by page. */
    @GET
    @Path("statistics-snapshot")
    @Operation(summary = "Rows of the daily statistics snapshot (statistics-snapshot job) from/to (Vietnam days, at most"
        + " 400), within the caller's units, one page at a time (by day, unit, procedure, field; limit 1 to 5000,"
        + " default 1000; give nextCursor as cursor for the next page); the first page also has the total and the days"
        + " the period report can read from the snapshot")
    @APIResponse(responseCode = "200", description = "the page of rows and the next cursor")
    @APIResponse(responseCode = "400", description = "INVALID_INPUT (dates, range, cursor, limit)")
    @APIResponse(responseCode = "403", description = "ROLE_REQUIRED")
    public SnapshotDto statisticsSnapshot(@Parameter(description = "YYYY-MM-DD") @QueryParam("from") String from,
                                          @Parameter(description = "YYYY-MM-DD") @QueryParam("to") String to,
                                          @Parameter(description = "nextCursor of the previous page; none for the"
                                              + " first") @QueryParam("cursor") String cursor,
                                          @Parameter(description = "rows of the page, 1 to 5000, default 1000")
                                          @QueryParam("limit") String limit) {
        java.time.LocalDate f;
        java.time.LocalDate t;
        try {
            f = java.time.LocalDate.parse(from == null ? "" : from.strip());
            t = java.time.LocalDate.parse(to == null ? "" : to.strip());
        } catch (java.time.format.DateTimeParseException e) {
            throw Problems.badInput("Bad date", List.of("from, to: YYYY-MM-DD"));
        }
        if (t.isBefore(f) || java.time.temporal.ChronoUnit.DAYS.between(f, t) > 400) {
            throw Problems.badInput("Bad range", List.of("from, to: at most 400 days, from not after to"));
        }
        int max = vn.gov.quangtri.motcua.reporting.application.StatisticsSnapshots.MAX_PAGE;
        int size = pageParameter("limit", limit, 1000, 1, max);
        var l = snapshots.listing(f, t, cursor, size);
        return new SnapshotDto(l.coverage() == null ? null : l.coverage().first().toString(),
            l.coverage() == null ? null : l.coverage().last().toString(), l.total(), size, l.nextCursor(),
            l.rows().stream().map(r -> {
                Map<String, Long> figures = new java.util.LinkedHashMap<>();
                vn.gov.quangtri.motcua.reporting.domain.StatisticsSnapshot.STORED
                    .forEach(b -> figures.put(b.jsonName(), r.count(b)));
                return new SnapshotRowDto(r.day().toString(), r.agencyCode(), r.procedureCode(), r.field(),
                    r.level() == null ? null : r.level().name(), figures);
            }).toList());
    }

    /** An integer paging parameter: the default when absent, else within min..max (400 INVALID_INPUT otherwise). */
    static int pageParameter(String name, String value, int fallback, int min, int max) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            int v = Integer.parseInt(value.strip());
            if (v >= min && v <= max) {
                return v;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw Problems.badInput("Bad " + name, List.of(name + ": an integer from " + min
            + (max == Integer.MAX_VALUE ? " up" : " to " + max)));
    }

    /** The apologies due, for the leaders. */
    @GET
    @Path("apologies-due")
    @Operation(summary = "Dossiers found overdue by the deadline sweep, still open and without an apology (form 04);"
        + " leaders and administrators, within their units")
    @APIResponse(responseCode = "200", description = "the dossiers, oldest deadline first")
    @APIResponse(responseCode = "403", description = "ROLE_REQUIRED")
    public List<ApologyDueDto> apologiesDue() {
        return overdueEvents.apologiesDue().stream().map(a -> new ApologyDueDto(a.dossierCode(), a.agencyCode(),
            a.agencyName(), a.procedureName(), a.applicantName(), a.status(),
            vn.gov.quangtri.motcua.api.rest.Times.format(a.dueAt()),
            vn.gov.quangtri.motcua.api.rest.Times.format(a.recordedAt()))).toList();
    }

    @jakarta.ws.rs.core.Context
    private jakarta.ws.rs.core.UriInfo uri;

    /** One event keyed late; {@code workingMinutesLate} in working minutes (null outside the holiday calendar). */
    public record IntegrityRowDto(String dossierCode, String unitCode, String procedureName, String action,
                                  String occurredAt, String recordedAt, Long workingMinutesLate, String actor,
                                  String backdatingReason, String approvedBy) {
    }

    /**
     * The data integrity list; percentages with one decimal, null when nothing was finished.
     *
     * @param inTimeOnKeyedTimes dossiers finished early or on time with an event keyed after the appointment had
     *                           passed but dated before it
     */
    public record IntegrityDto(String from, String to, long keyedLate, long dossiers, long approved,
                               Map<String, Long> byActor, long finished, long inTime, long inTimeOnKeyedTimes,
                               BigDecimal inTimePercent, BigDecimal inTimePercentWithoutKeyedTimes,
                               long pendingRequests, List<IntegrityRowDto> rows) {
    }

    /** Events keyed late in a period, per unit (docs/domain.md §3.4). */
    @GET
    @Path("data-integrity")
    @Operation(summary = "Data integrity: events keyed well after they happened (by whom, how far back, why, approved"
        + " by), pending backdating requests, and how much of the on-time count rests on keyed times. Leaders and"
        + " administrators; only their units")
    public IntegrityDto dataIntegrity(
        @Parameter(description = "receiving unit code (repeatable); omitted = all of your units") @QueryParam("unit")
        List<String> units,
        @Parameter(description = "first day, YYYY-MM-DD (Vietnam calendar)", required = true) @QueryParam("from")
        String from,
        @Parameter(description = "last day, inclusive, YYYY-MM-DD", required = true) @QueryParam("to") String to) {
        if (from == null || to == null) {
            throw Problems.badInput("from and to are required", List.of("from: YYYY-MM-DD", "to: YYYY-MM-DD"));
        }
        LocalDate first = Times.parseDate("from", from);
        LocalDate last = Times.parseDate("to", to);
        if (last.isBefore(first)) {
            throw new RuleViolationException("DATE_RANGE_REVERSED", "The period ends before it starts",
                List.of("to: not before from"));
        }
        DataIntegrity.Report r = integrity.report(units == null || units.isEmpty() ? null : units,
            new ReportPeriod(first, last));
        return new IntegrityDto(first.toString(), last.toString(), r.keyedLate(), r.dossiers(), r.approved(),
            r.byActor(), r.finished(), r.inTime(), r.inTimeOnKeyedTimes(), r.inTimePercent(),
            r.inTimePercentWithoutKeyedTimes(), r.pending(), r.rows().stream().map(x -> new IntegrityRowDto(
                x.dossierCode(), x.unitCode(), x.procedureName(), x.action().name(), Times.format(x.occurredAt()),
                Times.format(x.recordedAt()), x.workingMinutesLate(), x.actor(), x.backdatingReason(),
                x.approvedBy())).toList());
    }

    /** One group of the rating statistics; {@code ratePercent} with one decimal, null without answers. */
    public record RatingRowDto(String key, String label, long ratings, long answers, Map<String, Long> levels,
                               long satisfied, BigDecimal ratePercent) {

        static RatingRowDto of(RatingReport.Row row) {
            SatisfactionTally t = row.tally();
            Map<String, Long> levels = new java.util.LinkedHashMap<>();
            t.counts().forEach((l, n) -> levels.put(l.name(), n));
            return new RatingRowDto(row.key(), row.label(), t.ratings(), t.answers(), levels, t.satisfied(), t.ratePercent());
        }
    }

    /** The rating statistics of a period. */
    public record RatingStatisticsDto(String from, String to, String groupBy, String formula, List<RatingRowDto> rows,
                                      RatingRowDto total) {
    }

    /** Citizens' satisfaction ratings of a period, grouped (issue 13 §2). */
    @GET
    @Path("ratings")
    @Operation(summary = "Citizens' satisfaction ratings of a period per unit, officer, criterion or procedure: answers per"
        + " level, answers, ratings and the satisfaction rate = (VERY_SATISFIED + SATISFIED) ÷ answers × 100 (Decree 61/2018"
        + " art. 32–33). Staff of the units in scope; groupBy=officer for leaders and administrators only; no dossier and"
        + " no rater is ever shown")
    @APIResponse(responseCode = "200", description = "the statistics")
    @APIResponse(responseCode = "400", description = "INVALID_INPUT: bad date or groupBy")
    @APIResponse(responseCode = "403", description = "ROLE_REQUIRED (officer grouping, kiosk), OUT_OF_SCOPE (agency)")
    public RatingStatisticsDto ratings(
        @Parameter(description = "first day, YYYY-MM-DD (Vietnam calendar); default the 1st of January of this year")
        @QueryParam("from") String from,
        @Parameter(description = "last day, inclusive, YYYY-MM-DD; default today") @QueryParam("to") String to,
        @Parameter(description = "unit (default), officer, criterion or procedure") @QueryParam("groupBy") String groupBy,
        @Parameter(description = "only this unit and the units under it") @QueryParam("agency") String agency) {
        ReportPeriod period = ratingPeriod(from, to);
        RatingReport r = ratingService.report(period, grouping(groupBy), agency);
        return new RatingStatisticsDto(period.from().toString(), period.to().toString(), r.groupBy().name().toLowerCase(),
            "ratePercent = (VERY_SATISFIED + SATISFIED) / answers * 100",
            r.rows().stream().map(RatingRowDto::of).toList(), RatingRowDto.of(r.total()));
    }

    /** The same statistics as an Excel workbook. */
    @GET
    @Path("ratings.xlsx")
    @Produces("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
    @Operation(summary = "The rating statistics as .xlsx (same parameters and rules as /reports/ratings)")
    public Response ratingsXlsx(@QueryParam("from") String from, @QueryParam("to") String to,
                                @QueryParam("groupBy") String groupBy, @QueryParam("agency") String agency) {
        ReportPeriod period = ratingPeriod(from, to);
        RatingReport r = ratingService.report(period, grouping(groupBy), agency);
        return Response.ok(RatingWorkbook.xlsx(r, period))
            .header("Content-Disposition", "attachment; filename=\"danh-gia-" + period.from() + "_" + period.to() + ".xlsx\"")
            .build();
    }

    private static RatingReport.Grouping grouping(String groupBy) {
        try {
            return RatingReport.Grouping.parse(groupBy);
        } catch (IllegalArgumentException e) {
            throw Problems.badInput(e.getMessage(), List.of("groupBy: unit, officer, criterion or procedure"));
        }
    }

    /** The period of a rating report: defaults 1 January of this year (Vietnam time) to today. */
    private ReportPeriod ratingPeriod(String from, String to) {
        LocalDate today = LocalDate.now(clock.withZone(vn.gov.quangtri.motcua.shared.domain.VietnamTime.ZONE));
        LocalDate first = from == null || from.isBlank() ? today.withDayOfYear(1) : Times.parseDate("from", from);
        LocalDate last = to == null || to.isBlank() ? today : Times.parseDate("to", to);
        if (last.isBefore(first)) {
            throw new RuleViolationException("DATE_RANGE_REVERSED", "The period ends before it starts",
                List.of("to: not before from"));
        }
        return new ReportPeriod(first, last);
    }

    // ---------------------------------------------------------------- period report (issue 14 §2)

    /**
     * One row (or the total) of the period report; rates in per cent with one decimal, null when the divisor is 0.
     * Balance: carriedOver + received = resolved + inProgress + stopped + withdrawn; refused is beside it.
     */
    public record PeriodRowDto(String key, String label, long carriedOver, long received, long receivedOnline,
                               long receivedDirect, long receivedPostal, long resolved, long resolvedEarly,
                               long resolvedOnTime, long resolvedLate, long inProgress, long inProgressNotDue,
                               long inProgressOverdue, long stopped, long withdrawn, long refused, long apologies,
                               BigDecimal onTimeRate, BigDecimal lateRate, boolean balanced) {

        static PeriodRowDto of(PeriodFigures f) {
            return new PeriodRowDto(f.key(), f.label(), f.carriedOver(), f.received(), f.receivedOnline(),
                f.receivedDirect(), f.receivedPostal(), f.resolved(), f.resolvedEarly(), f.resolvedOnTime(),
                f.resolvedLate(), f.inProgress(), f.inProgressNotDue(), f.inProgressOverdue(), f.stopped(),
                f.withdrawn(), f.refused(), f.apologies(), f.onTimeRate(), f.lateRate(), f.balances());
        }
    }

    /** The period report: the resolved days, the grouping and view, the formulas, rows and total. */
    public record PeriodReportDto(String from, String to, String period, String cutoff, String groupBy, String view,
                                  Map<String, String> formulas, List<PeriodRowDto> rows, PeriodRowDto total,
                                  boolean balanced) {
    }

    /** One dossier behind a figure; moments ISO-8601 with +07:00. */
    public record PeriodDossierDto(String code, String agencyCode, String procedureCode, String procedureName,
                                   String applicantName, String receivedAt, String dueAt, String completedAt,
                                   String status, String parentCode) {

        static PeriodDossierDto of(PeriodDossier d) {
            return new PeriodDossierDto(d.code(), d.agencyCode(), d.procedureCode(), d.procedureName(),
                d.applicantName(), Times.format(d.receivedAt()), Times.format(d.dueAt()), Times.format(d.completedAt()),
                d.status().name(), d.parentCode());
        }
    }

    /**
     * One page of the dossiers behind one figure: {@code total} counts them all, {@code dossiers} lists the page
     * ({@code limit} at most 1,000) from {@code offset}; {@code nextOffset} is null after the last page.
     */
    public record PeriodDossiersDto(String from, String to, String groupBy, String view, String bucket, String key,
                                    long total, int offset, int limit, Integer nextOffset,
                                    List<PeriodDossierDto> dossiers) {
    }

    private static final String PERIOD_SUMMARY = "Period report on handling procedures (issue 14 §2, docs/domain.md §6.1)"
        + " per unit, field, level or procedure with a total: carriedOver, received (online/direct/postal), resolved"
        + " (early/on time/late), inProgress (not due/overdue), stopped, withdrawn, refused (beside the balance),"
        + " apologies, onTimeRate and lateRate. Either from/to or period (+ cutoff). Vietnam days. Leaders and"
        + " administrators, within their units";

    /** The period report as JSON. */
    @GET
    @Path("period")
    @Operation(summary = PERIOD_SUMMARY)
    @APIResponse(responseCode = "200", description = "the report; the resolved from/to are in the answer")
    @APIResponse(responseCode = "400", description = "INVALID_INPUT (bad date, period, cutoff, groupBy, level, view;"
        + " unknown or malformed agency code; unknown field), DATE_RANGE_REVERSED")
    @APIResponse(responseCode = "403", description = "ROLE_REQUIRED, OUT_OF_SCOPE (agency)")
    public PeriodReportDto period(
        @Parameter(description = "first day, YYYY-MM-DD (Vietnam calendar)") @QueryParam("from") String from,
        @Parameter(description = "last day, inclusive, YYYY-MM-DD") @QueryParam("to") String to,
        @Parameter(description = "instead of from/to: 2026 (year), 2026-H1, 2026-Q1 or 2026-11 (month)")
        @QueryParam("period") String period,
        @Parameter(description = "with period: calendar (default, 1st to last day) or decree09 (15th of the month before"
            + " to the 14th of the last month, Decree 09/2019)") @QueryParam("cutoff") String cutoff,
        @Parameter(description = "only this unit and the units under it") @QueryParam("agency") String agency,
        @Parameter(description = "only procedures of this field (lĩnh vực), exact name") @QueryParam("field") String field,
        @Parameter(description = "only units of this level: PROVINCE, DEPARTMENT, DISTRICT, COMMUNE")
        @QueryParam("level") String level,
        @Parameter(description = "agency (default), field, level or procedure") @QueryParam("groupBy") String groupBy,
        @Parameter(description = "province (default: an inter-agency dossier counts once) or workload (children at"
            + " co-operating agencies counted in their rows)") @QueryParam("view") String view,
        @Parameter(description = "auto (default: the daily statistics snapshot where it covers the period, the dossiers"
            + " for the days after it) or live (from the dossiers only; the same figures)") @QueryParam("source")
        String source) {
        PeriodQuery q = periodQuery(from, to, period, cutoff, agency, field, level, groupBy, view);
        if (source != null && !source.isBlank() && !"auto".equals(source.strip()) && !"live".equals(source.strip())) {
            throw Problems.badInput("Unknown source", List.of("source: auto or live"));
        }
        PeriodReport r = source != null && "live".equals(source.strip()) ? periodReports.reportLive(q)
            : periodReports.report(q);
        Map<String, String> formulas = new java.util.LinkedHashMap<>();
        formulas.put("onTimeRate", PeriodFigures.ON_TIME_RATE_FORMULA);
        formulas.put("lateRate", PeriodFigures.LATE_RATE_FORMULA);
        formulas.put("balance", "carriedOver + received = resolved + inProgress + stopped + withdrawn (refused is not"
            + " received)");
        return new PeriodReportDto(q.period().from().toString(), q.period().to().toString(),
            period == null || period.isBlank() ? null : period.strip(), cutoffName(period, cutoff),
            q.groupBy().apiName(), q.workload() ? "workload" : "province", formulas,
            r.rows().stream().map(PeriodRowDto::of).toList(), PeriodRowDto.of(r.total()), r.balances());
    }

    /** The dossiers behind one figure of the period report. */
    @GET
    @Path("period/dossiers")
    @Operation(summary = "The dossiers behind one figure of the period report (same parameters), exactly as many as the"
        + " figure (total), one page at a time by receipt time then code: offset (default 0) and limit (1 to 1000,"
        + " default 100); follow nextOffset")
    @APIResponse(responseCode = "200", description = "the dossiers")
    @APIResponse(responseCode = "400", description = "INVALID_INPUT (as /reports/period; unknown bucket; offset, limit;"
        + " a key that is not a row of the report with the same parameters; with groupBy=field an existing field"
        + " without a row gives an empty list)")
    @APIResponse(responseCode = "403", description = "ROLE_REQUIRED, OUT_OF_SCOPE (agency, or a key naming a unit"
        + " outside your units)")
    public PeriodDossiersDto periodDossiers(@QueryParam("from") String from, @QueryParam("to") String to,
        @QueryParam("period") String period, @QueryParam("cutoff") String cutoff, @QueryParam("agency") String agency,
        @QueryParam("field") String field, @QueryParam("level") String level, @QueryParam("groupBy") String groupBy,
        @QueryParam("view") String view,
        @Parameter(description = "the figure, e.g. resolvedLate, received, carriedOver", required = true)
        @QueryParam("bucket") String bucket,
        @Parameter(description = "the row key (unit code, field, level, procedure code); omitted = the total")
        @QueryParam("key") String key,
        @Parameter(description = "dossiers to skip, default 0") @QueryParam("offset") String offset,
        @Parameter(description = "dossiers of the page, 1 to 1000, default 100") @QueryParam("limit") String limit) {
        PeriodQuery q = periodQuery(from, to, period, cutoff, agency, field, level, groupBy, view);
        PeriodBucket figure;
        try {
            figure = PeriodBucket.parse(bucket == null ? "" : bucket.strip());
        } catch (IllegalArgumentException e) {
            throw Problems.badInput("Unknown bucket: " + bucket, List.of("bucket: one of " + java.util.Arrays.stream(
                PeriodBucket.values()).map(PeriodBucket::jsonName).toList()));
        }
        String rowKey = key == null || key.isEmpty() ? null : key;
        int size = pageParameter("limit", limit, 100, 1, PeriodReports.MAX_PAGE);
        int skip = pageParameter("offset", offset, 0, 0, Integer.MAX_VALUE);
        PeriodReports.DossierList list = periodReports.dossiers(q, figure, rowKey, skip, size);
        return new PeriodDossiersDto(q.period().from().toString(), q.period().to().toString(), q.groupBy().apiName(),
            q.workload() ? "workload" : "province", figure.jsonName(), rowKey, list.total(), skip, size,
            ListPage.next(list.total(), skip, list.dossiers().size()),
            list.dossiers().stream().map(PeriodDossierDto::of).toList());
    }

    /** The period report as an Excel workbook. */
    @GET
    @Path("period.xlsx")
    @Produces("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
    @Operation(summary = "The period report as .xlsx, A4 landscape (same parameters and rules as /reports/period)")
    public Response periodXlsx(@QueryParam("from") String from, @QueryParam("to") String to,
        @QueryParam("period") String period, @QueryParam("cutoff") String cutoff, @QueryParam("agency") String agency,
        @QueryParam("field") String field, @QueryParam("level") String level, @QueryParam("groupBy") String groupBy,
        @QueryParam("view") String view) {
        PeriodQuery q = periodQuery(from, to, period, cutoff, agency, field, level, groupBy, view);
        return Response.ok(periodReports.xlsx(q))
            .header("Content-Disposition", "attachment; filename=\"" + periodFileName(q) + ".xlsx\"").build();
    }

    /** The period report as PDF. */
    @GET
    @Path("period.pdf")
    @Produces("application/pdf")
    @Operation(summary = "The period report as PDF, A4 landscape, Vietnamese (same parameters and rules as /reports/period)")
    public Response periodPdf(@QueryParam("from") String from, @QueryParam("to") String to,
        @QueryParam("period") String period, @QueryParam("cutoff") String cutoff, @QueryParam("agency") String agency,
        @QueryParam("field") String field, @QueryParam("level") String level, @QueryParam("groupBy") String groupBy,
        @QueryParam("view") String view) {
        PeriodQuery q = periodQuery(from, to, period, cutoff, agency, field, level, groupBy, view);
        return Response.ok(periodReports.pdf(q))
            .header("Content-Disposition", "attachment; filename=\"" + periodFileName(q) + ".pdf\"").build();
    }

    // ---------------------------------------------------------------- Decision 766 indicators (issue 14 §3)

    /**
     * One Decision 766 indicator. {@code value} in per cent or, for 2.2, working days ({@code unit}); value, numerator,
     * denominator and points are null when {@code status} is NO_DATA, and {@code reason} says why.
     */
    public record IndicatorDto(String id, int group, String nameVi, String nameEn, String formula,
                               BigDecimal fullPointsThreshold, String confidence, String status, BigDecimal value,
                               String unit, BigDecimal numerator, Long denominator, BigDecimal points,
                               BigDecimal maxPoints, String reason, String reasonEn, Map<String, BigDecimal> shares,
                               long dossiersCostingPoints) {

        static IndicatorDto of(Indicators766 all, Indicators766.Result r) {
            Decision766.Indicator i = r.indicator();
            return new IndicatorDto(i.id(), i.group(), i.nameVi(), i.nameEn(), i.formula(), i.fullPointsThreshold(),
                i.confidence(), r.status().name(), r.value(), r.unit(), r.numerator(), r.denominator(), r.points(),
                r.maxPoints(), r.reasonVi(), r.reasonEn(), r.shares(), all.costs().getOrDefault(i.id(), List.of()).size());
        }
    }

    /** A group: points earned, its maximum (Decision 766) and the maximum of its indicators with data. */
    public record IndicatorGroupDto(int number, String nameVi, String nameEn, BigDecimal points, int maxPoints,
                                    BigDecimal maxPointsWithData, List<IndicatorDto> indicators) {
    }

    /** The indicators of a period and unit with the totals. */
    public record Indicators766Dto(String from, String to, String period, String cutoff, String agency,
                                   List<IndicatorGroupDto> groups, BigDecimal points, BigDecimal maxPoints,
                                   BigDecimal maxPointsWithData, String pointsRule) {
    }

    /** A dossier that cost an indicator points: why (codes, Vietnamese and English) and a detail where there is one. */
    public record CostDto(String code, String agencyCode, String agencyName, String procedureCode, String procedureName,
                          List<String> reasons, String reason, String reasonEn, String detail) {

        static CostDto of(Indicators766.Cost c) {
            return new CostDto(c.code(), c.agencyCode(), c.agencyName(), c.procedureCode(), c.procedureName(),
                c.reasons().stream().map(Enum::name).toList(),
                String.join("; ", c.reasons().stream().map(Indicators766.CostReason::vi).toList()),
                String.join("; ", c.reasons().stream().map(Indicators766.CostReason::en).toList()), c.detail());
        }
    }

    /**
     * One page of the dossiers that cost one indicator points: {@code total} counts them all, {@code dossiers} lists at
     * most {@code limit} (1 to 1,000) from {@code offset}; {@code nextOffset} is null after the last page.
     */
    public record IndicatorDossiersDto(String from, String to, String agency, String indicatorId, String status,
                                       long total, int offset, int limit, Integer nextOffset, List<CostDto> dossiers) {
    }

    /** The Decision 766 indicators our data supports, with points, for a period and unit. */
    @GET
    @Path("indicators-766")
    @Operation(summary = "Decision 766/QĐ-TTg service-quality indicators of a period and unit (issue 14 §3, docs/domain.md"
        + " §5.3): the five groups, each indicator with value, numerator, denominator, points and maximum, or NO_DATA"
        + " with the reason (never 0 or 100); computed: 2.1 on-time share, 2.2 average handling time net of supplement"
        + " time (working days), 3.3 online share (direct/postal beside it), 5.4 satisfaction. Either from/to or period"
        + " (+ cutoff). Vietnam days. Leaders and administrators, within their units")
    @APIResponse(responseCode = "200", description = "the indicators; the resolved from/to are in the answer")
    @APIResponse(responseCode = "400", description = "INVALID_INPUT (bad date, period, cutoff; unknown or malformed agency"
        + " code), DATE_RANGE_REVERSED")
    @APIResponse(responseCode = "403", description = "ROLE_REQUIRED, OUT_OF_SCOPE (agency)")
    public Indicators766Dto indicators766(
        @Parameter(description = "first day, YYYY-MM-DD (Vietnam calendar)") @QueryParam("from") String from,
        @Parameter(description = "last day, inclusive, YYYY-MM-DD") @QueryParam("to") String to,
        @Parameter(description = "instead of from/to: 2026 (year), 2026-H1, 2026-Q1 or 2026-11 (month)")
        @QueryParam("period") String period,
        @Parameter(description = "with period: calendar (default) or decree09") @QueryParam("cutoff") String cutoff,
        @Parameter(description = "only this unit and the units under it; omitted = all of your units")
        @QueryParam("agency") String agency) {
        ReportPeriod days = reportPeriod(from, to, period, cutoff);
        Indicators766 r = indicators766.compute(days, agency);
        List<IndicatorGroupDto> groups = r.groups().stream().map(g -> new IndicatorGroupDto(g.group().number(),
            g.group().nameVi(), g.group().nameEn(), g.points(), g.group().maxPoints(), g.maxPointsWithData(),
            g.results().stream().map(x -> IndicatorDto.of(r, x)).toList())).toList();
        return new Indicators766Dto(days.from().toString(), days.to().toString(),
            period == null || period.isBlank() ? null : period.strip(), cutoffName(period, cutoff),
            agency == null || agency.isBlank() ? null : agency.strip(), groups, r.points(), r.maxPoints(),
            r.maxPointsWithData(), "indicator maximum = group maximum ÷ indicators in the group; points = maximum ×"
                + " min(1, rate ÷ full-points threshold), or maximum × rate without a threshold (unconfirmed)");
    }

    /** The dossiers that cost one indicator points. */
    @GET
    @Path("indicators-766/{indicatorId}/dossiers")
    @Operation(summary = "The dossiers that cost a Decision 766 indicator points (same parameters as"
        + " /reports/indicators-766): code, procedure, unit and the reason (late, overdue, more than one supplement"
        + " request, above the time limit, not online, rated not satisfied); empty for an indicator without data. One page"
        + " at a time in the indicator's order: offset (default 0) and limit (1 to 1000, default 100); total counts them"
        + " all; follow nextOffset")
    @APIResponse(responseCode = "200", description = "the dossiers")
    @APIResponse(responseCode = "400", description = "INVALID_INPUT (as /reports/indicators-766; offset, limit)")
    @APIResponse(responseCode = "403", description = "ROLE_REQUIRED, OUT_OF_SCOPE (agency)")
    @APIResponse(responseCode = "404", description = "NOT_FOUND: no such indicator")
    public IndicatorDossiersDto indicator766Dossiers(
        @Parameter(description = "indicator id, e.g. 2.1") @jakarta.ws.rs.PathParam("indicatorId") String indicatorId,
        @QueryParam("from") String from, @QueryParam("to") String to, @QueryParam("period") String period,
        @QueryParam("cutoff") String cutoff, @QueryParam("agency") String agency,
        @Parameter(description = "dossiers to skip, default 0") @QueryParam("offset") String offset,
        @Parameter(description = "dossiers of the page, 1 to 1000, default 100") @QueryParam("limit") String limit) {
        ReportPeriod days = reportPeriod(from, to, period, cutoff);
        int size = pageParameter("limit", limit, 100, 1, PeriodReports.MAX_PAGE);
        int skip = pageParameter("offset", offset, 0, 0, Integer.MAX_VALUE);
        if (Decision766.INDICATORS.stream().noneMatch(i -> i.id().equals(indicatorId))) {
            throw new jakarta.ws.rs.WebApplicationException(Problems.of(Response.Status.NOT_FOUND, "NOT_FOUND",
                "No Decision 766 indicator " + indicatorId, List.of("indicatorId: one of " + Decision766.INDICATORS
                    .stream().map(Decision766.Indicator::id).toList()), uri));
        }
        Indicators766 r = indicators766.compute(days, agency);
        ListPage<Indicators766.Cost> page = ListPage.of(r.costs().getOrDefault(indicatorId, List.of()), skip, size);
        return new IndicatorDossiersDto(days.from().toString(), days.to().toString(),
            agency == null || agency.isBlank() ? null : agency.strip(), indicatorId, r.result(indicatorId).status().name(),
            page.total(), skip, size, page.nextOffset(), page.items().stream().map(CostDto::of).toList());
    }

    /** File name of an exported period report, ASCII: {@code bao-cao-ky_2026-03-01_2026-03-31}. */
    static String periodFileName(PeriodQuery q) {
        return "bao-cao-ky_" + q.period().from() + "_" + q.period().to();
    }

    /** Reads and checks the parameters of the period report (400 on anything malformed). */
    private PeriodQuery periodQuery(String from, String to, String period, String cutoff, String agency, String field,
                                    String level, String groupBy, String view) {
        ReportPeriod days = reportPeriod(from, to, period, cutoff);
        ReportGrouping grouping;
        try {
            grouping = ReportGrouping.parse(groupBy);
        } catch (IllegalArgumentException e) {
            throw Problems.badInput(e.getMessage(), List.of("groupBy: agency, field, level or procedure"));
        }
        AgencyLevel lvl = null;
        if (level != null && !level.isBlank()) {
            try {
                lvl = AgencyLevel.valueOf(level.strip().toUpperCase(java.util.Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw Problems.badInput("Unknown level: " + level, List.of("level: PROVINCE, DEPARTMENT, DISTRICT or COMMUNE"));
            }
        }
        boolean workload;
        if (view == null || view.isBlank() || view.strip().equalsIgnoreCase("province")) {
            workload = false;
        } else if (view.strip().equalsIgnoreCase("workload")) {
            workload = true;
        } else {
            throw Problems.badInput("Unknown view: " + view, List.of("view: province or workload"));
        }
        return new PeriodQuery(days, grouping, agency, field, lvl, workload);
    }

    private static String cutoffName(String period, String cutoff) {
        if (period == null || period.isBlank()) {
            return null;
        }
        return cutoff != null && cutoff.strip().equalsIgnoreCase("decree09") ? "decree09" : "calendar";
    }

    /** The days of the report: a named period (with its cut-off) or from/to. */
    private ReportPeriod reportPeriod(String from, String to, String period, String cutoff) {
        boolean named = period != null && !period.isBlank();
        boolean decree09 = false;
        if (cutoff != null && !cutoff.isBlank()) {
            String c = cutoff.strip().toLowerCase(java.util.Locale.ROOT);
            if (!c.equals("calendar") && !c.equals("decree09")) {
                throw Problems.badInput("Unknown cutoff: " + cutoff, List.of("cutoff: calendar or decree09"));
            }
            decree09 = c.equals("decree09");
        }
        boolean range = (from != null && !from.isBlank()) || (to != null && !to.isBlank());
        if (named && range) {
            throw Problems.badInput("Give either period or from/to", List.of("period: or from/to, not both"));
        }
        if (named) {
            try {
                return ReportPeriod.named(period, decree09);
            } catch (IllegalArgumentException e) {
                throw Problems.badInput(e.getMessage(), List.of("period: 2026, 2026-H1, 2026-Q1 or 2026-11"));
            }
        }
        if (from == null || from.isBlank() || to == null || to.isBlank()) {
            throw Problems.badInput("from and to (or period) are required", List.of("from: YYYY-MM-DD", "to: YYYY-MM-DD"));
        }
        LocalDate first = Times.parseDate("from", from);
        LocalDate last = Times.parseDate("to", to);
        if (last.isBefore(first)) {
            throw new jakarta.ws.rs.WebApplicationException(Problems.of(Response.Status.BAD_REQUEST, "DATE_RANGE_REVERSED",
                "The period ends before it starts", List.of("to: not before from"), uri));
        }
        return new ReportPeriod(first, last);
    }
}
