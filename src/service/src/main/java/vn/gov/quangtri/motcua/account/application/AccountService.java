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
import vn.gov.quangtri.motcua.account.domain.ApiTokenSession;
import vn.gov.quangtri.motcua.account.domain.Role;
import vn.gov.quangtri.motcua.account.domain.UserAccount;
import vn.gov.quangtri.motcua.agency.domain.Agency;
import vn.gov.quangtri.motcua.audit.domain.AdminArea;
import vn.gov.quangtri.motcua.audit.domain.AdminChange;
import vn.gov.quangtri.motcua.shared.domain.ConflictException;
import vn.gov.quangtri.motcua.shared.domain.ForbiddenException;
import vn.gov.quangtri.motcua.shared.domain.NotFoundException;
import vn.gov.quangtri.motcua.shared.domain.RuleViolationException;
import vn.gov.quangtri.motcua.shared.domain.VietnameseCollation;

/**
 * Back-office accounts: create, edit, enable/disable, set passwords, list. A system administrator manages
 * every account; an agency administrator manages the accounts of its own units and may not grant the
 * system-administrator role. Every change is written to the administration audit ({@code admin_audit}, area
 * {@code ACCOUNT}) in the same transaction: the signed-in administrator, the server time, the reason and the
 * old → new values. Passwords are hashed with PBKDF2-HMAC-SHA256 (Jakarta Security
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

    @EJB
    private SessionStamps stamps;

    @EJB
    private SignInGuard guard;

    @EJB
    private ApiTokens tokens;

    /** Reason recorded for a creation without one (REST clients of the first version). */
    public static final String UNSTATED = "(không ghi lý do)";

    /** Reason recorded when users change their own password. */
    public static final String OWN_PASSWORD = "Người dùng tự đổi mật khẩu";

    /**
     * Creates an active account without a stated reason (the REST contract of issue 3 has none); audited.
     *
     * @see #create(String, String, String, String, Set, String, String)
     */
    public UserAccount create(String username, String fullName, String password, String agencyCode,
                              Set<Role> roles, String email) {
        return create(username, fullName, password, agencyCode, roles, email, null);
    }

    /**
     * A user name as accounts are stored and looked up: without surrounding white space, in Unicode NFC, lower case
     * (ROOT locale), so that {@code "Quantri.Tinh "} at sign-in finds {@code quantri.tinh} (issue 16, fresh-user
     * trial: names were lower-cased at creation only).
     *
     * @return the canonical name, or null for null
     */
    public static String canonicalUsername(String username) {
        return username == null ? null
            : java.text.Normalizer.normalize(username.strip(), java.text.Normalizer.Form.NFC).toLowerCase(java.util.Locale.ROOT);
    }

    /**
     * Creates an active account and records it in the administration audit (area ACCOUNT).
     *
     * @param reason why (request, decision); optional for creation, {@value #UNSTATED} is recorded without one
     * @throws ConflictException      {@code USERNAME_TAKEN}
     * @throws RuleViolationException {@code ACCOUNT_INVALID}, {@code WEAK_PASSWORD}, {@code UNKNOWN_AGENCY}
     * @throws ForbiddenException     outside the administrator's units or granting a role it may not grant
     */
    public UserAccount create(String username, String fullName, String password, String agencyCode,
                              Set<Role> roles, String email, String reason) {
        AccessScope scope = requireAdmin(agencyCode, roles);
        String why = reason == null || reason.isBlank() ? UNSTATED : AdminChange.requireReason(reason);
        String name = canonicalUsername(username);
        if (name != null && !em.createNamedQuery("UserAccount.findByUsername", UserAccount.class)
                .setParameter("username", name).getResultList().isEmpty()) {
            throw new ConflictException("USERNAME_TAKEN", "The user name " + name + " is already taken");
        }
        UserAccount account = new UserAccount(name, fullName, hash(password), agency(agencyCode), roles,
            clock.instant());
        account.update(fullName, account.agency(), roles, email);
        em.persist(account);
        audit(scope, "ACCOUNT_CREATE", account.username(), why, "họ tên: " + account.fullName() + "; đơn vị: "
            + account.agency().code() + "; vai trò: " + sorted(account.roles()) + "; thư điện tử: "
            + dash(account.email()));
        em.flush();
        return account;
    }

    /**
     * Changes name, unit, roles and e-mail of an account with the rules of creation: an agency administrator
     * edits only accounts of its units, moves them only to its units and never grants SYSTEM_ADMIN (nor edits an
     * account that holds it). A change of unit or roles ends the account's open sessions at their next request.
     * Audited with the old and new values.
     *
     * @param reason why (request, decision), required
     * @throws NotFoundException      for an unknown user name
     * @throws ForbiddenException     {@code ROLE_REQUIRED}, {@code OUT_OF_SCOPE}, {@code ROLE_NOT_GRANTABLE}
     * @throws RuleViolationException {@code REASON_REQUIRED}, {@code ACCOUNT_INVALID}, {@code UNKNOWN_AGENCY},
     *                                {@code NO_CHANGE}
     */
    public UserAccount update(String username, String fullName, String agencyCode, Set<Role> roles, String email,
                              String reason) {
        UserAccount account = administered(username);
        AccessScope scope = requireAdmin(account.agency().code(), account.roles());
        requireAdmin(agencyCode, roles);
        String why = AdminChange.requireReason(reason);
        String oldName = account.fullName();
        String oldUnit = account.agency().code();
        Set<Role> oldRoles = account.roles();
        String oldEmail = account.email();
        account.update(fullName, agency(agencyCode), roles == null ? Set.of() : roles, email);
        StringBuilder details = new StringBuilder();
        change(details, "họ tên", oldName, account.fullName());
        change(details, "đơn vị", oldUnit, account.agency().code());
        change(details, "vai trò", sorted(oldRoles).toString(), sorted(account.roles()).toString());
        change(details, "thư điện tử", dash(oldEmail), dash(account.email()));
        if (details.isEmpty()) {
            throw new RuleViolationException("NO_CHANGE", "Nothing to change for account " + username);
        }
        audit(scope, "ACCOUNT_EDIT", account.username(), why, details.toString());
        stamps.changed(account.username());
        em.flush();
        return account;
    }

    /**
     * Enables or disables sign-in; an administrator cannot disable itself. Disabling ends the account's open
     * screen sessions and remembered HTTP Basic credentials at their next request, and its API token sessions at
     * once ({@link ApiTokens#endAll}: never honoured again, even after enabling). Audited.
     *
     * @param reason why, required
     * @throws RuleViolationException {@code SELF_DISABLE}, {@code REASON_REQUIRED}, {@code NO_CHANGE}
     */
    public UserAccount setActive(String username, boolean active, String reason) {
        UserAccount account = administered(username);
        AccessScope scope = requireAdmin(account.agency().code(), account.roles());
        if (!active && account.username().equals(scope.username())) {
            throw new RuleViolationException("SELF_DISABLE", "You cannot disable your own account");
        }
        String why = AdminChange.requireReason(reason);
        if (account.active() == active) {
            throw new RuleViolationException("NO_CHANGE", "Account " + username + " is already "
                + (active ? "active" : "disabled"));
        }
        account.setActive(active);
        int ended = active ? 0 : tokens.endAll(account.username(), ApiTokenSession.Ended.ACCOUNT_CHANGED);
        audit(scope, active ? "ACCOUNT_UNLOCK" : "ACCOUNT_LOCK", account.username(), why,
            "trạng thái: " + (active ? "đã khóa → hoạt động" : "hoạt động → đã khóa")
                + (ended == 0 ? "" : "; kết thúc " + ended + " phiên token API"));
        stamps.changed(account.username()); // screen sessions and remembered Basic credentials end at the next request
        em.flush();
        return account;
    }

    /**
     * Deletes an account that was never used (issue 16: test or mistaken accounts), audited as {@code ACCOUNT_DELETE}
     * with the reason and what the account was. Used means: it signed in ({@link SignInGuard#FIRST_SIGN_IN}), opened
     * an API token session, acted in the administration audit, or is named in any dossier's history, steps,
     * backdating requests, lookup secrets or ratings, or as author of a calendar year or a notification text. A used
     * account is kept for the record: disable it instead ({@link #setActive}).
     *
     * @param reason why (request, decision), required
     * @throws NotFoundException      for an unknown user name
     * @throws ForbiddenException     {@code ROLE_REQUIRED}, {@code OUT_OF_SCOPE}, {@code ROLE_NOT_GRANTABLE} as for editing
     * @throws RuleViolationException {@code SELF_DELETE}, {@code REASON_REQUIRED}
     * @throws ConflictException      {@code ACCOUNT_USED}, naming where it was used
     */
    public void delete(String username, String reason) {
        UserAccount account = administered(username);
        AccessScope scope = requireAdmin(account.agency().code(), account.roles());
        if (account.username().equals(scope.username())) {
            throw new RuleViolationException("SELF_DELETE", "You cannot delete your own account");
        }
        String why = AdminChange.requireReason(reason);
        List<String> uses = usesOf(account);
        if (!uses.isEmpty()) {
            throw new ConflictException("ACCOUNT_USED", "Account " + account.username() + " was used ("
                + String.join(", ", uses) + "): it is kept for the record; disable it instead");
        }
        String details = "họ tên: " + account.fullName() + "; đơn vị: " + account.agency().code() + "; vai trò: "
            + sorted(account.roles()) + "; thư điện tử: " + dash(account.email()) + "; trạng thái: "
            + (account.active() ? "hoạt động" : "đã khóa");
        em.remove(account);
        audit(scope, "ACCOUNT_DELETE", account.username(), why, details);
        stamps.changed(account.username());
        guard.forget(account.username());
        em.flush();
    }

    /** Where an account was used (empty: never); see {@link #delete}. */
    List<String> usesOf(UserAccount account) {
        String u = account.username();
        List<String> uses = new java.util.ArrayList<>();
        if (firstSignInRecorded(em, u)) {
            uses.add("signed in");
        }
        String[][] checks = {
            {"API token sessions", "SELECT 1 FROM api_token_session WHERE username = ?1"},
            {"administration audit", "SELECT 1 FROM admin_audit WHERE actor = ?1 AND action <> '"
                + SignInGuard.FIRST_SIGN_IN + "'"},
            {"dossier history", "SELECT 1 FROM dossier_event WHERE actor = ?1 OR backdating_approved_by = ?1"},
            {"dossier steps", "SELECT 1 FROM dossier_step WHERE handler = ?1 OR completed_by = ?1"},
            {"backdating requests", "SELECT 1 FROM backdating_request WHERE requested_by = ?1 OR decided_by = ?1"},
            {"lookup secrets", "SELECT 1 FROM dossier_lookup_token WHERE issued_by = ?1"},
            {"ratings", "SELECT 1 FROM rating_officer WHERE username = ?1"},
            {"calendar years", "SELECT 1 FROM calendar_year WHERE created_by = ?1"},
            {"notification texts", "SELECT 1 FROM notification_template WHERE updated_by = ?1"},
        };
        for (String[] check : checks) {
            if (!em.createNativeQuery(check[1]).setParameter(1, u).setMaxResults(1).getResultList().isEmpty()) {
                uses.add(check[0]);
            }
        }
        return uses;
    }

    /**
     * Whether the account's first sign-in is recorded since it was created (a former account of the same name does
     * not count).
     */
    static boolean firstSignInRecorded(EntityManager em, String username) {
        return !em.createQuery("SELECT c.id FROM AdminChange c, UserAccount a WHERE a.username = :username"
                + " AND c.area = :area AND c.action = :action AND c.subject = :username AND c.occurredAt >= a.createdAt",
                Long.class)
            .setParameter("username", username).setParameter("area", AdminArea.ACCOUNT)
            .setParameter("action", SignInGuard.FIRST_SIGN_IN).setMaxResults(1).getResultList().isEmpty();
    }

    /**
     * Sets a new password chosen by an administrator. Audited (never the password).
     *
     * @param reason why, required
     * @throws RuleViolationException {@code REASON_REQUIRED}, {@code WEAK_PASSWORD}
     */
    public void resetPassword(String username, String password, String reason) {
        UserAccount account = administered(username);
        AccessScope scope = requireAdmin(account.agency().code(), account.roles());
        String why = AdminChange.requireReason(reason);
        account.changePasswordHash(hash(password));
        audit(scope, "ACCOUNT_PASSWORD_RESET", account.username(), why, null);
        stamps.changed(account.username()); // remembered HTTP Basic verifications of the old password end now
        em.flush();
    }

    /**
     * Lifts the sign-in lock that repeated wrong passwords put on an account (issue 12), and forgets its failures;
     * audited (action {@code ACCOUNT_SIGN_IN_UNLOCK}). The lock of a client address is not lifted: it ends by
     * itself ({@code motcua.auth.lock-minutes}).
     *
     * @param reason why; optional, {@value #UNSTATED} is recorded without one
     * @return the end of the lifted lock
     * @throws NotFoundException      for an unknown user name
     * @throws ForbiddenException     {@code ROLE_REQUIRED}, {@code OUT_OF_SCOPE} as for editing the account
     * @throws RuleViolationException {@code NOT_LOCKED} when the account's sign-in is not locked
     */
    public java.time.Instant liftSignInLock(String username, String reason) {
        UserAccount account = administered(username);
        AccessScope scope = requireAdmin(account.agency().code(), account.roles());
        String why = reason == null || reason.isBlank() ? UNSTATED : AdminChange.requireReason(reason);
        java.time.Instant until = guard.lockedUntil(account.username());
        if (until == null) {
            throw new RuleViolationException("NOT_LOCKED", "The sign-in of account " + username + " is not locked");
        }
        audit(scope, "ACCOUNT_SIGN_IN_UNLOCK", account.username(), why,
            "khóa đăng nhập đến " + SignInGuard.format(until) + " → mở khóa");
        em.flush();
        guard.lift(account.username());
        return until;
    }

    /** Accounts whose sign-in is locked now after repeated wrong passwords, with the end of the lock (administrators). */
    public Map<String, java.time.Instant> signInLocks() {
        access.current().requireAny(Role.SYSTEM_ADMIN, Role.AGENCY_ADMIN);
        return guard.lockedAccounts();
    }

    /**
     * End of the account's sign-in lock after repeated wrong passwords, or null when it is not locked.
     */
    public java.time.Instant signInLockedUntil(String username) {
        return guard == null ? null : guard.lockedUntil(username);
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
        audit(scope, "ACCOUNT_OWN_PASSWORD", account.username(), OWN_PASSWORD, null);
        stamps.changed(account.username());
        em.flush();
    }

    /**
     * Full names of accounts, to show who acted in a dossier's history and on the printed forms (the history
     * stores user names). Unknown user names (e.g. {@code system}) are absent from the map.
     *
     * @param usernames user names, may be empty
     * @return user name → full name
     */
    public Map<String, String> fullNames(java.util.Collection<String> usernames) {
        Map<String, String> names = new java.util.HashMap<>();
        java.util.Set<String> wanted = new java.util.HashSet<>(usernames);
        wanted.remove(null);
        if (!wanted.isEmpty()) {
            for (Object[] row : em.createQuery("SELECT a.username, a.fullName FROM UserAccount a"
                    + " WHERE a.username IN :names", Object[].class).setParameter("names", wanted).getResultList()) {
                names.put((String) row[0], (String) row[1]);
            }
        }
        return names;
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

    /**
     * An account addressed by an administrator: the caller must be a system or agency administrator (403
     * {@code ROLE_REQUIRED} before anything is looked up), and an account of a unit the caller does not administer
     * answers exactly as a user name nobody has (404 {@code NOT_FOUND}, same body; issue 16), so that user names of
     * other units cannot be confirmed by guessing.
     *
     * @throws ForbiddenException {@code ROLE_REQUIRED} for a caller that administers no accounts
     * @throws NotFoundException  for an unknown user name and for an account outside the caller's units alike
     */
    public UserAccount administered(String username) {
        AccessScope scope = access.current();
        scope.requireAny(Role.SYSTEM_ADMIN, Role.AGENCY_ADMIN);
        UserAccount account = find(username);
        if (scope != AccessScope.SYSTEM && !scope.covers(account.agency().code())) {
            throw new NotFoundException("account", username);
        }
        return account;
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

    private void audit(AccessScope scope, String action, String subject, String reason, String details) {
        em.persist(new AdminChange(clock.instant(), scope.username(), AdminArea.ACCOUNT, action, subject, reason,
            details));
    }

    private static void change(StringBuilder details, String field, String before, String after) {
        if (!java.util.Objects.equals(before, after)) {
            details.append(details.isEmpty() ? "" : "; ").append(field).append(": ").append(before).append(" → ")
                .append(after);
        }
    }

    private static List<String> sorted(Set<Role> roles) {
        return roles.stream().map(Enum::name).sorted().toList();
    }

    private static String dash(String s) {
        return s == null ? "-" : s;
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
