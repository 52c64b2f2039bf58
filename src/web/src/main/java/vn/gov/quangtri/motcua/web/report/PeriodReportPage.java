package vn.gov.quangtri.motcua.web.report;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import vn.gov.quangtri.motcua.shared.domain.JsonFactories;
import jakarta.json.JsonArrayBuilder;
import java.io.ByteArrayInputStream;
import java.io.Serializable;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.primefaces.model.DefaultStreamedContent;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;
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

    private PeriodChoice choice;
    private String groupBy = "AGENCY";
    private String view = "province";
    private String agency;
    private transient PeriodReport report;
    /** The query of the last "Lọc" (rebuilt from the filter fields after the view was restored). */
    private transient PeriodQuery query;
    private String listTitle;
    /** The figure and row key whose dossiers are listed (null: no list). */
    private String listBucket;
    private String listKey;
    private long listTotal;
    /** The listed dossiers, read one page at a time ({@link PeriodReports#dossiers}); the table pages lazily. */
    private final LazyDataModel<PeriodDossier> list = new LazyDataModel<>() {
        private static final long serialVersionUID = 1L;

        @Override
        public int count(Map<String, FilterMeta> filterBy) {
            return (int) Math.min(Integer.MAX_VALUE, listTotal);
        }

        @Override
        public List<PeriodDossier> load(int first, int pageSize, Map<String, SortMeta> sortBy,
                                        Map<String, FilterMeta> filterBy) {
            PeriodReports.DossierList page = listBucket == null || current() == null ? null
                : actions.run(() -> reports.dossiers(query, PeriodBucket.parse(listBucket), listKey, first,
                    Math.min(pageSize, PeriodReports.MAX_PAGE)));
            if (page == null) {
                return List.of();
            }
            listTotal = page.total();
            setRowCount((int) Math.min(Integer.MAX_VALUE, page.total()));
            return page.dossiers();
        }

        @Override
        public String getRowKey(PeriodDossier d) {
            return d.code();
        }

        @Override
        public PeriodDossier getRowData(String rowKey) {
            return null;
        }
    };

    @PostConstruct
    void init() {
        choice = new PeriodChoice(LocalDate.now(clock.withZone(VietnamTime.ZONE)));
    }

    /** The query of the filter, or null with a message when it is malformed. */
    private PeriodQuery query() {
        ReportPeriod days = choice.days(messages);
        return days == null ? null
            : new PeriodQuery(days, ReportGrouping.parse(groupBy), agency, null, null, "workload".equals(view));
    }

    /** Computes the report for the filter. */
    public void apply() {
        report = null;
        listBucket = null;
        listKey = null;
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
     * Lists the dossiers behind a figure of a row (null key: the total): the first page is read now, the table reads
     * the others when paged.
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
        String rowKey = key == null || key.isEmpty() ? null : key;
        PeriodReports.DossierList found = actions.run(() -> reports.dossiers(query, figure, rowKey, 0, 1));
        if (found != null) {
            listBucket = figure.jsonName();
            listKey = rowKey;
            listTotal = found.total();
            list.setRowCount((int) Math.min(Integer.MAX_VALUE, found.total()));
            listTitle = label + " – " + messages.text("period.figure." + figure.jsonName());
            if (jakarta.faces.context.FacesContext.getCurrentInstance().getViewRoot()
                .findComponent("period:list") instanceof org.primefaces.component.datatable.DataTable table) {
                table.setFirst(0); // a new list starts on its first page
            }
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
        JsonArrayBuilder labels = JsonFactories.createArrayBuilder();
        JsonArrayBuilder values = JsonFactories.createArrayBuilder();
        PeriodReport r = getReport();
        if (r != null) {
            for (PeriodFigures f : r.rows()) {
                if (f.onTimeRate() != null) {
                    labels.add(f.label());
                    values.add(f.onTimeRate().doubleValue());
                }
            }
        }
        return JsonFactories.createObjectBuilder()
            .add("type", "bar")
            .add("data", JsonFactories.createObjectBuilder().add("labels", labels).add("datasets", JsonFactories.createArrayBuilder()
                .add(JsonFactories.createObjectBuilder().add("label", messages.text("period.onTimeRate"))
                    .add("data", values).add("backgroundColor", "#2e7d32").add("maxBarThickness", 60))))
            .add("options", JsonFactories.createObjectBuilder()
                .add("animation", false)
                .add("scales", JsonFactories.createObjectBuilder().add("y", JsonFactories.createObjectBuilder()
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

    /** The dossiers behind the chosen figure, paged lazily. */
    public LazyDataModel<PeriodDossier> getList() {
        return list;
    }

    /** The period chosen (range or named). */
    public PeriodChoice getChoice() {
        return choice;
    }
}
