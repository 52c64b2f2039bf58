package vn.gov.quangtri.motcua.reporting.batch;

import jakarta.batch.api.BatchProperty;
import jakarta.batch.api.chunk.AbstractItemReader;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.LocalDate;
import vn.gov.quangtri.motcua.reporting.application.StatisticsSnapshots;
import vn.gov.quangtri.motcua.shared.batch.StepProgress;
import vn.gov.quangtri.motcua.shared.batch.TestHooks;

/**
 * The days to snapshot, oldest first: from the first day with data to yesterday (Vietnam dates), fixed when the
 * execution opens the step. The checkpoint is the last day read in the committed chunk, so a restart continues with
 * the next day (the first day and the last day are recomputed then: a restart on a later date also covers the days
 * that closed meanwhile). The checkpoint is also stored in our history ({@link StepProgress}): a new execution that
 * follows an abandoned one (a crash) continues with the day after it.
 */
@Named("snapshotDayReader")
@Dependent
public class SnapshotDayReader extends AbstractItemReader {

    @EJB
    private StatisticsSnapshots snapshots;

    @Inject
    @BatchProperty(name = "itemPauseMs")
    private String itemPauseMs;


    @Inject
    private jakarta.batch.runtime.context.StepContext step;

    @Inject
    private jakarta.batch.runtime.context.JobContext jobContext;

    private LocalDate next;
    private LocalDate last;
    private LocalDate first;
    private LocalDate lastRead;

    @Override
    public void open(Serializable checkpoint) {
        first = snapshots.firstDataDay();
        last = snapshots.lastClosedDay();
        String resume = checkpoint == null ? StepProgress.resumePoint(jobContext, step) : null;
        lastRead = checkpoint != null ? (LocalDate) checkpoint : resume != null ? LocalDate.parse(resume) : null;
        next = lastRead != null ? lastRead.plusDays(1) : first;
    }

    @Override
    public Object readItem() {
        if (next == null || next.isAfter(last)) {
            return null;
        }
        LocalDate day = next;
        next = next.plusDays(1);
        lastRead = day;
        StepProgress.of(step).position(day);
        TestHooks.pause(TestHooks.number(itemPauseMs));
        return new SnapshotDay(day, first);
    }

    @Override
    public Serializable checkpointInfo() {
        return lastRead;
    }
}
