package vn.gov.quangtri.motcua.web.admin;

import java.io.Serializable;
import java.math.BigDecimal;
import vn.gov.quangtri.motcua.calendar.domain.TimeLimit;
import vn.gov.quangtri.motcua.calendar.domain.TimeLimitUnit;
import vn.gov.quangtri.motcua.catalogue.domain.ProcessStepTemplate;
import vn.gov.quangtri.motcua.catalogue.domain.StepKind;
import vn.gov.quangtri.motcua.catalogue.domain.StepRole;
import vn.gov.quangtri.motcua.catalogue.domain.StepSpec;

/** An editable step of the internal process in the procedure editor ({@link ProcedureEditor}). */
public class StepRow implements Serializable {

    private static final long serialVersionUID = 1L;

    private String name;
    private StepRole role = StepRole.SPECIALIST;
    private StepKind kind = StepKind.WORK;
    private String responsibleUnit;
    private BigDecimal value = BigDecimal.ONE;
    private TimeLimitUnit unit = TimeLimitUnit.WORKING_DAY;

    static StepRow of(ProcessStepTemplate s) {
        StepRow r = new StepRow();
        r.name = s.name();
        r.role = s.role();
        r.kind = s.kind();
        r.responsibleUnit = s.responsibleUnit();
        r.value = s.allotment() == null ? null : s.allotment().value();
        r.unit = s.allotment() == null ? TimeLimitUnit.WORKING_DAY : s.allotment().unit();
        return r;
    }

    StepSpec spec() {
        TimeLimit allotment = value == null || unit == null || value.signum() < 0 ? null : new TimeLimit(value, unit);
        return new StepSpec(name, role, kind, responsibleUnit, allotment);
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public StepRole getRole() {
        return role;
    }

    public void setRole(StepRole role) {
        this.role = role;
    }

    public StepKind getKind() {
        return kind;
    }

    public void setKind(StepKind kind) {
        this.kind = kind;
    }

    public String getResponsibleUnit() {
        return responsibleUnit;
    }

    public void setResponsibleUnit(String responsibleUnit) {
        this.responsibleUnit = responsibleUnit;
    }

    public BigDecimal getValue() {
        return value;
    }

    public void setValue(BigDecimal value) {
        this.value = value;
    }

    public TimeLimitUnit getUnit() {
        return unit;
    }

    public void setUnit(TimeLimitUnit unit) {
        this.unit = unit;
    }
}
