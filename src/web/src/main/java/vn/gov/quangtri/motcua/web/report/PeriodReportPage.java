package vn.gov.quangtri.motcua.web.report;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import java.io.ByteArrayInputStream;
import java.io.Serializable;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.primefaces.model.DefaultStreamedContent;
import org.primefaces.model.StreamedContent;
import vn.gov.quangtri.motcua.reporting.application.PeriodDossier;
import vn.gov.quangtri.motcua.reporting.application.PeriodQuery;
import vn.gov.quangtri.motcua.reporting.application.PeriodReports;
import vn.gov.quangtri.motcua.reporting.domain.PeriodBucket;
import vn.gov.quangtri.motcua.reporting.domain.PeriodFigures;
import vn.gov.quangtri.motcua.reporting.domain.PeriodReport;
import vn.gov.quangtri.motcua.reporting.domain.ReportGrouping;
import vn.gov.quangtri.motcua.reporting.domain.ReportPeriod;
import vn.gov.quangtri.motcua.shared.domain.VietnamTime;
import vn.gov.quangtri.motcua.web.shell.Actions;
import vn.gov.quangtri.motcua.web.shell.Messages;

/**
 * The period report {@code /app/period-report.xhtml} (issue 14 §2, docs/domain.md §6.1): a period (from/to, or a named
 * month, quarter, half-year or year with calendar months or the Decree 09/2019 cut-off), a grouping, the province or
 * workload view and an optional unit; the table where every figure opens the list of its dossiers, a bar chart of the
 * on-time rate per row, the formulas, and the same as .xlsx and PDF. Leaders and administrators (the service checks).
 */
