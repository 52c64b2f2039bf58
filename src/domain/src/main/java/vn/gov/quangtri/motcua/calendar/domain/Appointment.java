package vn.gov.quangtri.motcua.calendar.domain;

import java.time.Instant;
import java.util.Objects;

/**
 * When a legal clock starts and the appointment it leads to (ngày hẹn trả kết quả), computed once: the start is
 * the moment moved into office hours ({@link WorkingCalendar#clockStart}) and the appointment is the start plus
 * the time limit in working time ({@link WorkingCalendar#dueAt}); Asia/Ho_Chi_Minh (docs/domain.md §3.3). Intake,
 * acceptance, an inter-agency leg and the public due-date calculator all use this one computation, and the
 * dossier keeps exactly the appointment computed here.
 *
 * @param clockStart when the clock starts
 * @param dueAt      the appointment
 */
public record Appointment(Instant clockStart, Instant dueAt) {

    public Appointment {
        Objects.requireNonNull(clockStart, "clockStart");
        Objects.requireNonNull(dueAt, "dueAt");
    }

    /**
     * The appointment for a time limit counted from {@code from}.
     *
     * @param calendar the working calendar (holidays, compensatory days, office hours)
     * @param from     the moment of receipt (or of transfer for a leg)
     * @param limit    the statutory time limit or a leg's share; not null
     * @throws NullPointerException for a missing limit
     */
    public static Appointment of(WorkingCalendar calendar, Instant from, TimeLimit limit) {
        Objects.requireNonNull(limit, "limit");
        Instant start = calendar.clockStart(from);
        return new Appointment(start, calendar.dueAt(start, limit));
    }
}
