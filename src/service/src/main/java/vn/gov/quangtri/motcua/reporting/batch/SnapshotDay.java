package vn.gov.quangtri.motcua.reporting.batch;

import java.io.Serializable;
import java.time.LocalDate;
import java.util.List;
import vn.gov.quangtri.motcua.reporting.domain.StatisticsSnapshot;

/**
 * One item of the statistics-snapshot job: a Vietnam day, the first day with data, and (after processing) its rows.
 */
public record SnapshotDay(LocalDate day, LocalDate firstDay, List<StatisticsSnapshot.Row> rows) implements Serializable {

    public SnapshotDay(LocalDate day, LocalDate firstDay) {
        this(day, firstDay, List.of());
    }
}
