package vn.gov.quangtri.motcua.interagency.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import vn.gov.quangtri.motcua.calendar.domain.TimeLimit;
import vn.gov.quangtri.motcua.calendar.domain.TimeLimitUnit;
import vn.gov.quangtri.motcua.shared.domain.RuleViolationException;
import vn.gov.quangtri.motcua.shared.domain.VietnamTime;

/**
 * The document of a {@code submit-transfer} message: the dossier data the receiving agency needs to
 * create its child dossier, the documents handed over and the requested action with its share of the
 * legal time. Moments are written as ISO-8601 with the Vietnam offset ({@code 2026-03-02T09:00+07:00}).
 *
 * @param transferId        the transfer's UUID, the same on both sides
 * @param parentCode        the citizen-facing dossier code (the parent's)
 * @param legPosition       which leg of the procedure (1-based)
 * @param procedureCode     procedure code in the provincial catalogue
 * @param procedureName     procedure name
 * @param sendingAgencyCode the agency that transfers (the parent's receiving unit)
 * @param sendingAgencyName its name
 * @param receivingAgencyCode the co-operating agency addressed
 * @param action            requested action code (e.g. {@code CADASTRAL_UPDATE})
 * @param actionName        requested action in Vietnamese
 * @param share             the leg's share of the legal time
 * @param channel           how the citizen submitted the parent dossier (DIRECT, ONLINE, POSTAL)
 * @param transferredAt     when the sending officer transferred it
 * @param dueAt             the leg's due moment (share counted from the transfer with the working calendar)
 * @param applicant         the applicant
 * @param documents         the documents handed over
 * @param note              the sending officer's note, may be null
 */
