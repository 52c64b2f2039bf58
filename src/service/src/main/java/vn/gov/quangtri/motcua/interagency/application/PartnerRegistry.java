package vn.gov.quangtri.motcua.interagency.application;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import vn.gov.quangtri.motcua.account.application.AccessControl;
import vn.gov.quangtri.motcua.account.domain.AccessScope;
import vn.gov.quangtri.motcua.account.domain.Role;
import vn.gov.quangtri.motcua.agency.domain.Agency;
import vn.gov.quangtri.motcua.audit.domain.AdminArea;
import vn.gov.quangtri.motcua.audit.domain.AdminChange;
import vn.gov.quangtri.motcua.interagency.domain.EndpointStyle;
import vn.gov.quangtri.motcua.interagency.domain.PartnerSystem;
import vn.gov.quangtri.motcua.shared.domain.ConflictException;
import vn.gov.quangtri.motcua.shared.domain.ForbiddenException;
import vn.gov.quangtri.motcua.shared.domain.NotFoundException;
import vn.gov.quangtri.motcua.shared.domain.RuleViolationException;

/**
 * The registry of partner systems (docs/domain.md §7): registration and changes by system administrators
 * (audited, area PARTNER), and authentication of inbound calls by API key. API keys are 32 random bytes
 * (base64url, 43 characters), shown once; only their SHA-256 hash is stored and compared in constant time.
 */
@Stateless
public class PartnerRegistry {

    private static final SecureRandom RANDOM = new SecureRandom();

    @PersistenceContext(unitName = "motcua")
    private EntityManager em;

    @EJB
    private AccessControl access;

    @Inject
    private Clock clock;

    /** The endpoint and credential policy; null: the server's configuration ({@link PartnerPolicy#configured}). */
    PartnerPolicy policy;

    /**
     * Registers a partner system and issues its API key.
     *
     * @throws ForbiddenException      {@code ROLE_REQUIRED} unless a system administrator
     * @throws RuleViolationException  {@code INVALID_PARTNER} (also an endpoint or credential reference outside
     *                                 {@link PartnerPolicy}), {@code UNKNOWN_AGENCY}
     * @throws ConflictException       {@code PARTNER_EXISTS}; {@value #PARTNER_DUPLICATE} when an active partner already
     *                                 serves one of the agencies at the same endpoint in the same style
     */
    public PartnerRegistration register(PartnerSpec spec, String actor) {
        String who = admin(actor);
        requirePolicy(spec);
        requireAgencies(spec.agencyCodes());
        if (spec.code() != null && em.find(PartnerSystem.class, spec.code()) != null) {
            throw new ConflictException("PARTNER_EXISTS", "A partner system with code " + spec.code() + " exists");
        }
        requireNoDuplicate(spec);
        String key = newKey();
        PartnerSystem p = new PartnerSystem(spec.code(), spec.name(), spec.agencyCodes(), spec.endpointUrl(),
            spec.style(), spec.outboundCredentialRef(), PartnerSystem.hashKey(key), clock.instant());
        em.persist(p);
        audit(who, "PARTNER_REGISTER", p, "Đăng ký hệ thống đối tác liên thông");
        em.flush();
        return new PartnerRegistration(p, key);
    }

    /**
     * Changes a partner's name, agencies, endpoint, style, credential reference and active flag, audited with the
     * administrator's reason like the other audited administrator changes (issue 16).
     *
     * @param reason why (request, decision number), required; recorded in the audit
     * @throws RuleViolationException {@code REASON_REQUIRED}, {@code INVALID_PARTNER} (also outside
     *                                {@link PartnerPolicy}), {@code UNKNOWN_AGENCY}
     * @throws ConflictException      {@value #PARTNER_DUPLICATE} when kept active while another active partner serves
     *                                one of its agencies at the same endpoint in the same style
     */
    public PartnerSystem update(PartnerSpec spec, boolean active, String actor, String reason) {
        String who = admin(actor);
        String why = AdminChange.requireReason(reason);
        requireAgencies(spec.agencyCodes());
        PartnerSystem p = find(spec.code());
        em.lock(p, LockModeType.PESSIMISTIC_WRITE);
        // Taking a partner out of service is always possible, even one registered before the policy: only an
        // active partner, or a new endpoint or credential reference, must satisfy it.
        if (active || !java.util.Objects.equals(p.endpointUrl(), spec.endpointUrl() == null ? null : spec.endpointUrl().strip())
            || !java.util.Objects.equals(p.outboundCredentialRef(), spec.outboundCredentialRef())) {
            requirePolicy(spec);
        }
        if (active) {
            requireNoDuplicate(spec);
        }
        String before = describe(p);
        p.update(spec.name(), spec.agencyCodes(), spec.endpointUrl(), spec.style(), spec.outboundCredentialRef(), active);
        audit(who, "PARTNER_UPDATE", p, why, (active ? "Sửa thông tin hệ thống đối tác" : "Ngừng kết nối hệ thống"
            + " đối tác") + ". Trước: " + before + " | Sau: " + describe(p));
        em.flush();
        return p;
    }

