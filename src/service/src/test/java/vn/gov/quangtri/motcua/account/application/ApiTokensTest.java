package vn.gov.quangtri.motcua.account.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.gov.quangtri.motcua.account.domain.AccessScope;
import vn.gov.quangtri.motcua.account.domain.ApiTokenSession;
import vn.gov.quangtri.motcua.account.domain.Role;
import vn.gov.quangtri.motcua.shared.infrastructure.persistence.AdminTestBed;

/**
 * Bearer tokens on H2 (issue 12 §1): issue, expiry, refresh rotation, revocation at sign-out and at every change of
 * the account (password, lock, roles), and tokens that are not ours. Times are those of {@link AdminTestBed#NOW}
 * (2 March 2026 09:00 Vietnam time); access tokens last 300 s, refresh tokens 8 h, with 30 s of clock skew.
 */
class ApiTokensTest {

    private static final String USER = "tiepnhan.thu";
    private static final String VINH_LINH = "QT25.XA_VINH_LINH";

    @TempDir
    Path dir;

    private AdminTestBed bed;
    private AccountService accounts;
    private ApiTokens tokens;
    private AdminTestBed.MovableClock clock;

    @BeforeEach
    void setUp() {
        bed = new AdminTestBed();
        accounts = bed.wire(new AccountService());
        SessionStamps stamps = bed.wire(new SessionStamps());
        AdminTestBed.set(accounts, "stamps", stamps);
        AdminTestBed.set(accounts, "hasher", new PlainHash());
        SignInGuard guard = bed.wire(new SignInGuard());
        guard.start();
        AdminTestBed.set(accounts, "guard", guard);
        bed.wire(new vn.gov.quangtri.motcua.audit.application.AdminAuditLog());
        bed.actAs(new AccessScope("quantri.tinh", EnumSet.of(Role.SYSTEM_ADMIN), Set.of(), true));
        bed.tx(() -> accounts.create(USER, "Lê Thị Thu", "MatKhau2026", VINH_LINH, EnumSet.of(Role.DESK_OFFICER),
            null, "Quyết định 12/QĐ-UBND phân công"));

        TokenKeys keys = new TokenKeys();
        keys.keyFile = dir.resolve("config/motcua-token-key.pem").toString();
        keys.generate = true;
        tokens = bed.wire(new ApiTokens());
        clock = new AdminTestBed.MovableClock();
        tokens.clock = clock;
        tokens.keys = keys;
        tokens.stamps = stamps;
        AdminTestBed.set(accounts, "tokens", tokens);
    }

    @AfterEach
    void tearDown() {
        bed.close();
    }

    private ApiTokens.TokenPair signIn() {
        return bed.tx(() -> tokens.issue(USER, "203.0.113.7"));
    }

    private String refusal(Runnable action) {
        RuntimeException e = bed.committedDespite(action);
        return e instanceof ApiTokens.Refused r ? r.reason() : String.valueOf(e);
    }

    @Test
    @DisplayName("An issued access token names the account, its roles and unit, for 300 s; 8 h for the refresh token")
    void issue() throws Exception {
        ApiTokens.TokenPair pair = signIn();
        assertEquals(300, pair.expiresIn());
        assertEquals(28_800, pair.refreshExpiresIn());
        assertEquals(new ApiTokens.Caller(USER, Set.of("DESK_OFFICER")), tokens.verify(pair.accessToken()));
        JWTClaimsSet claims = SignedJWT.parse(pair.accessToken()).getJWTClaimsSet();
        assertEquals("motcua", claims.getIssuer());
        assertEquals(USER, claims.getClaim("upn"));
        assertEquals(VINH_LINH, claims.getClaim("unit"));
        assertEquals(AdminTestBed.NOW, claims.getIssueTime().toInstant());
        assertEquals(AdminTestBed.NOW.plusSeconds(300), claims.getExpirationTime().toInstant());
        // the refresh token is 256 random bits and only its hash is stored
        assertEquals(32, Base64.getUrlDecoder().decode(pair.refreshToken()).length);
        ApiTokenSession stored = bed.fresh().createQuery("SELECT s FROM ApiTokenSession s", ApiTokenSession.class)
            .getSingleResult();
        assertEquals(ApiTokenSession.hash(pair.refreshToken()), bed.em().createNativeQuery(
            "SELECT refresh_hash FROM api_token_session").getSingleResult());
        assertEquals(AdminTestBed.NOW.plusSeconds(28_800), stored.expiresAt());
        // the development key was written with owner-only permissions
        assertEquals("rw-------", PosixFilePermissions.toString(
            Files.getPosixFilePermissions(dir.resolve("config/motcua-token-key.pem"))));
    }

    @Test
    @DisplayName("An access token expires after 300 s (+30 s of clock skew): valid at 329 s, refused at 330 s")
    void expiry() {
        String access = signIn().accessToken();
        clock.now = AdminTestBed.NOW.plusSeconds(329);
        assertNotNull(tokens.verify(access));
        clock.now = AdminTestBed.NOW.plusSeconds(330);
        assertNull(tokens.verify(access));
    }

    @Test
    @DisplayName("A refresh rotates the refresh token; presenting the replaced one again ends the whole session")
    void refreshRotatesAndReuseEndsTheSession() {
        ApiTokens.TokenPair first = signIn();
        clock.now = AdminTestBed.NOW.plusSeconds(600);
        ApiTokens.TokenPair second = bed.tx(() -> tokens.refresh(first.refreshToken()));
        assertNotEquals(first.refreshToken(), second.refreshToken());
        assertEquals(28_800 - 600, second.refreshExpiresIn());
        assertNotNull(tokens.verify(second.accessToken()));
        assertEquals("INVALID_GRANT", refusal(() -> tokens.refresh(first.refreshToken())));
        assertEquals("REFRESH_REUSED", bed.fresh().find(ApiTokenSession.class, sessionId(second)).revokedReason());
        assertNull(tokens.verify(second.accessToken()));
        assertEquals("INVALID_GRANT", refusal(() -> tokens.refresh(second.refreshToken())));
    }

