package vn.gov.quangtri.motcua.web.desk;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.Serializable;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import vn.gov.quangtri.motcua.calendar.application.CalendarService;
import vn.gov.quangtri.motcua.calendar.domain.Appointment;
import vn.gov.quangtri.motcua.catalogue.application.CatalogueService;
import vn.gov.quangtri.motcua.catalogue.domain.DocumentForm;
import vn.gov.quangtri.motcua.catalogue.domain.Procedure;
import vn.gov.quangtri.motcua.catalogue.domain.RequiredDocument;
import vn.gov.quangtri.motcua.dossier.application.ApplicantDossiers;
import vn.gov.quangtri.motcua.dossier.application.IntakeOutcome;
import vn.gov.quangtri.motcua.dossier.application.IntakeRequest;
import vn.gov.quangtri.motcua.dossier.application.IntakeService;
import vn.gov.quangtri.motcua.dossier.domain.Applicant;
import vn.gov.quangtri.motcua.dossier.domain.Channel;
import vn.gov.quangtri.motcua.dossier.domain.DocumentLine;
import vn.gov.quangtri.motcua.dossier.domain.Dossier;
import vn.gov.quangtri.motcua.shared.domain.DomainException;
import vn.gov.quangtri.motcua.shared.domain.VietnamTime;
import vn.gov.quangtri.motcua.web.shell.Actions;
import vn.gov.quangtri.motcua.web.shell.CurrentUser;
import vn.gov.quangtri.motcua.web.shell.Messages;

/**
 * The reception desk (issue 3 §2): pick the procedure by typing part of its name with or without
 * diacritics (đ = d, docs/cases.md C15) or its code; tick the components handed in from the required-documents
 * checklist; capture the applicant; then receive (dossier code, appointment and the receipt slip, form
 * 01), record a supplement request listing every missing component (form 02), or refuse with reasons
 * (form 03). The dossier is received at the officer's own unit. After a successful action the browser
 * is redirected to the dossier (post-redirect-get), so F5 or a double click cannot receive it twice (C21).
 *
 * <p>Size: just above 400 lines because the intake form has many fields (applicant, documents, outcome, receipt
 * time), each with its accessors, and the duplicate-applicant warning; the rules live in {@code IntakeService}.
 */
