package vn.gov.quangtri.motcua.dossier.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What the deadline sweep (issue 14 §1) records for an open dossier: the dossier (step position 0) when its original
 * appointment has passed, and each started, unfinished step whose own deadline has passed. The rule is the one of the
 * overdue list (docs/domain.md §3.4): with the clock paused, a deadline counts as passed only if it lay before the
 * start of the pause; an apology does not move the appointment (§2.8). An apology (form 04) is due for an overdue
 * dossier that has not had one and whose status allows it.
 */
public final class OverdueMarks {

    private OverdueMarks() {
    }

    /** A step of the dossier as stored. */
    public record Step(int position, Instant startedAt, Instant dueAt, Instant completedAt) {
    }

    /** The deadlines of an open dossier as stored. */
    public record Deadlines(long id, String code, String agencyCode, DossierStatus status, Instant dueAt,
                            Instant pausedAt, Instant rescheduledDueAt, List<Step> steps) {
        public Deadlines {
            Objects.requireNonNull(code, "code");
            Objects.requireNonNull(status, "status");
            steps = List.copyOf(steps);
        }
    }

    /**
     * One overdue record.
     *
     * @param stepPosition 0 for the dossier, else the step's position
     * @param dueAt        the deadline that passed (the business moment of the event)
     * @param apologyDue   for the dossier record: an apology with a new appointment is due
     */
    public record Mark(long dossierId, int stepPosition, String code, String agencyCode, Instant dueAt,
                       boolean apologyDue) {
    }

    /** The overdue records of a dossier at {@code now}; empty for a finished dossier or one still in time. */
    public static List<Mark> of(Deadlines d, Instant now) {
        List<Mark> out = new ArrayList<>();
        if (!DossierStatus.open().contains(d.status())) {
            return out;
        }
        Instant judgedAt = d.pausedAt() != null && d.pausedAt().isBefore(now) ? d.pausedAt() : now;
        if (d.dueAt() != null && d.dueAt().isBefore(judgedAt)) {
            boolean apology = d.rescheduledDueAt() == null && d.status().allows(DossierAction.RESCHEDULE);
            out.add(new Mark(d.id(), 0, d.code(), d.agencyCode(), d.dueAt(), apology));
        }
        for (Step s : d.steps()) {
            if (s.position() > 0 && s.startedAt() != null && s.completedAt() == null && s.dueAt() != null
                && s.dueAt().isBefore(judgedAt)) {
                out.add(new Mark(d.id(), s.position(), d.code(), d.agencyCode(), s.dueAt(), false));
            }
        }
        return out;
    }
}
