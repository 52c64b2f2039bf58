package vn.gov.quangtri.motcua.calendar.domain;

/**
 * Unit in which a statutory time limit (thời hạn giải quyết) or a step allotment is expressed
 * (docs/domain.md §3.1; the national portal's {@code DonViTinh}).
 */
public enum TimeLimitUnit {
    /** Ngày làm việc: Monday to Friday minus holidays and days off, plus make-up working Saturdays. */
    WORKING_DAY,
    /** Ngày: calendar days (e.g. Law on Judicial Records); a last day that is not a working day moves on. */
    CALENDAR_DAY,
    /** Giờ làm việc: hours counted inside office hours only. */
    WORKING_HOUR,
    /** Trong ngày: result the same working day; received after the cut-off (15:00) means the next working day. */
    SAME_DAY
}
