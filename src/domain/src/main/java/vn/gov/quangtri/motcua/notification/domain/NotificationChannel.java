package vn.gov.quangtri.motcua.notification.domain;

/** How a notification reaches the applicant; each has its own sender behind one interface. */
public enum NotificationChannel {
    /** E-mail through the server's Jakarta Mail session; subject and body. */
    EMAIL,
    /** SMS to the applicant's phone; the short text. */
    SMS,
    /** Zalo Official Account message to the applicant's phone number; the short text. */
    ZALO
}
