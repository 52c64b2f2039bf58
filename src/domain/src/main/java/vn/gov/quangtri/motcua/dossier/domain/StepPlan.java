package vn.gov.quangtri.motcua.dossier.domain;

import java.util.Objects;
import vn.gov.quangtri.motcua.catalogue.domain.StepKind;
import vn.gov.quangtri.motcua.catalogue.domain.StepRole;

/**
 * A step of the internal process as planned for one dossier at intake.
 *
 * @param name             step name (Vietnamese)
 * @param role             who performs it
 * @param kind             ordinary work or approval
 * @param responsibleUnit  responsible unit name, may be null
 * @param allottedMinutes  the step's share of the time limit, in working minutes (office hours)
 */
public record StepPlan(String name, StepRole role, StepKind kind, String responsibleUnit, long allottedMinutes) {

    /** Validates the plan. */
    public StepPlan {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(kind, "kind");
        if (allottedMinutes < 0) {
            throw new IllegalArgumentException("allotment must not be negative");
        }
    }
}