    /** Issues a new API key for a partner; the old one stops working at once. */
    public String rotateKey(String code, String actor) {
        String who = admin(actor);
        PartnerSystem p = find(code);
        String key = newKey();
        p.replaceKeyHash(PartnerSystem.hashKey(key));
        audit(who, "PARTNER_ROTATE_KEY", p, "Cấp lại khóa API");
        em.flush();
        return key;
    }

    /**
     * Registers this installation as its own partner, for running two agencies on one deployment
     * (tests, demonstration): {@code senderCode} speaks for the agencies that transfer dossiers,
     * {@code receiverCode} for the co-operating agencies, both at {@code endpointUrl}. A message to the
     * receiver is presented with the sender's key and vice versa, so each partner's outbound credential
     * reference names the other's key alias ({@code motcua-partner-<code>}).
     *
     * @return the sender's and the receiver's registration, in that order
     */
    public List<PartnerRegistration> registerLoopback(String senderCode, Set<String> senderAgencies, String receiverCode,
                                                      Set<String> receiverAgencies, String endpointUrl,
                                                      EndpointStyle style, String actor) {
        PartnerRegistration sender = register(new PartnerSpec(senderCode, "Loopback: " + senderCode, senderAgencies,
            endpointUrl, style, alias(receiverCode)), actor);
        PartnerRegistration receiver = register(new PartnerSpec(receiverCode, "Loopback: " + receiverCode,
            receiverAgencies, endpointUrl, style, alias(senderCode)), actor);
        return List.of(sender, receiver);
    }

    /** The password-alias name under which the key presented as partner {@code code} is kept. */
    public static String alias(String code) {
        return "motcua-partner-" + code.toLowerCase(java.util.Locale.ROOT);
    }

    /**
     * The partner presenting this API key.
     *
     * @throws ForbiddenException {@code PARTNER_UNAUTHENTICATED} for an unknown key or an inactive partner
     *                            (one answer for both, so keys cannot be probed)
     */
    public PartnerSystem authenticate(String apiKey) {
        if (apiKey != null && !apiKey.isBlank()) {
            List<PartnerSystem> found = em.createNamedQuery("PartnerSystem.byKeyHash", PartnerSystem.class)
                .setParameter("hash", PartnerSystem.hashKey(apiKey.strip())).getResultList();
            for (PartnerSystem p : found) {
                if (p.keyMatches(apiKey.strip()) && p.active()) {
                    return p;
                }
            }
        }
        throw new ForbiddenException("PARTNER_UNAUTHENTICATED", "Unknown API key or inactive partner system");
    }

    /** Every partner system, by code (administrators). */
    public List<PartnerSystem> list() {
        access.current().requireAny(Role.SYSTEM_ADMIN);
        return em.createNamedQuery("PartnerSystem.all", PartnerSystem.class).getResultList();
    }

    /** A partner system by code (system scope or administrators; for the outbox sender). */
    public java.util.Optional<PartnerSystem> partner(String code) {
        access.current().requireAny(Role.SYSTEM_ADMIN);
        return java.util.Optional.ofNullable(code == null ? null : em.find(PartnerSystem.class, code));
    }

    /**
     * The active partner system serving an agency (the one a transfer to it goes to).
     *
     * @throws RuleViolationException {@code NO_PARTNER_FOR_AGENCY}
     */
    public PartnerSystem serving(String agencyCode) {
        List<PartnerSystem> found = em.createNamedQuery("PartnerSystem.servingAgency", PartnerSystem.class)
            .setParameter("agency", agencyCode).getResultList();
        if (found.isEmpty()) {
            throw new RuleViolationException("NO_PARTNER_FOR_AGENCY",
                "No active partner system serves agency " + agencyCode + "; an administrator must register one");
        }
        return found.get(0);
    }

    private PartnerSystem find(String code) {
        PartnerSystem p = code == null ? null : em.find(PartnerSystem.class, code);
        if (p == null) {
            throw new NotFoundException("partner system", code);
        }
        return p;
    }

    private String admin(String actor) {
        AccessScope scope = access.current();
        scope.requireAny(Role.SYSTEM_ADMIN);
        return AdminChange.requireActor(scope == AccessScope.SYSTEM ? actor : scope.username());
    }

