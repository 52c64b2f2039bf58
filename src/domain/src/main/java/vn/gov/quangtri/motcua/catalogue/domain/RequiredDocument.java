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

/**
 * A dossier component the procedure requires (thành phần hồ sơ): name, form, number of copies, and
 * whether it is always required or only in a stated situation (conditional).
 */
@Entity
@jakarta.persistence.Cacheable
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

    @Column(name = "required", nullable = false)
    private boolean required = true;

    @Column(name = "condition_note", length = 1000)
    private String condition;

    /** For JPA only. */
    protected RequiredDocument() {
    }

    RequiredDocument(Procedure procedure, int position, String name, DocumentForm form, int quantity) {
        this.procedure = procedure;
        this.position = position;
        this.name = Objects.requireNonNull(name);
        this.form = Objects.requireNonNull(form);
        this.quantity = quantity;
        this.required = true;
    }

    void update(String name, DocumentForm form, int quantity, boolean required, String condition) {
        this.name = Objects.requireNonNull(name);
        this.form = Objects.requireNonNull(form);
        this.quantity = quantity;
        this.required = required;
        this.condition = required ? null : condition;
    }

    /** The same content as a {@link DocumentSpec}. */
    DocumentSpec spec() {
        return new DocumentSpec(name, form, quantity, required, condition);
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

    /** False for a conditional document, which the intake completeness check does not demand. */
    public boolean required() {
        return required;
    }

    /** When a conditional document is needed; null for a required one. */
    public String condition() {
        return condition;
    }
}
