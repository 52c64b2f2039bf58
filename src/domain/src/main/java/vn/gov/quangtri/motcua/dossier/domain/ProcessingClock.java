package vn.gov.quangtri.motcua.dossier.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Embeddable;
import jakarta.persistence.Embedded;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.function.UnaryOperator;
import vn.gov.quangtri.motcua.calendar.domain.Appointment;
import vn.gov.quangtri.motcua.calendar.domain.TimeLimit;
import vn.gov.quangtri.motcua.calendar.domain.WorkingCalendar;
import vn.gov.quangtri.motcua.calendar.domain.WorkingDuration;
import vn.gov.quangtri.motcua.shared.domain.InstantConverter;
import vn.gov.quangtri.motcua.shared.domain.RuleViolationException;
import vn.gov.quangtri.motcua.shared.domain.VietnamTime;

/**
 * A dossier's legal clock (docs/domain.md §3): the time limit it runs on, when the dossier was received and the
 * clock started, the appointment, a pause while the applicant supplements or pays, the one new appointment
 * given with an apology, and the finish with its early / on-time / late class. Moments are instants; working
 * time is counted by a {@link WorkingCalendar} in Asia/Ho_Chi_Minh.
 *
 * <p>Mapped onto the dossier's own columns. Changed only by its {@link Dossier}, which decides when (the
 * lifecycle); this class decides how the moments move.
 */
@Embeddable
public class ProcessingClock {

    @Embedded
    private TimeLimit timeLimit;

    @Convert(converter = InstantConverter.class)
    @Column(name = "received_at")
    private Instant receivedAt;

    @Convert(converter = InstantConverter.class)
    @Column(name = "clock_started_at")
    private Instant clockStartedAt;

    @Convert(converter = InstantConverter.class)
    @Column(name = "due_at")
    private Instant dueAt;

    @Convert(converter = InstantConverter.class)
    @Column(name = "paused_at")
    private Instant pausedAt;

    @Convert(converter = InstantConverter.class)
    @Column(name = "rescheduled_due_at")
    private Instant rescheduledDueAt;

    @Convert(converter = InstantConverter.class)
    @Column(name = "completed_at")
    private Instant completedAt;

    @Enumerated(EnumType.STRING)
    @Column(name = "timeliness", length = 10)
    private Timeliness timeliness;

    /** For JPA only (and a dossier whose procedure had no time limit). */
    protected ProcessingClock() {
    }

    /** A clock not started yet, to run on {@code limit} (null when the procedure has none). */
    ProcessingClock(TimeLimit limit) {
        this.timeLimit = limit;
    }

    /** Starts the clock at receipt with the appointment computed once ({@link Appointment#of}). */
    void start(Instant at, Appointment appointment) {
        receivedAt = at;
        clockStartedAt = appointment.clockStart();
        dueAt = appointment.dueAt();
    }

    /** Stops the clock counting (supplement, or a financial obligation where sector law excludes its time). */
    void pause(Instant at) {
        pausedAt = at;
    }

    /**
     * Restarts a paused clock: the appointment moves by the paused working time.
     *
     * @return how every other deadline (the open steps') moves; identity when the clock was not paused
     */
    UnaryOperator<Instant> resume(Instant at, WorkingCalendar calendar) {
        if (pausedAt == null) {
            return UnaryOperator.identity();
        }
        Instant from = pausedAt;
        dueAt = calendar.shiftForPause(dueAt, from, at);
        pausedAt = null;
        return due -> calendar.shiftForPause(due, from, at);
    }

