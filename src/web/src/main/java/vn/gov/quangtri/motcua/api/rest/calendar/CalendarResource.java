package vn.gov.quangtri.motcua.api.rest.calendar;

import jakarta.ejb.EJB;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import vn.gov.quangtri.motcua.api.rest.Params;
import vn.gov.quangtri.motcua.api.rest.Problems;
import vn.gov.quangtri.motcua.api.rest.Times;
import vn.gov.quangtri.motcua.calendar.application.CalendarService;
import vn.gov.quangtri.motcua.calendar.domain.Appointment;
import vn.gov.quangtri.motcua.calendar.domain.TimeLimit;
import vn.gov.quangtri.motcua.calendar.domain.TimeLimitUnit;
import vn.gov.quangtri.motcua.calendar.domain.WorkingCalendar;

/**
 * The working calendar the dossier services use, exposed for integrating agencies:
 * {@code GET /api/v1/calendar/due-date} and {@code GET /api/v1/calendar/working-days}.
 */
@Path("v1/calendar")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Calendar", description = "Working days, holidays and appointment computation (Asia/Ho_Chi_Minh)")
public class CalendarResource {

    @EJB
    private CalendarService calendars;

    /**
     * Appointment for a receipt at {@code from} under a time limit given by exactly one of the limit
     * parameters. The clock starts at {@code from}, moved to the next working morning when outside office
     * hours (docs/domain.md §3.3).
     */
    @GET
    @Path("due-date")
    @Operation(summary = "Appointment (due moment) for a receipt time and a time limit",
        description = "Exactly one of workingDays, workingHours, calendarDays or sameDay=true. "
            + "Example: from=2026-03-02T10:00&workingDays=2 gives dueAt 2026-03-04T10:00:00+07:00.")
    public DueDateDto dueDate(
        @Parameter(description = "receipt moment, ISO-8601; without offset it is Vietnam time") @QueryParam("from") String from,
        @Parameter(description = "working days, decimals allowed (0.5)") @QueryParam("workingDays") String workingDays,
        @Parameter(description = "working hours inside office hours") @QueryParam("workingHours") String workingHours,
        @Parameter(description = "calendar days") @QueryParam("calendarDays") String calendarDays,
        @Parameter(description = "same-day procedure (15:00 cut-off)") @QueryParam("sameDay") Boolean sameDay) {
        Instant start = Times.parseMoment("from", from);
        List<TimeLimit> limits = new ArrayList<>();
        add(limits, Params.decimal("workingDays", workingDays), TimeLimitUnit.WORKING_DAY, "workingDays");
        add(limits, Params.decimal("workingHours", workingHours), TimeLimitUnit.WORKING_HOUR, "workingHours");
        add(limits, Params.decimal("calendarDays", calendarDays), TimeLimitUnit.CALENDAR_DAY, "calendarDays");
        if (Boolean.TRUE.equals(sameDay)) {
            limits.add(TimeLimit.sameDay());
        }
        if (limits.size() != 1) {
            throw Problems.badInput("Give exactly one time limit",
                List.of("one of workingDays, workingHours, calendarDays, sameDay=true is required"));
        }
        WorkingCalendar calendar = calendars.current();
        TimeLimit limit = limits.get(0);
        Appointment appointment = Appointment.of(calendar, start, limit);
        calendars.requireCovered(start, appointment.dueAt());
        return new DueDateDto(Times.format(start), Times.format(appointment.clockStart()), limit.value(),
            limit.unit().name(), Times.format(appointment.dueAt()));
    }

    /**
     * Number of working days in the half-open interval ({@code from}, {@code to}] (docs/cases.md C07); negative
     * when {@code to} is before {@code from}.
     */
    @GET
    @Path("working-days")
    @Operation(summary = "Working days between two dates, counting (from, to]")
    public WorkingDaysDto workingDays(@QueryParam("from") String from, @QueryParam("to") String to) {
        LocalDate a = Times.parseDate("from", from);
        LocalDate b = Times.parseDate("to", to);
        calendars.requireCovered(a.atStartOfDay(vn.gov.quangtri.motcua.shared.domain.VietnamTime.ZONE).toInstant(),
            b.atStartOfDay(vn.gov.quangtri.motcua.shared.domain.VietnamTime.ZONE).toInstant());
        return new WorkingDaysDto(a.toString(), b.toString(), calendars.current().workingDaysBetween(a, b));
    }

    private static void add(List<TimeLimit> limits, BigDecimal value, TimeLimitUnit unit, String name) {
        if (value == null) {
            return;
        }
        if (value.signum() < 0 || value.compareTo(BigDecimal.valueOf(3650)) > 0) {
            throw Problems.badInput("Parameter '" + name + "' out of range", List.of(name + ": must be between 0 and 3650"));
        }
        limits.add(new TimeLimit(value, unit));
    }

    /**
     * @param from       the given receipt moment
     * @param clockStart when the clock starts (moved into office hours)
     * @param limitValue the limit's amount
     * @param limitUnit  WORKING_DAY, WORKING_HOUR, CALENDAR_DAY or SAME_DAY
     * @param dueAt      the appointment, {@code +07:00}
     */
    public record DueDateDto(String from, String clockStart, BigDecimal limitValue, String limitUnit, String dueAt) {
    }

    /**
     * @param from        start date (excluded)
     * @param to          end date (included)
     * @param workingDays working days in (from, to]
     */
    public record WorkingDaysDto(String from, String to, int workingDays) {
    }
}
