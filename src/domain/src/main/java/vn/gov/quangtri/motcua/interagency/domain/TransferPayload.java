package vn.gov.quangtri.motcua.interagency.domain;

import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.JsonWriter;
import jakarta.json.spi.JsonProvider;
import jakarta.json.stream.JsonLocation;
import jakarta.json.stream.JsonParser;
import jakarta.json.stream.JsonParsingException;
import java.io.StringReader;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import vn.gov.quangtri.motcua.calendar.domain.TimeLimit;
import vn.gov.quangtri.motcua.calendar.domain.TimeLimitUnit;
import vn.gov.quangtri.motcua.shared.domain.RuleViolationException;
import vn.gov.quangtri.motcua.shared.domain.VietnamTime;

/**
 * The document of a {@code submit-transfer} message: the dossier data the receiving agency needs to
 * create its child dossier, the documents handed over and the requested action with its share of the
 * legal time. Moments are written as ISO-8601 with the Vietnam offset ({@code 2026-03-02T09:00+07:00}).
 * (De)serialised with Jakarta JSON Processing: compact, members in a fixed order, so the same payload
 * always gives the same bytes (the exchange log hashes them).
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
 * @param files             the dossier's files the leg needs, by reference: the receiver fetches each one from the
 *                          sender ({@code GET /api/v1/interagency/transfers/{transferId}/files/{id}}) and checks its
 *                          size and SHA-256 on arrival (issue 15 §1); empty when none. Written only when not empty, so
 *                          a transfer without files has the same bytes as before files existed.
 */
