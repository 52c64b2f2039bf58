package vn.gov.quangtri.motcua.agency.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.LocalDate;
import java.util.Objects;
import vn.gov.quangtri.motcua.shared.domain.LocalDateConverter;

/**
 * A name an agency carried before a rename: valid up to and including {@link #validTo()} (a Vietnam
 * local date); the next name takes effect the day after. Written only by {@link Agency#rename}.
 */
@Entity
@jakarta.persistence.Cacheable
@Table(name = "agency_former_name")
public class AgencyFormerName {

    @Id
    @SequenceGenerator(name = "agency_former_name_seq", sequenceName = "agency_former_name_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "agency_former_name_seq")
    private Long id;

    @ManyToOne(optional = false)
    @JoinColumn(name = "agency_code")
    private Agency agency;

    @Column(name = "name", length = 300, nullable = false)
    private String name;

    @Convert(converter = LocalDateConverter.class)
    @Column(name = "valid_to", nullable = false)
    private LocalDate validTo;

    /** For JPA only. */
    protected AgencyFormerName() {
    }

    AgencyFormerName(Agency agency, String name, LocalDate validTo) {
        this.agency = Objects.requireNonNull(agency);
        this.name = Objects.requireNonNull(name);
        this.validTo = Objects.requireNonNull(validTo);
    }

    /** The former name. */
    public String name() {
        return name;
    }

    /** Last day (Vietnam local date, inclusive) on which this name was in force. */
    public LocalDate validTo() {
        return validTo;
    }
}
