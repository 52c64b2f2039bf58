package vn.gov.quangtri.motcua.shared.domain;

/**
 * The operation does not fit the current state (an illegal transition, or another officer changed
 * the dossier first). Maps to HTTP 409.
 */
public class ConflictException extends DomainException {

    /**
     * @param reason  stable code such as {@code ILLEGAL_TRANSITION} or {@code CONCURRENT_CHANGE}
     * @param message explanation for people
     */
    public ConflictException(String reason, String message) {
        super(reason, message);
    }
}
