package vn.gov.quangtri.motcua.api.rest.catalogue;

import java.math.BigDecimal;
import java.util.List;
import vn.gov.quangtri.motcua.catalogue.domain.Procedure;
import vn.gov.quangtri.motcua.catalogue.domain.ProcedureLevel;

/** JSON shapes of the procedure catalogue. */
public final class ProcedureDtos {

    private ProcedureDtos() {
    }

    /**
     * A time limit: {@code value} in {@code unit} (WORKING_DAY, CALENDAR_DAY, WORKING_HOUR, SAME_DAY).
     */
    public record TimeLimitDto(BigDecimal value, String unit) {
    }

    /** A procedure in search results. */
    public record ProcedureSummaryDto(String code, boolean localCode, String name, String field, List<String> levels,
                                      TimeLimitDto timeLimit, Long feeVnd, Boolean interAgency, boolean reviewed,
                                      boolean receivable) {
    }

    /** A required document (thành phần hồ sơ). */
    public record RequiredDocumentDto(int position, String name, String form, int quantity) {
    }

    /** A step of the internal process with its allotment. */
    public record StepTemplateDto(int position, String name, String role, String kind, String responsibleUnit,
                                  TimeLimitDto allotment) {
    }

    /**
     * A procedure with documents and internal process.
     *
     * @param electronicResult whether its result is also issued electronically, offered in the public lookup and
     *                         pointed to by the return record (issue 15 §2)
     */
    public record ProcedureDto(String code, boolean localCode, String name, String field, List<String> levels,
                               String agencyType, TimeLimitDto timeLimit, Long feeVnd, Boolean interAgency,
                               boolean pauseForFinancialObligation, boolean reviewed, boolean receivable,
                               String legalBasis, String source, String confidence, String notes, int revision,
                               List<RequiredDocumentDto> documents, List<StepTemplateDto> steps,
                               boolean electronicResult) {
    }

    /** A page of results. */
    public record ProcedurePageDto(long total, int offset, int limit, List<ProcedureSummaryDto> items) {
    }

    static TimeLimitDto limit(vn.gov.quangtri.motcua.calendar.domain.TimeLimit t) {
        return t == null ? null : new TimeLimitDto(t.value(), t.unit().name());
    }

    static List<String> levels(Procedure p) {
        return p.levels().stream().map(ProcedureLevel::name).toList();
    }

    static ProcedureSummaryDto summary(Procedure p) {
        return new ProcedureSummaryDto(p.code(), p.localCode(), p.name(), p.field(), levels(p), limit(p.timeLimit()),
            p.feeVnd(), p.interAgency(), p.reviewed(), p.canReceiveDossiers());
    }

    static ProcedureDto full(Procedure p) {
        return new ProcedureDto(p.code(), p.localCode(), p.name(), p.field(), levels(p), p.agencyType(),
            limit(p.timeLimit()), p.feeVnd(), p.interAgency(), p.pauseForFinancialObligation(), p.reviewed(),
            p.canReceiveDossiers(), p.legalBasis(), p.source(), p.confidence(), p.notes(), p.revision(),
            p.documents().stream().map(d -> new RequiredDocumentDto(d.position(), d.name(), d.form().name(),
                d.quantity())).toList(),
            p.steps().stream().map(s -> new StepTemplateDto(s.position(), s.name(), s.role().name(), s.kind().name(),
                s.responsibleUnit(), limit(s.allotment()))).toList(), p.electronicResult());
    }
}