    @Test
    @DisplayName("Sign-out with the refresh or the access token ends the session: its access token is refused at once")
    void revocation() {
        ApiTokens.TokenPair pair = signIn();
        assertTrue(bed.tx(() -> tokens.revoke(pair.accessToken())));
        assertNull(tokens.verify(pair.accessToken()));
        assertEquals("INVALID_GRANT", refusal(() -> tokens.refresh(pair.refreshToken())));
        assertEquals("SIGNED_OUT", bed.fresh().find(ApiTokenSession.class, sessionId(pair)).revokedReason());
        assertFalse(bed.tx(() -> tokens.revoke(pair.refreshToken())), "already ended");
        assertFalse(bed.tx(() -> tokens.revoke("not-a-token")));
    }

    @Test
    @DisplayName("A refresh token ends 8 h after sign-in")
    void refreshExpiry() {
        ApiTokens.TokenPair pair = signIn();
        clock.now = AdminTestBed.NOW.plusSeconds(28_800);
        assertEquals("INVALID_GRANT", refusal(() -> tokens.refresh(pair.refreshToken())));
        assertEquals("EXPIRED", bed.fresh().find(ApiTokenSession.class, sessionId(pair)).revokedReason());
    }

    @Test
    @DisplayName("A new password ends the tokens at once: the access token is refused, the refresh ends the session")
    void passwordChange() {
        ApiTokens.TokenPair pair = signIn();
        bed.tx(() -> {
            accounts.resetPassword(USER, "MoiMoi2026", "Quên mật khẩu, phiếu yêu cầu số 7");
            return null;
        });
        assertNull(tokens.verify(pair.accessToken()));
        assertEquals("ACCOUNT_CHANGED", refusal(() -> tokens.refresh(pair.refreshToken())));
        assertEquals("PASSWORD_CHANGED", bed.fresh().find(ApiTokenSession.class, sessionId(pair)).revokedReason());
    }

    @Test
    @DisplayName("Disabling the account or changing its roles ends its tokens at once")
    void lockAndRoleChange() {
        ApiTokens.TokenPair pair = signIn();
        bed.tx(() -> accounts.update(USER, "Lê Thị Thu", VINH_LINH, EnumSet.of(Role.DESK_OFFICER, Role.SPECIALIST),
            null, "Bổ sung nhiệm vụ thẩm định"));
        assertNull(tokens.verify(pair.accessToken()));
        assertEquals("ACCOUNT_CHANGED", refusal(() -> tokens.refresh(pair.refreshToken())));

        ApiTokens.TokenPair again = signIn();
        assertEquals(Set.of("DESK_OFFICER", "SPECIALIST"), tokens.verify(again.accessToken()).groups());
        bed.tx(() -> accounts.setActive(USER, false, "Nghỉ việc từ 01/3/2026"));
        assertNull(tokens.verify(again.accessToken()));
        assertEquals("ACCOUNT_CHANGED", refusal(() -> tokens.issue(USER, null)));
        // Issue 16: the lock ended the session itself: enabling the account again does not bring it back.
        bed.tx(() -> accounts.setActive(USER, true, "Đi làm lại"));
        assertNull(tokens.verify(again.accessToken()));
        assertEquals("INVALID_GRANT", refusal(() -> tokens.refresh(again.refreshToken())));
    }

    @Test
    @DisplayName("Tokens not signed by our key, altered, or of another issuer are refused")
    void foreignTokens() throws Exception {
        ApiTokens.TokenPair pair = signIn();
        JWTClaimsSet claims = SignedJWT.parse(pair.accessToken()).getJWTClaimsSet();
        RSAKey other = new RSAKeyGenerator(2048).keyID(SignedJWT.parse(pair.accessToken()).getHeader().getKeyID())
            .generate();
        SignedJWT forged = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(other.getKeyID()).build(),
            claims);
        forged.sign(new RSASSASigner(other));
        assertNull(tokens.verify(forged.serialize()), "same claims and key id, another key");

        String[] parts = pair.accessToken().split("\\.");
        String admin = Base64.getUrlEncoder().withoutPadding().encodeToString(new JWTClaimsSet.Builder(claims)
            .claim("groups", java.util.List.of("SYSTEM_ADMIN")).build().toString().getBytes());
        assertNull(tokens.verify(parts[0] + "." + admin + "." + parts[2]), "payload altered");
        assertNull(tokens.verify("eyJhbGciOiJub25lIn0." + parts[1] + "."), "alg none");
        assertNull(tokens.verify("garbage"));

        tokens.issuer = "another";
        assertNull(tokens.verify(pair.accessToken()));
    }

    @Test
    @DisplayName("Without a key file setting no token is issued and nothing is written")
    void noKey() {
        TokenKeys none = new TokenKeys();
        tokens.keys = none;
        assertFalse(none.available());
        RuntimeException e = bed.committedDespite(() -> tokens.issue(USER, null));
        assertTrue(e instanceof TokenKeys.Unavailable, String.valueOf(e));
        assertEquals(0L, ((Number) bed.fresh().createQuery("SELECT COUNT(s) FROM ApiTokenSession s")
            .getSingleResult()).longValue());
    }

    private String sessionId(ApiTokens.TokenPair pair) {
        try {
            return SignedJWT.parse(pair.accessToken()).getJWTClaimsSet().getStringClaim("sid");
        } catch (java.text.ParseException e) {
            throw new AssertionError(e);
        }
    }
}
