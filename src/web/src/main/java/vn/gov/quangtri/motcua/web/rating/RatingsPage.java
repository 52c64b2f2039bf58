package vn.gov.quangtri.motcua.web.rating;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.ByteArrayInputStream;
import java.io.Serializable;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.primefaces.model.DefaultStreamedContent;
import org.primefaces.model.StreamedContent;
import vn.gov.quangtri.motcua.rating.application.RatingService;
import vn.gov.quangtri.motcua.rating.domain.RatingLevel;
import vn.gov.quangtri.motcua.rating.domain.RatingReport;
import vn.gov.quangtri.motcua.rating.infrastructure.RatingWorkbook;
import vn.gov.quangtri.motcua.reporting.domain.ReportPeriod;
import vn.gov.quangtri.motcua.shared.domain.VietnamTime;
import vn.gov.quangtri.motcua.web.shell.Actions;
import vn.gov.quangtri.motcua.web.shell.CurrentUser;
import vn.gov.quangtri.motcua.web.shell.Messages;

/**
 * The citizens' satisfaction statistics {@code /app/ratings.xhtml} (issue 13 §2; Decree 61/2018/NĐ-CP art. 32–33):
 * a period (this year up to today by default), a grouping (unit, criterion, procedure; officer for leaders and
 * administrators) and an optional unit; the table with answers per level and the satisfaction rate, the formula,
 * and the same as .xlsx. Aggregates only: no dossier, no comment, no rater.
 */
@Named
@ViewScoped
public class RatingsPage implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    private RatingService ratings;

    @Inject
    private Actions actions;

    @Inject
    private Messages messages;

    @Inject
    private CurrentUser user;

    @Inject
    private Clock clock;

    private LocalDate from;
    private LocalDate to;
    private String groupBy = "UNIT";
    private String agency;
    private transient RatingReport report;

    @PostConstruct
    void init() {
        LocalDate today = LocalDate.now(clock.withZone(VietnamTime.ZONE));
        from = today.withDayOfYear(1);
        to = today;
    }

    /** Computes the report for the filter. */
    public void apply() {
        report = null;
        if (from == null || to == null) {
            init();
        }
        if (to.isBefore(from)) {
            messages.error(null, "reason.DATE_RANGE_REVERSED");
            return;
        }
        report = actions.run(() -> ratings.report(new ReportPeriod(from, to), RatingReport.Grouping.parse(groupBy),
            agency == null || agency.isBlank() ? null : agency.strip()));
    }

    /** The report, computed on first use. */
    public RatingReport getReport() {
        if (report == null && !jakarta.faces.context.FacesContext.getCurrentInstance().isPostback()) {
            apply();
        }
        return report;
    }

    /** The report as .xlsx; null with a message when refused. */
    public StreamedContent getExport() {
        apply();
        if (report == null) {
            return null;
        }
        byte[] bytes = RatingWorkbook.xlsx(report, new ReportPeriod(from, to));
        return DefaultStreamedContent.builder().name("danh-gia-hai-long-" + from + "_" + to + ".xlsx")
            .contentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
            .stream(() -> new ByteArrayInputStream(bytes)).build();
    }

    /** The groupings this user may choose. */
    public List<String> getGroupings() {
        return user.isLeader() || user.isAdministrator() ? List.of("UNIT", "OFFICER", "CRITERION", "PROCEDURE")
            : List.of("UNIT", "CRITERION", "PROCEDURE");
    }

    public RatingLevel[] getLevelValues() {
        return RatingLevel.values();
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

    public String getGroupBy() {
        return groupBy;
    }

    public void setGroupBy(String groupBy) {
        this.groupBy = groupBy;
    }

    public String getAgency() {
        return agency;
    }

    public void setAgency(String agency) {
        this.agency = agency;
    }
}
