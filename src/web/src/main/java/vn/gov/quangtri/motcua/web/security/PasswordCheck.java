package vn.gov.quangtri.motcua.web.security;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStoreHandler;
import jakarta.security.enterprise.identitystore.Pbkdf2PasswordHash;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import vn.gov.quangtri.motcua.account.application.AccountService;
import vn.gov.quangtri.motcua.account.application.SessionStamps;
import vn.gov.quangtri.motcua.account.application.SignInGuard;
import vn.gov.quangtri.motcua.account.application.SignInThrottle;

/**
 * The one place where a user name and password are checked (issue 12 §1), for the sign-in form, HTTP Basic and the
 * token endpoint alike: refused at once while the account or the client address is locked by the sign-in throttle
 * ({@link SignInGuard}); a remembered Basic verification is used while the account's stamp is unchanged
 * ({@link VerifiedCredentials}); otherwise the identity store checks the password (PBKDF2). A failure is counted
 * (for the submitted user name, whether an account has it or not, and for the address) and answered after the
 * throttle's delay. An unknown user name costs
 * the same PBKDF2 work as a wrong password, so timing does not reveal which accounts exist.
 *
 * <p>Issue 16, null {@code SignInGuard} after {@code asadmin disable} + {@code enable}: this is an application-scoped
 * CDI bean, created on its first use, on whatever thread first signs someone in. Its services used to be
 * {@code @EJB} fields. In a CDI bean Payara resolves {@code @EJB} (and {@code @Resource}) through the component
 * environment (JNDI {@code java:comp}) of the <em>thread that creates the instance</em>; when that thread has no
 * component invocation (Payara's {@code InjectionServicesImpl.aroundInject} then logs "No valid EE environment for
 * injection of …" and goes on), the fields silently stay null, and an application-scoped instance keeps them null
 * until the application stops: every sign-in failed with a NullPointerException. Whether the first sign-in after an
 * enable runs with that environment depends on timing (first request, which path), hence "now and then". The
 * services are now injected with {@code @Inject} (Weld resolves session beans by their global JNDI names, on any
 * thread), and {@link #start} refuses to finish an instance without them, so a broken instance is never kept (CDI
 * retries the creation on the next call).
 */
@ApplicationScoped
public class PasswordCheck {

    /** Most remembered Basic verifications. */
    static final int CACHE_ENTRIES = 10_000;

    /**
     * The outcome of a check.
     *
     * @param result      the identity store's result (valid or not)
     * @param refusal     null when valid, else BAD_CREDENTIALS, ACCOUNT_LOCKED or ADDRESS_LOCKED
     * @param lockedUntil end of the lock for ACCOUNT_LOCKED / ADDRESS_LOCKED, else null
     */
    public record Outcome(CredentialValidationResult result, String refusal, Instant lockedUntil) {

        /** Whether the credentials were accepted. */
        public boolean valid() {
            return result.getStatus() == CredentialValidationResult.Status.VALID;
        }

        /** Seconds for a {@code Retry-After} header while locked (at least 1), else 0. */
        public long retryAfterSeconds() {
            return lockedUntil == null ? 0 : Math.max(1, Duration.between(Instant.now(), lockedUntil).toSeconds() + 1);
        }

        /** An English sentence for a problem body's detail. */
        public String detail() {
            if ("ACCOUNT_LOCKED".equals(refusal) || "ADDRESS_LOCKED".equals(refusal)) {
                return ("ACCOUNT_LOCKED".equals(refusal) ? "Too many failed sign-ins: the account is locked until "
                    : "Too many failed sign-ins from this address: it is locked until ")
                    + SignInGuard.format(lockedUntil) + " (Vietnam time); an administrator can lift an account's lock";
            }
            return "The user name or password is not correct, or the account is disabled";
        }
    }

    @Inject
    IdentityStoreHandler identityStore;

    @Inject
    SessionStamps stamps;

    @Inject
    SignInGuard guard;

    /**
     * Setting {@code motcua.auth.basic-cache-seconds}: how long a successful HTTP Basic verification is remembered
     * (seconds, default 300; 0 turns the cache off).
     */
    @Inject
    @ConfigProperty(name = "motcua.auth.basic-cache-seconds", defaultValue = "300")
    int basicCacheSeconds = 300;

