package vn.gov.quangtri.motcua.shared.domain;

/**
 * The acting account may not see or do this: the dossier belongs to a unit outside its scope
 * ({@code OUT_OF_SCOPE}) or its roles do not allow the action ({@code ROLE_REQUIRED}). Nothing is changed.
 */
public class ForbiddenException extends DomainException {

    /**
     * @param reason  stable machine-readable reason
     * @param message explanation for logs and problem bodies
     */
    public ForbiddenException(String reason, String message) {
        super(reason, message);
    }
}
