package vn.gov.quangtri.motcua.reporting.batch;

import jakarta.batch.api.BatchProperty;
import jakarta.batch.api.chunk.AbstractItemWriter;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;
import vn.gov.quangtri.motcua.reporting.application.StatisticsSnapshots;
import vn.gov.quangtri.motcua.shared.batch.TestHooks;

/**
 * Replaces the rows of each day of the chunk, in the chunk's transaction ({@link StatisticsSnapshots#writeDay}): a
 * rerun or a restart writes the same rows again, never twice. Test hook {@code test.failAfterChunks}: fails (before
 * writing) once that many chunks were written by this execution; {@code test.hangAfterChunks} hangs first (see
 * {@link TestHooks}).
 */
@Named("snapshotDayWriter")
@Dependent
public class SnapshotDayWriter extends AbstractItemWriter {

    /** Recorded as the writer of the days. */
    public static final String ACTOR = "batch:statistics-snapshot";

    @EJB
    private StatisticsSnapshots snapshots;

    @Inject
    @BatchProperty(name = "failAfterChunks")
    private String failAfterChunks;

    @Inject
    @BatchProperty(name = "hangAfterChunks")
    private String hangAfterChunks;

    @Inject
    private jakarta.batch.runtime.context.JobContext job;

    private int chunks;

    @Override
    public void writeItems(List<Object> items) {
        TestHooks.beforeWrite(chunks, failAfterChunks, hangAfterChunks, job);
        for (Object o : items) {
            SnapshotDay d = (SnapshotDay) o;
            snapshots.writeDay(d.day(), d.firstDay(), d.rows(), ACTOR);
        }
        chunks++;
    }
}
