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
import vn.gov.quangtri.motcua.reporting.application.DataIntegrity;
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
}
