package vn.gov.quangtri.motcua.web.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The client's address for the public lookup's rate limit: the connection's peer, or, when
 * {@code motcua.public.trust-forwarded-for} says a reverse proxy in front is trusted, the last address of
 * {@code X-Forwarded-For} (the one that proxy appended; earlier ones are the client's word). Never trust the header
 * without a proxy that overwrites or appends it: anybody could then pick a fresh address per request.
 */
@ApplicationScoped
public class ClientAddress {

    @Inject
    @ConfigProperty(name = "motcua.public.trust-forwarded-for", defaultValue = "false")
    boolean trustForwardedFor;

    /** @return the address to count failed attempts against */
    public String of(HttpServletRequest request) {
        return of(request.getRemoteAddr(), request.getHeader("X-Forwarded-For"), trustForwardedFor);
    }

    /** The rule itself (unit-tested): the peer, or the last non-blank entry of the header when trusted. */
    static String of(String peer, String forwardedFor, boolean trusted) {
        if (trusted && forwardedFor != null) {
            String[] hops = forwardedFor.split(",");
            for (int i = hops.length - 1; i >= 0; i--) {
                String hop = hops[i].strip();
                if (!hop.isEmpty()) {
                    return hop.length() > 64 ? hop.substring(0, 64) : hop;
                }
            }
        }
        return peer == null ? "" : peer;
    }
}
