package vn.gov.quangtri.motcua.dossier.application;

import java.io.Serializable;
import java.time.Instant;
import vn.gov.quangtri.motcua.calendar.domain.WorkingCalendar;
import vn.gov.quangtri.motcua.calendar.domain.WorkingDuration;
import vn.gov.quangtri.motcua.dossier.domain.Dossier;
import vn.gov.quangtri.motcua.dossier.domain.ProcessingClock;

/**
 * A dossier's countdown as the screens show it (còn / quá hạn, docs/cases.md C10): the text in Vietnamese and
 * English and the two marks, from the one time-left rule ({@link Dossier#timeLeft}). Empty without an appointment,
 * once finished, or while the clock is paused.
 *
 * @param vi      "Còn 2 ngày 3 giờ" / "Quá hạn 1 ngày", or empty
 * @param en      the same in English, or empty
 * @param overdue the appointment has passed in working time
 * @param dueSoon less than one working day left
 */
public record Countdown(String vi, String en, boolean overdue, boolean dueSoon) implements Serializable {

    /** No countdown. */
    public static final Countdown NONE = new Countdown("", "", false, false);

    /** The countdown of the dossier at {@code now} on the calendar (Asia/Ho_Chi_Minh working time). */
    public static Countdown of(Dossier d, Instant now, WorkingCalendar calendar) {
        return of(d.timeLeft(now, calendar));
    }

    /**
     * After an apology (form 04): the countdown to the new appointment, which the desk works to, while the dossier
     * stays late against the original one ({@link #of(Dossier, Instant, WorkingCalendar)}). None without a new
     * appointment, once finished or while paused.
     */
    public static Countdown toNewAppointment(Dossier d, Instant now, WorkingCalendar calendar) {
        Instant newDue = d.clock().rescheduledDueAt();
        if (newDue == null || d.timeLeft(now, calendar) == null) {
            return NONE;
        }
        return of(ProcessingClock.timeLeft(newDue, d.clock().pausedAt(), now, calendar));
    }

    private static Countdown of(WorkingDuration w) {
        return w == null ? NONE : new Countdown(w.toVietnamese(), w.toEnglish(), w.overdue(), w.dueSoon());
    }
}
