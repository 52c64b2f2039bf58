package vn.gov.quangtri.motcua.shared.domain;

/** The addressed dossier, procedure or agency does not exist. */
public class NotFoundException extends DomainException {

    /**
     * @param what    kind of thing, e.g. {@code "dossier"}
     * @param key     the key that was looked up
     */
    public NotFoundException(String what, String key) {
        super("NOT_FOUND", "No " + what + " with code '" + key + "'");
    }
}
