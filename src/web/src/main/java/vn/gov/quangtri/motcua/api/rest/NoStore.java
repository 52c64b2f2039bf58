package vn.gov.quangtri.motcua.api.rest;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.ext.Provider;

/**
 * Answers to a signed-in caller (HTTP Basic, bearer token or the screens' session) are never stored by a browser or
 * a proxy (issue 16, fresh-user trial): {@code Cache-Control: no-store} and {@code Pragma: no-cache}, dossier data
 * and the one-stop slips and reports (PDF) included. An answer that sets its own {@code Cache-Control} keeps it;
 * anonymous answers (the public calendar, the catalogue, the public lookup) are left as they are.
 */
@Provider
public class NoStore implements ContainerResponseFilter {

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        if (request.getSecurityContext() != null && request.getSecurityContext().getUserPrincipal() != null
                && !response.getHeaders().containsKey(HttpHeaders.CACHE_CONTROL)) {
            response.getHeaders().putSingle(HttpHeaders.CACHE_CONTROL, "no-store");
            response.getHeaders().putSingle("Pragma", "no-cache");
        }
    }
}
