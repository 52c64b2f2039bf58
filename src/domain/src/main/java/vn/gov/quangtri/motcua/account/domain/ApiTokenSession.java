package vn.gov.quangtri.motcua.account.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Objects;
import vn.gov.quangtri.motcua.shared.domain.InstantConverter;

/**
 * One sign-in of an API client at the token endpoint (issue 12 §1): the access tokens it is given (signed JWTs,
 * never stored) name this session by its {@link #id()}, and its refresh token is kept only as a SHA-256.
 * Refreshing rotates the refresh token; the one it replaced is remembered, so that presenting it again (a copied
 * token) ends the session. A session also ends at sign-out, when its refresh lifetime is over, and when the
 * account changed since sign-in (lock, roles, unit: {@link #securityStamp()}; password: {@link #credentials()}).
 * Table {@code api_token_session} (V24).
 */
@Entity
@Table(name = "api_token_session")
@NamedQuery(name = "ApiTokenSession.byRefreshHash",
    query = "SELECT s FROM ApiTokenSession s WHERE s.refreshHash = :hash OR s.previousRefreshHash = :hash")
public class ApiTokenSession {

    /** Why a session ended. */
    public enum Ended {
        /** The client signed out (revoked its token). */
        SIGNED_OUT,
        /** Its refresh lifetime was over. */
        EXPIRED,
        /** An already replaced refresh token was presented again: it may have been copied. */
        REFRESH_REUSED,
        /** The account was disabled, or its roles or unit changed. */
        ACCOUNT_CHANGED,
        /** The account's password changed. */
        PASSWORD_CHANGED
    }

    @Id
    @Column(name = "id", length = 36, nullable = false, updatable = false)
    private String id;

    @Column(name = "username", length = 100, nullable = false, updatable = false)
    private String username;

    @Column(name = "refresh_hash", length = 64, nullable = false)
    private String refreshHash;

    @Column(name = "previous_refresh_hash", length = 64)
    private String previousRefreshHash;

    @Column(name = "security_stamp", nullable = false, updatable = false)
    private long securityStamp;

    @Column(name = "credentials", length = 64, nullable = false, updatable = false)
    private String credentials;

    @Column(name = "client_address", length = 64, updatable = false)
    private String clientAddress;

    @Convert(converter = InstantConverter.class)
    @Column(name = "issued_at", nullable = false, updatable = false)
    private Instant issuedAt;

    @Convert(converter = InstantConverter.class)
    @Column(name = "refreshed_at")
    private Instant refreshedAt;

    @Convert(converter = InstantConverter.class)
    @Column(name = "expires_at", nullable = false)
    private Instant expiresAt;

    @Convert(converter = InstantConverter.class)
    @Column(name = "revoked_at")
    private Instant revokedAt;

    @Column(name = "revoked_reason", length = 40)
    private String revokedReason;

    /** For JPA only. */
    protected ApiTokenSession() {
    }

    /**
     * A new session.
     *
     * @param id            random identifier (a UUID), the {@code sid} claim of its access tokens
     * @param username      the account
     * @param refreshToken  the first refresh token (only its hash is kept)
     * @param securityStamp the account's security stamp at sign-in
     * @param credentials   the fingerprint of the account's password at sign-in
     * @param clientAddress the client's address, for the audit (may be null)
     * @param at            sign-in time
     * @param expiresAt     end of the refresh lifetime
     */
    public ApiTokenSession(String id, String username, String refreshToken, long securityStamp, String credentials,
                           String clientAddress, Instant at, Instant expiresAt) {
        this.id = Objects.requireNonNull(id, "id");
        this.username = Objects.requireNonNull(username, "username");
        this.refreshHash = hash(refreshToken);
        this.securityStamp = securityStamp;
        this.credentials = Objects.requireNonNull(credentials, "credentials");
        this.clientAddress = clientAddress;
        this.issuedAt = Objects.requireNonNull(at, "at");
        this.expiresAt = Objects.requireNonNull(expiresAt, "expiresAt");
    }

    /** SHA-256 of a refresh token, lower-case hexadecimal (64 characters). */
    public static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                .digest(Objects.requireNonNull(token, "token").getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from the JVM", e);
        }
    }

    /** Whether the given refresh token is the current one (not a replaced one). */
    public boolean isCurrent(String refreshToken) {
        return refreshHash.equals(hash(refreshToken));
    }

    /**
     * Rotates the refresh token: the given one becomes current, the current one is remembered as replaced.
     *
     * @throws IllegalStateException when the session has ended
     */
    public void rotate(String newRefreshToken, Instant at) {
        if (revokedAt != null) {
            throw new IllegalStateException("The token session has ended");
        }
        previousRefreshHash = refreshHash;
        refreshHash = hash(newRefreshToken);
        refreshedAt = at;
    }

    /** Ends the session (no effect when it has already ended). */
    public void end(Ended why, Instant at) {
        if (revokedAt == null) {
            revokedAt = Objects.requireNonNull(at, "at");
            revokedReason = why.name();
        }
    }

    /** Whether the session is still usable at the given time. */
    public boolean open(Instant at) {
        return revokedAt == null && at.isBefore(expiresAt);
    }

    public String id() {
        return id;
    }

    public String username() {
        return username;
    }

    public long securityStamp() {
        return securityStamp;
    }

    public String credentials() {
        return credentials;
    }

    public Instant issuedAt() {
        return issuedAt;
    }

    public Instant expiresAt() {
        return expiresAt;
    }

    public Instant revokedAt() {
        return revokedAt;
    }

    /** @return the {@link Ended} name, or null while open */
    public String revokedReason() {
        return revokedReason;
    }
}
