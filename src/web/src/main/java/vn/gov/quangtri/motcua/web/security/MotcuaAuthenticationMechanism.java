package vn.gov.quangtri.motcua.web.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import vn.gov.quangtri.motcua.shared.domain.JsonFactories;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStoreHandler;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.time.Instant;
import java.util.Set;
import vn.gov.quangtri.motcua.account.application.ApiTokens;
import vn.gov.quangtri.motcua.account.application.ExternalTokens;
import vn.gov.quangtri.motcua.account.application.SessionStamps;

/**
 * One authentication mechanism for the two kinds of client:
 * <ul>
 * <li><b>Screens</b> ({@code /app/...}): form sign-in on {@code /login.xhtml} through
 * {@code SecurityContext.authenticate}; the user is kept in the HTTP session (new session id at sign-in).
 * A protected page without a session redirects to the sign-in page, remembering the page; an Ajax request
 * after the session timed out gets a Faces partial-response redirect, so the user sees the sign-in page
 * with "session expired" instead of a silent no-op or a ViewExpiredException (docs/cases.md C19).</li>
 * <li><b>REST API</b> ({@code /api/...}): HTTP Basic credentials of an account on every request (use
 * HTTPS in production); no session is created. A browser session is honoured for safe methods (GET)
 * only, so a page on another site cannot change a dossier with the officer's cookie (docs/cases.md C20).
 * Missing or wrong credentials on a protected resource answer 401 with a problem body.</li>
 * </ul>
 * The inbound partner exchange ({@code /api/v1/interagency/messages/...}, {@code /InterAgencyService}) is
 * left alone: partner systems present an API key to the endpoint itself.
 * Accounts are checked by the database identity store of {@link SecurityConfiguration} (disabled accounts
 * cannot sign in, so Basic credentials of a locked account answer 401). A screen session keeps the account's
 * security stamp of sign-in ({@link SignedIn}); on every request it is compared with the account's current
 * one ({@link SessionStamps}, cached): when the account was locked, or its roles or unit changed, the session
 * ends at once and the user lands on the sign-in page with the reason ({@code ended=locked|changed}); a
 * session-authenticated API call gets 401 {@code ACCOUNT_LOCKED} / {@code SESSION_ENDED} (issue 9 item 5).
 *
 * <p>Issue 12. A successful HTTP Basic verification is remembered for {@code motcua.auth.basic-cache-seconds}
 * ({@link VerifiedCredentials}): repeated calls do not run PBKDF2 again while the account's stamp (lock, roles,
 * unit, password) is unchanged. Form, Basic and token sign-in go through the same throttle ({@link PasswordCheck}): after
 * a few failures each further failure is answered a little later, and many failures lock the account or the
 * client address for a while: Basic answers 401 {@code ACCOUNT_LOCKED} / {@code ADDRESS_LOCKED} (with
 * {@code Retry-After}), the sign-in page says so ({@link #REFUSAL} request attribute).
 *
 * <p>Bearer tokens ({@code Authorization: Bearer <JWT>}) of the token endpoint {@code /api/v1/auth/token} are
 * verified by {@link ApiTokens#verify} (signature, lifetime, account unchanged, session not revoked): no password
 * hash per request. Tokens of an external OpenID Connect provider, when one is configured, are verified by
 * {@link ExternalTokens}. An invalid token answers 401 {@code INVALID_TOKEN} with {@code WWW-Authenticate: Bearer}.
 */
@ApplicationScoped
public class MotcuaAuthenticationMechanism implements HttpAuthenticationMechanism {

    /** The sign-in page. */
    public static final String SIGN_IN_PAGE = "/login.xhtml";
    /** Inbound partner messages over REST (API key, see InterAgencyResource). */
    static final String PARTNER_MESSAGES = "/api/v1/interagency/messages/";
    /** Files of our transfers, downloaded by the receiving partner (API key, see TransferFileResource). */
    static final String PARTNER_FILES = "/api/v1/interagency/transfers/";
    /** The SOAP endpoint of the partner exchange (API key, see api.soap.InterAgencyEndpoint). */
    static final String PARTNER_SOAP = "/InterAgencyService";

