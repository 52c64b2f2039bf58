package vn.gov.quangtri.motcua.dossier.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import vn.gov.quangtri.motcua.catalogue.domain.DocumentForm;
import vn.gov.quangtri.motcua.shared.domain.TextSearch;

/** A document received with the dossier (giấy tờ đã nhận), listed on the receipt slip. */
@Entity
@Table(name = "dossier_document")
public class ReceivedDocument {

    @Id
    @SequenceGenerator(name = "dossier_document_seq", sequenceName = "dossier_document_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "dossier_document_seq")
    private Long id;

    @ManyToOne(optional = false)
    @JoinColumn(name = "dossier_id")
    private Dossier dossier;

    @Column(name = "position", nullable = false)
    private int position;

    @Column(name = "required_position")
    private Integer requiredPosition;

    @Column(name = "name", length = 1000, nullable = false)
    private String name;

    @Enumerated(EnumType.STRING)
    @Column(name = "document_form", length = 20, nullable = false)
    private DocumentForm form;

    @Column(name = "quantity", nullable = false)
    private int quantity;

    /** For JPA only. */
    protected ReceivedDocument() {
    }

    ReceivedDocument(Dossier dossier, int position, DocumentLine line) {
        this.dossier = dossier;
        this.position = position;
        this.requiredPosition = line.requiredPosition();
        this.name = TextSearch.nfc(line.name() == null ? "Thành phần hồ sơ số " + line.requiredPosition() : line.name());
        this.form = line.form();
        this.quantity = line.quantity();
    }

    public int position() {
        return position;
    }

    /** Position of the matching required document in the procedure, or null for an extra paper. */
    public Integer requiredPosition() {
        return requiredPosition;
    }

    public String name() {
        return name;
    }

    public DocumentForm form() {
        return form;
    }

    public int quantity() {
        return quantity;
    }
}
