package vn.gov.quangtri.motcua.api.rest.interagency;

import jakarta.ejb.EJB;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import vn.gov.quangtri.motcua.api.rest.Actors;
import vn.gov.quangtri.motcua.api.rest.Problems;
import vn.gov.quangtri.motcua.api.rest.Times;
import vn.gov.quangtri.motcua.interagency.application.ExchangeLog;
import vn.gov.quangtri.motcua.interagency.application.Outbox;
import vn.gov.quangtri.motcua.interagency.domain.HashChain;
import vn.gov.quangtri.motcua.interagency.domain.OutboxMessage;

/**
 * The exchange as system administrators watch it over HTTP Basic (the same as the screen
 * {@code app/admin/exchange.xhtml}): the outbound queue, the dead-letter list with re-send, the latest
 * exchange-log entries (attempts and arrivals) and the verification of the exchange log's hash chain. web.xml requires an account; the services require
 * SYSTEM_ADMIN (403 {@code ROLE_REQUIRED} otherwise).
 */
@Path("v1/interagency")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Inter-agency exchange")
public class ExchangeAdminResource {

    @EJB
    private Outbox outbox;

    @EJB
    private ExchangeLog log;

    /**
     * An outbound message as administrators see it (never its credential).
     *
     * @param sequence      order of the message within its transfer (delivered in this order)
     * @param nextAttemptAt when the dispatcher tries a pending message next (exponential back-off)
     */
    public record OutboxMessageDto(String messageId, String partnerCode, String operation, String dossierCode,
                                   String transferId, int sequence, String status, int attempts, String createdAt,
                                   String nextAttemptAt, String sentAt, String lastError) {
    }

    /** @param limit at most this many messages (1–500): pending ones oldest first, then the latest sent. */
    @GET
    @Path("outbox")
    @Operation(summary = "Outbound queue: pending messages (oldest first), then the most recently sent (system administrators)")
    public List<OutboxMessageDto> queue(@QueryParam("limit") @DefaultValue("100") int limit) {
        if (limit < 1 || limit > 500) {
            throw Problems.badInput("limit out of range", List.of("limit: 1 to 500"));
        }
        return outbox.queue(limit).stream().map(ExchangeAdminResource::dto).toList();
    }

    @GET
    @Path("outbox/dead-letters")
    @Operation(summary = "Dead letters: messages given up after the maximum number of attempts (system administrators)")
    public List<OutboxMessageDto> deadLetters() {
        return outbox.deadLetters().stream().map(ExchangeAdminResource::dto).toList();
    }

    /** Puts a dead letter back in the queue with the same message id (the partner applies it at most once). */
    @POST
    @Path("outbox/{messageId}/resend")
    @Operation(summary = "Re-send a dead letter with the same message id (system administrators); 409 NOT_DEAD otherwise")
    public OutboxMessageDto resend(@PathParam("messageId") String messageId, @Context SecurityContext security) {
        return dto(outbox.resend(messageId, Actors.of(security, null)));
    }

    /**
     * An exchange-log entry as administrators see it.
     *
     * @param attemptId this entry's own id (a fresh UUID per try and per arrival), null before V18
     * @param outcome   QUEUED, DELIVERED, FAILED, REFUSED, ACCEPTED or REPLAYED; null before V18
     * @param detail    the outcome status (ACCEPTED, APPLIED, IGNORED, OK) or the reason of a failure or refusal
     */
    public record ExchangeEntryDto(long seq, String at, String direction, String partnerCode, String messageId,
                                   String attemptId, String operation, String dossierCode, String outcome,
                                   String detail, String payloadSha256, String entryHash) {
    }

    @GET
    @Path("exchange-log")
    @Operation(summary = "The latest exchange-log entries, newest first (system administrators): every message queued, "
        + "every delivery attempt (DELIVERED, FAILED, REFUSED) and every arrival (ACCEPTED, REPLAYED, REFUSED), each "
        + "with its attempt id beside the message id; messageId keeps one message's entries")
    public List<ExchangeEntryDto> exchangeLog(@QueryParam("limit") @DefaultValue("100") int limit,
                                              @QueryParam("messageId") String messageId) {
        if (limit < 1 || limit > 500) {
            throw Problems.badInput("limit out of range", List.of("limit: 1 to 500"));
        }
        return log.latest(limit, messageId).stream().map(e -> new ExchangeEntryDto(e.seq(), Times.format(e.at()),
            e.direction().name(), e.partnerCode(), e.messageId(), e.attemptId(),
            e.operation() == null ? null : e.operation().wireName(), e.dossierCode(),
            e.outcome() == null ? null : e.outcome().name(), e.detail(), e.payloadSha256(), e.entryHash())).toList();
    }

    @GET
    @Path("exchange-log/verification")
    @Operation(summary = "Verify the exchange log's hash chain: valid, entries, and the first broken entry if any")
    public HashChain.Verification verify() {
        return log.verify();
    }

    static OutboxMessageDto dto(OutboxMessage m) {
        return new OutboxMessageDto(m.messageId(), m.partnerCode(), m.operation().wireName(),
            m.transfer() == null ? null : m.transfer().parentCode(),
            m.transfer() == null ? null : m.transfer().transferId(), m.sequence(), m.status().name(), m.attempts(),
            Times.format(m.createdAt()), Times.format(m.nextAttemptAt()), Times.format(m.sentAt()), m.lastError());
    }
}
