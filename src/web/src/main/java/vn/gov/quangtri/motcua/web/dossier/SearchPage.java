package vn.gov.quangtri.motcua.web.dossier;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.Clock;
import java.time.LocalDate;
import vn.gov.quangtri.motcua.calendar.application.CalendarService;
import vn.gov.quangtri.motcua.dossier.application.DossierSearch;
import vn.gov.quangtri.motcua.dossier.domain.DossierStatus;
import vn.gov.quangtri.motcua.shared.domain.VietnamTime;

/**
 * Search of every dossier of the signed-in account's units (any status): by code, applicant name without
 * diacritics (docs/cases.md C15), procedure code, status and receipt dates; newest first, paged.
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
    private String idNumber;
    private String phone;
    private String procedureCode;
    private DossierStatus status;
    private LocalDate receivedFrom;
    private LocalDate receivedTo;
    private DossierRowModel rows;

    @PostConstruct
    void init() {
        rows = new DossierRowModel((offset, limit, part) -> search.search(criteria(), offset, limit, part), () -> calendars.current(), clock);
    }

    private DossierSearch.Criteria criteria() {
        return new DossierSearch.Criteria(status, null, procedureCode, applicant, code,
            receivedFrom == null ? null : receivedFrom.atStartOfDay(VietnamTime.ZONE).toInstant(),
            receivedTo == null ? null : receivedTo.plusDays(1).atStartOfDay(VietnamTime.ZONE).toInstant(), idNumber, phone);
    }

    public DossierStatus[] getStatuses() {
        return DossierStatus.values();
    }

    public DossierRowModel getRows() {
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

    public String getIdNumber() {
        return idNumber;
    }

    public void setIdNumber(String idNumber) {
        this.idNumber = idNumber;
    }

    public String getPhone() {
        return phone;
    }

    public void setPhone(String phone) {
        this.phone = phone;
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
