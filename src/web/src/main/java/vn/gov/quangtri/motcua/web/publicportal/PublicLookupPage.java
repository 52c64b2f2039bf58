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
import vn.gov.quangtri.motcua.dossier.domain.CitizenStatus;
import vn.gov.quangtri.motcua.rating.application.RatingService;
import vn.gov.quangtri.motcua.rating.domain.RatingCriterion;
import vn.gov.quangtri.motcua.rating.domain.RatingLevel;
import vn.gov.quangtri.motcua.shared.domain.DomainException;
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

    @EJB
    private RatingService ratings;

    /** Levels offered on the page (the three every channel has). */
    private static final java.util.List<RatingLevel> LEVELS = java.util.List.of(RatingLevel.VERY_SATISFIED,
        RatingLevel.SATISFIED, RatingLevel.NOT_SATISFIED);

    private boolean rated;
    private boolean ratedNow;
    private String ratingError;

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

    /**
     * Runs the lookup when the secret was given (view action, before rendering). A link with the code only (as in
     * the e-mails and SMS, which never carry the secret) opens the form with the code filled in: it is not a failed
     * lookup, so opening it from a mail scanner or many devices never locks the citizen out.
     */
    public void load() {
        if (blank(token)) {
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
        if (view.status() == CitizenStatus.RETURNED) {
            if ("POST".equals(request.getMethod()) && "1".equals(request.getParameter("rate"))) {
                rate(request);
            }
            rated = ratings.rated(view.code());
        }
    }

    /**
     * The rating form's answers ({@code a_<CRITERION>=<LEVEL>}, issue 13 §2) sent with code and secret: stored once;
     * an unknown criterion or level is ignored, no answer at all is refused.
     */
    private void rate(HttpServletRequest request) {
        java.util.Map<RatingCriterion, RatingLevel> answers = new java.util.EnumMap<>(RatingCriterion.class);
        for (RatingCriterion c : RatingCriterion.values()) {
            String level = request.getParameter("a_" + c.name());
            for (RatingLevel l : RatingLevel.values()) {
                if (l.name().equals(level)) {
                    answers.put(c, l);
                }
            }
        }
        if (answers.isEmpty()) {
            ratingError = "NO_ANSWER";
            return;
        }
        String comment = request.getParameter("comment");
        try {
            ratedNow = ratings.rateWithToken(code, token, answers,
                comment == null ? null : comment.substring(0, Math.min(comment.length(), 1000))).isPresent();
        } catch (DomainException e) {
            ratingError = e.reason();
        } catch (jakarta.ejb.EJBException e) {
            ratingError = "ALREADY_RATED"; // the unique constraint of a simultaneous second rating
        }
    }

    /** Whether the rating form is shown: the result was handed over and nobody rated yet. */
    public boolean isCanRate() {
        return view != null && view.status() == CitizenStatus.RETURNED && !rated;
    }

    public boolean isRated() {
        return rated;
    }

    public boolean isRatedNow() {
        return ratedNow;
    }

    /** Why the rating was refused (a reason code), or null. */
    public String getRatingError() {
        return ratingError;
    }

    public java.util.List<RatingCriterion> getCriteria() {
        return java.util.List.of(RatingCriterion.values());
    }

    public java.util.List<RatingLevel> getLevels() {
        return LEVELS;
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

    /**
     * The download address of the electronic result (issue 15 §2), with the code and secret the page was opened
     * with; relative to the application.
     */
    public String getResultUrl() {
        java.nio.charset.Charset utf8 = java.nio.charset.StandardCharsets.UTF_8;
        return FacesContext.getCurrentInstance().getExternalContext().getRequestContextPath()
            + "/api/v1/public/lookup/result?code=" + java.net.URLEncoder.encode(code == null ? "" : code, utf8)
            + "&token=" + java.net.URLEncoder.encode(token == null ? "" : token, utf8);
    }

    /** Size of the electronic result for people: "245 KB" / "1,2 MB". */
    public String size(long bytes) {
        if (bytes < 1024 * 1024) {
            return Math.max(1, Math.round(bytes / 1024.0)) + " KB";
        }
        return String.format(locale, "%.1f MB", bytes / (1024.0 * 1024.0));
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
