package vn.gov.quangtri.motcua.account.application;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.EJB;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import java.net.MalformedURLException;
import java.net.URI;
import java.security.SecureRandom;
import java.text.ParseException;
import java.time.Duration;
import java.util.Base64;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import vn.gov.quangtri.motcua.account.domain.Role;
import vn.gov.quangtri.motcua.account.domain.UserAccount;
import vn.gov.quangtri.motcua.shared.domain.DomainException;
import vn.gov.quangtri.motcua.shared.domain.NotFoundException;

/**
 * Access tokens of an external OpenID Connect provider (e.g. Keycloak) that an administrator configures
 * (issue 12 §1). Off unless {@code motcua.auth.oidc.issuer} and {@code motcua.auth.oidc.jwks-uri} are set.
 * <ul>
 * <li>Verification: signature (RS256, PS256 or ES256) with the provider's published keys (fetched from the JWKS URI,
 * cached and refreshed by nimbus-jose-jwt when a new key id appears), {@code iss} equal to the setting, {@code exp}
 * (60 s skew), and {@code aud} containing {@code motcua.auth.oidc.audience} when that is set.</li>
 * <li>Mapping: the user name from {@code motcua.auth.oidc.username-claim} (default {@code preferred_username});
 * roles from {@code motcua.auth.oidc.roles-claim} (default {@code groups}; a dotted path such as
 * {@code realm_access.roles} reaches into objects), each value matched to a {@link Role} name ignoring case after
 * removing {@code motcua.auth.oidc.role-prefix} (default none; values that match no role are ignored); the unit
 * (agency code) from {@code motcua.auth.oidc.unit-claim} (default {@code unit}); the full name from {@code name}.</li>
 * <li>Accounts: the provider is the source of roles and unit. The first token of a user creates its local account
 * (with an unusable random password: such users sign in at the provider only), and a token whose roles or unit
 * differ from the local account updates it. Both go through {@link AccountService} as the system, so they are
 * audited like any account change and move the security stamp (open sessions of the old rights end). A token
 * without any known role, or naming an unknown unit, is refused.</li>
 * </ul>
 */
