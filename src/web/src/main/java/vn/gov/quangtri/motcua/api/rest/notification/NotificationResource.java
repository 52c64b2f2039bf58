package vn.gov.quangtri.motcua.api.rest.notification;

import jakarta.ejb.EJB;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Locale;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import vn.gov.quangtri.motcua.api.rest.Problems;
import vn.gov.quangtri.motcua.api.rest.Times;
import vn.gov.quangtri.motcua.notification.application.Notifications;
import vn.gov.quangtri.motcua.notification.domain.Notification;
import vn.gov.quangtri.motcua.notification.domain.NotificationStatus;

/**
 * The applicants' notification outbox for administrators over HTTP Basic (the same as the screen
 * {@code app/admin/notifications.xhtml}): a system administrator sees every row, an agency administrator the rows of
 * its units' dossiers (403 {@code ROLE_REQUIRED} for other accounts; a row outside the caller's units is 404).
 */
@Path("v1/notifications")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Notifications", description = "Messages to applicants at the milestones of their dossiers")
public class NotificationResource {

    @EJB
    private Notifications notifications;

    /**
     * A notification as administrators see it.
     *
     * @param status        PENDING, SENT, FAILED or NOT_SENT
     * @param attempts      attempts since it was written or last re-sent
     * @param nextAttemptAt the next automatic attempt (back-off), null when none is planned
     * @param lastError     why the last attempt failed or why it was not sent
     */
    public record NotificationDto(long id, String dossierCode, String milestone, String channel, String language,
                                  String recipient, String subject, String body, String status, int attempts,
                                  String createdAt, String nextAttemptAt, String lastAttemptAt, String sentAt,
                                  String lastError) {
    }

    @GET
    @Operation(summary = "The outbox, newest first (system and agency administrators)")
    @APIResponse(responseCode = "200", description = "the rows",
        content = @Content(schema = @Schema(type = SchemaType.ARRAY, implementation = NotificationDto.class)))
    @APIResponse(responseCode = "400", description = "a bad status or limit (problem JSON)")
    public List<NotificationDto> list(
        @Parameter(description = "PENDING, SENT, FAILED or NOT_SENT") @QueryParam("status") String status,
        @Parameter(description = "a dossier code") @QueryParam("dossier") String dossier,
        @Parameter(description = "1 to 1000") @QueryParam("limit") @DefaultValue("200") int limit) {
        NotificationStatus s = null;
        if (status != null && !status.isBlank()) {
            try {
                s = NotificationStatus.valueOf(status.strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw Problems.badInput("Unknown status", List.of("status: PENDING, SENT, FAILED or NOT_SENT"));
            }
        }
        if (limit < 1 || limit > 1000) {
            throw Problems.badInput("limit out of range", List.of("limit: 1 to 1000"));
        }
        return notifications.list(s, dossier, limit).stream().map(NotificationResource::dto).toList();
    }

    @GET
    @Path("{id}")
    @Operation(summary = "One notification with its text")
    @APIResponse(responseCode = "200", description = "the row",
        content = @Content(schema = @Schema(implementation = NotificationDto.class)))
    @APIResponse(responseCode = "404", description = "unknown, or outside the caller's units")
    public NotificationDto get(@PathParam("id") long id) {
        return dto(notifications.find(id));
    }

    @POST
    @Path("{id}/resend")
    @Operation(summary = "Re-send a notification now (after a failure, once the mail session is configured, or again); "
        + "audited. 409 NOT_RESENDABLE while it waits for its first attempt")
    @APIResponse(responseCode = "200", description = "the row, PENDING again",
        content = @Content(schema = @Schema(implementation = NotificationDto.class)))
    @APIResponse(responseCode = "404", description = "unknown, or outside the caller's units")
    @APIResponse(responseCode = "409", description = "NOT_RESENDABLE")
    public NotificationDto resend(@PathParam("id") long id) {
        return dto(notifications.resend(id));
    }

    static NotificationDto dto(Notification n) {
        return new NotificationDto(n.id(), n.dossierCode(), n.milestone().name(), n.channel().name(), n.language(),
            n.recipient(), n.subject(), n.body(), n.status().name(), n.attempts(), Times.format(n.createdAt()),
            Times.format(n.nextAttemptAt()), Times.format(n.lastAttemptAt()), Times.format(n.sentAt()), n.lastError());
    }
}
