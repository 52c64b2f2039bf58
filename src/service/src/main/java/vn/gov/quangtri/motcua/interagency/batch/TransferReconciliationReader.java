package vn.gov.quangtri.motcua.interagency.batch;

import jakarta.batch.api.chunk.AbstractItemReader;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.ArrayDeque;
import java.util.Deque;
import vn.gov.quangtri.motcua.account.application.SystemTask;
import vn.gov.quangtri.motcua.interagency.application.TransferReconciliation;
import vn.gov.quangtri.motcua.shared.batch.StepProgress;

/**
 * Reads the ids of the transfers to check ({@link TransferReconciliation#transfersToCheck}), a page of
 * {@value #PAGE} at a time in id order. The checkpoint is the last id read: a restarted execution goes on after
 * the last committed chunk, so each transfer is checked once per run. It is also stored in our history
 * ({@link StepProgress}): a new execution that follows an abandoned one (a crash) continues after it.
 */
@Named("transferReconciliationReader")
@Dependent
public class TransferReconciliationReader extends AbstractItemReader {

    /** Ids read per query. */
    static final int PAGE = 100;

    @EJB
    private TransferReconciliation reconciliation;


    @jakarta.inject.Inject
    private jakarta.batch.runtime.context.StepContext step;

    @jakarta.inject.Inject
    private jakarta.batch.runtime.context.JobContext jobContext;

    private long last;
    private final Deque<Long> page = new ArrayDeque<>();
    private boolean exhausted;

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
            page.addAll(SystemTask.run(() -> reconciliation.transfersToCheck(after, PAGE)));
            exhausted = page.size() < PAGE;
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
