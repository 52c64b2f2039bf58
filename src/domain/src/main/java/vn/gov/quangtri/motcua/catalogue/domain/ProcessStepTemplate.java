package vn.gov.quangtri.motcua.catalogue.domain;

import jakarta.persistence.AttributeOverride;
import jakarta.persistence.AttributeOverrides;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
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
import vn.gov.quangtri.motcua.calendar.domain.TimeLimit;

/**
 * One step of a procedure's approved internal process (quy trình nội bộ, docs/domain.md §3.6): its order,
 * name, responsible role and unit, and its allotment (share of the statutory time limit in working
 * days or hours). The allotments of all steps must not exceed the statutory limit.
 */
@Entity
@jakarta.persistence.Cacheable
@Table(name = "process_step")
public class ProcessStepTemplate {

    @Id
    @SequenceGenerator(name = "process_step_seq", sequenceName = "process_step_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "process_step_seq")
    private Long id;

    @ManyToOne(optional = false)
    @JoinColumn(name = "procedure_id")
    private Procedure procedure;

    @Column(name = "position", nullable = false)
    private int position;

    @Column(name = "name", length = 300, nullable = false)
    private String name;

    @Enumerated(EnumType.STRING)
    @Column(name = "role", length = 20, nullable = false)
    private StepRole role;

    @Enumerated(EnumType.STRING)
    @Column(name = "kind", length = 20, nullable = false)
    private StepKind kind;

    @Column(name = "responsible_unit", length = 300)
    private String responsibleUnit;

    @Embedded
    @AttributeOverrides({
        @AttributeOverride(name = "value", column = @Column(name = "allot_value", precision = 9, scale = 2)),
        @AttributeOverride(name = "unit", column = @Column(name = "allot_unit", length = 20))
    })
    private TimeLimit allotment;

    /** For JPA only. */
    protected ProcessStepTemplate() {
    }

    ProcessStepTemplate(Procedure procedure, int position, String name, StepRole role, StepKind kind,
                        String responsibleUnit, TimeLimit allotment) {
        this.procedure = procedure;
        this.position = position;
        this.name = Objects.requireNonNull(name);
        this.role = Objects.requireNonNull(role);
        this.kind = Objects.requireNonNull(kind);
        this.responsibleUnit = responsibleUnit;
        this.allotment = Objects.requireNonNull(allotment);
    }

    void update(String name, StepRole role, StepKind kind, String responsibleUnit, TimeLimit allotment) {
        this.name = Objects.requireNonNull(name);
        this.role = Objects.requireNonNull(role);
        this.kind = Objects.requireNonNull(kind);
        this.responsibleUnit = responsibleUnit;
        this.allotment = Objects.requireNonNull(allotment);
    }

    /** The same content as a {@link StepSpec}. */
    StepSpec spec() {
        return new StepSpec(name, role, kind, responsibleUnit, allotment);
    }

    public int position() {
        return position;
    }

    public String name() {
        return name;
    }

    public StepRole role() {
        return role;
    }

    public StepKind kind() {
        return kind;
    }

    public String responsibleUnit() {
        return responsibleUnit;
    }

    /** Share of the time limit, in WORKING_DAY or WORKING_HOUR. */
    public TimeLimit allotment() {
        return allotment;
    }
}
