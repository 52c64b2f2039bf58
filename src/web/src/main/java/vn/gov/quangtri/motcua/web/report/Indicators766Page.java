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
import vn.gov.quangtri.motcua.reporting.application.Indicators766Reports;
import vn.gov.quangtri.motcua.reporting.domain.Decision766;
import vn.gov.quangtri.motcua.reporting.domain.Indicators766;
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

    private String mode = "RANGE";
    private LocalDate from;
    private LocalDate to;
    private String period;
    private String cutoff = "calendar";
    private String agency;
    private transient Indicators766 result;
    private transient ReportPeriod days;
    private transient List<Indicators766Reports.Unit> units;
    private String listIndicator;
    private transient List<Indicators766.Cost> list = List.of();

    @PostConstruct
    void init() {
        LocalDate today = LocalDate.now(clock.withZone(VietnamTime.ZONE));
        from = today.withDayOfMonth(1);
        to = today;
        period = today.getYear() + "-Q" + ((today.getMonthValue() - 1) / 3 + 1);
    }

    /** The period of the filter, or null with a message when it is malformed. */
    private ReportPeriod period() {
        if ("NAMED".equals(mode)) {
            try {
                return ReportPeriod.named(period, "decree09".equals(cutoff));
            } catch (IllegalArgumentException e) {
                messages.error(null, "period.badName");
                return null;
            }
        }
        if (from == null || to == null) {
            init();
        }
        if (to.isBefore(from)) {
            messages.error(null, "reason.DATE_RANGE_REVERSED");
            return null;
        }
        return new ReportPeriod(from, to);
    }

    /** Computes the indicators for the filter. */
    public void apply() {
        result = null;
        list = List.of();
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
        list = result.costs().getOrDefault(indicatorId, List.of());
    }

    /** How many dossiers cost an indicator points. */
    public int costCount(String indicatorId) {
        return getResult() == null ? 0 : result.costs().getOrDefault(indicatorId, List.of()).size();
    }

    /** The indicator whose dossiers are listed, or null. */
    public Decision766.Indicator getListed() {
        return listIndicator == null ? null : Decision766.indicator(listIndicator);
    }

    /** A decimal the Vietnamese way (comma), two decimals: 66,67. */
    public String number(BigDecimal value) {
        return value == null ? "" : value.setScale(2, java.math.RoundingMode.HALF_UP).toPlainString().replace('.', ',');
    }

    public List<Indicators766.Cost> getList() {
        return list;
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

    public String getAgency() {
        return agency;
    }

    public void setAgency(String agency) {
        this.agency = agency == null || agency.isBlank() ? null : agency;
    }
}
