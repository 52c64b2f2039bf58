package vn.gov.quangtri.motcua.api.rest.rating;

import jakarta.ejb.EJB;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import vn.gov.quangtri.motcua.api.rest.Problems;
import vn.gov.quangtri.motcua.api.rest.publicview.PublicRatingResource;
import vn.gov.quangtri.motcua.api.rest.publicview.PublicRatingResource.AnswerDto;
import vn.gov.quangtri.motcua.api.rest.publicview.PublicRatingResource.RatingDto;
import vn.gov.quangtri.motcua.rating.application.RatingService;

/**
 * The desk's rating kiosk over HTTP (issue 13 §2), for a kiosk device account (role {@code KIOSK}, HTTP Basic):
 * what a scanned code shows and the rating of a returned dossier of the kiosk's unit tree. The kiosk page
 * {@code /app/kiosk.xhtml} does the same through {@code RatingService}; this API serves a native kiosk application
 * and the tests.
 */
@Path("v1/kiosk")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Rating kiosk", description = "The unit's touch screen at the desk (kiosk device accounts only)")
public class KioskResource {

    @EJB
    private RatingService ratings;

    /** The rating as the kiosk sends it. */
    public record KioskRatingRequest(String code, List<AnswerDto> answers, String comment) {
    }

    /** What the kiosk shows for a scanned code: procedure, unit, whether it can be rated (nothing about the applicant). */
    @GET
    @Path("dossiers/{code}")
    @Operation(summary = "A scanned dossier as the kiosk shows it: procedure, unit, returned, rated")
    @APIResponse(responseCode = "200", description = "the dossier as the kiosk shows it")
    @APIResponse(responseCode = "403", description = "ROLE_REQUIRED (not a kiosk); another unit's dossier is 404 as an unknown code")
    @APIResponse(responseCode = "404", description = "unknown code or a child dossier of a transfer")
    public RatingService.KioskDossier dossier(@PathParam("code") String code) {
        return ratings.kioskView(code);
    }

    /** The dossier a desk officer invited to this kiosk, taken once; 204 when none waits. */
    @GET
    @Path("invitation")
    @Operation(summary = "Poll for a dossier a desk officer invited to this kiosk (POST /dossiers/{code}/kiosk-invitation)")
    @APIResponse(responseCode = "200", description = "the invited dossier (taken: no other kiosk gets it)")
    @APIResponse(responseCode = "204", description = "no invitation waits")
    public Response invitation() {
        return ratings.takeInvitation().map(d -> Response.ok(d).build()).orElse(Response.noContent().build());
    }

    /** Rates a returned dossier of the kiosk's unit tree once. */
    @POST
    @Path("ratings")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Rate a returned dossier of the kiosk's unit (answers as for /public/ratings)")
    @APIResponse(responseCode = "201", description = "the rating")
    @APIResponse(responseCode = "400", description = "INVALID_INPUT: unknown criterion or level, a criterion twice, no answer")
    @APIResponse(responseCode = "403", description = "ROLE_REQUIRED (not a kiosk); another unit's dossier is 404 as an unknown code")
    @APIResponse(responseCode = "404", description = "unknown code or a child dossier of a transfer")
    @APIResponse(responseCode = "409", description = "ALREADY_RATED or NOT_RETURNED; nothing changed")
    public Response rate(KioskRatingRequest body) {
        if (body == null) {
            throw Problems.badInput("A JSON body is required", List.of("code", "answers"));
        }
        var answers = PublicRatingResource.answers(body.answers());
        return Response.status(Response.Status.CREATED)
            .entity(RatingDto.of(ratings.rateAtKiosk(body.code(), answers, body.comment()))).build();
    }
}
