package vn.gov.quangtri.motcua.api.rest.dossier;

import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import vn.gov.quangtri.motcua.shared.domain.Texts;
import java.util.function.BiConsumer;
import java.util.function.BiFunction;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import vn.gov.quangtri.motcua.api.rest.Params;
import vn.gov.quangtri.motcua.api.rest.Problems;
import vn.gov.quangtri.motcua.api.rest.Times;
import vn.gov.quangtri.motcua.calendar.application.CalendarService;
import vn.gov.quangtri.motcua.dossier.application.ActionTime;
import vn.gov.quangtri.motcua.dossier.application.ApplicantDossiers;
import vn.gov.quangtri.motcua.dossier.application.DossierSearch;
import vn.gov.quangtri.motcua.dossier.application.IntakeService;
import vn.gov.quangtri.motcua.dossier.application.ProcessingService;
import vn.gov.quangtri.motcua.dossier.application.SlipService;
import vn.gov.quangtri.motcua.dossier.domain.ApplicantMatch;
import vn.gov.quangtri.motcua.dossier.domain.Decision;
import vn.gov.quangtri.motcua.dossier.domain.Dossier;
import vn.gov.quangtri.motcua.dossier.domain.DossierAction;
import vn.gov.quangtri.motcua.dossier.domain.DossierCode;
import vn.gov.quangtri.motcua.dossier.domain.DossierStatus;
import vn.gov.quangtri.motcua.interagency.application.ExchangeLog;
import vn.gov.quangtri.motcua.interagency.application.TransferService;
import vn.gov.quangtri.motcua.interagency.domain.InterAgencyTransfer;
import vn.gov.quangtri.motcua.interagency.domain.TransferFile;
import vn.gov.quangtri.motcua.interagency.domain.TransferSide;
import vn.gov.quangtri.motcua.interagency.domain.ReconciliationFinding;

/**
 * Dossiers: intake ({@code POST /api/v1/dossiers}), the full view ({@code GET /api/v1/dossiers/{code}})
 * and one {@code POST /api/v1/dossiers/{code}/<verb>} per lifecycle action. Every action answers the
 * updated dossier; a refused action answers a problem and changes nothing; an action dated too far back answers
 * 202 with the backdating request that waits for a leader.
 *
 * <p>Application-scoped: its services are injected once, not into a new instance on every request (issue 12's
 * profile of a lookup: 7 % of the server's CPU went to injecting twelve EJB references per request); the request's
 * {@link UriInfo} comes as a method parameter where needed.
 *
 * <p>Size: above 400 lines because it is the published v1 contract: one documented endpoint per lifecycle verb
 * (each with its OpenAPI answers), each a one-line call into the services.
 */
@Path("v1/dossiers")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Dossiers", description = "Intake, processing and return of dossiers")
@jakarta.enterprise.context.ApplicationScoped
public class DossierResource {

    /** The answer of an action that took effect. */
    private static final String DONE = "the dossier after the action";

    /** The answer of an action dated too far back: it waits for a leader (docs/domain.md §3.4). */
    private static final String HELD = "occurredAt lies more than 3 working days back: the action waits for a leader's"
        + " approval (backdating request, Location: /api/v1/backdating-requests/{id}); the dossier did not change";

    @EJB
    private vn.gov.quangtri.motcua.rating.application.RatingService ratings;

    @EJB
    private IntakeService intake;

    @EJB
    private ProcessingService processing;

    @EJB
    private CalendarService calendars;

    @EJB
    private DossierSearch search;

    @EJB
    private SlipService slips;

    @EJB
    private vn.gov.quangtri.motcua.dossier.application.PublicLookup publicLookup;

    @EJB
    private ApplicantDossiers applicantDossiers;

    @EJB
    private TransferService transferService;

    @EJB
    private vn.gov.quangtri.motcua.interagency.application.TransferFiles transferFiles;

    @EJB
    private vn.gov.quangtri.motcua.interagency.application.TransferReconciliation reconciliation;

    @EJB
    private ExchangeLog exchangeLog;

    @Inject
    private Clock clock;


