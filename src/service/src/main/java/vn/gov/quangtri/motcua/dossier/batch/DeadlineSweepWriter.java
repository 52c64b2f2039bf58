package vn.gov.quangtri.motcua.dossier.batch;

import jakarta.annotation.Resource;
import jakarta.batch.api.BatchProperty;
import jakarta.batch.api.chunk.AbstractItemWriter;
import jakarta.batch.runtime.context.JobContext;
import jakarta.batch.runtime.context.StepContext;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import java.util.logging.Logger;
import javax.sql.DataSource;
import vn.gov.quangtri.motcua.dossier.domain.OverdueMarks;
import vn.gov.quangtri.motcua.notification.application.Notifications;
import vn.gov.quangtri.motcua.shared.batch.StepProgress;
import vn.gov.quangtri.motcua.shared.batch.TestHooks;

/**
 * Records each overdue mark once in {@code dossier_overdue} (skipped when the row exists: a rerun or a restart adds
 * nothing), in the chunk's transaction: who = {@value #ACTOR}, business time = the deadline, recording time = now.
 * When the dossier's own appointment (step position 0) is recorded, the applicant's OVERDUE notifications go to the
 * outbox in the same transaction ({@link Notifications#enqueueOverdue}), so once. Items written (the history's count,
 * {@link StepProgress}) are the overdue events newly recorded, not the dossiers looked at.
 */
@Named("deadlineSweepWriter")
@Dependent
public class DeadlineSweepWriter extends AbstractItemWriter {

    /** The actor recorded for the sweep's records. */
    public static final String ACTOR = "batch:deadline-sweep";

    private static final Logger LOG = Logger.getLogger(DeadlineSweepWriter.class.getName());

    @Resource(lookup = "jdbc/motcua")
    private DataSource ds;

    @Inject
    private Clock clock;

    @Inject
    private JobContext job;

    @EJB
    private Notifications notifications;

    @Inject
    @BatchProperty(name = "failAfterChunks")
    private String failAfterChunks;

    @Inject
    @BatchProperty(name = "hangAfterChunks")
    private String hangAfterChunks;

    @Inject
    private StepContext step;

    private int chunks;

    @Override
    @SuppressWarnings("unchecked")
    public void writeItems(List<Object> items) throws Exception {
        TestHooks.beforeWrite(chunks, failAfterChunks, hangAfterChunks, job);
        int recorded = 0;
        try (Connection c = ds.getConnection();
             PreparedStatement exists = c.prepareStatement("SELECT 1 FROM dossier_overdue WHERE dossier_id = ? AND"
                 + " step_position = ?");
             PreparedStatement insert = c.prepareStatement("INSERT INTO dossier_overdue (dossier_id, step_position,"
                 + " dossier_code, agency_code, due_at, recorded_at, recorded_by, apology_due)"
                 + " VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
            for (Object item : items) {
                for (OverdueMarks.Mark m : (List<OverdueMarks.Mark>) item) {
                    exists.setLong(1, m.dossierId());
                    exists.setInt(2, m.stepPosition());
                    try (ResultSet rs = exists.executeQuery()) {
                        if (rs.next()) {
                            continue;
                        }
                    }
                    insert.setLong(1, m.dossierId());
                    insert.setInt(2, m.stepPosition());
                    insert.setString(3, m.code());
                    insert.setString(4, m.agencyCode());
                    insert.setObject(5, m.dueAt().atOffset(ZoneOffset.UTC));
                    insert.setObject(6, clock.instant().atOffset(ZoneOffset.UTC));
                    insert.setString(7, ACTOR);
                    insert.setBoolean(8, m.apologyDue());
                    insert.executeUpdate();
                    recorded++;
                    if (m.stepPosition() == 0) {
                        // the applicant is told once: this record is made once (its key), in this same transaction
                        notifications.enqueueOverdue(m.dossierId(), m.dueAt());
                    }
                }
            }
        }
        chunks++;
        // items written = overdue events newly recorded (a rerun that records nothing new writes 0)
        StepProgress.of(step).written(recorded);
        int n = recorded;
        LOG.fine(() -> "deadline-sweep execution " + job.getExecutionId() + ": " + n + " overdue events recorded");
    }
}
