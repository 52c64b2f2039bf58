package vn.gov.quangtri.motcua.notification.infrastructure;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import vn.gov.quangtri.motcua.notification.application.NotificationSender;
import vn.gov.quangtri.motcua.notification.application.SendOutcome;
import vn.gov.quangtri.motcua.notification.domain.Notification;
import vn.gov.quangtri.motcua.notification.domain.NotificationChannel;

/**
 * Zalo OA message to the applicant's phone number (through a Zalo Notification Service gateway):
 * {@code motcua.notification.zalo.sender} = {@code off} (default), {@code log} or {@code http}; see
 * {@link GatewayChannel}.
 */
@ApplicationScoped
public class ZaloSender implements NotificationSender {

    private GatewayChannel gateway;

    @PostConstruct
    void init() {
        gateway = new GatewayChannel("zalo", SmsSender::setting, "off");
    }

    @Override
    public NotificationChannel channel() {
        return NotificationChannel.ZALO;
    }

    @Override
    public boolean enabled() {
        return gateway.enabled();
    }

    @Override
    public SendOutcome send(Notification n) throws Exception {
        return gateway.send(n);
    }
}
