package vn.gov.quangtri.motcua.api.rest.publicview;

import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import vn.gov.quangtri.motcua.api.rest.FileResponses;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import vn.gov.quangtri.motcua.api.rest.Problems;
import vn.gov.quangtri.motcua.dossier.application.CitizenView;
import vn.gov.quangtri.motcua.dossier.application.LookupAttempts;
import vn.gov.quangtri.motcua.dossier.application.PublicLookup;
import vn.gov.quangtri.motcua.web.security.ClientAddress;

/**
 * The citizens' public status lookup, without sign-in: {@code GET /api/v1/public/lookup?code=…&token=…} (issue 13
 * §1; docs/domain.md §2.12). It reads nothing but the citizen view; the other resource under
 * {@code /api/v1/public} is {@link PublicRatingResource}.
 * Any failure (wrong token, unknown or partial code, missing parameter, child dossier) is the same 404 problem
 * after the same work, and counts against the client address and the code; past the limit the answer is 429
 * with {@code Retry-After}.
 */
@Path("v1/public")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Public lookup", description = "Citizens follow their dossier with the code and the secret printed on the receipt slip (no sign-in)")
public class PublicLookupResource {

    /** The one problem of every failed lookup: nothing tells which part was wrong. */
    static final String NO_MATCH = "NO_MATCH";

    @EJB
    private PublicLookup lookup;

    @EJB
    private LookupAttempts attempts;

    @Inject
    private ClientAddress clientAddress;

    @Context
    private HttpServletRequest request;

    @Context
    private UriInfo uri;

    /** The citizen's view of a dossier for its code and lookup secret. */
    @GET
    @Path("lookup")
    @Operation(summary = "A dossier's status for its code and the secret of the receipt slip (no sign-in)",
        description = "The citizen's view: code, procedure, receiving unit, a citizen-facing status, what to bring"
            + " while waiting for the applicant, the appointment (and a new one after an apology), the countdown"
            + " (none while paused) and the applicant's name masked. Never ID numbers, phone, e-mail, address,"
            + " officers or notes. Failed attempts are limited per client address and per code"
            + " (motcua.public.lookup.*, default 10 in 10 minutes).")
    @APIResponse(responseCode = "200", description = "the citizen view")
    @APIResponse(responseCode = "404", description = "NO_MATCH: the same answer for a wrong secret, an unknown or partial code and a child dossier of a transfer")
    @APIResponse(responseCode = "429", description = "TOO_MANY_ATTEMPTS, with Retry-After in seconds")
    public Response lookup(@Parameter(description = "dossier code, e.g. 000.00.60.H50-260302-0001") @QueryParam("code") String code,
                           @Parameter(description = "the secret printed on the receipt slip (hyphens and case ignored)")
                           @QueryParam("token") String token) {
        return guarded(code, () -> lookup.lookup(code, token),
            view -> Response.ok(CitizenViewDto.of(view)).header("Cache-Control", "no-store").build());
    }

    /**
     * Answers a citizen's request under the limits on failed attempts (per client address and per code): 429 with
     * Retry-After while blocked; the same 404 for every miss, counted as a failure; else {@code answer} of what was
     * found.
     */
    private <T> Response guarded(String code, java.util.function.Supplier<Optional<T>> find,
                                 java.util.function.Function<T, Response> answer) {
        String address = clientAddress.of(request);
        long wait = attempts.blockedSeconds(address, code);
        if (wait > 0) {
            return Response.fromResponse(Problems.of(429, "Too Many Requests", "TOO_MANY_ATTEMPTS",
                "Too many failed lookups: try again later", List.of(), uri))
                .header("Retry-After", String.valueOf(wait)).header("Cache-Control", "no-store").build();
        }
        Optional<T> found = find.get();
        if (found.isEmpty()) {
            attempts.failed(address, code);
            return Response.fromResponse(notFound(uri)).header("Cache-Control", "no-store").build();
        }
        return answer.apply(found.get());
    }

    /**
     * The electronic result's bytes for the holder of the dossier's secret (issue 15 §2), with the same limits on
     * failed attempts as the lookup.
     */
    @GET
    @Path("lookup/result")
    @Produces(MediaType.WILDCARD)
    @Operation(summary = "Download the electronic result of a dossier for its code and secret (no sign-in)",
        description = "Offered once the result is ready (or the reasoned refusal issued), when the procedure issues its"
            + " result electronically and the signed result is attached. The same 404 as the lookup otherwise.")
    @APIResponse(responseCode = "200", description = "the result document; ETag is its SHA-256")
    @APIResponse(responseCode = "404", description = "NO_MATCH: as the lookup, or no electronic result (yet)")
    @APIResponse(responseCode = "429", description = "TOO_MANY_ATTEMPTS, with Retry-After in seconds")
    public Response electronicResult(@QueryParam("code") String code, @QueryParam("token") String token) {
        return guarded(code, () -> lookup.electronicResult(code, token), FileResponses::download);
    }

    /** The 404 problem of every failed lookup. */
    static Response notFound(UriInfo uri) {
        return Problems.of(Response.Status.NOT_FOUND, NO_MATCH,
            "No dossier matches this code and lookup code: check both on the receipt slip", List.of(), uri);
    }
}
