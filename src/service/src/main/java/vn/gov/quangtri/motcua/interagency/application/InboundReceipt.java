package vn.gov.quangtri.motcua.interagency.application;

/**
 * The answer to an inbound message.
 *
 * @param outcome the outcome (identical on every repeat of the message)
 * @param replay  true when the message id had been seen and nothing was changed
 */
public record InboundReceipt(InboundOutcome outcome, boolean replay) {
}
