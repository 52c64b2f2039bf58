package vn.gov.quangtri.motcua.shared.domain;

/**
 * A business rule refused an operation. Carries a stable machine-readable {@code reason} code
 * (for problem responses) next to a human-readable message. Nothing has been changed when it is thrown.
 */
public class DomainException extends RuntimeException {

    private final String reason;

    /**
     * @param reason  stable code such as {@code ILLEGAL_TRANSITION}
     * @param message explanation for people
     */
    public DomainException(String reason, String message) {
        super(message);
        this.reason = reason;
    }

    /** Stable machine-readable reason code. */
    public String reason() {
        return reason;
    }
}
