package vn.gov.quangtri.motcua.catalogue.domain;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import vn.gov.quangtri.motcua.calendar.domain.TimeLimit;
import vn.gov.quangtri.motcua.calendar.domain.TimeLimitUnit;
import vn.gov.quangtri.motcua.shared.domain.ConflictException;
import vn.gov.quangtri.motcua.shared.domain.RuleViolationException;
import vn.gov.quangtri.motcua.shared.domain.TextSearch;
import vn.gov.quangtri.motcua.shared.domain.Texts;

/**
 * An administrative procedure (thủ tục hành chính) of the catalogue: national code (or a local code
 * marked as such), name, field (lĩnh vực), implementing levels, statutory time limit, fee, required
 * documents and the ordered internal process.
 *
 * <p>A procedure whose time limit is unknown is kept but cannot receive dossiers until an
 * administrator completes it: a limit is never guessed (docs/cases.md C06(d)). Each change increases
 * {@link #revision()}; dossiers keep a snapshot of the revision they were received under.
 *
 * <p><b>Administration</b> ({@link #revise}, {@link #replaceDocuments}, {@link #replaceSteps}): each save
 * increases the revision by one. A dossier copies code, name, revision, field, time limit and fee at
 * intake and plans its steps then, so an edit never moves a received dossier's deadline (docs/domain.md §0).
 * The step allotments of the internal process must not exceed the statutory limit (docs/domain.md §3.6);
 * the check uses the office day's working minutes, which the caller passes.
 *
 * <p>Size: above 400 lines because it is the catalogue aggregate root: documents, process steps, legs and the
 * revision rule are changed only through its methods, each documented here.
 */
@Entity
@jakarta.persistence.Cacheable
@Table(name = "procedure")
@NamedQuery(name = "Procedure.findByCode", query = "SELECT p FROM Procedure p WHERE p.code = :code")
public class Procedure {

