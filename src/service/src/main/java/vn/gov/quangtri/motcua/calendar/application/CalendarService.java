package vn.gov.quangtri.motcua.calendar.application;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Lock;
import jakarta.ejb.LockType;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.time.Instant;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import vn.gov.quangtri.motcua.calendar.domain.CalendarDay;
import vn.gov.quangtri.motcua.calendar.domain.CalendarYear;
import vn.gov.quangtri.motcua.calendar.domain.OfficeHours;
import vn.gov.quangtri.motcua.calendar.domain.WorkingCalendar;
import vn.gov.quangtri.motcua.shared.domain.RuleViolationException;
import vn.gov.quangtri.motcua.shared.domain.VietnamTime;

/**
 * Holds the working calendar the whole application computes deadlines with: the calendar exceptions
 * stored in {@code calendar_day} (holidays, days off, make-up working days) plus the office hours from
 * configuration ({@code motcua.calendar.office-hours}, default {@code 08:00-12:00,13:00-17:00};
 * {@code motcua.calendar.same-day-cut-off}, default {@code 15:00}). The REST calendar endpoints and the
 * dossier services use this same instance.
 */
@Singleton
@Startup
@DependsOn("DatabaseMigrator")
@Lock(LockType.READ)
public class CalendarService {

    @PersistenceContext(unitName = "motcua")
    private EntityManager em;

    @Inject
    @ConfigProperty(name = "motcua.calendar.office-hours", defaultValue = "08:00-12:00,13:00-17:00")
    String officeHoursSetting;

    @Inject
    @ConfigProperty(name = "motcua.calendar.same-day-cut-off", defaultValue = "15:00")
    String sameDayCutOffSetting;

    private volatile WorkingCalendar calendar;
    private volatile Set<Integer> years = Set.of();

    @PostConstruct
    void load() {
        reload();
    }

    /** The current working calendar (immutable). */
    public WorkingCalendar current() {
        return calendar;
    }

    /** Re-reads the calendar exceptions, e.g. after an administrator edited a year. */
    @Lock(LockType.WRITE)
    public void reload() {
        Map<LocalDate, Boolean> overrides = new HashMap<>();
        for (CalendarDay day : em.createNamedQuery("CalendarDay.findAll", CalendarDay.class).getResultList()) {
            overrides.put(day.day(), day.workingDay());
        }
        Set<Integer> covered = new TreeSet<>();
        for (CalendarYear y : em.createNamedQuery("CalendarYear.findAll", CalendarYear.class).getResultList()) {
            covered.add(y.year());
        }
        years = Set.copyOf(covered);
        calendar = new WorkingCalendar(parseOfficeHours(officeHoursSetting, sameDayCutOffSetting), overrides);
    }

    /**
     * Years for which the holiday schedule is configured (a {@code calendar_year} row, created by an
     * administrator or loaded with the reference data), whether or not they have holidays yet.
     */
    public Set<Integer> coveredYears() {
        return years;
    }

    /**
     * Refuses to compute deadlines in a year whose holiday schedule is not configured: a weekends-only
     * calendar would silently ignore Tết and the other holidays (never guess).
     *
     * @param moments moments that a computation starts at or reaches
     * @throws RuleViolationException {@code CALENDAR_YEAR_MISSING} naming the year
     */
    public void requireCovered(Instant... moments) {
        for (Instant m : moments) {
            if (m == null) {
                continue;
            }
            int year = VietnamTime.local(m).getYear();
            if (!years.contains(year)) {
                throw new RuleViolationException("CALENDAR_YEAR_MISSING", "The holiday calendar of " + year
                    + " is not configured (configured: " + new TreeSet<>(years) + "); an administrator must enter it first",
                    List.of("year: " + year));
            }
        }
    }

    /**
     * Parses {@code "08:00-12:00,13:00-17:00"}.
     *
     * @throws IllegalArgumentException for a malformed setting
     */
    static OfficeHours parseOfficeHours(String setting, String cutOff) {
        List<OfficeHours.Interval> intervals = new ArrayList<>();
        for (String part : setting.split(",")) {
            String[] ends = part.strip().split("-");
            if (ends.length != 2) {
                throw new IllegalArgumentException("motcua.calendar.office-hours: expected HH:mm-HH:mm, got " + part);
            }
            intervals.add(new OfficeHours.Interval(LocalTime.parse(ends[0].strip()), LocalTime.parse(ends[1].strip())));
        }
        return new OfficeHours(intervals, LocalTime.parse(cutOff.strip()));
    }
}
