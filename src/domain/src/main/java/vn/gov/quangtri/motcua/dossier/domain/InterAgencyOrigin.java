package vn.gov.quangtri.motcua.dossier.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import vn.gov.quangtri.motcua.shared.domain.RuleViolationException;

/**
 * Where a dossier came from when another agency transferred it here for one leg of an inter-agency procedure
 * (liên thông, docs/domain.md §2.6): the parent's code at the sending agency and the leg. A child dossier is
 * tracked by the citizen under its parent's code and is not counted in statistics. Immutable.
 */
@Embeddable
public class InterAgencyOrigin {

    @Column(name = "inter_agency_child", nullable = false, updatable = false)
    private boolean child;

    @Column(name = "parent_code", length = 40, updatable = false)
    private String parentCode;

    @Column(name = "parent_leg", updatable = false)
    private Integer parentLeg;

    /** For JPA only. */
    protected InterAgencyOrigin() {
    }

    /** An ordinary dossier, lodged by the applicant here. */
    static InterAgencyOrigin none() {
        return new InterAgencyOrigin();
    }

    /**
     * A child of a transfer.
     *
     * @param parentCode the parent's dossier code at the sending agency, as the partner sent it
     * @param leg        which leg of the parent's procedure this child performs (1-based)
     * @throws RuleViolationException {@code INVALID_PARENT_CODE} when the parent code is not a dossier code
     */
    public static InterAgencyOrigin childOf(String parentCode, int leg) {
        if (!DossierCode.isValid(parentCode)) {
            throw new RuleViolationException("INVALID_PARENT_CODE", "Not a dossier code: " + parentCode);
        }
        InterAgencyOrigin o = new InterAgencyOrigin();
        o.child = true;
        o.parentCode = parentCode;
        o.parentLeg = leg;
        return o;
    }

    /** Whether the dossier was created from an inbound transfer. */
    public boolean child() {
        return child;
    }

    /** The parent's code for a child, else null. */
    public String parentCode() {
        return parentCode;
    }

    /** The leg of the parent's procedure a child performs, else null. */
    public Integer parentLeg() {
        return parentLeg;
    }
}
