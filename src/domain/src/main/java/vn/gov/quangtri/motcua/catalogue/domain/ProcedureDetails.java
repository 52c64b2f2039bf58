package vn.gov.quangtri.motcua.catalogue.domain;

import vn.gov.quangtri.motcua.calendar.domain.TimeLimit;

/**
 * The editable header of a procedure (one administrator's save, see {@link Procedure#revise}).
 *
 * @param name      Vietnamese name, required, at most 2,000 characters
 * @param field     field (lĩnh vực), may be null, at most 300 characters
 * @param timeLimit statutory time limit (thời hạn giải quyết) as value + unit (docs/domain.md §3.1); null only
 *                  while the procedure has none yet (then no dossier can be received)
 * @param feeVnd    fee or charge in VND (phí, lệ phí), ≥ 0, or null when not stated
 * @param electronicResult whether the procedure's result is also issued as an electronic document that the public
 *                  lookup and the return record point to (issue 15 §2); null leaves it as it is
 */
public record ProcedureDetails(String name, String field, TimeLimit timeLimit, Long feeVnd, Boolean electronicResult) {

    /** The header without a change of the electronic-result flag. */
    public ProcedureDetails(String name, String field, TimeLimit timeLimit, Long feeVnd) {
        this(name, field, timeLimit, feeVnd, null);
    }
}
