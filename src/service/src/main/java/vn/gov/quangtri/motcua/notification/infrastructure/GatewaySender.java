package vn.gov.quangtri.motcua.notification.infrastructure;

import jakarta.annotation.PostConstruct;
import vn.gov.quangtri.motcua.notification.application.NotificationSender;
import vn.gov.quangtri.motcua.shared.application.Secrets;
import vn.gov.quangtri.motcua.notification.application.SendOutcome;
import vn.gov.quangtri.motcua.notification.domain.Notification;
import vn.gov.quangtri.motcua.notification.domain.NotificationChannel;

/**
 * A channel that sends through a {@link GatewayChannel} ({@code log}, {@code http} or {@code off}), configured under
 * {@code motcua.notification.<name>.*}: the SMS and Zalo OA senders differ only in name, channel and default mode.
 */
abstract class GatewaySender implements NotificationSender {

    private final String name;
    private final NotificationChannel channel;
    private final String defaultMode;
    private GatewayChannel gateway;

    GatewaySender(String name, NotificationChannel channel, String defaultMode) {
        this.name = name;
        this.channel = channel;
        this.defaultMode = defaultMode;
    }

    @PostConstruct
    void init() {
        gateway = new GatewayChannel(name, Secrets::named, defaultMode);
    }

    @Override
    public NotificationChannel channel() {
        return channel;
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
