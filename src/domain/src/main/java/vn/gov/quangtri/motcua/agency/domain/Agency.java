package vn.gov.quangtri.motcua.agency.domain;

import jakarta.persistence.CascadeType;
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
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;
import vn.gov.quangtri.motcua.shared.domain.ConflictException;
import vn.gov.quangtri.motcua.shared.domain.LocalDateConverter;
import vn.gov.quangtri.motcua.shared.domain.RuleViolationException;
import vn.gov.quangtri.motcua.shared.domain.TextSearch;
import vn.gov.quangtri.motcua.shared.domain.Texts;

/**
 * An agency or administrative unit (cơ quan, đơn vị) in a hierarchy of any depth, valid for a period.
 * A reorganisation is data: the old unit gets a {@code validTo} date and a successor link, the new unit
 * a {@code validFrom} date (agencies.csv; Resolution 1680/NQ-UBTVQH15 for the 1/7/2025 commune merger).
 *
 * <p>The electronic identifier follows Decision 20/2020/QĐ-TTg ({@code V1V2V3.Z1Z2.Y1Y2.MX1X2}); where
 * the official one is unknown the sample data assigns one in the legal pattern and flags it as a
 * placeholder for the administrator to correct.
 *
 * <p><b>Administration</b> ({@link #create}, {@link #rename}, {@link #close}, {@link #moveUnder}): dates are
 * Vietnam local dates (Asia/Ho_Chi_Minh) and validity bounds are inclusive. A rename keeps the former
 * name with the last day it was in force, so {@link #nameOn(LocalDate)} gives the name of any date: a
 * dossier references its receiving agency by code and shows the name in force on its receipt date
 * (the receipt slip, form 01, must keep showing the unit that received it). A closed unit keeps its row
 * for ever (dossiers, reports and successor links point to it). Rule violations throw
 * {@link RuleViolationException} / {@link ConflictException} with stable reason codes and Vietnamese
 * messages; nothing is changed when they are thrown.
 *
 * <p>Size: above 400 lines because the hierarchy's validity rules (rename with former names, move, close with
 * a successor) are one aggregate's invariants and stay together.
 */
@Entity
@jakarta.persistence.Cacheable
@Table(name = "agency")
@NamedQuery(name = "Agency.findAll", query = "SELECT a FROM Agency a ORDER BY a.code")
@NamedQuery(name = "Agency.findByEdocCode", query = "SELECT a FROM Agency a WHERE a.edocCode = :edocCode")
public class Agency {

    /** Internal key shape: capitals, digits, '.', '_' and '-', e.g. {@code QT25.XA_VINH_LINH}; at most 60. */
    public static final Pattern CODE = Pattern.compile("[A-Z0-9][A-Z0-9._-]{0,59}");

    private static final DateTimeFormatter DMY = DateTimeFormatter.ofPattern("dd/MM/yyyy");

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

    // eager: loaded with the agency into the shared cache, so that the slip's and the answer's unit name
    // (nameOn) costs no query in a transaction that has written (where lazy loads bypass the cache)
    @OneToMany(mappedBy = "agency", cascade = CascadeType.ALL, orphanRemoval = true, fetch = FetchType.EAGER)
    @OrderBy("validTo")
    private List<AgencyFormerName> formerNames = new ArrayList<>();

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

