package vn.gov.quangtri.motcua.shared.domain;

import java.util.List;

/**
 * Well-formed input that a business rule refuses (an incomplete dossier, a procedure whose time
 * limit is not configured, a closed agency). Maps to HTTP 422; {@link #details()} lists the items.
 */
public class RuleViolationException extends DomainException {

    private final List<String> details;

    /**
     * @param reason  stable code such as {@code INCOMPLETE_DOSSIER}
     * @param message explanation for people
     * @param details items concerned (e.g. missing document names); may be empty
     */
    public RuleViolationException(String reason, String message, List<String> details) {
        super(reason, message);
        this.details = List.copyOf(details);
    }

    /** @see #RuleViolationException(String, String, List) */
    public RuleViolationException(String reason, String message) {
        this(reason, message, List.of());
    }

    /** Items concerned by the violation, possibly empty. */
    public List<String> details() {
        return details;
    }
}