    /**
     * Intake of a new dossier; 201 with {@code code}, {@code status}, {@code receivedAt}, {@code dueAt} and Location,
     * and in {@code otherOpenDossiers} the applicant's other open dossiers in the caller's units (a warning).
     */
    @POST
    @Operation(summary = "Receive a dossier (or register an online submission, a supplement request or a refusal at intake)",
        description = "The answer's otherOpenDossiers lists the applicant's other open dossiers in the caller's units"
            + " (same ID number, or same full name and phone; see GET /dossiers/open-of-applicant): a warning, the"
            + " dossier is stored all the same.")
    @APIResponse(responseCode = "201", description = "stored; body is the dossier with otherOpenDossiers")
    @APIResponse(responseCode = "400", description = "malformed input")
    @APIResponse(responseCode = "422", description = "a rule refuses it, e.g. INCOMPLETE_DOSSIER with the missing documents")
    public Response receive(DossierDtos.IntakeDto body, @Context UriInfo uri) {
        Dossier d = intake.lodge(DossierAssembler.toRequest(body));
        var a = d.applicant();
        var others = applicantDossiers.openOf(a.idNumber(), a.name(), a.phone(), d.code());
        return Response.created(uri.getAbsolutePathBuilder().path(d.code()).build())
            .entity(DossierAssembler.withOtherOpenDossiers(dto(d), others)).build();
    }

    /**
     * The applicant's open dossiers in the caller's units, for the desk before it lodges a new one (the
     * duplicate-applicant warning, issue 11 §4): same ID number, or same full name and phone.
     */
    @GET
    @Path("open-of-applicant")
    @Operation(summary = "Open dossiers of an applicant (duplicate-applicant warning before intake)",
        description = "Give idNumber, or name and phone, or all three. Lists dossiers in an open status (received, in"
            + " process, at another agency, paused for a supplement or a financial obligation) whose receiving unit"
            + " the caller covers, oldest receipt first; children of inter-agency transfers are left out. ID numbers"
            + " match with spaces and letter case ignored; names match in NFC with case and runs of spaces ignored,"
            + " diacritics kept; phones match on their digits with a leading +84 or 84 read as 0. Each line says"
            + " which rule matched (ID_NUMBER is checked first). 400 INVALID_INPUT when neither an ID number nor a"
            + " name with a phone is given.")
    @APIResponse(responseCode = "200", description = "the dossiers, possibly none")
    @APIResponse(responseCode = "400", description = "INVALID_INPUT: idNumber, or name and phone, required")
    public List<DossierDtos.OtherOpenDossierDto> openOfApplicant(
        @Parameter(description = "ID number (CCCD) or tax code; spaces and letter case ignored, e.g. 045080001234")
        @QueryParam("idNumber") String idNumber,
        @Parameter(description = "full name as written, diacritics count, e.g. Nguyễn Văn An") @QueryParam("name") String name,
        @Parameter(description = "phone; only digits count, +84 = 0, e.g. 0912345001") @QueryParam("phone") String phone) {
        boolean hasId = ApplicantMatch.idNumberKey(idNumber) != null;
        boolean hasName = ApplicantMatch.nameKey(name) != null;
        boolean hasPhone = ApplicantMatch.phoneKey(phone) != null;
        if (!hasId && !(hasName && hasPhone)) {
            List<String> errors = new java.util.ArrayList<>();
            errors.add("idNumber: required unless name and phone are given");
            if (!hasName) {
                errors.add("name: required with phone when there is no idNumber");
            }
            if (!hasPhone) {
                errors.add("phone: required with name when there is no idNumber (at least one digit)");
            }
            throw Problems.badInput("Whose dossiers? Give the ID number, or the name and the phone", errors);
        }
        return applicantDossiers.openOf(idNumber, name, phone, null).stream().map(DossierAssembler::otherOpen).toList();
    }

    /**
     * Searches dossiers, newest registration first. Past {@value DossierSearch#COUNT_BOUND} matches the total is not
     * counted: {@code total} is the bound and {@code totalCapped} true ("more than 10,000").
     */
    @GET
    @Operation(summary = "Search dossiers by status, receiving unit, procedure, applicant name, ID number or phone and receipt period")
    public DossierDtos.DossierPageDto search(
        @Parameter(description = "status, e.g. IN_PROCESS") @QueryParam("status") String status,
        @Parameter(description = "receiving agency code, e.g. QT25.XA_VINH_LINH") @QueryParam("agency") String agency,
        @Parameter(description = "procedure code") @QueryParam("procedure") String procedure,
        @Parameter(description = "words of the applicant's name, diacritics optional") @QueryParam("applicant") String applicant,
        @Parameter(description = "registered at or after (date or date-time, Vietnam time)") @QueryParam("receivedFrom") String from,
        @Parameter(description = "registered before (date or date-time, Vietnam time)") @QueryParam("receivedTo") String to,
        @Parameter(description = "the applicant's ID number (CCCD) or tax code: exact match, spaces ignored, e.g. 045080001234")
        @QueryParam("idNumber") String idNumber,
        @Parameter(description = "the applicant's phone: exact match, spaces and . - ( ) ignored, e.g. 0912345001")
        @QueryParam("phone") String phone,
        @QueryParam("offset") String offsetParam, @QueryParam("limit") String limitParam) {
        int offset = Params.integer("offset", offsetParam, 0, 0, Integer.MAX_VALUE);
        int limit = Params.integer("limit", limitParam, 50, 1, 500);
        DossierStatus st = Params.enumValue("status", status, DossierStatus.class);
        DossierSearch.Page page = search.search(new DossierSearch.Criteria(st, agency, procedure, applicant, null,
            from == null || from.isBlank() ? null : Times.parseMoment("receivedFrom", from),
            to == null || to.isBlank() ? null : Times.parseMoment("receivedTo", to), idNumber, phone), offset, limit,
            DossierSearch.Part.BOTH, false);
        return new DossierDtos.DossierPageDto(page.total(), page.totalCapped(), offset, limit,
            page.items().stream().map(DossierAssembler::toSummary).toList());
    }

