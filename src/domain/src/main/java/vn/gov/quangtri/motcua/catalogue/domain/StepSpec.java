package vn.gov.quangtri.motcua.catalogue.domain;

import vn.gov.quangtri.motcua.calendar.domain.TimeLimit;

/**
 * One step of the approved internal process (quy trình nội bộ, docs/domain.md §3.6) as an administrator
 * enters it.
 *
 * @param name            Vietnamese name, required, at most 300 characters
 * @param role            who performs it
 * @param kind            ordinary work or the approval (phê duyệt) decision
 * @param responsibleUnit responsible unit (free text), may be null, at most 300 characters
 * @param allotment       the step's share of the statutory limit, &gt; 0, in
 *                        {@link vn.gov.quangtri.motcua.calendar.domain.TimeLimitUnit#WORKING_DAY} or
 *                        {@link vn.gov.quangtri.motcua.calendar.domain.TimeLimitUnit#WORKING_HOUR}
 */
public record StepSpec(String name, StepRole role, StepKind kind, String responsibleUnit, TimeLimit allotment) {
}
