package vn.gov.quangtri.motcua.api.rest.portal;

import jakarta.ejb.EJB;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import vn.gov.quangtri.motcua.api.rest.Params;
import vn.gov.quangtri.motcua.api.rest.Problems;
import vn.gov.quangtri.motcua.api.rest.Times;
import vn.gov.quangtri.motcua.portal.application.PortalOutbox;
import vn.gov.quangtri.motcua.portal.application.PortalReconciliation;
import vn.gov.quangtri.motcua.portal.domain.PortalDifference;
import vn.gov.quangtri.motcua.portal.domain.PortalMessage;
import vn.gov.quangtri.motcua.portal.infrastructure.PortalDispatcher;

/**
 * The synchronisation with the national portal as system administrators watch and steer it (issue 15 §3): counts by
 * state, a dossier's messages, the rejects list with re-send and discard, "send now", and the differences the nightly
 * reconciliation found (issue 15 §4) with the re-send of a whole dossier. web.xml requires an account;
 * the service requires SYSTEM_ADMIN (403 {@code ROLE_REQUIRED} otherwise).
 */
@Path("v1/portal")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "National portal synchronisation")
public class PortalSyncResource {

    @EJB
    private PortalOutbox outbox;

    @EJB
    private PortalDispatcher dispatcher;

    @EJB
    private PortalReconciliation reconciliation;

    /**
     * A difference between a dossier and the portal's copy.
     *
     * @param kind   NOT_ON_PORTAL, STATUS, APPOINTMENT, NEW_APPOINTMENT, COMPLETION, RETURN, RESULT_NUMBER, RESULT_FILE
     * @param ours   our value as sent (status 1–10, moments yyyyMMddHHmmss Vietnam time), null for none
     * @param portal the portal's value, null for none or when the portal does not know the dossier
     * @param runId  the batch execution that last found it
     */
    public record DifferenceDto(long id, String dossierCode, String kind, String ours, String portal,
                                String firstFoundAt, String foundAt, Long runId, boolean resolved, String resolvedAt) {
        static DifferenceDto of(PortalDifference f) {
            return new DifferenceDto(f.id(), f.dossierCode(), f.kind().name(), f.ours(), f.portal(),
                Times.format(f.firstFoundAt()), Times.format(f.foundAt()), f.runId(), f.resolved(),
                Times.format(f.resolvedAt()));
        }
    }

    /** A page of differences: {@code total} of the filter, the page's {@code offset} and {@code limit}. */
    public record DifferencePageDto(long total, int offset, int limit, List<DifferenceDto> items) {
    }

    /**
     * A message to the portal.
     *
     * @param sequence  its place in the dossier's sequence ({@code SoThuTu})
     * @param eventAt   the business time of the event it reports (Vietnam time)
     * @param state     PENDING, SENT, REJECTED or DISCARDED
     * @param lastError the last failure, or the portal's reason for a refusal
     * @param payload   the JSON sent
     */
    public record PortalMessageDto(long id, String dossierCode, int sequence, String eventAction, String eventAt,
                                   String state, int attempts, String createdAt, String nextAttemptAt, String sentAt,
                                   String rejectedAt, String lastError, String decidedBy, String decisionReason,
                                   String payload) {
        static PortalMessageDto of(PortalMessage m) {
            return new PortalMessageDto(m.id(), m.dossierCode(), m.sequence(), m.eventAction(), Times.format(m.eventAt()),
                m.state().name(), m.attempts(), Times.format(m.createdAt()), Times.format(m.nextAttemptAt()),
                Times.format(m.sentAt()), Times.format(m.rejectedAt()), m.lastError(), m.decidedBy(),
                m.decisionReason(), m.payload());
        }
    }

    /** @param reason why the message is given up (required) */
    public record DiscardDto(String reason) {
    }

    /** Counts by state and the configured portal address. */
    @GET
    @Path("sync")
    @Operation(summary = "Synchronisation with the national portal: messages by state (PENDING, SENT, REJECTED,"
        + " DISCARDED) and the configured address (system administrators)")
    public Map<String, Object> status() {
        Map<String, Object> out = new LinkedHashMap<>();
        outbox.counts().forEach((k, v) -> out.put(k.name(), v));
        out.put("baseUrl", ConfigProvider.getConfig().getOptionalValue("motcua.portal.base-url", String.class)
            .orElse(null));
        return out;
    }