    /**
     * Creates a unit entered by an administrator (a new commune, a merged department...).
     *
     * @param code             internal key ({@link #CODE})
     * @param name             Vietnamese name, at most 300 characters
     * @param kind             kind of unit
     * @param level            administrative level; only {@link AgencyLevel#PROVINCE} has no parent
     * @param parent           parent unit, valid on {@code validFrom}; null only for a province
     * @param validFrom        first day of existence (Vietnam local date), required
     * @param edocCode         electronic identifier (Decision 20/2020/QĐ-TTg) or null; required when the unit
     *                         receives dossiers, because the dossier code starts with it (Circular 01/2018/TT-VPCP art. 19)
     * @param receivesDossiers true for units with a One-stop desk
     * @throws RuleViolationException {@code INVALID_AGENCY_CODE}, {@code NAME_REQUIRED}, {@code TEXT_TOO_LONG},
     *                                {@code VALID_FROM_REQUIRED}, {@code PARENT_REQUIRED}, {@code PROVINCE_HAS_NO_PARENT},
     *                                {@code PARENT_NOT_VALID}, {@code INVALID_EDOC_CODE}, {@code EDOC_CODE_REQUIRED}
     */
    public static Agency create(String code, String name, AgencyKind kind, AgencyLevel level, Agency parent,
                                LocalDate validFrom, String edocCode, boolean receivesDossiers) {
        if (code == null || !CODE.matcher(code).matches()) {
            throw new RuleViolationException("INVALID_AGENCY_CODE", "Mã đơn vị \"" + code
                + "\" không hợp lệ: chỉ gồm chữ in hoa, chữ số, dấu chấm, gạch dưới, gạch ngang; tối đa 60 ký tự.",
                List.of("code"));
        }
        String cleanName = requireName(name);
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(level, "level");
        if (validFrom == null) {
            throw new RuleViolationException("VALID_FROM_REQUIRED", "Phải nhập ngày bắt đầu hoạt động của đơn vị.",
                List.of("validFrom"));
        }
        if (edocCode != null && !edocCode.isBlank() && !EDOC_CODE.matcher(edocCode.strip()).matches()) {
            throw new RuleViolationException("INVALID_EDOC_CODE", "Mã định danh điện tử \"" + edocCode
                + "\" không đúng cấu trúc V1V2V3.Z1Z2.Y1Y2.MX1X2 (Quyết định 20/2020/QĐ-TTg), ví dụ 000.00.00.H50.",
                List.of("edocCode"));
        }
        String edoc = edocCode == null || edocCode.isBlank() ? null : edocCode.strip();
        if (receivesDossiers && edoc == null) {
            throw new RuleViolationException("EDOC_CODE_REQUIRED", "Đơn vị có Bộ phận Một cửa phải có mã định danh"
                + " điện tử: mã hồ sơ bắt đầu bằng mã này (Thông tư 01/2018/TT-VPCP, Điều 19).", List.of("edocCode"));
        }
        Agency agency = new Agency(code, cleanName, kind, level, null, edoc, false);
        agency.validFrom = validFrom;
        agency.receivesDossiers = receivesDossiers;
        agency.dataStatus = "admin";
        if (level == AgencyLevel.PROVINCE) {
            if (parent != null) {
                throw new RuleViolationException("PROVINCE_HAS_NO_PARENT", "Đơn vị cấp tỉnh không có đơn vị cấp trên.",
                    List.of("parent"));
            }
        } else {
            if (parent == null) {
                throw new RuleViolationException("PARENT_REQUIRED", "Phải chọn đơn vị cấp trên.", List.of("parent"));
            }
            agency.moveUnder(parent, validFrom);
        }
        return agency;
    }

    /**
     * The name in force on a day: a former name whose last day is on or after {@code day}, else the current
     * name. For a dossier, pass the Vietnam local date of its receipt.
     *
     * @param day a Vietnam local date, not null
     */
    public String nameOn(LocalDate day) {
        Objects.requireNonNull(day, "day");
        for (AgencyFormerName former : formerNames) {
            if (!day.isAfter(former.validTo())) {
                return former.name();
            }
        }
        return name;
    }

    /** The day the current name took effect: the day after the last former name, else {@link #validFrom()} (may be null). */
    public LocalDate currentNameSince() {
        return formerNames.isEmpty() ? validFrom : formerNames.get(formerNames.size() - 1).validTo().plusDays(1);
    }

    /** Former names, oldest first; unmodifiable. */
    public List<AgencyFormerName> formerNames() {
        return Collections.unmodifiableList(formerNames);
    }

