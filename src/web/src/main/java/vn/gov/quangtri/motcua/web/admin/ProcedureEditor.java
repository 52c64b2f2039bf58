package vn.gov.quangtri.motcua.web.admin;

import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import vn.gov.quangtri.motcua.calendar.application.CalendarService;
import vn.gov.quangtri.motcua.calendar.domain.TimeLimit;
import vn.gov.quangtri.motcua.calendar.domain.TimeLimitUnit;
import vn.gov.quangtri.motcua.catalogue.application.CatalogueAdministration;
import vn.gov.quangtri.motcua.catalogue.application.CatalogueService;
import vn.gov.quangtri.motcua.catalogue.domain.AllotmentCheck;
import vn.gov.quangtri.motcua.catalogue.domain.DocumentForm;
import vn.gov.quangtri.motcua.catalogue.domain.DocumentSpec;
import vn.gov.quangtri.motcua.catalogue.domain.Procedure;
import vn.gov.quangtri.motcua.catalogue.domain.ProcedureDetails;
import vn.gov.quangtri.motcua.catalogue.domain.StepKind;
import vn.gov.quangtri.motcua.catalogue.domain.StepRole;
import vn.gov.quangtri.motcua.catalogue.domain.StepSpec;
import vn.gov.quangtri.motcua.shared.domain.ConflictException;
import vn.gov.quangtri.motcua.web.shell.CurrentUser;
import vn.gov.quangtri.motcua.web.shell.Messages;

/**
 * The procedure editor of the catalogue screen ({@link ProceduresPage} finds the procedure): its header (name,
 * field, time limit, fee), its required documents (name, form, copies, required or conditional) and its approved
 * internal process (name, role, kind, responsible unit, allotted time) with the allotment check against the limit
 * ({@link Procedure#check}, working minutes of the current office day). Each save is a new revision; saving from a
 * stale revision (someone saved meanwhile) is refused with a message and the editor keeps the typed values.
 */
