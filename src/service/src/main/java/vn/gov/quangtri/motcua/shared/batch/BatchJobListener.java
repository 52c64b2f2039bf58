package vn.gov.quangtri.motcua.shared.batch;

import jakarta.batch.api.BatchProperty;
import jakarta.batch.api.listener.JobListener;
import jakarta.batch.runtime.BatchStatus;
import jakarta.batch.runtime.context.JobContext;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.time.Instant;
import java.util.Properties;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Every job's listener (job XML: {@code <listener ref="batchJobListener">} with the property
 * {@code lockOwner = #{jobParameters['lockOwner']}}): records the execution in our history ({@link BatchHistory}:
 * who started it, this server, the abandoned execution it resumes) when it begins and its status when it ends, and
 * frees the job lock when the execution ends, whatever its end.
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

    @EJB
    private BatchHistory history;

    @Override
    public void beforeJob() {
        LOG.fine(() -> "Batch job " + job.getJobName() + " execution " + job.getExecutionId() + " begins");
        try {
            Properties p = StepProgress.parameters(job.getExecutionId());
            p = p == null ? new Properties() : p;
            String from = p.getProperty(StepProgress.RESUME_FROM);
            Instant now = Instant.now();
            history.opened(job.getExecutionId(), job.getJobName(), p.getProperty(BatchJobs.STARTED_BY),
                ServerIdentity.me().server(), now, now, "STARTED", null, from == null ? null : Long.valueOf(from),
                p.getProperty(StepProgress.RESUME_STEP), p.getProperty(StepProgress.RESUME_CHECKPOINT));
            // test hook (motcua.batch.test-hooks): the execution holds its lock a while before its first step
            TestHooks.pause(TestHooks.number(p.getProperty(BatchJobs.TEST_PREFIX + "jobPauseMs")));
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Batch history of execution " + job.getExecutionId(), e);
        }
    }

    @Override
    public void afterJob() {
        try {
            String status = endStatus();
            // Jakarta Batch: without an exit status set by the job, it is the batch status at the end
            history.ended(job.getExecutionId(), job.getJobName(), status,
                job.getExitStatus() != null ? job.getExitStatus() : status, Instant.now(), null, null, null);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Batch history of execution " + job.getExecutionId(), e);
        }
        if (lockOwner != null && !lockOwner.isBlank()) {
            boolean freed = locks.release(job.getJobName(), lockOwner);
            LOG.fine(() -> "Batch job " + job.getJobName() + " execution " + job.getExecutionId() + " ends"
                + (freed ? ", lock freed" : ", lock no longer held"));
        }
    }

    /** The final status: the runtime's when already final, else derived (a step failure recorded: FAILED). */
    private String endStatus() {
        BatchStatus bs = job.getBatchStatus();
        if (bs == BatchStatus.COMPLETED || bs == BatchStatus.FAILED || bs == BatchStatus.STOPPED
            || bs == BatchStatus.ABANDONED) {
            return bs.name();
        }
        if (bs == BatchStatus.STOPPING) {
            return BatchStatus.STOPPED.name();
        }
        boolean failed = history.find(job.getExecutionId()).map(r -> r.failure() != null).orElse(false)
            || (job.getExitStatus() != null && job.getExitStatus().startsWith("FAILED"));
        return failed ? BatchStatus.FAILED.name() : BatchStatus.COMPLETED.name();
    }
}
