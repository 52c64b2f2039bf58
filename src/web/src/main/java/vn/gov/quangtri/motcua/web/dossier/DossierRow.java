package vn.gov.quangtri.motcua.web.dossier;

import java.io.Serializable;
import java.time.Instant;
import vn.gov.quangtri.motcua.calendar.domain.WorkingCalendar;
import vn.gov.quangtri.motcua.dossier.application.Countdown;
import vn.gov.quangtri.motcua.dossier.domain.Dossier;
import vn.gov.quangtri.motcua.dossier.domain.DossierStatus;
import vn.gov.quangtri.motcua.dossier.domain.DossierStep;

/**
 * One dossier in a list, with its working time left (còn / quá hạn, docs/cases.md C10) computed at display time.
 *
 * @param timeLeftVi "Còn 2 ngày 3 giờ" / "Quá hạn 1 ngày" or empty when the clock does not run
 * @param overdue    the appointment has passed in working time
 * @param dueSoon    less than one working day left
 * @param rescheduledDueAt the new appointment given with an apology (form 04), or null; the row still counts
 *                   as overdue against {@code dueAt}
 * @param pausedAt   since when the clock is paused, else null (no countdown then: the list shows the pause)
 */
public record DossierRow(String code, String procedureCode, String procedureName, String field,
                         String applicantName, String unitName, DossierStatus status, String stepName,
                         String handler, Instant receivedAt, Instant dueAt, String timeLeftVi, String timeLeftEn,
                         boolean overdue, boolean dueSoon, Instant rescheduledDueAt, Instant pausedAt)
    implements Serializable {

    /** Builds the row; {@code now} is the display time. */
    public static DossierRow of(Dossier d, WorkingCalendar calendar, Instant now) {
        Countdown c = Countdown.of(d, now, calendar);
        DossierStep step = d.currentStep() == null ? null : d.steps().get(d.currentStep() - 1);
        Instant received = d.clock().receivedAt() != null ? d.clock().receivedAt() : d.submittedAt();
        return new DossierRow(d.code(), d.snapshot().code(), d.snapshot().name(), d.snapshot().field(),
            d.applicant().name(), d.receivingAgency().name(), d.status(), step == null ? null : step.name(),
            step == null ? null : step.handler(), received, d.clock().dueAt(), c.vi(), c.en(), c.overdue(), c.dueSoon(),
            d.clock().rescheduledDueAt(), d.clock().pausedAt());
    }

    /** Whether the dossier was apologised for with a new appointment (form 04). */
    public boolean apologised() {
        return rescheduledDueAt != null;
    }

    /** Row style for the tables: overdue red, due soon amber. */
    public String styleClass() {
        return overdue ? "mc-overdue" : dueSoon ? "mc-soon" : "";
    }
}
