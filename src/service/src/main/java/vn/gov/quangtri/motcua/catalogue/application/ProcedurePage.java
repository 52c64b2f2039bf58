package vn.gov.quangtri.motcua.catalogue.application;

import java.util.List;
import vn.gov.quangtri.motcua.catalogue.domain.Procedure;

/**
 * One page of a procedure search.
 *
 * @param total  number of matches in all
 * @param offset index of the first item
 * @param items  the page
 */
public record ProcedurePage(long total, int offset, List<Procedure> items) {
}