@Singleton
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class ExternalTokens {

    private static final Logger LOG = Logger.getLogger(ExternalTokens.class.getName());

    /** How long a server trusts that a user's local account matches the claims it last synchronised. */
    static final Duration SYNC_RECHECK = Duration.ofSeconds(60);
    /** The audit reason of a synchronisation. */
    static final String SYNC_REASON = "Đồng bộ từ nhà cung cấp định danh (OpenID Connect)";

    @EJB
    AccountService accounts;

    /** Settings, read once from MicroProfile Config (null: not configured). */
    private volatile Settings settings;
    private volatile boolean loaded;
    private volatile DefaultJWTProcessor<SecurityContext> processor;
    private final Map<String, Synced> synced = new ConcurrentHashMap<>();
    private final SecureRandom random = new SecureRandom();

    private record Synced(Set<Role> roles, String unit, long atNanos) {
    }

    /**
     * The provider's settings.
     *
     * @param issuer        expected {@code iss}
     * @param jwksUri       where the provider publishes its keys
     * @param audience      expected member of {@code aud}, or null
     * @param usernameClaim claim naming the user
     * @param rolesClaim    claim (dotted path) holding the roles
     * @param rolePrefix    prefix removed from role values before matching, may be empty
     * @param unitClaim     claim holding the agency code
     */
    public record Settings(String issuer, String jwksUri, String audience, String usernameClaim, String rolesClaim,
                           String rolePrefix, String unitClaim) {

        /** From MicroProfile Config; null when the issuer or the JWKS URI is not set. */
        static Settings of(Config config) {
            String issuer = config.getOptionalValue("motcua.auth.oidc.issuer", String.class).orElse("").strip();
            String jwks = config.getOptionalValue("motcua.auth.oidc.jwks-uri", String.class).orElse("").strip();
            if (issuer.isEmpty() || jwks.isEmpty()) {
                return null;
            }
            return new Settings(issuer, jwks,
                config.getOptionalValue("motcua.auth.oidc.audience", String.class).map(String::strip)
                    .filter(s -> !s.isEmpty()).orElse(null),
                config.getOptionalValue("motcua.auth.oidc.username-claim", String.class).orElse("preferred_username"),
                config.getOptionalValue("motcua.auth.oidc.roles-claim", String.class).orElse("groups"),
                config.getOptionalValue("motcua.auth.oidc.role-prefix", String.class).orElse(""),
                config.getOptionalValue("motcua.auth.oidc.unit-claim", String.class).orElse("unit"));
        }
    }

    /** Uses these settings instead of MicroProfile Config (tests). */
    void configure(Settings given) {
        settings = given;
        loaded = true;
        processor = null;
        synced.clear();
    }

    private Settings settings() {
        if (!loaded) {
            settings = Settings.of(ConfigProvider.getConfig());
            loaded = true;
        }
        return settings;
    }

    /** Whether an external provider is configured and the token claims (unverified) to come from it. */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public boolean claimsToBeExternal(String jwt) {
        Settings s = settings();
        if (s == null) {
            return false;
        }
        try {
            return s.issuer().equals(SignedJWT.parse(jwt.strip()).getJWTClaimsSet().getIssuer());
        } catch (ParseException e) {
            return false;
        }
    }

    /**
     * Verifies a token of the configured provider and brings the local account in line with its claims.
     *
     * @return the caller (user name and roles), or null when the token is not valid, names no known role or an
     *         unknown unit, or no provider is configured
     */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public ApiTokens.Caller verify(String jwt) {
        Settings s = settings();
        if (s == null) {
            return null;
        }
        JWTClaimsSet claims;
        try {
            claims = processor(s).process(jwt.strip(), null);
        } catch (ParseException | BadJOSEException | JOSEException | IllegalStateException e) {
            LOG.fine(() -> "External token refused: " + e.getMessage());
            return null;
        }
        Object name = claims.getClaim(s.usernameClaim());
        Object unit = claims.getClaim(s.unitClaim());
        Set<Role> roles = roles(path(claims.getClaims(), s.rolesClaim()), s.rolePrefix());
        if (!(name instanceof String username) || username.isBlank() || roles.isEmpty() || !(unit instanceof String)) {
            return null;
        }
        String user = username.strip().toLowerCase(Locale.ROOT);
        Object fullName = claims.getClaim("name");
        if (!sync(user, fullName instanceof String f && !f.isBlank() ? f : user, (String) unit, roles)) {
            return null;
        }
        return new ApiTokens.Caller(user, roles.stream().map(Role::name).collect(java.util.stream.Collectors.toSet()));
    }

    /** Creates or updates the local account when it differs from the claims; false when that is refused. */
    private boolean sync(String username, String fullName, String unit, Set<Role> roles) {
        Synced known = synced.get(username);
        if (known != null && known.roles().equals(roles) && known.unit().equals(unit)
                && System.nanoTime() - known.atNanos() < SYNC_RECHECK.toNanos()) {
            return true;
        }
        try {
            SystemTask.run("oidc", () -> {
                UserAccount account;
                try {
                    account = accounts.find(username);
                } catch (NotFoundException none) {
                    account = null;
                }
                if (account == null) {
                    accounts.create(username, fullName, unusablePassword(), unit, roles, null, SYNC_REASON);
                } else if (!account.active()) {
                    throw new IllegalStateException("disabled");
                } else if (!account.roles().equals(roles) || !account.agency().code().equals(unit)) {
                    accounts.update(username, account.fullName(), unit, roles, account.email(), SYNC_REASON);
                }
                return null;
            });
        } catch (DomainException | IllegalStateException | jakarta.ejb.EJBException e) {
            LOG.warning(() -> "External token of " + username + " not accepted: " + e.getMessage());
            synced.remove(username);
            return false;
        }
        synced.put(username, new Synced(Set.copyOf(roles), unit, System.nanoTime()));
        return true;
    }

    private DefaultJWTProcessor<SecurityContext> processor(Settings s) {
        DefaultJWTProcessor<SecurityContext> p = processor;
        if (p == null) {
            JWKSource<SecurityContext> keys;
            try {
                keys = JWKSourceBuilder.create(URI.create(s.jwksUri()).toURL()).retrying(true).build();
            } catch (MalformedURLException | IllegalArgumentException e) {
                throw new IllegalStateException("motcua.auth.oidc.jwks-uri is not a URL: " + s.jwksUri(), e);
            }
            p = new DefaultJWTProcessor<>();
            p.setJWSKeySelector(new JWSVerificationKeySelector<>(
                Set.of(JWSAlgorithm.RS256, JWSAlgorithm.PS256, JWSAlgorithm.ES256), keys));
            DefaultJWTClaimsVerifier<SecurityContext> verifier = new DefaultJWTClaimsVerifier<>(s.audience(),
                new JWTClaimsSet.Builder().issuer(s.issuer()).build(), Set.of("exp", s.usernameClaim()));
            verifier.setMaxClockSkew(60);
            p.setJWTClaimsSetVerifier(verifier);
            processor = p;
        }
        return p;
    }

    /** The value at a dotted path of the claims ({@code realm_access.roles}), or null. */
    static Object path(Map<String, Object> claims, String dotted) {
        Object at = claims;
        for (String part : dotted.split("\\.")) {
            if (!(at instanceof Map<?, ?> map)) {
                return null;
            }
            at = map.get(part);
        }
        return at;
    }

    /** The roles named by a claim value (a list of strings, or one string), ignoring values that name none. */
    static Set<Role> roles(Object value, String prefix) {
        Collection<?> values = value instanceof Collection<?> c ? c : value instanceof String one ? List.of(one) : List.of();
        Set<Role> roles = EnumSet.noneOf(Role.class);
        Set<String> names = new HashSet<>();
        for (Role r : Role.values()) {
            names.add(r.name());
        }
        for (Object v : values) {
            if (v instanceof String text) {
                String name = text.strip();
                if (!prefix.isEmpty() && name.regionMatches(true, 0, prefix, 0, prefix.length())) {
                    name = name.substring(prefix.length());
                }
                name = name.toUpperCase(Locale.ROOT).replace('-', '_');
                if (names.contains(name)) {
                    roles.add(Role.valueOf(name));
                }
            }
        }
        return roles;
    }

    private String unusablePassword() {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return "Oidc!9" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
