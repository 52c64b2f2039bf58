package vn.gov.quangtri.motcua.calendar.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.LocalDate;
import java.util.Objects;

/**
 * A calendar exception stored as data: a public holiday, Tết day, compensatory day off or swapped day
 * off ({@code workingDay = false}), or a make-up working Saturday ({@code workingDay = true}).
 * Days without a row follow the weekly rule (Monday–Friday working). Labour Code 2019 art. 111–112;
 * the yearly schedules decided by the Prime Minister / Ministry of Home Affairs (holidays.csv).
 */
@Entity
@Table(name = "calendar_day")
@NamedQuery(name = "CalendarDay.findAll", query = "SELECT c FROM CalendarDay c ORDER BY c.day")
public class CalendarDay {

    @Id
    @Column(name = "calendar_date")
    private LocalDate day;

    @Column(name = "working_day", nullable = false)
    private boolean workingDay;

    @Column(name = "kind", length = 30, nullable = false)
    private String kind;

    @Column(name = "name", length = 300, nullable = false)
    private String name;

    @Column(name = "confidence", length = 30)
    private String confidence;

    @Column(name = "source", length = 500)
    private String source;

    /** For JPA only. */
    protected CalendarDay() {
    }

    /**
     * @param day        the Vietnam-local date
     * @param workingDay true for a make-up working day, false for a day off
     * @param kind       statutory | tet | compensatory | swap_day_off | swap_working_day
     * @param name       Vietnamese name shown to clerks
     */
    public CalendarDay(LocalDate day, boolean workingDay, String kind, String name) {
        this.day = Objects.requireNonNull(day);
        this.workingDay = workingDay;
        this.kind = Objects.requireNonNull(kind);
        this.name = Objects.requireNonNull(name);
    }

    /**
     * A row entered by an administrator ({@link CalendarEdits} checks it first).
     *
     * @param source where the entry comes from (decision, notice), cut to 500 characters; may be null
     */
    public static CalendarDay entered(LocalDate day, boolean workingDay, String kind, String name, String source) {
        CalendarDay d = new CalendarDay(day, workingDay, kind,
            vn.gov.quangtri.motcua.shared.domain.Texts.plain("name", name, false));
        d.confidence = "admin";
        source = vn.gov.quangtri.motcua.shared.domain.Texts.plain("source", source, false);
        d.source = source == null ? null : source.length() <= 500 ? source : source.substring(0, 499) + "…";
        return d;
    }

    public LocalDate day() {
        return day;
    }

    public boolean workingDay() {
        return workingDay;
    }

    /**
     * The Vietnamese label of a stored kind, for texts written into the audit log and warnings (the screens
     * use their own bundle): ngày lễ, Tết Nguyên đán, nghỉ bù, nghỉ hoán đổi, làm bù; an unknown kind as is.
     */
    public static String kindLabel(String kind) {
        return switch (kind == null ? "" : kind) {
            case HolidayScheduleCheck.STATUTORY -> "ngày lễ";
            case HolidayScheduleCheck.TET -> "Tết Nguyên đán";
            case HolidayScheduleCheck.COMPENSATORY -> "nghỉ bù";
            case HolidayScheduleCheck.SWAP_DAY_OFF -> "nghỉ hoán đổi";
            case HolidayScheduleCheck.SWAP_WORKING_DAY -> "làm bù";
            default -> String.valueOf(kind);
        };
    }

    public String kind() {
        return kind;
    }

    public String name() {
        return name;
    }

    public String confidence() {
        return confidence;
    }

    public String source() {
        return source;
    }
}
