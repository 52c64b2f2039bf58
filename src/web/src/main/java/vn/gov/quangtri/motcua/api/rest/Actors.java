package vn.gov.quangtri.motcua.api.rest;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.SecurityContext;

/**
 * Who is acting, for the dossier history: the authenticated user when there is one, otherwise the
 * {@code X-Actor} header an integrating system sends (until sign-in and roles arrive), otherwise
 * {@code "api"}. HTTP headers carry ASCII only: a Vietnamese name is sent percent-encoded in UTF-8
 * ({@code X-Actor: Nguy%E1%BB%85n%20V%C4%83n%20A}) and decoded here.
 */
public final class Actors {

    /** Header naming the acting user for unauthenticated calls. */
    public static final String HEADER = "X-Actor";

    private Actors() {
    }

    /**
     * @return a non-blank name of at most 100 characters
     */
    public static String of(SecurityContext security, HttpHeaders headers) {
        if (security != null && security.getUserPrincipal() != null) {
            return clip(security.getUserPrincipal().getName());
        }
        String header = headers == null ? null : headers.getHeaderString(HEADER);
        if (header == null || header.isBlank()) {
            return "api";
        }
        String name = header.strip();
        if (name.indexOf('%') >= 0) {
            try {
                name = java.net.URLDecoder.decode(name.replace("+", "%2B"), java.nio.charset.StandardCharsets.UTF_8);
            } catch (IllegalArgumentException malformed) {
                throw Problems.badInput("Header X-Actor is not valid percent-encoding",
                    java.util.List.of("X-Actor: e.g. Nguy%E1%BB%85n%20V%C4%83n%20A"));
            }
        }
        if (name.length() > 100) {
            throw Problems.badInput("Header X-Actor is too long", java.util.List.of("X-Actor: at most 100 characters"));
        }
        return name;
    }

    private static String clip(String s) {
        return s.length() > 100 ? s.substring(0, 100) : s;
    }
}
