package vn.gov.quangtri.motcua.api.rest;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.SecurityContext;

/**
 * Who is acting, for the dossier history: the authenticated user when there is one, otherwise the
 * {@code X-Actor} header an integrating system sends (until sign-in and roles arrive), otherwise
 * {@code "api"}.
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
        return header == null || header.isBlank() ? "api" : clip(header.strip());
    }

    private static String clip(String s) {
        return s.length() > 100 ? s.substring(0, 100) : s;
    }
}
