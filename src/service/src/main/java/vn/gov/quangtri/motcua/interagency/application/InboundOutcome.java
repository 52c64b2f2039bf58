package vn.gov.quangtri.motcua.interagency.application;

/**
 * What an inbound message produced, as stored for replay: a status ({@code ACCEPTED} for a new transfer,
 * {@code APPLIED} or {@code IGNORED} for a status update, {@code OK} for a query) and a JSON body (the
 * transfer's state after the message, {@link vn.gov.quangtri.motcua.interagency.domain.TransferUpdate}).
 */
public record InboundOutcome(String status, String body) {
}
