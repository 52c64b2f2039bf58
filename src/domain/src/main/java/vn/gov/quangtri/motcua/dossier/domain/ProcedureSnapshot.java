package vn.gov.quangtri.motcua.dossier.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import vn.gov.quangtri.motcua.catalogue.domain.Procedure;

/**
 * What a dossier keeps of its procedure's catalogue entry as it stood at submission: code, name, revision,
 * field, fee and whether a financial obligation pauses the clock. Later catalogue edits create a new revision
 * and never change a dossier already received (docs/domain.md §0). Immutable; mapped onto the dossier's own
 * {@code procedure_*} columns. The time limit the clock runs on lives in {@link ProcessingClock} (an
 * inter-agency child runs on its leg's share, not on the procedure's limit).
 */
@Embeddable
public class ProcedureSnapshot {

    @Column(name = "procedure_code", length = 40, nullable = false, updatable = false)
    private String code;

    @Column(name = "procedure_name", length = 2000, nullable = false, updatable = false)
    private String name;

    @Column(name = "procedure_revision", nullable = false, updatable = false)
    private int revision;

    @Column(name = "procedure_field", length = 300, updatable = false)
    private String field;

    @Column(name = "fee_vnd", updatable = false)
    private Long feeVnd;

    @Column(name = "pause_for_financial_obligation", nullable = false, updatable = false)
    private boolean pauseForFinancialObligation;

    /** For JPA only. */
    protected ProcedureSnapshot() {
    }

    /** The snapshot of the procedure's current revision. */
    static ProcedureSnapshot of(Procedure p) {
        ProcedureSnapshot s = new ProcedureSnapshot();
        s.code = p.code();
        s.name = p.name();
        s.revision = p.revision();
        s.field = p.field();
        s.feeVnd = p.feeVnd();
        s.pauseForFinancialObligation = p.pauseForFinancialObligation();
        return s;
    }

    /** The procedure code in the national database, e.g. {@code 1.001612}. */
    public String code() {
        return code;
    }

    /** The procedure's name at submission. */
    public String name() {
        return name;
    }

    /** The catalogue revision the dossier was received under. */
    public int revision() {
        return revision;
    }

    /** The field (lĩnh vực) for statistics; may be null. */
    public String field() {
        return field;
    }

    /** The fee in VND at submission; null when none is set. */
    public Long feeVnd() {
        return feeVnd;
    }

    /** Whether waiting for a financial obligation pauses the clock (sector law, e.g. land). */
    public boolean pauseForFinancialObligation() {
        return pauseForFinancialObligation;
    }
}
