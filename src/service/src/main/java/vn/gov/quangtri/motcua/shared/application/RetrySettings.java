package vn.gov.quangtri.motcua.shared.application;

import java.time.Duration;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import vn.gov.quangtri.motcua.interagency.domain.Backoff;

/**
 * A retry schedule read from MicroProfile Config under one prefix: {@code <prefix>.initial-delay} (ISO-8601
 * duration, default PT1M), {@code <prefix>.max-delay} (default PT1H) and {@code <prefix>.max-attempts} (default 8).
 * Used by the inter-agency outbox ({@code motcua.outbox}) and the applicant notifications
 * ({@code motcua.notification.retry}).
 */
public final class RetrySettings {

    private RetrySettings() {
    }

    /**
     * @param prefix the settings' common prefix, without the trailing dot
     * @return the schedule
     * @throws java.time.format.DateTimeParseException when a delay is not an ISO-8601 duration
     * @throws IllegalArgumentException when the values do not make a schedule (see {@link Backoff})
     */
    public static Backoff backoff(String prefix) {
        Config config = ConfigProvider.getConfig();
        return new Backoff(
            Duration.parse(config.getOptionalValue(prefix + ".initial-delay", String.class).orElse("PT1M")),
            Duration.parse(config.getOptionalValue(prefix + ".max-delay", String.class).orElse("PT1H")),
            config.getOptionalValue(prefix + ".max-attempts", Integer.class).orElse(8));
    }
}
