package vn.gov.quangtri.motcua.portal.infrastructure;

import java.time.Duration;
import java.util.Optional;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * How motcua reaches the national portal, read from MicroProfile Config at each use (an administrator may change it
 * without a restart), shared by the synchronisation, the online intake and the reconciliation: {@code
 * motcua.portal.base-url} (without a trailing slash), {@code motcua.portal.username}, {@code motcua.portal.password}
 * (a password alias) and {@code motcua.portal.dispatch.timeout} (PT10S: longest connection and answer of one call).
 *
 * @param baseUrl  the portal's base URL, without a trailing slash
 * @param username the account (HTTP Basic), or null
 * @param password its password, or null
 * @param timeout  the longest connection and answer of one call
 */
public record PortalSettings(String baseUrl, String username, String password, Duration timeout) {

    /** Why there are no settings: the text given when nothing can be sent. */
    public static final String NOT_SET = "motcua.portal.base-url is not set";

    /** The current settings, empty when no base URL is configured (nothing is sent or pulled then). */
    public static Optional<PortalSettings> read() {
        Config c = ConfigProvider.getConfig();
        return c.getOptionalValue("motcua.portal.base-url", String.class).map(String::strip).filter(s -> !s.isEmpty())
            .map(s -> s.endsWith("/") ? s.substring(0, s.length() - 1) : s)
            .map(base -> new PortalSettings(base, c.getOptionalValue("motcua.portal.username", String.class).orElse(null),
                c.getOptionalValue("motcua.portal.password", String.class).orElse(null),
                Duration.parse(c.getOptionalValue("motcua.portal.dispatch.timeout", String.class).orElse("PT10S"))));
    }
}