    @Inject
    Pbkdf2PasswordHash hasher;

    private VerifiedCredentials verified;
    /** A hash of a random password with the accounts' parameters, checked for unknown user names. */
    private String dummyHash;

    @PostConstruct
    void start() {
        if (stamps == null || guard == null || identityStore == null || hasher == null) {
            // Never keep an instance without its services (it would fail every sign-in until a restart).
            throw new IllegalStateException("PasswordCheck created without its services; it is created again on the"
                + " next sign-in");
        }
        verified = new VerifiedCredentials(Duration.ofSeconds(Math.max(0, basicCacheSeconds)), CACHE_ENTRIES,
            System::nanoTime);
        hasher.initialize(Map.of("Pbkdf2PasswordHash.Algorithm", "PBKDF2WithHmacSHA256",
            "Pbkdf2PasswordHash.Iterations", String.valueOf(AccountService.ITERATIONS),
            "Pbkdf2PasswordHash.SaltSizeBytes", "32"));
        dummyHash = hasher.generate(java.util.UUID.randomUUID().toString().toCharArray());
    }

    /**
     * Checks a user name and password, throttled.
     *
     * @param credential    the user name and password
     * @param clientAddress the client's address (for the per-address throttle)
     * @param remember      whether to use and fill the Basic verification cache (only for HTTP Basic: the form and
     *                      the token endpoint check once per session)
     */
    public Outcome check(UsernamePasswordCredential credential, String clientAddress, boolean remember) {
        // as stored (AccountService.canonicalUsername): "QuanTri.Tinh" signs in as quantri.tinh, and the throttle
        // counts both spellings as one name
        String name = AccountService.canonicalUsername(credential.getCaller());
        String password = credential.getPasswordAsString();
        SignInThrottle.Verdict verdict = guard.check(name, clientAddress);
        if (!verdict.allowed()) {
            boolean account = verdict.accountLockedUntil() != null;
            return new Outcome(CredentialValidationResult.INVALID_RESULT, account ? "ACCOUNT_LOCKED" : "ADDRESS_LOCKED",
                account ? verdict.accountLockedUntil() : verdict.addressLockedUntil());
        }
        if (name == null || vn.gov.quangtri.motcua.shared.domain.Texts.controlProblem("username", name, false) != null) {
            // Never a user name (a NUL would fail in PostgreSQL, issue 16): refused as an unknown one, same cost.
            hasher.verify(password == null ? new char[0] : password.toCharArray(), dummyHash);
            guard.failed(null, clientAddress, false);
            return new Outcome(CredentialValidationResult.INVALID_RESULT, "BAD_CREDENTIALS", null);
        }
        SessionStamps.Stamp stamp = stamps.current(name); // read before the check: a later change makes it stale
        if (remember) {
            VerifiedCredentials.Verified hit = verified.find(name, password, stamp);
            if (hit != null) {
                return new Outcome(new CredentialValidationResult(hit.username(), hit.groups()), null, null);
            }
        }
        CredentialValidationResult result = identityStore.validate(name.equals(credential.getCaller()) ? credential
            : new UsernamePasswordCredential(name, credential.getPassword()));
        if (result.getStatus() == CredentialValidationResult.Status.VALID) {
            guard.succeeded(name);
            guard.signedIn(result.getCallerPrincipal().getName()); // the first one marks the account as used
            if (remember && stamp != null && stamp.active() && name.equals(result.getCallerPrincipal().getName())) {
                verified.remember(name, password, result.getCallerGroups(), stamp);
            }
            return new Outcome(result, null, null);
        }
        if (stamp == null && dummyHash != null) {
            // An unknown user name: the identity store answered without hashing. Hash as for a real account, so
            // the answer's time does not tell whether the account exists (issue 16 §2).
            hasher.verify(password.toCharArray(), dummyHash);
        }
        // Counted per submitted name whether or not the account exists: the 20th failure locks an unknown name too,
        // so ACCOUNT_LOCKED does not tell which accounts exist (issue 16).
        SignInThrottle.Failure failure = guard.failed(name, clientAddress, stamp != null);
        if (!failure.delay().isZero()) {
            try {
                Thread.sleep(failure.delay().toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        return new Outcome(CredentialValidationResult.INVALID_RESULT, "BAD_CREDENTIALS", null);
    }
}
