package vn.gov.quangtri.motcua.notification.infrastructure;

import jakarta.annotation.PostConstruct;
import java.util.Optional;
import org.eclipse.microprofile.config.ConfigProvider;
import vn.gov.quangtri.motcua.notification.application.NotificationSender;
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
        gateway = new GatewayChannel(name, GatewaySender::setting, defaultMode);
    }

    /** A setting from MicroProfile Config, else the environment variable of the same name. */
    static Optional<String> setting(String key) {
        Optional<String> v = ConfigProvider.getConfig().getOptionalValue(key, String.class);
        return v.isPresent() ? v : Optional.ofNullable(System.getenv(key));
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
