package vn.gov.quangtri.motcua.calendar.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import java.math.BigDecimal;
import java.util.Objects;

/**
 * A statutory time limit or step allotment as value + unit, e.g. {@code 3 WORKING_DAY},
 * {@code 0.5 WORKING_DAY}, {@code 10 CALENDAR_DAY}, {@code 4 WORKING_HOUR} or {@code SAME_DAY}
 * (docs/domain.md §3.1). Immutable value object.
 */
@Embeddable
public class TimeLimit {

    @Column(name = "time_limit_value", precision = 9, scale = 2)
    private BigDecimal value;

    @Enumerated(EnumType.STRING)
    @Column(name = "time_limit_unit", length = 20)
    private TimeLimitUnit unit;

    /** For JPA only. */
    protected TimeLimit() {
    }

    /**
     * @param value non-negative amount of {@code unit}; ignored (stored as 0) for {@link TimeLimitUnit#SAME_DAY}
     * @param unit  the unit, never null
     * @throws IllegalArgumentException if value is negative or missing for a counted unit
     */
    public TimeLimit(BigDecimal value, TimeLimitUnit unit) {
        this.unit = Objects.requireNonNull(unit, "unit");
        if (unit == TimeLimitUnit.SAME_DAY) {
            this.value = BigDecimal.ZERO;
        } else {
            if (value == null || value.signum() < 0) {
                throw new IllegalArgumentException("time limit value must be zero or positive: " + value);
            }
            this.value = plain(value);
        }
    }

    /** Convenience factory for a whole number of working days. */
    public static TimeLimit workingDays(int days) {
        return new TimeLimit(BigDecimal.valueOf(days), TimeLimitUnit.WORKING_DAY);
    }

    /** Convenience factory for a whole number of working hours. */
    public static TimeLimit workingHours(int hours) {
        return new TimeLimit(BigDecimal.valueOf(hours), TimeLimitUnit.WORKING_HOUR);
    }

    /** Convenience factory for a whole number of calendar days. */
    public static TimeLimit calendarDays(int days) {
        return new TimeLimit(BigDecimal.valueOf(days), TimeLimitUnit.CALENDAR_DAY);
    }

    /** The "within the day" limit (trong ngày). */
    public static TimeLimit sameDay() {
        return new TimeLimit(BigDecimal.ZERO, TimeLimitUnit.SAME_DAY);
    }

    /**
     * This limit as working minutes, the one conversion used to compare limits and step allotments (catalogue
     * allotment check, step plans): a working day is an office day ({@code minutesPerDay}), a working hour 60
     * minutes, a calendar day is counted as an office day and the same day as one office day (an
     * approximation for comparisons only; appointments are computed by {@link WorkingCalendar#dueAt}).
     * Rounded half up to whole minutes.
     *
     * @param minutesPerDay working minutes of an office day (480 for 08:00–12:00, 13:00–17:00)
     */
    public long workingMinutes(long minutesPerDay) {
        long perUnit = switch (unit) {
            case WORKING_DAY, CALENDAR_DAY, SAME_DAY -> minutesPerDay;
            case WORKING_HOUR -> 60;
        };
        BigDecimal amount = unit == TimeLimitUnit.SAME_DAY ? BigDecimal.ONE : value;
        return amount.multiply(BigDecimal.valueOf(perUnit)).setScale(0, java.math.RoundingMode.HALF_UP).longValueExact();
    }

    /** The amount without trailing zeros ({@code 23}, {@code 0.5}), whatever scale the database returned. */
    public BigDecimal value() {
        return plain(value);
    }

    private static BigDecimal plain(BigDecimal v) {
        BigDecimal s = v.stripTrailingZeros();
        return s.scale() < 0 ? s.setScale(0) : s;
    }

    public TimeLimitUnit unit() {
        return unit;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TimeLimit other && unit == other.unit && value.compareTo(other.value) == 0;
    }

    @Override
    public int hashCode() {
        return Objects.hash(unit, value.stripTrailingZeros());
    }

    /** The limit in Vietnamese words, e.g. "10 ngày làm việc", "4 giờ làm việc", "15 ngày", "trong ngày". */
    public String vietnamese() {
        String v = value().stripTrailingZeros().toPlainString();
        return switch (unit) {
            case WORKING_DAY -> v + " ngày làm việc";
            case WORKING_HOUR -> v + " giờ làm việc";
            case CALENDAR_DAY -> v + " ngày";
            case SAME_DAY -> "trong ngày";
        };
    }

    /** Renders e.g. {@code "3 WORKING_DAY"} or {@code "SAME_DAY"}. */
    @Override
    public String toString() {
        return unit == TimeLimitUnit.SAME_DAY ? "SAME_DAY" : value().toPlainString() + " " + unit;
    }
}
