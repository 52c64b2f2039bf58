package vn.gov.quangtri.motcua.notification.domain;

import vn.gov.quangtri.motcua.dossier.domain.DossierAction;
import vn.gov.quangtri.motcua.dossier.domain.DossierEvent;
import vn.gov.quangtri.motcua.dossier.domain.DossierStatus;

/**
 * The moments of a dossier the applicant is told about (issue 13 §3; Decree 118/2025/NĐ-CP art. 13–19 on
 * receipt, supplement, financial obligation, result, apology for lateness and refusal; docs/domain.md §2.14).
 */
public enum Milestone {
    /** Received (tiếp nhận): at the desk, online acceptance. */
    RECEIVED,
    /** Supplement requested (yêu cầu bổ sung), at intake or during processing: what to bring. */
    SUPPLEMENT_REQUESTED,
    /** Financial obligation to fulfil (nghĩa vụ tài chính). */
    FINANCIAL_OBLIGATION,
    /** The result is ready to be collected (có kết quả). */
    RESULT_READY,
    /** Apology with a new appointment (thư xin lỗi, hẹn lại ngày trả kết quả; form 04). */
    RESCHEDULED,
    /** Refused at intake or not approved (từ chối / không giải quyết), with the reason. */
    REFUSED,
    /**
     * The appointment passed without a result (quá hạn; Decree 118/2025/NĐ-CP: the unit owes the applicant an apology
     * and a new appointment). Not a history event: the nightly deadline sweep announces it once, when it records the
     * dossier's overdue event (issue 14 §1), so {@link #of} never returns it.
     */
    OVERDUE;

    /**
     * The milestone a history event announces, or null when the applicant is not told about it.
     *
     * @param e an event of the dossier's history
     */
    public static Milestone of(DossierEvent e) {
        DossierAction a = e.action();
        if (a == DossierAction.REQUEST_SUPPLEMENT || a == DossierAction.REQUEST_SUPPLEMENT_AT_INTAKE) {
            return SUPPLEMENT_REQUESTED;
        }
        if (a == DossierAction.REQUEST_FINANCIAL_OBLIGATION) {
            return FINANCIAL_OBLIGATION;
        }
        if (a == DossierAction.RESCHEDULE) {
            return RESCHEDULED;
        }
        if (a == DossierAction.REFUSE || a == DossierAction.REJECT) {
            return REFUSED;
        }
        if (e.toStatus() == DossierStatus.RECEIVED && e.fromStatus() != DossierStatus.RECEIVED
            && (a == DossierAction.RECEIVE)) {
            return RECEIVED;
        }
        if (e.toStatus() == DossierStatus.RESULT_READY && e.fromStatus() != DossierStatus.RESULT_READY) {
            return RESULT_READY;
        }
        return null;
    }
}
