package vn.gov.quangtri.motcua.interagency.batch;

import jakarta.batch.operations.JobOperator;
import jakarta.batch.operations.NoSuchJobExecutionException;
import jakarta.batch.runtime.BatchRuntime;
import jakarta.batch.runtime.JobExecution;
import jakarta.batch.runtime.Metric;
import jakarta.batch.runtime.StepExecution;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import java.time.Instant;
import java.util.Properties;
import vn.gov.quangtri.motcua.account.application.AccessControl;
import vn.gov.quangtri.motcua.account.domain.Role;
import vn.gov.quangtri.motcua.shared.domain.NotFoundException;

/**
 * Starts the batch job {@value #NAME} for a system administrator and reports an execution of it: the interim
 * entry point of {@code POST /api/v1/interagency/reconciliation} until the generic batch API of issue 14 §1
 * ({@code /api/v1/batch/…}) takes over; the job itself is startable by any trusted caller with
 * {@code BatchRuntime.getJobOperator().start("transfer-reconciliation", props)}. No transaction: the job operator
 * must not run inside one (on PostgreSQL the job repository's work would roll back with it, stack notes §5).
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class TransferReconciliationJob {

    /** The job's name (its job XML is {@code META-INF/batch-jobs/transfer-reconciliation.xml}). */
    public static final String NAME = "transfer-reconciliation";

    @EJB
    private AccessControl access;

    /** An execution as administrators see it (instants; counts summed over the steps). */
    public record Execution(long executionId, String jobName, String batchStatus, String exitStatus, Instant createdAt,
                            Instant startedAt, Instant endedAt, long read, long written, long filtered,
                            long skipped) {
    }

    /**
     * Starts an execution now (system administrators).
     *
     * @return its execution id
     * @throws vn.gov.quangtri.motcua.shared.domain.ForbiddenException {@code ROLE_REQUIRED}
     */
    public long start() {
        access.current().requireAny(Role.SYSTEM_ADMIN);
        return BatchRuntime.getJobOperator().start(NAME, new Properties());
    }

    /**
     * An execution of this job (system administrators).
     *
     * @throws NotFoundException no such execution of this job
     */
    public Execution execution(long executionId) {
        access.current().requireAny(Role.SYSTEM_ADMIN);
        JobOperator operator = BatchRuntime.getJobOperator();
        JobExecution e;
        try {
            e = operator.getJobExecution(executionId);
        } catch (NoSuchJobExecutionException ex) {
            e = null;
        }
        if (e == null || !NAME.equals(e.getJobName())) {
            throw new NotFoundException("execution of " + NAME, String.valueOf(executionId));
        }
        long read = 0;
        long written = 0;
        long filtered = 0;
        long skipped = 0;
        for (StepExecution s : operator.getStepExecutions(executionId)) {
            for (Metric m : s.getMetrics()) {
                switch (m.getType()) {
                    case READ_COUNT -> read += m.getValue();
                    case WRITE_COUNT -> written += m.getValue();
                    case FILTER_COUNT -> filtered += m.getValue();
                    case PROCESS_SKIP_COUNT, READ_SKIP_COUNT, WRITE_SKIP_COUNT -> skipped += m.getValue();
                    default -> {
                        // commits, rollbacks
                    }
                }
            }
        }
        return new Execution(executionId, e.getJobName(), String.valueOf(e.getBatchStatus()), e.getExitStatus(),
            instant(e.getCreateTime()), instant(e.getStartTime()), instant(e.getEndTime()), read, written, filtered,
            skipped);
    }

    private static Instant instant(java.util.Date d) {
        return d == null ? null : d.toInstant();
    }
}
