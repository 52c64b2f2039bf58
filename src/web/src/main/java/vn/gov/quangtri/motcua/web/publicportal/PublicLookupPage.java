package vn.gov.quangtri.motcua.web.publicportal;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Optional;
import vn.gov.quangtri.motcua.dossier.application.CitizenView;
import vn.gov.quangtri.motcua.dossier.application.LookupAttempts;
import vn.gov.quangtri.motcua.dossier.application.PublicLookup;
import vn.gov.quangtri.motcua.shared.domain.VietnamTime;
import vn.gov.quangtri.motcua.web.security.ClientAddress;

/**
 * The citizens' public lookup page {@code /public/lookup.xhtml?code=…&token=…[&lang=en]} (issue 13 §1), reached
 * from the receipt's QR code or by typing code and secret. No sign-in and no session: the language comes from the
 * {@code lang} parameter (Vietnamese by default). The same rules as the JSON API: one answer for every failure (HTTP
 * 404), failed attempts limited per client address and code (HTTP 429 with {@code Retry-After}).
 */
@Named
@RequestScoped
public class PublicLookupPage {

    private static final DateTimeFormatter MOMENT = DateTimeFormatter.ofPattern("HH:mm 'ngày' dd/MM/yyyy");
    private static final DateTimeFormatter MOMENT_EN = DateTimeFormatter.ofPattern("HH:mm, dd/MM/yyyy");

    @EJB
    private PublicLookup lookup;

    @EJB
    private LookupAttempts attempts;

    @Inject
    private ClientAddress clientAddress;

    private String code;
    private String token;
    private Locale locale;
    private CitizenView view;
    private boolean notFound;
    private long retryAfter;

    @PostConstruct
    void read() {
        FacesContext faces = FacesContext.getCurrentInstance();
        var params = faces.getExternalContext().getRequestParameterMap();
        code = params.get("code");
        token = params.get("token");
        locale = Locale.forLanguageTag("en".equals(params.get("lang")) ? "en" : "vi");
    }

    /** Runs the lookup when code or secret was given (view action, before rendering). */
    public void load() {
        if (blank(code) && blank(token)) {
            return;
        }
        FacesContext faces = FacesContext.getCurrentInstance();
        HttpServletRequest request = (HttpServletRequest) faces.getExternalContext().getRequest();
        HttpServletResponse response = (HttpServletResponse) faces.getExternalContext().getResponse();
        response.setHeader("Cache-Control", "no-store");
        response.setHeader("Referrer-Policy", "no-referrer");
        String address = clientAddress.of(request);
        retryAfter = attempts.blockedSeconds(address, code);
        if (retryAfter > 0) {
            response.setStatus(429);
            response.setHeader("Retry-After", String.valueOf(retryAfter));
            return;
        }
        Optional<CitizenView> found = lookup.lookup(code, token);
        if (found.isEmpty()) {
            attempts.failed(address, code);
            notFound = true;
            response.setStatus(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        view = found.get();
    }

    /** The same page in the other language, keeping code and secret. */
    public String otherLanguageUrl(String lang) {
        StringBuilder u = new StringBuilder("lookup.xhtml?lang=").append(lang);
        if (!blank(code)) {
            u.append("&code=").append(URLEncoder.encode(code, StandardCharsets.UTF_8));
        }
        if (!blank(token)) {
            u.append("&token=").append(URLEncoder.encode(token, StandardCharsets.UTF_8));
        }
        return u.toString();
    }

    /** A moment in Vietnam time, "14:30 ngày 07/12/2026" (or "14:30, 07/12/2026" in English); "" for null. */
    public String moment(Instant at) {
        if (at == null) {
            return "";
        }
        return ("en".equals(locale.getLanguage()) ? MOMENT_EN : MOMENT).format(VietnamTime.local(at));
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    public Locale getLocale() {
        return locale;
    }

    public String getLang() {
        return locale.getLanguage();
    }

    public String getCode() {
        return code;
    }

    public String getToken() {
        return token;
    }

    public CitizenView getView() {
        return view;
    }

    public boolean isNotFound() {
        return notFound;
    }

    public boolean isBlocked() {
        return retryAfter > 0;
    }

    /** Minutes to wait after too many failures (rounded up). */
    public long getRetryAfterMinutes() {
        return (retryAfter + 59) / 60;
    }
}
