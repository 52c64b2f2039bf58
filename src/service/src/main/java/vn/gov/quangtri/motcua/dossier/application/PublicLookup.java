package vn.gov.quangtri.motcua.dossier.application;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import vn.gov.quangtri.motcua.account.application.AccessControl;
import vn.gov.quangtri.motcua.account.domain.AccessScope;
import vn.gov.quangtri.motcua.account.domain.Role;
import vn.gov.quangtri.motcua.audit.domain.AdminArea;
import vn.gov.quangtri.motcua.audit.domain.AdminChange;
import vn.gov.quangtri.motcua.calendar.application.CalendarService;
import vn.gov.quangtri.motcua.dossier.domain.CitizenStatus;
import vn.gov.quangtri.motcua.dossier.domain.Dossier;
import vn.gov.quangtri.motcua.dossier.domain.DossierStatus;
import vn.gov.quangtri.motcua.dossier.domain.DossierFile;
import vn.gov.quangtri.motcua.dossier.domain.LookupToken;
import vn.gov.quangtri.motcua.dossier.domain.NameMask;
import vn.gov.quangtri.motcua.dossier.infrastructure.DossierRepository;
import vn.gov.quangtri.motcua.dossier.infrastructure.slip.OneStopFormsPdf;
import vn.gov.quangtri.motcua.shared.domain.ConflictException;

/**
 * The citizens' public status lookup (issue 13 §1; docs/domain.md §2.12): the secret token of a dossier (issued at
 * the first print of its receipt slip, reissued by a desk officer) and the citizen's view of the dossier for
 * its code and token. No sign-in is needed to look up; the web layer limits failed attempts
 * ({@link LookupAttempts}).
 */
@Stateless
public class PublicLookup {

    /** Hash compared when the code has no token, so that every lookup does the same work. */
    private static final String NO_HASH = LookupToken.hash("motcua-no-such-token");
    private static final SecureRandom RANDOM = new SecureRandom();

    @PersistenceContext(unitName = "motcua")
    private EntityManager em;

    @Inject
    private DossierRepository dossiers;

    @EJB
    private AccessControl access;

    @EJB
    private CalendarService calendar;

    @Inject
    private Clock clock;

    @EJB
    private DossierFiles files;

    @Inject
    @ConfigProperty(name = "motcua.public.base-url")
    private Optional<String> configuredBase;

    /**
     * The citizen's view of a dossier, when the token is the dossier's current one. A wrong token, an unknown or
     * partial code, a dossier without a token and a child dossier of an inter-agency transfer all give an empty
     * answer after the same work (one primary-key read, one SHA-256, one constant-time comparison).
     *
     * @param code  the dossier code as presented (may be null)
     * @param token the secret as presented, hyphens and case ignored (may be null)
     * @return the view, or empty
     */
    public Optional<CitizenView> lookup(String code, String token) {
        return verified(code, token).map(d -> view(d, clock.instant()));
    }

    /**
     * The dossier of a code when the token is its current one, with the same work and the same empty answer as
     * {@link #lookup} for everything else (used by the public rating, issue 13 §2).
     *
     * @param code  the dossier code as presented (may be null)
     * @param token the secret as presented (may be null)
     * @return the dossier, or empty
     */
    public Optional<Dossier> verified(String code, String token) {
        String presented = LookupToken.hash(token == null ? "" : token);
        String key = code == null ? "" : code.strip();
        LookupToken stored = key.isEmpty() || key.length() > 40 ? null : em.find(LookupToken.class, key);
        boolean equal = stored != null ? stored.matchesHash(presented) : LookupToken.sameHash(NO_HASH, presented);
        if (stored == null || !equal) {
            return Optional.empty();
        }
        Dossier d = dossiers.find(key);
        if (d.origin().child()) {
            return Optional.empty(); // never issued for a child; kept as a guard
        }
        return Optional.of(d);
    }

    /** The citizen's view of a dossier at {@code now} (no check: {@link #lookup} decides who sees it). */
    CitizenView view(Dossier d, Instant now) {
        var cal = calendar.current();
        Countdown c = d.clock().rescheduledDueAt() != null ? Countdown.toNewAppointment(d, now, cal)
            : Countdown.of(d, now, cal);
        CitizenStatus status = CitizenStatus.of(d.status());
        return new CitizenView(d.code(), d.snapshot().name(), d.receivingAgencyName(),
            "Bộ phận Một cửa - " + d.receivingAgencyName(), NameMask.mask(d.applicant().name(), d.applicant().kind()),
            status, CitizenStatus.waitingFor(d.status()), CitizenStatus.itemsToBring(d), d.clock().receivedAt(), d.clock().dueAt(),
            d.clock().rescheduledDueAt(), d.status().isTerminal() ? null : d.clock().pausedAt(), c.vi(), c.en(),
            d.clock().completedAt(), electronicResultOf(d).map(PublicLookup::shown).orElse(null));
    }

    /** The statuses in which the result is final and may be offered to the citizen. */
    private static final java.util.Set<DossierStatus> RESULT_ISSUED =
        java.util.EnumSet.of(DossierStatus.RESULT_READY, DossierStatus.NOT_APPROVED, DossierStatus.RETURNED);

    /**
     * The electronic result a citizen may download: the current result file, once the result is ready (or the reasoned
     * refusal issued) and when the procedure issues its result electronically (issue 15 §2).
     */
    private Optional<DossierFile> electronicResultOf(Dossier d) {
        if (!RESULT_ISSUED.contains(d.status()) || d.procedure() == null || !d.procedure().electronicResult()) {
            return Optional.empty();
        }
        return files.currentResult(d.code());
    }