    /**
     * Refuses an endpoint or credential reference the policy does not allow (security issue 16 §1): an endpoint host
     * written in no proper form (zone id, single-number or hexadecimal IPv4) as malformed input
     * ({@code INVALID_INPUT}, answered 400), the rest as {@code INVALID_PARTNER} (422).
     */
    private void requirePolicy(PartnerSpec spec) {
        PartnerPolicy p = policy == null ? PartnerPolicy.configured() : policy;
        java.util.Optional<String> form = p.addressFormProblem(spec.endpointUrl());
        if (form.isPresent()) {
            throw new RuleViolationException("INVALID_INPUT", "Partner endpoint address malformed: " + form.get(),
                List.of(form.get()));
        }
        List<String> errors = p.registrationProblems(spec.endpointUrl(), spec.outboundCredentialRef());
        if (!errors.isEmpty()) {
            throw new RuleViolationException("INVALID_PARTNER", "Partner system data invalid: " + errors, errors);
        }
    }

    /** Reason of a registration that repeats an active one (answered 409). */
    public static final String PARTNER_DUPLICATE = "PARTNER_DUPLICATE";

    /**
     * Refuses a second active registration of the same remote system for the same agency (issue 16, fresh-user
     * trial): another active partner that serves one of the agencies at the same endpoint ({@link #sameEndpoint}) in
     * the same style. Several partners may serve one agency otherwise (docs/interagency.md "Registering partners":
     * a system reached over REST and over SOAP, a successor registered before its predecessor is taken out of
     * service); a transfer goes to the first active one by code ({@link #serving}).
     *
     * @throws ConflictException {@value #PARTNER_DUPLICATE} naming the partner and the agency
     */
    private void requireNoDuplicate(PartnerSpec spec) {
        if (spec.agencyCodes() == null || spec.endpointUrl() == null) {
            return;
        }
        for (String agency : new TreeSet<>(spec.agencyCodes())) {
            for (PartnerSystem other : em.createNamedQuery("PartnerSystem.servingAgency", PartnerSystem.class)
                    .setParameter("agency", agency).getResultList()) {
                if (!other.code().equals(spec.code()) && other.style() == spec.style()
                        && sameEndpoint(other.endpointUrl(), spec.endpointUrl())) {
                    throw new ConflictException(PARTNER_DUPLICATE, "Partner system " + other.code() + " already serves"
                        + " agency " + agency + " at " + other.endpointUrl() + " (" + other.style() + "); change that"
                        + " registration, or take it out of service first, instead of registering the system twice");
                }
            }
        }
    }

    /**
     * Whether two endpoint URLs name the same address: scheme and host compared without case, the default port
     * (443, 80) equal to none, a trailing slash of the path ignored.
     */
    static boolean sameEndpoint(String a, String b) {
        return a != null && b != null && endpointKey(a).equals(endpointKey(b));
    }

    private static String endpointKey(String url) {
        String u = url.strip();
        try {
            java.net.URI uri = new java.net.URI(u);
            if (uri.getScheme() == null || uri.getHost() == null) {
                return u;
            }
            String scheme = uri.getScheme().toLowerCase(java.util.Locale.ROOT);
            int port = uri.getPort() >= 0 ? uri.getPort() : scheme.equals("https") ? 443 : scheme.equals("http") ? 80 : -1;
            String path = uri.getRawPath() == null ? "" : uri.getRawPath().replaceAll("/+$", "");
            return scheme + "://" + uri.getHost().toLowerCase(java.util.Locale.ROOT) + ":" + port + path
                + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
        } catch (java.net.URISyntaxException e) {
            return u;
        }
    }

    private void requireAgencies(Set<String> codes) {
        if (codes == null) {
            return;
        }
        Set<String> unknown = new TreeSet<>();
        for (String c : codes) {
            if (c == null || em.find(Agency.class, c) == null) {
                unknown.add(String.valueOf(c));
            }
        }
        if (!unknown.isEmpty()) {
            throw new RuleViolationException("UNKNOWN_AGENCY", "Unknown agencies: " + unknown,
                unknown.stream().map(c -> "agencyCodes: " + c).toList());
        }
    }

    private void audit(String who, String action, PartnerSystem p, String reason) {
        audit(who, action, p, reason, describe(p));
    }

    private void audit(String who, String action, PartnerSystem p, String reason, String details) {
        em.persist(new AdminChange(clock.instant(), who, AdminArea.PARTNER, action, p.code(), reason, details));
    }

    /** A partner's registration as audited: never a secret, only the name of the credential reference. */
    private static String describe(PartnerSystem p) {
        return p.name() + "; " + p.agencyCodes() + "; " + p.style() + " " + p.endpointUrl() + "; khóa gửi đi: "
            + (p.outboundCredentialRef() == null ? "không có" : p.outboundCredentialRef()) + "; "
            + (p.active() ? "đang hoạt động" : "ngừng hoạt động");
    }

    private static String newKey() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
