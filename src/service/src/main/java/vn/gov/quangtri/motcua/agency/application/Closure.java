package vn.gov.quangtri.motcua.agency.application;

import java.util.List;
import vn.gov.quangtri.motcua.agency.domain.Agency;

/**
 * The outcome of closing or merging a unit.
 *
 * @param agency         the closed unit
 * @param movedChildren  codes of the units moved under another parent
 * @param closedChildren codes of the units closed with it (all levels below)
 * @param openDossiers   dossiers received by the closed units and not finished: they stay with their
 *                       receiving unit, and the successor link shows who continues them
 */
public record Closure(Agency agency, List<String> movedChildren, List<String> closedChildren, long openDossiers) {
}
