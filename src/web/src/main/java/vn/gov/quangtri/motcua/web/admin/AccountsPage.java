package vn.gov.quangtri.motcua.web.admin;

import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import vn.gov.quangtri.motcua.account.application.AccountService;
import vn.gov.quangtri.motcua.account.domain.Role;
import vn.gov.quangtri.motcua.account.domain.UserAccount;
import vn.gov.quangtri.motcua.agency.application.AgencyService;
import vn.gov.quangtri.motcua.agency.domain.Agency;
import vn.gov.quangtri.motcua.shared.domain.ForbiddenException;
import vn.gov.quangtri.motcua.shared.domain.VietnamTime;
import vn.gov.quangtri.motcua.web.shell.Actions;
import vn.gov.quangtri.motcua.web.shell.CurrentUser;
import vn.gov.quangtri.motcua.web.shell.Messages;

/**
 * Accounts and roles (issue 3 §7, issue 9 item 4) for system and agency administrators: create, edit name,
 * unit and roles, lock/unlock and reset a password, each with a reason (audited; the last changes are shown
 * under the list), and the signed-in user's own password change (typed twice). The account service enforces
 * who may manage whom; this page only offers the forms.
 *
 * <p>Size: above 400 lines because the screen carries the create, edit, password and sign-in-lock forms; the
 * forms are thin and the rules live in {@code AccountService}.
 */
@Named
@ViewScoped
public class AccountsPage implements Serializable {

    private static final long serialVersionUID = 1L;

    /** Reason recorded when a sign-in lock is lifted on this screen. */
    static final String LIFT_REASON = "Quản trị viên mở khóa đăng nhập trên màn hình tài khoản";

    @EJB
    private AccountService accounts;

    @EJB
    private AgencyService agencies;

    @Inject
    private Actions actions;

    @Inject
    private Messages messages;

    @Inject
    private CurrentUser user;

    @Inject
    private AuditPage audit;

    private transient List<UserAccount> list;
    private transient java.util.Map<String, java.time.Instant> signInLocks;
    private transient List<Agency> units;

    private String username;
    private String fullName;
    private String password;
    private String agencyCode;
    private List<String> roles = new ArrayList<>();
    private String email;

    private String createReason;

    private String editing;
    private String editFullName;
    private String editAgencyCode;
    private List<String> editRoles = new ArrayList<>();
    private String editEmail;
    private String editReason;
    private boolean editActive;
    private String lockReason;

    private String resetTo;
    private String resetReason;

    private String currentPassword;
    private String newPassword;
    private String confirmPassword;

    /** Accounts the signed-in administrator manages. */
    public List<UserAccount> getList() {
        if (list == null) {
            list = actions.run(accounts::list);
            if (list == null) {
                list = List.of();
            }
        }
        return list;
    }

    /** End of the account's sign-in lock after repeated wrong passwords (shown Vietnam time), or null. */
    public String signInLockedUntil(UserAccount a) {
        if (signInLocks == null) {
            signInLocks = actions.run(accounts::signInLocks);
            if (signInLocks == null) {
                signInLocks = java.util.Map.of();
            }
        }
        java.time.Instant until = signInLocks.get(a.username());
        return until == null ? null : vn.gov.quangtri.motcua.account.application.SignInGuard.format(until);
    }

    /** Lifts the sign-in lock of an account (issue 12); audited with a fixed reason naming this screen. */
    public void liftSignInLock(String name) {
        if (run(() -> accounts.liftSignInLock(name, LIFT_REASON)) != null) {
            messages.info("accounts.signInLockLifted", name);
            changed();
        }
    }

    /** Units valid today that the administrator may choose (the service checks the scope). */
    public List<Agency> getUnits() {
        if (units == null) {
            LocalDate today = LocalDate.now(VietnamTime.ZONE);
            units = agencies.list(today, null, null, null);
            if (!user.isSystemAdministrator()) {
                String own = user.getAgencyCode();
                units = units.stream().filter(a -> a.code().equals(own)
                    || (a.parent() != null && a.parent().code().equals(own))).toList();
            }
            units = units.stream().sorted(java.util.Comparator.comparing(Agency::name,
                vn.gov.quangtri.motcua.shared.domain.VietnameseCollation.text())).toList();
        }
        return units;
    }