@Named
@ViewScoped
public class ReceptionPage implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    private CatalogueService catalogue;

    @EJB
    private IntakeService intake;

    @EJB
    private CalendarService calendars;

    @EJB
    private ApplicantDossiers applicantDossiers;

    @Inject
    private Actions actions;

    @Inject
    private Messages messages;

    @Inject
    private CurrentUser user;

    @Inject
    private Clock clock;

    private String procedureCode;
    private String procedureName;
    private String timeLimitText;
    private Long feeVnd;
    private Instant appointmentPreview;
    private final Map<String, String> labels = new LinkedHashMap<>();
    private List<DocumentRow> documents = new ArrayList<>();

    private Applicant.Kind applicantKind = Applicant.Kind.INDIVIDUAL;
    private String applicantName;
    private String idNumber;
    private String phone;
    private String email;
    /** The language of the applicant's notifications: vi (default) or en. */
    private String applicantLanguage = "vi";
    private String address;
    private Channel channel = Channel.DIRECT;
    private String otherMissing;
    private String refusalReason;
    private String note;
    private java.time.LocalDateTime receivedAt;
    private List<ApplicantDossiers.OtherOpenDossier> otherOpenDossiers = List.of();

    /** A line of the checklist: a required component and whether (and how many) was handed in. */
    public static class DocumentRow implements Serializable {
        private static final long serialVersionUID = 1L;
        private final int position;
        private final String name;
        private DocumentForm form;
        private int quantity;
        private boolean provided;

        DocumentRow(int position, String name, DocumentForm form, int quantity) {
            this.position = position;
            this.name = name;
            this.form = form;
            this.quantity = quantity;
        }

        public int getPosition() {
            return position;
        }

        public String getName() {
            return name;
        }

        public DocumentForm getForm() {
            return form;
        }

        public void setForm(DocumentForm form) {
            this.form = form;
        }

        public int getQuantity() {
            return quantity;
        }

        public void setQuantity(int quantity) {
            this.quantity = quantity;
        }

        public boolean isProvided() {
            return provided;
        }

        public void setProvided(boolean provided) {
            this.provided = provided;
        }
    }

    @PostConstruct
    void init() {
        String code = FacesContext.getCurrentInstance().getExternalContext().getRequestParameterMap().get("procedure");
        if (code != null && !code.isBlank()) {
            procedureCode = code.strip();
            selectProcedure();
        }
    }

    /**
     * Suggestions for the procedure box: up to 15 codes whose name or code matches the typed words, best match
     * first and the procedures of the desk's own level before others.
     */
    public List<String> completeProcedure(String text) {
        List<Procedure> found = catalogue.searchForDesk(text, null, null, deskAgencyCode(), 0, 15).items();
        List<String> codes = new ArrayList<>();
        for (Procedure p : found) {
            labels.put(p.code(), p.code() + " — " + p.name());
            codes.add(p.code());
        }
        return codes;
    }

    /** The signed-in desk's agency code (its level ranks suggestions), or null when unknown. */
    private String deskAgencyCode() {
        String code = user.getAgencyCode();
        return code == null || code.isBlank() ? null : code;
    }

    /** Label of a suggested code. */
    public String label(String code) {
        return code == null ? "" : labels.getOrDefault(code, code);
    }

    /** Loads the chosen procedure's checklist, time limit, fee and the appointment the dossier would get now. */
    public void selectProcedure() {
        documents = new ArrayList<>();
        procedureName = null;
        appointmentPreview = null;
        if (procedureCode == null || procedureCode.isBlank()) {
            return;
        }
        Procedure p = actions.run(() -> catalogue.find(procedureCode.strip()));
        if (p == null) {
            return;
        }
        procedureName = p.name();
        feeVnd = p.feeVnd();
        labels.put(p.code(), p.code() + " — " + p.name());
        for (RequiredDocument d : p.documents()) {
            documents.add(new DocumentRow(d.position(), d.name(), d.form(), Math.max(1, d.quantity())));
        }
        if (p.timeLimit() != null) {
            timeLimitText = p.timeLimit().value().stripTrailingZeros().toPlainString() + " "
                + messages.text("timeLimitUnit." + p.timeLimit().unit());
            try {
                appointmentPreview = Appointment.of(calendars.current(), clock.instant(), p.timeLimit()).dueAt();
            } catch (DomainException | IllegalArgumentException e) {
                appointmentPreview = null;
            }
        } else {
            timeLimitText = messages.text("reception.noTimeLimit");
        }
    }

    /**
     * The duplicate-applicant warning while the applicant is typed in (change of ID number, name or phone): the
     * applicant's other open dossiers in the officer's units (issue 11 §4). Never blocks intake.
     */
    public void checkApplicant() {
        List<ApplicantDossiers.OtherOpenDossier> found = actions.run(() ->
            applicantDossiers.openOf(blank(idNumber), blank(applicantName), blank(phone), null));
        otherOpenDossiers = found == null ? List.of() : found;
    }

    /** Receives the dossier: code, appointment and receipt slip. */
    public void receive() throws IOException {
        submit(IntakeOutcome.RECEIVE);
    }

    /** Records a supplement request listing every component not ticked plus the other items typed. */
    public void requestSupplement() throws IOException {
        submit(IntakeOutcome.REQUEST_SUPPLEMENT);
    }

    /** Refuses with the reason typed. */
    public void refuse() throws IOException {
        submit(IntakeOutcome.REFUSE);
    }

    private void submit(IntakeOutcome outcome) throws IOException {
        if (procedureName == null) {
            messages.error(null, "reception.chooseProcedure");
            return;
        }
        List<DocumentLine> lines = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        for (DocumentRow r : documents) {
            if (r.isProvided()) {
                lines.add(new DocumentLine(r.getPosition(), r.getName(), r.getForm(), Math.max(1, r.getQuantity())));
            } else {
                missing.add(r.getName());
            }
        }
        if (otherMissing != null) {
            for (String line : otherMissing.split("\\R")) {
                if (!line.isBlank()) {
                    missing.add(line.strip());
                }
            }
        }
        List<String> invalid = Applicant.problems(applicantKind, applicantName, idNumber, phone, email, address);
        if (!invalid.isEmpty()) {
            for (String problem : invalid) {
                String field = problem.substring(0, problem.indexOf(':'));
                messages.error("reception:" + field.substring(field.indexOf('.') + 1), "invalid." + field);
            }
            return;
        }
        Applicant applicant = new Applicant(applicantKind, applicantName.strip(), blank(idNumber), blank(phone),
            blank(email), blank(address), "en".equals(applicantLanguage) ? "en" : "vi");
        IntakeRequest request = new IntakeRequest(procedureCode.strip(), user.getAgencyCode(), channel, applicant,
            lines, receivedAt == null ? null : receivedAt.atZone(VietnamTime.ZONE).toInstant(), outcome, outcome == IntakeOutcome.REQUEST_SUPPLEMENT ? missing : null,
            outcome == IntakeOutcome.REFUSE ? refusalReason : null, note);
        Dossier d = actions.run(() -> intake.lodge(request));
        if (d != null) {
            ExternalContext ec = FacesContext.getCurrentInstance().getExternalContext();
            ec.getFlash().setKeepMessages(true);
            messages.info("reception.done." + outcome, d.code());
            Applicant stored = d.applicant();
            List<ApplicantDossiers.OtherOpenDossier> others = actions.run(() ->
                applicantDossiers.openOf(stored.idNumber(), stored.name(), stored.phone(), d.code()));
            if (others != null && !others.isEmpty()) {
                // shown with the receipt on the dossier page after the redirect (dossier.xhtml reads the flash)
                ec.getFlash().put("otherOpenDossiers", new ArrayList<>(others));
            }
            ec.redirect(ec.getRequestContextPath() + "/app/dossier.xhtml?code="
                + URLEncoder.encode(d.code(), StandardCharsets.UTF_8));
        }
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    /** The applicant's other open dossiers found by {@link #checkApplicant()}; empty when none. */
    public List<ApplicantDossiers.OtherOpenDossier> getOtherOpenDossiers() {
        return otherOpenDossiers;
    }

    public DocumentForm[] getDocumentForms() {
        return DocumentForm.values();
    }

    public String getProcedureCode() {
        return procedureCode;
    }

    public void setProcedureCode(String procedureCode) {
        this.procedureCode = procedureCode;
    }

    public String getProcedureName() {
        return procedureName;
    }

    public String getTimeLimitText() {
        return timeLimitText;
    }

    public Long getFeeVnd() {
        return feeVnd;
    }

    public Instant getAppointmentPreview() {
        return appointmentPreview;
    }

    public List<DocumentRow> getDocuments() {
        return documents;
    }

    public Applicant.Kind getApplicantKind() {
        return applicantKind;
    }

    public void setApplicantKind(Applicant.Kind applicantKind) {
        this.applicantKind = applicantKind;
    }

    public String getApplicantName() {
        return applicantName;
    }

    public void setApplicantName(String applicantName) {
        this.applicantName = applicantName;
    }

    public String getIdNumber() {
        return idNumber;
    }

    public void setIdNumber(String idNumber) {
        this.idNumber = idNumber;
    }

    public String getPhone() {
        return phone;
    }

    public void setPhone(String phone) {
        this.phone = phone;
    }

    public String getEmail() {
        return email;
    }

    public void setEmail(String email) {
        this.email = email;
    }

    public String getApplicantLanguage() {
        return applicantLanguage;
    }

    public void setApplicantLanguage(String applicantLanguage) {
        this.applicantLanguage = applicantLanguage;
    }

    public String getAddress() {
        return address;
    }

    public void setAddress(String address) {
        this.address = address;
    }

    public Channel getChannel() {
        return channel;
    }

    public void setChannel(Channel channel) {
        this.channel = channel;
    }

    public String getOtherMissing() {
        return otherMissing;
    }

    public void setOtherMissing(String otherMissing) {
        this.otherMissing = otherMissing;
    }

    public String getRefusalReason() {
        return refusalReason;
    }

    public void setRefusalReason(String refusalReason) {
        this.refusalReason = refusalReason;
    }

    public String getNote() {
        return note;
    }

    public void setNote(String note) {
        this.note = note;
    }

    /** When the dossier was received (Vietnam time), when keyed later, e.g. after an outage; empty = now. */
    public java.time.LocalDateTime getReceivedAt() {
        return receivedAt;
    }

    public void setReceivedAt(java.time.LocalDateTime receivedAt) {
        this.receivedAt = receivedAt;
    }

    /** Today in Vietnam: the latest day a receipt time may have. */
    public java.time.LocalDate getToday() {
        return java.time.LocalDate.now(VietnamTime.ZONE);
    }
}
