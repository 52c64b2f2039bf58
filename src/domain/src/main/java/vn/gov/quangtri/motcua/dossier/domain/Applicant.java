package vn.gov.quangtri.motcua.dossier.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import java.util.Objects;
import vn.gov.quangtri.motcua.shared.domain.TextSearch;
import vn.gov.quangtri.motcua.shared.domain.Texts;

/** The applicant (chủ hồ sơ): an individual or an organisation, with contact details. Text stored in NFC. */
@Embeddable
public class Applicant {

    /** Individual or organisation. */
    public enum Kind { INDIVIDUAL, ORGANISATION }

    @Enumerated(EnumType.STRING)
    @Column(name = "applicant_kind", length = 20, nullable = false)
    private Kind kind;

    @Column(name = "applicant_name", length = 300, nullable = false)
    private String name;

    @Column(name = "applicant_name_search", length = 300, nullable = false)
    private String nameSearch;

    @Column(name = "applicant_id_number", length = 30)
    private String idNumber;

    @Column(name = "applicant_phone", length = 30)
    private String phone;

    @Column(name = "applicant_email", length = 200)
    private String email;

    @Column(name = "applicant_address", length = 500)
    private String address;

    /** The language the applicant chose for messages: {@code vi} (default) or {@code en} (V23). */
    @Column(name = "applicant_language", length = 5, nullable = false)
    private String language = "vi";

    /** For JPA only. */
    protected Applicant() {
    }

    /**
     * @param kind     individual or organisation
     * @param name     full name or organisation name (required)
     * @param idNumber citizen ID (CCCD, 12 digits) or enterprise/tax code, white space removed; may be null
     * @param phone    may be null
     * @param email    may be null
     * @param address  may be null
     */
    /**
     * Checks an applicant's fields before a dossier is created (screens and API alike).
     *
     * @return problems as {@code "applicant.<field>: <what>"}, empty when all is well: name required
     *         (≤ 300 characters), identifier ≤ 30 letters/digits (CCCD, tax code, with '-', '/' or '.'),
     *         phone ≤ 30 characters of digits, spaces and {@code + - . ( )}, e-mail ≤ 200 with one '@',
     *         address ≤ 500
     */
    public static java.util.List<String> problems(String name, String idNumber, String phone, String email,
                                                  String address) {
        return problems(null, name, idNumber, phone, email, address);
    }

    /** What an individual's identifier may be, white space removed: CCCD, old CMND, or a passport number. */
    private static final java.util.regex.Pattern PERSONAL_ID =
        java.util.regex.Pattern.compile("[0-9]{12}|[0-9]{9}|(?=[A-Za-z0-9]*[A-Za-z])(?=[A-Za-z0-9]*[0-9])[A-Za-z0-9]{6,12}");
    /** The e-mail rule of the applicant's address: one '@', a dot in the domain, no white space, control or quote. */
    private static final java.util.regex.Pattern EMAIL =
        java.util.regex.Pattern.compile("[^@\\s\\p{Cntrl}\"<>,;]{1,64}@[^@\\s\\p{Cntrl}\"<>,;.]+(?:\\.[^@\\s\\p{Cntrl}\"<>,;.]+)+");

    /**
     * As {@link #problems(String, String, String, String, String)}, and for an individual the identifier must be a
     * citizen ID card number (CCCD, 12 digits), an old identity card number (CMND, 9 digits) or a passport number
     * (6–12 letters and digits, at least one of each), white space ignored (issue 16, fresh-user trial); an
     * organisation's identifier (tax or enterprise code) keeps the general rule.
     *
     * @param kind the applicant's kind; null when not known (the general rule only)
     */
    public static java.util.List<String> problems(Kind kind, String name, String idNumber, String phone, String email,
                                                  String address) {
        java.util.List<String> errors = new java.util.ArrayList<>();
        // the one text rule (shared.domain.Texts): blank = only white space or zero-width characters
        if (Texts.blank(name)) {
            errors.add("applicant.name: required");
        }
        max(errors, name, 300, "applicant.name");
        control(errors, "applicant.name", name);
        control(errors, "applicant.idNumber", idNumber);
        control(errors, "applicant.phone", phone);
        control(errors, "applicant.email", email);
        control(errors, "applicant.address", address);
        max(errors, idNumber, 30, "applicant.idNumber");
        max(errors, phone, 30, "applicant.phone");
        max(errors, email, 200, "applicant.email");
        max(errors, address, 500, "applicant.address");
        if (idNumber != null && !idNumber.isBlank() && !idNumber.replaceAll("\\s+", "").matches("[\\p{L}\\p{N}./-]+")) {
            errors.add("applicant.idNumber: letters and digits only");
        } else if (kind == Kind.INDIVIDUAL && idNumber != null && !idNumber.isBlank()
                && !PERSONAL_ID.matcher(idNumber.replaceAll("\\s+", "")).matches()) {
            errors.add("applicant.idNumber: a citizen ID of 12 digits (CCCD), 9 digits (CMND) or a passport number"
                + " (6-12 letters and digits)");
        }
        if (phone != null && !phone.isBlank() && !phone.strip().matches("[0-9 +().-]{3,30}")) {
            errors.add("applicant.phone: digits, spaces and + - . ( ) only");
        }
        if (email != null && !email.isBlank() && !EMAIL.matcher(email.strip()).matches()) {
            errors.add("applicant.email: not an e-mail address");
        }
        return errors;
    }

