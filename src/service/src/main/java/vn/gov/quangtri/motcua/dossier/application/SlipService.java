package vn.gov.quangtri.motcua.dossier.application;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import vn.gov.quangtri.motcua.account.application.AccessControl;
import vn.gov.quangtri.motcua.account.domain.Role;
import vn.gov.quangtri.motcua.account.domain.UserAccount;
import vn.gov.quangtri.motcua.dossier.domain.Dossier;
import vn.gov.quangtri.motcua.dossier.infrastructure.DossierRepository;
import vn.gov.quangtri.motcua.dossier.infrastructure.slip.OneStopFormsPdf;
import vn.gov.quangtri.motcua.shared.domain.ConflictException;

/** Produces the printable one-stop forms of a dossier as A4 PDFs (Circular 03/2025/TT-VPCP Appendix I). */
@Stateless
public class SlipService {

    /** The forms available so far, with their number in Circular 03/2025/TT-VPCP. */
    public enum Form {
        /** 01 Giấy tiếp nhận hồ sơ và hẹn trả kết quả. */
        RECEIPT_SLIP,
        /** 02 Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ. */
        SUPPLEMENT_REQUEST,
        /** 03 Phiếu từ chối tiếp nhận giải quyết hồ sơ. */
        REFUSAL_SLIP,
        /** 04 Phiếu xin lỗi và hẹn lại ngày trả kết quả. */
        APOLOGY,
        /** 06 Phiếu kiểm soát quá trình giải quyết hồ sơ. */
        CONTROL_SHEET,
        /** Văn bản trả lời / thông báo không giải quyết (dossier NOT_APPROVED, with the reason). */
        REJECTION_REPLY
    }

    @EJB
    private AccessControl access;

    @Inject
    private DossierRepository dossiers;

    @PersistenceContext(unitName = "motcua")
    private EntityManager em;

    @EJB
    private PublicLookup lookups;

    /**
     * The forms writer for a dossier: full names of the accounts that acted on it, which of them are leaders,
     * and the active leaders of its receiving agency (who sign for the head of the agency).
     */
    private OneStopFormsPdf formsFor(Dossier d) {
        java.util.Set<String> usernames = new java.util.HashSet<>();
        d.history().forEach(e -> usernames.add(e.actor()));
        d.steps().forEach(s -> {
            if (s.completedBy() != null) {
                usernames.add(s.completedBy());
            }
        });
        java.util.Map<String, String> names = new java.util.HashMap<>();
        java.util.Set<String> leaders = new java.util.HashSet<>();
        java.util.List<String> agencyLeaders = new java.util.ArrayList<>();
        for (UserAccount a : em.createQuery("SELECT a FROM UserAccount a WHERE a.username IN :names"
                + " OR a.agency.code = :agency", UserAccount.class)
                .setParameter("names", usernames.isEmpty() ? java.util.Set.of("") : usernames)
                .setParameter("agency", d.receivingAgency().code()).getResultList()) {
            names.put(a.username(), a.fullName());
            if (a.hasRole(Role.LEADER)) {
                leaders.add(a.username());
                if (a.active() && a.agency().code().equals(d.receivingAgency().code())) {
                    agencyLeaders.add(a.username());
                }
            }
        }
        agencyLeaders.sort(null);
        return new OneStopFormsPdf(u -> names.getOrDefault(u, u), leaders::contains, agencyLeaders);
    }

    /** The public lookup to print on a receipt slip; null for a child dossier (bare code). */
    private OneStopFormsPdf.PublicLink publicLink(Dossier d, String requestBase, String lookupToken) {
        if (d.origin().child()) {
            return null;
        }
        String token = lookupToken != null && !lookupToken.isBlank() ? lookups.requireCurrent(d, lookupToken.strip())
            : lookups.issueAtFirstPrint(d);
        return new OneStopFormsPdf.PublicLink(lookups.pageUrl(requestBase), token);
    }

    /**
     * One form of a dossier as PDF.
     *
     * @param code dossier code
     * @param form which form
     * @return PDF bytes
     * @throws vn.gov.quangtri.motcua.shared.domain.NotFoundException for an unknown dossier
     * @throws ConflictException {@code NOT_RECEIVED} for a receipt slip or control sheet of a dossier without
     *                           an appointment; {@code FORM_NOT_APPLICABLE} when the dossier has no supplement
     *                           request, refusal, apology or rejection to print
     */
    public byte[] render(String code, Form form) {
        return render(code, form, null, null);
    }

    /**
     * One form of a dossier as PDF; the receipt slip (form 01) carries the public lookup (issue 13 §1): at its
     * first print a new secret token is issued, printed and put in the QR code as a link to the public page
     * ({@link PublicLookup#pageUrl}); later prints carry the link with the code only, unless the caller presents
     * the current token (after a reissue, {@link PublicLookup#reissue}). A child dossier of a transfer keeps the
     * bare code.
     *
     * @param code        dossier code
     * @param form        which form
     * @param requestBase the application's address as the request reached it, for the public link (may be null)
     * @param lookupToken a token to print on the receipt slip (must be the current one), or null
     * @return PDF bytes
     * @throws ConflictException as {@link #render(String, Form)}, and {@code LOOKUP_TOKEN_MISMATCH} for a token that
     *                           is not the dossier's current one
     */
    public byte[] render(String code, Form form, String requestBase, String lookupToken) {
        Dossier d = dossiers.find(code, access.current());
        if ((form == Form.RECEIPT_SLIP || form == Form.CONTROL_SHEET) && d.clock().dueAt() == null) {
            throw new ConflictException("NOT_RECEIVED", "Dossier " + code + " has not been received ("
                + d.status() + "): there is no appointment to print");
        }
        OneStopFormsPdf forms = formsFor(d);
        try {
            return switch (form) {
                case RECEIPT_SLIP -> forms.receipt(d, publicLink(d, requestBase, lookupToken));
                case SUPPLEMENT_REQUEST -> forms.supplementRequest(d);
                case REFUSAL_SLIP -> forms.refusal(d);
                case APOLOGY -> forms.apology(d);
                case CONTROL_SHEET -> forms.controlSheet(d);
                case REJECTION_REPLY -> forms.rejectionReply(d);
            };
        } catch (IllegalStateException notApplicable) {
            throw new ConflictException("FORM_NOT_APPLICABLE", "Dossier " + code + " has no " + form
                + " to print (status " + d.status() + ")");
        }
    }
}