public record TransferPayload(String transferId, String parentCode, int legPosition, String procedureCode,
                              String procedureName, String sendingAgencyCode, String sendingAgencyName,
                              String receivingAgencyCode, String action, String actionName, TimeLimit share,
                              String channel, Instant transferredAt, Instant dueAt, ApplicantData applicant,
                              List<DocumentData> documents, String note) {

    /** The applicant's data as sent. */
    public record ApplicantData(String kind, String name, String idNumber, String phone, String email, String address) {
    }

    /** One document handed over. */
    public record DocumentData(int position, String name, String form, int quantity) {
    }

    public TransferPayload {
        Objects.requireNonNull(transferId, "transferId");
        Objects.requireNonNull(parentCode, "parentCode");
        Objects.requireNonNull(share, "share");
        Objects.requireNonNull(applicant, "applicant");
        documents = List.copyOf(documents);
    }

    /** The JSON document (compact, fixed key order). */
    public String toJson() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("transferId", transferId);
        m.put("parentCode", parentCode);
        m.put("legPosition", legPosition);
        m.put("procedureCode", procedureCode);
        m.put("procedureName", procedureName);
        m.put("sendingAgencyCode", sendingAgencyCode);
        m.put("sendingAgencyName", sendingAgencyName);
        m.put("receivingAgencyCode", receivingAgencyCode);
        m.put("action", action);
        m.put("actionName", actionName);
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("value", share.value());
        s.put("unit", share.unit().name());
        m.put("share", s);
        m.put("channel", channel);
        m.put("transferredAt", time(transferredAt));
        m.put("dueAt", time(dueAt));
        Map<String, Object> a = new LinkedHashMap<>();
        a.put("kind", applicant.kind());
        a.put("name", applicant.name());
        a.put("idNumber", applicant.idNumber());
        a.put("phone", applicant.phone());
        a.put("email", applicant.email());
        a.put("address", applicant.address());
        m.put("applicant", a);
        List<Object> docs = new ArrayList<>();
        for (DocumentData d : documents) {
            Map<String, Object> dm = new LinkedHashMap<>();
            dm.put("position", d.position());
            dm.put("name", d.name());
            dm.put("form", d.form());
            dm.put("quantity", d.quantity());
            docs.add(dm);
        }
        m.put("documents", docs);
        m.put("note", note);
        return Json.write(m);
    }

    /**
     * Reads a submit-transfer document.
     *
     * @throws RuleViolationException {@code MALFORMED_PAYLOAD} listing every missing or malformed field
     */
    public static TransferPayload fromJson(String json) {
        Map<String, Object> m = Json.parseObject(json);
        Fields f = new Fields(m, "");
        Fields s = f.object("share");
        Fields a = f.object("applicant");
        List<DocumentData> docs = new ArrayList<>();
        List<Object> rawDocs = f.list("documents");
        for (int i = 0; i < rawDocs.size(); i++) {
            if (rawDocs.get(i) instanceof Map<?, ?> dm) {
                @SuppressWarnings("unchecked")
                Fields d = new Fields((Map<String, Object>) dm, "documents[" + i + "].");
                docs.add(new DocumentData(d.integer("position"), d.text("name"), d.text("form"), d.integer("quantity")));
                f.errors.addAll(d.errors);
            } else {
                f.errors.add("documents[" + i + "]: an object is expected");
            }
        }
        TimeLimit share = null;
        BigDecimal value = s.decimal("value");
        String unit = s.text("unit");
        if (value != null && unit != null) {
            try {
                share = new TimeLimit(value, TimeLimitUnit.valueOf(unit));
            } catch (IllegalArgumentException e) {
                s.errors.add("share: " + e.getMessage());
            }
        }
        String transferId = f.text("transferId");
        String parentCode = f.text("parentCode");
        int leg = f.integer("legPosition");
        String procedureCode = f.text("procedureCode");
        String procedureName = f.optional("procedureName");
        String sendingCode = f.text("sendingAgencyCode");
        String sendingName = f.optional("sendingAgencyName");
        String receivingCode = f.text("receivingAgencyCode");
        String action = f.text("action");
        String actionName = f.text("actionName");
        String channel = f.text("channel");
        Instant transferredAt = f.instant("transferredAt");
        Instant dueAt = f.instant("dueAt");
        ApplicantData applicant = new ApplicantData(a.text("kind"), a.text("name"), a.optional("idNumber"),
            a.optional("phone"), a.optional("email"), a.optional("address"));
        String note = f.optional("note");
        List<String> errors = new ArrayList<>(f.errors);
        errors.addAll(s.errors);
        errors.addAll(a.errors);
        if (!errors.isEmpty() || share == null) {
            throw new RuleViolationException("MALFORMED_PAYLOAD",
                "The submit-transfer document is incomplete: " + String.join("; ", errors), errors);
        }
        return new TransferPayload(transferId, parentCode, leg, procedureCode, procedureName, sendingCode, sendingName,
            receivingCode, action, actionName, share, channel, transferredAt, dueAt, applicant, docs, note);
    }

    static String time(Instant at) {
        return at == null ? null : VietnamTime.offset(at).toString();
    }

    /** Typed access to the fields of a JSON object, collecting problems instead of failing on the first. */
    static final class Fields {
        final Map<String, Object> m;
        final String prefix;
        final List<String> errors = new ArrayList<>();

        Fields(Map<String, Object> m, String prefix) {
            this.m = m == null ? Map.of() : m;
            this.prefix = prefix;
        }

        String optional(String key) {
            Object v = m.get(key);
            if (v != null && !(v instanceof String)) {
                errors.add(prefix + key + ": text expected");
                return null;
            }
            return v == null || ((String) v).isBlank() ? null : ((String) v).strip();
        }

        String text(String key) {
            String v = optional(key);
            if (v == null && !errors.contains(prefix + key + ": text expected")) {
                errors.add(prefix + key + ": required");
            }
            return v;
        }

        BigDecimal decimal(String key) {
            Object v = m.get(key);
            if (v instanceof BigDecimal d) {
                return d;
            }
            if (v instanceof Number n) {
                return new BigDecimal(n.toString());
            }
            errors.add(prefix + key + ": number required");
            return null;
        }

        int integer(String key) {
            BigDecimal d = decimal(key);
            if (d == null) {
                return 0;
            }
            try {
                return d.intValueExact();
            } catch (ArithmeticException e) {
                errors.add(prefix + key + ": whole number required");
                return 0;
            }
        }

        Instant instant(String key) {
            String v = text(key);
            if (v == null) {
                return null;
            }
            try {
                return OffsetDateTime.parse(v).toInstant();
            } catch (DateTimeParseException e) {
                errors.add(prefix + key + ": ISO-8601 date-time with offset required");
                return null;
            }
        }

        @SuppressWarnings("unchecked")
        Fields object(String key) {
            Object v = m.get(key);
            if (!(v instanceof Map)) {
                errors.add(prefix + key + ": object required");
                return new Fields(Map.of(), prefix + key + ".");
            }
            return new Fields((Map<String, Object>) v, prefix + key + ".");
        }

        @SuppressWarnings("unchecked")
        List<Object> list(String key) {
            Object v = m.get(key);
            if (v == null) {
                return List.of();
            }
            if (!(v instanceof List)) {
                errors.add(prefix + key + ": array expected");
                return List.of();
            }
            return (List<Object>) v;
        }
    }
}
