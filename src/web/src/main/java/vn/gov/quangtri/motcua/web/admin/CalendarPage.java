package vn.gov.quangtri.motcua.web.admin;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.TextStyle;
import java.util.List;
import vn.gov.quangtri.motcua.calendar.application.CalendarAdministration;
import vn.gov.quangtri.motcua.calendar.application.CalendarChange;
import vn.gov.quangtri.motcua.calendar.application.CalendarEntry;
import vn.gov.quangtri.motcua.calendar.application.ConfiguredYear;
import vn.gov.quangtri.motcua.calendar.domain.CalendarEdits.DayOffKind;
import vn.gov.quangtri.motcua.calendar.domain.CalendarYears;
import vn.gov.quangtri.motcua.dossier.domain.CalendarImpact;
import vn.gov.quangtri.motcua.dossier.domain.DossierStatus;
import vn.gov.quangtri.motcua.shared.domain.VietnamTime;
import vn.gov.quangtri.motcua.web.shell.CurrentUser;
import vn.gov.quangtri.motcua.web.shell.Messages;

/**
 * The holiday calendar of a year for administrators: a year not configured yet can be created by a system
 * administrator (weekends only; then the statutory days proposed for it can be taken into the "add" form one by
 * one); every configured day (holidays, Tết, compensatory days,
 * swapped days off, make-up working days) with its weekday and lunar date, the plausibility check's warnings
 * (docs/cases.md C05), adding or removing a day with a name and a reason, and after each change the open dossiers whose
 * appointment the new calendar would change (stored appointment against the recomputed one; stored deadlines
 * are never moved, docs/cases.md C03).
 */
@Named
@ViewScoped
public class CalendarPage implements Serializable {

    private static final long serialVersionUID = 1L;

    /** The choices of the "add" form: the four kinds of day off, and a make-up working day. */
    public static final List<String> TYPES = List.of("HOLIDAY", "TET", "COMPENSATORY", "SWAP_DAY_OFF", "MAKE_UP");

    @EJB
    private CalendarAdministration admin;

    @Inject
    private AdminActions actions;

    @Inject
    private Messages messages;

    @Inject
    private CurrentUser user;

    @Inject
    private AuditPage audit;

    private int year;
    private transient List<CalendarEntry> entries;
    private transient List<String> warnings;

    private LocalDate date;
    private String type = "HOLIDAY";
    private String name;
    private String reason;

    private LocalDate removing;
    private String removeReason;

    private LocalDate changedDate;
    private String changedAction;
    private List<String> changeWarnings = List.of();
    private List<AffectedRow> affected;

    private transient Boolean configured;
    private transient List<ConfiguredYear> years;
    private transient List<CalendarYears.ProposedDay> proposal;
    private String createReason;

    @PostConstruct
    void init() {
        year = LocalDate.now(VietnamTime.ZONE).getYear();
        String asked = FacesContext.getCurrentInstance().getExternalContext().getRequestParameterMap().get("year");
        if (asked != null && asked.matches("\\d{4}")) {
            year = Integer.parseInt(asked);
        }
    }

    /** True when the chosen year is configured (created, or loaded with the reference data). */
    public boolean isConfigured() {
        if (configured == null) {
            configured = Boolean.TRUE.equals(actions.run(() -> admin.isConfigured(year)));
        }
        return configured;
    }

    /** The configured years, in order. */
    public List<ConfiguredYear> getYears() {
        if (years == null) {
            years = actions.run(admin::years);
            if (years == null) {
                years = List.of();
            }
        }
        return years;
    }

    /**
     * The statutory days off proposed for the chosen year that it does not have yet (system administrators,
     * configured years only); empty otherwise.
     */
    public List<CalendarYears.ProposedDay> getProposal() {
        if (proposal == null) {
            proposal = isMayEdit() && isConfigured() ? actions.run(() -> admin.proposal(year)) : null;
            if (proposal == null) {
                proposal = List.of();
            }
        }
        return proposal;
    }

    /** Creates the chosen year (weekends only); its days are added afterwards. */
    public void createYear() {
        int y = year;
        ConfiguredYear created = actions.run(() -> admin.createYear(y, user.getUsername(), createReason));
        if (created != null) {
            messages.info("calendar.yearCreated", String.valueOf(y));
            createReason = null;
            show();
            audit.refresh();
        }
    }

    /** Fills the "add" form with a proposed day; the administrator gives the reason and confirms. */
    public void use(CalendarYears.ProposedDay day) {
        date = day.date();
        type = day.kind().name();
        name = day.name();
    }

