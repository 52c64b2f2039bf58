package vn.gov.quangtri.motcua.web.dossier;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import vn.gov.quangtri.motcua.calendar.application.CalendarService;
import vn.gov.quangtri.motcua.catalogue.application.CatalogueService;
import vn.gov.quangtri.motcua.dossier.application.DossierSearch;
import vn.gov.quangtri.motcua.dossier.domain.DossierStatus;
import vn.gov.quangtri.motcua.shared.domain.VietnamTime;

/**
 * The processing inbox (issue 3 §3): dossiers waiting for me or my unit, most urgent first, coloured by
 * due soon / overdue, with paging and filters (procedure, field, status, received between).
 */
@Named
@ViewScoped
public class InboxPage implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    private DossierSearch search;

    @EJB
    private CalendarService calendars;

    @EJB
    private CatalogueService catalogue;

    @Inject
    private Clock clock;

    private boolean mineOnly;
    private String procedureText;
    private String field;
    private DossierStatus status;
    private LocalDate receivedFrom;
    private LocalDate receivedTo;
    private List<String> fields;
    private DossierRowModel rows;

    @PostConstruct
    void init() {
        fields = catalogue.fields();
        rows = new DossierRowModel((offset, limit, part) -> search.inbox(criteria(), offset, limit, part), () -> calendars.current(), clock);
    }

    private DossierSearch.InboxCriteria criteria() {
        return new DossierSearch.InboxCriteria(mineOnly, procedureText, field, status,
            receivedFrom == null ? null : receivedFrom.atStartOfDay(VietnamTime.ZONE).toInstant(),
            receivedTo == null ? null : receivedTo.plusDays(1).atStartOfDay(VietnamTime.ZONE).toInstant());
    }

    /** Statuses offered in the filter. */
    public DossierStatus[] getStatuses() {
        return DossierStatus.values();
    }

    public DossierRowModel getRows() {
        return rows;
    }

    public List<String> getFields() {
        return fields;
    }

    public boolean isMineOnly() {
        return mineOnly;
    }

    public void setMineOnly(boolean mineOnly) {
        this.mineOnly = mineOnly;
    }

    public String getProcedureText() {
        return procedureText;
    }

    public void setProcedureText(String procedureText) {
        this.procedureText = procedureText;
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
