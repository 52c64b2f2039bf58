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
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import vn.gov.quangtri.motcua.calendar.domain.TimeLimit;
import vn.gov.quangtri.motcua.shared.domain.TextSearch;

/**
 * An administrative procedure (thủ tục hành chính) of the catalogue: national code (or a local code
 * marked as such), name, field (lĩnh vực), implementing levels, statutory time limit, fee, required
 * documents and the ordered internal process.
 *
 * <p>A procedure whose time limit is unknown is kept but cannot receive dossiers until an
 * administrator completes it: a limit is never guessed (case C06(d)). Each change increases
 * {@link #revision()}; dossiers keep a snapshot of the revision they were received under.
 */
@Entity
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
