package vn.gov.quangtri.motcua.interagency.application;

/**
 * The outcome of one call to a partner: delivered (2xx / a normal SOAP response) or failed with the reason
 * kept for the administrators (status and start of the body, connection error, timeout).
 *
 * @param unreachable the partner could not be reached or did not answer in time (connection refused,
 *                    timeout): its other messages wait for the next run instead of each waiting for a timeout
 * @param refused     the partner answered and refused the message (HTTP 4xx other than 408/425/429, or a SOAP
 *                    fault whose detail carries a 4xx status): logged as REFUSED rather than FAILED; the
 *                    message is retried like any failure
 */
public record DeliveryResult(boolean delivered, String error, boolean unreachable, boolean refused) {

    public static DeliveryResult ok() {
        return new DeliveryResult(true, null, false, false);
    }

    /** The partner answered, but not with success (5xx, a fault without a refusal status), or no call was made. */
    public static DeliveryResult failed(String error) {
        return new DeliveryResult(false, error == null || error.isBlank() ? "unknown error" : error, false, false);
    }

    /** The partner answered with a refusal (4xx problem, SOAP fault with a 4xx status). */
    public static DeliveryResult refused(String error) {
        return new DeliveryResult(false, error == null || error.isBlank() ? "refused" : error, false, true);
    }

    /** No answer: connection refused or reset, timeout. */
    public static DeliveryResult unreachable(String error) {
        return new DeliveryResult(false, error == null || error.isBlank() ? "unreachable" : error, true, false);
    }
}
