package vn.gov.quangtri.motcua.api.rest.account;

import jakarta.ejb.EJB;
import jakarta.ejb.EJBException;
import jakarta.inject.Inject;
import vn.gov.quangtri.motcua.shared.domain.JsonFactories;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonStructure;
import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.io.StringReader;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import vn.gov.quangtri.motcua.account.application.ApiTokens;
import vn.gov.quangtri.motcua.account.application.TokenKeys;
import vn.gov.quangtri.motcua.api.rest.Problems;
import vn.gov.quangtri.motcua.shared.application.Failures;
import vn.gov.quangtri.motcua.web.security.ClientAddress;
import vn.gov.quangtri.motcua.web.security.PasswordCheck;

/**
 * The token endpoint of the API (issue 12 §1), shaped after OAuth 2.0 (RFC 6749 §4.3 and §6, RFC 7009):
 * <ul>
 * <li>{@code POST /api/v1/auth/token} with {@code grant_type=password&username=…&password=…} (form or JSON): the
 * password is checked once (PBKDF2, throttled like every sign-in); the answer carries a short-lived access token
 * (a JWT for {@code Authorization: Bearer}) and a refresh token. With {@code grant_type=refresh_token&refresh_token=…}:
 * a new pair, the old refresh token stops working.</li>
 * <li>{@code POST /api/v1/auth/revoke} with {@code token=…} (a refresh or access token), or with the access token
 * in {@code Authorization: Bearer}: signs out (the session's tokens stop working). Always 200.</li>
 * <li>{@code GET /api/v1/auth/jwks}: the public key that signs access tokens, for other systems that verify them.</li>
 * </ul>
 * Answers are never cached ({@code Cache-Control: no-store}).
 */
@Path("v1/auth")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Authentication", description = "Bearer tokens for the API: sign in once, then call with Authorization: Bearer")
public class AuthResource {

    @EJB
    private ApiTokens tokens;

    @EJB
    private TokenKeys keys;

    @Inject
    private PasswordCheck passwords;

    @Inject
    private ClientAddress clientAddress;

    @Context
    private HttpServletRequest request;

    @Context
    private UriInfo uri;

    /**
     * The answer of the token endpoint (RFC 6749 §5.1 names).
     *
     * @param accessToken      the JWT to send as {@code Authorization: Bearer}
     * @param tokenType        always {@code Bearer}
     * @param expiresIn        seconds the access token is valid
     * @param refreshToken     the refresh token (keep it secret; single use)
     * @param refreshExpiresIn seconds the refresh token is valid
     */
    public record TokenDto(@JsonbProperty("access_token") String accessToken,
                           @JsonbProperty("token_type") String tokenType,
                           @JsonbProperty("expires_in") long expiresIn,
                           @JsonbProperty("refresh_token") String refreshToken,
                           @JsonbProperty("refresh_expires_in") long refreshExpiresIn) {
    }

    /**
     * A token request (the fields of the form or JSON body).
     *
     * @param grantType    {@code password} or {@code refresh_token}
     * @param username     for {@code password}
     * @param password     for {@code password}
     * @param refreshToken for {@code refresh_token}
     */
    record TokenRequest(String grantType, String username, String password, String refreshToken) {
    }

