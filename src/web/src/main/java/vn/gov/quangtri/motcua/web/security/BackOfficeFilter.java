package vn.gov.quangtri.motcua.web.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Every back-office page: never cached by the browser (after signing out, Back must not show a citizen's
 * data on a shared desk PC), and the administration pages only for administrators, the partner exchange only
 * for system administrators (403; their services check again).
 */
@WebFilter(urlPatterns = "/app/*")
public class BackOfficeFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;

    /**
     * Administration pages for system administrators only (the services check again): the partner exchange and the
     * job history of the nightly batch jobs, the synchronisation with the national portal.
     */
    static final java.util.List<String> SYSTEM_ADMIN_PAGES = java.util.List.of("/app/admin/exchange",
        "/app/admin/batch", "/app/admin/portal");

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
        throws IOException, ServletException {
        response.setHeader("Cache-Control", "no-store, no-cache, must-revalidate, max-age=0");
        response.setHeader("Pragma", "no-cache");
        response.setDateHeader("Expires", 0);
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (path.startsWith("/app/admin/") && !request.isUserInRole("SYSTEM_ADMIN")
                && !request.isUserInRole("AGENCY_ADMIN") && !administrator(request, "AGENCY_ADMIN")) {
            response.sendError(HttpServletResponse.SC_FORBIDDEN);
            return;
        }
        if (SYSTEM_ADMIN_PAGES.stream().anyMatch(path::startsWith) && !request.isUserInRole("SYSTEM_ADMIN")
                && !administrator(request, "SYSTEM_ADMIN")) {
            // The exchange, the batch jobs and the portal concern every unit: an agency administrator is refused, not shown an
            // empty page.
            response.sendError(HttpServletResponse.SC_FORBIDDEN);
            return;
        }
        chain.doFilter(request, response);
    }

    /**
     * Whether the roles read at sign-in (independent of the server's group-to-role mapping) hold the system
     * administrator or the other role given.
     */
    private static boolean administrator(HttpServletRequest request, String role) {
        var session = request.getSession(false);
        SignedIn signedIn = session == null ? null : (SignedIn) session.getAttribute(SignedIn.ATTRIBUTE);
        return signedIn != null && (signedIn.groups().contains("SYSTEM_ADMIN") || signedIn.groups().contains(role));
    }
}
