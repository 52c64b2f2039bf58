package vn.gov.quangtri.motcua.interagency.domain;

/** Delivery status of an outgoing message. */
public enum OutboxStatus {
    /** Waiting to be sent (first time or after a failure, at {@code nextAttemptAt}). */
    PENDING,
    /** Delivered: the partner answered with an outcome. */
    SENT,
    /** Given up after the maximum number of attempts; on the dead-letter list until an administrator re-sends it. */
    DEAD
}
