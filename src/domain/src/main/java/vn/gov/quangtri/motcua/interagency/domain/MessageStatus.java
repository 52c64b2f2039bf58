package vn.gov.quangtri.motcua.interagency.domain;

import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import vn.gov.quangtri.motcua.shared.domain.RuleViolationException;

/**
 * The answer of {@code query-status} asked by message id (issue 11 §5): what became of a message the asking
 * partner sent us, and every arrival of it that the exchange log recorded.
 *
 * <pre>{"messageId":"…","operation":"submit-transfer","dossierCode":"…","status":"ACCEPTED",
 *  "attempts":[{"attemptId":"…","at":"2026-03-13T15:31+07:00","outcome":"ACCEPTED","detail":"ACCEPTED"}, …]}</pre>
 *
 * @param messageId   the message id asked about
 * @param operation   its operation's wire name, null if it named none we know
 * @param dossierCode the citizen-facing dossier code it concerns, null if unknown
 * @param status      the stored outcome status (ACCEPTED, APPLIED, IGNORED, OK) when it was applied; otherwise the
 *                    last arrival's outcome (REFUSED or FAILED)
 * @param attempts    its arrivals, oldest first
 */
public record MessageStatus(String messageId, String operation, String dossierCode, String status,
                            List<Attempt> attempts) {

    /** One arrival as logged. */
    public record Attempt(String attemptId, Instant at, String outcome, String detail) {
    }

    public MessageStatus {
        Objects.requireNonNull(messageId, "messageId");
        attempts = List.copyOf(attempts);
    }

    /**
     * The message id a {@code query-status} document asks about: {@code {"messageId":"…"}} without a
     * {@code transferId}; null when the document asks about a transfer (or is not an object, which the transfer
     * query then refuses).
     *
     * @throws RuleViolationException {@code MALFORMED_PAYLOAD} when {@code messageId} is not a non-blank text
     */
    public static String askedMessageId(String json) {
        JsonObject o;
        try {
            o = TransferPayload.readObject(json);
        } catch (RuleViolationException e) {
            return null;
        }
        if (!o.containsKey("messageId") || o.containsKey("transferId")) {
            return null;
        }
        if (!(o.get("messageId") instanceof JsonString s) || s.getString().isBlank() || s.getString().length() > 100) {
            throw new RuleViolationException("MALFORMED_PAYLOAD", "messageId must be the message id (1–100 characters)",
                List.of("messageId: 1–100 characters"));
        }
        return s.getString();
    }

    /** The JSON document (compact, fixed key order, moments in Vietnam time with offset). */
    public String toJson() {
        JsonObjectBuilder m = TransferPayload.JSON.createObjectBuilder();
        TransferPayload.put(m, "messageId", messageId);
        TransferPayload.put(m, "operation", operation);
        TransferPayload.put(m, "dossierCode", dossierCode);
        TransferPayload.put(m, "status", status);
        JsonArrayBuilder list = TransferPayload.JSON.createArrayBuilder();
        for (Attempt a : attempts) {
            JsonObjectBuilder b = TransferPayload.JSON.createObjectBuilder();
            TransferPayload.put(b, "attemptId", a.attemptId());
            TransferPayload.put(b, "at", TransferPayload.time(a.at()));
            TransferPayload.put(b, "outcome", a.outcome());
            TransferPayload.put(b, "detail", a.detail());
            list.add(b);
        }
        m.add("attempts", list);
        return TransferPayload.write(m.build());
    }
}