    @Id
    @SequenceGenerator(name = "procedure_seq", sequenceName = "procedure_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "procedure_seq")
    private Long id;

    @Column(name = "code", length = 40, nullable = false, unique = true)
    private String code;

    @Column(name = "local_code", nullable = false)
    private boolean localCode;

    @Column(name = "name", length = 2000, nullable = false)
    private String name;

    @Column(name = "name_search", length = 2000, nullable = false)
    private String nameSearch;

    @Column(name = "field", length = 300)
    private String field;

    @Column(name = "levels", length = 100)
    private String levels;

    @Column(name = "agency_type", length = 300)
    private String agencyType;

    @Embedded
    private TimeLimit timeLimit;

    @Column(name = "fee_vnd")
    private Long feeVnd;

    @Column(name = "interagency")
    private Boolean interAgency;

    @Column(name = "pause_for_financial_obligation", nullable = false)
    private boolean pauseForFinancialObligation;

    @Column(name = "electronic_result", nullable = false)
    private boolean electronicResult = true;

    @Column(name = "legal_basis", length = 1000)
    private String legalBasis;

    @Column(name = "source", length = 1000)
    private String source;

    @Column(name = "confidence", length = 300)
    private String confidence;

    @Column(name = "reviewed", nullable = false)
    private boolean reviewed;

    @Column(name = "notes", length = 4000)
    private String notes;

    @Column(name = "revision", nullable = false)
    private int revision;

    @OneToMany(mappedBy = "procedure", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("position")
    private List<RequiredDocument> documents = new ArrayList<>();

    @OneToMany(mappedBy = "procedure", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("position")
    private List<ProcessStepTemplate> steps = new ArrayList<>();

    @Version
    @Column(name = "version")
    private long version;

    /** For JPA only. */
    protected Procedure() {
    }

    /**
     * @param code      national code {@code d.dddddd} or a local code
     * @param localCode true when {@code code} is our local code because the national one is unknown
     * @param name      Vietnamese name
     * @param field     field (lĩnh vực), may be null
     * @param levels    implementing levels, may be empty
     * @param timeLimit statutory limit, or null when the catalogue does not give one
     */
    public Procedure(String code, boolean localCode, String name, String field, Set<ProcedureLevel> levels,
                     TimeLimit timeLimit) {
        this.code = Objects.requireNonNull(code, "code");
        this.localCode = localCode;
        this.name = TextSearch.nfc(Objects.requireNonNull(name, "name"));
        this.nameSearch = TextSearch.fold(name);
        this.field = TextSearch.nfc(field);
        this.levels = levels.stream().map(Enum::name).sorted().collect(Collectors.joining(";"));
        this.timeLimit = timeLimit;
        this.revision = 1;
    }

    /** Appends a required document at the end of the list. */
    public void addRequiredDocument(String name, DocumentForm form, int quantity) {
        documents.add(new RequiredDocument(this, documents.size() + 1, TextSearch.nfc(name), form, quantity));
    }

    /** Appends an internal process step at the end of the process. */
    public void addStep(String name, StepRole role, StepKind kind, String responsibleUnit, TimeLimit allotment) {
        steps.add(new ProcessStepTemplate(this, steps.size() + 1, name, role, kind, responsibleUnit, allotment));
    }

    /**
     * Saves a new header: name, field, time limit, fee. Increases the revision.
     *
     * @param details             the new values
     * @param expectedRevision    the revision the editor started from, or null to skip the check
     * @param workingMinutesPerDay working minutes of an office day (480 for 08:00–12:00, 13:00–17:00)
     * @return what changed, one line per field (for the audit log)
     * @throws ConflictException      {@code CONCURRENT_CHANGE} when {@code expectedRevision} is not the current one
     * @throws RuleViolationException {@code NAME_REQUIRED}, {@code TEXT_TOO_LONG}, {@code FEE_NEGATIVE},
     *                                {@code TIME_LIMIT_REQUIRED} (an existing limit cannot be removed),
     *                                {@code TIME_LIMIT_INVALID} (zero counted limit, fractional calendar days),
     *                                {@code STEP_ALLOTMENTS_EXCEED_LIMIT}, {@code NO_CHANGE}
     */
    public List<String> revise(ProcedureDetails details, Integer expectedRevision, long workingMinutesPerDay) {
        requireRevision(expectedRevision);
        String newName = text("name", details.name(), 2000, true);
        String newField = text("field", details.field(), 300, false);
        TimeLimit newLimit = details.timeLimit();
        if (newLimit == null && timeLimit != null) {
            throw new RuleViolationException("TIME_LIMIT_REQUIRED", "Không thể xóa thời hạn giải quyết đã có.",
                List.of("timeLimit"));
        }
        if (newLimit != null) {
            requireValidLimit(newLimit);
            AllotmentCheck check = check(steps.stream().map(ProcessStepTemplate::allotment).toList(), newLimit,
                workingMinutesPerDay);
            requireWithinLimit(check);
        }
        if (details.feeVnd() != null && details.feeVnd() < 0) {
            throw new RuleViolationException("FEE_NEGATIVE", "Phí, lệ phí không được âm.", List.of("feeVnd"));
        }
        List<String> changes = new ArrayList<>();
        diff(changes, "tên", name, newName);
        diff(changes, "lĩnh vực", field, newField);
        diff(changes, "thời hạn", timeLimit, newLimit);
        diff(changes, "phí, lệ phí (đồng)", feeVnd, details.feeVnd());
        boolean newElectronic = details.electronicResult() == null ? electronicResult : details.electronicResult();
        diff(changes, "kết quả điện tử", electronicResult ? "có" : "không", newElectronic ? "có" : "không");
        requireChanged(changes);
        electronicResult = newElectronic;
        name = newName;
        nameSearch = TextSearch.fold(newName);
        field = newField;
        timeLimit = newLimit;
        feeVnd = details.feeVnd();
        revision++;
        return changes;
    }

    /**
     * Replaces the list of required documents (in the given order). Increases the revision.
     *
     * @return what changed (for the audit log)
     * @throws ConflictException      {@code CONCURRENT_CHANGE}
     * @throws RuleViolationException {@code NAME_REQUIRED}, {@code TEXT_TOO_LONG}, {@code FORM_REQUIRED},
     *                                {@code COPIES_INVALID} (fewer than 1), {@code CONDITION_REQUIRED} (a conditional
     *                                document must say when it is needed), {@code NO_CHANGE}
     */
    public List<String> replaceDocuments(List<DocumentSpec> specs, Integer expectedRevision) {
        requireRevision(expectedRevision);
        List<DocumentSpec> clean = new ArrayList<>();
        for (int i = 0; i < specs.size(); i++) {
            DocumentSpec d = specs.get(i);
            String where = "documents[" + (i + 1) + "]";
            String n = text(where + ".name", d.name(), 1000, true);
            if (d.form() == null) {
                throw new RuleViolationException("FORM_REQUIRED", "Giấy tờ số " + (i + 1)
                    + ": phải chọn hình thức (bản chính, bản sao có chứng thực, bản sao).", List.of(where + ".form"));
            }
            if (d.copies() < 1) {
                throw new RuleViolationException("COPIES_INVALID", "Giấy tờ số " + (i + 1)
                    + ": số lượng phải từ 1 trở lên.", List.of(where + ".copies"));
            }
            String condition = d.required() ? null : text(where + ".condition", d.condition(), 1000, false);
            if (!d.required() && condition == null) {
                throw new RuleViolationException("CONDITION_REQUIRED", "Giấy tờ số " + (i + 1)
                    + " là giấy tờ có điều kiện: phải ghi rõ trường hợp nào cần nộp.", List.of(where + ".condition"));
            }
            clean.add(new DocumentSpec(n, d.form(), d.copies(), d.required(), condition));
        }
        List<DocumentSpec> before = documents.stream().map(RequiredDocument::spec).toList();
        List<String> changes = listDiff("thành phần hồ sơ", before, clean);
        requireChanged(changes);
        for (int i = 0; i < clean.size(); i++) {
            DocumentSpec d = clean.get(i);
            if (i < documents.size()) {
                documents.get(i).update(d.name(), d.form(), d.copies(), d.required(), d.condition());
            } else {
                RequiredDocument added = new RequiredDocument(this, i + 1, d.name(), d.form(), d.copies());
                added.update(d.name(), d.form(), d.copies(), d.required(), d.condition());
                documents.add(added);
            }
        }
        while (documents.size() > clean.size()) {
            documents.remove(documents.size() - 1);
        }
        revision++;
        return changes;
    }

    /**
     * Replaces the approved internal process (in the given order); an empty list means "not configured"
     * (the planner then shares the limit among four generic steps). Increases the revision.
     *
     * @param workingMinutesPerDay working minutes of an office day, to compare day and hour allotments
     * @return what changed (for the audit log)
     * @throws ConflictException      {@code CONCURRENT_CHANGE}
     * @throws RuleViolationException {@code NAME_REQUIRED}, {@code TEXT_TOO_LONG}, {@code ROLE_REQUIRED},
     *                                {@code KIND_REQUIRED}, {@code STEP_ALLOTMENT_INVALID} (missing, zero, or not in
     *                                working days/hours), {@code APPROVAL_STEP_MISSING} (rejection needs an approval
     *                                step), {@code STEP_ALLOTMENTS_EXCEED_LIMIT}, {@code NO_CHANGE}
     */
    public List<String> replaceSteps(List<StepSpec> specs, Integer expectedRevision, long workingMinutesPerDay) {
        requireRevision(expectedRevision);
        List<StepSpec> clean = new ArrayList<>();
        for (int i = 0; i < specs.size(); i++) {
            StepSpec st = specs.get(i);
            String where = "steps[" + (i + 1) + "]";
            String n = text(where + ".name", st.name(), 300, true);
            if (st.role() == null) {
                throw new RuleViolationException("ROLE_REQUIRED", "Bước " + (i + 1) + ": phải chọn người thực hiện.",
                    List.of(where + ".role"));
            }
            if (st.kind() == null) {
                throw new RuleViolationException("KIND_REQUIRED", "Bước " + (i + 1) + ": phải chọn loại bước.",
                    List.of(where + ".kind"));
            }
            TimeLimit a = st.allotment();
            if (a == null || a.value().signum() <= 0
                || (a.unit() != TimeLimitUnit.WORKING_DAY && a.unit() != TimeLimitUnit.WORKING_HOUR)) {
                throw new RuleViolationException("STEP_ALLOTMENT_INVALID", "Bước " + (i + 1)
                    + ": thời gian phải lớn hơn 0 và tính bằng ngày làm việc hoặc giờ làm việc.", List.of(where + ".allotment"));
            }
            clean.add(new StepSpec(n, st.role(), st.kind(), text(where + ".responsibleUnit", st.responsibleUnit(), 300, false), a));
        }
        if (!clean.isEmpty() && clean.stream().noneMatch(st -> st.kind() == StepKind.APPROVAL)) {
            throw new RuleViolationException("APPROVAL_STEP_MISSING", "Quy trình phải có ít nhất một bước phê duyệt"
                + " (để có thể phê duyệt hoặc từ chối giải quyết hồ sơ).", List.of("steps"));
        }
        requireWithinLimit(check(clean.stream().map(StepSpec::allotment).toList(), timeLimit, workingMinutesPerDay));
        List<StepSpec> before = steps.stream().map(ProcessStepTemplate::spec).toList();
        List<String> changes = listDiff("bước", before, clean);
        requireChanged(changes);
        for (int i = 0; i < clean.size(); i++) {
            StepSpec st = clean.get(i);
            if (i < steps.size()) {
                steps.get(i).update(st.name(), st.role(), st.kind(), st.responsibleUnit(), st.allotment());
            } else {
                steps.add(new ProcessStepTemplate(this, i + 1, st.name(), st.role(), st.kind(), st.responsibleUnit(),
                    st.allotment()));
            }
        }
        while (steps.size() > clean.size()) {
            steps.remove(steps.size() - 1);
        }
        revision++;
        return changes;
    }

    /**
     * Compares the configured steps' allotments with the statutory limit (docs/domain.md §3.6).
     *
     * @param workingMinutesPerDay working minutes of an office day
     */
    public AllotmentCheck allotmentCheck(long workingMinutesPerDay) {
        return check(steps.stream().map(ProcessStepTemplate::allotment).toList(), timeLimit, workingMinutesPerDay);
    }

    /**
     * Compares step allotments with a time limit in working minutes ({@link TimeLimit#workingMinutes}); the
     * catalogue screen checks what is being typed with it before saving.
     *
     * @param allotments the steps' allotments (null entries are skipped)
     * @param limit      the statutory limit, or null when unknown
     * @param perDay     working minutes of an office day
     */
    public static AllotmentCheck check(List<TimeLimit> allotments, TimeLimit limit, long perDay) {
        long total = 0;
        for (TimeLimit a : allotments) {
            if (a != null) {
                total += a.workingMinutes(perDay);
            }
        }
        return new AllotmentCheck(total, limit == null ? null : limit.workingMinutes(perDay));
    }

    private static void requireWithinLimit(AllotmentCheck check) {
        if (check.exceedsLimit()) {
            throw new RuleViolationException("STEP_ALLOTMENTS_EXCEED_LIMIT", "Tổng thời gian các bước ("
                + check.allottedMinutes() + " phút làm việc) vượt thời hạn giải quyết (" + check.limitMinutes()
                + " phút làm việc); tổng thời gian các bước không được vượt thời hạn giải quyết.",
                List.of("allottedMinutes: " + check.allottedMinutes(), "limitMinutes: " + check.limitMinutes()));
        }
    }

    private static void requireValidLimit(TimeLimit limit) {
        boolean counted = limit.unit() != TimeLimitUnit.SAME_DAY;
        if (counted && limit.value().signum() <= 0) {
            throw new RuleViolationException("TIME_LIMIT_INVALID", "Thời hạn giải quyết phải lớn hơn 0"
                + " (thủ tục giải quyết trong ngày: chọn đơn vị \"trong ngày\").", List.of("timeLimit"));
        }
        if (limit.unit() == TimeLimitUnit.CALENDAR_DAY && limit.value().stripTrailingZeros().scale() > 0) {
            throw new RuleViolationException("TIME_LIMIT_INVALID", "Thời hạn tính theo ngày phải là số ngày nguyên.",
                List.of("timeLimit"));
        }
    }

    private void requireRevision(Integer expectedRevision) {
        if (expectedRevision != null && expectedRevision != revision) {
            throw new ConflictException("CONCURRENT_CHANGE", "Thủ tục " + code + " đã được người khác sửa (phiên bản "
                + revision + ", bạn đang sửa phiên bản " + expectedRevision + "); hãy tải lại và sửa lại.");
        }
    }

    private static void requireChanged(List<String> changes) {
        if (changes.isEmpty()) {
            throw new RuleViolationException("NO_CHANGE", "Không có thay đổi nào để lưu.");
        }
    }

    private static String text(String what, String value, int max, boolean required) {
        String v = TextSearch.nfc(value);
        v = v == null || v.isBlank() ? null : v.strip();
        if (v == null && required) {
            throw new RuleViolationException("NAME_REQUIRED", "Phải nhập " + what + ".", List.of(what));
        }
        if (v != null && v.length() > max) {
            throw new RuleViolationException("TEXT_TOO_LONG", what + " dài " + v.length() + " ký tự; tối đa " + max
                + " ký tự.", List.of(what + ": at most " + max + " characters"));
        }
        return Texts.plain(what, v, true);
    }

    /** Records a change for the audit log, in Vietnamese (time limits as words, nothing as "—"). */
    private static void diff(List<String> changes, String what, Object before, Object after) {
        if (!Objects.equals(before, after)) {
            changes.add(what + ": " + shown(before) + " → " + shown(after));
        }
    }

    private static String shown(Object value) {
        return value == null ? "—" : value instanceof TimeLimit t ? t.vietnamese() : value.toString();
    }

    private static <T> List<String> listDiff(String what, List<T> before, List<T> after) {
        List<String> changes = new ArrayList<>();
        for (int i = 0; i < Math.max(before.size(), after.size()); i++) {
            T b = i < before.size() ? before.get(i) : null;
            T a = i < after.size() ? after.get(i) : null;
            diff(changes, what + "[" + (i + 1) + "]", b, a);
        }
        return changes;
    }

    /** True when dossiers can be received: the statutory time limit is known. */
    public boolean canReceiveDossiers() {
        return timeLimit != null;
    }

    public Long id() {
        return id;
    }

    public String code() {
        return code;
    }

    public boolean localCode() {
        return localCode;
    }

    public String name() {
        return name;
    }

    public String field() {
        return field;
    }

    /** Implementing levels; empty when the source does not say. */
    public Set<ProcedureLevel> levels() {
        if (levels == null || levels.isBlank()) {
            return Collections.emptySet();
        }
        return Arrays.stream(levels.split(";")).map(ProcedureLevel::valueOf)
            .collect(Collectors.toCollection(() -> EnumSet.noneOf(ProcedureLevel.class)));
    }

    public String agencyType() {
        return agencyType;
    }

    /** Statutory limit, or null when unknown (then no dossier can be received). */
    public TimeLimit timeLimit() {
        return timeLimit;
    }

    /** Fee in VND, or null when not stated or set locally. */
    public Long feeVnd() {
        return feeVnd;
    }

    /** True/false when known, null when the catalogue does not say. */
    public Boolean interAgency() {
        return interAgency;
    }

    /** True where sector law excludes the time waiting for the applicant's financial obligation. */
    public boolean pauseForFinancialObligation() {
        return pauseForFinancialObligation;
    }

    public String legalBasis() {
        return legalBasis;
    }

    /**
     * Whether the result is also issued electronically (the signed result file attached with purpose RESULT), so that
     * the public lookup offers it and the return record points to it (issue 15 §2; Decree 107/2021/NĐ-CP and
     * Decree 118/2025/NĐ-CP on electronic results, docs/domain.md §7). True unless an administrator turned it off for
     * a procedure whose result is not a document.
     */
    public boolean electronicResult() {
        return electronicResult;
    }

    public String source() {
        return source;
    }

    public String confidence() {
        return confidence;
    }

    /** True for the hand-reviewed procedures (procedures.csv), false for raw catalogue rows. */
    public boolean reviewed() {
        return reviewed;
    }

    public String notes() {
        return notes;
    }

    public int revision() {
        return revision;
    }

    public List<RequiredDocument> documents() {
        return Collections.unmodifiableList(documents);
    }

    public List<ProcessStepTemplate> steps() {
        return Collections.unmodifiableList(steps);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Procedure other && code.equals(other.code);
    }

    @Override
    public int hashCode() {
        return code.hashCode();
    }
}
