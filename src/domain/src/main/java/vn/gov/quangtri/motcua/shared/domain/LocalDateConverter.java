package vn.gov.quangtri.motcua.shared.domain;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import java.sql.Date;
import java.time.LocalDate;

/**
 * Stores {@link LocalDate} in {@code DATE} columns through {@link Date#valueOf(LocalDate)} and
 * {@link Date#toLocalDate()}, which use the same JVM zone both ways, so a date never shifts by a day
 * whatever the JVM's default zone (docs/cases.md C12, C13; the provider's own conversion shifted 30/6 to 29/6
 * under a zone east of UTC).
 */
@Converter
public class LocalDateConverter implements AttributeConverter<LocalDate, Object> {

    @Override
    public Object convertToDatabaseColumn(LocalDate attribute) {
        return attribute == null ? null : Date.valueOf(attribute);
    }

    @Override
    public LocalDate convertToEntityAttribute(Object dbData) {
        if (dbData == null) {
            return null;
        }
        if (dbData instanceof LocalDate d) {
            return d;
        }
        if (dbData instanceof Date d) {
            return d.toLocalDate();
        }
        if (dbData instanceof java.util.Date d) {
            return new Date(d.getTime()).toLocalDate();
        }
        throw new IllegalArgumentException("cannot read a date from " + dbData.getClass().getName());
    }
}
