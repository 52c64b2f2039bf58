package vn.gov.quangtri.motcua.shared.batch;

import jakarta.batch.api.chunk.listener.ChunkListener;
import jakarta.batch.api.chunk.listener.ItemWriteListener;
import jakarta.batch.api.listener.StepListener;
import jakarta.batch.runtime.Metric;
import jakarta.batch.runtime.context.JobContext;
import jakarta.batch.runtime.context.StepContext;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Every step's listener ({@code <listener ref="batchStepListener">}), also as a chunk listener:
 * <ul>
 *   <li>after every chunk, in the chunk's transaction: the counts so far (items read, written, skipped; the runtime's
 *       metrics plus the chunk being committed, which the runtime adds only after its commit) and the
 *       reader's position ({@link StepProgress}) go to the execution's row in {@code batch_execution}, so the history
 *       shows the progress of a running job and a new execution can continue after an abandoned one;</li>
 *   <li>after the step: the final counts; when the step failed with an exception, its message becomes the step's and
 *       the job's exit status (at most 500 characters) and the execution's failure reason.</li>
 * </ul>
 * Items written are the writer's own count when it keeps one ({@link StepProgress#written(long)}), else the
 * runtime's WRITE_COUNT. The counts are those of the step (every job has one chunk step).
 */
@Named("batchStepListener")
@Dependent
public class BatchStepListener implements StepListener, ChunkListener, ItemWriteListener {

    private static final Logger LOG = Logger.getLogger(BatchStepListener.class.getName());

    @Inject
    private StepContext step;

    @Inject
    private JobContext job;

    @EJB
    private BatchHistory history;

    @Override
    public void beforeStep() {
        // nothing
    }

    @Override
    public void beforeChunk() {
        // nothing
    }

    @Override
    public void onError(Exception ex) {
        // the chunk rolls back: the stored checkpoint stays the last committed one
    }

    @Override
    public void afterChunk() {
        // the runtime adds this chunk to its metrics only after the commit: its items are added here
        StepProgress p = StepProgress.of(step);
        long[] chunk = p.takeChunk();
        long[] c = counts(step.getMetrics());
        Long written = p.written();
        history.progress(job.getExecutionId(), step.getStepName(), p.position(), c[0] + chunk[0],
            written != null ? written : c[1] + chunk[1], c[2]);
    }

    @Override
    public void beforeWrite(java.util.List<Object> items) {
        // nothing
    }

    @Override
    public void afterWrite(java.util.List<Object> items) {
        StepProgress.of(step).itemsWritten(items.size());
    }

    @Override
    public void onWriteError(java.util.List<Object> items, Exception ex) {
        // the chunk rolls back
    }

    @Override
    public void afterStep() {
        Exception e = step.getException();
        if (e != null) {
            Throwable root = e;
            while (root.getCause() != null && root.getCause() != root) {
                root = root.getCause();
            }
            String text = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
            text = text.length() > 500 ? text.substring(0, 500) : text;
            step.setExitStatus("FAILED: " + text);
            job.setExitStatus("FAILED in " + step.getStepName() + ": " + text);
            try {
                history.failed(job.getExecutionId(), step.getStepName() + ": FAILED: " + text);
            } catch (RuntimeException ex) {
                LOG.log(Level.WARNING, "Batch history of execution " + job.getExecutionId(), ex);
            }
        }
        try {
            long[] c = counts(step.getMetrics());
            Long written = StepProgress.of(step).written();
            history.progress(job.getExecutionId(), step.getStepName(), null, c[0], written != null ? written : c[1],
                c[2]);
        } catch (RuntimeException ex) {
            LOG.log(Level.WARNING, "Batch history of execution " + job.getExecutionId(), ex);
        }
    }

    /** Items read, written and skipped (read, process and write skips) of the metrics. */
    static long[] counts(Metric[] metrics) {
        long[] c = new long[3];
        for (Metric m : metrics == null ? new Metric[0] : metrics) {
            switch (m.getType()) {
                case READ_COUNT -> c[0] += m.getValue();
                case WRITE_COUNT -> c[1] += m.getValue();
                case READ_SKIP_COUNT, PROCESS_SKIP_COUNT, WRITE_SKIP_COUNT -> c[2] += m.getValue();
                default -> { }
            }
        }
        return c;
    }
}
