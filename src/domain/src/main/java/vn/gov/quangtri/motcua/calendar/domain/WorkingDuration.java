package vn.gov.quangtri.motcua.calendar.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Remaining or overdue <em>working</em> time of a dossier or step, split into working days, working
 * hours and minutes, where one day is one full office day ({@link OfficeHours#workingMinutesPerDay()},
 * 480 minutes = 8 hours with the default hours) and hours/minutes are counted inside office hours only
 * (docs/cases.md C10; docs/domain.md §3.5 "còn hạn / quá hạn").
 *
 * <p>Example: 750 overdue working minutes with an 8-hour day is {@code 1 day 4 hours 30 minutes},
 * "Quá hạn 1 ngày 4 giờ 30 phút". Immutable value object.
 */
public final class WorkingDuration {

    private final long totalMinutes;
    private final boolean overdue;
    private final long workingMinutesPerDay;

    /**
     * Creates a duration.
     *
     * @param totalMinutes         signed working minutes: positive or zero when time is left, negative or
     *                             zero when overdue
     * @param overdue              whether the deadline has passed; an overdue duration can be zero working
     *                             minutes (e.g. due Friday 17:00, looked at on Saturday)
     * @param workingMinutesPerDay minutes in one working day (480 for 8 h), positive
     * @throws IllegalArgumentException if the sign of {@code totalMinutes} contradicts {@code overdue}, if
     *                                  {@code workingMinutesPerDay} is not positive, or if
     *                                  {@code totalMinutes} is {@link Long#MIN_VALUE}
     */
    public WorkingDuration(long totalMinutes, boolean overdue, long workingMinutesPerDay) {
        if (workingMinutesPerDay <= 0) {
            throw new IllegalArgumentException("working minutes per day must be positive: " + workingMinutesPerDay);
        }
        if (totalMinutes == Long.MIN_VALUE) {
            throw new IllegalArgumentException("duration out of range");
        }
        if (overdue ? totalMinutes > 0 : totalMinutes < 0) {
            throw new IllegalArgumentException(
                    "totalMinutes " + totalMinutes + " contradicts overdue=" + overdue);
        }
        this.totalMinutes = totalMinutes;
        this.overdue = overdue;
        this.workingMinutesPerDay = workingMinutesPerDay;
    }

    /**
     * Creates a duration from signed working minutes; negative means overdue, zero means "0 minutes
     * left" (not overdue).
     *
     * @param signedMinutes        signed working minutes (negative = overdue)
     * @param workingMinutesPerDay minutes in one working day, positive
     * @throws IllegalArgumentException see {@link #WorkingDuration(long, boolean, long)}
     */
    public static WorkingDuration of(long signedMinutes, long workingMinutesPerDay) {
        return new WorkingDuration(signedMinutes, signedMinutes < 0, workingMinutesPerDay);
    }

    /** Whether the deadline has passed. */
    public boolean overdue() {
        return overdue;
    }

    /** Less than one working day left (the screens mark it amber). */
    public boolean dueSoon() {
        return !overdue && totalMinutes < workingMinutesPerDay;
    }

    /** Signed total working minutes: positive or zero when time is left, negative or zero when overdue. */
    public long totalMinutes() {
        return totalMinutes;
    }

    /** Minutes in one working day used for the split (480 for 8 working hours). */
    public long workingMinutesPerDay() {
        return workingMinutesPerDay;
    }

    /** Whole working days in the magnitude (one day = {@link #workingMinutesPerDay()}), never negative. */
    public long days() {
        return Math.abs(totalMinutes) / workingMinutesPerDay;
    }

    /** Whole working hours left over after {@link #days()}, never negative. */
    public long hours() {
        return (Math.abs(totalMinutes) % workingMinutesPerDay) / 60;
    }

    /** Minutes left over after {@link #days()} and {@link #hours()}, 0–59. */
    public long minutes() {
        return (Math.abs(totalMinutes) % workingMinutesPerDay) % 60;
    }

    /**
     * Vietnamese display text: "Còn …" (left) or "Quá hạn …" (overdue) followed by the non-zero parts
     * "N ngày", "N giờ", "N phút"; when all parts are zero, "0 phút". Examples: "Còn 3 giờ",
     * "Quá hạn 1 ngày 4 giờ 30 phút", "Còn 2 ngày", "Còn 0 phút". A deadline passed with no working time
     * since (due Friday 17:00, seen on Sunday) reads "Đã quá hạn", not "Quá hạn 0 phút".
     */
    public String toVietnamese() {
        if (overdue && totalMinutes == 0) {
            return "Đã quá hạn";
        }
        List<String> parts = new ArrayList<>(3);
        if (days() != 0) {
            parts.add(days() + " ngày");
        }
        if (hours() != 0) {
            parts.add(hours() + " giờ");
        }
        if (minutes() != 0 || parts.isEmpty()) {
            parts.add(minutes() + " phút");
        }
        return (overdue ? "Quá hạn " : "Còn ") + String.join(" ", parts);
    }

    /**
     * English display text: "… left" or "overdue …" with the non-zero parts, singular for 1.
     * Examples: "3 hours left", "overdue 1 day 4 hours 30 minutes", "0 minutes left".
     */
    public String toEnglish() {
        if (overdue && totalMinutes == 0) {
            return "past due";
        }
        List<String> parts = new ArrayList<>(3);
        if (days() != 0) {
            parts.add(plural(days(), "day"));
        }
        if (hours() != 0) {
            parts.add(plural(hours(), "hour"));
        }
        if (minutes() != 0 || parts.isEmpty()) {
            parts.add(plural(minutes(), "minute"));
        }
        String text = String.join(" ", parts);
        return overdue ? "overdue " + text : text + " left";
    }

    private static String plural(long n, String unit) {
        return n + " " + unit + (n == 1 ? "" : "s");
    }

    /** Value equality on total minutes, overdue flag and day length. */
    @Override
    public boolean equals(Object o) {
        return o instanceof WorkingDuration other
                && totalMinutes == other.totalMinutes
                && overdue == other.overdue
                && workingMinutesPerDay == other.workingMinutesPerDay;
    }

    /** Hash consistent with {@link #equals(Object)}. */
    @Override
    public int hashCode() {
        return Objects.hash(totalMinutes, overdue, workingMinutesPerDay);
    }

    /** Same as {@link #toEnglish()}. */
    @Override
    public String toString() {
        return toEnglish();
    }
}
