package vn.gov.quangtri.motcua.dossier.application;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import vn.gov.quangtri.motcua.dossier.domain.Dossier;
import vn.gov.quangtri.motcua.dossier.infrastructure.DossierRepository;
import vn.gov.quangtri.motcua.dossier.infrastructure.slip.ReceiptSlipPdf;
import vn.gov.quangtri.motcua.shared.domain.ConflictException;

/** Produces the printable one-stop forms of a dossier (so far: form 01, the receipt and appointment slip). */
@Stateless
public class SlipService {

    private static final ReceiptSlipPdf RECEIPT = new ReceiptSlipPdf();

    @Inject
    private DossierRepository dossiers;

    /**
     * The receipt and appointment slip (form 01) as an A4 PDF.
     *
     * @param code dossier code
     * @return PDF bytes
     * @throws vn.gov.quangtri.motcua.shared.domain.NotFoundException for an unknown dossier
     * @throws ConflictException {@code NOT_RECEIVED} while the dossier awaits intake or was refused
     */
    public byte[] receiptSlip(String code) {
        Dossier d = dossiers.find(code);
        if (d.dueAt() == null) {
            throw new ConflictException("NOT_RECEIVED", "Dossier " + code + " has not been received ("
                + d.status() + "): there is no appointment to print");
        }
        return RECEIPT.render(d);
    }
}
