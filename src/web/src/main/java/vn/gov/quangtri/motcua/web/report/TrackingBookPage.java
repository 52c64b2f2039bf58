package vn.gov.quangtri.motcua.web.report;

import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.primefaces.model.DefaultStreamedContent;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;
import org.primefaces.model.StreamedContent;
import vn.gov.quangtri.motcua.dossier.domain.DossierStatus;
import vn.gov.quangtri.motcua.reporting.application.ReportingService;
import vn.gov.quangtri.motcua.reporting.application.TrackingBookExport;
import vn.gov.quangtri.motcua.reporting.application.TrackingBookFilter;
import vn.gov.quangtri.motcua.reporting.application.TrackingBookRow;
import vn.gov.quangtri.motcua.shared.domain.VietnamTime;
import vn.gov.quangtri.motcua.web.shell.Actions;
import vn.gov.quangtri.motcua.web.shell.CurrentUser;

/**
 * The dossier tracking book (Sổ theo dõi hồ sơ, form 07) of the signed-in account's units, with filters
 * (received between, procedure, field, status), paging, and export to XLSX with the same rows.
 */
@Named("trackingBookPage")
@ViewScoped
public class TrackingBookPage implements Serializable {

    private static final long serialVersionUID = 1L;

    /** Most rows exported at once (read from the service in pages of its maximum size). */
    /** Most lines of an exported book (the file is streamed, so memory does not grow with it). */
    static final int EXPORT_LIMIT = 500_000;

    @EJB
    private ReportingService reporting;

    @EJB
    private TrackingBookExport export;

    @Inject
    private Actions actions;

    @Inject
    private CurrentUser user;

    private LocalDate receivedFrom = LocalDate.now(VietnamTime.ZONE).withDayOfMonth(1);
    private LocalDate receivedTo = LocalDate.now(VietnamTime.ZONE);
    private String procedureCode;
    private String field;
    private DossierStatus status;
    /** The service refused the applied filters (e.g. reversed dates; the message is shown): no rows. */
    private boolean refused;

    /**
     * The table: PrimeFaces calls {@code count} and then {@code load} once per render; the count is kept for the
     * page read right after it, so each query runs once (issue 12).
     */
    private final LazyDataModel<TrackingBookRow> rows = new LazyDataModel<>() {
        private static final long serialVersionUID = 1L;

        /** The count of the current render, passed to the page read (-1: not counted yet, the service counts). */
        private long counted = -1;

        @Override
        public int count(Map<String, FilterMeta> filterBy) {
            if (refused) {
                return 0;
            }
            Long total = actions.run(() -> reporting.trackingBookCount(filter()));
            counted = total == null ? 0 : total;
            return (int) counted;
        }

        @Override
        public List<TrackingBookRow> load(int first, int pageSize, Map<String, SortMeta> sortBy,
                                          Map<String, FilterMeta> filterBy) {
            if (refused) {
                setRowCount(0);
                return List.of();
            }
            vn.gov.quangtri.motcua.reporting.application.TrackingBookSlice page =
                actions.run(() -> reporting.trackingBook(filter(), first, Math.max(1, Math.min(pageSize, 500)), counted));
            if (page == null) {
                setRowCount(0);
                return List.of();
            }
            setRowCount((int) page.total());
            return page.rows();
        }

        @Override
        public String getRowKey(TrackingBookRow row) {
            return row.code();
        }
    };

    /**
     * "Lọc": checks the filters with the service before the table is drawn, so a refusal (e.g. a reversed
     * date range, {@code DATE_RANGE_REVERSED}) shows its message once and the table stays empty.
     */
    public void apply() {
        refused = actions.run(() -> reporting.trackingBook(filter(), 0, 1)) == null;
    }

    private TrackingBookFilter filter() {
        return new TrackingBookFilter(null, receivedFrom, receivedTo, blankToNull(procedureCode), blankToNull(field),
            status);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    /**
     * The filtered book as an .xlsx file (at most {@value #EXPORT_LIMIT} rows); null with a message when the
     * service refuses the filter (e.g. a reversed date range).
     */
    public StreamedContent getExport() {
        if (actions.run(() -> reporting.trackingBook(filter(), 0, 1)) == null) {
            return null;
        }
        TrackingBookFilter filter = filter();
        String unitName = user.getAgencyName();
        TrackingBookExport exporter = export;
        return DefaultStreamedContent.builder()
            .name(TrackingBookExport.fileName(receivedFrom, receivedTo))
            .contentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
            .writer(out -> exporter.write(filter, unitName, EXPORT_LIMIT, out))
            .build();
    }

    public DossierStatus[] getStatuses() {
        return DossierStatus.values();
    }

    public LazyDataModel<TrackingBookRow> getRows() {
        return rows;
    }

    public LocalDate getReceivedFrom() {
        return receivedFrom;
    }

    public void setReceivedFrom(LocalDate receivedFrom) {
        this.receivedFrom = receivedFrom;
    }

    public LocalDate getReceivedTo() {
        return receivedTo;
    }

    public void setReceivedTo(LocalDate receivedTo) {
        this.receivedTo = receivedTo;
    }

    public String getProcedureCode() {
        return procedureCode;
    }

    public void setProcedureCode(String procedureCode) {
        this.procedureCode = procedureCode;
    }

    public String getField() {
        return field;
    }

    public void setField(String field) {
        this.field = field;
    }

    public DossierStatus getStatus() {
        return status;
    }

    public void setStatus(DossierStatus status) {
        this.status = status;
    }
}
