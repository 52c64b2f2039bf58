package vn.gov.quangtri.motcua.dossier.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Embeddable;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import vn.gov.quangtri.motcua.shared.domain.InstantConverter;
import vn.gov.quangtri.motcua.shared.domain.RuleViolationException;
import vn.gov.quangtri.motcua.shared.domain.Texts;

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

    @Column(name = "result_file_id")
    private Long resultFileId;

    /** For JPA only (and the empty hand-over of a dossier whose result has not left yet). */
    protected ResultHandOver() {
    }

    ResultHandOver(Instant returnedAt, String returnedTo, String method) {
        this.returnedAt = returnedAt;
        this.returnedTo = returnedTo;
        this.method = method;
    }

    /**
     * The result handed to the applicant (or whoever collects it for them).
     *
     * @param receivedBy the person who collected it; required, at most {@link Texts#PERSON} characters
     * @param method     {@code DIRECT}, {@code POSTAL} or {@code ONLINE} (any case); {@code DIRECT} when blank
     * @throws RuleViolationException {@code RECEIVER_REQUIRED}, {@code TEXT_TOO_LONG}, {@code UNKNOWN_RETURN_METHOD}
     */
    static ResultHandOver toApplicant(Instant at, String receivedBy, String method) {
        if (receivedBy == null || receivedBy.isBlank()) {
            throw new RuleViolationException("RECEIVER_REQUIRED", "Name the person who collected the result");
        }
        String receiver = Texts.limited("receivedBy", receivedBy, Texts.PERSON);
        Channel how;
        try {
            how = method == null || method.isBlank() ? Channel.DIRECT
                : Channel.valueOf(method.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new RuleViolationException("UNKNOWN_RETURN_METHOD", "method must be DIRECT, POSTAL or ONLINE",
                List.of("method: one of [DIRECT, POSTAL, ONLINE]"));
        }
        return new ResultHandOver(at, receiver, how.name());
    }

    /**
     * A child dossier's result sent back to the agency that transferred it (method {@link #INTERAGENCY}).
     *
     * @throws RuleViolationException {@code TEXT_TOO_LONG} for a name over {@link Texts#PERSON} characters
     */
    static ResultHandOver toSender(Instant at, String sendingAgencyName) {
        return new ResultHandOver(at, Texts.limited("receivedBy", sendingAgencyName, Texts.PERSON), INTERAGENCY);
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

    /**
     * The electronic result handed over with it (a {@link DossierFile} of purpose RESULT, issue 15 §2), or null when
     * none was (the procedure issues none, or none was attached).
     */
    public Long resultFileId() {
        return resultFileId;
    }

    /** The same hand-over, pointing to the electronic result handed over with it. */
    ResultHandOver withElectronicResult(long fileId) {
        ResultHandOver h = new ResultHandOver(returnedAt, returnedTo, method);
        h.resultFileId = fileId;
        return h;
    }
}
