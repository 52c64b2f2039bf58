package vn.gov.quangtri.motcua.web.shell;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import java.text.MessageFormat;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import vn.gov.quangtri.motcua.shared.domain.DomainException;
import vn.gov.quangtri.motcua.shared.domain.RuleViolationException;

/**
 * Faces messages in the user's language from the {@code messages} bundle; a service's refusal
 * ({@link DomainException}) becomes a message keyed by its stable reason ({@code reason.<REASON>}); a reason
 * without a text shows a neutral text with the code, never the service's English explanation.
 */
@ApplicationScoped
public class Messages {

    /** Bundle base name of the screens' texts. */
    public static final String BUNDLE = "vn.gov.quangtri.motcua.web.i18n.messages";

    @Inject
    private Language language;

    /**
     * Text for a key in the user's chosen language (not the view's, which is only settled when the page
     * renders), formatted with the arguments.
     */
    public String text(String key, Object... args) {
        java.util.Locale locale = language.getLocale();
        ResourceBundle bundle = ResourceBundle.getBundle(BUNDLE, locale);
        try {
            String pattern = bundle.getString(key);
            return args.length == 0 ? pattern : new MessageFormat(pattern, locale).format(args);
        } catch (MissingResourceException missing) {
            return key;
        }
    }

    /** Adds an information message. */
    public void info(String key, Object... args) {
        add(FacesMessage.SEVERITY_INFO, null, text(key, args));
    }

    /** Adds an error message, attached to a component id or global when null. */
    public void error(String clientId, String key, Object... args) {
        add(FacesMessage.SEVERITY_ERROR, clientId, text(key, args));
    }

    /**
     * Shows why a service refused: the reason in the user's language ({@code reason.other} with the code when
     * the bundle has no text for it); for an incomplete dossier the missing components follow.
     */
    public void refused(DomainException e) {
        String key = "reason." + e.reason();
        String text = text(key);
        // The service's explanation is English (kept for the API's problem detail): never shown on a screen.
        String shown = key.equals(text) ? text("reason.other", e.reason()) : text;
        if (e instanceof RuleViolationException r && "INCOMPLETE_DOSSIER".equals(r.reason()) && !r.details().isEmpty()) {
            shown += " " + String.join("; ", r.details());
        }
        add(FacesMessage.SEVERITY_ERROR, null, shown);
    }

    private static void add(FacesMessage.Severity severity, String clientId, String text) {
        FacesContext.getCurrentInstance().addMessage(clientId, new FacesMessage(severity, text, null));
    }
}
