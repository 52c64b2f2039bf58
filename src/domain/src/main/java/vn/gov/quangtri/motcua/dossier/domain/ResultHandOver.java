package vn.gov.quangtri.motcua.dossier.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Embeddable;
import java.time.Instant;
import vn.gov.quangtri.motcua.shared.domain.InstantConverter;

/**
 * How the result left the one-stop desk (trả kết quả, docs/domain.md §2.7): when, to whom and how (at the desk,
 * by post, online, or back to the sending agency for an inter-agency child). Immutable; absent until the hand-over.
 */
@Embeddable
public class ResultHandOver {

    /** The method recorded when a child's result goes back to the agency that transferred it. */
    public static final String INTERAGENCY = "INTERAGENCY";

    @Convert(converter = InstantConverter.class)
    @Column(name = "returned_at")
    private Instant returnedAt;

    @Column(name = "returned_to", length = 300)
    private String returnedTo;

    @Column(name = "return_method", length = 20)
    private String method;

    /** For JPA only (and the empty hand-over of a dossier whose result has not left yet). */
    protected ResultHandOver() {
    }

    ResultHandOver(Instant returnedAt, String returnedTo, String method) {
        this.returnedAt = returnedAt;
        this.returnedTo = returnedTo;
        this.method = method;
    }

    /** When the result was handed over; null before. */
    public Instant returnedAt() {
        return returnedAt;
    }

    /** Who collected it (a person, or the sending agency's name); null before. */
    public String returnedTo() {
        return returnedTo;
    }

    /** {@code DIRECT}, {@code POSTAL}, {@code ONLINE} or {@link #INTERAGENCY}; null before. */
    public String method() {
        return method;
    }
}
