package vn.gov.quangtri.motcua.web.shell;

import jakarta.enterprise.context.SessionScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.Locale;
import java.util.TimeZone;

/**
 * The screens' language: Vietnamese by default, English on request (kept for the session). Dates are shown
 * as dd/MM/yyyy and times in Asia/Ho_Chi_Minh whatever the server's zone.
 */
@Named
@SessionScoped
public class Language implements Serializable {

    private static final long serialVersionUID = 1L;

    /** Time zone of every date shown. */
    public static final TimeZone ZONE = TimeZone.getTimeZone("Asia/Ho_Chi_Minh");

    private Locale locale = Locale.forLanguageTag("vi");

    public Locale getLocale() {
        return locale;
    }

    public String getCode() {
        return locale.getLanguage();
    }

    public TimeZone getZone() {
        return ZONE;
    }

    /** Switches to {@code vi} or {@code en}; anything else is ignored. */
    public void use(String code) {
        if ("vi".equals(code) || "en".equals(code)) {
            locale = Locale.forLanguageTag(code);
            FacesContext.getCurrentInstance().getViewRoot().setLocale(locale);
        }
    }
}
