package vn.gov.quangtri.motcua.notification.application;

import vn.gov.quangtri.motcua.notification.domain.Notification;
import vn.gov.quangtri.motcua.notification.domain.NotificationChannel;

/**
 * One channel's way of delivering a notification (e-mail, SMS, Zalo OA). Called by the dispatcher outside any
 * transaction, one message at a time; must bound its own waiting (connect and read timeouts).
 */
public interface NotificationSender {

    /** The channel served. */
    NotificationChannel channel();

    /**
     * Whether the channel is in use at all: a channel that is off gets no outbox rows.
     */
    boolean enabled();

    /**
     * Delivers one message.
     *
     * @return {@link SendOutcome#SENT}, or {@link SendOutcome#notSent} when the server lacks what the channel needs
     * @throws Exception a failed attempt (server down, refused, timeout): retried with back-off
     */
    SendOutcome send(Notification n) throws Exception;
}