    /**
     * Renames the unit from {@code effectiveFrom} (Vietnam local date) on; the current name is kept as a
     * former name valid until the day before. {@link #name()} returns the new name at once, also when the
     * date is in the future; use {@link #nameOn(LocalDate)} for the name of a given day.
     *
     * @throws RuleViolationException {@code NAME_REQUIRED}, {@code TEXT_TOO_LONG}, {@code SAME_NAME},
     *                                {@code EFFECTIVE_DATE_REQUIRED}, {@code EFFECTIVE_DATE_BEFORE_VALID_FROM}
     *                                (a rename on or before the first day: use {@link #correctName}),
     *                                {@code EFFECTIVE_DATE_NOT_AFTER_PREVIOUS_RENAME}, {@code AGENCY_CLOSED}
     */
    public void rename(String newName, LocalDate effectiveFrom) {
        String clean = requireName(newName);
        if (clean.equals(name)) {
            throw new RuleViolationException("SAME_NAME", "Tên mới trùng với tên hiện tại.", List.of("name"));
        }
        requireEffective(effectiveFrom);
        if (validFrom != null && !effectiveFrom.isAfter(validFrom)) {
            throw new RuleViolationException("EFFECTIVE_DATE_BEFORE_VALID_FROM", "Ngày đổi tên " + fmt(effectiveFrom)
                + " phải sau ngày bắt đầu hoạt động " + fmt(validFrom) + " của đơn vị; để sửa tên nhập sai, dùng chức năng sửa tên.",
                List.of("effectiveFrom"));
        }
        LocalDate since = currentNameSince();
        if (!formerNames.isEmpty() && !effectiveFrom.isAfter(since)) {
            throw new RuleViolationException("EFFECTIVE_DATE_NOT_AFTER_PREVIOUS_RENAME", "Ngày đổi tên " + fmt(effectiveFrom)
                + " phải sau ngày tên hiện tại có hiệu lực (" + fmt(since) + ").", List.of("effectiveFrom"));
        }
        if (validTo != null && effectiveFrom.isAfter(validTo)) {
            throw new RuleViolationException("AGENCY_CLOSED", "Đơn vị đã chấm dứt hoạt động từ " + fmt(validTo.plusDays(1))
                + "; không thể đổi tên sau ngày đó.", List.of("effectiveFrom"));
        }
        formerNames.add(new AgencyFormerName(this, name, effectiveFrom.minusDays(1)));
        name = clean;
    }

    /**
     * Corrects a misspelt current name without keeping the wrong one as a former name (it was never the
     * legal name).
     *
     * @throws RuleViolationException {@code NAME_REQUIRED}, {@code TEXT_TOO_LONG}, {@code SAME_NAME}
     */
    public void correctName(String correctedName) {
        String clean = requireName(correctedName);
        if (clean.equals(name)) {
            throw new RuleViolationException("SAME_NAME", "Tên mới trùng với tên hiện tại.", List.of("name"));
        }
        name = clean;
    }

