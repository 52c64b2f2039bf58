package vn.gov.quangtri.motcua.web.dossier;

import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import java.util.function.Supplier;
import vn.gov.quangtri.motcua.dossier.application.DossierView;
import vn.gov.quangtri.motcua.interagency.application.TransferFiles;
import vn.gov.quangtri.motcua.interagency.application.TransferService;
import vn.gov.quangtri.motcua.interagency.domain.TransferFile;
import vn.gov.quangtri.motcua.interagency.domain.TransferSide;
import vn.gov.quangtri.motcua.interagency.domain.InterAgencyTransfer;
import vn.gov.quangtri.motcua.web.shell.Actions;
import vn.gov.quangtri.motcua.web.shell.Messages;

/**
 * The dossier page's "Liên thông" panel (docs/interagency.md): the dossier's transfers, the legs the signed-in
 * officer may start now, and, on a child dossier, the answers to the sending agency (progress, result,
 * refusal). Reads the panel part of {@link DossierPage}'s view ({@link DossierView.InterAgency}); every action
 * sends the version shown and reloads the page's view. The service checks everything again.
 */
@Named
@ViewScoped
public class DossierTransferPanel implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    private TransferService transferService;

    @Inject
    private DossierPage page;

    @Inject
    private Actions actions;

    @Inject
    private Messages messages;

    @EJB
    private TransferFiles transferFiles;

    private String note;
    private String reason;
    private String transferAgency;
    private String filesOf;
    private List<TransferFile> receivedFiles = List.of();

    /** The panel's content, or null when no dossier is shown. */
    public DossierView.InterAgency getModel() {
        DossierView v = page.getView();
        return v == null ? null : v.interAgency();
    }

    /** Whether the panel is shown: the dossier has a transfer or a leg can be started now. */
    public boolean isShown() {
        DossierView.InterAgency m = getModel();
        return m != null && m.shown();
    }

    /** The transfers, by leg (empty without a dossier). */
    public List<DossierView.TransferLine> getTransfers() {
        DossierView.InterAgency m = getModel();
        return m == null ? List.of() : m.transfers();
    }

    /**
     * On a dossier received by transfer, the files the sender announced and how their download stands (issue 15 §1):
     * read once per dossier and version shown.
     */
    public List<TransferFile> getReceivedFiles() {
        DossierView.InterAgency m = getModel();
        if (m == null || m.transfers().stream().noneMatch(t -> t.side() == TransferSide.RECEIVER)) {
            return List.of();
        }
        String key = page.getCode() + "@" + version();
        if (!key.equals(filesOf)) {
            receivedFiles = transferFiles.ofDossier(page.getCode());
            filesOf = key;
        }
        return receivedFiles;
    }

    /** The legs the signed-in officer may start now (empty without a dossier). */
    public List<DossierView.Leg> getStartableLegs() {
        DossierView.InterAgency m = getModel();
        return m == null ? List.of() : m.startableLegs();
    }

    /** Child dossier: tells the sending agency that the work is in progress. */
    public void reportProgress() {
        String code = page.getCode();
        answerSender(() -> transferService.reportProgress(code, note, version()), "transfer.progressReported");
    }

    /** Child dossier: returns its result (summary in the note) to the sending agency. */
    public void returnToSender() {
        String code = page.getCode();
        answerSender(() -> transferService.returnToSender(code, note, version()), "transfer.resultSent");
    }

    /** Child dossier: refuses the transfer with the reason given. */
    public void refuseTransfer() {
        String code = page.getCode();
        answerSender(() -> transferService.rejectTransfer(code, reason, version()), "transfer.refused");
    }

    private void answerSender(Supplier<InterAgencyTransfer> work, String doneKey) {
        InterAgencyTransfer t = actions.run(work);
        if (t != null) {
            messages.info(doneKey);
            note = null;
            reason = null;
        }
        page.load();
    }

    /** Starts the leg's transfer (to the chosen agency when the leg names only a kind). */
    public void startTransfer(int legPosition) {
        String code = page.getCode();
        String agency = transferAgency == null || transferAgency.isBlank() ? null : transferAgency;
        InterAgencyTransfer t = actions.run(() -> transferService.startTransfer(code, legPosition, agency, note, version()));
        if (t != null) {
            messages.info("transfer.started", t.receivingAgencyName());
            note = null;
            transferAgency = null;
        }
        page.load();
    }

    private Long version() {
        return page.version();
    }

    public String getNote() {
        return note;
    }

    public void setNote(String note) {
        this.note = note;
    }

    public String getReason() {
        return reason;
    }

    public void setReason(String reason) {
        this.reason = reason;
    }

    public String getTransferAgency() {
        return transferAgency;
    }

    public void setTransferAgency(String transferAgency) {
        this.transferAgency = transferAgency;
    }
}
