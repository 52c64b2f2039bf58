package vn.gov.quangtri.motcua.account.application;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.security.enterprise.identitystore.Pbkdf2PasswordHash;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Set;
import vn.gov.quangtri.motcua.account.domain.AccessScope;
import vn.gov.quangtri.motcua.account.domain.Role;
import vn.gov.quangtri.motcua.account.domain.UserAccount;
import vn.gov.quangtri.motcua.agency.domain.Agency;
import vn.gov.quangtri.motcua.shared.domain.ConflictException;
import vn.gov.quangtri.motcua.shared.domain.ForbiddenException;
import vn.gov.quangtri.motcua.shared.domain.NotFoundException;
import vn.gov.quangtri.motcua.shared.domain.RuleViolationException;
import vn.gov.quangtri.motcua.shared.domain.VietnameseCollation;

/**
 * Back-office accounts: create, edit, enable/disable, set passwords, list. A system administrator manages
 * every account; an agency administrator manages the accounts of its own units and may not grant the
 * system-administrator role. Passwords are hashed with PBKDF2-HMAC-SHA256 (Jakarta Security
 * {@link Pbkdf2PasswordHash}, {@value #ITERATIONS} iterations, 32-byte salt) before they are stored.
 */
@Stateless
public class AccountService {

    /** PBKDF2 iterations for new hashes; existing hashes keep the count they were made with. */
    public static final int ITERATIONS = 100_000;

    /** Minimum password length (characters). */
    public static final int MIN_PASSWORD = 8;

    @PersistenceContext(unitName = "motcua")
    private EntityManager em;

    @EJB
    private AccessControl access;

    @Inject
    private Pbkdf2PasswordHash hasher;

    @Inject
    private Clock clock;

    /**
     * Creates an active account.
     *
     * @throws ConflictException      {@code USERNAME_TAKEN}
     * @throws RuleViolationException {@code ACCOUNT_INVALID}, {@code WEAK_PASSWORD}, {@code UNKNOWN_AGENCY}
     * @throws ForbiddenException     outside the administrator's units or granting a role it may not grant
     */
    public UserAccount create(String username, String fullName, String password, String agencyCode,
                              Set<Role> roles, String email) {
        AccessScope scope = requireAdmin(agencyCode, roles);
        String name = username == null ? null : username.strip().toLowerCase(java.util.Locale.ROOT);
        if (name != null && !em.createNamedQuery("UserAccount.findByUsername", UserAccount.class)
                .setParameter("username", name).getResultList().isEmpty()) {
            throw new ConflictException("USERNAME_TAKEN", "The user name " + name + " is already taken");
        }
        UserAccount account = new UserAccount(name, fullName, hash(password), agency(agencyCode), roles,
            clock.instant());
        account.update(fullName, account.agency(), roles, email);
        em.persist(account);
        em.flush();
        java.util.logging.Logger.getLogger(AccountService.class.getName())
            .info(() -> "Account " + name + " created by " + scope.username());
        return account;
    }

    /** Changes name, unit, roles and e-mail of an account. */
    public UserAccount update(String username, String fullName, String agencyCode, Set<Role> roles, String email) {
        UserAccount account = find(username);
        requireAdmin(account.agency().code(), roles);
        requireAdmin(agencyCode, roles);
        account.update(fullName, agency(agencyCode), roles, email);
        em.flush();
        return account;
    }

    /** Enables or disables sign-in; an administrator cannot disable itself. */
    public UserAccount setActive(String username, boolean active) {
        UserAccount account = find(username);
        AccessScope scope = requireAdmin(account.agency().code(), account.roles());
        if (!active && account.username().equals(scope.username())) {
            throw new RuleViolationException("SELF_DISABLE", "You cannot disable your own account");
        }
        account.setActive(active);
        return account;
    }

    /** Sets a new password chosen by an administrator. */
    public void resetPassword(String username, String password) {
        UserAccount account = find(username);
        requireAdmin(account.agency().code(), account.roles());
        account.changePasswordHash(hash(password));
    }