    /** The roles this administrator may grant (an agency administrator never grants SYSTEM_ADMIN). */
    public List<Role> getAllRoles() {
        return java.util.Arrays.stream(Role.values())
            .filter(r -> r != Role.SYSTEM_ADMIN || user.isSystemAdministrator()).toList();
    }

    /** Creates the account from the form (the reason is optional for a creation). */
    public void create() {
        Set<Role> chosen = roles(roles);
        UserAccount created = run(() -> accounts.create(username, fullName, password, agencyCode, chosen, email,
            createReason));
        if (created != null) {
            messages.info("accounts.created", created.username());
            username = null;
            fullName = null;
            password = null;
            email = null;
            createReason = null;
            roles = new ArrayList<>();
            changed();
        }
    }

    /** Opens the edit dialog of an account with its current values. */
    public void startEdit(String name) {
        UserAccount a = run(() -> accounts.find(name));
        if (a != null) {
            editing = a.username();
            editFullName = a.fullName();
            editAgencyCode = a.agency().code();
            editRoles = a.roles().stream().map(Enum::name).sorted().collect(java.util.stream.Collectors.toList());
            editEmail = a.email();
            editReason = null;
            editActive = a.active();
        }
    }

    /** Saves the edit dialog: name, unit, roles, e-mail, with a reason. */
    public void saveEdit() {
        String name = editing;
        UserAccount saved = run(() -> accounts.update(name, editFullName, editAgencyCode, roles(editRoles), editEmail,
            editReason));
        if (saved != null) {
            messages.info("accounts.edited", saved.username());
            editReason = null;
            changed();
        } else {
            validationFailed();
        }
    }

    /** Locks or unlocks the account of the lock dialog, with a reason. */
    public void saveActive() {
        String name = editing;
        boolean active = !editActive;
        UserAccount saved = run(() -> accounts.setActive(name, active, lockReason));
        if (saved != null) {
            messages.info(active ? "accounts.unlocked" : "accounts.locked", saved.username());
            lockReason = null;
            changed();
        } else {
            validationFailed();
        }
    }

    /**
     * Deletes the account of the delete dialog, with a reason (issue 16): only an account never used; a used one is
     * refused ({@code ACCOUNT_USED}: disable it instead).
     */
    public void delete() {
        String name = editing;
        if (run(() -> {
            accounts.delete(name, lockReason);
            return Boolean.TRUE;
        }) != null) {
            messages.info("accounts.deleted", name);
            lockReason = null;
            editing = null;
            changed();
        } else {
            validationFailed();
        }
    }

    /** Opens the delete dialog of an account. */
    public void startDelete(String name) {
        editing = name;
        lockReason = null;
    }

    /** Opens the lock dialog of an account. */
    public void startLock(String name, boolean active) {
        editing = name;
        editActive = active;
        lockReason = null;
    }

    /** Sets the password typed in the reset box for the account being edited, with a reason. */
    public void resetPassword() {
        String name = editing;
        if (run(() -> {
            accounts.resetPassword(name, resetTo, resetReason);
            return Boolean.TRUE;
        }) != null) {
            messages.info("accounts.passwordReset", name);
            resetTo = null;
            resetReason = null;
            changed();
        } else {
            validationFailed();
        }
    }

    /**
     * Changes the signed-in user's own password; the new password must be typed twice alike, otherwise
     * nothing is changed.
     */
    public void changeOwnPassword() {
        if (newPassword == null || !newPassword.equals(confirmPassword)) {
            messages.error("password:confirm", "account.passwordMismatch");
        } else if (actions.run(() -> {
            accounts.changeOwnPassword(currentPassword, newPassword);
            return Boolean.TRUE;
        }) != null) {
            messages.info("account.passwordChanged");
        }
        currentPassword = null;
        newPassword = null;
        confirmPassword = null;
    }

