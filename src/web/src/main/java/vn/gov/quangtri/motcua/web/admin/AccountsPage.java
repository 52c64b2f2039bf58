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
import vn.gov.quangtri.motcua.shared.domain.VietnamTime;
import vn.gov.quangtri.motcua.web.shell.Actions;
import vn.gov.quangtri.motcua.web.shell.CurrentUser;
import vn.gov.quangtri.motcua.web.shell.Messages;

/**
 * Accounts and roles (issue 3 §7) for system and agency administrators, and the signed-in user's own
 * password change. The account service enforces who may manage whom; this page only offers the forms.
 */
@Named
@ViewScoped
public class AccountsPage implements Serializable {

    private static final long serialVersionUID = 1L;

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

    private transient List<UserAccount> list;
    private transient List<Agency> units;

    private String username;
    private String fullName;
    private String password;
    private String agencyCode;
    private List<String> roles = new ArrayList<>();
    private String email;

    private String editing;
    private String resetTo;

    private String currentPassword;
    private String newPassword;

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

    /** Creates the account from the form. */
    public void create() {
        Set<Role> chosen = EnumSet.noneOf(Role.class);
        roles.forEach(r -> chosen.add(Role.valueOf(r)));
        UserAccount created = actions.run(() -> accounts.create(username, fullName, password, agencyCode, chosen, email));
        if (created != null) {
            messages.info("accounts.created", created.username());
            username = null;
            fullName = null;
            password = null;
            email = null;
            roles = new ArrayList<>();
            list = null;
        }
    }

    /** Enables or disables an account. */
    public void toggle(String name, boolean active) {
        if (actions.run(() -> accounts.setActive(name, active)) != null) {
            messages.info("action.done");
            list = null;
        }
    }

    /** Sets the password typed in the reset box for the account being edited. */
    public void resetPassword() {
        String name = editing;
        if (actions.run(() -> {
            accounts.resetPassword(name, resetTo);
            return Boolean.TRUE;
        }) != null) {
            messages.info("accounts.passwordReset", name);
            resetTo = null;
        }
    }

    /** Changes the signed-in user's own password. */
    public void changeOwnPassword() {
        if (actions.run(() -> {
            accounts.changeOwnPassword(currentPassword, newPassword);
            return Boolean.TRUE;
        }) != null) {
            messages.info("account.passwordChanged");
        }
        currentPassword = null;
        newPassword = null;
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
}
