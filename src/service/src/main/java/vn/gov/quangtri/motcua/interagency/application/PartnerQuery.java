package vn.gov.quangtri.motcua.interagency.application;

import vn.gov.quangtri.motcua.interagency.domain.PartnerAnswer;

/**
 * Asks a partner system a question that changes nothing there ({@code query-status} about one of our transfers) and
 * reads its answer. Implementations bound the call with connect and read timeouts and never throw: no answer is
 * {@link PartnerAnswer#unreachable}, an error {@link PartnerAnswer#failed}, the partner's 404 {@code NOT_FOUND}
 * {@link PartnerAnswer#unknown}.
 */
@FunctionalInterface
public interface PartnerQuery {

    /** @param delivery the question as a delivery (operation {@code QUERY_STATUS}, a fresh message id, the body) */
    PartnerAnswer ask(Delivery delivery);
}
