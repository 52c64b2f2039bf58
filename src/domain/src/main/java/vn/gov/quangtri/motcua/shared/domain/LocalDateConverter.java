package vn.gov.quangtri.motcua.shared.domain;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import java.sql.Date;
import java.time.LocalDate;

/**
 * Stores {@link LocalDate} in {@code DATE} columns through {@link Date#valueOf(LocalDate)} and
 * {@link Date#toLocalDate()}, which use the same JVM zone both ways, so a date never shifts by a day
 * whatever the JVM's default zone (docs/cases.md C12, C13; the provider's own conversion shifted 30/6 to 29/6
 * under a zone east of UTC). Typed to {@link Date} so that the provider binds an empty date as a SQL date:
 * PostgreSQL refuses a null sent as text for a {@code DATE} column.
 */
@Converter
public class LocalDateConverter implements AttributeConverter<LocalDate, Date> {

    @Override
    public Date convertToDatabaseColumn(LocalDate attribute) {
        return attribute == null ? null : Date.valueOf(attribute);
    }

    @Override
    public LocalDate convertToEntityAttribute(Date dbData) {
        return dbData == null ? null : dbData.toLocalDate();
    }
}
