package vn.gov.quangtri.motcua.dossier.application;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import vn.gov.quangtri.motcua.account.application.AccessControl;
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
        CONTROL_SHEET
    }

    @EJB
    private AccessControl access;

    @EJB
    private vn.gov.quangtri.motcua.account.application.AccountService accounts;

    @Inject
    private DossierRepository dossiers;

    /** Full names of the accounts that acted on the dossier, for the forms' signature lines. */
    private java.util.function.UnaryOperator<String> fullNames(Dossier d) {
        java.util.Set<String> usernames = new java.util.HashSet<>();
        d.history().forEach(e -> usernames.add(e.actor()));
        d.steps().forEach(s -> {
            if (s.completedBy() != null) {
                usernames.add(s.completedBy());
            }
        });
        java.util.Map<String, String> names = accounts.fullNames(usernames);
        return u -> names.getOrDefault(u, u);
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
     *                           request or refusal to print
     */
    public byte[] render(String code, Form form) {
        Dossier d = dossiers.find(code);
        access.current().requireCovers(d.receivingAgency().code());
        if ((form == Form.RECEIPT_SLIP || form == Form.CONTROL_SHEET) && d.dueAt() == null) {
            throw new ConflictException("NOT_RECEIVED", "Dossier " + code + " has not been received ("
                + d.status() + "): there is no appointment to print");
        }
        OneStopFormsPdf forms = new OneStopFormsPdf(fullNames(d));
        try {
            return switch (form) {
                case RECEIPT_SLIP -> forms.receipt(d);
                case SUPPLEMENT_REQUEST -> forms.supplementRequest(d);
                case REFUSAL_SLIP -> forms.refusal(d);
                case APOLOGY -> forms.apology(d);
                case CONTROL_SHEET -> forms.controlSheet(d);
            };
        } catch (IllegalStateException notApplicable) {
            throw new ConflictException("FORM_NOT_APPLICABLE", "Dossier " + code + " has no " + form
                + " to print (status " + d.status() + ")");
        }
    }
}
