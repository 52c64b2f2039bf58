package vn.gov.quangtri.motcua.notification.infrastructure;

import jakarta.enterprise.context.ApplicationScoped;
import vn.gov.quangtri.motcua.notification.domain.NotificationChannel;

/**
 * SMS to the applicant's phone: {@code motcua.notification.sms.sender} = {@code log} (default), {@code http} or
 * {@code off}; see {@link GatewayChannel}.
 */
@ApplicationScoped
public class SmsSender extends GatewaySender {

    public SmsSender() {
        super("sms", NotificationChannel.SMS, "log");
    }
}