    private static void control(java.util.List<String> errors, String field, String value) {
        String problem = Texts.controlProblem(field, value, false);
        if (problem != null) {
            errors.add(problem);
        }
    }

    /** Length counted as stored: after NFC normalisation (a name typed in decomposed form is not longer). */
    private static void max(java.util.List<String> errors, String value, int max, String field) {
        if (value != null && TextSearch.nfc(value).length() > max) {
            errors.add(field + ": at most " + max + " characters");
        }
    }

    public Applicant(Kind kind, String name, String idNumber, String phone, String email, String address) {
        this(kind, name, idNumber, phone, email, address, null);
    }

    /**
     * As {@link #Applicant(Kind, String, String, String, String, String)} with the language of the applicant's
     * notifications.
     *
     * @param language {@code vi} or {@code en}; null or blank means {@code vi}
     * @throws IllegalArgumentException for another language
     */
    public Applicant(Kind kind, String name, String idNumber, String phone, String email, String address,
                     String language) {
        this.language = language(language);
        this.kind = Objects.requireNonNull(kind, "kind");
        this.name = Texts.required("applicant.name", Objects.requireNonNull(name, "name"), false, 300);
        this.nameSearch = TextSearch.fold(this.name);
        // stored without the spaces an officer may type between digit groups ("045 080 001 234")
        this.idNumber = Texts.clean("applicant.idNumber", idNumber == null ? null : idNumber.replaceAll("\\s+", ""),
            false, 30);
        this.phone = Texts.clean("applicant.phone", phone, false, 30);
        this.email = Texts.clean("applicant.email", email, false, 200);
        this.address = Texts.clean("applicant.address", address, false, 500);
    }

    public Kind kind() {
        return kind;
    }

    public String name() {
        return name;
    }

    public String idNumber() {
        return idNumber;
    }

    public String phone() {
        return phone;
    }

    public String email() {
        return email;
    }

    public String address() {
        return address;
    }

    /** The language of the applicant's notifications: {@code vi} or {@code en}. */
    public String language() {
        return language == null ? "vi" : language;
    }

    /** The languages an applicant may choose for notifications. */
    public static final java.util.List<String> LANGUAGES = java.util.List.of("vi", "en");

    /**
     * A language as stored: null or blank → {@code vi}; otherwise one of {@link #LANGUAGES} (case-insensitive).
     *
     * @throws IllegalArgumentException for another value
     */
    public static String language(String value) {
        if (value == null || value.isBlank()) {
            return "vi";
        }
        String v = value.strip().toLowerCase(java.util.Locale.ROOT);
        if (!LANGUAGES.contains(v)) {
            throw new IllegalArgumentException("applicant.language: vi or en, not " + value);
        }
        return v;
    }

    /**
     * An ID number as compared in searches: white space removed, upper case ({@code "045 080 001234"} →
     * {@code "045080001234"}); null or blank → null.
     */
    public static String searchableIdNumber(String idNumber) {
        if (idNumber == null || idNumber.isBlank()) {
            return null;
        }
        return idNumber.replaceAll("\\s+", "").toUpperCase(java.util.Locale.ROOT);
    }

    /**
     * A phone number as compared in searches: white space and the separators {@code . - ( )} removed
     * ({@code "0912 345.678"} → {@code "0912345678"}); null or blank → null. {@code +84} and a leading 0 are
     * kept apart: the number is compared as written.
     */
    public static String searchablePhone(String phone) {
        if (phone == null || phone.isBlank()) {
            return null;
        }
        return phone.replaceAll("[\\s.()-]+", "");
    }
}
