package vn.gov.quangtri.motcua.web.report;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import vn.gov.quangtri.motcua.shared.domain.JsonFactories;
import jakarta.json.JsonArrayBuilder;
import java.io.Serializable;
import java.util.List;
import java.util.Map;
import vn.gov.quangtri.motcua.calendar.application.CalendarAdministration;
import vn.gov.quangtri.motcua.dossier.domain.DossierStatus;
import vn.gov.quangtri.motcua.reporting.application.Dashboard;
import vn.gov.quangtri.motcua.reporting.application.ReportingService;
import vn.gov.quangtri.motcua.reporting.application.UnitOnTimeRate;
import vn.gov.quangtri.motcua.web.shell.Actions;
import vn.gov.quangtri.motcua.web.shell.Messages;

/**
 * The dashboard (issue 3 §6): dossiers by status in the signed-in account's units, the overdue list
 * (most overdue first, working time late) and this month's on-time rate per unit as a bar chart
 * (on-time rate = dossiers finished early or on time ÷ dossiers finished, docs/domain.md §6); for system
 * administrators, from 1 October, a banner when next year's holiday calendar is not configured. The counts, rates and
 * overdue list are at most a minute old ({@link ReportingService#recentDashboard}); the page says as of when.
 */
@Named
@ViewScoped
public class DashboardPage implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    private ReportingService reporting;

    @Inject
    private Actions actions;

    @Inject
    private Messages messages;

    @EJB
    private CalendarAdministration calendarAdmin;

    @EJB
    private vn.gov.quangtri.motcua.rating.application.RatingService ratings;

    @Inject
    private java.time.Clock clock;

    @EJB
    private vn.gov.quangtri.motcua.reporting.application.OverdueEvents overdueEvents;

    @Inject
    private vn.gov.quangtri.motcua.web.shell.CurrentUser user;

    private transient Dashboard dashboard;
    private transient List<vn.gov.quangtri.motcua.reporting.application.OverdueEvents.ApologyDue> apologies;
    private transient vn.gov.quangtri.motcua.rating.domain.SatisfactionTally ratingSummary;
    private transient String calendarYearToSetUp;
    private transient boolean calendarChecked;

    /**
     * The apologies due (thư xin lỗi, form 04) found by the nightly deadline sweep in the user's units, for leaders and
     * administrators (issue 14 §1); empty for other roles.
     */
    public List<vn.gov.quangtri.motcua.reporting.application.OverdueEvents.ApologyDue> getApologies() {
        if (apologies == null) {
            List<vn.gov.quangtri.motcua.reporting.application.OverdueEvents.ApologyDue> found =
                user.isLeader() || user.isAdministrator() ? actions.run(() -> overdueEvents.apologiesDue()) : null;
            apologies = found == null ? List.of() : found;
        }
        return apologies;
    }

    @PostConstruct
    void init() {
        dashboard = actions.run(() -> reporting.recentDashboard(50));
    }

    /**
     * The citizens' ratings of this year (Vietnam calendar) up to today in the user's units, all together (issue 13
     * §2); the detail is on the ratings screen.
     */
    public vn.gov.quangtri.motcua.rating.domain.SatisfactionTally getRatingSummary() {
        if (ratingSummary == null) {
            java.time.LocalDate today = java.time.LocalDate.now(clock.withZone(vn.gov.quangtri.motcua.shared.domain.VietnamTime.ZONE));
            var report = actions.run(() -> ratings.report(new vn.gov.quangtri.motcua.reporting.domain.ReportPeriod(
                today.withDayOfYear(1), today), vn.gov.quangtri.motcua.rating.domain.RatingReport.Grouping.UNIT, null));
            ratingSummary = report == null ? new vn.gov.quangtri.motcua.rating.domain.SatisfactionTally() : report.total().tally();
        }
        return ratingSummary;
    }

    public Dashboard getDashboard() {
        if (dashboard == null) {
            init();
        }
        return dashboard;
    }

    /**
     * The banner for system administrators: next year (as text, e.g. "2028") when, from 1 October (Vietnam
     * date), its holiday calendar is not configured; null otherwise (see {@link CalendarAdministration#yearToSetUp}).
     */
    public String getCalendarYearToSetUp() {
        if (!calendarChecked) {
            calendarYearToSetUp = calendarAdmin.yearToSetUp().map(String::valueOf).orElse(null);
            calendarChecked = true;
        }
        return calendarYearToSetUp;
    }

    /** Statuses with at least one dossier, in lifecycle order. */
    public List<Map.Entry<DossierStatus, Long>> getCounts() {
        return getDashboard() == null ? List.of() : getDashboard().countsByStatus().entrySet().stream()
            .filter(e -> e.getValue() > 0).toList();
    }

    /** Units with dossiers finished this month. */
    public List<UnitOnTimeRate> getRates() {
        return getDashboard() == null ? List.of()
            : getDashboard().onTimeThisMonth().stream().filter(r -> r.resolved() > 0).toList();
    }

    /** Chart.js configuration of the on-time-rate bar chart (p:chart). */
    public String getChart() {
        JsonArrayBuilder labels = JsonFactories.createArrayBuilder();
        JsonArrayBuilder values = JsonFactories.createArrayBuilder();
        for (UnitOnTimeRate r : getRates()) {
            labels.add(r.agencyName());
            values.add(r.percent() == null ? 0 : r.percent().doubleValue());
        }
        return JsonFactories.createObjectBuilder()
            .add("type", "bar")
            .add("data", JsonFactories.createObjectBuilder().add("labels", labels).add("datasets", JsonFactories.createArrayBuilder()
                .add(JsonFactories.createObjectBuilder().add("label", messages.text("dashboard.onTimeRate"))
                    .add("data", values).add("backgroundColor", "#2e7d32").add("maxBarThickness", 60))))
            .add("options", JsonFactories.createObjectBuilder()
                .add("animation", false)
                .add("scales", JsonFactories.createObjectBuilder().add("y", JsonFactories.createObjectBuilder()
                    .add("min", 0).add("max", 100))))
            .build().toString();
    }
}
