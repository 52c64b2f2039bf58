package vn.gov.quangtri.motcua.interagency.domain;

import jakarta.json.JsonObjectBuilder;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import vn.gov.quangtri.motcua.shared.domain.RuleViolationException;

/**
 * The document of {@code acknowledge}, {@code report-status}, {@code return-result} and
 * {@code query-status} messages (and of the status answers): which transfer, its new status, when, the
 * receiving side's child dossier code, and a note (rejection reason, result summary).
 *
 * @param transferId the transfer's UUID
 * @param status     the reported status; null in a query
 * @param at         when the status was reached (the partner's clock); null in a query
 * @param childCode  the child dossier's code at the receiving agency, may be null
 * @param note       rejection reason, result summary or progress note; may be null
 */
public record TransferUpdate(String transferId, TransferStatus status, Instant at, String childCode, String note) {

    /** Longest note (rejection reason, result summary): the columns hold 4,000, the history adds a prefix. */
    public static final int MAX_NOTE = 3000;

    public TransferUpdate {
        Objects.requireNonNull(transferId, "transferId");
    }

    /** A query for the status of a transfer. */
    public static TransferUpdate query(String transferId) {
        return new TransferUpdate(transferId, null, null, null, null);
    }

    /** The JSON document (compact, fixed key order). */
    public String toJson() {
        JsonObjectBuilder m = TransferPayload.JSON.createObjectBuilder();
        TransferPayload.put(m, "transferId", transferId);
        TransferPayload.put(m, "status", status == null ? null : status.name());
        TransferPayload.put(m, "at", TransferPayload.time(at));
        TransferPayload.put(m, "childCode", childCode);
        TransferPayload.put(m, "note", note);
        return TransferPayload.write(m.build());
    }

    /**
     * Reads an update; a status and a time are required unless {@code query}. Checked against the contract
     * (security issue 16 §2–3): {@code transferId} a UUID, {@code at} in the years {@value TransferPayload#FIRST_YEAR}–{@value
     * TransferPayload#LAST_YEAR}, {@code childCode} at most 40 characters, {@code note} at most {@value #MAX_NOTE}.
     *
     * @throws RuleViolationException {@code MALFORMED_PAYLOAD} listing every problem
     */
    public static TransferUpdate fromJson(String json, boolean query) {
        TransferPayload.Fields f = new TransferPayload.Fields(TransferPayload.readObject(json), "");
        String id = f.text("transferId");
        if (id != null && !TransferPayload.UUID_TEXT.matcher(id).matches()) {
            f.errors.add("transferId: a UUID (36 characters)");
        }
        TransferStatus status = null;
        Instant at = null;
        if (!query) {
            String s = f.text("status");
            if (s != null) {
                try {
                    status = TransferStatus.valueOf(s);
                } catch (IllegalArgumentException e) {
                    f.errors.add("status: one of " + List.of(TransferStatus.values()));
                }
            }
            at = f.instant("at");
        }
        String child = f.max("childCode", f.optional("childCode"), 40);
        String note = f.max("note", f.optional("note"), MAX_NOTE);
        List<String> errors = new ArrayList<>(f.errors);
        if (!errors.isEmpty()) {
            throw new RuleViolationException("MALFORMED_PAYLOAD",
                "The status document is incomplete: " + String.join("; ", errors), errors);
        }
        return new TransferUpdate(id, status, at, child, note);
    }
}
