package vn.gov.quangtri.motcua.web.security;

import vn.gov.quangtri.motcua.shared.domain.JsonFactories;
import jakarta.ejb.EJB;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.Principal;
import vn.gov.quangtri.motcua.account.application.AccessControl;

/**
 * Keeps a unit's rating kiosk (a device account with the role {@code KIOSK}, issue 13 §2) on its one page: a kiosk
 * signed in on a screen is sent from any other back-office page to {@code /app/kiosk.xhtml}, and any API call of a
 * kiosk except the public ones and its own ({@code /api/v1/kiosk/*}) is answered 403 {@code KIOSK_ONLY}. The services check again: a kiosk's scope covers
 * no unit, so it reads no dossier.
 */
@WebFilter(urlPatterns = {"/app/*", "/api/*"})
public class KioskFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;

    /** The kiosk's page. */
    public static final String KIOSK_PAGE = "/app/kiosk.xhtml";

    @EJB
    private AccessControl access;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
        throws IOException, ServletException {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        Principal p = request.getUserPrincipal();
        if (p == null || path.equals(KIOSK_PAGE) || path.startsWith("/api/v1/public/")
                || path.startsWith("/api/v1/kiosk/")
                || !access.scopeOf(p.getName()).kiosk()) {
            chain.doFilter(request, response);
            return;
        }
        if (path.startsWith("/api/")) {
            response.setStatus(HttpServletResponse.SC_FORBIDDEN);
            response.setContentType("application/problem+json");
            response.setCharacterEncoding("UTF-8");
            byte[] body = problem(request.getRequestURI()).getBytes(StandardCharsets.UTF_8);
            response.setContentLength(body.length);
            response.getOutputStream().write(body);
            return;
        }
        response.sendRedirect(request.getContextPath() + KIOSK_PAGE);
    }

    /**
     * The 403 problem of an API call by a kiosk, in the shape of every other problem of the API
     * ({@code vn.gov.quangtri.motcua.api.rest.Problems}: {@code type urn:motcua:problem:<reason>}, title, status,
     * detail, instance, reason, errors; issue 16: it had {@code about:blank} as its type).
     *
     * @param instance the request's path
     */
    static String problem(String instance) {
        return JsonFactories.createObjectBuilder().add("type", "urn:motcua:problem:kiosk-only")
            .add("title", "Forbidden").add("status", 403)
            .add("detail", "A kiosk device account may only rate dossiers on its kiosk page")
            .add("instance", instance).add("reason", "KIOSK_ONLY").add("errors", JsonFactories.createArrayBuilder())
            .build().toString();
    }
}
