package vn.gov.quangtri.motcua.notification.infrastructure;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import org.eclipse.microprofile.config.ConfigProvider;
import vn.gov.quangtri.motcua.notification.application.NotificationSender;
import vn.gov.quangtri.motcua.notification.application.SendOutcome;
import vn.gov.quangtri.motcua.notification.domain.Notification;
import vn.gov.quangtri.motcua.notification.domain.NotificationChannel;

/**
 * SMS to the applicant's phone: {@code motcua.notification.sms.sender} = {@code log} (default), {@code http} or
 * {@code off}; see {@link GatewayChannel}.
 */
@ApplicationScoped
public class SmsSender implements NotificationSender {

    private GatewayChannel gateway;

    @PostConstruct
    void init() {
        gateway = new GatewayChannel("sms", SmsSender::setting, "log");
    }

    /** A setting from MicroProfile Config, else the environment variable of the same name. */
    static Optional<String> setting(String name) {
        Optional<String> v = ConfigProvider.getConfig().getOptionalValue(name, String.class);
        return v.isPresent() ? v : Optional.ofNullable(System.getenv(name));
    }

    @Override
    public NotificationChannel channel() {
        return NotificationChannel.SMS;
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