    /**
     * Records the new appointment given with an apology (form 04). The original stays the reference for
     * timeliness.
     *
     * @throws RuleViolationException {@code NEW_DATE_NOT_LATER}, {@code NEW_DATE_IN_PAST}
     */
    void reschedule(Instant at, Instant newDueAt) {
        if (newDueAt == null || !newDueAt.isAfter(dueAt)) {
            throw new RuleViolationException("NEW_DATE_NOT_LATER", "The new appointment must be later than the current one",
                List.of("newDueAt: after " + VietnamTime.offset(dueAt)));
        }
        if (!newDueAt.isAfter(at)) {
            throw new RuleViolationException("NEW_DATE_IN_PAST", "The new appointment must lie in the future",
                List.of("newDueAt: after " + VietnamTime.offset(at)));
        }
        rescheduledDueAt = newDueAt;
    }

    /** Finishes with a decision (result ready or not approved): classified against the appointment. */
    void finish(Instant at) {
        completedAt = at;
        timeliness = Timeliness.ofDossier(at, dueAt);
    }

    /** Ends without a decision (stopped): no class. */
    void end(Instant at) {
        completedAt = at;
    }

    /** Replaces the time limit (an inter-agency child runs on its leg's share). */
    void runOn(TimeLimit limit) {
        this.timeLimit = limit;
    }

    /**
     * Working time from {@code now} to the appointment; negative when overdue. The one time-left rule
     * (docs/domain.md §3.4), also for projections: no countdown while the clock is paused (the screens and the API
     * show the pause instead, since the appointment will move when it ends).
     *
     * @return null without an appointment or while paused
     */
    public static WorkingDuration timeLeft(Instant dueAt, Instant pausedAt, Instant now, WorkingCalendar calendar) {
        return dueAt == null || pausedAt != null ? null : calendar.timeLeft(now, dueAt);
    }

    /**
     * How far an overdue dossier is past its appointment, for the overdue lists: counted at the pause while the
     * clock is paused (it is late only if the appointment had passed when the pause began).
     *
     * @return negative or zero when overdue; null without an appointment
     */
    public static WorkingDuration lateness(Instant dueAt, Instant pausedAt, Instant now, WorkingCalendar calendar) {
        return dueAt == null ? null : calendar.timeLeft(pausedAt != null ? pausedAt : now, dueAt);
    }

    /** Working minutes left at {@code now} (at the pause while paused); negative when overdue. */
    long workingMinutesLeft(Instant now, WorkingCalendar calendar) {
        return calendar.workingMinutesBetween(pausedAt != null ? pausedAt : now, dueAt);
    }

    /**
     * The new appointment offered by default with an apology: the opening hour (Asia/Ho_Chi_Minh) of the first
     * working day after both today and the appointment's day; null without an appointment.
     */
    public Instant suggestedNewDueAt(Instant now, WorkingCalendar calendar) {
        if (dueAt == null) {
            return null;
        }
        LocalDate today = VietnamTime.local(now).toLocalDate();
        LocalDate dueDay = VietnamTime.local(dueAt).toLocalDate();
        LocalDate day = calendar.nextWorkingDay(today.isAfter(dueDay) ? today : dueDay);
        return day.atTime(calendar.officeHours().opening()).atZone(VietnamTime.ZONE).toInstant();
    }

    /** The time limit the clock runs on (the procedure's, or a leg's share); null when none is configured. */
    public TimeLimit timeLimit() {
        return timeLimit;
    }

    /** Moment of receipt; null before. */
    public Instant receivedAt() {
        return receivedAt;
    }

    /** When the clock started (receipt moved into office hours); null before. */
    public Instant clockStartedAt() {
        return clockStartedAt;
    }

    /** The appointment (extended by pauses); null before receipt. */
    public Instant dueAt() {
        return dueAt;
    }

    /** When the clock was paused; null while it runs. */
    public Instant pausedAt() {
        return pausedAt;
    }

    /** The new appointment given with an apology; null when none was given. */
    public Instant rescheduledDueAt() {
        return rescheduledDueAt;
    }

    /** When the dossier was finished or stopped; null while open. */
    public Instant completedAt() {
        return completedAt;
    }

    /** Early / on time / late once finished with a decision; else null. */
    public Timeliness timeliness() {
        return timeliness;
    }
}
