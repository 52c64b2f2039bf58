package vn.gov.quangtri.motcua.dossier.application;

import vn.gov.quangtri.motcua.shared.domain.JsonFactories;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import vn.gov.quangtri.motcua.dossier.domain.Decision;
import vn.gov.quangtri.motcua.dossier.domain.DossierAction;

/**
 * An officer's action on a dossier with everything entered for it, apart from its time: what a backdating request
 * keeps while it waits for a leader ({@link BackdatingRequests}), to apply it unchanged once approved. Only the
 * fields the action uses are set; the others are null.
 *
 * @param action        the action
 * @param note          free note (accept, complete step, approve, resume, result hand-over, supplement request)
 * @param reason        reason (refuse, reject, return for rework, financial obligation, stop, reschedule)
 * @param handler       assign: the handler's user name
 * @param items         supplement request: the missing items
 * @param receivedItems resume: the requested items handed in; null for all
 * @param newDueAt      reschedule: the new appointment
 * @param receivedBy    result hand-over: who collected it
 * @param method        result hand-over: DIRECT, POSTAL or ONLINE; stop: {@value #WITHDRAWN} when the applicant
 *                      withdrew the dossier
 * @param decision      approve / reject: the signed decision; null when not given
 */
public record DossierCommand(DossierAction action, String note, String reason, String handler, List<String> items,
                             List<String> receivedItems, Instant newDueAt, String receivedBy, String method,
                             Decision decision) {

    /** {@link #method} of a stop because the applicant withdrew the dossier. */
    public static final String WITHDRAWN = "WITHDRAWN";

    /** Checks the action and copies the lists. */
    public DossierCommand {
        Objects.requireNonNull(action, "action");
        items = items == null ? null : List.copyOf(items.stream().map(s -> s == null ? "" : s).toList());
        receivedItems = receivedItems == null ? null
            : List.copyOf(receivedItems.stream().map(s -> s == null ? "" : s).toList());
    }

    /** An action with only a note. */
    public static DossierCommand withNote(DossierAction action, String note) {
        return new DossierCommand(action, note, null, null, null, null, null, null, null, null);
    }

    /** An action with only a reason. */
    public static DossierCommand withReason(DossierAction action, String reason) {
        return new DossierCommand(action, null, reason, null, null, null, null, null, null, null);
    }

    /** The command as JSON, for storage; absent fields are left out. */
    public String toJson() {
        JsonObjectBuilder b = JsonFactories.createObjectBuilder().add("action", action.name());
        put(b, "note", note);
        put(b, "reason", reason);
        put(b, "handler", handler);
        put(b, "items", items);
        put(b, "receivedItems", receivedItems);
        put(b, "newDueAt", newDueAt == null ? null : newDueAt.toString());
        put(b, "receivedBy", receivedBy);
        put(b, "method", method);
        if (decision != null) {
            JsonObjectBuilder d = JsonFactories.createObjectBuilder();
            put(d, "number", decision.number());
            put(d, "date", decision.date() == null ? null : decision.date().toString());
            put(d, "signer", decision.signer());
            b.add("decision", d);
        }
        return b.build().toString();
    }

    /**
     * Reads a command stored by {@link #toJson()}.
     *
     * @throws jakarta.json.JsonException when the text is not such a command
     */
    public static DossierCommand fromJson(String json) {
        JsonObject o;
        try (var reader = JsonFactories.createReader(new StringReader(json))) {
            o = reader.readObject();
        }
        JsonObject d = o.containsKey("decision") ? o.getJsonObject("decision") : null;
        Decision decision = d == null ? null : new Decision(text(d, "number"),
            text(d, "date") == null ? null : LocalDate.parse(text(d, "date")), text(d, "signer"));
        return new DossierCommand(DossierAction.valueOf(o.getString("action")), text(o, "note"), text(o, "reason"),
            text(o, "handler"), list(o, "items"), list(o, "receivedItems"),
            text(o, "newDueAt") == null ? null : Instant.parse(text(o, "newDueAt")), text(o, "receivedBy"),
            text(o, "method"), decision);
    }

    /**
     * What the officer entered, as lines for the leader who decides (Vietnamese labels; times in Vietnam time);
     * empty when the action carries nothing but its time.
     */
    public List<String> summary() {
        List<String> lines = new java.util.ArrayList<>();
        line(lines, "Người xử lý", handler);
        if (items != null) {
            lines.add("Thành phần yêu cầu bổ sung: " + String.join("; ", items));
        }
        if (receivedItems != null) {
            lines.add("Đã nhận bổ sung: " + (receivedItems.isEmpty() ? "—" : String.join("; ", receivedItems)));
        }
        line(lines, "Ngày hẹn mới", newDueAt == null ? null
            : vn.gov.quangtri.motcua.shared.domain.VietnamTime.local(newDueAt).format(
                java.time.format.DateTimeFormatter.ofPattern("HH:mm dd/MM/yyyy")));
        line(lines, "Người nhận kết quả", receivedBy);
        line(lines, "Hình thức trả", receivedBy == null ? null : method);
        line(lines, "Lý do", reason);
        line(lines, "Ghi chú", note);
        if (decision != null) {
            lines.add("Quyết định số " + decision.number()
                + (decision.date() == null ? "" : " ngày " + decision.date().format(
                    java.time.format.DateTimeFormatter.ofPattern("dd/MM/yyyy")))
                + (decision.signer() == null ? "" : ", " + decision.signer()));
        }
        return lines;
    }

    private static void line(List<String> lines, String label, String value) {
        if (value != null && !value.isBlank()) {
            lines.add(label + ": " + value);
        }
    }

    private static void put(JsonObjectBuilder b, String name, String value) {
        if (value != null) {
            b.add(name, value);
        }
    }

    private static void put(JsonObjectBuilder b, String name, List<String> values) {
        if (values != null) {
            JsonArrayBuilder a = JsonFactories.createArrayBuilder();
            values.forEach(a::add);
            b.add(name, a);
        }
    }

    private static String text(JsonObject o, String name) {
        JsonValue v = o.get(name);
        return v instanceof JsonString s ? s.getString() : null;
    }

    private static List<String> list(JsonObject o, String name) {
        return o.containsKey(name) && o.get(name).getValueType() == JsonValue.ValueType.ARRAY
            ? o.getJsonArray(name).getValuesAs(JsonString.class).stream().map(JsonString::getString).toList() : null;
    }
}
