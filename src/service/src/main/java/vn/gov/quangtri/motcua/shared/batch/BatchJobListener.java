package vn.gov.quangtri.motcua.shared.batch;

import jakarta.batch.api.BatchProperty;
import jakarta.batch.api.listener.JobListener;
import jakarta.batch.runtime.context.JobContext;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.logging.Logger;

/**
 * Every job's listener (job XML: {@code <listener ref="batchJobListener">} with the property
 * {@code lockOwner = #{jobParameters['lockOwner']}}): frees the job lock when the execution ends, whatever its end.
 */
@Named("batchJobListener")
@Dependent
public class BatchJobListener implements JobListener {

    private static final Logger LOG = Logger.getLogger(BatchJobListener.class.getName());

    @Inject
    private JobContext job;

    @Inject
    @BatchProperty
    private String lockOwner;

    @EJB
    private BatchLocks locks;

    @Override
    public void beforeJob() {
        LOG.fine(() -> "Batch job " + job.getJobName() + " execution " + job.getExecutionId() + " begins");
    }

    @Override
    public void afterJob() {
        if (lockOwner != null && !lockOwner.isBlank()) {
            boolean freed = locks.release(job.getJobName(), lockOwner);
            LOG.fine(() -> "Batch job " + job.getJobName() + " execution " + job.getExecutionId() + " ends"
                + (freed ? ", lock freed" : ", lock no longer held"));
        }
    }
}
