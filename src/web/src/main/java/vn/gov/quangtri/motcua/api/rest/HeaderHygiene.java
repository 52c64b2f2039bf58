package vn.gov.quangtri.motcua.api.rest;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import java.util.List;
import java.util.logging.Logger;

/**
 * Refuses a request under {@code /api} whose {@code Content-Type}, {@code Accept} or {@code Accept-Language} header
 * cannot be parsed, with a 400 {@value #MALFORMED_HEADER} problem naming the header (issue 16, fresh-user trial).
 *
 * <p>Jersey parses these headers while it chooses the resource method; a value it cannot read ({@code Accept: a/b;q=x},
 * {@code Content-Type: /json}) raises its {@code HeaderValueException}, which Jersey turns into a bare 400 without
 * passing it to any exception mapper, so the servlet container answered with its HTML error page. This filter runs
 * before the matching ({@link PreMatching}), asks for the parsed values itself and answers the problem document of
 * the rest of the API instead. ({@code Content-Type} is read even earlier, by Jersey's servlet layer, so
 * {@code web.security.RequestHygieneFilter} refuses a malformed one before Jersey; the check here is a second net.)
 * A well-formed {@code Accept} that no method can satisfy stays 406 {@code NOT_ACCEPTABLE}
 * and a well-formed type a method does not read 415 {@code UNSUPPORTED_MEDIA_TYPE} (both from {@link ExceptionMappers}).
 */
@Provider
@PreMatching
@Priority(Priorities.HEADER_DECORATOR)
public class HeaderHygiene implements ContainerRequestFilter {

    private static final Logger LOG = Logger.getLogger(HeaderHygiene.class.getName());

    /** Reason of a request header that cannot be parsed (answered 400). */
    public static final String MALFORMED_HEADER = "MALFORMED_HEADER";

    private static final java.util.Map<String, String> HINTS = java.util.Map.of(
        HttpHeaders.CONTENT_TYPE, "a media type, type/subtype with optional parameters (application/json; charset=UTF-8)",
        HttpHeaders.ACCEPT, "media ranges, type/subtype with an optional q from 0 to 1 (application/json, */*;q=0.5)",
        HttpHeaders.ACCEPT_LANGUAGE, "language ranges with an optional q from 0 to 1 (vi, en;q=0.8)");

    @Override
    public void filter(ContainerRequestContext request) {
        String header = malformed(request);
        if (header != null) {
            LOG.fine(() -> "Request refused: malformed " + header + " header");
            Response problem = Problems.of(Response.Status.BAD_REQUEST, MALFORMED_HEADER, "The " + header
                + " header cannot be read; nothing was changed", List.of(header + ": " + HINTS.get(header)),
                request.getUriInfo());
            request.abortWith(problem);
        }
    }

    /** The first header of the request that cannot be parsed, or null when all can. */
    static String malformed(ContainerRequestContext request) {
        try {
            request.getMediaType();
        } catch (RuntimeException e) {
            return HttpHeaders.CONTENT_TYPE;
        }
        try {
            request.getAcceptableMediaTypes();
        } catch (RuntimeException e) {
            return HttpHeaders.ACCEPT;
        }
        try {
            request.getAcceptableLanguages();
        } catch (RuntimeException e) {
            return HttpHeaders.ACCEPT_LANGUAGE;
        }
        return null;
    }
}
