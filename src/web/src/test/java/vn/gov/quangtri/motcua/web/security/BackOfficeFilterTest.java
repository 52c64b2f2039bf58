package vn.gov.quangtri.motcua.web.security;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.servlet.FilterChain;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The administration pages: the job history screen refuses agency administrators (403), like the exchange page. */
class BackOfficeFilterTest {

    /** "chain" when the page was served, "403" when refused. */
    private static String outcome(String page, Set<String> roles) throws Exception {
        HttpServletRequest request = (HttpServletRequest) Proxy.newProxyInstance(
            BackOfficeFilterTest.class.getClassLoader(), new Class<?>[] {HttpServletRequest.class},
            (proxy, called, args) -> switch (called.getName()) {
                case "getRequestURI" -> "/motcua" + page;
                case "getContextPath" -> "/motcua";
                case "isUserInRole" -> roles.contains((String) args[0]);
                case "getSession" -> null;
                default -> null;
            });
        List<String> seen = new ArrayList<>();
        HttpServletResponse response = (HttpServletResponse) Proxy.newProxyInstance(
            BackOfficeFilterTest.class.getClassLoader(), new Class<?>[] {HttpServletResponse.class},
            (proxy, called, args) -> {
                if (called.getName().equals("sendError")) {
                    seen.add(String.valueOf(args[0]));
                }
                return null;
            });
        FilterChain chain = (req, res) -> seen.add("chain");
        new BackOfficeFilter().doFilter(request, response, chain);
        return String.join(",", seen);
    }

    @Test
    void batchScreenOnlyForSystemAdministrators() throws Exception {
        assertEquals("403", outcome("/app/admin/batch.xhtml", Set.of("AGENCY_ADMIN")));
        assertEquals("403", outcome("/app/admin/exchange.xhtml", Set.of("AGENCY_ADMIN")));
        assertEquals("chain", outcome("/app/admin/calendar.xhtml", Set.of("AGENCY_ADMIN")),
            "other administration pages stay open to agency administrators");
        assertEquals("chain", outcome("/app/admin/batch.xhtml", Set.of("SYSTEM_ADMIN")));
        assertEquals("403", outcome("/app/admin/batch.xhtml", Set.of("LEADER")));
    }
}