    /**
     * Ends the unit's existence (dissolved, or merged into {@code successor}) from {@code effectiveFrom}: its
     * last valid day becomes the day before. Children are handled by the caller (moved with
     * {@link #moveUnder} or closed too).
     *
     * @param effectiveFrom first day the unit no longer exists (Vietnam local date)
     * @param successor     the unit that continues its tasks and dossiers, valid on {@code effectiveFrom}; or null
     * @throws ConflictException      {@code AGENCY_ALREADY_CLOSED}
     * @throws RuleViolationException {@code EFFECTIVE_DATE_REQUIRED}, {@code EFFECTIVE_DATE_BEFORE_VALID_FROM},
     *                                {@code SUCCESSOR_IS_SELF}, {@code SUCCESSOR_NOT_VALID}
     */
    public void close(LocalDate effectiveFrom, Agency successor) {
        requireEffective(effectiveFrom);
        if (validTo != null) {
            throw new ConflictException("AGENCY_ALREADY_CLOSED", "Đơn vị " + name + " đã chấm dứt hoạt động từ "
                + fmt(validTo.plusDays(1)) + ".");
        }
        if (validFrom != null && !effectiveFrom.isAfter(validFrom)) {
            throw new RuleViolationException("EFFECTIVE_DATE_BEFORE_VALID_FROM", "Ngày chấm dứt " + fmt(effectiveFrom)
                + " phải sau ngày bắt đầu hoạt động " + fmt(validFrom) + " của đơn vị.", List.of("effectiveFrom"));
        }
        if (successor != null) {
            if (successor.equals(this)) {
                throw new RuleViolationException("SUCCESSOR_IS_SELF", "Đơn vị kế thừa phải là một đơn vị khác.",
                    List.of("successor"));
            }
            if (!successor.isValidOn(effectiveFrom)) {
                throw new RuleViolationException("SUCCESSOR_NOT_VALID", "Đơn vị kế thừa " + successor.name()
                    + " không hoạt động vào ngày " + fmt(effectiveFrom) + ".", List.of("successor"));
            }
        }
        validTo = effectiveFrom.minusDays(1);
        this.successor = successor;
    }

    /**
     * Places the unit under another parent. The parent link has no history of its own: after a move the
     * tree shows the new parent also for past dates (the old parent stays recorded in the audit log).
     *
     * @param newParent the new parent, not null
     * @param asOf      the day from which the move applies; the new parent must exist on it
     * @throws RuleViolationException {@code PROVINCE_HAS_NO_PARENT}, {@code CYCLE_IN_TREE} (the new parent is
     *                                the unit itself or one of its descendants), {@code PARENT_NOT_VALID}
     */
    public void moveUnder(Agency newParent, LocalDate asOf) {
        Objects.requireNonNull(newParent, "newParent");
        Objects.requireNonNull(asOf, "asOf");
        if (level == AgencyLevel.PROVINCE) {
            throw new RuleViolationException("PROVINCE_HAS_NO_PARENT", "Đơn vị cấp tỉnh không có đơn vị cấp trên.",
                List.of("parent"));
        }
        if (isSameOrAncestorOf(newParent)) {
            throw new RuleViolationException("CYCLE_IN_TREE", "Không thể đặt " + name + " dưới " + newParent.name()
                + ": " + newParent.name() + " là chính đơn vị này hoặc đơn vị cấp dưới của nó.", List.of("parent"));
        }
        if (!newParent.isValidOn(asOf)) {
            throw new RuleViolationException("PARENT_NOT_VALID", "Đơn vị cấp trên " + newParent.name()
                + " không hoạt động vào ngày " + fmt(asOf) + ".", List.of("parent"));
        }
        parent = newParent;
    }

    /** True when {@code other} is this unit or lies below it in the tree (following parent links). */
    public boolean isSameOrAncestorOf(Agency other) {
        Set<Agency> seen = new HashSet<>();
        for (Agency a = other; a != null && seen.add(a); a = a.parent()) {
            if (a.equals(this)) {
                return true;
            }
        }
        return false;
    }

    private static String requireName(String value) {
        String v = TextSearch.nfc(value);
        if (v == null || v.isBlank()) {
            throw new RuleViolationException("NAME_REQUIRED", "Phải nhập tên đơn vị.", List.of("name"));
        }
        v = v.strip();
        if (v.length() > 300) {
            throw new RuleViolationException("TEXT_TOO_LONG", "Tên đơn vị dài " + v.length()
                + " ký tự; tối đa 300 ký tự.", List.of("name: at most 300 characters"));
        }
        return Texts.plain("name", v, false);
    }

    private static void requireEffective(LocalDate effectiveFrom) {
        if (effectiveFrom == null) {
            throw new RuleViolationException("EFFECTIVE_DATE_REQUIRED", "Phải nhập ngày có hiệu lực.",
                List.of("effectiveFrom"));
        }
    }

    private static String fmt(LocalDate d) {
        return DMY.format(d);
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
