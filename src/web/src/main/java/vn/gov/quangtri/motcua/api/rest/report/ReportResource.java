package vn.gov.quangtri.motcua.api.rest.report;

import jakarta.ejb.EJB;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import vn.gov.quangtri.motcua.api.rest.Problems;
import vn.gov.quangtri.motcua.api.rest.Times;
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
}
