package vn.gov.quangtri.motcua.dossier.domain;

import java.time.Instant;
import vn.gov.quangtri.motcua.shared.domain.VietnamTime;

/**
 * Early / on time / late (trước hạn / đúng hạn / quá hạn), docs/domain.md §3.5: a dossier finished before
 * the appointment date is early, on the appointment date (before the day ends) on time, after it late.
 */
public enum Timeliness {
    EARLY, ON_TIME, LATE;

    /**
     * Classifies a dossier's completion against its appointment by Vietnam-local date.
     *
     * @param completedAt completion moment (result ready / not approved)
     * @param dueAt       the appointment, already extended by clock pauses (supplement time excluded)
     */
    public static Timeliness ofDossier(Instant completedAt, Instant dueAt) {
        int cmp = VietnamTime.local(completedAt).toLocalDate().compareTo(VietnamTime.local(dueAt).toLocalDate());
        return cmp < 0 ? EARLY : cmp == 0 ? ON_TIME : LATE;
    }

    /**
     * Classifies an internal step against its allotted deadline (control sheet, form 06): late once the
     * deadline moment has passed, early when done on an earlier day, otherwise on time.
     *
     * @param completedAt when the step was completed
     * @param dueAt       the step's deadline
     */
    public static Timeliness ofStep(Instant completedAt, Instant dueAt) {
        if (completedAt.isAfter(dueAt)) {
            return LATE;
        }
        return VietnamTime.local(completedAt).toLocalDate().isBefore(VietnamTime.local(dueAt).toLocalDate())
            ? EARLY : ON_TIME;
    }
}