    private static CitizenView.ElectronicResult shown(DossierFile f) {
        return new CitizenView.ElectronicResult(f.resultTitle(), f.documentNumber(), f.documentDate(),
            f.documentSigner(), f.signature().status().name(), f.signature().signer(), f.signature().signedAt(),
            f.fileName().value(), f.sizeBytes(), f.sha256());
    }

    /**
     * The electronic result's bytes for the holder of the dossier's secret, as {@link #lookup} decides; empty for
     * everything else (a wrong secret, no electronic result yet).
     */
    public Optional<DossierFiles.Download> electronicResult(String code, String token) {
        return verified(code, token).flatMap(this::electronicResultOf).map(f -> files.open(f.dossierCode(), f.id()));
    }

    /**
     * At the print of a receipt slip: a new token when the dossier has none yet (its first print), else null
     * (the secret is known only to whoever holds the first slip). Children of inter-agency transfers get none:
     * the citizen follows the parent. The dossier row is locked (without a version increment) so that two
     * simultaneous first prints do not both issue.
     *
     * @param d a dossier the caller may print (checked by {@link SlipService}; public only because SlipService calls
     *          it through the EJB view)
     * @return the token in clear, or null
     */
    public String issueAtFirstPrint(Dossier d) {
        if (d.origin().child()) {
            return null;
        }
        em.lock(d, LockModeType.PESSIMISTIC_WRITE);
        if (em.find(LookupToken.class, d.code()) != null) {
            return null;
        }
        String token = LookupToken.newToken(RANDOM);
        em.persist(new LookupToken(d.code(), token, clock.instant(), actor()));
        return token;
    }

    /**
     * Whether a token presented to print on a slip is the dossier's current one (a reissued token printed on the
     * new slip; SlipService).
     *
     * @throws ConflictException {@code LOOKUP_TOKEN_MISMATCH} when it is not
     */
    public String requireCurrent(Dossier d, String token) {
        LookupToken stored = em.find(LookupToken.class, d.code());
        if (stored == null || !stored.matchesHash(LookupToken.hash(token))) {
            throw new ConflictException("LOOKUP_TOKEN_MISMATCH", "This is not the current lookup token of dossier "
                + d.code() + ": reissue one");
        }
        return token;
    }

    /**
     * A new token for a dossier (the citizen lost his slip, or the secret leaked); the old one stops working at once.
     * Only a desk officer of the receiving unit (or a system administrator); recorded in the administrative audit
     * (area {@code DOSSIER}, action {@code LOOKUP_TOKEN_REISSUED}; the dossier and its version are not touched).
     *
     * @param code the dossier code
     * @return the new token in clear: shown once, never stored
     * @throws vn.gov.quangtri.motcua.shared.domain.NotFoundException for an unknown dossier or one outside the scope
     * @throws vn.gov.quangtri.motcua.shared.domain.ForbiddenException {@code ROLE_REQUIRED}
     * @throws ConflictException {@code NOT_RECEIVED} before receipt, {@code CHILD_DOSSIER} for a child of a transfer
     */
    public String reissue(String code) {
        AccessScope scope = access.current();
        Dossier d = dossiers.find(code, scope);
        scope.requireAny(Role.DESK_OFFICER, Role.SYSTEM_ADMIN);
        if (d.origin().child()) {
            throw new ConflictException("CHILD_DOSSIER", "Dossier " + code + " is the child of an inter-agency"
                + " transfer: the citizen follows the parent dossier " + d.origin().parentCode());
        }
        if (d.clock().dueAt() == null) {
            throw new ConflictException("NOT_RECEIVED", "Dossier " + code + " has not been received ("
                + d.status() + "): there is no receipt slip");
        }
        em.lock(d, LockModeType.PESSIMISTIC_WRITE);
        String token = LookupToken.newToken(RANDOM);
        Instant now = clock.instant();
        LookupToken stored = em.find(LookupToken.class, d.code());
        String details;
        if (stored == null) {
            em.persist(new LookupToken(d.code(), token, now, actor()));
            details = "issue 1";
        } else {
            stored.reissue(token, now, actor());
            details = "issue " + stored.issueCount();
        }
        em.persist(new AdminChange(now, actor(), AdminArea.DOSSIER, "LOOKUP_TOKEN_REISSUED", d.code(),
            "Cấp lại mã tra cứu hồ sơ", details));
        return token;
    }

    /**
     * The absolute address of the public lookup page: {@code motcua.public.base-url} when set, else the base the
     * request came to, else {@code http://localhost:8080/motcua}; followed by {@code /public/lookup.xhtml}.
     *
     * @param requestBase the application's address as the request reached it (e.g. {@code http://host:8080/motcua}),
     *                    or null
     */
    public String pageUrl(String requestBase) {
        String base = configuredBase.filter(s -> !s.isBlank())
            .orElse(requestBase == null || requestBase.isBlank() ? "http://localhost:8080/motcua" : requestBase);
        while (base.endsWith("/")) {
            base = base.substring(0, base.length() - 1);
        }
        return base + "/public/lookup.xhtml";
    }

    /** The public page's link carrying a code and (when not null) its token, as the receipt's QR code has it. */
    public String link(String code, String token, String requestBase) {
        return new OneStopFormsPdf.PublicLink(pageUrl(requestBase), token).url(code);
    }

    private String actor() {
        return access.current().username();
    }
}