    /** The dossier with current step, deadlines, working time left and full history. */
    @GET
    @Path("{code}")
    @Operation(summary = "A dossier with its steps, deadlines and full history")
    public DossierDtos.DossierDto find(@Parameter(description = "dossier code, e.g. 000.00.21.H50-260302-0001")
                                       @PathParam("code") String code) {
        ProcessingService.Seen seen = processing.see(checked(code));
        return DossierAssembler.toDto(seen.dossier(), calendars.current(), clock.instant(), seen.allowedActions());
    }

    /**
     * A printable one-stop form as an A4 PDF carrying the dossier code as QR code and barcode:
     * {@code receipt-slip} (form 01), {@code supplement-request} (02), {@code refusal-slip} (03),
     * {@code apology} (04), {@code control-sheet} (06), {@code rejection-reply} (written reply of a dossier not
     * approved, with the reason, signed by the rejecting leader).
     */
    @GET
    @Path("{code}/forms/{form}")
    @Produces("application/pdf")
    @Operation(summary = "A one-stop form as PDF: receipt-slip (01), supplement-request (02), refusal-slip (03), apology (04), control-sheet (06), rejection-reply (reply to a dossier not approved)")
    @APIResponse(responseCode = "200", description = "application/pdf")
    @APIResponse(responseCode = "409", description = "NOT_RECEIVED, FORM_NOT_APPLICABLE, or LOOKUP_TOKEN_MISMATCH for a lookupToken that is not the current one")
    public Response form(@Context UriInfo uri, @PathParam("code") String code,
                         @Parameter(schema = @org.eclipse.microprofile.openapi.annotations.media.Schema(
                             enumeration = {"receipt-slip", "supplement-request", "refusal-slip", "apology", "control-sheet",
                                 "rejection-reply"}))
                         @PathParam("form") String form,
                         @Parameter(description = "receipt-slip only: the current public lookup secret to print (the one"
                             + " POST /dossiers/{code}/lookup-token returned); without it the first print issues one and"
                             + " later prints carry the page link with the code only")
                         @QueryParam("lookupToken") String lookupToken) {
        String c = checked(code);
        SlipService.Form f;
        try {
            f = SlipService.Form.valueOf(form.toUpperCase(java.util.Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException e) {
            throw new jakarta.ws.rs.NotFoundException("no form " + form);
        }
        return Response.ok(slips.render(c, f, applicationBase(uri), lookupToken), "application/pdf")
            .header("Content-Disposition", "inline; filename=\"" + form + "-" + c + ".pdf\"").build();
    }

    /**
     * A new public lookup secret for a dossier (issue 13 §1): the old one stops working at once. Desk officers of
     * the receiving unit; recorded in the administrative audit. The secret is answered once and never stored in
     * clear; print it with {@code GET /dossiers/{code}/forms/receipt-slip?lookupToken=…}.
     */
    @POST
    @Path("{code}/lookup-token")
    @Operation(summary = "Reissue the public lookup secret of a dossier (the old one stops working)",
        description = "Answers the new secret once, with the public page's link carrying code and secret. Desk officers"
            + " of the receiving unit (403 ROLE_REQUIRED, OUT_OF_SCOPE otherwise).")
    @APIResponse(responseCode = "200", description = "code, token and lookupUrl")
    @APIResponse(responseCode = "409", description = "NOT_RECEIVED before receipt; CHILD_DOSSIER for a child of an inter-agency transfer")
    public DossierDtos.LookupTokenDto reissueLookupToken(@Context UriInfo uri, @PathParam("code") String code) {
        String c = checked(code);
        String token = publicLookup.reissue(c);
        return new DossierDtos.LookupTokenDto(c, token, publicLookup.link(c, token, applicationBase(uri)));
    }

    /**
     * Invites the citizen at the desk to rate this returned dossier at the unit's kiosk (issue 13 §2): the next kiosk
     * of the unit that polls shows it. Desk officers of the receiving unit.
     */
    @POST
    @Path("{code}/kiosk-invitation")
    @Operation(summary = "Invite the applicant to rate this returned dossier at the unit's kiosk (desk officers)")
    @APIResponse(responseCode = "204", description = "the kiosk will show it (for 2 minutes)")
    @APIResponse(responseCode = "409", description = "NOT_RETURNED, ALREADY_RATED")
    public Response inviteToKiosk(@PathParam("code") String code) {
        ratings.inviteAtKiosk(checked(code));
        return Response.noContent().build();
    }

    /** The application's address as this request reached it ({@code http://host:port/motcua}). */
    private static String applicationBase(UriInfo uri) {
        String api = uri.getBaseUri().toString(); // …/motcua/api/
        return api.endsWith("/api/") ? api.substring(0, api.length() - "/api/".length()) : null;
    }

    /** Accepts an online submission or a dossier completed after a supplement request at intake. */
    @POST
    @Path("{code}/accept")
    @APIResponse(responseCode = "200", description = DONE, content = @Content(schema = @Schema(implementation = DossierDtos.DossierDto.class)))
    @APIResponse(responseCode = "202", description = HELD, content = @Content(schema = @Schema(implementation = DossierDtos.BackdatingRequestDto.class)))
    @Operation(summary = "Accept a dossier awaiting intake: the clock starts and the appointment is set")
    public DossierDtos.DossierDto accept(@PathParam("code") String code, DossierDtos.ActionDto body) {
        return act(code, body, (c, b) -> intake.accept(c, b.note(), time(b), b.expectedVersion()));
    }

    /** Supplement request: at intake for an online submission, otherwise during appraisal (pauses the clock). */
    @POST
    @Path("{code}/request-supplement")
    @APIResponse(responseCode = "200", description = DONE, content = @Content(schema = @Schema(implementation = DossierDtos.DossierDto.class)))
    @APIResponse(responseCode = "202", description = HELD, content = @Content(schema = @Schema(implementation = DossierDtos.BackdatingRequestDto.class)))
    @Operation(summary = "Request a supplement listing every missing item (form 02); the note is kept in the history after the items")
    public DossierDtos.DossierDto requestSupplement(@PathParam("code") String code, DossierDtos.ActionDto body) {
        return act(code, body, (c, b) -> processing.find(c).status().allows(DossierAction.REQUEST_SUPPLEMENT_AT_INTAKE)
            ? intake.requestSupplementAtIntake(c, b.items(), b.note(), time(b), b.expectedVersion())
            : processing.requestSupplement(c, b.items(), b.note(), time(b), b.expectedVersion()));
    }

    /** Refuses a dossier awaiting intake (form 03). */
    @POST
    @Path("{code}/refuse")
    @APIResponse(responseCode = "200", description = DONE, content = @Content(schema = @Schema(implementation = DossierDtos.DossierDto.class)))
    @APIResponse(responseCode = "202", description = HELD, content = @Content(schema = @Schema(implementation = DossierDtos.BackdatingRequestDto.class)))
    @Operation(summary = "Refuse a dossier awaiting intake, with the reason (form 03)")
    public DossierDtos.DossierDto refuse(@PathParam("code") String code, DossierDtos.ActionDto body) {
        return act(code, body, (c, b) -> intake.refuse(c, b.reason(), time(b), b.expectedVersion()));
    }

    /** Assigns the current step to {@code handler}. */
    @POST
    @Path("{code}/assign")
    @APIResponse(responseCode = "200", description = DONE, content = @Content(schema = @Schema(implementation = DossierDtos.DossierDto.class)))
    @APIResponse(responseCode = "202", description = HELD, content = @Content(schema = @Schema(implementation = DossierDtos.BackdatingRequestDto.class)))
    @Operation(summary = "Assign the current step to a handler")
    public DossierDtos.DossierDto assign(@PathParam("code") String code, DossierDtos.ActionDto body) {
        return act(code, body, (c, b) -> processing.assign(c, b.handler(), time(b), b.expectedVersion()));
    }

    /** Completes the current work step. */
    @POST
    @Path("{code}/complete-step")
    @APIResponse(responseCode = "200", description = DONE, content = @Content(schema = @Schema(implementation = DossierDtos.DossierDto.class)))
    @APIResponse(responseCode = "202", description = HELD, content = @Content(schema = @Schema(implementation = DossierDtos.BackdatingRequestDto.class)))
    @Operation(summary = "Complete the current work step and pass the dossier on")
    public DossierDtos.DossierDto completeStep(@PathParam("code") String code, DossierDtos.ActionDto body) {
        return act(code, body, (c, b) -> processing.completeStep(c, b.note(), time(b), b.expectedVersion()));
    }

    /** Approves at the approval step. */
    @POST
    @Path("{code}/approve")
    @APIResponse(responseCode = "200", description = DONE, content = @Content(schema = @Schema(implementation = DossierDtos.DossierDto.class)))
    @APIResponse(responseCode = "202", description = HELD, content = @Content(schema = @Schema(implementation = DossierDtos.BackdatingRequestDto.class)))
    @Operation(summary = "Approve at the approval step")
    public DossierDtos.DossierDto approve(@PathParam("code") String code, DossierDtos.ActionDto body) {
        return act(code, body, (c, b) -> processing.approve(c, b.note(), decision(b), time(b), b.expectedVersion()));
    }

    /** Reasoned rejection at the approval step. */
    @POST
    @Path("{code}/reject")
    @APIResponse(responseCode = "200", description = DONE, content = @Content(schema = @Schema(implementation = DossierDtos.DossierDto.class)))
    @APIResponse(responseCode = "202", description = HELD, content = @Content(schema = @Schema(implementation = DossierDtos.BackdatingRequestDto.class)))
    @Operation(summary = "Reject on the merits with a reasoned reply (NOT_APPROVED)")
    public DossierDtos.DossierDto reject(@PathParam("code") String code, DossierDtos.ActionDto body) {
        return act(code, body, (c, b) -> processing.disapprove(c, b.reason(), decision(b), time(b),
            b.expectedVersion()));
    }

    /** Sends the dossier back to the previous internal step for rework (reason required). */
    @POST
    @Path("{code}/return-for-rework")
    @APIResponse(responseCode = "200", description = DONE, content = @Content(schema = @Schema(implementation = DossierDtos.DossierDto.class)))
    @APIResponse(responseCode = "202", description = HELD, content = @Content(schema = @Schema(implementation = DossierDtos.BackdatingRequestDto.class)))
    @Operation(summary = "Send back to the previous internal step for rework (reason required; the appointment stays)")
    public DossierDtos.DossierDto returnForRework(@PathParam("code") String code, DossierDtos.ActionDto body) {
        return act(code, body, (c, b) -> processing.returnForRework(c, b.reason(), time(b), b.expectedVersion()));
    }

    /** Waiting for the applicant's financial obligation. */
    @POST
    @Path("{code}/request-financial-obligation")
    @APIResponse(responseCode = "200", description = DONE, content = @Content(schema = @Schema(implementation = DossierDtos.DossierDto.class)))
    @APIResponse(responseCode = "202", description = HELD, content = @Content(schema = @Schema(implementation = DossierDtos.BackdatingRequestDto.class)))
    @Operation(summary = "Ask the applicant to pay taxes or levies (pauses the clock where sector law says so)")
    public DossierDtos.DossierDto requestFinancialObligation(@PathParam("code") String code, DossierDtos.ActionDto body) {
        return act(code, body, (c, b) -> processing.requestFinancialObligation(c, b.reason(), time(b), b.expectedVersion()));
    }

    /** Resumes after supplement or payment; a paused clock restarts. */
    @POST
    @Path("{code}/resume")
    @APIResponse(responseCode = "200", description = DONE, content = @Content(schema = @Schema(implementation = DossierDtos.DossierDto.class)))
    @APIResponse(responseCode = "202", description = HELD, content = @Content(schema = @Schema(implementation = DossierDtos.BackdatingRequestDto.class)))
    @Operation(summary = "Resume after the applicant supplemented or paid; after a supplement, receivedItems"
        + " (default: every requested item) are recorded in the history")
    public DossierDtos.DossierDto resume(@PathParam("code") String code, DossierDtos.ActionDto body) {
        return act(code, body, (c, b) -> processing.resume(c, b.note(), b.receivedItems(), time(b), b.expectedVersion()));
    }

    /** Stops processing before a decision (Decree 118/2025 art. 21). */
    @POST
    @Path("{code}/stop")
    @APIResponse(responseCode = "200", description = DONE, content = @Content(schema = @Schema(implementation = DossierDtos.DossierDto.class)))
    @APIResponse(responseCode = "202", description = HELD, content = @Content(schema = @Schema(implementation = DossierDtos.BackdatingRequestDto.class)))
    @Operation(summary = "Stop processing at the applicant's request or by law (form 05)")
    public DossierDtos.DossierDto stop(@PathParam("code") String code, DossierDtos.ActionDto body) {
        return act(code, body, (c, b) -> processing.stop(c, b.reason(), time(b), b.expectedVersion()));
    }

    /** Stops processing because the applicant withdrew the dossier (Decree 118/2025 art. 21 cl. 1–2). */
    @POST
    @Path("{code}/withdraw")
    @APIResponse(responseCode = "200", description = DONE, content = @Content(schema = @Schema(implementation = DossierDtos.DossierDto.class)))
    @APIResponse(responseCode = "202", description = HELD, content = @Content(schema = @Schema(implementation = DossierDtos.BackdatingRequestDto.class)))
    @Operation(summary = "Stop processing because the applicant withdrew the dossier (rút hồ sơ, form 05); counted as"
        + " withdrawn, not stopped, in the period report")
    public DossierDtos.DossierDto withdraw(@PathParam("code") String code, DossierDtos.ActionDto body) {
        return act(code, body, (c, b) -> processing.withdraw(c, b.reason(), time(b), b.expectedVersion()));
    }

    /** Apology and new appointment (form 04), once per dossier. */
    @POST
    @Path("{code}/reschedule")
    @APIResponse(responseCode = "200", description = DONE, content = @Content(schema = @Schema(implementation = DossierDtos.DossierDto.class)))
    @APIResponse(responseCode = "202", description = HELD, content = @Content(schema = @Schema(implementation = DossierDtos.BackdatingRequestDto.class)))
    @Operation(summary = "Apologise and give a new appointment (form 04); once only, and only when the dossier is overdue"
        + " or cannot finish in time (409 NOT_LATE otherwise, see apologyDue); the dossier still counts as late")
    public DossierDtos.DossierDto reschedule(@PathParam("code") String code, DossierDtos.ActionDto body) {
        return act(code, body, (c, b) -> processing.reschedule(c, Times.parseMoment("newDueAt", b.newDueAt()),
            b.reason(), time(b), b.expectedVersion()));
    }

    /** Returns the result to {@code receivedBy}. */
    @POST
    @Path("{code}/return-result")
    @APIResponse(responseCode = "200", description = DONE, content = @Content(schema = @Schema(implementation = DossierDtos.DossierDto.class)))
    @APIResponse(responseCode = "202", description = HELD, content = @Content(schema = @Schema(implementation = DossierDtos.BackdatingRequestDto.class)))
    @Operation(summary = "Return the result to the applicant")
    public DossierDtos.DossierDto returnResult(@PathParam("code") String code, DossierDtos.ActionDto body) {
        return act(code, body, (c, b) -> processing.handOverResult(c, b.receivedBy(), b.method(), b.note(), time(b), b.expectedVersion()));
    }

    /** The dossier's inter-agency transfers (as sender and as receiver), by leg. */
    @GET
    @Path("{code}/transfers")
    @Operation(summary = "Inter-agency transfers of a dossier (liên thông): legs sent, or the transfer a child came from")
    public List<DossierDtos.TransferDto> transfers(@PathParam("code") String code) {
        List<InterAgencyTransfer> transfers = transferService.transfersOf(checked(code));
        Map<String, ReconciliationFinding> findings = transfers.isEmpty() ? Map.of()
            : reconciliation.openFindingsOf(code);
        List<TransferFile> announced = transfers.stream().anyMatch(t -> t.side() == TransferSide.RECEIVER)
            ? transferFiles.ofDossier(code) : List.of();
        return transfers.stream().map(t -> transfer(t, findings.get(t.transferId()), announced.stream()
            .filter(f -> f.transferId().equals(t.transferId())).map(DossierResource::transferFile).toList())).toList();
    }

    /**
     * The dossier's inter-agency exchanges as an evidence bundle (ZIP: entries.json with the hash chain values,
     * every payload as exchanged, verification.json), for an inspection or a dispute.
     */
    @GET
    @Path("{code}/evidence-bundle")
    @Produces({"application/zip", MediaType.APPLICATION_JSON})
    @Operation(summary = "Evidence bundle of the dossier's inter-agency exchanges (ZIP)")
    public Response evidenceBundle(@PathParam("code") String code) {
        byte[] zip = exchangeLog.evidenceBundle(checked(code));
        return Response.ok(zip, "application/zip")
            .header("Content-Disposition", "attachment; filename=\"lien-thong-" + code + ".zip\"").build();
    }

    /**
     * Transfers the dossier to the co-operating agency of one of its procedure's legs (liên thông): the dossier
     * waits for that agency and a submit-transfer message goes to the partner system serving it.
     */
    @POST
    @Path("{code}/transfer")
    @Operation(summary = "Transfer the dossier to a co-operating agency (inter-agency leg)",
        description = "Body: leg (required), receivingAgencyCode (when the leg names only a kind of agency), note, "
            + "expectedVersion. Answers the dossier, now WAITING_INTERAGENCY. 409 NOT_AT_LEG_STEP, TRANSFER_ALREADY_OPEN, "
            + "CONCURRENT_CHANGE; 422 UNKNOWN_LEG, RECEIVING_AGENCY_REQUIRED, AGENCY_NOT_OF_LEG, NO_PARTNER_FOR_AGENCY.")
    public DossierDtos.DossierDto transfer(@PathParam("code") String code, DossierDtos.ActionDto body) {
        return actOnTransfer(code, body, (c, b) -> {
            if (b.leg() == null) {
                throw Problems.badInput("Which leg?", List.of("leg: required, the procedure's inter-agency leg (1, 2, …)"));
            }
            transferService.startTransfer(c, b.leg(), b.receivingAgencyCode(), b.note(), b.expectedVersion());
        });
    }

    /** Child dossier: tells the sending agency that work is in progress (report-status). */
    @POST
    @Path("{code}/report-progress")
    @Operation(summary = "Child dossier received by transfer: report progress to the sending agency")
    public DossierDtos.DossierDto reportProgress(@PathParam("code") String code, DossierDtos.ActionDto body) {
        return actOnTransfer(code, body, (c, b) -> transferService.reportProgress(c, b.note(), b.expectedVersion()));
    }

    /** Child dossier: returns its result to the sending agency (return-result); the child becomes RETURNED. */
    @POST
    @Path("{code}/return-to-sender")
    @Operation(summary = "Child dossier received by transfer: return the result to the sending agency",
        description = "Body: note (the result in a sentence: notice number, amount…), expectedVersion. "
            + "409 NOT_INTERAGENCY_CHILD, ILLEGAL_TRANSITION (result not ready), CONCURRENT_CHANGE.")
    public DossierDtos.DossierDto returnToSender(@PathParam("code") String code, DossierDtos.ActionDto body) {
        return actOnTransfer(code, body, (c, b) -> transferService.returnToSender(c, b.note(), b.expectedVersion()));
    }

    /** Child dossier: refuses the transfer with a reason; the child is stopped and the sender told. */
    @POST
    @Path("{code}/refuse-transfer")
    @Operation(summary = "Child dossier received by transfer: refuse it with a reason (the sender's dossier is told)")
    public DossierDtos.DossierDto refuseTransfer(@PathParam("code") String code, DossierDtos.ActionDto body) {
        return actOnTransfer(code, body, (c, b) -> transferService.rejectTransfer(c, b.reason(), b.expectedVersion()));
    }

    private static DossierDtos.TransferFileDto transferFile(TransferFile f) {
        return new DossierDtos.TransferFileDto(f.fileName(), f.componentPosition(), f.sizeBytes(), f.sha256(),
            f.state().name(), f.reason(), f.attempts(), Times.format(f.endedAt()), f.dossierFileId());
    }

    private static DossierDtos.TransferDto transfer(InterAgencyTransfer t, ReconciliationFinding f,
                                                    List<DossierDtos.TransferFileDto> files) {
        return new DossierDtos.TransferDto(t.transferId(), t.side().name(), t.legPosition(), t.parentCode(),
            t.childCode(), t.sendingAgencyCode(), t.receivingAgencyCode(), t.receivingAgencyName(), t.partnerCode(),
            t.action(), t.status().name(), Times.format(t.transferredAt()), Times.format(t.statusAt()),
            Times.format(t.dueAt()), Times.format(t.resultAt()), t.resultSummary(), t.rejectionReason(),
            t.legTimeliness() == null ? null : t.legTimeliness().name(), t.ignoredUpdates(),
            f == null || t.side() != vn.gov.quangtri.motcua.interagency.domain.TransferSide.SENDER ? null
                : new DossierDtos.ReconciliationDto(f.kind().name(), f.partnerStatus() == null ? null : f.partnerStatus().name(),
                    Times.format(f.partnerStatusAt()), f.reason(), Times.format(f.firstSeenAt()), Times.format(f.lastSeenAt()),
                    f.seenCount()), files);
    }

    /** Runs an inter-agency action (which answers the transfer) and answers the dossier as it is now. */
    private DossierDtos.DossierDto actOnTransfer(String code, DossierDtos.ActionDto body,
                                                 BiConsumer<String, DossierDtos.ActionDto> action) {
        return act(code, body, (c, b) -> {
            if (b.occurredAt() != null || b.backdatingReason() != null || decision(b) != null) {
                throw Problems.badInput("An inter-agency message is dated when it is sent",
                    List.of("occurredAt: not accepted here"));
            }
            action.accept(c, b);
            return processing.find(c);
        });
    }

    /**
     * When the action happened: {@code occurredAt} (ISO-8601 with offset; omitted = now) and, when it lies more
     * than a working day back, {@code backdatingReason}.
     */
    private static ActionTime time(DossierDtos.ActionDto b) {
        Instant at = b.occurredAt() == null ? null : Times.parseMoment("occurredAt", b.occurredAt());
        return new ActionTime(at, b.backdatingReason());
    }

    /** The signed decision given with an approval or rejection, or null. */
    private static Decision decision(DossierDtos.ActionDto b) {
        return Decision.of(b.decisionNumber(), b.decisionDate() == null ? null
            : Times.parseDate("decisionDate", b.decisionDate()), b.decisionSigner());
    }

    /** Runs one lifecycle action on a checked code and a non-null body, answering the updated dossier. */
    private DossierDtos.DossierDto act(String code, DossierDtos.ActionDto body,
                                       BiFunction<String, DossierDtos.ActionDto, Dossier> action) {
        DossierDtos.ActionDto b = orEmpty(body);
        requireLengths(b);
        return dto(action.apply(checked(code), b));
    }

    /**
     * The documented limits of an action body's texts, checked for every field whatever the action reads (issue 16:
     * an over-long note on an action that does not keep one was silently dropped): 400 {@code TEXT_TOO_LONG} naming
     * each field and its limit.
     *
     * @throws vn.gov.quangtri.motcua.shared.domain.RuleViolationException {@code TEXT_TOO_LONG}
     */
    static void requireLengths(DossierDtos.ActionDto b) {
        List<String> errors = new java.util.ArrayList<>();
        limit(errors, "note", b.note(), Texts.LONG);
        limit(errors, "reason", b.reason(), Texts.LONG);
        limit(errors, "handler", b.handler(), 100);
        limit(errors, "receivedBy", b.receivedBy(), Texts.PERSON);
        limit(errors, "method", b.method(), 40);
        limit(errors, "newDueAt", b.newDueAt(), 100);
        limit(errors, "receivingAgencyCode", b.receivingAgencyCode(), 40);
        limit(errors, "occurredAt", b.occurredAt(), 100);
        limit(errors, "backdatingReason", b.backdatingReason(), Texts.LONG);
        limit(errors, "decisionNumber", b.decisionNumber(), 60);
        limit(errors, "decisionDate", b.decisionDate(), 100);
        limit(errors, "decisionSigner", b.decisionSigner(), 200);
        limitAll(errors, "items", b.items());
        limitAll(errors, "receivedItems", b.receivedItems());
        if (!errors.isEmpty()) {
            throw new vn.gov.quangtri.motcua.shared.domain.RuleViolationException("TEXT_TOO_LONG",
                "Text too long; nothing was changed", errors);
        }
    }

    private static void limit(List<String> errors, String field, String value, int max) {
        if (value != null && value.length() > max) {
            errors.add(field + ": at most " + max + " characters (" + value.length() + " given)");
        }
    }

    /** A list of texts: 4000 characters in all (as the missing items of a supplement request). */
    private static void limitAll(List<String> errors, String field, List<String> values) {
        long total = values == null ? 0 : values.stream().mapToLong(v -> v == null ? 0 : v.length()).sum();
        if (total > Texts.LONG) {
            errors.add(field + ": at most " + Texts.LONG + " characters in all (" + total + " given)");
        }
    }

    private DossierDtos.DossierDto dto(Dossier d) {
        return DossierAssembler.toDto(d, calendars.current(), clock.instant(), processing.allowedActions(d));
    }

    static String checked(String code) {
        if (!DossierCode.isValid(code)) {
            throw Problems.badInput("Not a dossier code",
                List.of("code: expected <unit identifier>-YYMMDD-XXXX, e.g. 000.00.21.H50-260302-0001"));
        }
        return code;
    }

    private static DossierDtos.ActionDto orEmpty(DossierDtos.ActionDto body) {
        return body == null ? new DossierDtos.ActionDto(null, null, null, null, null, null, null, null, null, null, null,
            null, null, null, null, null) : body;
    }
}
