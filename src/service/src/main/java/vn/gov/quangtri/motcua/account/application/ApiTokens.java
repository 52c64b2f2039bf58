package vn.gov.quangtri.motcua.account.application;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import jakarta.ejb.ApplicationException;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.EJB;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.security.SecureRandom;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import vn.gov.quangtri.motcua.account.domain.ApiTokenSession;
import vn.gov.quangtri.motcua.account.domain.ApiTokenSession.Ended;
import vn.gov.quangtri.motcua.account.domain.Role;
import vn.gov.quangtri.motcua.account.domain.UserAccount;

/**
 * Bearer tokens of the API (issue 12 §1): issues, refreshes, verifies and revokes them.
 * <ul>
 * <li>An <b>access token</b> is a JWT signed with RS256 ({@link TokenKeys}), valid for
 * {@code motcua.auth.token.access-seconds} (default 300 s). Claims: {@code iss} ({@code motcua.auth.token.issuer}),
 * {@code sub} and {@code upn} (the user name), {@code groups} (the account's roles, as MicroProfile JWT names them),
 * {@code sid} (its token session), {@code jti}, {@code iat}, {@code exp}, and {@code stp} / {@code crd}: the
 * account's security stamp and password fingerprint at sign-in. Verifying one costs a signature check and two
 * cached lookups, no password hash: it is refused at once when the account was locked, its roles or unit changed
 * ({@code stp}) or its password changed ({@code crd}), and within {@link #REVOCATION_RECHECK} on every server when
 * its session was revoked (at once on the server that revoked it).</li>
 * <li>A <b>refresh token</b> is 256 random bits, kept only as a SHA-256 in its {@link ApiTokenSession}, valid for
 * {@code motcua.auth.token.refresh-seconds} (default 8 h, one working day) from sign-in. Each refresh rotates it;
 * presenting a replaced one again ends the session ({@link Ended#REFRESH_REUSED}).</li>
 * </ul>
 * Passwords are checked by the caller (the token endpoint, throttled like every sign-in) before {@link #issue}.
 */
