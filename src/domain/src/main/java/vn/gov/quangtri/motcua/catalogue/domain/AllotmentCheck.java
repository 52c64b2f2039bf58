package vn.gov.quangtri.motcua.catalogue.domain;

/**
 * How the internal process's step allotments compare with the statutory time limit, in working
 * minutes of office hours (docs/domain.md §3.6: the sum must not exceed the limit).
 *
 * @param allottedMinutes sum of the step allotments (working days × working minutes per day, hours × 60)
 * @param limitMinutes    the limit in working minutes: working days × minutes per day, hours × 60, one day
 *                        for {@code SAME_DAY}; for {@code CALENDAR_DAY} the upper bound days × minutes per
 *                        day (calendar days include rest days); null when the procedure has no limit or no
 *                        steps are configured
 */
public record AllotmentCheck(long allottedMinutes, Long limitMinutes) {

    /** True when a limit is known and the steps need more time than it gives. */
    public boolean exceedsLimit() {
        return limitMinutes != null && allottedMinutes > limitMinutes;
    }

    /** Minutes of the limit not allotted to any step (negative when exceeded), or null when unknown. */
    public Long unallottedMinutes() {
        return limitMinutes == null ? null : limitMinutes - allottedMinutes;
    }
}
