package vn.gov.quangtri.motcua.rating.application;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import vn.gov.quangtri.motcua.account.application.AccessControl;
import vn.gov.quangtri.motcua.account.domain.AccessScope;
import vn.gov.quangtri.motcua.account.domain.Role;
import vn.gov.quangtri.motcua.dossier.application.DossierStore;
import vn.gov.quangtri.motcua.dossier.application.PublicLookup;
import vn.gov.quangtri.motcua.dossier.domain.Dossier;
import vn.gov.quangtri.motcua.dossier.domain.DossierStatus;
import vn.gov.quangtri.motcua.rating.domain.Rating;
import vn.gov.quangtri.motcua.rating.domain.RatingChannel;
import vn.gov.quangtri.motcua.rating.domain.RatingCriterion;
import vn.gov.quangtri.motcua.rating.domain.RatingLevel;
import vn.gov.quangtri.motcua.rating.domain.RatingReport;
import vn.gov.quangtri.motcua.reporting.domain.ReportPeriod;
import vn.gov.quangtri.motcua.shared.domain.ConflictException;
import vn.gov.quangtri.motcua.shared.domain.ForbiddenException;
import vn.gov.quangtri.motcua.shared.domain.NotFoundException;

/**
 * Citizens' satisfaction ratings (issue 13 §2; Decree 61/2018/NĐ-CP art. 32–33; docs/domain.md §2.13): one rating
 * per returned dossier, from the public link (code + the slip's secret, no sign-in) or from the unit's kiosk (a
 * device account with the role {@link Role#KIOSK}); and the statistics for managers. A rating never changes the
 * dossier (nor its version); the dossier row is locked while rating so that two simultaneous ratings of one
 * dossier are stored one after the other (the second is refused), and the unique {@code rating.dossier_code}
 * (V22) is the last guard.
 */
@Stateless
public class RatingService {

    @PersistenceContext(unitName = "motcua")
    private EntityManager em;

    @EJB
    private PublicLookup lookup;

    @Inject
    private DossierStore dossiers;

    @EJB
    private AccessControl access;

    @Inject
    private Clock clock;

    @EJB
    private KioskInvitations invitations;

