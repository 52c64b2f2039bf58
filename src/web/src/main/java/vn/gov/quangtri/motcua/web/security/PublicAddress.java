package vn.gov.quangtri.motcua.web.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;
import java.net.URI;
import java.util.Locale;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The application's public address, MicroProfile Config {@value #CONFIG_KEY} (e.g.
 * {@code https://dichvucong.quangtri.gov.vn/motcua}; the same key gives the public lookup link of the receipt slip),
 * used instead of the request's {@code Host} header where an absolute address is built (issue 16, fresh-user trial):
 * redirects ({@code Location}), the SOAP endpoint's {@code soap:address} in its WSDL, the API's {@code Location}
 * headers. Without it the request's address is used as before (a malformed {@code Host} is refused by
 * {@link RequestHygieneFilter}). Read once, at the first request; a value that is not an absolute http(s) URL is
 * logged (SEVERE) and ignored.
 */
public final class PublicAddress {

    /** MicroProfile Config key of the public address (scheme, host, optional port, context path). */
    public static final String CONFIG_KEY = "motcua.public.base-url";

    private static volatile PublicAddress configured;
    private static volatile boolean read;

    private final String scheme;
    private final String host;
    private final int port;

    /**
     * @param baseUrl an absolute http(s) URL
     * @throws IllegalArgumentException when it is not one
     */
    PublicAddress(String baseUrl) {
        URI uri = URI.create(baseUrl.strip());
        String s = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!(s.equals("http") || s.equals("https")) || uri.getHost() == null) {
            throw new IllegalArgumentException(CONFIG_KEY + " must be an absolute http(s) URL, e.g."
                + " https://dichvucong.quangtri.gov.vn/motcua");
        }
        this.scheme = s;
        this.host = uri.getHost();
        this.port = uri.getPort() > 0 ? uri.getPort() : s.equals("https") ? 443 : 80;
    }

    /** The configured address, or null when {@value #CONFIG_KEY} is not set (the request's address is used). */
    public static PublicAddress configured() {
        if (!read) {
            String value = ConfigProvider.getConfig().getOptionalValue(CONFIG_KEY, String.class)
                .filter(v -> !v.isBlank()).orElse(null);
            try {
                configured = value == null ? null : new PublicAddress(value);
            } catch (IllegalArgumentException e) {
                // A configuration mistake: said once in the log; the request's address is used meanwhile.
                java.util.logging.Logger.getLogger(PublicAddress.class.getName()).severe(e.getMessage()
                    + "; the request's address is used instead");
                configured = null;
            }
            read = true;
        }
        return configured;
    }

    /** {@code scheme://host[:port]}, the port only when not the scheme's default. */
    String origin() {
        boolean defaultPort = port == (scheme.equals("https") ? 443 : 80);
        return scheme + "://" + host + (defaultPort ? "" : ":" + port);
    }

    /**
     * An address to redirect to: a path of this server ({@code /motcua/…}) is made absolute with the public
     * address; anything else is returned as it is.
     */
    public String absolute(String location) {
        return location != null && location.startsWith("/") && !location.startsWith("//") ? origin() + location
            : location;
    }

    /** The request as if it had come to the public address (scheme, host, port, request URL). */
    HttpServletRequest wrap(HttpServletRequest request) {
        return new HttpServletRequestWrapper(request) {
            @Override
            public String getScheme() {
                return scheme;
            }

            @Override
            public boolean isSecure() {
                return scheme.equals("https");
            }

            @Override
            public String getServerName() {
                return host;
            }

            @Override
            public int getServerPort() {
                return port;
            }

            @Override
            public StringBuffer getRequestURL() {
                return new StringBuffer(origin()).append(getRequestURI());
            }
        };
    }

    /** The response with redirects to paths of this server made absolute with the public address. */
    HttpServletResponse wrap(HttpServletResponse response) {
        return new HttpServletResponseWrapper(response) {
            @Override
            public void sendRedirect(String location) throws IOException {
                super.sendRedirect(absolute(location));
            }
        };
    }
}
