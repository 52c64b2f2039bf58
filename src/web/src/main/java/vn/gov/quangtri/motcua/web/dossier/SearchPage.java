package vn.gov.quangtri.motcua.web.dossier;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;
import vn.gov.quangtri.motcua.calendar.application.CalendarService;
import vn.gov.quangtri.motcua.dossier.application.DossierSearch;
import vn.gov.quangtri.motcua.dossier.domain.DossierStatus;
import vn.gov.quangtri.motcua.shared.domain.VietnamTime;

/**
 * Search of every dossier of the signed-in account's units (any status): by code, applicant name without
 * diacritics (case C15), procedure code, status and receipt dates; newest first, paged.
 */
@Named
@ViewScoped
public class SearchPage implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    private DossierSearch search;

    @EJB
    private CalendarService calendars;

    @Inject
    private Clock clock;

    private String code;
    private String applicant;
    private String procedureCode;
    private DossierStatus status;
    private LocalDate receivedFrom;
    private LocalDate receivedTo;
    private LazyDataModel<DossierRow> rows;

    @PostConstruct
    void init() {
        rows = new LazyDataModel<>() {
            private static final long serialVersionUID = 1L;

            @Override
            public int count(Map<String, FilterMeta> filterBy) {
                return (int) search.search(criteria(), 0, 1).total();
            }

            @Override
            public List<DossierRow> load(int first, int pageSize, Map<String, SortMeta> sortBy,
                                         Map<String, FilterMeta> filterBy) {
                DossierSearch.Page page = search.search(criteria(), first, Math.max(1, Math.min(pageSize, 500)));
                setRowCount((int) page.total());
                Instant now = clock.instant();
                var calendar = calendars.current();
                return page.items().stream().map(d -> DossierRow.of(d, calendar, now)).toList();
            }

            @Override
            public String getRowKey(DossierRow row) {
                return row.code();
            }
        };
    }

    private DossierSearch.Criteria criteria() {
        return new DossierSearch.Criteria(status, null, procedureCode, applicant, code,
            receivedFrom == null ? null : receivedFrom.atStartOfDay(VietnamTime.ZONE).toInstant(),
            receivedTo == null ? null : receivedTo.plusDays(1).atStartOfDay(VietnamTime.ZONE).toInstant());
    }

    public DossierStatus[] getStatuses() {
        return DossierStatus.values();
    }

    public LazyDataModel<DossierRow> getRows() {
        return rows;
    }

    public String getCode() {
        return code;
    }

    public void setCode(String code) {
        this.code = code;
    }

    public String getApplicant() {
        return applicant;
    }

    public void setApplicant(String applicant) {
        this.applicant = applicant;
    }

    public String getProcedureCode() {
        return procedureCode;
    }

    public void setProcedureCode(String procedureCode) {
        this.procedureCode = procedureCode;
    }

    public DossierStatus getStatus() {
        return status;
    }

    public void setStatus(DossierStatus status) {
        this.status = status;
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
}
