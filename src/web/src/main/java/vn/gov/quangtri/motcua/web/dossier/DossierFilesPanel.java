package vn.gov.quangtri.motcua.web.dossier;

import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.primefaces.event.FileUploadEvent;
import org.primefaces.model.file.UploadedFile;
import vn.gov.quangtri.motcua.dossier.application.DossierFiles;
import vn.gov.quangtri.motcua.dossier.application.DossierView;
import vn.gov.quangtri.motcua.dossier.application.FileRules;
import vn.gov.quangtri.motcua.dossier.domain.DossierFile;
import vn.gov.quangtri.motcua.dossier.domain.FilePurpose;
import vn.gov.quangtri.motcua.dossier.domain.FileSource;
import vn.gov.quangtri.motcua.web.shell.Actions;
import vn.gov.quangtri.motcua.web.shell.Messages;

/**
 * The dossier page's "Tệp đính kèm" panel (issue 15 §1): scan-and-attach at the desk. The officer chooses the
 * component, the source and the stage (for a result document also its number, date and signer), then drops or picks files (PrimeFaces upload with progress); each file is
 * attached on arrival and listed with its exact name, type, size and pages, with a download link (the API's
 * address, which checks the same scope) and a withdrawal with a reason. The service decides type, size and rights.
 */
@Named
@ViewScoped
public class DossierFilesPanel implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = Logger.getLogger(DossierFilesPanel.class.getName());

    @EJB
    private DossierFiles files;

    @Inject
    private DossierPage page;

    @Inject
    private Actions actions;

    @Inject
    private Messages messages;

    private Integer component;
    private FileSource source = FileSource.DESK_SCAN;
    private FilePurpose purpose = FilePurpose.INTAKE;
    private String withdrawReason;
    private String documentNumber;
    private java.time.LocalDate documentDate;
    private String documentSigner;
    private transient List<DossierFile> listed;

    /** The dossier's files, oldest first (read once per request; empty without a dossier). */
    public List<DossierFile> getFiles() {
        if (listed == null) {
            String code = page.getView() == null ? null : page.getCode();
            listed = code == null ? List.of() : actions.run(() -> files.list(code));
            if (listed == null) {
                listed = List.of();
            }
        }
        return listed;
    }

    /** The dossier's components, to choose which one a file copies. */
    public List<DossierView.DocumentItem> getComponents() {
        return page.getView() == null ? List.of() : page.getView().documents();
    }

    /** Attaches one uploaded file (called once per file by the upload component). */
    public void upload(FileUploadEvent event) {
        UploadedFile uploaded = event.getFile();
        Path temp = null;
        try (InputStream in = uploaded.getInputStream()) {
            temp = Files.createTempFile("motcua-upload-", ".bin");
            Files.copy(in, temp, StandardCopyOption.REPLACE_EXISTING);
            Path content = temp;
            String code = page.getCode();
            DossierFile attached = actions.run(() -> files.attach(code, uploaded.getFileName(), content,
                new DossierFiles.Attachment(component, purpose, source, null, null,
                    purpose == FilePurpose.RESULT
                        ? new DossierFiles.ResultParticulars(documentNumber, documentDate, documentSigner) : null)));
            if (attached != null) {
                messages.info("file.attached", attached.fileName().value());
            }
        } catch (IOException e) {
            LOG.log(Level.WARNING, "An upload could not be read", e);
            messages.error(null, "error.general");
        } finally {
            deleteQuietly(temp);
            listed = null;
        }
    }

    /** Withdraws a file with the reason typed in the panel. */
    public void withdraw(long id) {
        String code = page.getCode();
        String reason = withdrawReason;
        if (actions.run(() -> files.withdraw(code, id, reason)) != null) {
            messages.info("file.withdrawnOk");
            withdrawReason = null;
        }
        listed = null;
    }

    /** Size for the list: bytes as KB or MB with a decimal comma. */
    public String size(long bytes) {
        if (bytes < 1024 * 1024) {
            return String.format(new java.util.Locale("vi"), "%.1f KB", bytes / 1024.0);
        }
        return String.format(new java.util.Locale("vi"), "%.1f MB", bytes / (1024.0 * 1024));
    }

    /** The largest file accepted, in bytes (for the upload component's own check). */
    public long getMaxBytes() {
        return FileRules.current().maxBytes();
    }

    public FileSource[] getSources() {
        return FileSource.values();
    }

    public FilePurpose[] getPurposes() {
        return FilePurpose.values();
    }

    public Integer getComponent() {
        return component;
    }

    public void setComponent(Integer component) {
        this.component = component;
    }

    public FileSource getSource() {
        return source;
    }

    public void setSource(FileSource source) {
        this.source = source;
    }

    public FilePurpose getPurpose() {
        return purpose;
    }

    public void setPurpose(FilePurpose purpose) {
        this.purpose = purpose;
    }

    public String getDocumentNumber() {
        return documentNumber;
    }

    public void setDocumentNumber(String documentNumber) {
        this.documentNumber = documentNumber;
    }

    public java.time.LocalDate getDocumentDate() {
        return documentDate;
    }

    public void setDocumentDate(java.time.LocalDate documentDate) {
        this.documentDate = documentDate;
    }

    public String getDocumentSigner() {
        return documentSigner;
    }

    public void setDocumentSigner(String documentSigner) {
        this.documentSigner = documentSigner;
    }

    public String getWithdrawReason() {
        return withdrawReason;
    }

    public void setWithdrawReason(String withdrawReason) {
        this.withdrawReason = withdrawReason;
    }

    private static void deleteQuietly(Path temp) {
        if (temp != null) {
            try {
                Files.deleteIfExists(temp);
            } catch (IOException ignored) {
                // a temporary file; the system cleans its directory
            }
        }
    }
}
