package vn.gov.quangtri.motcua.catalogue.domain;

import jakarta.persistence.AttributeOverride;
import jakarta.persistence.AttributeOverrides;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.QueryHint;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.util.Objects;
import vn.gov.quangtri.motcua.calendar.domain.TimeLimit;

/**
 * One leg of an inter-agency procedure (một cửa liên thông, docs/domain.md §2.6): at internal step
 * {@link #stepPosition()} the dossier goes to a co-operating agency (a fixed one, or any agency of
 * {@link #partnerKind()} chosen by the officer) for {@link #action()}, with {@link #share()} of the legal
 * time counted from the transfer. When {@link #resultToDesk()} is false, the leg's result does not come
 * back to the receiving desk: the sending side passes the dossier straight on to the next leg (e.g. land
 * registration office → tax). The published internal process fixes the legs (approved by the provincial
 * chairman).
 */
@Entity
@jakarta.persistence.Cacheable
@Table(name = "procedure_leg")
@NamedQuery(name = "ProcedureLeg.ofProcedure",
    query = "SELECT l FROM ProcedureLeg l WHERE l.procedure.code = :code ORDER BY l.position",
    // read for every dossier shown or acted on (allowed actions): EclipseLink keeps the result per procedure code and
    // forgets it when any leg changes through the persistence unit (its query results cache, invalidated on change)
    hints = @QueryHint(name = "eclipselink.query-results-cache", value = "true"))
public class ProcedureLeg {

    @Id
    @SequenceGenerator(name = "procedure_leg_seq", sequenceName = "procedure_leg_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "procedure_leg_seq")
    private Long id;

    @ManyToOne(optional = false, fetch = FetchType.LAZY)
    @JoinColumn(name = "procedure_id")
    private Procedure procedure;

    @Column(name = "position", nullable = false)
    private int position;

    @Column(name = "step_position", nullable = false)
    private int stepPosition;

    @Column(name = "partner_agency_code", length = 60)
    private String partnerAgencyCode;

    @Column(name = "partner_kind", length = 40, nullable = false)
    private String partnerKind;

    @Column(name = "action", length = 40, nullable = false)
    private String action;

    @Column(name = "action_name", length = 300, nullable = false)
    private String actionName;

    @Embedded
    @AttributeOverrides({
        @AttributeOverride(name = "value", column = @Column(name = "share_value", precision = 9, scale = 2)),
        @AttributeOverride(name = "unit", column = @Column(name = "share_unit", length = 20))
    })
    private TimeLimit share;

    @Column(name = "result_to_desk", nullable = false)
    private boolean resultToDesk;

    /** For JPA only. */
    protected ProcedureLeg() {
    }

    /**
     * @param position          1-based order of the leg
     * @param stepPosition      the procedure's internal step this leg performs
     * @param partnerAgencyCode the co-operating agency, or null when the officer chooses one of {@code partnerKind}
     * @param partnerKind       kind of co-operating agency, e.g. {@code TAX_AUTHORITY}
     * @param action            requested action code
     * @param actionName        requested action in Vietnamese
     * @param share             share of the legal time, counted from the transfer
     * @param resultToDesk      whether the result comes back to the receiving desk (else on to the next leg)
     */
    public ProcedureLeg(Procedure procedure, int position, int stepPosition, String partnerAgencyCode,
                        String partnerKind, String action, String actionName, TimeLimit share, boolean resultToDesk) {
        this.procedure = Objects.requireNonNull(procedure, "procedure");
        this.position = position;
        this.stepPosition = stepPosition;
        this.partnerAgencyCode = partnerAgencyCode;
        this.partnerKind = Objects.requireNonNull(partnerKind, "partnerKind");
        this.action = Objects.requireNonNull(action, "action");
        this.actionName = Objects.requireNonNull(actionName, "actionName");
        this.share = Objects.requireNonNull(share, "share");
        this.resultToDesk = resultToDesk;
    }

    public Procedure procedure() {
        return procedure;
    }

    public int position() {
        return position;
    }

    public int stepPosition() {
        return stepPosition;
    }

    /** The fixed co-operating agency, or null. */
    public String partnerAgencyCode() {
        return partnerAgencyCode;
    }

    public String partnerKind() {
        return partnerKind;
    }

    public String action() {
        return action;
    }

    public String actionName() {
        return actionName;
    }

    public TimeLimit share() {
        return share;
    }

    public boolean resultToDesk() {
        return resultToDesk;
    }
}
