package vn.gov.quangtri.motcua.web.admin;

import java.io.Serializable;
import vn.gov.quangtri.motcua.catalogue.domain.DocumentForm;
import vn.gov.quangtri.motcua.catalogue.domain.DocumentSpec;
import vn.gov.quangtri.motcua.catalogue.domain.RequiredDocument;

/** An editable line of the required documents in the procedure editor ({@link ProcedureEditor}). */
public class DocumentRow implements Serializable {

    private static final long serialVersionUID = 1L;

    private String name;
    private DocumentForm form = DocumentForm.ORIGINAL;
    private int copies = 1;
    private boolean required = true;
    private String condition;

    static DocumentRow of(RequiredDocument d) {
        DocumentRow r = new DocumentRow();
        r.name = d.name();
        r.form = d.form();
        r.copies = d.quantity();
        r.required = d.required();
        r.condition = d.condition();
        return r;
    }

    DocumentSpec spec() {
        return new DocumentSpec(name, form, copies, required, required ? null : condition);
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public DocumentForm getForm() {
        return form;
    }

    public void setForm(DocumentForm form) {
        this.form = form;
    }

    public int getCopies() {
        return copies;
    }

    public void setCopies(int copies) {
        this.copies = copies;
    }

    public boolean isRequired() {
        return required;
    }

    public void setRequired(boolean required) {
        this.required = required;
    }

    public String getCondition() {
        return condition;
    }

    public void setCondition(String condition) {
        this.condition = condition;
    }
}