    /**
     * A citizen rates from the public link (code + secret of the receipt slip).
     *
     * @param code    dossier code as presented
     * @param token   the slip's secret as presented
     * @param answers raw answer per criterion (at least one)
     * @param comment optional free text
     * @return the stored rating, or empty for a wrong secret, an unknown or partial code or a child dossier (the
     *         caller answers exactly as a failed lookup)
     * @throws ConflictException {@code ALREADY_RATED}, {@code NOT_RETURNED}; nothing is stored
     * @throws vn.gov.quangtri.motcua.shared.domain.RuleViolationException {@code NO_ANSWER}, {@code COMMENT_TOO_LONG}
     */
    public Optional<Rating> rateWithToken(String code, String token, Map<RatingCriterion, RatingLevel> answers,
                                          String comment) {
        Optional<Dossier> d = lookup.verified(code, token);
        if (d.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(rate(d.get(), RatingChannel.PUBLIC_LINK, answers, comment));
    }

    /**
     * The kiosk of a unit rates a dossier its unit tree received (the citizen's receipt barcode scanned at the desk).
     *
     * @throws NotFoundException  for an unknown code, a child dossier of a transfer or another unit's dossier (all
     *                            alike)
     * @throws ForbiddenException {@code ROLE_REQUIRED} unless the caller is a kiosk device account
     * @throws ConflictException  {@code ALREADY_RATED}, {@code NOT_RETURNED}
     */
    public Rating rateAtKiosk(String code, Map<RatingCriterion, RatingLevel> answers, String comment) {
        Dossier d = kioskDossier(code);
        return rate(d, RatingChannel.KIOSK, answers, comment);
    }

    /**
     * What the kiosk shows once a code is scanned: whether the dossier can be rated now, and its procedure and unit
     * (nothing about the applicant).
     *
     * @throws NotFoundException  for an unknown code, a child dossier or another unit's dossier
     * @throws ForbiddenException {@code ROLE_REQUIRED} as {@link #rateAtKiosk}
     */
    public KioskDossier kioskView(String code) {
        Dossier d = kioskDossier(code);
        return new KioskDossier(d.code(), d.snapshot().name(), d.receivingAgencyName(), d.status() == DossierStatus.RETURNED,
            rated(d.code()));
    }

    /**
     * What the kiosk shows for a scanned dossier.
     *
     * @param code          dossier code
     * @param procedureName procedure name
     * @param unitName      receiving unit
     * @param returned      whether the result was handed over (only then it can be rated)
     * @param rated         whether it was rated already
     */
    public record KioskDossier(String code, String procedureName, String unitName, boolean returned, boolean rated) {
    }

    /**
     * A desk officer invites the citizen in front of him to rate a returned dossier at the unit's kiosk ("Mời đánh
     * giá tại kiosk"): the next kiosk of the unit tree that polls shows it (within {@link KioskInvitations#TIMEOUT}).
     *
     * @throws NotFoundException  unknown dossier, or one outside the scope
     * @throws ForbiddenException {@code ROLE_REQUIRED} (desk officers of the receiving unit)
     * @throws ConflictException  {@code NOT_RETURNED}, {@code ALREADY_RATED}
     */
    public void inviteAtKiosk(String code) {
        AccessScope scope = access.current();
        Dossier d = dossiers.find(code, scope);
        scope.requireAny(Role.DESK_OFFICER);
        if (d.status() != DossierStatus.RETURNED) {
            throw new ConflictException("NOT_RETURNED", "Dossier " + code + " has not been returned: it cannot be rated yet");
        }
        if (rated(d.code())) {
            throw new ConflictException("ALREADY_RATED", "Dossier " + code + " has been rated already");
        }
        invitations.invite(d.receivingAgency().code(), d.code(), clock.instant());
    }

    /** The dossier a desk officer invited to this kiosk's unit tree, taken (once), or empty. */
    public Optional<KioskDossier> takeInvitation() {
        Set<String> units = access.kioskUnits();
        return invitations.take(units, clock.instant()).map(this::kioskView);
    }

    /** Whether a dossier was rated (the public page, after a successful lookup). */
    public boolean rated(String code) {
        return !em.createQuery("SELECT r.id FROM Rating r WHERE r.dossierCode = :code", Long.class)
            .setParameter("code", code).setMaxResults(1).getResultList().isEmpty();
    }

    private Dossier kioskDossier(String code) {
        Set<String> units = access.kioskUnits();
        String key = code == null ? "" : code.strip();
        if (key.isEmpty() || key.length() > 40) {
            throw new NotFoundException("dossier", key);
        }
        Dossier d = dossiers.find(key);
        if (d.origin().child()) {
            throw new NotFoundException("dossier", key);
        }
        if (!units.contains(d.receivingAgency().code())) {
            // Another unit's dossier answers as a code nobody has (issue 16 §2: a kiosk is a public touch screen).
            throw new NotFoundException("dossier", key);
        }
        return d;
    }

    private Rating rate(Dossier found, RatingChannel channel, Map<RatingCriterion, RatingLevel> answers, String comment) {
        Dossier d = dossiers.findForUpdate(found.code());
        if (rated(d.code())) {
            throw new ConflictException("ALREADY_RATED", "Dossier " + d.code() + " has been rated already: one rating"
                + " per dossier");
        }
        Instant now = clock.instant();
        Rating r = Rating.of(d, channel, answers, comment, now, now);
        em.persist(r);
        em.flush();
        return r;
    }

    /**
     * The rating statistics of a period in the caller's scope (issue 13 §2). Any staff account sees the units,
     * criteria and procedures of its unit tree (aggregates only: no dossier, no comment); grouping by officer is
     * for leaders and administrators. A kiosk sees nothing.
     *
     * @param period  the days (Vietnam time) the ratings were given in
     * @param groupBy the grouping
     * @param agency  optional: only this unit and the units under it (must be in the caller's scope)
     * @throws ForbiddenException {@code ROLE_REQUIRED} for a kiosk or for officer grouping without the leader or an
     *                            administrator role, {@code OUT_OF_SCOPE} for an agency outside the scope
     */
    public RatingReport report(ReportPeriod period, RatingReport.Grouping groupBy, String agency) {
        AccessScope scope = access.current();
        scope.requireSignedIn();
        if (scope.kiosk()) {
            throw new ForbiddenException("ROLE_REQUIRED", "A kiosk device account sees no statistics");
        }
        if (groupBy == RatingReport.Grouping.OFFICER) {
            scope.requireAny(Role.LEADER, Role.AGENCY_ADMIN, Role.SYSTEM_ADMIN);
        }
        Set<String> units = null;
        if (agency != null && !agency.isBlank()) {
            scope.requireCovers(agency.strip());
            units = access.unitTree(agency.strip());
        } else if (!scope.everywhere()) {
            units = scope.agencyCodes();
        }
        String jpql = "SELECT DISTINCT r FROM Rating r WHERE r.ratedAt >= :start AND r.ratedAt < :end"
            + (units == null ? "" : " AND r.agencyCode IN :units");
        var q = em.createQuery(jpql, Rating.class)
            .setParameter("start", period.start()).setParameter("end", period.endExclusive());
        if (units != null) {
            if (units.isEmpty()) {
                return RatingReport.of(List.of(), groupBy, u -> u);
            }
            q.setParameter("units", units);
        }
        List<Rating> ratings = q.getResultList();
        Map<String, String> names = new HashMap<>();
        if (groupBy == RatingReport.Grouping.OFFICER) {
            Set<String> officers = new java.util.HashSet<>();
            ratings.forEach(r -> officers.addAll(r.officers()));
            if (!officers.isEmpty()) {
                for (Object[] row : em.createQuery("SELECT a.username, a.fullName FROM UserAccount a WHERE a.username IN :u",
                        Object[].class).setParameter("u", officers).getResultList()) {
                    names.put((String) row[0], (String) row[1]);
                }
            }
        }
        return RatingReport.of(ratings, groupBy, u -> names.getOrDefault(u, u));
    }
}
