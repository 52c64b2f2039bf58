package vn.gov.quangtri.motcua.dossier.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import java.util.Objects;
import vn.gov.quangtri.motcua.shared.domain.TextSearch;

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

    /** For JPA only. */
    protected Applicant() {
    }

    /**
     * @param kind     individual or organisation
     * @param name     full name or organisation name (required)
     * @param idNumber citizen ID (CCCD, 12 digits) or enterprise/tax code; may be null
     * @param phone    may be null
     * @param email    may be null
     * @param address  may be null
     */
    public Applicant(Kind kind, String name, String idNumber, String phone, String email, String address) {
        this.kind = Objects.requireNonNull(kind, "kind");
        this.name = TextSearch.nfc(Objects.requireNonNull(name, "name"));
        this.nameSearch = TextSearch.fold(name);
        this.idNumber = TextSearch.nfc(idNumber);
        this.phone = TextSearch.nfc(phone);
        this.email = TextSearch.nfc(email);
        this.address = TextSearch.nfc(address);
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
}
