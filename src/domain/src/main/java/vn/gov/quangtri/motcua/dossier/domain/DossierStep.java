package vn.gov.quangtri.motcua.dossier.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
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
import java.time.Instant;
import vn.gov.quangtri.motcua.catalogue.domain.StepKind;
import vn.gov.quangtri.motcua.catalogue.domain.StepRole;
import vn.gov.quangtri.motcua.shared.domain.InstantConverter;

/**
 * One internal step of one dossier with its own deadline: the electronic processing control sheet
 * (Phiếu kiểm soát quá trình giải quyết hồ sơ, form 06) is the list of these rows.
 *
 * <p>The deadline is the plan's, fixed at receipt: the clock start plus the allotments (working minutes)
 * of this step and all earlier ones, in order; clock pauses move it, nothing else does (a late step does
 * not push the later steps' deadlines). Rows stored before the plan was kept for every step (deadline
 * null until started) get their deadline when they start, counted from the start.
 */
@Entity
@Table(name = "dossier_step")
public class DossierStep {

    @Id
    @SequenceGenerator(name = "dossier_step_seq", sequenceName = "dossier_step_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "dossier_step_seq")
    private Long id;

    @ManyToOne(optional = false)
    @JoinColumn(name = "dossier_id")
    private Dossier dossier;

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

    @Column(name = "allotted_minutes", nullable = false)
    private long allottedMinutes;

    @Convert(converter = InstantConverter.class)
    @Column(name = "started_at")
    private Instant startedAt;

    @Convert(converter = InstantConverter.class)
    @Column(name = "due_at")
    private Instant dueAt;

    @Convert(converter = InstantConverter.class)
    @Column(name = "completed_at")
    private Instant completedAt;

    @Column(name = "handler", length = 100)
    private String handler;

    @Column(name = "completed_by", length = 100)
    private String completedBy;

    @Enumerated(EnumType.STRING)
    @Column(name = "timeliness", length = 10)
    private Timeliness timeliness;

    @Column(name = "note", length = 4000)
    private String note;

    /** For JPA only. */
    protected DossierStep() {
    }

    DossierStep(Dossier dossier, int position, StepPlan plan) {
        this.dossier = dossier;
        this.position = position;
        this.name = plan.name();
        this.role = plan.role();
        this.kind = plan.kind();
        this.responsibleUnit = plan.responsibleUnit();
        this.allottedMinutes = plan.allottedMinutes();
    }

    /** Sets the planned deadline at receipt (Asia/Ho_Chi_Minh working time already applied). */
    void plan(Instant due) {
        this.dueAt = due;
    }

    /**
     * The step starts now. Its deadline stays the planned one; {@code fallbackDue} is used only when
     * there is none (a row stored before deadlines were planned at receipt).
     */
    void start(Instant at, Instant fallbackDue) {
        this.startedAt = at;
        if (this.dueAt == null) {
            this.dueAt = fallbackDue;
        }
    }

    /** Whether the step still has to be (re)done: not completed. */
    boolean open() {
        return completedAt == null;
    }

    void assign(String handler) {
        this.handler = handler;
    }

    void complete(Instant at, String by, String note) {
        this.completedAt = at;
        this.completedBy = by;
        this.note = note;
        this.timeliness = Timeliness.ofStep(at, dueAt);
    }

    /**
     * Opens the step again after the next step sent the dossier back (rework): a new start; the deadline
     * stays the planned one, since the time already spent still counts (docs/domain.md §3.4).
     */
    void reopen(Instant at, Instant fallbackDue) {
        this.completedAt = null;
        this.completedBy = null;
        this.timeliness = null;
        start(at, fallbackDue);
    }

    /** The step was left because the dossier went back to an earlier step; it starts again later. */
    void leave() {
        this.startedAt = null;
    }

    void moveDue(Instant due) {
        this.dueAt = due;
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

    /** Allotment in working minutes. */
    public long allottedMinutes() {
        return allottedMinutes;
    }

    public Instant startedAt() {
        return startedAt;
    }

    public Instant dueAt() {
        return dueAt;
    }

    public Instant completedAt() {
        return completedAt;
    }

    public String handler() {
        return handler;
    }

    public String completedBy() {
        return completedBy;
    }

    /** Null until completed. */
    public Timeliness timeliness() {
        return timeliness;
    }

    public String note() {
        return note;
    }
}
