package vn.gov.quangtri.motcua.api.rest.portal;

import jakarta.ejb.EJB;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import vn.gov.quangtri.motcua.api.rest.Times;
import vn.gov.quangtri.motcua.portal.application.PortalIntake;
import vn.gov.quangtri.motcua.portal.domain.PortalSubmission;
import vn.gov.quangtri.motcua.portal.infrastructure.PortalIntakePuller;

/**
 * Online submissions pulled from the national portal as system administrators watch them (issue 15 §3a): counts, the
 * not-taken list with the reason of each, "take again" after the cause was fixed, and "pull now". web.xml requires an
 * account; the service requires SYSTEM_ADMIN (403 {@code ROLE_REQUIRED} otherwise).
 */
@Path("v1/portal/intake")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "National portal online submissions")
public class PortalIntakeResource {

    @EJB
    private PortalIntake intake;

    @EJB
    private PortalIntakePuller puller;

    /**
     * A submission from the portal and what became of it.
     *
     * @param portalId     the portal's dossier id ({@code MaHoSoQG})
     * @param state        TAKEN or NOT_TAKEN
     * @param dossierCode  our dossier, when taken
     * @param reasonCode   why not taken (a reason code such as {@code UNKNOWN_PROCEDURE})
     * @param reason       why not taken, in words
     * @param submittedAt  when the citizen submitted it (Vietnam time)
     * @param acknowledgedAt when the portal recorded that we took it
     */
    public record SubmissionDto(long id, String portalId, String cursor, String state, String dossierCode,
                                String procedureCode, String unitCode, String applicantName, String submittedAt,
                                String reasonCode, String reason, int attempts, String firstSeenAt, String decidedAt,
                                String acknowledgedAt, String acknowledgementError) {
        static SubmissionDto of(PortalSubmission s) {
            return new SubmissionDto(s.id(), s.portalId(), s.cursor(), s.state().name(), s.dossierCode(),
                s.procedureCode(), s.unitCode(), s.applicantName(), Times.format(s.submittedAt()), s.reasonCode(),
                s.reason(), s.attempts(), Times.format(s.firstSeenAt()), Times.format(s.decidedAt()),
                Times.format(s.ackedAt()), s.ackError());
        }
    }

    /** Counts by state and the cursor. */
    @GET
    @Operation(summary = "Online submissions from the national portal: counts (TAKEN, NOT_TAKEN, UNACKNOWLEDGED)"
        + " (system administrators)")
    public Map<String, Object> status() {
        return new LinkedHashMap<>(intake.counts());
    }

    /** The not-taken list. */
    @GET
    @Path("not-taken")
    @Operation(summary = "Submissions that could not be taken (unknown procedure or unit, a bad file…) with the reason,"
        + " latest first (system administrators)")
    public List<SubmissionDto> notTaken() {
        return intake.inState(PortalSubmission.State.NOT_TAKEN, 500).stream().map(SubmissionDto::of).toList();
    }

    /** The taken submissions, latest first. */
    @GET
    @Path("taken")
    @Operation(summary = "Submissions taken as online dossiers, latest first, with our dossier code (system administrators)")
    public List<SubmissionDto> taken() {
        return intake.inState(PortalSubmission.State.TAKEN, 500).stream().map(SubmissionDto::of).toList();
    }

    /** Takes a not-taken submission again, after its cause was fixed. */
    @POST
    @Path("not-taken/{id}/retake")
    @Operation(summary = "Take a submission of the not-taken list again (files downloaded again), after the cause was"
        + " fixed, e.g. the procedure added to the catalogue (system administrators)")
    @APIResponse(responseCode = "422", description = "PORTAL_UNAVAILABLE: the portal cannot be reached")
    public SubmissionDto retake(@PathParam("id") long id) {
        return SubmissionDto.of(puller.retake(id));
    }

    /** Runs the pull now (as the timer would). */
    @POST
    @Path("pull")
    @Operation(summary = "Pull the new online submissions now instead of waiting for the timer (system administrators)")
    public Map<String, Object> pull() {
        intake.checkAdministrator();
        PortalIntakePuller.Summary s = puller.pullNow();
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("ran", s != null);
        if (s != null) {
            out.put("taken", s.taken());
            out.put("notTaken", s.notTaken());
            out.put("known", s.known());
            out.put("acknowledged", s.acknowledged());
            out.put("problem", s.problem());
        }
        return out;
    }
}
