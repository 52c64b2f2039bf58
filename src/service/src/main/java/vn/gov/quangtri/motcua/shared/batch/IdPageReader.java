package vn.gov.quangtri.motcua.shared.batch;

import jakarta.batch.api.chunk.AbstractItemReader;
import jakarta.batch.runtime.context.JobContext;
import jakarta.batch.runtime.context.StepContext;
import jakarta.inject.Inject;
import java.io.Serializable;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import vn.gov.quangtri.motcua.account.application.SystemTask;

/**
 * A chunk reader of row ids in ascending order, a page at a time ({@link #page}, read as a system task). The
 * checkpoint is the last id read: a restarted execution goes on after the last committed chunk, so each row is read
 * once per run. The last id is also kept in our history ({@link StepProgress}): a new execution that follows an
 * abandoned one (a crash) continues after it.
 */
public abstract class IdPageReader extends AbstractItemReader {

    @Inject
    private StepContext step;

    @Inject
    private JobContext jobContext;

    private long last;
    private final Deque<Long> page = new ArrayDeque<>();
    private boolean exhausted;

    /**
     * The next ids after {@code after}, ascending, at most {@code size}; fewer means there are no more.
     */
    protected abstract List<Long> page(long after, int size);

    /** Ids read per query. */
    protected abstract int pageSize();

    @Override
    public void open(Serializable checkpoint) {
        String resume = checkpoint == null ? StepProgress.resumePoint(jobContext, step) : null;
        last = checkpoint instanceof Long id ? id : resume != null ? Long.parseLong(resume) : 0L;
        page.clear();
        exhausted = false;
    }

    @Override
    public Object readItem() {
        if (page.isEmpty() && !exhausted) {
            long after = last;
            int size = pageSize();
            page.addAll(SystemTask.run(() -> page(after, size)));
            exhausted = page.size() < size;
        }
        Long next = page.poll();
        if (next != null) {
            last = next;
            StepProgress.of(step).position(next);
        }
        return next;
    }

    @Override
    public Serializable checkpointInfo() {
        return last;
    }
}
