package vn.gov.quangtri.motcua.notification.application;

/**
 * CDI event fired by {@link Notifications} when it wrote outbox rows; observed after the transaction succeeds to
 * start a dispatch at once (and never when it rolls back).
 *
 * @param count rows written
 */
public record NotificationsQueued(int count) {
}
