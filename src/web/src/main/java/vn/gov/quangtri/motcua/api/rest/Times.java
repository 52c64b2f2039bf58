package vn.gov.quangtri.motcua.api.rest;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import vn.gov.quangtri.motcua.shared.domain.VietnamTime;

/**
 * Date-time formats of the API: moments are printed as ISO-8601 with the {@code +07:00} offset, to the
 * second ({@code 2026-03-04T10:00:00+07:00}); inputs may carry an offset or be Vietnam-local.
 */
public final class Times {

    private static final DateTimeFormatter OUT = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssXXX");

    private Times() {
    }

    /** Formats an instant in Asia/Ho_Chi_Minh, or null. */
    public static String format(Instant instant) {
        return instant == null ? null : OUT.format(VietnamTime.offset(instant.truncatedTo(ChronoUnit.SECONDS)));
    }

    /**
     * Parses {@code 2026-03-02T10:00}, {@code 2026-03-02T10:00:00+07:00} or {@code 2026-03-02} (= 00:00),
     * local values being Vietnam time.
     *
     * @param name parameter name for the error message
     * @throws BadInputException when the value is missing or malformed
     */
    public static Instant parseMoment(String name, String value) {
        if (value == null || value.isBlank()) {
            throw Problems.badInput("Parameter '" + name + "' is required", List.of(name + ": required"));
        }
        String v = value.strip();
        try {
            Instant parsed;
            if (v.length() == 10) {
                parsed = LocalDate.parse(v).atStartOfDay(VietnamTime.ZONE).toInstant();
            } else if (v.endsWith("Z") || v.matches(".*[+-]\\d\\d:\\d\\d$")) {
                parsed = OffsetDateTime.parse(v).toInstant();
            } else {
                parsed = LocalDateTime.parse(v).atZone(VietnamTime.ZONE).toInstant();
            }
            int year = VietnamTime.local(parsed).getYear();
            if (year < 2000 || year > 2100) {
                throw Problems.badInput("Parameter '" + name + "' is out of range",
                    List.of(name + ": the year must be between 2000 and 2100"));
            }
            return parsed;
        } catch (java.time.DateTimeException e) {
            throw Problems.badInput("Parameter '" + name + "' is not an ISO-8601 date or date-time",
                List.of(name + ": expected e.g. 2026-03-02T10:00 or 2026-03-02T10:00:00+07:00, got '" + v + "'"));
        }
    }

    /** Parses a date, or the Vietnam-local date of a date-time. */
    public static LocalDate parseDate(String name, String value) {
        return VietnamTime.local(parseMoment(name, value)).toLocalDate();
    }
}
