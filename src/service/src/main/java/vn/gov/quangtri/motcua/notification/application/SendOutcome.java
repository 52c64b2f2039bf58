package vn.gov.quangtri.motcua.notification.application;

/**
 * What a {@link NotificationSender} reports for a message it did not fail on.
 *
 * @param sent   handed over (mail server, gateway, or the log)
 * @param reason why it was not sent, when {@code sent} is false (e.g. "not sent: no mail session configured")
 */
public record SendOutcome(boolean sent, String reason) {

    /** Handed over. */
    public static final SendOutcome SENT = new SendOutcome(true, null);

    /** Cannot be sent as the server is configured; the row becomes NOT_SENT with the reason. */
    public static SendOutcome notSent(String reason) {
        return new SendOutcome(false, reason);
    }
}
