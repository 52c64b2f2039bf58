package vn.gov.quangtri.motcua.interagency.domain;

/**
 * Status of an inter-agency transfer. Forward only: SENT → ACKNOWLEDGED → IN_PROGRESS → RESULT_RETURNED,
 * or REJECTED from any non-final status. An update reporting a status of lower or equal rank, or arriving
 * after a final status, is recorded but ignored (messages may arrive out of order or twice).
 */
public enum TransferStatus {
    /** Handed over (sender) / received and child dossier created (receiver, before it is acknowledged). */
    SENT(0, "Đã chuyển"),
    /** The receiving agency confirmed receipt. */
    ACKNOWLEDGED(1, "Đã tiếp nhận"),
    /** The receiving agency is working on it. */
    IN_PROGRESS(2, "Đang xử lý"),
    /** The receiving agency returned its result. Final. */
    RESULT_RETURNED(3, "Đã trả kết quả"),
    /** The receiving agency refused the transfer. Final. */
    REJECTED(3, "Từ chối tiếp nhận");

    private final int rank;
    private final String vietnamese;

    TransferStatus(int rank, String vietnamese) {
        this.rank = rank;
        this.vietnamese = vietnamese;
    }

    /** Order of progress; final statuses share the highest rank. */
    public int rank() {
        return rank;
    }

    /** Label for users. */
    public String vietnamese() {
        return vietnamese;
    }

    /** Answered: the leg's result came back or the partner refused; any other status is a transfer still open. */
    public boolean isFinal() {
        return FINAL.contains(this);
    }

    /** The answered statuses ({@link #isFinal()}), for queries: a transfer in none of them is open. */
    public static final java.util.Set<TransferStatus> FINAL =
        java.util.Collections.unmodifiableSet(java.util.EnumSet.of(RESULT_RETURNED, REJECTED));
}
