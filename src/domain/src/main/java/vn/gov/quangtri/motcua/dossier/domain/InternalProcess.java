package vn.gov.quangtri.motcua.dossier.domain;

import java.time.Instant;
import java.util.List;
import java.util.function.UnaryOperator;
import vn.gov.quangtri.motcua.calendar.domain.WorkingCalendar;
import vn.gov.quangtri.motcua.shared.domain.ConflictException;

/**
 * The dossier's internal process (quy trình nội bộ) at work: its {@link DossierStep} rows, planned at receipt,
 * worked through one at a time (docs/domain.md §2.4, §3.4). Not an entity: a short-lived helper over the
 * aggregate's own {@code steps} list that {@link Dossier} creates for each change; the position of the step in
 * progress stays in the dossier's {@code current_step} column, so every method takes it and returns the new one.
 * Package-private: only the aggregate (the root and its collaborators, through {@code Dossier.process()}) calls it,
 * after its own checks ({@code requireAllowed}).
 *
 * <p>Deadlines are working time (Asia/Ho_Chi_Minh office hours of the {@link WorkingCalendar}); allotments are
 * working minutes.
 */
final class InternalProcess {

    private final Dossier dossier;
    private final List<DossierStep> steps;

    /**
     * @param dossier the owner (its code names it in refusals, new rows belong to it)
     * @param steps   the dossier's own, mutable list of step rows
     */
    InternalProcess(Dossier dossier, List<DossierStep> steps) {
        this.dossier = dossier;
        this.steps = steps;
    }

    /** Refuses an empty plan before anything changes: an internal process needs at least one step. */
    static void requireSteps(List<StepPlan> plan) {
        if (plan == null || plan.isEmpty()) {
            throw new IllegalArgumentException("an internal process needs at least one step");
        }
    }

    /**
     * Replaces the rows by the plan. Each step's deadline is the clock start plus the allotments of this step
     * and all earlier ones (so a late step never pushes the later deadlines); the first step starts at once, at
     * {@code at} or at the clock start when that is earlier.
     *
     * @return the position of the step in progress: 1
     */
    int plan(List<StepPlan> plan, Instant at, Instant clockStart, WorkingCalendar calendar) {
        requireSteps(plan);
        steps.clear();
        for (StepPlan p : plan) {
            steps.add(new DossierStep(dossier, steps.size() + 1, p));
        }
        long cumulative = 0;
        for (DossierStep s : steps) {
            cumulative += s.allottedMinutes();
            s.plan(calendar.addWorkingMinutes(clockStart, cumulative));
        }
        steps.get(0).start(at.isBefore(clockStart) ? at : clockStart, null);
        return 1;
    }

    /**
     * The row of the step at a position.
     *
     * @param position 1-based; null when no step is in progress
     * @throws ConflictException {@code NO_CURRENT_STEP} for null
     */
    DossierStep step(Integer position) {
        if (position == null) {
            throw new ConflictException("NO_CURRENT_STEP", "Dossier " + dossier.code() + " has no step in progress");
        }
        return steps.get(position - 1);
    }

    /**
     * Completes the step at {@code position} (timeliness against its deadline) and starts the next one, whose
     * planned deadline is kept ({@code at} plus its allotment only for a row stored without one).
     *
     * @return the next position, or null when the completed step was the last
     * @throws ConflictException {@code NO_CURRENT_STEP} when {@code position} is null
     */
    Integer advance(Integer position, Instant at, String by, String note, WorkingCalendar calendar) {
        step(position).complete(at, by, note);
        if (position >= steps.size()) {
            return null;
        }
        DossierStep next = step(position + 1);
        next.start(at, calendar.addWorkingMinutes(at, next.allottedMinutes()));
        return position + 1;
    }

    /**
     * Return for rework: leaves the step at {@code position} and opens the previous one again; its planned
     * deadline stays, since the time spent still counts.
     *
     * @return the previous position
     */
    int stepBack(int position, Instant at, WorkingCalendar calendar) {
        step(position).leave();
        DossierStep previous = step(position - 1);
        previous.reopen(at, calendar.addWorkingMinutes(at, previous.allottedMinutes()));
        return position - 1;
    }

    /** Working minutes allotted to the steps after {@code position} (none started yet); 0 for null. */
    long minutesPlannedAfter(Integer position) {
        if (position == null) {
            return 0;
        }
        long sum = 0;
        for (int i = position; i < steps.size(); i++) {
            sum += steps.get(i).allottedMinutes();
        }
        return sum;
    }

    /** Moves the deadline of every step not yet completed by the clock's shift (the paused working time). */
    void shiftOpenDeadlines(UnaryOperator<Instant> shift) {
        for (DossierStep step : steps) {
            if (step.open() && step.dueAt() != null) {
                step.moveDue(shift.apply(step.dueAt()));
            }
        }
    }
}
