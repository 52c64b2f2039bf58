package vn.gov.quangtri.motcua.api.rest;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.SecurityContext;

/**
 * Who is acting, for the administration endpoints whose services still take an {@code actor} argument
 * (calendar years, partners, outbox resend): the account authenticated by HTTP Basic. Those services audit
 * the signed-in account themselves; this name is only passed along. The dossier services take no actor at all.
 */
public final class Actors {

    private Actors() {
    }

    /**
     * @param headers unused (kept for the resources' call sites)
     * @return the authenticated account's user name, or {@code "anonymous"}
     */
    public static String of(SecurityContext security, HttpHeaders headers) {
        return security != null && security.getUserPrincipal() != null ? security.getUserPrincipal().getName()
            : "anonymous";
    }
}
