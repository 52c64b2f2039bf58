package vn.gov.quangtri.motcua.web.report;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import vn.gov.quangtri.motcua.calendar.domain.WorkingDuration;
import vn.gov.quangtri.motcua.dossier.application.DossierView;
import vn.gov.quangtri.motcua.dossier.application.DossierViews;
import vn.gov.quangtri.motcua.reporting.application.DataIntegrity;
import vn.gov.quangtri.motcua.reporting.domain.ReportPeriod;
import vn.gov.quangtri.motcua.shared.domain.VietnamTime;
import vn.gov.quangtri.motcua.web.shell.Actions;
import vn.gov.quangtri.motcua.web.shell.Messages;

/**
 * The data integrity screen (docs/domain.md §3.4): for the leader's or administrator's units and a period (this
 * month by default), the events keyed well after they happened, how much of the on-time count rests on keyed times,
 * and the backdating requests waiting for a leader (each decided on its dossier's page).
 */
@Named
@ViewScoped
public class DataIntegrityPage implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    private DataIntegrity integrity;

    @EJB
    private DossierViews views;

    @Inject
    private Actions actions;

    @Inject
    private Messages messages;

    @Inject
    private Clock clock;

    private LocalDate from;
    private LocalDate to;
    private String unitCode;
    private transient DataIntegrity.Report report;
    private transient List<DossierView.BackdatingLine> pending;
    private transient boolean loaded;

    /** The period shown at first: this Vietnam calendar month up to today. */
    @PostConstruct
    void init() {
        LocalDate today = LocalDate.now(clock.withZone(VietnamTime.ZONE));
        from = today.withDayOfMonth(1);
        to = today;
    }

    /** Shows the period chosen. */
    public void apply() {
        if (from == null || to == null) {
            init();
        }
        loaded = true;
        if (to.isBefore(from)) {
            messages.error(null, "reason.DATE_RANGE_REVERSED");
            report = null;
            return;
        }
        List<String> units = unitCode == null || unitCode.isBlank() ? null : List.of(unitCode.strip());
        report = actions.run(() -> integrity.report(units, new ReportPeriod(from, to)));
        pending = report == null ? List.of() : actions.run(() -> views.pendingBackdating());
    }

    /** The list and counts, computed on first use. */
    public DataIntegrity.Report getReport() {
        if (!loaded) {
            apply();
        }
        return report;
    }

    /** The backdating requests of the caller's units waiting for a leader. */
    public List<DossierView.BackdatingLine> getPending() {
        if (!loaded) {
            apply();
        }
        return pending == null ? List.of() : pending;
    }

    /** Working minutes as days of the office day, hours and minutes ({@link WorkingDuration}). */
    public String late(Long workingMinutes) {
        if (workingMinutes == null) {
            return "";
        }
        if (workingMinutes == 0) {
            return messages.text("integrity.outsideHours");
        }
        WorkingDuration w = new WorkingDuration(workingMinutes, false, report.workingMinutesPerDay());
        return messages.text("integrity.late", w.days(), w.hours(), w.minutes());
    }

    public LocalDate getFrom() {
        return from;
    }

    public void setFrom(LocalDate from) {
        this.from = from;
    }

    public LocalDate getTo() {
        return to;
    }

    public void setTo(LocalDate to) {
        this.to = to;
    }

    public String getUnitCode() {
        return unitCode;
    }

    public void setUnitCode(String unitCode) {
        this.unitCode = unitCode;
    }
}
