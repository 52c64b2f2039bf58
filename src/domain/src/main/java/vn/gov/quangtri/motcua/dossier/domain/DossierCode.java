package vn.gov.quangtri.motcua.dossier.domain;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.regex.Pattern;

/**
 * The dossier code (mã số hồ sơ), Circular 01/2018/TT-VPCP art. 19 as kept under Circular 03/2025:
 * {@code <electronic identifier of the receiving unit>-YYMMDD-XXXX}, e.g.
 * {@code 000.00.21.H50-260302-0007} = the 7th dossier received on 2/3/2026 by unit 000.00.21.H50.
 * Assigned once at registration and never changed or reused (docs/cases.md C22).
 *
 * <p>A value of this type is always well formed. The dossier stores it as its {@code code} column text and
 * queries compare that text, so {@link Dossier#code()} answers the text.
 *
 * @param value the code's text
 */
public record DossierCode(String value) {

    /** Full pattern of a dossier code. */
    public static final Pattern PATTERN =
        Pattern.compile("[0-9A-Z]{3}\\.[0-9A-Z]{2}\\.[0-9A-Z]{2}\\.[A-Z][0-9]{2}-[0-9]{6}-[0-9]{4}");
    private static final DateTimeFormatter YYMMDD = DateTimeFormatter.ofPattern("yyMMdd");

    /** @throws IllegalArgumentException when the text is not a dossier code */
    public DossierCode {
        if (!isValid(value)) {
            throw new IllegalArgumentException("not a valid dossier code: " + value);
        }
    }

    /**
     * Builds a code.
     *
     * @param unitEdocCode receiving unit's electronic identifier (Decision 20/2020/QĐ-TTg)
     * @param day          Vietnam-local registration date
     * @param sequence     the day's sequence for that unit, 1–9999
     * @throws IllegalArgumentException for a sequence outside 1–9999 or a malformed identifier
     */
    public static DossierCode of(String unitEdocCode, LocalDate day, int sequence) {
        if (sequence < 1 || sequence > 9999) {
            throw new IllegalArgumentException("daily sequence must be 1-9999: " + sequence);
        }
        return new DossierCode(unitEdocCode + "-" + YYMMDD.format(day) + "-" + String.format("%04d", sequence));
    }

    /** True when the text has the shape of a dossier code. */
    public static boolean isValid(String code) {
        return code != null && PATTERN.matcher(code).matches();
    }

    @Override
    public String toString() {
        return value;
    }
}
