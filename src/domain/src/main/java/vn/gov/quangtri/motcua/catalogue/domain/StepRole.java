package vn.gov.quangtri.motcua.catalogue.domain;

/** Who performs an internal process step (quy trình nội bộ, docs/domain.md §3.6). */
public enum StepRole {
    /** Desk officer of the One-stop Unit (tiếp nhận và trả kết quả). */
    ONE_STOP_OFFICER,
    /** Specialist who appraises the dossier (chuyên viên xử lý). */
    SPECIALIST,
    /** Leader who approves and signs (lãnh đạo phê duyệt). */
    LEADER,
    /** Records clerk who numbers and issues the result (văn thư). */
    CLERK
}
