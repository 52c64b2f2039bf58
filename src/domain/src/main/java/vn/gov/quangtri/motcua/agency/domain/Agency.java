package vn.gov.quangtri.motcua.agency.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.LocalDate;
import vn.gov.quangtri.motcua.shared.domain.LocalDateConverter;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * An agency or administrative unit (cơ quan, đơn vị) in a hierarchy of any depth, valid for a period.
 * A reorganisation is data: the old unit gets a {@code validTo} date and a successor link, the new unit
 * a {@code validFrom} date (agencies.csv; Resolution 1680/NQ-UBTVQH15 for the 1/7/2025 commune merger).
 *
 * <p>The electronic identifier follows Decision 20/2020/QĐ-TTg ({@code V1V2V3.Z1Z2.Y1Y2.MX1X2}); where
 * the official one is unknown the sample data assigns one in the legal pattern and flags it as a
 * placeholder for the administrator to correct.
 */
@Entity
@Table(name = "agency")
@NamedQuery(name = "Agency.findAll", query = "SELECT a FROM Agency a ORDER BY a.code")
@NamedQuery(name = "Agency.findByEdocCode", query = "SELECT a FROM Agency a WHERE a.edocCode = :edocCode")
public class Agency {

    /** Decision 20/2020/QĐ-TTg identifier pattern; letters are accepted in levels 2–4 for placeholders. */
    public static final Pattern EDOC_CODE = Pattern.compile("[0-9A-Z]{3}\\.[0-9A-Z]{2}\\.[0-9A-Z]{2}\\.[A-Z][0-9]{2}");

    @Id
    @Column(name = "code", length = 60)
    private String code;

    @Column(name = "name", length = 300, nullable = false)
    private String name;

    @Enumerated(EnumType.STRING)
    @Column(name = "kind", length = 20, nullable = false)
    private AgencyKind kind;

    @Enumerated(EnumType.STRING)
    @Column(name = "level", length = 20, nullable = false)
    private AgencyLevel level;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "parent_code")
    private Agency parent;

    @Column(name = "edoc_code", length = 20, unique = true)
    private String edocCode;

    @Column(name = "edoc_code_placeholder", nullable = false)
    private boolean edocCodePlaceholder;

    @Column(name = "gso_code", length = 10)
    private String gsoCode;

    @Convert(converter = LocalDateConverter.class)
    @Column(name = "valid_from")
    private LocalDate validFrom;

    @Convert(converter = LocalDateConverter.class)
    @Column(name = "valid_to")
    private LocalDate validTo;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "successor_code")
    private Agency successor;

    @Column(name = "receives_dossiers", nullable = false)
    private boolean receivesDossiers;

    @Column(name = "data_status", length = 60)
    private String dataStatus;

    @Column(name = "notes", length = 4000)
    private String notes;

    @Version
    @Column(name = "version")
    private long version;

    /** For JPA only. */
    protected Agency() {
    }

    /**
     * @param code     internal key, e.g. {@code QT25.SNV}
     * @param name     Vietnamese name
     * @param kind     kind of unit
     * @param level    administrative level
     * @param parent   parent unit or null for the province
     * @param edocCode electronic identifier ({@link #EDOC_CODE}) or null
     * @param placeholder true when {@code edocCode} was assigned by us and awaits the official value
     * @throws IllegalArgumentException if the identifier does not have the legal shape
     */
    public Agency(String code, String name, AgencyKind kind, AgencyLevel level, Agency parent,
                  String edocCode, boolean placeholder) {
        this.code = Objects.requireNonNull(code, "code");
        this.name = Objects.requireNonNull(name, "name");
        this.kind = Objects.requireNonNull(kind, "kind");
        this.level = Objects.requireNonNull(level, "level");
        this.parent = parent;
        if (edocCode != null && !EDOC_CODE.matcher(edocCode).matches()) {
            throw new IllegalArgumentException("electronic identifier must look like 000.00.00.H50: " + edocCode);
        }
        this.edocCode = edocCode;
        this.edocCodePlaceholder = placeholder;
    }

    /**
     * True when the unit exists on the given day (validFrom ≤ day ≤ validTo, open ends allowed).
     *
     * @param day a Vietnam-local date
     */
    public boolean isValidOn(LocalDate day) {
        return (validFrom == null || !day.isBefore(validFrom)) && (validTo == null || !day.isAfter(validTo));
    }

    public String code() {
        return code;
    }

    public String name() {
        return name;
    }

    public AgencyKind kind() {
        return kind;
    }

    public AgencyLevel level() {
        return level;
    }

    public Agency parent() {
        return parent;
    }

    public String edocCode() {
        return edocCode;
    }

    public boolean edocCodePlaceholder() {
        return edocCodePlaceholder;
    }

    public String gsoCode() {
        return gsoCode;
    }

    public LocalDate validFrom() {
        return validFrom;
    }

    public LocalDate validTo() {
        return validTo;
    }

    public Agency successor() {
        return successor;
    }

    /** True for units with a one-stop desk (centres, district and commune committees). */
    public boolean receivesDossiers() {
        return receivesDossiers;
    }

    public String dataStatus() {
        return dataStatus;
    }

    public String notes() {
        return notes;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Agency other && code.equals(other.code);
    }

    @Override
    public int hashCode() {
        return code.hashCode();
    }
}