    /** Value of the sign-in page's {@code ended} parameter for a disabled account. */
    public static final String ENDED_LOCKED = "locked";
    /** Value of the sign-in page's {@code ended} parameter after a change of roles or unit. */
    public static final String ENDED_CHANGED = "changed";

    @Inject
    private IdentityStoreHandler identityStore;

    /** Request attribute naming why a sign-in was refused: BAD_CREDENTIALS, ACCOUNT_LOCKED or ADDRESS_LOCKED. */
    public static final String REFUSAL = "motcua.signInRefusal";
    /** Request attribute holding the end ({@link Instant}) of the lock that refused a sign-in. */
    public static final String LOCKED_UNTIL = "motcua.signInLockedUntil";

    // Services by @Inject, never @EJB, in this and every CDI bean of the sign-in path (PasswordCheck): see
    // PasswordCheck's class comment (issue 16, null @EJB after disable + enable).
    @Inject
    private SessionStamps stamps;

    @Inject
    private PasswordCheck passwords;

    @Inject
    private ApiTokens tokens;

    @Inject
    private ExternalTokens external;

    @Inject
    private ClientAddress clientAddress;

    @Override
    public AuthenticationStatus validateRequest(HttpServletRequest request, HttpServletResponse response,
                                                HttpMessageContext context) {
        try {
            if (RequestHygieneFilter.refusedRequest(request, response)) {
                // 400 problem: encoded traversal, controls; framing, Host, charset on any path (issue 16)
                return AuthenticationStatus.SEND_FAILURE;
            }
        } catch (IOException e) {
            throw new IllegalStateException("Could not answer 400", e);
        }
        if (isPublic(request) || isTokenEndpoint(request)) {
            // The citizens' public lookup (JSON API and page): anonymous always, never a challenge, whatever
            // credentials or session the browser sends (issue 13 §1). The token endpoint checks the credentials
            // it is given itself (AuthResource, through the same throttled PasswordCheck).
            return context.doNothing();
        }
        if (isPartnerExchange(request)) {
            // Partner systems authenticate with their API key in the endpoint (PartnerRegistry), never here:
            // no Basic challenge, no session, whatever Authorization header an intermediary adds.
            return context.doNothing();
        }
        boolean api = isApi(request);
        Credential credential = context.getAuthParameters().getCredential();
        if (context.isAuthenticationRequest() && credential != null) {
            CredentialValidationResult result;
            if (credential instanceof UsernamePasswordCredential form) {
                PasswordCheck.Outcome outcome = passwords.check(form, clientAddress.of(request), false);
                if (outcome.refusal() != null) {
                    request.setAttribute(REFUSAL, outcome.refusal());
                    request.setAttribute(LOCKED_UNTIL, outcome.lockedUntil());
                }
                result = outcome.result();
            } else {
                result = identityStore.validate(credential);
            }
            if (result.getStatus() != CredentialValidationResult.Status.VALID) {
                return AuthenticationStatus.SEND_FAILURE;
            }
            String name = result.getCallerPrincipal().getName();
            SessionStamps.Stamp stamp = stamps.current(name);
            if (stamp == null || !stamp.active()) {
                return AuthenticationStatus.SEND_FAILURE; // locked between the password check and now
            }
            HttpSession old = request.getSession(false);
            if (old != null) {
                old.invalidate();
            }
            request.getSession(true).setAttribute(SignedIn.ATTRIBUTE,
                new SignedIn(name, Set.copyOf(result.getCallerGroups()), stamp.stamp()));
            return context.notifyContainerAboutLogin(result);
        }
        String authorization = request.getHeader("Authorization");
        if (authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            String token = authorization.substring(7);
            ApiTokens.Caller caller = external.claimsToBeExternal(token) ? external.verify(token) : tokens.verify(token);
            if (caller != null) {
                return context.notifyContainerAboutLogin(caller.username(), caller.groups());
            }
            return unauthorized(request, response, "Bearer error=\"invalid_token\"", "INVALID_TOKEN",
                "The access token is not valid: expired, revoked, not ours, or the account changed since it was issued;"
                    + " refresh it or sign in again at /api/v1/auth/token");
        }
        if (authorization != null && authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            UsernamePasswordCredential basic = basic(authorization.substring(6).strip());
            PasswordCheck.Outcome outcome = basic == null ? null : passwords.check(basic, clientAddress.of(request), true);
            if (outcome != null && outcome.valid()) {
                return context.notifyContainerAboutLogin(outcome.result());
            }
            if (outcome != null && outcome.lockedUntil() != null) {
                response.setHeader("Retry-After", String.valueOf(outcome.retryAfterSeconds()));
                return unauthorized(request, response, BASIC_CHALLENGE, outcome.refusal(), outcome.detail());
            }
            return unauthorized(request, response, BASIC_CHALLENGE, "BAD_CREDENTIALS",
                "The user name or password is not correct, or the account is disabled");
        }
        HttpSession session = request.getSession(false);
        SignedIn signedIn = session == null ? null : (SignedIn) session.getAttribute(SignedIn.ATTRIBUTE);
        if (signedIn != null) {
            String ended = endedBy(signedIn);
            if (ended != null) {
                // Locked, or rights changed since sign-in. An unprotected request (style sheet, sign-in page) is
                // served anonymously and leaves the session to the next protected request, which ends it and
                // says why.
                if (!context.isProtected()) {
                    return context.doNothing();
                }
                session.invalidate();
                if (api) {
                    return unauthorized(request, response, BASIC_CHALLENGE, ended.equals(ENDED_LOCKED) ? "ACCOUNT_LOCKED"
                        : "SESSION_ENDED", ended.equals(ENDED_LOCKED) ? "The account has been disabled"
                        : "The roles or unit of the account changed: sign in again");
                }
                return toSignIn(request, response, context, "ended=" + ended);
            }
        }
        if (signedIn != null && (!api || safe(request))) {
            return context.notifyContainerAboutLogin(signedIn.username(), signedIn.groups());
        }
        if (!context.isProtected()) {
            return context.doNothing();
        }
        if (api) {
            return unauthorized(request, response, BASIC_CHALLENGE, "AUTHENTICATION_REQUIRED",
                "Sign in with HTTP Basic credentials of a back-office account, or a bearer token of /api/v1/auth/token");
        }
        return toSignIn(request, response, context,
            session != null || request.getRequestedSessionId() != null ? "expired=true" : null);
    }

