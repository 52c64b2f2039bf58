package vn.gov.quangtri.motcua.dossier.batch;

import jakarta.annotation.Resource;
import jakarta.batch.api.chunk.ItemProcessor;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import vn.gov.quangtri.motcua.dossier.domain.DossierStatus;
import vn.gov.quangtri.motcua.dossier.domain.OverdueMarks;

/** Reads the deadlines of one dossier and returns its overdue marks ({@link OverdueMarks#of}); null (filtered) when none. */
@Named("deadlineSweepProcessor")
@Dependent
public class DeadlineSweepProcessor implements ItemProcessor {

    @Resource(lookup = "jdbc/motcua")
    private DataSource ds;

    @Inject
    private Clock clock;

    @Override
    public Object processItem(Object item) throws Exception {
        long id = (Long) item;
        try (Connection c = ds.getConnection()) {
            OverdueMarks.Deadlines d = null;
            try (PreparedStatement ps = c.prepareStatement("SELECT code, receiving_agency_code, status, due_at, paused_at,"
                + " rescheduled_due_at FROM dossier WHERE id = ?")) {
                ps.setLong(1, id);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        return null;
                    }
                    List<OverdueMarks.Step> steps = new ArrayList<>();
                    d = new OverdueMarks.Deadlines(id, rs.getString(1), rs.getString(2),
                        DossierStatus.valueOf(rs.getString(3)), instant(rs, 4), instant(rs, 5), instant(rs, 6), steps);
                }
            }
            List<OverdueMarks.Step> steps = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT position, started_at, due_at, completed_at FROM"
                + " dossier_step WHERE dossier_id = ? ORDER BY position")) {
                ps.setLong(1, id);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        steps.add(new OverdueMarks.Step(rs.getInt(1), instant(rs, 2), instant(rs, 3), instant(rs, 4)));
                    }
                }
            }
            d = new OverdueMarks.Deadlines(id, d.code(), d.agencyCode(), d.status(), d.dueAt(), d.pausedAt(),
                d.rescheduledDueAt(), steps);
            List<OverdueMarks.Mark> marks = OverdueMarks.of(d, clock.instant());
            return marks.isEmpty() ? null : new ArrayList<>(marks);
        }
    }

    static Instant instant(ResultSet rs, int col) throws SQLException {
        OffsetDateTime t = rs.getObject(col, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }
}
