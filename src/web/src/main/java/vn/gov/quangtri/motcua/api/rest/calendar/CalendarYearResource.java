package vn.gov.quangtri.motcua.api.rest.calendar;

import jakarta.ejb.EJB;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;
import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import vn.gov.quangtri.motcua.api.rest.Actors;
import vn.gov.quangtri.motcua.api.rest.Problems;
import vn.gov.quangtri.motcua.api.rest.Times;
import vn.gov.quangtri.motcua.calendar.application.CalendarAdministration;
import vn.gov.quangtri.motcua.calendar.application.CalendarChange;
import vn.gov.quangtri.motcua.calendar.application.CalendarEntry;
import vn.gov.quangtri.motcua.calendar.application.ConfiguredYear;
import vn.gov.quangtri.motcua.calendar.domain.CalendarEdits.DayOffKind;

/**
 * Administration of the holiday calendar's years over HTTP Basic (web.xml requires an account; the service
 * requires SYSTEM_ADMIN for changes, 403 {@code ROLE_REQUIRED} otherwise): list and create years
 * ({@code /api/v1/calendar/years}), read a year's days and its statutory proposal, add and remove days.
 * Dates are Vietnam local dates; every change is audited with its reason. The public
 * {@code /api/v1/calendar/due-date} and {@code working-days} endpoints use the new year at once.
 */
@Path("v1/calendar/years")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Calendar", description = "Working days, holidays and appointment computation (Asia/Ho_Chi_Minh)")
public class CalendarYearResource {

    /** The kinds of day accepted by {@link #addDay}: the four kinds of day off and a make-up working day. */
    static final List<String> DAY_KINDS = List.of("HOLIDAY", "TET", "COMPENSATORY", "SWAP_DAY_OFF", "MAKE_UP");

    @EJB
    private CalendarAdministration admin;

    @Context
    private UriInfo uri;

    /**
     * A configured year.
     *
     * @param entries how many days it has (0 = weekends only)
     */
    public record YearDto(int year, long entries, String createdAt, String createdBy) {
    }

    /** A year to create. */
    public record NewYearDto(@Schema(required = true, example = "2028") Integer year,
                             @Schema(required = true, maxLength = 4000, description = "why (audited)") String reason) {
    }

    /**
     * A configured day.
     *
     * @param kind statutory | tet | compensatory | swap_day_off | swap_working_day
     */
    public record DayDto(String date, String dayOfWeek, String kind, String name, boolean workingDay, String lunarDate,
                         String source) {
    }

    /** A year with its days and the plausibility warnings of its list (case C05). */
    public record YearDaysDto(int year, List<DayDto> days, List<String> warnings) {
    }

    /** A proposed statutory day off (Labour Code 2019 art. 111–112), to be confirmed by adding it. */
    public record ProposedDayDto(String date, String kind, String name) {
    }

    /** A day to add. */
    public record NewDayDto(@Schema(required = true, example = "2028-05-01") String date,
                            @Schema(required = true, enumeration = {"HOLIDAY", "TET", "COMPENSATORY", "SWAP_DAY_OFF",
                                "MAKE_UP"}) String kind,
                            @Schema(required = true, maxLength = 300) String name,
                            @Schema(required = true, maxLength = 4000) String reason) {
    }

    /** An open dossier whose appointment the change would move (its stored deadline is not moved). */
    public record AffectedDto(String code, String procedureCode, String status, String dueAt, String recomputedDueAt) {
    }

    /** The outcome of a day's change. */
    public record ChangeDto(String date, String action, List<AffectedDto> affected, List<String> warnings) {
    }

    @GET
    @Operation(summary = "Configured years of the holiday calendar (signed-in accounts)")
    public List<YearDto> list() {
        return admin.years().stream().map(CalendarYearResource::dto).toList();
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Create a year of the holiday calendar, weekends only at first (system administrators)",
        description = "201 with Location; 400 malformed, 403 ROLE_REQUIRED, 409 CALENDAR_YEAR_EXISTS, "
            + "422 YEAR_OUT_OF_RANGE / REASON_REQUIRED.")
    public Response create(NewYearDto in, @Context SecurityContext security) {
        if (in == null || in.year() == null) {
            throw Problems.badInput("A JSON body with the year is required", List.of("year: required, e.g. 2028"));
        }
        ConfiguredYear created = admin.createYear(in.year(), Actors.of(security, null), in.reason());
        return Response.created(uri.getAbsolutePathBuilder().path(String.valueOf(created.year())).build())
            .entity(dto(created)).build();
    }