public record TransferPayload(String transferId, String parentCode, int legPosition, String procedureCode,
                              String procedureName, String sendingAgencyCode, String sendingAgencyName,
                              String receivingAgencyCode, String action, String actionName, TimeLimit share,
                              String channel, Instant transferredAt, Instant dueAt, ApplicantData applicant,
                              List<DocumentData> documents, String note, List<FileData> files) {

    /** The applicant's data as sent. */
    public record ApplicantData(String kind, String name, String idNumber, String phone, String email, String address) {
    }

    /** One document handed over. */
    public record DocumentData(int position, String name, String form, int quantity) {
    }

    /**
     * One file handed over by reference.
     *
     * @param id        the file's id at the sender (the path element of its download)
     * @param component position of the dossier component it copies, or null
     * @param name      its original name (NFC, at most 255 characters)
     * @param mediaType its type as the sender detected it from the content
     * @param size      its size in bytes
     * @param sha256    SHA-256 of its bytes, 64 lower-case hexadecimal digits
     */
    public record FileData(long id, Integer component, String name, String mediaType, long size, String sha256) {
    }

    /** SHA-256 in hexadecimal. */
    public static final java.util.regex.Pattern SHA256_HEX = java.util.regex.Pattern.compile("[0-9a-f]{64}");
    /** Largest file a transfer may announce (the receiver's own limit, {@code motcua.files.max-bytes}, also applies). */
    public static final long MAX_FILE_BYTES = 1L << 30;

    /** At most this many documents in one transfer (security issue 16 §3). */
    public static final int MAX_DOCUMENTS = 200;
    /** Leg positions are 1 … this. */
    public static final int MAX_LEG = 99;
    /** A document's position and quantity are 1 … this. */
    public static final int MAX_DOCUMENT_NUMBER = 999;
    /** Largest share of the legal time, in its unit (a year of working days, hours of four years …). */
    public static final BigDecimal MAX_SHARE = new BigDecimal("10000");
    /** Longest sender's note: it goes into the child's history behind "Hồ sơ liên thông của hồ sơ &lt;code&gt;. " (4,000). */
    public static final int MAX_NOTE = 3000;
    /** Moments are accepted from this year … */
    public static final int FIRST_YEAR = 2000;
    /** … to this year (inclusive). */
    public static final int LAST_YEAR = 2099;
    /** A transfer id: a UUID in its 36-character text form. */
    public static final java.util.regex.Pattern UUID_TEXT =
        java.util.regex.Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    /** The members of a submit-transfer document; any other is refused (as the API refuses unknown fields). */
    static final java.util.Set<String> FIELDS = java.util.Set.of("transferId", "parentCode", "legPosition",
        "procedureCode", "procedureName", "sendingAgencyCode", "sendingAgencyName", "receivingAgencyCode", "action",
        "actionName", "share", "channel", "transferredAt", "dueAt", "applicant", "documents", "note", "files");

    /** The JSON-P provider, looked up once (the lookup goes through the service loader). */
    static final JsonProvider JSON = JsonProvider.provider();

    public TransferPayload {
        Objects.requireNonNull(transferId, "transferId");
        Objects.requireNonNull(parentCode, "parentCode");
        Objects.requireNonNull(share, "share");
        Objects.requireNonNull(applicant, "applicant");
        documents = List.copyOf(documents);
        files = files == null ? List.of() : List.copyOf(files);
    }

    /** The JSON document (compact, fixed key order). */
    public String toJson() {
        JsonObjectBuilder a = JSON.createObjectBuilder();
        put(a, "kind", applicant.kind());
        put(a, "name", applicant.name());
        put(a, "idNumber", applicant.idNumber());
        put(a, "phone", applicant.phone());
        put(a, "email", applicant.email());
        put(a, "address", applicant.address());
        JsonArrayBuilder docs = JSON.createArrayBuilder();
        for (DocumentData d : documents) {
            JsonObjectBuilder dm = JSON.createObjectBuilder();
            dm.add("position", d.position());
            put(dm, "name", d.name());
            put(dm, "form", d.form());
            dm.add("quantity", d.quantity());
            docs.add(dm);
        }
        JsonObjectBuilder m = JSON.createObjectBuilder();
        put(m, "transferId", transferId);
        put(m, "parentCode", parentCode);
        m.add("legPosition", legPosition);
        put(m, "procedureCode", procedureCode);
        put(m, "procedureName", procedureName);
        put(m, "sendingAgencyCode", sendingAgencyCode);
        put(m, "sendingAgencyName", sendingAgencyName);
        put(m, "receivingAgencyCode", receivingAgencyCode);
        put(m, "action", action);
        put(m, "actionName", actionName);
        m.add("share", JSON.createObjectBuilder().add("value", share.value()).add("unit", share.unit().name()));
        put(m, "channel", channel);
        put(m, "transferredAt", time(transferredAt));
        put(m, "dueAt", time(dueAt));
        m.add("applicant", a);
        m.add("documents", docs);
        put(m, "note", note);
        if (!files.isEmpty()) {
            JsonArrayBuilder fs = JSON.createArrayBuilder();
            for (FileData f : files) {
                JsonObjectBuilder fm = JSON.createObjectBuilder().add("id", f.id());
                if (f.component() == null) {
                    fm.addNull("component");
                } else {
                    fm.add("component", f.component());
                }
                put(fm, "name", f.name());
                put(fm, "mediaType", f.mediaType());
                fm.add("size", f.size());
                put(fm, "sha256", f.sha256());
                fs.add(fm);
            }
            m.add("files", fs);
        }
        return write(m.build());
    }

    /**
     * Reads a submit-transfer document and checks it against the contract (docs/interagency.md "submit-transfer
     * body"; security issue 16 §2–3): {@code transferId} a UUID; {@code legPosition} 1–{@value #MAX_LEG}; texts
     * no longer than their columns ({@code parentCode}, {@code procedureCode}, {@code action} 40,
     * agency codes 60, {@code actionName}, {@code sendingAgencyName} 300, {@code procedureName} 2,000,
     * {@code note} {@value #MAX_NOTE}, document names 1,000); {@code documents} an array (possibly empty, never
     * null or missing) of at most {@value #MAX_DOCUMENTS} documents, position and quantity
     * 1–{@value #MAX_DOCUMENT_NUMBER}; the share 0–{@code MAX_SHARE} (10,000) of its unit; moments in the years
     * {@value #FIRST_YEAR}–{@value #LAST_YEAR}, {@code dueAt} not before {@code transferredAt}; the receiving agency not the sending one; no member outside the
     * contract ({@code <path>: not a field of this document}, as the API refuses unknown fields). A text that is not
     * JSON is reported by line and column only, never with the parser's message.
     *
     * @throws RuleViolationException {@code MALFORMED_PAYLOAD} listing every missing, malformed or out-of-range field
     */
    public static TransferPayload fromJson(String json) {
        Fields f = new Fields(readObject(json), "");
        f.only(FIELDS);
        Fields s = f.object("share");
        s.only(java.util.Set.of("value", "unit"));
        Fields a = f.object("applicant");
        a.only(java.util.Set.of("kind", "name", "idNumber", "phone", "email", "address"));
        List<DocumentData> docs = new ArrayList<>();
        if (f.get("documents") == null && !f.m.containsKey("documents")) {
            f.errors.add("documents: required (an array, possibly empty)");
        } else if (f.get("documents") == null) {
            f.errors.add("documents: an array is expected, not null");
        }
        List<JsonValue> rawDocs = f.list("documents");
        if (rawDocs.size() > MAX_DOCUMENTS) {
            f.errors.add("documents: at most " + MAX_DOCUMENTS + " documents");
            rawDocs = List.of();
        }
        for (int i = 0; i < rawDocs.size(); i++) {
            if (rawDocs.get(i) instanceof JsonObject dm) {
                Fields d = new Fields(dm, "documents[" + i + "].");
                d.only(java.util.Set.of("position", "name", "form", "quantity"));
                DocumentData doc = new DocumentData(d.integer("position"), d.text("name"), d.text("form"),
                    d.integer("quantity"));
                d.range("position", doc.position(), 1, MAX_DOCUMENT_NUMBER);
                d.range("quantity", doc.quantity(), 1, MAX_DOCUMENT_NUMBER);
                d.max("name", doc.name(), 1000);
                d.max("form", doc.form(), 40);
                docs.add(doc);
                f.errors.addAll(d.errors);
            } else {
                f.errors.add("documents[" + i + "]: an object is expected");
            }
        }
        List<FileData> files = files(f);
        TimeLimit share = null;
        BigDecimal value = s.decimal("value");
        String unit = s.text("unit");
        if (value != null && value.compareTo(MAX_SHARE) > 0) {
            s.errors.add("share.value: at most " + MAX_SHARE.toPlainString());
        } else if (value != null && unit != null) {
            TimeLimitUnit u = java.util.Arrays.stream(TimeLimitUnit.values()).filter(x -> x.name().equals(unit))
                .findFirst().orElse(null);
            if (u == null) { // named with the allowed values, never the enum's class (issue 16)
                s.errors.add("share.unit: one of " + java.util.Arrays.toString(TimeLimitUnit.values()));
            } else {
                try {
                    share = new TimeLimit(value, u);
                } catch (IllegalArgumentException e) {
                    s.errors.add("share.value: zero or more");
                }
            }
        }
        String transferId = f.text("transferId");
        if (transferId != null && !UUID_TEXT.matcher(transferId).matches()) {
            f.errors.add("transferId: a UUID (36 characters, e.g. 6f1c2a3e-0b7d-4c55-9e0a-1d2c3b4a5f60)");
        }
        String parentCode = f.max("parentCode", f.text("parentCode"), 40);
        int leg = f.integer("legPosition");
        f.range("legPosition", leg, 1, MAX_LEG);
        String procedureCode = f.max("procedureCode", f.text("procedureCode"), 40);
        String procedureName = f.max("procedureName", f.optional("procedureName"), 2000);
        String sendingCode = f.max("sendingAgencyCode", f.text("sendingAgencyCode"), 60);
        String sendingName = f.max("sendingAgencyName", f.optional("sendingAgencyName"), 300);
        String receivingCode = f.max("receivingAgencyCode", f.text("receivingAgencyCode"), 60);
        String action = f.max("action", f.text("action"), 40);
        String actionName = f.max("actionName", f.text("actionName"), 300);
        String channel = f.max("channel", f.text("channel"), 20);
        Instant transferredAt = f.instant("transferredAt");
        Instant dueAt = f.instant("dueAt");
        ApplicantData applicant = new ApplicantData(a.text("kind"), a.text("name"), a.optional("idNumber"),
            a.optional("phone"), a.optional("email"), a.optional("address"));
        String note = f.max("note", f.optional("note"), MAX_NOTE);
        if (transferredAt != null && dueAt != null && dueAt.isBefore(transferredAt)) {
            f.errors.add("dueAt: must not be before transferredAt (the leg's share is counted from the transfer)");
        }
        if (sendingCode != null && sendingCode.equalsIgnoreCase(receivingCode)) {
            f.errors.add("receivingAgencyCode: must differ from sendingAgencyCode (an agency does not transfer to itself)");
        }
        List<String> errors = new ArrayList<>(f.errors);
        errors.addAll(s.errors);
        errors.addAll(a.errors);
        if (!errors.isEmpty() || share == null) {
            throw new RuleViolationException("MALFORMED_PAYLOAD",
                "The submit-transfer document is incomplete: " + String.join("; ", errors), errors);
        }
        return new TransferPayload(transferId, parentCode, leg, procedureCode, procedureName, sendingCode, sendingName,
            receivingCode, action, actionName, share, channel, transferredAt, dueAt, applicant, docs, note, files);
    }

    /**
     * The optional {@code files} member: at most {@value #MAX_DOCUMENTS} references, each with an id ≥ 1, a component
     * 1–{@value #MAX_DOCUMENT_NUMBER} or null, a valid file name ({@link vn.gov.quangtri.motcua.dossier.domain.FileName}),
     * a media type of at most 100 characters, a size 1 … {@link #MAX_FILE_BYTES} and a SHA-256 in hexadecimal; ids
     * unique. Problems are added to {@code f}.
     */
    private static List<FileData> files(Fields f) {
        List<JsonValue> raw = f.list("files");
        if (raw.size() > MAX_DOCUMENTS) {
            f.errors.add("files: at most " + MAX_DOCUMENTS + " files");
            return List.of();
        }
        List<FileData> out = new ArrayList<>();
        java.util.Set<Long> ids = new java.util.HashSet<>();
        for (int i = 0; i < raw.size(); i++) {
            if (!(raw.get(i) instanceof JsonObject fm)) {
                f.errors.add("files[" + i + "]: an object is expected");
                continue;
            }
            Fields d = new Fields(fm, "files[" + i + "].");
            d.only(java.util.Set.of("id", "component", "name", "mediaType", "size", "sha256"));
            BigDecimal id = d.decimal("id");
            BigDecimal size = d.decimal("size");
            Integer component = d.get("component") == null ? null : d.integer("component");
            if (component != null) {
                d.range("component", component, 1, MAX_DOCUMENT_NUMBER);
            }
            String name = d.text("name");
            if (name != null) {
                try {
                    name = vn.gov.quangtri.motcua.dossier.domain.FileName.of(name).value();
                } catch (RuleViolationException e) {
                    d.errors.add(d.prefix + "name: " + e.getMessage());
                }
            }
            String type = d.max("mediaType", d.text("mediaType"), 100);
            String sha = d.text("sha256");
            if (sha != null && !SHA256_HEX.matcher(sha).matches()) {
                d.errors.add(d.prefix + "sha256: 64 lower-case hexadecimal digits");
            }
            long idValue = whole(d, "id", id, 1, Long.MAX_VALUE);
            long sizeValue = whole(d, "size", size, 1, MAX_FILE_BYTES);
            if (idValue > 0 && !ids.add(idValue)) {
                d.errors.add(d.prefix + "id: given twice");
            }
            f.errors.addAll(d.errors);
            if (d.errors.isEmpty()) {
                out.add(new FileData(idValue, component, name, type, sizeValue, sha));
            }
        }
        return out;
    }

    private static long whole(Fields d, String key, BigDecimal v, long min, long max) {
        if (v == null) {
            return 0;
        }
        try {
            long n = v.longValueExact();
            if (n < min || n > max) {
                d.errors.add(d.prefix + key + ": a whole number from " + min + " to " + max);
                return 0;
            }
            return n;
        } catch (ArithmeticException e) {
            d.errors.add(d.prefix + key + ": whole number required");
            return 0;
        }
    }

    static String time(Instant at) {
        return at == null ? null : VietnamTime.offset(at).toString();
    }

    /** Adds a text member, or a JSON {@code null} for a missing value (the key is always written). */
    static void put(JsonObjectBuilder b, String key, String value) {
        if (value == null) {
            b.addNull(key);
        } else {
            b.add(key, value);
        }
    }

    /** Compact JSON text; JSON-P keeps the members in insertion order, so the bytes are deterministic. */
    static String write(JsonObject o) {
        StringWriter out = new StringWriter();
        try (JsonWriter w = JSON.createWriter(out)) {
            w.writeObject(o);
        }
        return out.toString();
    }

    /**
     * Parses a JSON object (one value, nothing but whitespace after it).
     *
     * @throws RuleViolationException {@code MALFORMED_PAYLOAD} for text that is not JSON or not an object;
     *                                no parser exception reaches the caller
     */
    static JsonObject readObject(String text) {
        if (text == null) {
            throw malformed("no payload");
        }
        JsonValue v;
        boolean trailing;
        try (JsonParser p = JSON.createParser(new StringReader(text))) {
            p.next();
            v = p.getValue();
            trailing = p.hasNext(); // Parsson already throws here for trailing content
        } catch (JsonParsingException e) {
            // where, never the parser's own text (issue 16: it named the parser's classes and internal states)
            JsonLocation at = e.getLocation();
            throw malformed(at == null || at.getLineNumber() < 1 ? "not valid JSON"
                : "not valid JSON at line " + at.getLineNumber() + ", column " + at.getColumnNumber());
        } catch (RuntimeException e) {
            // JsonException, a number out of BigDecimal's range, the nesting limit: all are bad input.
            throw malformed("not valid JSON");
        }
        if (trailing) {
            throw malformed("trailing characters after the JSON value");
        }
        if (!(v instanceof JsonObject o)) {
            throw malformed("a JSON object is expected");
        }
        return o;
    }

    /** @param what a neutral reason of our own ("not valid JSON at line 1, column 7"), never a parser's message */
    private static RuleViolationException malformed(String what) {
        return new RuleViolationException("MALFORMED_PAYLOAD", "The payload is not valid JSON: " + what,
            List.of("body: " + what));
    }

    /** Typed access to the fields of a JSON object, collecting problems instead of failing on the first. */
    static final class Fields {
        final JsonObject m;
        final String prefix;
        final List<String> errors = new ArrayList<>();

        Fields(JsonObject m, String prefix) {
            this.m = m == null ? JsonValue.EMPTY_JSON_OBJECT : m;
            this.prefix = prefix;
        }

        /** Adds a problem for each member not in {@code known} (in the order written). */
        void only(java.util.Set<String> known) {
            for (String key : m.keySet()) {
                if (!known.contains(key)) {
                    errors.add(prefix + key + ": not a field of this document");
                }
            }
        }

        /** The member, or null when absent or JSON {@code null}. */
        private JsonValue get(String key) {
            JsonValue v = m.get(key);
            return v == null || v.getValueType() == JsonValue.ValueType.NULL ? null : v;
        }

        String optional(String key) {
            JsonValue v = get(key);
            if (v == null) {
                return null;
            }
            if (!(v instanceof JsonString s)) {
                errors.add(prefix + key + ": text expected");
                return null;
            }
            return s.getString().isBlank() ? null : s.getString().strip();
        }

        String text(String key) {
            String v = optional(key);
            if (v == null && !errors.contains(prefix + key + ": text expected")) {
                errors.add(prefix + key + ": required");
            }
            return v;
        }

        BigDecimal decimal(String key) {
            if (get(key) instanceof JsonNumber n) {
                return n.bigDecimalValue();
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
            OffsetDateTime t;
            try {
                t = v.length() > 40 ? null : OffsetDateTime.parse(v);
            } catch (DateTimeParseException e) {
                t = null;
            }
            if (t == null) {
                errors.add(prefix + key + ": ISO-8601 date-time with offset required");
                return null;
            }
            if (t.getYear() < FIRST_YEAR || t.getYear() > LAST_YEAR) {
                errors.add(prefix + key + ": a moment in the years " + FIRST_YEAR + "–" + LAST_YEAR);
                return null;
            }
            return t.toInstant();
        }

        /** Records a problem when the text is longer than {@code max} characters; returns the text. */
        String max(String key, String value, int max) {
            if (value != null && value.length() > max) {
                errors.add(prefix + key + ": at most " + max + " characters");
            }
            return value;
        }

        /** Records a problem when a whole number (already read) is outside {@code min … max}. */
        void range(String key, int value, int min, int max) {
            if (get(key) instanceof JsonNumber && (value < min || value > max)
                && !errors.contains(prefix + key + ": whole number required")) {
                errors.add(prefix + key + ": a whole number from " + min + " to " + max);
            }
        }

        Fields object(String key) {
            if (get(key) instanceof JsonObject o) {
                return new Fields(o, prefix + key + ".");
            }
            errors.add(prefix + key + ": object required");
            return new Fields(JsonValue.EMPTY_JSON_OBJECT, prefix + key + ".");
        }

        List<JsonValue> list(String key) {
            JsonValue v = get(key);
            if (v == null) {
                return List.of();
            }
            if (!(v instanceof JsonArray a)) {
                errors.add(prefix + key + ": array expected");
                return List.of();
            }
            return a;
        }
    }
}
