package vn.gov.quangtri.motcua.web.shell;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/**
 * Date and time display for the screens: {@code dd/MM/yyyy} and {@code HH:mm dd/MM/yyyy} in
 * Asia/Ho_Chi_Minh whatever the server's time zone (docs/cases.md C12). Used from EL as {@code #{formats.time(x)}}.
 */
@Named
@ApplicationScoped
public class Formats {

    private static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy").withZone(VIETNAM);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm dd/MM/yyyy").withZone(VIETNAM);

    /** @return {@code HH:mm dd/MM/yyyy} in Vietnam time, or an empty string */
    public String time(Instant at) {
        return at == null ? "" : TIME.format(at);
    }

    /** @return {@code dd/MM/yyyy} in Vietnam time, or an empty string */
    public String date(Instant at) {
        return at == null ? "" : DATE.format(at);
    }

    /** @return a Vietnam local date as {@code dd/MM/yyyy}, or an empty string */
    public String day(java.time.LocalDate day) {
        return day == null ? "" : DATE.format(day);
    }

    /** @return a percentage with one decimal and a decimal comma, e.g. {@code 88,9 %}; empty for null */
    public String percent(java.math.BigDecimal value) {
        return value == null ? "" : value.setScale(1, java.math.RoundingMode.HALF_UP).toPlainString().replace('.', ',') + " %";
    }

    /** @return a money amount in đồng with dot grouping, e.g. {@code 1.200.000 đ} */
    public String vnd(Long amount) {
        return amount == null ? "" : String.format(java.util.Locale.ROOT, "%,d đ", amount).replace(',', '.');
    }
}
