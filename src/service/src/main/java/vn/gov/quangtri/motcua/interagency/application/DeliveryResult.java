package vn.gov.quangtri.motcua.interagency.application;

/**
 * The outcome of one call to a partner: delivered (2xx / a normal SOAP response) or failed with the reason
 * kept for the administrators (status and start of the body, connection error, timeout).
 *
 * @param unreachable the partner could not be reached or did not answer in time (connection refused,
 *                    timeout): its other messages wait for the next run instead of each waiting for a timeout
 */
public record DeliveryResult(boolean delivered, String error, boolean unreachable) {

    public static DeliveryResult ok() {
        return new DeliveryResult(true, null, false);
    }

    /** The partner answered, but not with success (4xx, 5xx, SOAP fault). */
    public static DeliveryResult failed(String error) {
        return new DeliveryResult(false, error == null || error.isBlank() ? "unknown error" : error, false);
    }

    /** No answer: connection refused or reset, timeout. */
    public static DeliveryResult unreachable(String error) {
        return new DeliveryResult(false, error == null || error.isBlank() ? "unreachable" : error, true);
    }
}