@Named
@ViewScoped
public class ProcedureEditor implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    private CatalogueService catalogue;

    @EJB
    private CatalogueAdministration admin;

    @EJB
    private CalendarService calendars;

    @Inject
    private AdminActions actions;

    @Inject
    private Messages messages;

    @Inject
    private CurrentUser user;

    @Inject
    private AuditPage audit;

    private String code;
    private int revision;
    private String name;
    private String editField;
    private BigDecimal limitValue;
    private TimeLimitUnit limitUnit;
    private Long fee;
    private boolean electronicResult;
    private List<DocumentRow> documents = new ArrayList<>();
    private List<StepRow> steps = new ArrayList<>();
    private String reason;
    private AllotmentCheck check;
    private boolean stale;

    /** Opens a procedure in the editor. */
    public void edit(String procedureCode) {
        Procedure p = actions.run(() -> catalogue.find(procedureCode));
        if (p != null) {
            show(p);
            reason = null;
        }
    }

    /** Reloads the procedure being edited (after a stale-revision refusal), dropping the typed values. */
    public void reload() {
        if (code != null) {
            edit(code);
        }
    }

    private void show(Procedure p) {
        code = p.code();
        revision = p.revision();
        name = p.name();
        editField = p.field();
        limitValue = p.timeLimit() == null ? null : p.timeLimit().value();
        limitUnit = p.timeLimit() == null ? null : p.timeLimit().unit();
        fee = p.feeVnd();
        electronicResult = p.electronicResult();
        documents = new ArrayList<>(p.documents().stream().map(DocumentRow::of).toList());
        steps = new ArrayList<>(p.steps().stream().map(StepRow::of).toList());
        check = actions.run(() -> admin.allotmentCheck(p.code()));
        stale = false;
    }

    /** Saves name, field, time limit, fee and whether the result is issued electronically. */
    public void saveDetails() {
        TimeLimit limit = limitUnit == null ? null
            : new TimeLimit(limitUnit == TimeLimitUnit.SAME_DAY ? BigDecimal.ZERO
                : limitValue == null ? BigDecimal.ZERO : limitValue, limitUnit);
        saved(save(() -> admin.editDetails(code, new ProcedureDetails(name, editField, limit, fee, electronicResult),
            revision,
            user.getUsername(), reason)));
    }

    /** Saves the required documents in the order shown. */
    public void saveDocuments() {
        List<DocumentSpec> specs = documents.stream().map(DocumentRow::spec).toList();
        saved(save(() -> admin.replaceDocuments(code, specs, revision, user.getUsername(), reason)));
    }

    /** Saves the internal steps in the order shown. */
    public void saveSteps() {
        List<StepSpec> specs = steps.stream().map(StepRow::spec).toList();
        saved(save(() -> admin.replaceSteps(code, specs, revision, user.getUsername(), reason)));
    }

    private Procedure save(Supplier<Procedure> work) {
        return actions.run(() -> {
            try {
                return work.get();
            } catch (ConflictException e) {
                if (!"CONCURRENT_CHANGE".equals(e.reason())) {
                    throw e;
                }
                stale = true;
                Procedure now = catalogue.find(code);
                messages.error(null, "procedures.stale", revision, now.revision());
                return null;
            }
        });
    }

    private void saved(Procedure p) {
        if (p != null) {
            messages.info("procedures.saved", p.code(), p.revision());
            Procedure fresh = actions.run(() -> catalogue.find(p.code()));
            show(fresh == null ? p : fresh);
            reason = null;
            audit.refresh();
        }
    }

    public void addDocument() {
        documents.add(new DocumentRow());
    }

    public void removeDocument(int index) {
        documents.remove(index);
    }

    public void documentUp(int index) {
        if (index > 0) {
            documents.add(index - 1, documents.remove(index));
        }
    }

    public void addStep() {
        steps.add(new StepRow());
    }

    public void removeStep(int index) {
        steps.remove(index);
    }

    public void stepUp(int index) {
        if (index > 0) {
            steps.add(index - 1, steps.remove(index));
        }
    }

    /** Working minutes of an office day (480 for 08:00–12:00, 13:00–17:00). */
    public long getMinutesPerDay() {
        return calendars.current().officeHours().workingMinutesPerDay();
    }

    /** The typed steps against the typed limit, by the catalogue's own rule ({@link Procedure#check}). */
    private AllotmentCheck typedCheck() {
        List<TimeLimit> allotments = new java.util.ArrayList<>();
        for (StepRow s : steps) {
            if (s.getValue() != null && s.getUnit() != null && s.getValue().signum() >= 0) {
                allotments.add(new TimeLimit(s.getValue(), s.getUnit()));
            }
        }
        TimeLimit limit = limitUnit == null ? null
            : new TimeLimit(limitValue == null ? BigDecimal.ZERO : limitValue.max(BigDecimal.ZERO), limitUnit);
        return Procedure.check(allotments, limit, getMinutesPerDay());
    }

    /** Sum of the allotments typed in the steps table, in working minutes. */
    public long getTypedAllotted() {
        return typedCheck().allottedMinutes();
    }

    /** The typed time limit in working minutes, or null (no limit). */
    public Long getTypedLimit() {
        return typedCheck().limitMinutes();
    }

    /** Whether the typed steps need more time than the typed limit. */
    public boolean isTypedExceeds() {
        return !steps.isEmpty() && typedCheck().exceedsLimit();
    }

    /**
     * A duration in working minutes as working days and hours, e.g. {@code 2 ngày làm việc 4 giờ}.
     *
     * @param minutes working minutes, may be negative or null
     */
    public String duration(Long minutes) {
        if (minutes == null) {
            return "—";
        }
        long perDay = getMinutesPerDay();
        long abs = Math.abs(minutes);
        long days = abs / perDay;
        long rest = abs % perDay;
        String hours = BigDecimal.valueOf(rest).divide(BigDecimal.valueOf(60), 2, RoundingMode.HALF_UP)
            .stripTrailingZeros().toPlainString();
        String sign = minutes < 0 ? "−" : "";
        if (rest == 0) {
            return sign + messages.text("procedures.duration.days", days);
        }
        return sign + messages.text("procedures.duration.daysHours", days, hours);
    }

    public boolean isEditing() {
        return code != null;
    }

    public boolean isMayEdit() {
        return user.isSystemAdministrator();
    }

    public TimeLimitUnit[] getLimitUnits() {
        return TimeLimitUnit.values();
    }

    public TimeLimitUnit[] getAllotmentUnits() {
        return new TimeLimitUnit[] {TimeLimitUnit.WORKING_DAY, TimeLimitUnit.WORKING_HOUR};
    }

    public DocumentForm[] getForms() {
        return DocumentForm.values();
    }

    public StepRole[] getRoles() {
        return StepRole.values();
    }

    public StepKind[] getKinds() {
        return StepKind.values();
    }

    public String getCode() {
        return code;
    }

    public int getRevision() {
        return revision;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getEditField() {
        return editField;
    }

    public void setEditField(String editField) {
        this.editField = editField;
    }

    public BigDecimal getLimitValue() {
        return limitValue;
    }

    public void setLimitValue(BigDecimal limitValue) {
        this.limitValue = limitValue;
    }

    public TimeLimitUnit getLimitUnit() {
        return limitUnit;
    }

    public void setLimitUnit(TimeLimitUnit limitUnit) {
        this.limitUnit = limitUnit;
    }

    public Long getFee() {
        return fee;
    }

    public void setFee(Long fee) {
        this.fee = fee;
    }

    public List<DocumentRow> getDocuments() {
        return documents;
    }

    public List<StepRow> getSteps() {
        return steps;
    }

    public String getReason() {
        return reason;
    }

    public void setReason(String reason) {
        this.reason = reason;
    }

    public AllotmentCheck getCheck() {
        return check;
    }

    public boolean isStale() {
        return stale;
    }

    /** Whether the procedure's result is also issued electronically (issue 15 §2). */
    public boolean isElectronicResult() {
        return electronicResult;
    }

    public void setElectronicResult(boolean electronicResult) {
        this.electronicResult = electronicResult;
    }
}
