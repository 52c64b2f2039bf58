package vn.gov.quangtri.motcua.web.report;

import java.io.Serializable;
import java.time.LocalDate;
import vn.gov.quangtri.motcua.reporting.domain.ReportPeriod;
import vn.gov.quangtri.motcua.web.shell.Messages;

/**
 * The period picked on a report screen (period report, Decision 766 indicators): either a range of days (from/to) or
 * a named month, quarter, half-year or year ({@link ReportPeriod#named}) with calendar months or the Decree 09/2019
 * cut-off. Vietnam days. The pages bind its fields ({@code #{page.choice.from}}) and ask it for the days.
 */
public class PeriodChoice implements Serializable {

    private static final long serialVersionUID = 1L;

    /** {@code RANGE} (from/to) or {@code NAMED} (period + cutoff). */
    private String mode = "RANGE";
    private LocalDate from;
    private LocalDate to;
    private String period;
    private String cutoff = "calendar";
    private LocalDate today;

    /** Defaults for today (Vietnam day): the month so far, or this quarter when named. */
    public PeriodChoice(LocalDate today) {
        this.today = today;
        reset();
    }

    private void reset() {
        from = today.withDayOfMonth(1);
        to = today;
        period = today.getYear() + "-Q" + ((today.getMonthValue() - 1) / 3 + 1);
    }

    /**
     * The days chosen, or null after putting a message (bad period name: {@code period.badName}; a range ending
     * before it starts: {@code reason.DATE_RANGE_REVERSED}). A range left empty falls back to the defaults.
     */
    public ReportPeriod days(Messages messages) {
        if ("NAMED".equals(mode)) {
            try {
                return ReportPeriod.named(period, "decree09".equals(cutoff));
            } catch (IllegalArgumentException e) {
                messages.error(null, "period.badName");
                return null;
            }
        }
        if (from == null || to == null) {
            reset();
        }
        if (to.isBefore(from)) {
            messages.error(null, "reason.DATE_RANGE_REVERSED");
            return null;
        }
        return new ReportPeriod(from, to);
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
}