@Named
@ViewScoped
public class PeriodReportPage implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    private PeriodReports reports;

    @Inject
    private Actions actions;

    @Inject
    private Messages messages;

    @Inject
    private Clock clock;

    private String mode = "RANGE";
    private LocalDate from;
    private LocalDate to;
    private String period;
    private String cutoff = "calendar";
    private String groupBy = "AGENCY";
    private String view = "province";
    private String agency;
    private transient PeriodReport report;
    /** The query of the last "Lọc" (rebuilt from the filter fields after the view was restored). */
    private transient PeriodQuery query;
    private String listTitle;
    private long listTotal;
    private transient List<PeriodDossier> list = List.of();

    @PostConstruct
    void init() {
        LocalDate today = LocalDate.now(clock.withZone(VietnamTime.ZONE));
        from = today.withDayOfMonth(1);
        to = today;
        period = today.getYear() + "-Q" + ((today.getMonthValue() - 1) / 3 + 1);
    }

    /** The query of the filter, or null with a message when it is malformed. */
    private PeriodQuery query() {
        ReportPeriod days;
        if ("NAMED".equals(mode)) {
            try {
                days = ReportPeriod.named(period, "decree09".equals(cutoff));
            } catch (IllegalArgumentException e) {
                messages.error(null, "period.badName");
                return null;
            }
        } else {
            if (from == null || to == null) {
                init();
            }
            if (to.isBefore(from)) {
                messages.error(null, "reason.DATE_RANGE_REVERSED");
                return null;
            }
            days = new ReportPeriod(from, to);
        }
        return new PeriodQuery(days, ReportGrouping.parse(groupBy), agency, null, null, "workload".equals(view));
    }

    /** Computes the report for the filter. */
    public void apply() {
        report = null;
        list = List.of();
        listTitle = null;
        query = query();
        if (query != null) {
            report = actions.run(() -> reports.report(query));
        }
    }

    /** The report, computed on first use. */
    public PeriodReport getReport() {
        if (report == null && !jakarta.faces.context.FacesContext.getCurrentInstance().isPostback()) {
            apply();
        } else if (report == null && current() != null) {
            report = actions.run(() -> reports.report(query));
        }
        return report;
    }

    /** The query of the last "Lọc", rebuilt from the filter when the view was restored without it. */
    private PeriodQuery current() {
        if (query == null) {
            query = query();
        }
        return query;
    }

    /**
     * Lists the dossiers behind a figure of a row (null key: the total).
     *
     * @param key    the row key
     * @param bucket the figure's JSON name, e.g. {@code resolvedLate}
     * @param label  what the list shows as its title
     */
    public void show(String key, String bucket, String label) {
        if (current() == null) {
            return;
        }
        PeriodBucket figure = PeriodBucket.parse(bucket);
        PeriodReports.DossierList found = actions.run(() -> reports.dossiers(query,
            figure, key == null || key.isEmpty() ? null : key));
        if (found != null) {
            list = found.dossiers();
            listTotal = found.total();
            listTitle = label + " – " + messages.text("period.figure." + figure.jsonName());
        }
    }

    /** The report as .xlsx; null with a message when refused. */
    public StreamedContent getExport() {
        apply();
        byte[] bytes = report == null ? null : actions.run(() -> reports.xlsx(query));
        if (bytes == null) {
            return null;
        }
        return DefaultStreamedContent.builder().name("bao-cao-ky_" + report.period().from() + "_"
                + report.period().to() + ".xlsx")
            .contentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
            .stream(() -> new ByteArrayInputStream(bytes)).build();
    }

    /** The report as PDF (A4 landscape); null with a message when refused. */
    public StreamedContent getExportPdf() {
        apply();
        byte[] bytes = report == null ? null : actions.run(() -> reports.pdf(query));
        if (bytes == null) {
            return null;
        }
        return DefaultStreamedContent.builder().name("bao-cao-ky_" + report.period().from() + "_"
                + report.period().to() + ".pdf")
            .contentType("application/pdf").stream(() -> new ByteArrayInputStream(bytes)).build();
    }

    /** The figures of the table, left to right (JSON names). */
    public List<String> getFigures() {
        return List.of("carriedOver", "receivedOnline", "receivedDirect", "receivedPostal", "received",
            "resolvedEarly", "resolvedOnTime", "resolvedLate", "resolved", "inProgressNotDue", "inProgressOverdue",
            "inProgress", "stopped", "withdrawn", "refused");
    }

    /** One figure of a row. */
    public long count(PeriodFigures row, String figure) {
        return row.count(PeriodBucket.parse(figure));
    }

    /** Chart.js configuration of the on-time-rate bar chart (p:chart): one bar per row with something resolved. */
    public String getChart() {
        JsonArrayBuilder labels = Json.createArrayBuilder();
        JsonArrayBuilder values = Json.createArrayBuilder();
        PeriodReport r = getReport();
        if (r != null) {
            for (PeriodFigures f : r.rows()) {
                if (f.onTimeRate() != null) {
                    labels.add(f.label());
                    values.add(f.onTimeRate().doubleValue());
                }
            }
        }
        return Json.createObjectBuilder()
            .add("type", "bar")
            .add("data", Json.createObjectBuilder().add("labels", labels).add("datasets", Json.createArrayBuilder()
                .add(Json.createObjectBuilder().add("label", messages.text("period.onTimeRate"))
                    .add("data", values).add("backgroundColor", "#2e7d32").add("maxBarThickness", 60))))
            .add("options", Json.createObjectBuilder()
                .add("animation", false)
                .add("scales", Json.createObjectBuilder().add("y", Json.createObjectBuilder()
                    .add("min", 0).add("max", 100))))
            .build().toString();
    }

    /** Whether any row has an on-time rate (the chart is shown only then). */
    public boolean isCharted() {
        PeriodReport r = getReport();
        return r != null && r.rows().stream().anyMatch(f -> f.onTimeRate() != null);
    }

    public List<String> getGroupings() {
        return List.of("AGENCY", "FIELD", "LEVEL", "PROCEDURE");
    }

    public String getMode() {
        return mode;
    }

    public void setMode(String mode) {
        this.mode = mode;
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

    public String getPeriod() {
        return period;
    }

    public void setPeriod(String period) {
        this.period = period;
    }

    public String getCutoff() {
        return cutoff;
    }

    public void setCutoff(String cutoff) {
        this.cutoff = cutoff;
    }

    public String getGroupBy() {
        return groupBy;
    }

    public void setGroupBy(String groupBy) {
        this.groupBy = groupBy;
    }

    public String getView() {
        return view;
    }

    public void setView(String view) {
        this.view = view;
    }

    public String getAgency() {
        return agency;
    }

    public void setAgency(String agency) {
        this.agency = agency;
    }

    public String getListTitle() {
        return listTitle;
    }

    public long getListTotal() {
        return listTotal;
    }

    public List<PeriodDossier> getList() {
        return list == null ? List.of() : list;
    }
}