@Singleton
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class ApiTokens {

    private static final Logger LOG = Logger.getLogger(ApiTokens.class.getName());

    /** Longest time a server trusts that a token session it has seen open is still open. */
    public static final Duration REVOCATION_RECHECK = Duration.ofSeconds(30);
    /** Tolerated clock difference when checking {@code exp}. */
    static final Duration CLOCK_SKEW = Duration.ofSeconds(30);
    /** Characters of the password fingerprint carried in {@code crd} (96 bits of a SHA-256). */
    static final int CREDENTIALS_CLAIM_LENGTH = 16;

    @PersistenceContext(unitName = "motcua")
    EntityManager em;

    @EJB
    TokenKeys keys;

    @EJB
    SessionStamps stamps;

    @Inject
    @ConfigProperty(name = "motcua.auth.token.issuer", defaultValue = "motcua")
    String issuer = "motcua";

    @Inject
    @ConfigProperty(name = "motcua.auth.token.access-seconds", defaultValue = "300")
    long accessSeconds = 300;

    @Inject
    @ConfigProperty(name = "motcua.auth.token.refresh-seconds", defaultValue = "28800")
    long refreshSeconds = 28_800;

    Clock clock = Clock.systemUTC();

    private final SecureRandom random = new SecureRandom();
    /** Token session id → (open?, when this server last read it). */
    private final Map<String, Seen> sessions = new ConcurrentHashMap<>();

    private record Seen(boolean open, long readAtNanos) {
    }

    /**
     * What the token endpoint answers (OAuth 2.0 field meanings, RFC 6749 §5.1).
     *
     * @param accessToken      the JWT
     * @param expiresIn        seconds the access token is valid
     * @param refreshToken     the refresh token
     * @param refreshExpiresIn seconds the refresh token is valid from now
     */
    public record TokenPair(String accessToken, long expiresIn, String refreshToken, long refreshExpiresIn) {
    }

    /** A verified caller: user name and roles. */
    public record Caller(String username, Set<String> groups) {
    }

    /**
     * A refresh (or sign-in) that cannot be granted; the session concerned is ended and that is kept (no rollback).
     * {@link #reason()} is INVALID_GRANT, SESSION_ENDED or ACCOUNT_CHANGED.
     */
    @ApplicationException(rollback = false)
    public static class Refused extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final String reason;

        Refused(String reason, String message) {
            super(message);
            this.reason = reason;
        }

        public String reason() {
            return reason;
        }
    }

    /**
     * Opens a token session for an account whose password the caller has just verified.
     *
     * @param username      the account
     * @param clientAddress for the audit, may be null
     * @throws TokenKeys.Unavailable when no signing key is configured
     * @throws Refused               ACCOUNT_CHANGED when the account is unknown or disabled
     */
    public TokenPair issue(String username, String clientAddress) {
        keys.keys(); // fail before anything is written when tokens cannot be signed
        SessionStamps.Stamp stamp = stamps.current(username);
        UserAccount account = account(username);
        if (stamp == null || !stamp.active() || account == null) {
            throw new Refused("ACCOUNT_CHANGED", "The account is disabled");
        }
        Instant now = clock.instant();
        String refresh = newSecret();
        ApiTokenSession session = new ApiTokenSession(UUID.randomUUID().toString(), username, refresh, stamp.stamp(),
            stamp.credentials(), clip(clientAddress), now, now.plusSeconds(refreshSeconds));
        em.persist(session);
        LOG.fine(() -> "Token session " + session.id() + " opened for " + username);
        return new TokenPair(sign(session, account, now), accessSeconds, refresh, refreshSeconds);
    }

    /**
     * A new access token and a new refresh token for a current refresh token.
     *
     * @throws Refused INVALID_GRANT for an unknown, replaced (the session then ends), expired or revoked refresh
     *                 token; ACCOUNT_CHANGED when the account was disabled or its roles, unit or password changed
     *                 since sign-in (the session then ends)
     */
    public TokenPair refresh(String refreshToken) {
        Instant now = clock.instant();
        // Locked: two refreshes of one token at once are applied one after the other, so the second sees the token
        // replaced and ends the session (a copied token raced against its owner is caught, not given a session).
        ApiTokenSession session = byRefreshToken(refreshToken, LockModeType.PESSIMISTIC_WRITE);
        if (session == null) {
            throw new Refused("INVALID_GRANT", "Unknown refresh token");
        }
        if (!session.isCurrent(refreshToken)) {
            end(session, Ended.REFRESH_REUSED, now);
            throw new Refused("INVALID_GRANT", "This refresh token was already used: the session has ended; sign in again");
        }
        if (!session.open(now)) {
            end(session, Ended.EXPIRED, now);
            throw new Refused("INVALID_GRANT", "The session has ended; sign in again");
        }
        SessionStamps.Stamp stamp = stamps.current(session.username());
        UserAccount account = account(session.username());
        if (stamp == null || !stamp.active() || account == null || stamp.stamp() != session.securityStamp()) {
            end(session, Ended.ACCOUNT_CHANGED, now);
            throw new Refused("ACCOUNT_CHANGED", "The account was disabled, or its roles or unit changed: sign in again");
        }
        if (!stamp.credentials().equals(session.credentials())) {
            end(session, Ended.PASSWORD_CHANGED, now);
            throw new Refused("ACCOUNT_CHANGED", "The password changed: sign in again");
        }
        String refresh = newSecret();
        session.rotate(refresh, now);
        long left = Math.max(0, Duration.between(now, session.expiresAt()).toSeconds());
        return new TokenPair(sign(session, account, now), accessSeconds, refresh, left);
    }

    /**
     * Signs out: ends the session of a refresh token or of an access token of this server (even an expired one).
     * An unknown or malformed token is ignored (RFC 7009 §2.2).
     *
     * @return whether a session was ended by this call
     */
    public boolean revoke(String token) {
        if (token == null || token.isBlank()) {
            return false;
        }
        Instant now = clock.instant();
        ApiTokenSession session = null;
        if (token.chars().filter(c -> c == '.').count() == 2) {
            JWTClaimsSet claims = signedClaims(token);
            Object sid = claims == null ? null : claims.getClaim("sid");
            session = sid == null ? null : em.find(ApiTokenSession.class, sid.toString());
        } else {
            session = byRefreshToken(token.strip());
        }
        if (session == null || session.revokedAt() != null) {
            return false;
        }
        end(session, Ended.SIGNED_OUT, now);
        return true;
    }

    /**
     * Ends every open token session of an account at once (the account was disabled or deleted, issue 16): its access
     * tokens are refused from the next request on every server (the account's stamp moved on too) and its refresh
     * tokens are never honoured again, even if the account is enabled later. Joins the caller's transaction.
     *
     * @return how many sessions were ended
     */
    public int endAll(String username, Ended why) {
        Instant now = clock.instant();
        List<ApiTokenSession> open = em.createQuery("SELECT s FROM ApiTokenSession s WHERE s.username = :username"
            + " AND s.revokedAt IS NULL", ApiTokenSession.class).setParameter("username", username).getResultList();
        open.forEach(s -> end(s, why, now));
        return open.size();
    }

    /**
     * Checks an access token of this server: signature, issuer, lifetime, the account's state and the session.
     *
     * @return the caller, or null when the token is not valid (malformed, another signer, expired, account changed,
     *         session ended)
     */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public Caller verify(String jwt) {
        JWTClaimsSet claims = signedClaims(jwt);
        if (claims == null || !issuer.equals(claims.getIssuer()) || claims.getExpirationTime() == null) {
            return null;
        }
        Instant now = clock.instant();
        if (!claims.getExpirationTime().toInstant().plus(CLOCK_SKEW).isAfter(now)) {
            return null;
        }
        String username = claims.getSubject();
        Object sid = claims.getClaim("sid");
        Object stp = claims.getClaim("stp");
        Object crd = claims.getClaim("crd");
        List<String> groups;
        try {
            groups = claims.getStringListClaim("groups");
        } catch (ParseException e) {
            return null;
        }
        if (username == null || sid == null || !(stp instanceof Number) || crd == null || groups == null) {
            return null;
        }
        SessionStamps.Stamp stamp = stamps.current(username);
        if (stamp == null || !stamp.active() || stamp.stamp() != ((Number) stp).longValue()
                || !credentialsClaim(stamp.credentials()).equals(crd.toString())) {
            return null;
        }
        return sessionOpen(sid.toString(), now) ? new Caller(username, Set.copyOf(groups)) : null;
    }

    /** The token's claims when it is a JWT signed by this server's key (whatever its lifetime), else null. */
    private JWTClaimsSet signedClaims(String jwt) {
        try {
            SignedJWT parsed = SignedJWT.parse(jwt.strip());
            TokenKeys.Keys k = keys.keys();
            if (!JWSAlgorithm.RS256.equals(parsed.getHeader().getAlgorithm())
                    || !k.key().getKeyID().equals(parsed.getHeader().getKeyID()) || !parsed.verify(k.verifier())) {
                return null;
            }
            return parsed.getJWTClaimsSet();
        } catch (ParseException | JOSEException | TokenKeys.Unavailable | IllegalStateException e) {
            return null;
        }
    }

    private boolean sessionOpen(String sid, Instant now) {
        long nanos = System.nanoTime();
        Seen seen = sessions.get(sid);
        if (seen != null && (!seen.open() || nanos - seen.readAtNanos() < REVOCATION_RECHECK.toNanos())) {
            return seen.open();
        }
        ApiTokenSession session = em.find(ApiTokenSession.class, sid);
        boolean open = session != null && session.revokedAt() == null;
        if (sessions.size() > 100_000) {
            sessions.clear(); // bounded: at worst every session is read again once
        }
        sessions.put(sid, new Seen(open, nanos));
        return open;
    }

    private void end(ApiTokenSession session, Ended why, Instant now) {
        session.end(why, now);
        sessions.put(session.id(), new Seen(false, System.nanoTime()));
        LOG.info(() -> "Token session " + session.id() + " of " + session.username() + " ended: " + why);
    }

    private String sign(ApiTokenSession session, UserAccount account, Instant now) {
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
            .issuer(issuer)
            .subject(account.username())
            .claim("upn", account.username())
            .claim("groups", account.roles().stream().map(Role::name).sorted().toList())
            .claim("unit", account.agency().code())
            .claim("sid", session.id())
            .claim("stp", session.securityStamp())
            .claim("crd", credentialsClaim(session.credentials()))
            .jwtID(UUID.randomUUID().toString())
            .issueTime(Date.from(now))
            .expirationTime(Date.from(now.plusSeconds(accessSeconds)))
            .build();
        TokenKeys.Keys k = keys.keys();
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).type(JOSEObjectType.JWT)
            .keyID(k.key().getKeyID()).build(), claims);
        try {
            jwt.sign(k.signer());
        } catch (JOSEException e) {
            throw new TokenKeys.Unavailable("Could not sign an access token: " + e.getMessage(), e);
        }
        return jwt.serialize();
    }

    private ApiTokenSession byRefreshToken(String token) {
        return byRefreshToken(token, LockModeType.NONE);
    }

    /** The session of a current or replaced refresh token, its row locked with {@code lock} until the commit. */
    private ApiTokenSession byRefreshToken(String token, LockModeType lock) {
        if (token == null || token.isBlank() || token.length() > 200) {
            return null;
        }
        List<ApiTokenSession> found = em.createNamedQuery("ApiTokenSession.byRefreshHash", ApiTokenSession.class)
            .setParameter("hash", ApiTokenSession.hash(token.strip())).setLockMode(lock).getResultList();
        return found.isEmpty() ? null : found.get(0);
    }

    private UserAccount account(String username) {
        List<UserAccount> found = em.createNamedQuery("UserAccount.findByUsername", UserAccount.class)
            .setParameter("username", username).getResultList();
        return found.isEmpty() || !found.get(0).active() ? null : found.get(0);
    }

    private String newSecret() {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    static String credentialsClaim(String fingerprint) {
        return fingerprint.length() <= CREDENTIALS_CLAIM_LENGTH ? fingerprint
            : fingerprint.substring(0, CREDENTIALS_CLAIM_LENGTH);
    }

    private static String clip(String address) {
        return address == null ? null : address.length() > 64 ? address.substring(0, 64) : address;
    }
}
