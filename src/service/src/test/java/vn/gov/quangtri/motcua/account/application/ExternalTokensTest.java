package vn.gov.quangtri.motcua.account.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import vn.gov.quangtri.motcua.account.domain.AccessScope;
import vn.gov.quangtri.motcua.account.domain.Role;
import vn.gov.quangtri.motcua.account.domain.UserAccount;
import vn.gov.quangtri.motcua.audit.application.AdminAuditLog;
import vn.gov.quangtri.motcua.audit.domain.AdminArea;
import vn.gov.quangtri.motcua.shared.infrastructure.persistence.AdminTestBed;

/**
 * Tokens of an external OpenID Connect provider (issue 12 §1), with a provider played by this test: its key set is
 * served over HTTP from the test JVM, as Keycloak serves {@code /protocol/openid-connect/certs}.
 */
class ExternalTokensTest {

    private static final String ISSUER = "https://sso.quangtri.gov.vn/realms/motcua";
    private static final String VINH_LINH = "QT25.XA_VINH_LINH";
    private static final String DONG_HA = "QT25.PHUONG_DONG_HA";

    private AdminTestBed bed;
    private AccountService accounts;
    private ExternalTokens external;
    private HttpServer provider;
    private RSAKey key;

    @BeforeEach
    void setUp() throws Exception {
        bed = new AdminTestBed();
        accounts = bed.wire(new AccountService());
        SessionStamps stamps = bed.wire(new SessionStamps());
        AdminTestBed.set(accounts, "stamps", stamps);
        AdminTestBed.set(accounts, "hasher", new PlainHash());
        SignInGuard guard = bed.wire(new SignInGuard());
        guard.start();
        AdminTestBed.set(accounts, "guard", guard);
        AdminTestBed.set(accounts, "tokens", bed.wire(new ApiTokens()));
        bed.actAs(AccessScope.SYSTEM);

        key = new RSAKeyGenerator(2048).keyID("sso-2026").generate();
        byte[] jwks = new JWKSet(key.toPublicJWK()).toString().getBytes(StandardCharsets.UTF_8);
        provider = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        provider.createContext("/certs", exchange -> {
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, jwks.length);
            exchange.getResponseBody().write(jwks);
            exchange.close();
        });
        provider.start();
        external = new ExternalTokens();
        external.accounts = new Transactional(accounts, bed);
        external.configure(new ExternalTokens.Settings(ISSUER,
            "http://127.0.0.1:" + provider.getAddress().getPort() + "/certs", "motcua", "preferred_username",
            "realm_access.roles", "motcua-", "unit"));
    }

    @AfterEach
    void tearDown() {
        provider.stop(0);
        bed.close();
    }

    /** Runs each call of the account service in its own transaction, as the container does. */
    private static final class Transactional extends AccountService {
        private final AccountService inner;
        private final AdminTestBed bed;

        Transactional(AccountService inner, AdminTestBed bed) {
            this.inner = inner;
            this.bed = bed;
        }

        @Override
        public UserAccount find(String username) {
            return inner.find(username);
        }

        @Override
        public UserAccount create(String username, String fullName, String password, String agencyCode,
                                  Set<Role> roles, String email, String reason) {
            return bed.tx(() -> inner.create(username, fullName, password, agencyCode, roles, email, reason));
        }

        @Override
        public UserAccount update(String username, String fullName, String agencyCode, Set<Role> roles, String email,
                                  String reason) {
            return bed.tx(() -> inner.update(username, fullName, agencyCode, roles, email, reason));
        }
    }

    private String token(RSAKey signer, String issuer, String audience, Instant expires, Map<String, Object> extra)
            throws Exception {
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder().issuer(issuer).audience(audience)
            .subject("5b1f0c9e-3c5e-4a34-9d1e-7f2f0a1d9e01").claim("preferred_username", "Nguyen.Lan")
            .claim("name", "Nguyễn Thị Lan").issueTime(Date.from(expires.minusSeconds(300)))
            .expirationTime(Date.from(expires));
        extra.forEach(claims::claim);
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).type(JOSEObjectType.JWT)
            .keyID(signer.getKeyID()).build(), claims.build());
        jwt.sign(new RSASSASigner(signer));
        return jwt.serialize();
    }

    private String token(Map<String, Object> extra) throws Exception {
        return token(key, ISSUER, "motcua", Instant.now().plusSeconds(300), extra);
    }

    private static Map<String, Object> rights(String unit, String... roles) {
        return Map.of("unit", unit, "realm_access", Map.of("roles", List.of(roles)));
    }

    @Test
    @DisplayName("The first token creates the local account from the claims; a later one with other rights updates it, audited")
    void accountFollowsTheProvider() throws Exception {
        String first = token(rights(VINH_LINH, "motcua-desk_officer", "offline_access"));
        assertTrue(external.claimsToBeExternal(first));
        assertEquals(new ApiTokens.Caller("nguyen.lan", Set.of("DESK_OFFICER")), external.verify(first));
        UserAccount created = accounts.find("nguyen.lan");
        assertEquals("Nguyễn Thị Lan", created.fullName());
        assertEquals(VINH_LINH, created.agency().code());
        assertEquals(EnumSet.of(Role.DESK_OFFICER), created.roles());

        String moved = token(rights(DONG_HA, "motcua-desk_officer", "MOTCUA-SPECIALIST"));
        assertEquals(new ApiTokens.Caller("nguyen.lan", Set.of("DESK_OFFICER", "SPECIALIST")), external.verify(moved));
        bed.fresh();
        UserAccount updated = accounts.find("nguyen.lan");
        assertEquals(DONG_HA, updated.agency().code());
        assertEquals(EnumSet.of(Role.DESK_OFFICER, Role.SPECIALIST), updated.roles());
        AdminAuditLog log = bed.wire(new AdminAuditLog());
        var changes = log.latestFor(AdminArea.ACCOUNT, "nguyen.lan", 5);
        assertEquals(List.of("ACCOUNT_EDIT", "ACCOUNT_CREATE"), changes.stream().map(c -> c.action()).toList());
        assertEquals(ExternalTokens.SYNC_REASON, changes.get(0).reason());
        assertEquals("system", changes.get(0).actor(), "trusted in-process work");
    }

    @Test
    @DisplayName("Refused: another signer, another issuer, another audience, expired, no known role, unknown unit")
    void refusals() throws Exception {
        RSAKey stranger = new RSAKeyGenerator(2048).keyID("sso-2026").generate();
        Map<String, Object> ok = rights(VINH_LINH, "motcua-leader");
        assertNull(external.verify(token(stranger, ISSUER, "motcua", Instant.now().plusSeconds(300), ok)));
        assertNull(external.verify(token(key, "https://evil.example/realms/motcua", "motcua",
            Instant.now().plusSeconds(300), ok)));
        assertFalse(external.claimsToBeExternal(token(key, "https://evil.example/realms/motcua", "motcua",
            Instant.now().plusSeconds(300), ok)));
        assertNull(external.verify(token(key, ISSUER, "another-app", Instant.now().plusSeconds(300), ok)));
        assertNull(external.verify(token(key, ISSUER, "motcua", Instant.now().minusSeconds(61), ok)));
        assertNull(external.verify(token(rights(VINH_LINH, "offline_access", "uma_authorization"))));
        assertNull(external.verify(token(rights("QT25.KHONG_CO", "motcua-leader"))));
        assertEquals(0, bed.fresh().createQuery("SELECT COUNT(a) FROM UserAccount a WHERE a.username = 'nguyen.lan'",
            Long.class).getSingleResult());
        assertEquals(new ApiTokens.Caller("nguyen.lan", Set.of("LEADER")), external.verify(token(ok)));
    }

    @Test
    @DisplayName("Claims reached by a dotted path; role values matched ignoring case and prefix")
    void mapping() {
        Map<String, Object> claims = Map.of("realm_access", Map.of("roles", List.of("motcua-Leader", "x")));
        assertEquals(List.of("motcua-Leader", "x"), ExternalTokens.path(claims, "realm_access.roles"));
        assertNull(ExternalTokens.path(claims, "resource_access.motcua.roles"));
        assertEquals(EnumSet.of(Role.LEADER), ExternalTokens.roles(List.of("motcua-Leader", "x"), "motcua-"));
        assertEquals(EnumSet.of(Role.AGENCY_ADMIN), ExternalTokens.roles("agency-admin", ""));
        assertEquals(EnumSet.noneOf(Role.class), ExternalTokens.roles(42, ""));
    }
}
