package vn.gov.quangtri.motcua.calendar.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Objects;
import vn.gov.quangtri.motcua.shared.domain.InstantConverter;

/**
 * A year whose holiday calendar is configured (table {@code calendar_year}, Flyway V12): deadlines may be
 * computed in it and its days (holidays, compensatory days, make-up Saturdays) may be edited. A new year
 * starts with weekends only (Monday–Friday working); its {@link CalendarDay} rows are added afterwards.
 * The years 2024–2027 of the reference data were registered by the migration (no creator recorded).
 */
@Entity
@Table(name = "calendar_year")
@NamedQuery(name = "CalendarYear.findAll", query = "SELECT y FROM CalendarYear y ORDER BY y.calendarYear")
public class CalendarYear {

    @Id
    @Column(name = "calendar_year")
    private int calendarYear;

    @Convert(converter = InstantConverter.class)
    @Column(name = "created_at", updatable = false)
    private Instant createdAt;

    @Column(name = "created_by", length = 100, updatable = false)
    private String createdBy;

    /** For JPA only. */
    protected CalendarYear() {
    }

    /**
     * @param year      Gregorian year
     * @param createdAt when an administrator created it
     * @param createdBy the administrator's user name
     */
    public CalendarYear(int year, Instant createdAt, String createdBy) {
        this.calendarYear = year;
        this.createdAt = Objects.requireNonNull(createdAt);
        this.createdBy = Objects.requireNonNull(createdBy);
    }

    public int year() {
        return calendarYear;
    }

    /** When it was created; null for the years loaded with the reference data. */
    public Instant createdAt() {
        return createdAt;
    }

    /** Who created it; null for the years loaded with the reference data. */
    public String createdBy() {
        return createdBy;
    }
}
