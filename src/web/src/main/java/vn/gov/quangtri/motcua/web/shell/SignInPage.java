package vn.gov.quangtri.motcua.web.shell;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.SecurityContext;
import jakarta.security.enterprise.authentication.mechanism.http.AuthenticationParameters;
import jakarta.security.enterprise.credential.Password;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import vn.gov.quangtri.motcua.account.application.SignInGuard;
import vn.gov.quangtri.motcua.web.security.MotcuaAuthenticationMechanism;

/**
 * The sign-in form: checks the account through Jakarta Security and goes on to the page asked for. When repeated
 * wrong passwords locked the account or the client address, says until when (issue 12).
 */
@Named
@RequestScoped
public class SignInPage {

    /** Where to go after signing in when no page was asked for. */
    public static final String HOME = "/app/inbox.xhtml";

    @Inject
    private SecurityContext security;

    @Inject
    private Messages messages;

    private String username;
    private String password;
    private String continueTo;

    /** Signs in; on success redirects, otherwise shows a message and keeps the user name. */
    public void signIn() throws IOException {
        FacesContext faces = FacesContext.getCurrentInstance();
        ExternalContext ec = faces.getExternalContext();
        String name = username == null ? "" : username.strip().toLowerCase(java.util.Locale.ROOT);
        AuthenticationStatus status = security.authenticate((HttpServletRequest) ec.getRequest(),
            (HttpServletResponse) ec.getResponse(), AuthenticationParameters.withParams()
                .credential(new UsernamePasswordCredential(name, new Password(password == null ? "" : password)))
                .newAuthentication(true));
        if (status == AuthenticationStatus.SUCCESS) {
            ec.redirect(ec.getRequestContextPath() + safeTarget(continueTo));
        } else if (status == AuthenticationStatus.SEND_CONTINUE) {
            faces.responseComplete();
        } else {
            Object refusal = ec.getRequestMap().get(MotcuaAuthenticationMechanism.REFUSAL);
            Object until = ec.getRequestMap().get(MotcuaAuthenticationMechanism.LOCKED_UNTIL);
            if ("ACCOUNT_LOCKED".equals(refusal) || "ADDRESS_LOCKED".equals(refusal)) {
                // Too many wrong passwords (issue 12): say until when, without telling whether the password was right.
                messages.error(null, "signin." + ("ACCOUNT_LOCKED".equals(refusal) ? "accountLocked" : "addressLocked"),
                    SignInGuard.format((java.time.Instant) until));
            } else {
                messages.error(null, "signin.failed");
            }
        }
    }

    /** A path of the back office or the public pages: plain segments of letters, digits, '.', '_', '-', '~'. */
    private static final java.util.regex.Pattern SAFE_PATH =
        java.util.regex.Pattern.compile("/(?:app|public)(?:/[A-Za-z0-9_~-][A-Za-z0-9._~-]*)+");
    /** A query: names and values of such characters, '+' and well-formed percent escapes. */
    private static final java.util.regex.Pattern SAFE_QUERY =
        java.util.regex.Pattern.compile("(?:[A-Za-z0-9._~=&+,:-]|%[0-9A-Fa-f]{2})*");

    /**
     * Where to go after signing in, inside this application only (no open redirect; issue 16, fresh-user trial): a
     * path under {@code /app/} (the back office) or {@code /public/} (the public pages), relative to the context
     * root, of plain segments (no {@code .} or {@code ..} segment, no {@code //}, backslash, percent escape,
     * scheme or control character), optionally with a query of plain characters and percent escapes; anything
     * else goes to {@link #HOME}.
     */
    static String safeTarget(String target) {
        if (target == null || target.length() > 2000) {
            return HOME;
        }
        int q = target.indexOf('?');
        String path = q < 0 ? target : target.substring(0, q);
        String query = q < 0 ? "" : target.substring(q + 1);
        if (!SAFE_PATH.matcher(path).matches() || !SAFE_QUERY.matcher(query).matches()) {
            return HOME;
        }
        for (String segment : path.split("/")) {
            if (segment.equals(".") || segment.equals("..")) {
                return HOME;
            }
        }
        return target;
    }

    public String getUsername() {
        return username;
    }

    public void setUsername(String username) {
        this.username = username;
    }

    public String getPassword() {
        return password;
    }

    public void setPassword(String password) {
        this.password = password;
    }

    public String getContinueTo() {
        return continueTo;
    }

    public void setContinueTo(String continueTo) {
        this.continueTo = continueTo;
    }
}