    /** The last account changes, for the panel under the list. */
    private void changed() {
        list = null;
        signInLocks = null;
        audit.refresh();
    }

    /** Keeps a dialog open after a refusal (its {@code oncomplete} checks {@code args.validationFailed}). */
    private static void validationFailed() {
        jakarta.faces.context.FacesContext.getCurrentInstance().validationFailed();
    }

    /** {@link Actions#run} with permission refusals worded for account administration. */
    private <T> T run(java.util.function.Supplier<T> work) {
        return actions.run(() -> {
            try {
                return work.get();
            } catch (ForbiddenException e) {
                messages.error(null, "accounts.reason." + e.reason());
                return null;
            }
        });
    }

    private static Set<Role> roles(List<String> names) {
        Set<Role> chosen = EnumSet.noneOf(Role.class);
        if (names != null) {
            names.forEach(r -> chosen.add(Role.valueOf(r)));
        }
        return chosen;
    }

    /** Role names of an account in the current language. */
    public String roleLabels(UserAccount a) {
        String lang = jakarta.faces.context.FacesContext.getCurrentInstance().getViewRoot().getLocale().getLanguage();
        return Role.labels(a.roles(), lang);
    }

    public String getUsername() {
        return username;
    }

    public void setUsername(String username) {
        this.username = username;
    }

    public String getFullName() {
        return fullName;
    }

    public void setFullName(String fullName) {
        this.fullName = fullName;
    }

    public String getPassword() {
        return password;
    }

    public void setPassword(String password) {
        this.password = password;
    }

    public String getAgencyCode() {
        return agencyCode;
    }

    public void setAgencyCode(String agencyCode) {
        this.agencyCode = agencyCode;
    }

    public List<String> getRoles() {
        return roles;
    }

    public void setRoles(List<String> roles) {
        this.roles = roles;
    }

    public String getEmail() {
        return email;
    }

    public void setEmail(String email) {
        this.email = email;
    }

    public String getEditing() {
        return editing;
    }

    public void setEditing(String editing) {
        this.editing = editing;
    }

    public String getResetTo() {
        return resetTo;
    }

    public void setResetTo(String resetTo) {
        this.resetTo = resetTo;
    }

    public String getCurrentPassword() {
        return currentPassword;
    }

    public void setCurrentPassword(String currentPassword) {
        this.currentPassword = currentPassword;
    }

    public String getNewPassword() {
        return newPassword;
    }

    public void setNewPassword(String newPassword) {
        this.newPassword = newPassword;
    }

    public String getCreateReason() {
        return createReason;
    }

    public void setCreateReason(String createReason) {
        this.createReason = createReason;
    }

    public String getEditFullName() {
        return editFullName;
    }

    public void setEditFullName(String editFullName) {
        this.editFullName = editFullName;
    }

    public String getEditAgencyCode() {
        return editAgencyCode;
    }

    public void setEditAgencyCode(String editAgencyCode) {
        this.editAgencyCode = editAgencyCode;
    }

    public List<String> getEditRoles() {
        return editRoles;
    }

    public void setEditRoles(List<String> editRoles) {
        this.editRoles = editRoles;
    }

    public String getEditEmail() {
        return editEmail;
    }

    public void setEditEmail(String editEmail) {
        this.editEmail = editEmail;
    }

    public String getEditReason() {
        return editReason;
    }

    public void setEditReason(String editReason) {
        this.editReason = editReason;
    }

    public boolean isEditActive() {
        return editActive;
    }

    public void setEditActive(boolean editActive) {
        this.editActive = editActive;
    }

    public String getLockReason() {
        return lockReason;
    }

    public void setLockReason(String lockReason) {
        this.lockReason = lockReason;
    }

    public String getResetReason() {
        return resetReason;
    }

    public void setResetReason(String resetReason) {
        this.resetReason = resetReason;
    }

    public String getConfirmPassword() {
        return confirmPassword;
    }

    public void setConfirmPassword(String confirmPassword) {
        this.confirmPassword = confirmPassword;
    }
}
