package vn.gov.quangtri.motcua.api.rest.interagency;

import jakarta.ejb.EJB;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import vn.gov.quangtri.motcua.api.rest.Problems;
import vn.gov.quangtri.motcua.interagency.application.ExchangeLog;
import vn.gov.quangtri.motcua.interagency.application.InboundExchange;
import vn.gov.quangtri.motcua.interagency.application.InboundRefusal;
import vn.gov.quangtri.motcua.interagency.application.InboundReceipt;
import vn.gov.quangtri.motcua.interagency.application.PartnerRegistry;
import vn.gov.quangtri.motcua.interagency.domain.PartnerSystem;
import vn.gov.quangtri.motcua.interagency.domain.XRoadHeader;

/**
 * The inbound partner API over REST (docs/interagency.md): {@code POST /api/v1/interagency/messages/{operation}}.
 * Partner systems are not accounts: they present their API key in {@code X-Api-Key} (checked by
 * {@link PartnerRegistry#authenticate}); the container's sign-in is not involved (web.xml leaves the path
 * open and {@code MotcuaAuthenticationMechanism} ignores it). The X-Road header travels as HTTP headers;
 * the body is the operation's JSON document, handed to {@link InboundExchange#receive} as received.
 *
 * <p>The answer is the stored outcome, {@code {"status":"ACCEPTED","body":{…transfer state…}}}, byte for
 * byte the same for every repeat of a message id; a repeat also carries {@code X-Replay: true}. Once the partner
 * is identified, every arrival is in the exchange log: accepted and replayed ones by {@link InboundExchange},
 * refused ones here ({@link InboundRefusal}, in a transaction of their own).
 */
@Path("v1/interagency/messages")
@Tag(name = "Inter-agency exchange", description = "Messages from partner systems (liên thông): API key in X-Api-Key, "
    + "X-Road header as HTTP headers, idempotent by message id")
public class InterAgencyResource {

    /** The header carrying the partner's API key (REST and SOAP). */
    public static final String API_KEY = "X-Api-Key";
    /** Response header of a repeated message id (nothing was changed). */
    public static final String REPLAY = "X-Replay";

    @EJB
    private PartnerRegistry partners;

    @EJB
    private InboundExchange inbound;

    @EJB
    private ExchangeLog log;

