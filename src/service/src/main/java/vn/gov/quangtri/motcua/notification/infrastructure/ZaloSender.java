package vn.gov.quangtri.motcua.notification.infrastructure;

import jakarta.enterprise.context.ApplicationScoped;
import vn.gov.quangtri.motcua.notification.domain.NotificationChannel;

/**
 * Zalo OA message to the applicant's phone number (through a Zalo Notification Service gateway):
 * {@code motcua.notification.zalo.sender} = {@code off} (default), {@code log} or {@code http}; see
 * {@link GatewayChannel}.
 */
@ApplicationScoped
public class ZaloSender extends GatewaySender {

    public ZaloSender() {
        super("zalo", NotificationChannel.ZALO, "off");
    }
}
