package vn.gov.quangtri.motcua.catalogue.domain;

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
import java.util.Objects;

/** A dossier component the procedure requires (thành phần hồ sơ): name, form and number of copies. */
@Entity
@Table(name = "procedure_document")
public class RequiredDocument {

    @Id
    @SequenceGenerator(name = "procedure_document_seq", sequenceName = "procedure_document_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "procedure_document_seq")
    private Long id;

    @ManyToOne(optional = false)
    @JoinColumn(name = "procedure_id")
    private Procedure procedure;

    @Column(name = "position", nullable = false)
    private int position;

    @Column(name = "name", length = 1000, nullable = false)
    private String name;

    @Enumerated(EnumType.STRING)
    @Column(name = "document_form", length = 20, nullable = false)
    private DocumentForm form;

    @Column(name = "quantity", nullable = false)
    private int quantity;

    /** For JPA only. */
    protected RequiredDocument() {
    }

    RequiredDocument(Procedure procedure, int position, String name, DocumentForm form, int quantity) {
        this.procedure = procedure;
        this.position = position;
        this.name = Objects.requireNonNull(name);
        this.form = Objects.requireNonNull(form);
        this.quantity = quantity;
    }

    public int position() {
        return position;
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
