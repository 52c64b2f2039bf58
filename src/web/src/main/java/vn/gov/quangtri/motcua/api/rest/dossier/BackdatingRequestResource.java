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
import jakarta.ws.rs.core.MediaType;
import java.time.Clock;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import vn.gov.quangtri.motcua.api.rest.Problems;
import vn.gov.quangtri.motcua.calendar.application.CalendarService;
import vn.gov.quangtri.motcua.dossier.application.BackdatingApprovals;
import vn.gov.quangtri.motcua.dossier.application.BackdatingRequests;
import vn.gov.quangtri.motcua.dossier.application.ProcessingService;
import vn.gov.quangtri.motcua.dossier.domain.BackdatingRequest;

/**
 * Backdating requests: actions dated more than the approval limit (default 3 working days) before they were keyed,
 * waiting for a leader of the dossier's unit (docs/domain.md §3.4). An action endpoint answers 202 with such a
 * request; here a leader lists, approves or refuses them. Only requests of the caller's units are visible.
 */
@Path("v1/backdating-requests")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Backdating requests", description = "Actions keyed long after they happened, waiting for a leader")
public class BackdatingRequestResource {

    @EJB
    private BackdatingRequests requests;

    @EJB
    private BackdatingApprovals approvals;

    @EJB
    private ProcessingService processing;

    @EJB
    private CalendarService calendars;

    @Inject
    private Clock clock;

    /** A leader's decision: an optional note on approval, the reason on refusal. */
    public record DecisionNoteDto(String note) {
    }

    /** The requests of the caller's units with a status (default PENDING), oldest first, at most 500. */
    @GET
    @Operation(summary = "List backdating requests of your units (status PENDING, APPROVED or REFUSED; default PENDING)")
    public List<DossierDtos.BackdatingRequestDto> list(
        @Parameter(description = "PENDING (default), APPROVED or REFUSED") @QueryParam("status") String status) {
        return requests.inScope(status(status)).stream().map(DossierDtos.BackdatingRequestDto::of).toList();
    }

    /** One request. */
    @GET
    @Path("{id}")
    @Operation(summary = "One backdating request (404 when unknown or outside your units)")
    public DossierDtos.BackdatingRequestDto find(@PathParam("id") long id) {
        return DossierDtos.BackdatingRequestDto.of(requests.find(id));
    }

    /** Approves: the action is applied at its business time; answers the dossier as it is now. */
    @POST
    @Path("{id}/approve")
    @Operation(summary = "Approve (leaders of the dossier's unit, not the officer who keyed it): the action is applied"
        + " as keyed, at its business time; 409 DOSSIER_CHANGED_SINCE when the dossier moved on since")
    public DossierDtos.DossierDto approve(@PathParam("id") long id, DecisionNoteDto body) {
        var d = approvals.approve(id, body == null ? null : body.note());
        return DossierAssembler.toDto(d, calendars.current(), clock.instant(), processing.allowedActions(d));
    }

    /** Refuses: the dossier does not change. */
    @POST
    @Path("{id}/refuse")
    @Operation(summary = "Refuse, with the reason in note (422 REASON_REQUIRED without): the dossier does not change")
    public DossierDtos.BackdatingRequestDto refuse(@PathParam("id") long id, DecisionNoteDto body) {
        return DossierDtos.BackdatingRequestDto.of(approvals.refuse(id, body == null ? null : body.note()));
    }

    private static BackdatingRequest.Status status(String s) {
        if (s == null || s.isBlank()) {
            return BackdatingRequest.Status.PENDING;
        }
        try {
            return BackdatingRequest.Status.valueOf(s.strip());
        } catch (IllegalArgumentException e) {
            throw Problems.badInput("Unknown status", List.of("status: PENDING, APPROVED or REFUSED"));
        }
    }
}
