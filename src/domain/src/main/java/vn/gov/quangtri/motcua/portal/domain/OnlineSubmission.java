package vn.gov.quangtri.motcua.portal.domain;

import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.text.Normalizer;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import vn.gov.quangtri.motcua.catalogue.domain.DocumentForm;
import vn.gov.quangtri.motcua.dossier.domain.Applicant;
import vn.gov.quangtri.motcua.dossier.domain.DocumentLine;
import vn.gov.quangtri.motcua.shared.domain.RuleViolationException;
import vn.gov.quangtri.motcua.shared.domain.VietnamTime;

/**
 * A dossier a citizen submitted online on the national portal, as the portal lists it (issue 15 §3a;
 * {@code GET <base>/api/dossiers/online}): the portal's dossier id, the procedure and receiving unit, the applicant,
 * the moment of submission and references to its files. {@link #of} reads one item of the listing; the rest maps it
 * onto an online intake: {@link #applicant()}, {@link #documents()}.
 *
 * @param portalId      {@code MaHoSoQG}: the portal's id of the dossier (what makes a second pull harmless)
 * @param cursor        {@code cursor}: its place in the portal's order
 * @param procedureCode {@code MaTTHC}
 * @param unitCode      {@code MaDonVi}: our internal code of the receiving unit or its electronic identifier
 * @param name          {@code ChuHoSo.HoTen}
 * @param idNumber      {@code ChuHoSo.SoGiayTo}, may be null
 * @param phone         {@code ChuHoSo.SoDienThoai}, may be null
 * @param address       {@code ChuHoSo.DiaChi}, may be null
 * @param email         {@code ChuHoSo.Email}, may be null
 * @param submittedAt   {@code NgayNop} ({@code yyyyMMddHHmmss}, Vietnam time): the business time of the submission
 * @param files         {@code TepDinhKem}, in order
 */
public record OnlineSubmission(String portalId, String cursor, String procedureCode, String unitCode, String name,
                               String idNumber, String phone, String address, String email, Instant submittedAt,
                               List<FileRef> files) {

    /** Reason of a listing item that cannot be read (kept on the not-taken list). */
    public static final String INVALID = "PORTAL_SUBMISSION_INVALID";

    /** Strict: 31 November, 30 February or hour 24 are refused, never moved to another day. */
    private static final DateTimeFormatter MOMENT = DateTimeFormatter.ofPattern("uuuuMMddHHmmss")
        .withResolverStyle(java.time.format.ResolverStyle.STRICT);
    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");

    /**
     * A file of the submission as announced.
     *
     * @param number    {@code SoThuTu}, from 1
     * @param name      {@code TenTep}, NFC
     * @param mediaType {@code LoaiTep} as the portal says (ours is read from the content)
     * @param size      {@code KichThuoc}, bytes
     * @param sha256    {@code SHA256}, lower-case hexadecimal
     * @param path      {@code DuongDan}: where the bytes are, under the portal's base
     * @param component {@code ThanhPhan}: position of the procedure's component it copies, or null
     */
    public record FileRef(int number, String name, String mediaType, long size, String sha256, String path,
                          Integer component) {
    }

    /**
     * Reads one item of the portal's listing.
     *
     * @throws RuleViolationException {@link #INVALID} naming the first member missing or wrong
     */
    public static OnlineSubmission of(JsonObject o) {
        String id = required(o, "MaHoSoQG", 60);
        String cursor = required(o, "cursor", 40);
        JsonObject who = o.get("ChuHoSo") instanceof JsonObject j ? j : JsonValue.EMPTY_JSON_OBJECT;
        List<FileRef> files = new ArrayList<>();
        JsonArray list = o.get("TepDinhKem") instanceof JsonArray a ? a : JsonValue.EMPTY_JSON_ARRAY;
        for (int i = 0; i < list.size(); i++) {
            if (!(list.get(i) instanceof JsonObject f)) {
                throw invalid("TepDinhKem[" + i + "]");
            }
            String sha = required(f, "SHA256", 64).toLowerCase(java.util.Locale.ROOT);
            if (!SHA256.matcher(sha).matches()) {
                throw invalid("TepDinhKem[" + i + "].SHA256");
            }
            Long size = number(f, "KichThuoc");
            if (size == null || size < 0) {
                throw invalid("TepDinhKem[" + i + "].KichThuoc");
            }
            Long n = number(f, "SoThuTu");
            Long component = number(f, "ThanhPhan");
            String path = required(f, "DuongDan", 500);
            if (!path.startsWith("/")) {
                throw invalid("TepDinhKem[" + i + "].DuongDan");
            }
            files.add(new FileRef(n == null ? i + 1 : n.intValue(),
                Normalizer.normalize(required(f, "TenTep", 255), Normalizer.Form.NFC), text(f, "LoaiTep"), size, sha,
                path, component == null ? null : component.intValue()));
        }
        return new OnlineSubmission(id, cursor, required(o, "MaTTHC", 60), required(o, "MaDonVi", 60),
            required(who, "HoTen", 300), text(who, "SoGiayTo"), text(who, "SoDienThoai"), text(who, "DiaChi"),
            text(who, "Email"), moment(required(o, "NgayNop", 14)), List.copyOf(files));
    }

    /** The applicant: an individual, with what the portal gave (white space of the identifier removed). */
    public Applicant applicant() {
        return new Applicant(Applicant.Kind.INDIVIDUAL, name, idNumber == null ? null : idNumber.replaceAll("\\s", ""),
            phone, email, address);
    }

    /**
     * The documents handed in: one line per component the files copy (in the order first met, the catalogue's name),
     * and one per file that names no component (the file's name); all electronic copies.
     */
    public List<DocumentLine> documents() {
        List<DocumentLine> out = new ArrayList<>();
        Set<Integer> seen = new LinkedHashSet<>();
        for (FileRef f : files) {
            if (f.component() == null) {
                out.add(new DocumentLine(null, f.name(), DocumentForm.COPY, 1));
            } else if (seen.add(f.component())) {
                out.add(new DocumentLine(f.component(), null, DocumentForm.COPY, 1));
            }
        }
        return out;
    }

    /**
     * The portal's moment {@code yyyyMMddHHmmss} in Vietnam time.
     *
     * @throws RuleViolationException {@link #INVALID}
     */
    static Instant moment(String value) {
        try {
            return LocalDateTime.parse(value, MOMENT).atZone(VietnamTime.ZONE).toInstant();
        } catch (DateTimeParseException e) {
            throw invalid("NgayNop");
        }
    }

    private static String required(JsonObject o, String key, int max) {
        String v = text(o, key);
        if (v == null || v.isBlank() || v.length() > max) {
            throw invalid(key);
        }
        return v.strip();
    }

    private static String text(JsonObject o, String key) {
        JsonValue v = o.get(key);
        if (v instanceof JsonString s) {
            String t = s.getString().strip();
            return t.isEmpty() ? null : t;
        }
        return null;
    }

    private static Long number(JsonObject o, String key) {
        return o.get(key) instanceof JsonNumber n && n.isIntegral() ? n.longValue() : null;
    }

    private static RuleViolationException invalid(String member) {
        return new RuleViolationException(INVALID, "The portal's submission has no valid " + member,
            List.of(member + ": missing or wrong"));
    }
}
