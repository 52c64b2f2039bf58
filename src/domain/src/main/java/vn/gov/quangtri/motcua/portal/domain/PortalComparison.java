package vn.gov.quangtri.motcua.portal.domain;

import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The nightly reconciliation's comparison of one dossier with the national portal's copy (issue 15 §4): what we would
 * send now ({@link PortalPayload} of the dossier's latest event) against what the portal answers to
 * {@code GET /api/dossiers/{code}}. Compared members: {@code TrangThaiHoSo} (1–10), {@code NgayHenTra},
 * {@code NgayHenTraMoi}, {@code NgayKetThucXuLy}, {@code NgayTraKetQua}, {@code MaKetQua}, {@code TenTepKetQua}
 * (moments as the payload writes them, {@code yyyyMMddHHmmss} Vietnam time). Pure: no clock, no I/O.
 */
public final class PortalComparison {

    private PortalComparison() {
    }

    /** Kinds of difference, each with the payload member it compares (null for {@link #NOT_ON_PORTAL}). */
    public enum Kind {
        /** The portal does not know the dossier at all. */
        NOT_ON_PORTAL(null),
        /** The status code 1–10. */
        STATUS("TrangThaiHoSo"),
        /** The appointment. */
        APPOINTMENT("NgayHenTra"),
        /** The new appointment after an apology. */
        NEW_APPOINTMENT("NgayHenTraMoi"),
        /** The end of processing (result ready). */
        COMPLETION("NgayKetThucXuLy"),
        /** The return of the result. */
        RETURN("NgayTraKetQua"),
        /** The electronic result's number. */
        RESULT_NUMBER("MaKetQua"),
        /** The electronic result's file name. */
        RESULT_FILE("TenTepKetQua");

        private final String member;

        Kind(String member) {
            this.member = member;
        }

        /** The payload member compared, null for {@link #NOT_ON_PORTAL}. */
        public String member() {
            return member;
        }
    }

    /**
     * One difference.
     *
     * @param kind   what differs
     * @param ours   our value as sent ({@code null}: none)
     * @param portal the portal's value ({@code null}: none or the dossier is unknown there)
     */
    public record Difference(Kind kind, String ours, String portal) implements Serializable {
        private static final long serialVersionUID = 1L;

        public Difference {
            Objects.requireNonNull(kind, "kind");
        }
    }

    /**
     * Compares.
     *
     * @param ours   our payload for the dossier as it stands
     * @param portal the portal's copy, or null when the portal answered that it does not know the dossier
     * @return the differences in the order of {@link Kind}; empty when the portal agrees
     */
    public static List<Difference> compare(JsonObject ours, JsonObject portal) {
        Objects.requireNonNull(ours, "ours");
        List<Difference> out = new ArrayList<>();
        if (portal == null) {
            out.add(new Difference(Kind.NOT_ON_PORTAL, text(ours, Kind.STATUS.member()), null));
            return out;
        }
        for (Kind k : Kind.values()) {
            if (k.member() == null) {
                continue;
            }
            String a = text(ours, k.member());
            String b = text(portal, k.member());
            if (!Objects.equals(a, b)) {
                out.add(new Difference(k, a, b));
            }
        }
        return out;
    }

    /** A member as text: a string as is, a number in its JSON form, absent or null as null. */
    static String text(JsonObject o, String key) {
        JsonValue v = o.get(key);
        if (v == null || v.getValueType() == JsonValue.ValueType.NULL) {
            return null;
        }
        if (v instanceof JsonString s) {
            return s.getString();
        }
        if (v instanceof JsonNumber n) {
            return n.isIntegral() ? n.bigIntegerValue().toString() : n.bigDecimalValue().toPlainString();
        }
        return v.toString();
    }
}
