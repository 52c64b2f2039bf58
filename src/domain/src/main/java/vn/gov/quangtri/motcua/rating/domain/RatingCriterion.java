package vn.gov.quangtri.motcua.rating.domain;

/**
 * The nine indicators a citizen rates a dossier's handling by (Decree 61/2018/NĐ-CP art. 33 as provincial
 * portals implement it; docs/domain.md §2.13). Stored by name in {@code rating_answer.criterion}.
 */
public enum RatingCriterion {
    /** 1. Total handling time compared with the statutory time. */
    TOTAL_TIME("Thời gian giải quyết so với quy định", "Total handling time compared with the statutory time"),
    /** 2. Time taken by each agency or unit compared with its allotment. */
    UNIT_TIME("Thời gian xử lý của từng cơ quan, đơn vị", "Time taken by each agency or unit"),
    /** 3. Number of times the applicant had to contact the reception point to complete the dossier. */
    CONTACTS_TO_COMPLETE("Số lần phải liên hệ để hoàn thiện hồ sơ", "Times you had to come back to complete the dossier"),
    /** 4. Number of agencies or units the applicant had to contact. */
    AGENCIES_CONTACTED("Số cơ quan, đơn vị phải liên hệ", "Agencies or units you had to contact"),
    /** 5. Reception, handling and return through the One-stop Unit. */
    ONE_STOP("Tiếp nhận, giải quyết, trả kết quả qua Bộ phận Một cửa", "Reception, handling and return at the One-stop Unit"),
    /** 6. Publicity of the procedure (published, correct, complete). */
    PUBLICITY("Công khai thủ tục hành chính", "Publicity of the procedure"),
    /** 7. Attitude of the officials (helpfulness, harassment, communication). */
    ATTITUDE("Thái độ của cán bộ, công chức", "Attitude of the officials"),
    /** 8. Reception of and response to feedback and complaints. */
    FEEDBACK_HANDLING("Tiếp nhận, xử lý ý kiến phản ánh, kiến nghị", "Handling of feedback and complaints"),
    /** 9. Progress and quality of the online public service. */
    ONLINE_SERVICE("Chất lượng dịch vụ công trực tuyến", "Quality of the online public service");

    private final String vietnamese;
    private final String english;

    RatingCriterion(String vietnamese, String english) {
        this.vietnamese = vietnamese;
        this.english = english;
    }

    /** @return the question in Vietnamese ({@code "vi"}) or English (anything else) */
    public String label(String language) {
        return "vi".equals(language) ? vietnamese : english;
    }

    /** @return the indicator's number in Decree 61 art. 33 (1–9) */
    public int number() {
        return ordinal() + 1;
    }
}
