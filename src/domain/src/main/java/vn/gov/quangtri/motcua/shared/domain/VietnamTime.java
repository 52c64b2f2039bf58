package vn.gov.quangtri.motcua.shared.domain;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/**
 * The one time zone of the business: every date and time the law speaks of is Vietnam local time,
 * Asia/Ho_Chi_Minh (UTC+07:00, no daylight saving). Code never relies on the JVM default zone
 * (docs/cases.md C12, C13).
 */
public final class VietnamTime {

    /** Asia/Ho_Chi_Minh. */
    public static final ZoneId ZONE = ZoneId.of("Asia/Ho_Chi_Minh");

    private VietnamTime() {
    }

    /** The instant as local Vietnam date-time. */
    public static ZonedDateTime local(Instant instant) {
        return instant.atZone(ZONE);
    }

    /** The instant as an offset date-time with {@code +07:00}, the form the API prints. */
    public static OffsetDateTime offset(Instant instant) {
        return instant == null ? null : instant.atZone(ZONE).toOffsetDateTime();
    }
}