    /**
     * Changes the signed-in user's own password after checking the current one.
     *
     * @throws RuleViolationException {@code WRONG_PASSWORD}, {@code WEAK_PASSWORD}
     */
    public void changeOwnPassword(String current, String password) {
        AccessScope scope = access.current();
        UserAccount account = find(scope.username());
        if (current == null || !hasher.verify(current.toCharArray(), account.passwordHash())) {
            throw new RuleViolationException("WRONG_PASSWORD", "The current password is not correct");
        }
        account.changePasswordHash(hash(password));
    }

    /**
     * @throws NotFoundException for an unknown user name
     */
    public UserAccount find(String username) {
        List<UserAccount> found = em.createNamedQuery("UserAccount.findByUsername", UserAccount.class)
            .setParameter("username", username == null ? "" : username).getResultList();
        if (found.isEmpty()) {
            throw new NotFoundException("account", username);
        }
        return found.get(0);
    }

    /** The signed-in account, for the screens' header and preferences. */
    public UserAccount me() {
        return find(access.current().username());
    }

    /** Accounts the caller administers, by unit then user name. */
    public List<UserAccount> list() {
        AccessScope scope = access.current();
        scope.requireAny(Role.SYSTEM_ADMIN, Role.AGENCY_ADMIN);
        if (scope.everywhere()) {
            return em.createQuery("SELECT a FROM UserAccount a ORDER BY a.agency.code, a.username", UserAccount.class)
                .getResultList();
        }
        return em.createQuery("SELECT a FROM UserAccount a WHERE a.agency.code IN :units "
                + "ORDER BY a.agency.code, a.username", UserAccount.class)
            .setParameter("units", scope.agencyCodes()).getResultList();
    }

    /**
     * Active accounts of a unit the caller may see, for choosing who handles a step; sorted by given name,
     * then middle and family name in Vietnamese order (docs/cases.md C16).
     *
     * @throws ForbiddenException {@code OUT_OF_SCOPE} for a unit outside the caller's units
     */
    public List<UserAccount> colleagues(String agencyCode, Role role) {
        access.current().requireCovers(agencyCode);
        List<UserAccount> found = new java.util.ArrayList<>(em.createQuery("SELECT a FROM UserAccount a"
                + " WHERE a.agency.code = :unit AND a.active = TRUE AND :role MEMBER OF a.roles", UserAccount.class)
            .setParameter("unit", agencyCode).setParameter("role", role).getResultList());
        found.sort(java.util.Comparator.comparing(UserAccount::fullName, VietnameseCollation.personName()));
        return found;
    }

    /** Hashes a password after checking the policy: at least 8 characters with a letter and a digit. */
    String hash(String password) {
        if (password == null || password.length() < MIN_PASSWORD
                || password.chars().noneMatch(Character::isLetter) || password.chars().noneMatch(Character::isDigit)) {
            throw new RuleViolationException("WEAK_PASSWORD",
                "The password needs at least " + MIN_PASSWORD + " characters with letters and digits");
        }
        hasher.initialize(Map.of("Pbkdf2PasswordHash.Algorithm", "PBKDF2WithHmacSHA256",
            "Pbkdf2PasswordHash.Iterations", String.valueOf(ITERATIONS),
            "Pbkdf2PasswordHash.SaltSizeBytes", "32"));
        return hasher.generate(password.toCharArray());
    }

    private AccessScope requireAdmin(String agencyCode, Set<Role> roles) {
        AccessScope scope = access.current();
        scope.requireAny(Role.SYSTEM_ADMIN, Role.AGENCY_ADMIN);
        if (!scope.everywhere() && scope != AccessScope.SYSTEM) {
            scope.requireCovers(agencyCode);
            if (roles != null && roles.contains(Role.SYSTEM_ADMIN)) {
                throw new ForbiddenException("ROLE_NOT_GRANTABLE", "Only a system administrator grants that role");
            }
        }
        return scope;
    }

    private Agency agency(String code) {
        Agency a = code == null ? null : em.find(Agency.class, code);
        if (a == null) {
            throw new RuleViolationException("UNKNOWN_AGENCY", "No agency unit with code " + code);
        }
        return a;
    }
}