    /** Receives one partner message. */
    @POST
    @Path("{operation}")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Receive a partner message",
        description = "operation: submit-transfer (body: transfer document), acknowledge, report-status, return-result, "
            + "query-status (body: {\"transferId\":…} for a transfer, or {\"messageId\":…} for a message this partner "
            + "sent: answered with messageId, operation, dossierCode, status and the attempts logged). The answer is the "
            + "stored outcome, identical for a repeated X-Road-Id (then with X-Replay: true); a repeat is the same "
            + "message when its JSON content is the same after parsing. Limits of the documents (400 MALFORMED_PAYLOAD listing "
            + "each field otherwise): transferId a UUID (36 characters); legPosition 1-99; parentCode, procedureCode, action "
            + "at most 40 characters, agency codes 60, actionName and sendingAgencyName 300, procedureName 2000, note 3000, "
            + "document name 1000, childCode 40; at most 200 documents, position and quantity 1-999; share.value 0-10000; "
            + "moments (transferredAt, dueAt, at) ISO-8601 with offset in the years 2000-2099; applicant name 300, idNumber "
            + "30, phone 30, email 200, address 500; documents an array (never null); receivingAgencyCode not the "
            + "sendingAgencyCode; no member outside the contract and none given twice. Problems: 400 INVALID_XROAD_HEADER / "
            + "MALFORMED_PAYLOAD, "
            + "401 PARTNER_UNAUTHENTICATED, 403 AGENCY_NOT_SERVED / PARTNER_NOT_ADDRESSEE, 404 UNKNOWN_OPERATION / "
            + "NOT_FOUND (transfer), 409 MESSAGE_ID_REUSED, 422 business rules (UNKNOWN_AGENCY, UNKNOWN_PROCEDURE, "
            + "STATUS_NOT_FOR_OPERATION …).")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
        schema = @Schema(type = SchemaType.OBJECT, description = "TransferPayload (submit-transfer: at most 200 documents, "
            + "transferId a UUID, legPosition 1-99, lengths as in the operation's description) or TransferUpdate "
            + "(transferId a UUID, note at most 3000 characters)")))
    @APIResponse(responseCode = "200", description = "The outcome: {\"status\": ACCEPTED | APPLIED | IGNORED | OK, "
        + "\"body\": {transferId, status, at, childCode, note}}",
        content = @Content(mediaType = MediaType.APPLICATION_JSON))
    @APIResponse(responseCode = "400", description = "INVALID_XROAD_HEADER (every problem listed), MALFORMED_PAYLOAD",
        content = @Content(mediaType = Problems.PROBLEM_JSON))
    @APIResponse(responseCode = "401", description = "PARTNER_UNAUTHENTICATED: X-Api-Key missing, unknown or of an inactive partner",
        content = @Content(mediaType = Problems.PROBLEM_JSON))
    @APIResponse(responseCode = "403", description = "AGENCY_NOT_SERVED, PARTNER_NOT_ADDRESSEE",
        content = @Content(mediaType = Problems.PROBLEM_JSON))
    @APIResponse(responseCode = "404", description = "UNKNOWN_OPERATION; NOT_FOUND (no such transfer, or no message "
        + "with that id from this partner)", content = @Content(mediaType = Problems.PROBLEM_JSON))
    @APIResponse(responseCode = "409", description = "MESSAGE_ID_REUSED (same X-Road-Id, another operation or content), "
        + "CONCURRENT_CHANGE", content = @Content(mediaType = Problems.PROBLEM_JSON))
    public Response receive(
        @Parameter(description = "submit-transfer, acknowledge, report-status, return-result or query-status")
        @PathParam("operation") String operation,
        @Parameter(in = ParameterIn.HEADER, required = true, description = "INSTANCE/MEMBERCLASS/MEMBERCODE[/SUBSYSTEM], e.g. VN/GOV/000.00.00.H50/MOTCUA")
        @HeaderParam("X-Road-Client") String client,
        @Parameter(in = ParameterIn.HEADER, required = true, description = "INSTANCE/MEMBERCLASS/MEMBERCODE/SUBSYSTEM/SERVICECODE[/VERSION]")
        @HeaderParam("X-Road-Service") String service,
        @Parameter(in = ParameterIn.HEADER, required = true, description = "person or process on whose behalf the call is made")
        @HeaderParam("X-Road-UserId") String userId,
        @Parameter(in = ParameterIn.HEADER, required = true, description = "message id, unique per sender (a repeat returns the first outcome)")
        @HeaderParam("X-Road-Id") String messageId,
        @Parameter(in = ParameterIn.HEADER, required = true, description = "the partner's API key")
        @HeaderParam(API_KEY) String apiKey,
        String payload) {
        PartnerSystem partner = partners.authenticate(apiKey);
        XRoadHeader header;
        InboundReceipt receipt;
        try {
            header = new XRoadHeader(client, service, userId, messageId);
            receipt = inbound.receive(partner.code(), header, operation, payload);
        } catch (RuntimeException e) {
            InboundRefusal.record(log, partner.code(), messageId, operation, payload, e);
            throw e;
        }
        Response.ResponseBuilder r = Response.ok(outcomeJson(receipt), MediaType.APPLICATION_JSON_TYPE)
            .header("X-Road-Id", header.messageId());
        if (receipt.replay()) {
            r.header(REPLAY, "true");
        }
        return r.build();
    }

    /** {@code {"status":"…","body":<stored JSON>}}: deterministic, so a replay gives the same bytes. */
    static String outcomeJson(InboundReceipt receipt) {
        String body = receipt.outcome().body();
        String status = receipt.outcome().status();
        return "{\"status\":" + (status == null ? "null" : "\"" + status.replace("\\", "\\\\").replace("\"", "\\\"") + "\"")
            + ",\"body\":"
            + (body == null || body.isBlank() ? "null" : body) + "}";
    }
}