    /**
     * Token request, as a form ({@code application/x-www-form-urlencoded}, as OAuth 2.0 clients send it) or as JSON
     * with the same fields. The body is read here rather than bound by JAX-RS, so that a request without a content
     * type or with another one gets a 415 problem rather than a server error.
     */
    @POST
    @Path("token")
    @Consumes(MediaType.WILDCARD)
    @Operation(summary = "Sign in (grant_type=password) or refresh (grant_type=refresh_token) for bearer tokens",
        description = "Form (application/x-www-form-urlencoded) or JSON body with grant_type, username, password,"
            + " refresh_token. The access token is a JWT (RS256) valid for motcua.auth.token.access-seconds (default"
            + " 300 s); the refresh token is valid for motcua.auth.token.refresh-seconds (default 8 h) and single use."
            + " Failed passwords count toward the sign-in throttle like the form and HTTP Basic.")
    @APIResponse(responseCode = "200", description = "access_token, token_type, expires_in, refresh_token, refresh_expires_in")
    @APIResponse(responseCode = "400", description = "INVALID_REQUEST, UNSUPPORTED_GRANT_TYPE, INVALID_GRANT (unknown, used or expired refresh token), ACCOUNT_CHANGED")
    @APIResponse(responseCode = "401", description = "BAD_CREDENTIALS; ACCOUNT_LOCKED or ADDRESS_LOCKED with Retry-After")
    @APIResponse(responseCode = "415", description = "UNSUPPORTED_MEDIA_TYPE: neither a form nor JSON")
    @APIResponse(responseCode = "503", description = "TOKENS_UNAVAILABLE: no signing key configured (HTTP Basic still works)")
    public Response token(@HeaderParam("Content-Type") String contentType, String body) {
        Map<String, String> fields;
        try {
            fields = fields(contentType, body);
        } catch (IllegalArgumentException malformed) {
            return invalid("The body is not a well-formed form or JSON object: " + malformed.getMessage());
        }
        if (fields == null) {
            return noStore(Problems.of(415, "Unsupported Media Type", "UNSUPPORTED_MEDIA_TYPE",
                "Send the token request as application/x-www-form-urlencoded or application/json", List.of(), uri));
        }
        return token(new TokenRequest(fields.get("grant_type"), fields.get("username"), fields.get("password"),
            fields.get("refresh_token")));
    }

    /**
     * The fields of a form or JSON object body (string values only).
     *
     * @return the fields, empty for an empty body; null for another media type
     * @throws IllegalArgumentException for a malformed form (a broken %-escape) or JSON that is not an object
     */
    static Map<String, String> fields(String contentType, String body) {
        String type = contentType == null ? "" : contentType.split(";", 2)[0].strip().toLowerCase(java.util.Locale.ROOT);
        Map<String, String> fields = new java.util.HashMap<>();
        if (body == null || body.isBlank()) {
            return type.isEmpty() || type.equals(MediaType.APPLICATION_FORM_URLENCODED)
                || type.equals(MediaType.APPLICATION_JSON) ? fields : null;
        }
        if (type.equals(MediaType.APPLICATION_FORM_URLENCODED)) {
            try {
                for (String pair : body.strip().split("&")) {
                    int eq = pair.indexOf('=');
                    String key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
                    String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
                    fields.putIfAbsent(key, value);
                }
            } catch (IllegalArgumentException malformed) {
                throw new IllegalArgumentException("a broken %-escape", malformed);
            }
            return fields;
        }
        if (type.equals(MediaType.APPLICATION_JSON)) {
            try (JsonReader reader = JsonFactories.createReader(new StringReader(body))) {
                JsonStructure json = reader.read();
                if (!(json instanceof JsonObject object)) {
                    throw new IllegalArgumentException("JSON that is not an object");
                }
                object.forEach((key, value) -> {
                    if (value instanceof JsonString text) {
                        fields.put(key, text.getString());
                    }
                });
                return fields;
            } catch (JsonException malformed) {
                throw new IllegalArgumentException("malformed JSON", malformed);
            }
        }
        return null;
    }

