package vn.gov.quangtri.motcua.interagency.domain;

import java.util.Objects;

/**
 * What a partner system answered when we asked it ({@code query-status}) about a transfer we sent it
 * (transfer reconciliation, docs/interagency.md "Reconciliation").
 *
 * @param kind   KNOWN (it answered the transfer's state), UNKNOWN (it has no such transfer: 404 {@code NOT_FOUND}),
 *               UNREACHABLE (no answer: connection refused, timeout) or FAILED (it answered with another error, or
 *               we could not call it: inactive partner, credential missing, endpoint refused by the policy)
 * @param state  the partner's state of the transfer when KNOWN, else null
 * @param detail the error for UNREACHABLE and FAILED (English, for the administrators), else null
 */
public record PartnerAnswer(Kind kind, TransferUpdate state, String detail) {

    /** The kinds of answer. */
    public enum Kind { KNOWN, UNKNOWN, UNREACHABLE, FAILED }

    public PartnerAnswer {
        Objects.requireNonNull(kind, "kind");
        if (kind == Kind.KNOWN && (state == null || state.status() == null || state.at() == null)) {
            throw new IllegalArgumentException("A known transfer needs its status and its moment");
        }
    }

    /** The partner answered the transfer's state (status, moment, child code, note). */
    public static PartnerAnswer known(TransferUpdate state) {
        return new PartnerAnswer(Kind.KNOWN, state, null);
    }

    /** The partner has no such transfer. */
    public static PartnerAnswer unknown() {
        return new PartnerAnswer(Kind.UNKNOWN, null, null);
    }

    /** The partner did not answer. */
    public static PartnerAnswer unreachable(String detail) {
        return new PartnerAnswer(Kind.UNREACHABLE, null, detail == null || detail.isBlank() ? "no answer" : detail);
    }

    /** The partner answered with an error, or could not be called. */
    public static PartnerAnswer failed(String detail) {
        return new PartnerAnswer(Kind.FAILED, null, detail == null || detail.isBlank() ? "unknown error" : detail);
    }

    /**
     * The answer of a partner's REST endpoint to {@code query-status} (HTTP 200): the stored outcome
     * {@code {"status":"OK","body":{"transferId":…,"status":…,"at":…,"childCode":…,"note":…}}}.
     *
     * @return KNOWN with the body's state, or FAILED when the answer is not such a document
     */
    public static PartnerAnswer ofRestOutcome(String json) {
        try {
            jakarta.json.JsonObject o = TransferPayload.readObject(json);
            if (!(o.get("body") instanceof jakarta.json.JsonObject body)) {
                return failed("The answer to query-status has no body: " + abbreviate(json));
            }
            return ofStateJson(body.toString());
        } catch (RuntimeException e) {
            return failed("The answer to query-status is not a JSON document: " + abbreviate(json));
        }
    }

    /**
     * A transfer state as the partner's answer carries it (REST: the outcome's {@code body}; SOAP: the text of
     * {@code result/body}).
     *
     * @return KNOWN, or FAILED when the document lacks the status or its moment
     */
    public static PartnerAnswer ofStateJson(String json) {
        try {
            TransferUpdate state = TransferUpdate.fromJson(json, false);
            return known(state);
        } catch (RuntimeException e) {
            return failed("The partner's transfer state is not a status document: " + abbreviate(json));
        }
    }

    private static String abbreviate(String text) {
        if (text == null) {
            return "(empty)";
        }
        return text.length() > 300 ? text.substring(0, 300) + "…" : text;
    }
}
