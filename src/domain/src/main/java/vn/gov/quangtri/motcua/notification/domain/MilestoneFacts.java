package vn.gov.quangtri.motcua.notification.domain;

import java.text.NumberFormat;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import vn.gov.quangtri.motcua.shared.domain.VietnamTime;

/**
 * What a notification may tell about a dossier at a milestone, and how each fact is written in the applicant's
 * language (times in Asia/Ho_Chi_Minh as {@code dd/MM/yyyy HH:mm}; amounts in đồng). Never the ID number, address
 * or officers' names.
 *
 * @param applicant      the applicant's name as received
 * @param code           the dossier code
 * @param procedure      the procedure's name
 * @param unit           the receiving unit's name
 * @param appointment    the appointment (before an apology moved it); may be null
 * @param newAppointment the new appointment of an apology; null otherwise
 * @param items          what to bring for a supplement; empty otherwise
 * @param details        the officer's note: the supplement's note, the financial obligation's content and amount
 * @param feeVnd         the procedure's fee in đồng; null when the catalogue does not say
 * @param reason         why: the refusal's or the apology's reason
 * @param link           the public lookup page for the dossier
 */
public record MilestoneFacts(String applicant, String code, String procedure, String unit, Instant appointment,
                             Instant newAppointment, List<String> items, String details, Long feeVnd, String reason,
                             String link) {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm");

    public MilestoneFacts {
        items = items == null ? List.of() : List.copyOf(items);
    }

    /** Invented facts for the template editor's preview. */
    public static MilestoneFacts sample(String link) {
        return new MilestoneFacts("Trần Thị Mỹ Dung", "000.00.60.H50-260302-0007",
            "Đăng ký khai sinh", "UBND xã Vĩnh Linh", Instant.parse("2026-03-05T03:00:00Z"),
            Instant.parse("2026-03-10T09:30:00Z"), List.of("Bản sao Giấy chứng nhận kết hôn", "Tờ khai đăng ký khai sinh"),
            "Nộp lệ phí trước bạ 1.250.000 đồng tại Kho bạc Nhà nước", 8000L, "Hồ sơ phải lấy ý kiến cơ quan liên quan",
            link + "?code=000.00.60.H50-260302-0007");
    }

    /**
     * The placeholder values ({@link TemplateText#PLACEHOLDERS}) written in a language.
     *
     * @param language {@code vi} or {@code en}
     */
    public Map<String, String> values(String language) {
        boolean en = "en".equals(language);
        Map<String, String> v = new HashMap<>();
        v.put("applicant", orEmpty(applicant));
        v.put("code", orEmpty(code));
        v.put("procedure", orEmpty(procedure));
        v.put("unit", orEmpty(unit));
        v.put("appointment", time(appointment));
        v.put("newAppointment", time(newAppointment));
        v.put("items", items.isEmpty() ? "" : "- " + String.join("\n- ", items));
        v.put("details", orEmpty(details));
        v.put("fee", fee(feeVnd, en));
        v.put("reason", orEmpty(reason));
        v.put("link", orEmpty(link));
        return v;
    }

    /** A time as written in messages: {@code 05/03/2026 10:00} (Vietnam time); null → empty. */
    public static String time(Instant at) {
        return at == null ? "" : TIME.format(VietnamTime.local(at));
    }

    /** An amount: {@code 1.250.000 đồng} / {@code 1,250,000 VND}; 0 → none; null → as regulated. */
    public static String fee(Long vnd, boolean english) {
        if (vnd == null) {
            return english ? "as regulated" : "theo quy định";
        }
        if (vnd == 0) {
            return english ? "none" : "không thu";
        }
        NumberFormat f = NumberFormat.getIntegerInstance(english ? Locale.US : Locale.GERMANY);
        return f.format(vnd) + (english ? " VND" : " đồng");
    }

    private static String orEmpty(String s) {
        return s == null ? "" : s;
    }
}
