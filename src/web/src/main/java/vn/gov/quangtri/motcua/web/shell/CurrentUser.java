package vn.gov.quangtri.motcua.web.shell;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.SessionScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Named;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.Serializable;
import java.util.Set;
import vn.gov.quangtri.motcua.account.application.AccountService;
import vn.gov.quangtri.motcua.account.domain.Role;
import vn.gov.quangtri.motcua.account.domain.UserAccount;

/**
 * The signed-in officer for the screens: name, unit and roles (read once per session from the account),
 * used to show or hide menu entries and buttons. Hiding is a courtesy: the services check every action
 * again against the account's units and roles.
 */
@Named
@SessionScoped
public class CurrentUser implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    private AccountService accounts;

    private String username;
    private String fullName;
    private String agencyCode;
    private String agencyName;
    private Set<Role> roles = Set.of();

    private void load() {
        String name = FacesContext.getCurrentInstance().getExternalContext().getRemoteUser();
        if (name != null && !name.equals(username)) {
            UserAccount me = accounts.me();
            username = me.username();
            fullName = me.fullName();
            agencyCode = me.agency().code();
            agencyName = me.agency().name();
            roles = me.roles();
        }
    }

    /** Whether someone is signed in. */
    public boolean isSignedIn() {
        return FacesContext.getCurrentInstance().getExternalContext().getRemoteUser() != null;
    }

    public String getUsername() {
        load();
        return username;
    }

    public String getFullName() {
        load();
        return fullName;
    }

    public String getAgencyCode() {
        load();
        return agencyCode;
    }

    public String getAgencyName() {
        load();
        return agencyName;
    }

    /** @param role a {@link Role} name */
    public boolean has(String role) {
        load();
        return roles.contains(Role.valueOf(role));
    }

    public boolean isDesk() {
        return has("DESK_OFFICER");
    }

    public boolean isSpecialist() {
        return has("SPECIALIST");
    }

    public boolean isLeader() {
        return has("LEADER");
    }

    public boolean isAdministrator() {
        return has("SYSTEM_ADMIN") || has("AGENCY_ADMIN");
    }

    public boolean isSystemAdministrator() {
        return has("SYSTEM_ADMIN");
    }

    /** Role names in the current language, comma separated. */
    public String getRoleLabels() {
        load();
        String lang = FacesContext.getCurrentInstance().getViewRoot().getLocale().getLanguage();
        return Role.labels(roles, lang);
    }

    /** Signs out (POST only) and shows the sign-in page. */
    public void signOut() throws IOException {
        ExternalContext ec = FacesContext.getCurrentInstance().getExternalContext();
        try {
            ((HttpServletRequest) ec.getRequest()).logout();
        } catch (ServletException e) {
            // already signed out: go on
        }
        ec.invalidateSession();
        ec.redirect(ec.getRequestContextPath() + "/login.xhtml?signedOut=true");
    }
}