    /** A dossier's messages in order. */
    @GET
    @Path("messages")
    @Operation(summary = "The portal messages of a dossier, in its order (system administrators)")
    public List<PortalMessageDto> messages(@QueryParam("dossier") String dossier) {
        if (dossier == null || dossier.isBlank() || dossier.length() > 40) {
            throw Problems.badInput("Which dossier?", List.of("dossier: a dossier code"));
        }
        return outbox.ofDossier(dossier.strip()).stream().map(PortalMessageDto::of).toList();
    }

    /** The rejects list. */
    @GET
    @Path("rejects")
    @Operation(summary = "The rejects list: messages the portal refused, with its reason; each holds back its dossier's"
        + " later messages until re-sent or discarded (system administrators)")
    public List<PortalMessageDto> rejects() {
        return outbox.inState(PortalMessage.State.REJECTED, 500).stream().map(PortalMessageDto::of).toList();
    }

    /** Re-sends a refused message with its payload rebuilt from the dossier as it is now. */
    @POST
    @Path("rejects/{id}/resend")
    @Operation(summary = "Send a refused message again, rebuilt from the dossier's current data (fix the data first)")
    @APIResponse(responseCode = "422", description = "NOT_REJECTED: the message is not on the rejects list")
    public PortalMessageDto resend(@PathParam("id") long id) {
        return PortalMessageDto.of(outbox.resend(id));
    }

    /** Gives up on a refused message, with a reason. */
    @POST
    @Path("rejects/{id}/discard")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Give up on a refused message (reason required); the dossier's later messages go on")
    @APIResponse(responseCode = "422", description = "TEXT_REQUIRED (reason), NOT_REJECTED")
    public PortalMessageDto discard(@PathParam("id") long id, DiscardDto body) {
        return PortalMessageDto.of(outbox.discard(id, body == null ? null : body.reason()));
    }

    /** The differences found by the reconciliation, by dossier code. */
    @GET
    @Path("differences")
    @Operation(summary = "Differences between our dossiers and the portal's copies found by the nightly job"
        + " portal-reconciliation, by dossier code; open ones unless all=true (system administrators)")
    @APIResponse(responseCode = "400", description = "INVALID_INPUT: offset, limit (1-500), dossier, all")
    public DifferencePageDto differences(@QueryParam("dossier") String dossier, @QueryParam("all") String all,
                                         @QueryParam("offset") String offsetParam,
                                         @QueryParam("limit") String limitParam) {
        int offset = Params.integer("offset", offsetParam, 0, 0, Integer.MAX_VALUE);
        int limit = Params.integer("limit", limitParam, 50, 1, 500);
        if (dossier != null && (dossier.isBlank() || dossier.length() > 40)) {
            throw Problems.badInput("Which dossier?", List.of("dossier: a dossier code"));
        }
        if (all != null && !all.equals("true") && !all.equals("false")) {
            throw Problems.badInput("Parameter 'all' is true or false", List.of("all: '" + all + "'"));
        }
        PortalReconciliation.Page page = reconciliation.differences(dossier == null ? null : dossier.strip(),
            !"true".equals(all), offset, limit);
        return new DifferencePageDto(page.total(), offset, limit,
            page.items().stream().map(DifferenceDto::of).toList());
    }

    /** Sends a whole dossier to the portal again, as it stands now. */
    @POST
    @Path("dossiers/{code}/resend")
    @Operation(summary = "Send a dossier to the portal again as it stands (a fresh message for its latest event, after"
        + " a difference); audited (system administrators)")
    @APIResponse(responseCode = "404", description = "NOT_FOUND: no such dossier")
    @APIResponse(responseCode = "422", description = "CHILD_NOT_SYNCHRONISED: a child dossier of an inter-agency transfer")
    public PortalMessageDto resendDossier(@PathParam("code") String code) {
        return PortalMessageDto.of(outbox.resendDossier(code));
    }

    /** Runs the sender now (as the timer would). */
    @POST
    @Path("dispatch")
    @Operation(summary = "Send the waiting messages now (system administrators)",
        description = "For when the portal is back: every pending message waiting for a retry becomes due"
            + " (madeDue), then one run of the sender goes (ran false when a run was already going).")
    public Map<String, Object> dispatch() {
        int due = outbox.retryNow();
        PortalDispatcher.Summary s = dispatcher.dispatchNow();
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("madeDue", due);
        out.put("ran", s != null);
        if (s != null) {
            out.put("sent", s.sent());
            out.put("rejected", s.rejected());
            out.put("failed", s.failed());
        }
        return out;
    }
}