    private Response token(TokenRequest body) {
        if (!keys.available()) {
            return noStore(Problems.of(Response.Status.SERVICE_UNAVAILABLE, "TOKENS_UNAVAILABLE",
                "Bearer tokens are not configured on this server (motcua.auth.token.key-file): use HTTP Basic",
                List.of(), uri));
        }
        String grant = body.grantType() == null ? "" : body.grantType().strip();
        try {
            return switch (grant) {
                case "password" -> password(body);
                case "refresh_token" -> {
                    if (blank(body.refreshToken())) {
                        yield invalid("refresh_token is required for grant_type=refresh_token", "refresh_token");
                    }
                    yield issued(tokens.refresh(body.refreshToken()));
                }
                case "" -> invalid("grant_type is required: password or refresh_token", "grant_type");
                default -> noStore(Problems.of(Response.Status.BAD_REQUEST, "UNSUPPORTED_GRANT_TYPE",
                    "grant_type must be password or refresh_token", List.of("grant_type"), uri));
            };
        } catch (EJBException e) {
            Throwable cause = Failures.unwrap(e);
            if (cause instanceof ApiTokens.Refused refused) {
                return refused(refused);
            }
            throw e;
        } catch (ApiTokens.Refused refused) {
            return refused(refused);
        }
    }

    private Response password(TokenRequest body) {
        if (blank(body.username()) || body.password() == null || body.password().isEmpty()) {
            return invalid("username and password are required for grant_type=password", "username", "password");
        }
        if (body.username().length() > 100 || body.password().length() > 500) {
            return noStore(Problems.of(Response.Status.UNAUTHORIZED, "BAD_CREDENTIALS",
                "The user name or password is not correct, or the account is disabled", List.of(), uri));
        }
        PasswordCheck.Outcome outcome = passwords.check(
            new UsernamePasswordCredential(body.username().strip(), body.password()), clientAddress.of(request), false);
        if (!outcome.valid()) {
            Response.ResponseBuilder answer = Response.fromResponse(Problems.of(Response.Status.UNAUTHORIZED,
                outcome.refusal(), outcome.detail(), List.of(), uri)).header("Cache-Control", "no-store");
            if (outcome.lockedUntil() != null) {
                answer.header("Retry-After", String.valueOf(outcome.retryAfterSeconds()));
            }
            return answer.build();
        }
        return issued(tokens.issue(outcome.result().getCallerPrincipal().getName(), clientAddress.of(request)));
    }

    /** Signs out: ends the session of the given token (field {@code token}, form or JSON) or of the bearer token. */
    @POST
    @Path("revoke")
    @Consumes(MediaType.WILDCARD)
    @Operation(summary = "Sign out: the session of a refresh or access token ends (RFC 7009); always 200",
        description = "The token in the field token (form or JSON), or the access token in Authorization: Bearer.")
    @APIResponse(responseCode = "200", description = "{\"revoked\": true|false} (false: unknown or already ended)")
    public Response revoke(@HeaderParam("Content-Type") String contentType,
                           @HeaderParam("Authorization") String authorization, String body) {
        Map<String, String> fields = fields(contentType, body);
        String given = fields == null ? null : fields.get("token");
        if (blank(given) && authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            given = authorization.substring(7).strip();
        }
        boolean revoked = !blank(given) && tokens.revoke(given);
        return Response.ok(JsonFactories.createObjectBuilder().add("revoked", revoked).build())
            .header("Cache-Control", "no-store").build();
    }

    /** The public key(s) that sign access tokens, as a JSON Web Key Set (RFC 7517). */
    @GET
    @Path("jwks")
    @Operation(summary = "Public keys of the access tokens (JWKS), for systems that verify them")
    public Response jwks() {
        return Response.ok(keys.publicKeys().toString(true)).build();
    }

    private Response issued(ApiTokens.TokenPair pair) {
        return Response.ok(new TokenDto(pair.accessToken(), "Bearer", pair.expiresIn(), pair.refreshToken(),
            pair.refreshExpiresIn())).header("Cache-Control", "no-store").header("Pragma", "no-cache").build();
    }

    private Response refused(ApiTokens.Refused refused) {
        return noStore(Problems.of(Response.Status.BAD_REQUEST, refused.reason(), refused.getMessage(), List.of(), uri));
    }

    private Response invalid(String detail, String... fields) {
        return noStore(Problems.of(Response.Status.BAD_REQUEST, "INVALID_REQUEST", detail, List.of(fields), uri));
    }

    private static Response noStore(Response response) {
        return Response.fromResponse(response).header("Cache-Control", "no-store").build();
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