    /** The configured days of the chosen year, in date order. */
    public List<CalendarEntry> getEntries() {
        if (entries == null) {
            entries = actions.run(() -> admin.year(year));
            if (entries == null) {
                entries = List.of();
            }
        }
        return entries;
    }

    /** The plausibility warnings of the chosen year (empty when nothing was found). */
    public List<String> getWarnings() {
        if (warnings == null) {
            warnings = actions.run(() -> admin.checkYear(year));
            if (warnings == null) {
                warnings = List.of();
            }
        }
        return warnings;
    }

    /** Shows another year. */
    public void show() {
        entries = null;
        warnings = null;
        configured = null;
        years = null;
        proposal = null;
    }

    /** Adds the day of the form. */
    public void add() {
        LocalDate d = date;
        CalendarChange change = "MAKE_UP".equals(type)
            ? actions.run(() -> admin.addMakeUpWorkingDay(d, name, user.getUsername(), reason))
            : actions.run(() -> admin.addDayOff(d, DayOffKind.valueOf(type), name, user.getUsername(), reason));
        if (change != null) {
            messages.info("calendar.added", formatted(d));
            name = null;
            reason = null;
            done(change);
        }
    }

    /** Asks for the reason before removing a day. */
    public void askRemove(LocalDate day) {
        removing = day;
        removeReason = null;
    }

    /** Removes the day chosen with {@link #askRemove}. */
    public void remove() {
        LocalDate d = removing;
        CalendarChange change = actions.run(() -> admin.remove(d, user.getUsername(), removeReason));
        if (change != null) {
            messages.info("calendar.removed", formatted(d));
            removing = null;
            removeReason = null;
            done(change);
        }
    }

    private void done(CalendarChange change) {
        changedDate = change.date();
        changedAction = change.action();
        changeWarnings = change.warnings();
        affected = change.affected().stream().map(AffectedRow::of).toList();
        if (change.date().getYear() != year) {
            year = change.date().getYear();
        }
        show();
        audit.refresh();
    }

    /** The weekday in the screen's language. */
    public String weekday(DayOfWeek day) {
        return day.getDisplayName(TextStyle.FULL, FacesContext.getCurrentInstance().getViewRoot().getLocale());
    }

    private static String formatted(LocalDate d) {
        return d == null ? "" : d.format(java.time.format.DateTimeFormatter.ofPattern("dd/MM/yyyy"));
    }

    public boolean isMayEdit() {
        return user.isSystemAdministrator();
    }

    public List<String> getTypes() {
        return TYPES;
    }

    public String getCreateReason() {
        return createReason;
    }

    public void setCreateReason(String createReason) {
        this.createReason = createReason;
    }

    public int getYear() {
        return year;
    }

    public void setYear(int year) {
        this.year = year;
    }

    public LocalDate getDate() {
        return date;
    }

    public void setDate(LocalDate date) {
        this.date = date;
    }

    public String getType() {
        return type;
    }

    public void setType(String type) {
        this.type = type;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getReason() {
        return reason;
    }

    public void setReason(String reason) {
        this.reason = reason;
    }

    public LocalDate getRemoving() {
        return removing;
    }

    public String getRemoveReason() {
        return removeReason;
    }

    public void setRemoveReason(String removeReason) {
        this.removeReason = removeReason;
    }

    public LocalDate getChangedDate() {
        return changedDate;
    }

    public String getChangedAction() {
        return changedAction;
    }

    public List<String> getChangeWarnings() {
        return changeWarnings;
    }

    /** Open dossiers the last change would move, or null before any change on this page. */
    public List<AffectedRow> getAffected() {
        return affected;
    }

    /**
     * An open dossier whose appointment the calendar change would move.
     *
     * @param code            dossier code
     * @param procedureCode   procedure code
     * @param status          status
     * @param clockStartedAt  clock start
     * @param dueAt           stored appointment (unchanged)
     * @param recomputedDueAt appointment under the new calendar, or null when it must be recomputed by hand
     */
    public record AffectedRow(String code, String procedureCode, DossierStatus status, Instant clockStartedAt,
                              Instant dueAt, Instant recomputedDueAt) implements Serializable {

        static AffectedRow of(CalendarImpact.Affected a) {
            return new AffectedRow(a.code(), a.procedureCode(), a.status(), a.clockStartedAt(), a.dueAt(),
                a.recomputedDueAt());
        }
    }
}
