package vn.gov.quangtri.motcua.account.domain;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;
import java.util.regex.Pattern;
import vn.gov.quangtri.motcua.agency.domain.Agency;
import vn.gov.quangtri.motcua.shared.domain.InstantConverter;
import vn.gov.quangtri.motcua.shared.domain.RuleViolationException;
import vn.gov.quangtri.motcua.shared.domain.Texts;

/**
 * A back-office account (tài khoản cán bộ): user name, full name, the agency unit it belongs to, its roles
 * and a password hash. The hash is PBKDF2 in the format of Jakarta Security's {@code Pbkdf2PasswordHash}
 * ({@code algorithm:iterations:salt:hash}); a plain password is never stored. Accounts are disabled, never
 * deleted, so history entries keep naming a real account.
 */
@Entity
@Table(name = "user_account")
@NamedQuery(name = "UserAccount.findByUsername",
    query = "SELECT a FROM UserAccount a WHERE a.username = :username")
public class UserAccount {

    /** Allowed user names: lower-case ASCII letters, digits, dot, dash and underscore, 3–60 characters. */
    public static final Pattern USERNAME = Pattern.compile("[a-z0-9][a-z0-9._-]{2,59}");

    @Id
    @SequenceGenerator(name = "user_account_seq", sequenceName = "user_account_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "user_account_seq")
    private Long id;

    @Column(name = "username", length = 60, nullable = false, unique = true, updatable = false)
    private String username;

    @Column(name = "full_name", length = 200, nullable = false)
    private String fullName;

    @Column(name = "password_hash", length = 400, nullable = false)
    private String passwordHash;

    @ManyToOne(fetch = FetchType.EAGER, optional = false)
    @JoinColumn(name = "agency_code", nullable = false)
    private Agency agency;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "user_account_role", joinColumns = @JoinColumn(name = "account_id"))
    @Enumerated(EnumType.STRING)
    @Column(name = "role", length = 30, nullable = false)
    private Set<Role> roles = EnumSet.noneOf(Role.class);

    @Column(name = "active", nullable = false)
    private boolean active;

    @Column(name = "email", length = 200)
    private String email;

    @Column(name = "created_at", nullable = false, updatable = false)
    @Convert(converter = InstantConverter.class)
    private Instant createdAt;

    /** Increased on lock and on a change of roles or unit: open sessions signed in before end (V13). */
    @Column(name = "security_stamp", nullable = false)
    private long securityStamp;

    @Version
    @Column(name = "version", nullable = false)
    private long version;

    protected UserAccount() {
    }

    /**
     * @param username     see {@link #USERNAME}
     * @param fullName     the officer's name as shown in history and on slips (NFC, ≤ 200 characters)
     * @param passwordHash PBKDF2 hash, never a plain password
     * @param agency       the unit the account belongs to
     * @param roles        at least one
     * @throws RuleViolationException {@code ACCOUNT_INVALID} for a bad user name, name or empty roles
     */
    public UserAccount(String username, String fullName, String passwordHash, Agency agency, Set<Role> roles,
                       Instant createdAt) {
        if (username == null || !USERNAME.matcher(username).matches()) {
            throw new RuleViolationException("ACCOUNT_INVALID",
                "User name: 3–60 lower-case letters, digits, '.', '-' or '_', starting with a letter or digit");
        }
        this.username = username;
        this.passwordHash = require(passwordHash, "password");
        this.createdAt = createdAt;
        this.active = true;
        update(fullName, agency, roles, null);
    }

    /** An e-mail address: one '@', a dot in the domain, no white space, control or quote characters. */
    static final java.util.regex.Pattern EMAIL =
        java.util.regex.Pattern.compile("[^@\\s\\p{Cntrl}\"<>,;]{1,64}@[^@\\s\\p{Cntrl}\"<>,;.]+(?:\\.[^@\\s\\p{Cntrl}\"<>,;.]+)+");

    /**
     * Changes name, unit, roles and e-mail. A change of unit or roles increases the {@link #securityStamp()},
     * so that sessions signed in with the former rights end at their next request.
     *
     * @throws RuleViolationException {@code INVALID_INPUT} for an e-mail that is not an address (400);
     *                                {@code ACCOUNT_INVALID} without unit or roles
     */
    public void update(String fullName, Agency agency, Set<Role> roles, String email) {
        if (email != null && !email.isBlank() && !EMAIL.matcher(email.strip()).matches()) {
            // malformed input (400), checked before anything changes (issue 16, fresh-user trial)
            throw new RuleViolationException("INVALID_INPUT", "The e-mail address is not valid",
                java.util.List.of("email: an e-mail address, e.g. ten@quangtri.gov.vn"));
        }
        if (agency == null) {
            throw new RuleViolationException("ACCOUNT_INVALID", "The account must belong to an agency unit");
        }
        if (roles == null || roles.isEmpty()) {
            throw new RuleViolationException("ACCOUNT_INVALID", "The account needs at least one role");
        }
        if (roles.contains(Role.KIOSK) && roles.size() > 1) {
            throw new RuleViolationException("ACCOUNT_INVALID", "A kiosk device account holds the role KIOSK only");
        }
        String name = Texts.name("fullName", require(fullName, "fullName").strip(), 200);
        boolean rightsChanged = this.agency != null
            && (!this.agency.code().equals(agency.code()) || !this.roles.equals(EnumSet.copyOf(roles)));
        this.fullName = name;
        this.agency = agency;
        this.roles = EnumSet.copyOf(roles);
        if (rightsChanged) {
            securityStamp++;
        }
        this.email = email == null || email.isBlank() ? null : Texts.limited("email", email.strip(), 200);
    }

    /** Replaces the password hash (the caller hashes). */
    public void changePasswordHash(String hash) {
        this.passwordHash = require(hash, "password");
    }

    /** Enables or disables sign-in; disabling an active account increases the {@link #securityStamp()}. */
    public void setActive(boolean active) {
        if (this.active && !active) {
            securityStamp++;
        }
        this.active = active;
    }

    /** Refuses a missing text or one that shows nothing (see {@link Texts#blank}: U+00A0, U+3164, U+2800 …). */
    private static String require(String value, String what) {
        if (value == null || Texts.blank(value)) {
            throw new RuleViolationException("ACCOUNT_INVALID", what + " is required");
        }
        return value;
    }

    public Long id() {
        return id;
    }

    public String username() {
        return username;
    }

    public String fullName() {
        return fullName;
    }

    public String passwordHash() {
        return passwordHash;
    }

    public Agency agency() {
        return agency;
    }

    /** @return a copy */
    public Set<Role> roles() {
        return roles.isEmpty() ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(roles);
    }

    public boolean hasRole(Role role) {
        return roles.contains(role);
    }

    public boolean active() {
        return active;
    }

    public String email() {
        return email;
    }

    public Instant createdAt() {
        return createdAt;
    }

    /**
     * A counter that moves on whenever the account is locked or its roles or unit change; a session whose
     * stamp differs from the account's was signed in with rights the account no longer has.
     */
    public long securityStamp() {
        return securityStamp;
    }

    public long version() {
        return version;
    }
}
