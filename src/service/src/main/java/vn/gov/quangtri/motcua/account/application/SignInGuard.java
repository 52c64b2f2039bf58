package vn.gov.quangtri.motcua.account.application;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import vn.gov.quangtri.motcua.audit.domain.AdminArea;
import vn.gov.quangtri.motcua.audit.domain.AdminChange;
import vn.gov.quangtri.motcua.shared.domain.VietnamTime;

/**
 * Sign-in throttling of the server (issue 12): one {@link SignInThrottle} configured from the settings
 * {@code motcua.auth.*}, asked by the authentication mechanism before and after every password check (form
 * sign-in and HTTP Basic alike). A lock of an account or of a client address is written to the administration
 * audit (area ACCOUNT, actor {@value #ACTOR}); an administrator lifts an account's lock through
 * {@link AccountService#liftSignInLock}.
 *
 * <p>Decision: the counts and locks live in memory on this server (like {@link SessionStamps}): they are asked
 * on every sign-in, the deployment is a single node, and a restart forgetting a 15-minute lock is harmless. With
 * two servers each would count on its own (an attacker gets at most twice the attempts); a shared table would
 * then be needed.
 */
@Singleton
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class SignInGuard {

    /** Actor recorded in the audit for an automatic lock. */
    public static final String ACTOR = "system";

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm dd/MM/yyyy")
        .withZone(VietnamTime.ZONE);

    /** Setting {@code motcua.auth.lock-after-failures}: consecutive failures that lock an account (default 20). */
    @Inject
    @ConfigProperty(name = "motcua.auth.lock-after-failures", defaultValue = "20")
    int lockAfter = 20;

    /** Setting {@code motcua.auth.address-lock-after-failures}: failures that lock a client address (default 100). */
    @Inject
    @ConfigProperty(name = "motcua.auth.address-lock-after-failures", defaultValue = "100")
    int addressLockAfter = 100;

    /** Setting {@code motcua.auth.lock-minutes}: length of a lock, and memory of failures (minutes, default 15). */
    @Inject
    @ConfigProperty(name = "motcua.auth.lock-minutes", defaultValue = "15")
    int lockMinutes = 15;

    /** Setting {@code motcua.auth.slow-after-failures}: failures from which answers are delayed (default 5). */
    @Inject
    @ConfigProperty(name = "motcua.auth.slow-after-failures", defaultValue = "5")
    int slowAfter = 5;

    /** Setting {@code motcua.auth.slow-down-millis}: delay added per further failure (milliseconds, default 250). */
    @Inject
    @ConfigProperty(name = "motcua.auth.slow-down-millis", defaultValue = "250")
    int slowStepMillis = 250;

    /** Setting {@code motcua.auth.slow-down-max-millis}: longest delay of one answer (milliseconds, default 1000). */
    @Inject
    @ConfigProperty(name = "motcua.auth.slow-down-max-millis", defaultValue = "1000")
    int maxDelayMillis = 1000;

    @Inject
    Clock clock;

    @PersistenceContext(unitName = "motcua")
    EntityManager em;

    private SignInThrottle throttle;

    @PostConstruct
    void start() {
        throttle = new SignInThrottle(new SignInThrottle.Settings(Math.max(1, slowAfter), Math.max(1, lockAfter),
            Math.max(1, addressLockAfter), Duration.ofMinutes(Math.max(1, lockMinutes)),
            Duration.ofMillis(Math.max(0, slowStepMillis)), Duration.ofMillis(Math.max(0, maxDelayMillis))), clock);
    }

    /** Whether a sign-in may be checked now (see {@link SignInThrottle#check}). */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public SignInThrottle.Verdict check(String username, String address) {
        return throttle.check(username, address);
    }

    /**
     * Counts a failed sign-in; a lock it starts is audited in a transaction of its own.
     *
     * @param username the submitted user name, whether an account has it or not (counted alike, issue 16), or null
     * @param exists   whether an account has this user name (only the audit's wording depends on it)
     * @return the delay to hold the answer for, and the locks started
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public SignInThrottle.Failure failed(String username, String address, boolean exists) {
        SignInThrottle.Failure f = throttle.failed(username, address);
        if (f.accountLockedNow() != null) {
            em.persist(new AdminChange(clock.instant(), ACTOR, AdminArea.ACCOUNT, "ACCOUNT_SIGN_IN_LOCK",
                subject(username), f.accountFailures() + " lần đăng nhập sai liên tiếp"
                    + (exists ? "" : " với tên đăng nhập không có tài khoản"), "khóa đăng nhập đến "
                    + TIME.format(f.accountLockedNow()) + "; địa chỉ " + (address == null ? "-" : address)));
        }
        if (f.addressLockedNow() != null) {
            em.persist(new AdminChange(clock.instant(), ACTOR, AdminArea.ACCOUNT, "ADDRESS_SIGN_IN_LOCK",
                subject(address), "Quá nhiều lần đăng nhập sai từ một địa chỉ", "khóa đăng nhập từ địa chỉ này đến "
                    + TIME.format(f.addressLockedNow())));
        }
        return f;
    }

    /** A submitted name or address as an audit subject (at most 100 characters, the column's length). */
    static String subject(String s) {
        return s == null ? "-" : s.length() <= 100 ? s : s.substring(0, 99) + "…";
    }

    /** A successful sign-in of the account: its failure count starts again. */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public void succeeded(String username) {
        throttle.succeeded(username);
    }

    /** Audit action of an account's first successful sign-in (its own account's changes list shows it). */
    public static final String FIRST_SIGN_IN = "ACCOUNT_FIRST_SIGN_IN";

    /** Accounts whose first sign-in this server knows to be recorded (bounded; forgotten when one is deleted). */
    private final java.util.Set<String> signedInBefore = java.util.concurrent.ConcurrentHashMap.newKeySet();

    /**
     * The account (its user name as the identity store answered it) signed in with a verified password: screen, HTTP
     * Basic or token endpoint. The first time
     * is recorded in the administration audit ({@value #FIRST_SIGN_IN}, actor and subject the account),
     * so that an account that was ever used is never deleted (issue 16, {@link AccountService#delete}).
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void signedIn(String username) {
        if (username == null || signedInBefore.contains(username)) {
            return;
        }
        if (!AccountService.firstSignInRecorded(em, username)) {
            em.persist(new AdminChange(clock.instant(), username, AdminArea.ACCOUNT, FIRST_SIGN_IN, username,
                "Đăng nhập lần đầu", null));
        }
        if (signedInBefore.size() > 100_000) {
            signedInBefore.clear(); // bounded: at worst each account is looked up once more
        }
        signedInBefore.add(username);
    }

    /** Forgets what this server knows of an account's first sign-in (the account was deleted). */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public void forget(String username) {
        signedInBefore.remove(username);
    }

    /** End of the account's sign-in lock, or null. */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public Instant lockedUntil(String username) {
        return throttle.lockedUntil(username);
    }

    /** Accounts whose sign-in is locked now, with the end of the lock. */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public Map<String, Instant> lockedAccounts() {
        return throttle.lockedAccounts();
    }

    /** Lifts an account's lock (the caller audits); returns the end of the lifted lock, or null. */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public Instant lift(String username) {
        return throttle.lift(username);
    }

    /** The time of a lock's end as written in the audit and shown (HH:mm dd/MM/yyyy, Vietnam time). */
    public static String format(Instant instant) {
        return instant == null ? "-" : TIME.format(instant);
    }
}
