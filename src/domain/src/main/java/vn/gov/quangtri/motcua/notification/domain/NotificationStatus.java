package vn.gov.quangtri.motcua.notification.domain;

/** Where an outbox row stands. */
public enum NotificationStatus {
    /** Written with the dossier's change, waiting for its first attempt. */
    PENDING,
    /** Handed to the mail server or gateway. */
    SENT,
    /** The last attempt failed; retried at the next attempt time, or no more once the attempts are used up. */
    FAILED,
    /** Cannot be sent as the server is configured (no mail session, no gateway); an administrator may re-send. */
    NOT_SENT
}
