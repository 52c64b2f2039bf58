package vn.gov.quangtri.motcua.dossier.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import vn.gov.quangtri.motcua.shared.domain.InstantConverter;
import vn.gov.quangtri.motcua.shared.domain.LocalDateConverter;
import vn.gov.quangtri.motcua.shared.domain.RuleViolationException;
import vn.gov.quangtri.motcua.shared.domain.Texts;

/**
 * An electronic file of a dossier (issue 15 §1): a scan or upload of one of its components, an appraisal paper or
 * the result document. The row holds what the file is (name exactly as given, media type detected from the
 * content, size in bytes, SHA-256, pages of a PDF) and what Decision 766/QĐ-TTg counts (source, digitised,
 * re-used); the bytes are kept by a file store under {@link #storageKey()}. A file is never changed once
 * attached: a wrong file is withdrawn (with who, when and why) and a new one attached, so the history of what
 * the desk held stays whole.
 */
@Entity
@Table(name = "dossier_file")
public class DossierFile {

    /** Reason of a result description on a file that is not a result, or of a hand-over with such a file. */
    public static final String NOT_A_RESULT = "NOT_A_RESULT";

    @Id
    @SequenceGenerator(name = "dossier_file_seq", sequenceName = "dossier_file_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "dossier_file_seq")
    private Long id;

    @Column(name = "dossier_code", length = 40, nullable = false, updatable = false)
    private String dossierCode;

    @Column(name = "component_position", updatable = false)
    private Integer componentPosition;

    @Enumerated(EnumType.STRING)
    @Column(name = "purpose", length = 20, nullable = false, updatable = false)
    private FilePurpose purpose;

    @Column(name = "file_name", length = 1000, nullable = false, updatable = false)
    private String fileName;

    @Column(name = "media_type", length = 200, nullable = false, updatable = false)
    private String mediaType;

    @Column(name = "size_bytes", nullable = false, updatable = false)
    private long sizeBytes;

    @Column(name = "sha256", length = 64, nullable = false, updatable = false)
    private String sha256;

    @Column(name = "pages", updatable = false)
    private Integer pages;

    @Enumerated(EnumType.STRING)
    @Column(name = "source", length = 30, nullable = false, updatable = false)
    private FileSource source;

    @Column(name = "digitised", nullable = false, updatable = false)
    private boolean digitised;

    @Column(name = "reused", nullable = false, updatable = false)
    private boolean reused;

    @Column(name = "storage_key", length = 200, nullable = false, updatable = false)
    private String storageKey;

    @Column(name = "attached_by", length = 100, nullable = false, updatable = false)
    private String attachedBy;

    @Convert(converter = InstantConverter.class)
    @Column(name = "attached_at", nullable = false, updatable = false)
    private Instant attachedAt;

    @Enumerated(EnumType.STRING)
    @Column(name = "signature_status", length = 20, nullable = false, updatable = false)
    private SignatureCheck.Status signatureStatus;

    @Column(name = "signature_count", nullable = false, updatable = false)
    private int signatureCount;

    @Column(name = "signature_signer", length = 500, updatable = false)
    private String signatureSigner;

    @Convert(converter = InstantConverter.class)
    @Column(name = "signature_signed_at", updatable = false)
    private Instant signatureSignedAt;

    @Column(name = "signature_detail", length = 1000, updatable = false)
    private String signatureDetail;

    @Column(name = "document_number", length = 100, updatable = false)
    private String documentNumber;

    @Convert(converter = LocalDateConverter.class)
    @Column(name = "document_date", updatable = false)
    private LocalDate documentDate;

    @Column(name = "document_signer", length = 300, updatable = false)
    private String documentSigner;

    @Column(name = "withdrawn_by", length = 100)
    private String withdrawnBy;

    @Convert(converter = InstantConverter.class)
    @Column(name = "withdrawn_at")
    private Instant withdrawnAt;

    @Column(name = "withdrawn_reason", length = 4000)
    private String withdrawnReason;

    /** For JPA only. */
    protected DossierFile() {
    }

    /**
     * A newly attached file.
     *
     * @param dossier     the dossier it belongs to
     * @param component   position of the received component it is a copy of ({@link ReceivedDocument#position()}),
     *                    or null for a file that is not one (appraisal paper, result)
     * @param purpose     when it was attached
     * @param content     what the file is, as measured by the store
     * @param source      where it came from
     * @param digitised   whether it counts as digitised, null for the source's default
     * @param reused      whether it counts as re-used data, null for the source's default
     * @param storageKey  the store's key of its bytes
     * @param by          the account attaching it
     * @param at          when (the recording time is also the business time: attaching happens now)
     * @throws RuleViolationException {@code UNKNOWN_COMPONENT} when the dossier has no component at that position
     */
    public DossierFile(Dossier dossier, Integer component, FilePurpose purpose, FileContent content, FileSource source,
                       Boolean digitised, Boolean reused, String storageKey, String by, Instant at) {
        if (component != null && dossier.documents().stream().noneMatch(d -> d.position() == component)) {
            throw new RuleViolationException("UNKNOWN_COMPONENT", "Dossier " + dossier.code() + " has no component "
                + component + " (it has " + dossier.documents().size() + ")",
                List.of("component: 1 to " + dossier.documents().size()));
        }
        this.dossierCode = dossier.code();
        this.componentPosition = component;
        this.purpose = Objects.requireNonNull(purpose, "purpose");
        this.fileName = content.name().value();
        this.mediaType = content.mediaType();
        this.sizeBytes = content.sizeBytes();
        this.sha256 = content.sha256();
        this.pages = content.pages();
        this.source = Objects.requireNonNull(source, "source");
        this.digitised = digitised != null ? digitised : source.digitisedByDefault();
        this.reused = reused != null ? reused : source.reusedByDefault();
        SignatureCheck signature = content.signature() == null ? SignatureCheck.none() : content.signature();
        this.signatureStatus = signature.status();
        this.signatureCount = signature.count();
        this.signatureSigner = signature.signer() == null ? null : Texts.clean("signer", signature.signer(), false, 500);
        this.signatureSignedAt = signature.signedAt();
        this.signatureDetail = signature.detail();
        this.storageKey = storageKey;
        this.attachedBy = by;
        this.attachedAt = at;
    }

    /**
     * How a result document is named in the history and on the citizen's page: "số 12/QĐ-UBND ngày 05/12/2026 (tệp
     * "x.pdf")", with the parts that are known.
     */
    public String resultTitle() {
        StringBuilder b = new StringBuilder();
        if (documentNumber != null) {
            b.append("số ").append(documentNumber);
        }
        if (documentDate != null) {
            b.append(b.length() == 0 ? "" : " ").append("ngày ")
                .append(documentDate.format(java.time.format.DateTimeFormatter.ofPattern("dd/MM/yyyy")));
        }
        b.append(b.length() == 0 ? "" : " ").append("(tệp \"").append(fileName).append("\")");
        return b.toString();
    }

    /**
     * Records the particulars of a result document (issue 15 §2): its number, date and signer as printed on it.
     * Only for a file attached as {@link FilePurpose#RESULT}, before it is stored.
     *
     * @throws RuleViolationException {@code NOT_A_RESULT} for another purpose; {@code TEXT_TOO_LONG},
     *                                {@code CONTROL_CHARACTER} for the texts
     */
    public void describeResult(String number, LocalDate date, String signer) {
        if (purpose != FilePurpose.RESULT && (number != null || date != null || signer != null)) {
            throw new RuleViolationException(NOT_A_RESULT, "Only a result document has a number, date and signer",
                List.of("purpose: RESULT"));
        }
        this.documentNumber = Texts.clean("documentNumber", number, false, 100);
        this.documentDate = date;
        this.documentSigner = Texts.clean("documentSigner", signer, false, Texts.PERSON);
    }

    /**
     * Withdraws the file (it stays stored and listed as withdrawn).
     *
     * @throws RuleViolationException {@code ALREADY_WITHDRAWN}, saying when (Vietnam time, {@code +07:00}) and by whom
     */
    public void withdraw(String by, Instant at, String reason) {
        if (withdrawnAt != null) {
            // Vietnam time, like every moment the API shows (issue 16: the message showed UTC)
            throw new RuleViolationException("ALREADY_WITHDRAWN", "File " + id + " was withdrawn on "
                + vn.gov.quangtri.motcua.shared.domain.VietnamTime.offset(withdrawnAt) + " by " + withdrawnBy, List.of());
        }
        this.withdrawnBy = by;
        this.withdrawnAt = at;
        this.withdrawnReason = reason;
    }

    public Long id() {
        return id;
    }

    public String dossierCode() {
        return dossierCode;
    }

    /** Position of the component it is a copy of, or null. */
    public Integer componentPosition() {
        return componentPosition;
    }

    public FilePurpose purpose() {
        return purpose;
    }

    public FileName fileName() {
        return new FileName(fileName);
    }

    /** The media type detected from the content (not from the name). */
    public String mediaType() {
        return mediaType;
    }

    /** Size in bytes. */
    public long sizeBytes() {
        return sizeBytes;
    }

    /** SHA-256 of the bytes, 64 lower-case hex digits. */
    public String sha256() {
        return sha256;
    }

    /** Pages of a PDF, null for other types. */
    public Integer pages() {
        return pages;
    }

    public FileSource source() {
        return source;
    }

    /** Whether it counts as digitised (Decision 766 indicator group 4). */
    public boolean digitised() {
        return digitised;
    }

    /** Whether it counts as re-used data (Decision 766 indicator group 4). */
    public boolean reused() {
        return reused;
    }

    /** The digital signature as read when the file was attached. */
    public SignatureCheck signature() {
        return new SignatureCheck(signatureStatus, signatureCount, signatureSigner, signatureSignedAt, signatureDetail);
    }

    /** Number of a result document (số văn bản), or null. */
    public String documentNumber() {
        return documentNumber;
    }

    /** Date of a result document, or null. */
    public LocalDate documentDate() {
        return documentDate;
    }

    /** Signer of a result document as printed on it, or null. */
    public String documentSigner() {
        return documentSigner;
    }

    public String storageKey() {
        return storageKey;
    }

    public String attachedBy() {
        return attachedBy;
    }

    public Instant attachedAt() {
        return attachedAt;
    }

    /** Whether the file was withdrawn. */
    public boolean withdrawn() {
        return withdrawnAt != null;
    }

    public String withdrawnBy() {
        return withdrawnBy;
    }

    public Instant withdrawnAt() {
        return withdrawnAt;
    }

    public String withdrawnReason() {
        return withdrawnReason;
    }
}
