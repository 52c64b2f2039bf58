package vn.gov.quangtri.motcua.web.report;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;
import vn.gov.quangtri.motcua.reporting.application.Indicators766Reports;
import vn.gov.quangtri.motcua.reporting.domain.Decision766;
import vn.gov.quangtri.motcua.reporting.domain.Indicators766;
import vn.gov.quangtri.motcua.reporting.domain.ListPage;
import vn.gov.quangtri.motcua.reporting.domain.PeriodFigures;
import vn.gov.quangtri.motcua.reporting.domain.ReportPeriod;
import vn.gov.quangtri.motcua.shared.domain.VietnamTime;
import vn.gov.quangtri.motcua.web.shell.Actions;
import vn.gov.quangtri.motcua.web.shell.Messages;

/**
 * The Decision 766 indicators {@code /app/indicators-766.xhtml} (issue 14 §3, docs/domain.md §5.3): a period (from/to
 * or a named month, quarter, half-year or year, calendar or Decree 09/2019 cut-off) and a unit of the caller's scope;
 * the five groups with their points, each indicator's value and points or "no data" with the reason, and per
 * indicator the list of the dossiers that cost points. Leaders and administrators (the service checks).
 */
@Named
@ViewScoped
public class Indicators766Page implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    private Indicators766Reports reports;

    @Inject
    private Actions actions;

    @Inject
    private Messages messages;

    @Inject
    private Clock clock;

    private PeriodChoice choice;
    private String agency;
    private transient Indicators766 result;
    private transient ReportPeriod days;
    private transient List<Indicators766Reports.Unit> units;
    private String listIndicator;
    /**
     * The dossiers that cost the listed indicator points, one page at a time ({@link ListPage}): only the page's rows
     * are rendered and sent; the indicators are computed again if the view lost them.
     */
    private final LazyDataModel<Indicators766.Cost> list = new LazyDataModel<>() {
        private static final long serialVersionUID = 1L;

        @Override
        public int count(Map<String, FilterMeta> filterBy) {
            return costs().size();
        }

        @Override
        public List<Indicators766.Cost> load(int first, int pageSize, Map<String, SortMeta> sortBy,
                                             Map<String, FilterMeta> filterBy) {
            List<Indicators766.Cost> all = costs();
            setRowCount(all.size());
            return ListPage.of(all, Math.max(0, first), Math.max(1, pageSize)).items();
        }

        @Override
        public String getRowKey(Indicators766.Cost c) {
            return c.code();
        }

        @Override
        public Indicators766.Cost getRowData(String rowKey) {
            return costs().stream().filter(c -> c.code().equals(rowKey)).findFirst().orElse(null);
        }
    };

    @PostConstruct
    void init() {
        choice = new PeriodChoice(LocalDate.now(clock.withZone(VietnamTime.ZONE)));
    }

    /** The period of the filter, or null with a message when it is malformed. */
    private ReportPeriod period() {
        return choice.days(messages);
    }

    /** Computes the indicators for the filter. */
    public void apply() {
        result = null;
        listIndicator = null;
        days = period();
        if (days != null) {
            result = actions.run(() -> reports.compute(days, agency));
        }
    }

    /** The indicators, computed on first use. */
    public Indicators766 getResult() {
        if (result == null && days == null) {
            apply();
        }
        return result;
    }

    /** The units of the caller's scope valid in the period, for the picker. */
    public List<Indicators766Reports.Unit> getUnits() {
        if (units == null) {
            ReportPeriod p = days != null ? days : period();
            units = p == null ? List.of() : actions.run(() -> reports.units(p));
            if (units == null) {
                units = List.of();
            }
        }
        return units;
    }

    /** Lists the dossiers that cost an indicator points. */
    public void show(String indicatorId) {
        if (getResult() == null) {
            return;
        }
        listIndicator = indicatorId;
        jakarta.faces.context.FacesContext faces = jakarta.faces.context.FacesContext.getCurrentInstance();
        if (faces != null && faces.getViewRoot() != null && faces.getViewRoot()
            .findComponent("i766:list") instanceof org.primefaces.component.datatable.DataTable table) {
            table.setFirst(0); // a new list starts on its first page
        }
    }

    /** The dossiers behind the listed indicator (empty without one), recomputing the indicators if the view lost them. */
    private List<Indicators766.Cost> costs() {
        if (listIndicator == null) {
            return List.of();
        }
        if (result == null) {
            days = days != null ? days : period();
            result = days == null ? null : actions.run(() -> reports.compute(days, agency));
        }
        return result == null ? List.of() : result.costs().getOrDefault(listIndicator, List.of());
    }

    /** How many dossiers the list shows in all (every page). */
    public int getListTotal() {
        return costs().size();
    }

    /** How many dossiers cost an indicator points. */
    public int costCount(String indicatorId) {
        return getResult() == null ? 0 : result.costs().getOrDefault(indicatorId, List.of()).size();
    }

    /** The indicator whose dossiers are listed, or null. */
    public Decision766.Indicator getListed() {
        return listIndicator == null ? null : Decision766.indicator(listIndicator);
    }

    /** Points the Vietnamese way (comma), two decimals: 6,67 ({@link PeriodFigures#vietnamese(BigDecimal, int)}). */
    public String number(BigDecimal value) {
        return value == null ? "" : PeriodFigures.vietnamese(value, 2);
    }

    /** A maximum of points the Vietnamese way, without trailing zeros: 100, 28,9, 4,4. */
    public String maximum(BigDecimal value) {
        return value == null ? "" : Indicators766.maximumVi(value);
    }

    /** The period chosen (range or named). */
    public PeriodChoice getChoice() {
        return choice;
    }

    /** The listed dossiers, paged lazily by the table. */
    public LazyDataModel<Indicators766.Cost> getList() {
        return list;
    }

    public String getAgency() {
        return agency;
    }

    public void setAgency(String agency) {
        this.agency = agency == null || agency.isBlank() ? null : agency;
    }
}
