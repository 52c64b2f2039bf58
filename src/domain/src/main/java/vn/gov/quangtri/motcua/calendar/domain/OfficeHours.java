package vn.gov.quangtri.motcua.calendar.domain;

import java.time.Duration;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Daily office hours of the one-stop unit: an ordered list of non-overlapping working intervals
 * (Vietnam local clock time, Asia/Ho_Chi_Minh) plus the same-day cut-off.
 *
 * <p>The law fixes the 5-day, 40-hour week but leaves the daily hours to the province
 * (docs/domain.md §3.2), so the hours are configurable. The default ({@link #standard()}) is the
 * assumption K4 of docs/cases.md: 08:00–12:00 and 13:00–17:00, i.e. an 8-hour (480-minute) working day,
 * with a same-day cut-off of 15:00 (Decree 63/2024/NĐ-CP art. 7 cl. 2; docs/domain.md §3.3).
 *
 * <p>Immutable and thread-safe. Times are whole minutes (no seconds).
 */
public final class OfficeHours {

    /** Default same-day cut-off, 15:00 (Decree 63/2024/NĐ-CP art. 7 cl. 2; docs/domain.md §3.3). */
    public static final LocalTime DEFAULT_SAME_DAY_CUT_OFF = LocalTime.of(15, 0);

    private static final OfficeHours STANDARD = new OfficeHours(
            List.of(new Interval(LocalTime.of(8, 0), LocalTime.of(12, 0)),
                    new Interval(LocalTime.of(13, 0), LocalTime.of(17, 0))),
            DEFAULT_SAME_DAY_CUT_OFF);

    /**
     * One working interval of a day, {@code [start, end)} in Vietnam local clock time.
     *
     * @param start first minute of the interval (inclusive), whole minutes
     * @param end   end of the interval (exclusive), whole minutes, strictly after {@code start}
     */
    public record Interval(LocalTime start, LocalTime end) {

        /**
         * Validates the interval.
         *
         * @throws NullPointerException     if a bound is null
         * @throws IllegalArgumentException if {@code start} is not before {@code end} or a bound has
         *                                  seconds or nanoseconds
         */
        public Interval {
            Objects.requireNonNull(start, "start");
            Objects.requireNonNull(end, "end");
            if (!start.isBefore(end)) {
                throw new IllegalArgumentException("office interval must start before it ends: " + start + "-" + end);
            }
            if (start.getSecond() != 0 || start.getNano() != 0 || end.getSecond() != 0 || end.getNano() != 0) {
                throw new IllegalArgumentException("office interval bounds must be whole minutes: " + start + "-" + end);
            }
        }

        /** Length of the interval in working minutes. */
        public long minutes() {
            return Duration.between(start, end).toMinutes();
        }

        /**
         * Whether the local clock time lies inside this interval ({@code start <= time < end}).
         *
         * @param time a Vietnam local clock time, not null
         */
        public boolean contains(LocalTime time) {
            return !time.isBefore(start) && time.isBefore(end);
        }

        /** Renders e.g. {@code "08:00-12:00"}. */
        @Override
        public String toString() {
            return start + "-" + end;
        }
    }

    private final List<Interval> intervals;
    private final LocalTime sameDayCutOff;

    /**
     * Creates office hours.
     *
     * @param intervals     the daily working intervals, at least one, in ascending order and not
     *                      overlapping (touching is allowed); Vietnam local clock time
     * @param sameDayCutOff the latest local clock time at which a {@link TimeLimitUnit#SAME_DAY}
     *                      dossier is still due the same day (Decree 63/2024/NĐ-CP art. 7 cl. 2)
     * @throws NullPointerException     if an argument or an interval is null
     * @throws IllegalArgumentException if the list is empty, unordered or overlapping
     */
    public OfficeHours(List<Interval> intervals, LocalTime sameDayCutOff) {
        Objects.requireNonNull(intervals, "intervals");
        this.sameDayCutOff = Objects.requireNonNull(sameDayCutOff, "sameDayCutOff");
        if (intervals.isEmpty()) {
            throw new IllegalArgumentException("office hours need at least one interval");
        }
        List<Interval> copy = new ArrayList<>(intervals.size());
        Interval previous = null;
        for (Interval interval : intervals) {
            Objects.requireNonNull(interval, "interval");
            if (previous != null && interval.start().isBefore(previous.end())) {
                throw new IllegalArgumentException(
                        "office intervals must be ascending and must not overlap: " + previous + ", " + interval);
            }
            copy.add(interval);
            previous = interval;
        }
        this.intervals = List.copyOf(copy);
    }

    /**
     * The default hours (docs/cases.md K4): 08:00–12:00 and 13:00–17:00, 480 working minutes per day,
     * same-day cut-off 15:00.
     */
    public static OfficeHours standard() {
        return STANDARD;
    }

    /** The working intervals of a day, ascending; unmodifiable. */
    public List<Interval> intervals() {
        return intervals;
    }

    /** Opening time: start of the first interval (08:00 for {@link #standard()}), Vietnam local time. */
    public LocalTime opening() {
        return intervals.get(0).start();
    }

    /** Closing time: end of the last interval (17:00 for {@link #standard()}), Vietnam local time. */
    public LocalTime closing() {
        return intervals.get(intervals.size() - 1).end();
    }

    /** Working minutes in one full working day: the sum of the intervals (480 for {@link #standard()}). */
    public long workingMinutesPerDay() {
        long total = 0;
        for (Interval interval : intervals) {
            total += interval.minutes();
        }
        return total;
    }

    /**
     * Same-day cut-off (default 15:00, Vietnam local time): a {@link TimeLimitUnit#SAME_DAY} dossier
     * received at or before this time is due at closing the same working day, later ones at closing
     * of the next working day (Decree 63/2024/NĐ-CP art. 7 cl. 2; docs/domain.md §3.3).
     */
    public LocalTime sameDayCutOff() {
        return sameDayCutOff;
    }

    /**
     * Whether a local clock time lies between opening (inclusive) and closing (exclusive); breaks
     * between intervals (lunch) count as inside.
     *
     * @param time Vietnam local clock time, not null
     */
    public boolean isBetweenOpeningAndClosing(LocalTime time) {
        return !time.isBefore(opening()) && time.isBefore(closing());
    }

    /** Value equality on intervals and cut-off. */
    @Override
    public boolean equals(Object o) {
        return o instanceof OfficeHours other
                && intervals.equals(other.intervals) && sameDayCutOff.equals(other.sameDayCutOff);
    }

    /** Hash consistent with {@link #equals(Object)}. */
    @Override
    public int hashCode() {
        return Objects.hash(intervals, sameDayCutOff);
    }

    /** Renders e.g. {@code "OfficeHours[08:00-12:00, 13:00-17:00; cut-off 15:00]"}. */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("OfficeHours[");
        for (int i = 0; i < intervals.size(); i++) {
            if (i > 0) {
                sb.append(", ");
            }
            sb.append(intervals.get(i));
        }
        return sb.append("; cut-off ").append(sameDayCutOff).append(']').toString();
    }
}
