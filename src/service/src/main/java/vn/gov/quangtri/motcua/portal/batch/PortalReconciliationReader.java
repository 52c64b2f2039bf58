package vn.gov.quangtri.motcua.portal.batch;

import jakarta.batch.api.chunk.AbstractItemReader;
import jakarta.batch.runtime.context.JobContext;
import jakarta.batch.runtime.context.StepContext;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.ArrayDeque;
import java.util.Deque;
import vn.gov.quangtri.motcua.account.application.SystemTask;
import vn.gov.quangtri.motcua.portal.application.PortalReconciliation;
import vn.gov.quangtri.motcua.shared.batch.StepProgress;

/**
 * Reads the ids of the dossiers to compare ({@link PortalReconciliation#dossiersToCheck}), a page of {@value #PAGE} at
 * a time in id order. The checkpoint is the last id read: a restarted execution goes on after the last committed
 * chunk; it is also stored in our history ({@link StepProgress}) so that a run after an abandoned one continues it.
 */
@Named("portalReconciliationReader")
@Dependent
public class PortalReconciliationReader extends AbstractItemReader {

    /** Ids read per query. */
    static final int PAGE = 200;

    @EJB
    private PortalReconciliation reconciliation;

    @Inject
    private StepContext step;

    @Inject
    private JobContext jobContext;

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
            page.addAll(SystemTask.run(() -> reconciliation.dossiersToCheck(after, PAGE)));
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