    /**
     * Why a session may no longer be used: {@value #ENDED_LOCKED} (account disabled or gone),
     * {@value #ENDED_CHANGED} (roles or unit changed since sign-in), or null when it may go on.
     */
    private String endedBy(SignedIn signedIn) {
        SessionStamps.Stamp now = stamps.current(signedIn.username());
        if (now == null || !now.active()) {
            return ENDED_LOCKED;
        }
        return now.stamp() == signedIn.stamp() ? null : ENDED_CHANGED;
    }

    @Override
    public void cleanSubject(HttpServletRequest request, HttpServletResponse response, HttpMessageContext context) {
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.removeAttribute(SignedIn.ATTRIBUTE);
        }
        HttpAuthenticationMechanism.super.cleanSubject(request, response, context);
    }

    /**
     * Redirects a page request (or an Ajax request, with a partial response) to the sign-in page.
     *
     * @param notice query parameter telling the sign-in page what to say ({@code expired=true},
     *               {@code ended=locked}, {@code ended=changed}), or null
     */
    private static AuthenticationStatus toSignIn(HttpServletRequest request, HttpServletResponse response,
                                                 HttpMessageContext context, String notice) {
        String root = request.getContextPath();
        String page;
        if ("GET".equals(request.getMethod())) {
            String query = request.getQueryString();
            page = request.getRequestURI().substring(root.length()) + (query == null ? "" : "?" + query);
        } else {
            // A form or Ajax post: come back to the page it was posted from (with its ?code=...).
            page = request.getServletPath();
            String referer = request.getHeader("Referer");
            if (referer != null) {
                int at = referer.indexOf(root + "/app/");
                if (at >= 0) {
                    page = referer.substring(at + root.length());
                }
            }
        }
        String target = root + SIGN_IN_PAGE + "?continue=" + URLEncoder.encode(page, StandardCharsets.UTF_8)
            + (notice == null ? "" : "&" + notice);
        PublicAddress base = PublicAddress.configured();
        if (base != null) {
            target = base.absolute(target); // not built from the Host header (issue 16)
        }
        try {
            if ("partial/ajax".equals(request.getHeader("Faces-Request"))) {
                response.setContentType("text/xml");
                response.setCharacterEncoding("UTF-8");
                response.getWriter().write("<?xml version=\"1.0\" encoding=\"UTF-8\"?><partial-response>"
                    + "<redirect url=\"" + target.replace("&", "&amp;") + "\"/></partial-response>");
                response.flushBuffer();
            } else {
                response.sendRedirect(target);
            }
        } catch (IOException e) {
            throw new IllegalStateException("Could not redirect to the sign-in page", e);
        }
        return AuthenticationStatus.SEND_CONTINUE;
    }

    /** The challenge of a 401 for HTTP Basic. */
    private static final String BASIC_CHALLENGE = "Basic realm=\"motcua\", charset=\"UTF-8\"";

    /**
     * Answers 401 with a problem body.
     *
     * @param challenge the {@code WWW-Authenticate} value
     * @param reason    the problem's machine-readable reason
     */
    private static AuthenticationStatus unauthorized(HttpServletRequest request, HttpServletResponse response,
                                                     String challenge, String reason, String detail) {
        try {
            response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
            response.setHeader("WWW-Authenticate", challenge);
            response.setContentType("application/problem+json");
            response.setCharacterEncoding("UTF-8");
            response.getWriter().write(JsonFactories.createObjectBuilder()
                .add("type", "urn:motcua:problem:" + reason.toLowerCase().replace('_', '-')).add("title", "Unauthorized").add("status", 401)
                .add("reason", reason).add("detail", detail)
                .add("instance", request.getRequestURI()).add("errors", JsonFactories.createArrayBuilder())
                .build().toString());
            response.flushBuffer();
        } catch (IOException e) {
            throw new IllegalStateException("Could not answer 401", e);
        }
        return AuthenticationStatus.SEND_FAILURE;
    }

    private static UsernamePasswordCredential basic(String encoded) {
        try {
            String pair = new String(Base64.getDecoder().decode(encoded), StandardCharsets.UTF_8);
            int colon = pair.indexOf(':');
            return colon <= 0 ? null : new UsernamePasswordCredential(pair.substring(0, colon), pair.substring(colon + 1));
        } catch (IllegalArgumentException malformed) {
            return null;
        }
    }

    /** The inbound partner exchange: REST messages and the SOAP endpoint (not the partner registration). */
    static boolean isPartnerExchange(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return path.startsWith(PARTNER_MESSAGES) || path.startsWith(PARTNER_FILES) || path.equals(PARTNER_SOAP) || path.startsWith(PARTNER_SOAP + "/")
            || path.startsWith(PARTNER_SOAP + ";");
    }

    /** The public lookup: {@code /api/v1/public/…} and the page {@code /public/…}. */
    static boolean isPublic(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (path.contains("..") || path.contains(";") || path.contains("%")) {
            return false; // not normalised: judged as any other path (the constraints of web.xml apply)
        }
        return path.startsWith("/api/v1/public/") || path.startsWith("/public/");
    }

    /**
     * The token endpoint {@code /api/v1/auth/…}: it checks the credentials it is given itself (throttled), so this
     * mechanism neither challenges nor signs in there.
     */
    static boolean isTokenEndpoint(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return path.startsWith("/api/v1/auth/") && !path.contains("..") && !path.contains(";") && !path.contains("%");
    }

    private static boolean isApi(HttpServletRequest request) {
        return request.getRequestURI().startsWith(request.getContextPath() + "/api/");
    }

    private static boolean safe(HttpServletRequest request) {
        return "GET".equals(request.getMethod()) || "HEAD".equals(request.getMethod());
    }
}
