package vn.gov.quangtri.motcua.dossier.domain;

/**
 * The few statuses a citizen sees in the public lookup (issue 13 §1; docs/domain.md §2.12), mapped from the
 * internal {@link DossierStatus} in {@link #of} and nowhere else. The mapping is a switch without default,
 * so a new internal status does not compile until it is placed here.
 */
public enum CitizenStatus {
    /** Đã tiếp nhận: received (or submitted online and awaiting the officer's check). */
    RECEIVED,
    /** Đang giải quyết. */
    IN_PROCESS,
    /** Chờ công dân: a supplement or a financial obligation is asked of the applicant (see {@link WaitingFor}). */
    WAITING_FOR_YOU,
    /** Đang chờ cơ quan khác (liên thông). */
    WAITING_FOR_OTHER_AGENCY,
    /** Đã có kết quả: ready at the One-stop Unit (also the reasoned reply of a dossier not approved). */
    RESULT_READY,
    /** Đã trả kết quả. */
    RETURNED,
    /** Từ chối tiếp nhận. */
    REFUSED,
    /** Dừng giải quyết. */
    STOPPED;

    /** What the applicant is asked for while {@link #WAITING_FOR_YOU}. */
    public enum WaitingFor {
        /** Bổ sung, hoàn thiện hồ sơ (at intake or during processing): the items are listed. */
        SUPPLEMENT,
        /** Thực hiện nghĩa vụ tài chính (taxes, fees, levies). */
        FINANCIAL_OBLIGATION
    }

    /** The citizen's status of an internal one. */
    public static CitizenStatus of(DossierStatus status) {
        return switch (status) {
            case SUBMITTED_ONLINE, RECEIVED -> RECEIVED;
            case IN_PROCESS -> IN_PROCESS;
            case SUPPLEMENT_REQUESTED_AT_INTAKE, SUPPLEMENT_REQUESTED_IN_PROCESS, WAITING_FINANCIAL_OBLIGATION ->
                WAITING_FOR_YOU;
            case WAITING_INTERAGENCY -> WAITING_FOR_OTHER_AGENCY;
            case NOT_APPROVED, RESULT_READY -> RESULT_READY;
            case RETURNED -> RETURNED;
            case REFUSED -> REFUSED;
            case STOPPED -> STOPPED;
        };
    }

    /** What the applicant must bring or do in this internal status; null when nothing is asked of him. */
    public static WaitingFor waitingFor(DossierStatus status) {
        return switch (status) {
            case SUPPLEMENT_REQUESTED_AT_INTAKE, SUPPLEMENT_REQUESTED_IN_PROCESS -> WaitingFor.SUPPLEMENT;
            case WAITING_FINANCIAL_OBLIGATION -> WaitingFor.FINANCIAL_OBLIGATION;
            case SUBMITTED_ONLINE, RECEIVED, IN_PROCESS, WAITING_INTERAGENCY, NOT_APPROVED, RESULT_READY, RETURNED,
                REFUSED, STOPPED -> null;
        };
    }

    /**
     * The items of the latest supplement request (at intake or during processing), in order, while the dossier
     * waits for a supplement; empty otherwise. These are what form 02 listed for the applicant.
     */
    public static java.util.List<String> itemsToBring(Dossier d) {
        if (waitingFor(d.status()) != WaitingFor.SUPPLEMENT) {
            return java.util.List.of();
        }
        for (int i = d.history().size() - 1; i >= 0; i--) {
            DossierEvent e = d.history().get(i);
            if (e.action() == DossierAction.REQUEST_SUPPLEMENT || e.action() == DossierAction.REQUEST_SUPPLEMENT_AT_INTAKE) {
                return HistoryText.requestedItems(e);
            }
        }
        return java.util.List.of();
    }
}
