package vn.gov.quangtri.motcua.dossier.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import vn.gov.quangtri.motcua.calendar.domain.WorkingCalendar;
import vn.gov.quangtri.motcua.shared.domain.VietnamTime;

/**
 * Which open dossiers a holiday-calendar edit would give another appointment (docs/cases.md C03 note: an edit
 * after the fact must trigger or offer a recomputation). It only reports; stored deadlines are never moved
 * here. Dates are Vietnam local dates (Asia/Ho_Chi_Minh).
 *
 * <p>A dossier is concerned when it is open (received, not finished: {@link #OPEN}), its clock has started,
 * and a changed date lies between its clock-start date and its appointment date (for a paused dossier:
 * any date from its clock start on, because the appointment will move when it resumes). It is reported
 * unless the appointment recomputed with the new calendar equals the stored one. When the stored
 * appointment is not the plain computation with the old calendar (a clock pause moved it, or it was
 * computed under an earlier calendar), {@link Affected#recomputedDueAt()} is null and a person must
 * recompute it. Step deadlines inside the dossier are affected alike and are not listed.
 */
public final class CalendarImpact {

    /** Received and not finished: the clock runs or is paused. */
    public static final Set<DossierStatus> OPEN = DossierStatus.open();

    /**
     * One dossier whose appointment the edit would change.
     *
     * @param code            dossier code
     * @param procedureCode   procedure code (snapshot)
     * @param status          current status
     * @param clockStartedAt  when its clock started
     * @param dueAt           the stored appointment (unchanged)
     * @param recomputedDueAt the appointment under the new calendar, or null when it cannot be recomputed
     *                        automatically (clock pauses, or the stored value differs from the old calendar's)
     */
    public record Affected(String code, String procedureCode, DossierStatus status, Instant clockStartedAt,
                           Instant dueAt, Instant recomputedDueAt) {
    }

    private CalendarImpact() {
    }

    /**
     * @param dossiers     candidate dossiers (others than {@link #OPEN} ones are skipped)
     * @param before       the calendar the stored appointments were computed with
     * @param after        the calendar after the edit
     * @param changedDates the dates whose working / non-working status changed
     * @return the affected dossiers, in the order given
     */
    public static List<Affected> affected(Collection<Dossier> dossiers, WorkingCalendar before, WorkingCalendar after,
                                          Collection<LocalDate> changedDates) {
        List<Affected> out = new ArrayList<>();
        for (Dossier d : dossiers) {
            if (!OPEN.contains(d.status()) || d.clock().clockStartedAt() == null || d.clock().dueAt() == null
                    || d.clock().timeLimit() == null) {
                continue;
            }
            LocalDate start = VietnamTime.local(d.clock().clockStartedAt()).toLocalDate();
            LocalDate due = VietnamTime.local(d.clock().dueAt()).toLocalDate();
            boolean paused = d.clock().pausedAt() != null;
            boolean concerned = changedDates.stream()
                .anyMatch(x -> !x.isBefore(start) && (paused || !x.isAfter(due)));
            if (!concerned) {
                continue;
            }
            Instant recomputed = after.dueAt(d.clock().clockStartedAt(), d.clock().timeLimit());
            if (!paused && recomputed.equals(d.clock().dueAt())) {
                continue;
            }
            boolean plain = !paused
                && before.dueAt(d.clock().clockStartedAt(), d.clock().timeLimit()).equals(d.clock().dueAt());
            out.add(new Affected(d.code(), d.snapshot().code(), d.status(), d.clock().clockStartedAt(),
                d.clock().dueAt(),
                plain ? recomputed : null));
        }
        return out;
    }
}