    @GET
    @Path("{year}")
    @Operation(summary = "A configured year's days with weekday and lunar date, and its plausibility warnings",
        description = "404 when the year is not configured.")
    public YearDaysDto year(@PathParam("year") String year) {
        int y = parseYear(year);
        requireConfigured(y);
        return new YearDaysDto(y, admin.year(y).stream().map(CalendarYearResource::dto).toList(), admin.checkYear(y));
    }

    @GET
    @Path("{year}/proposal")
    @Operation(summary = "Statutory days off proposed for a configured year that it does not have yet",
        description = "404 when the year is not configured. Labour Code 2019 art. 112 (1/1, Tết, Hùng Kings' day by lunar date, 30/4, 1/5, 2/9 and one "
            + "adjacent day) with art. 111 compensatory days; to be confirmed by adding them.")
    public List<ProposedDayDto> proposal(@PathParam("year") String year) {
        int y = parseYear(year);
        requireConfigured(y);
        return admin.proposal(y).stream().map(p -> new ProposedDayDto(p.date().toString(), p.kind().name(), p.name()))
            .toList();
    }

    @POST
    @Path("{year}/days")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Add a day off or a make-up working day to a configured year (system administrators)",
        description = "201 with the open dossiers whose appointment would change; 400 malformed or a date of another "
            + "year, 403 ROLE_REQUIRED, 409 DAY_ALREADY_OFF / DAY_ALREADY_HAS_ENTRY, 422 CALENDAR_YEAR_MISSING, "
            + "COMPENSATORY_NOT_WEEKDAY, MAKE_UP_DAY_NOT_WEEKEND, NAME_REQUIRED, REASON_REQUIRED.")
    public Response addDay(@PathParam("year") String year, NewDayDto in, @Context SecurityContext security) {
        int y = parseYear(year);
        if (in == null) {
            throw Problems.badInput("A JSON body is required", List.of("date, kind, name, reason"));
        }
        LocalDate date = date(y, in.date());
        String kind = in.kind() == null ? null : in.kind().strip().toUpperCase(java.util.Locale.ROOT);
        if (!DAY_KINDS.contains(kind)) {
            throw Problems.badInput("Unknown kind", List.of("kind: one of " + DAY_KINDS));
        }
        String actor = Actors.of(security, null);
        CalendarChange change = "MAKE_UP".equals(kind)
            ? admin.addMakeUpWorkingDay(date, in.name(), actor, in.reason())
            : admin.addDayOff(date, DayOffKind.valueOf(kind), in.name(), actor, in.reason());
        return Response.created(uri.getAbsolutePathBuilder().path(date.toString()).build()).entity(dto(change)).build();
    }

    @DELETE
    @Path("{year}/days/{date}")
    @Operation(summary = "Remove a day's entry; the day follows the weekly rule again (system administrators)",
        description = "reason is required (query parameter); 404 when the day has no entry.")
    public ChangeDto removeDay(@PathParam("year") String year, @PathParam("date") String date,
                               @QueryParam("reason") String reason, @Context SecurityContext security) {
        LocalDate d = date(parseYear(year), date);
        return dto(admin.remove(d, Actors.of(security, null), reason));
    }

    private void requireConfigured(int year) {
        if (!admin.isConfigured(year)) {
            throw new vn.gov.quangtri.motcua.shared.domain.NotFoundException("calendar year", String.valueOf(year));
        }
    }

    private static int parseYear(String value) {
        try {
            int y = Integer.parseInt(value.strip());
            if (y >= 1900 && y <= 2199) {
                return y;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw Problems.badInput("Not a year", List.of("year: 1900 to 2199, got '" + value + "'"));
    }

    private static LocalDate date(int year, String value) {
        if (value == null || value.isBlank()) {
            throw Problems.badInput("A date is required", List.of("date: required, e.g. " + year + "-05-01"));
        }
        LocalDate d = Times.parseDate("date", value);
        if (d.getYear() != year) {
            throw Problems.badInput("The date is not in " + year, List.of("date: " + value + " is not in " + year));
        }
        return d;
    }

    private static YearDto dto(ConfiguredYear y) {
        return new YearDto(y.year(), y.entries(), Times.format(y.createdAt()), y.createdBy());
    }

    private static DayDto dto(CalendarEntry e) {
        return new DayDto(e.date().toString(), e.dayOfWeek().name(), e.kind(), e.name(), e.workingDay(), e.lunarDate(),
            e.source());
    }

    private static ChangeDto dto(CalendarChange c) {
        return new ChangeDto(c.date().toString(), c.action(), c.affected().stream().map(a -> new AffectedDto(a.code(),
            a.procedureCode(), a.status().name(), Times.format(a.dueAt()), Times.format(a.recomputedDueAt()))).toList(),
            c.warnings());
    }
}
