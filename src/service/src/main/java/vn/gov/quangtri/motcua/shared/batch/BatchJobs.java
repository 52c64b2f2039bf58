package vn.gov.quangtri.motcua.shared.batch;

import jakarta.batch.operations.JobExecutionAlreadyCompleteException;
import jakarta.batch.operations.JobExecutionIsRunningException;
import jakarta.batch.operations.JobExecutionNotMostRecentException;
import jakarta.batch.operations.JobExecutionNotRunningException;
import jakarta.batch.operations.JobOperator;
import jakarta.batch.operations.JobRestartException;
import jakarta.batch.operations.NoSuchJobException;
import jakarta.batch.operations.NoSuchJobExecutionException;
import jakarta.batch.runtime.BatchRuntime;
import jakarta.batch.runtime.BatchStatus;
import jakarta.batch.runtime.JobExecution;
import jakarta.batch.runtime.JobInstance;
import jakarta.batch.runtime.Metric;
import jakarta.batch.runtime.StepExecution;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.ConfigProvider;
import vn.gov.quangtri.motcua.account.application.AccessControl;
import vn.gov.quangtri.motcua.account.domain.AccessScope;
import vn.gov.quangtri.motcua.account.domain.Role;
import vn.gov.quangtri.motcua.shared.domain.ConflictException;
import vn.gov.quangtri.motcua.shared.domain.NotFoundException;
import vn.gov.quangtri.motcua.shared.domain.RuleViolationException;

/**
 * Starting, listing and restarting the batch jobs of {@link BatchJob#ALL} (issue 14 §1), for system administrators
 * (403 {@code ROLE_REQUIRED} otherwise) and the nightly scheduler. Runs outside transactions (NOT_SUPPORTED): the batch
 * runtime keeps its job repository in jdbc/motcua and must not join a caller's transaction (docs/stack-notes §5).
 * <ul>
 *   <li>A start takes the job's lock ({@link BatchLocks}); when another execution holds it, 409 {@code JOB_RUNNING}
 *       names that execution. A holder whose lease expired or whose server restarted is stale: its execution is
 *       stopped where possible and recorded as abandoned, with the reason, before the new start.</li>
 *   <li>The lease ({@code motcua.batch.lease}, default PT2M) is renewed every 30 s by {@link BatchScheduler} while the
 *       execution runs; the job listener frees the lock when the job ends.</li>
 *   <li>Listings read the runtime's repository (status, times, exit status) and the step metrics (items
 *       read/written/skipped); the abandonment recorded here overrides the runtime's status.</li>
 * </ul>
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class BatchJobs {

    private static final Logger LOG = Logger.getLogger(BatchJobs.class.getName());

    /** Job parameter naming the lock holder, read by {@link BatchJobListener}. */
    public static final String LOCK_OWNER = "lockOwner";
    /** Job parameter naming who started the execution. */
    public static final String STARTED_BY = "startedBy";
    /** Job parameters starting with this prefix are test hooks, accepted only with {@code motcua.batch.test-hooks}. */
    public static final String TEST_PREFIX = "test.";

    /** Most executions listed. */
    public static final int MAX_LIMIT = 500;

    @EJB
    private BatchLocks locks;

    @EJB
    private AccessControl access;

    @EJB
    private BatchScheduler scheduler;

    /**
     * A job as the screen lists it.
     *
     * @param available   whether its job XML is deployed (else it cannot be started)
     * @param scheduled   whether the nightly start is on
     * @param time        the nightly time, Vietnam time
     * @param nextRun     the next nightly start, null when off
     * @param runningExecutionId the execution holding the job's lock, or null
     */
    public record JobInfo(String name, boolean available, boolean scheduled, LocalTime time, Instant nextRun,
                          Long runningExecutionId) {
    }

    /**
     * An execution.
     *
     * @param status        the runtime's batch status, or ABANDONED when recorded abandoned here
     * @param runtimeStatus the runtime's batch status as stored
     * @param read          items read, summed over the steps
     * @param written       items written
     * @param skipped       items skipped (read, process and write skips)
     * @param exitStatus    the exit status (a failed step's reason, see {@link BatchStepListener})
     * @param failure       why it failed or was abandoned, null otherwise
     * @param restartable   FAILED or STOPPED, the most recent execution of its instance (the only one that restarts)
     */
    public record ExecutionInfo(long executionId, String job, String status, String runtimeStatus, Instant createdAt,
                                Instant startedAt, Instant endedAt, long read, long written, long skipped,
                                String exitStatus, String failure, boolean restartable, String startedBy) {
    }

    /** The jobs of the registry with their schedule and lock. */
    public List<JobInfo> jobs() {
        requireAdmin();
        Map<String, Long> running = new java.util.HashMap<>();
        locks.locks().stream().filter(l -> l.owner() != null && l.executionId() != null)
            .forEach(l -> running.put(l.job(), l.executionId()));
        List<JobInfo> out = new ArrayList<>();
        for (BatchJob j : BatchJob.ALL) {
            JobSchedule s = scheduler.schedule(j);
            out.add(new JobInfo(j.name(), deployed(j), s.enabled(), s.time(), scheduler.nextRun(j.name()),
                running.get(j.name())));
        }
        return out;
    }

    /**
     * Starts a job now (system administrators).
     *
     * @param parameters extra job parameters: only test hooks ({@value #TEST_PREFIX}…), and only when
     *                   {@code motcua.batch.test-hooks=true}; null or empty otherwise
     * @throws NotFoundException   404 for a job not in the registry or not deployed
     * @throws ConflictException   409 {@code JOB_RUNNING} while another execution holds the lock
     */
    public ExecutionInfo start(String name, Map<String, String> parameters) {
        AccessScope scope = requireAdmin();
        BatchJob job = BatchJob.named(name).filter(this::deployed)
            .orElseThrow(() -> new NotFoundException("batch job", String.valueOf(name)));
        Properties p = testParameters(parameters);
        p.setProperty(STARTED_BY, scope.username());
        LockOwner owner = lock(job.name());
        p.setProperty(LOCK_OWNER, owner.text());
        long id;
        try {
            id = operator().start(job.name(), p);
        } catch (RuntimeException e) {
            locks.release(job.name(), owner.text());
            throw e;
        }
        locks.attach(job.name(), owner, id);
        if ("true".equals(p.getProperty(TEST_PREFIX + "orphan"))) {
            // test hook: the lock now looks like one left by a dead server (lease expired at once)
            locks.orphan(job.name(), id);
        }
        LOG.info(() -> "Batch job " + job.name() + " started as execution " + id + " by " + scope.username());
        return execution(id);
    }

    /**
     * Restarts a FAILED or STOPPED execution from its last checkpoint (a new execution of the same instance).
     *
     * @throws NotFoundException 404 for an unknown execution
     * @throws ConflictException 409 {@code JOB_RUNNING} while the job runs, {@code NOT_RESTARTABLE} for an execution
     *                           that completed, is not its instance's latest, or is still running
     */
    public ExecutionInfo restart(long executionId, Map<String, String> parameters) {
        AccessScope scope = requireAdmin();
        JobExecution old = find(executionId);
        if (!(old.getBatchStatus() == BatchStatus.FAILED || old.getBatchStatus() == BatchStatus.STOPPED)) {
            throw new ConflictException("NOT_RESTARTABLE", "Execution " + executionId + " is "
                + old.getBatchStatus() + "; only FAILED or STOPPED executions restart");
        }
        Properties p = testParameters(parameters);
        p.setProperty(STARTED_BY, scope.username());
        LockOwner owner = lock(old.getJobName());
        p.setProperty(LOCK_OWNER, owner.text());
        long id;
        try {
            id = operator().restart(executionId, p);
        } catch (JobExecutionAlreadyCompleteException | JobExecutionNotMostRecentException | JobRestartException e) {
            locks.release(old.getJobName(), owner.text());
            throw new ConflictException("NOT_RESTARTABLE", "Execution " + executionId + " cannot restart: "
                + e.getMessage());
        } catch (RuntimeException e) {
            locks.release(old.getJobName(), owner.text());
            throw e;
        }
        locks.attach(old.getJobName(), owner, id);
        LOG.info(() -> "Batch execution " + executionId + " restarted as " + id + " by " + scope.username());
        return execution(id);
    }

    /**
     * Executions, newest first.
     *
     * @param job   a job name, or null for every job of the registry
     * @param limit 1 to {@value #MAX_LIMIT}
     */
    public List<ExecutionInfo> executions(String job, int limit) {
        requireAdmin();
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new RuleViolationException("INVALID_INPUT", "limit: 1 to " + MAX_LIMIT);
        }
        List<String> names = job == null ? BatchJob.ALL.stream().map(BatchJob::name).toList()
            : List.of(BatchJob.named(job).orElseThrow(() -> new NotFoundException("batch job", job)).name());
        JobOperator op = operator();
        List<JobExecution> all = new ArrayList<>();
        for (String n : names) {
            List<JobInstance> instances;
            try {
                instances = op.getJobInstances(n, 0, limit);
            } catch (NoSuchJobException e) {
                continue;
            }
            for (JobInstance i : instances) {
                all.addAll(op.getJobExecutions(i));
            }
        }
        all.sort(Comparator.comparingLong(JobExecution::getExecutionId).reversed());
        List<JobExecution> page = all.subList(0, Math.min(limit, all.size()));
        Map<Long, String> abandoned = locks.abandonedReasons(page.stream().map(JobExecution::getExecutionId).toList());
        return page.stream().map(e -> info(op, e, abandoned.get(e.getExecutionId()))).toList();
    }

    /** One execution. @throws NotFoundException 404 for an unknown id or one of a job outside the registry */
    public ExecutionInfo execution(long executionId) {
        requireAdmin();
        JobExecution e = find(executionId);
        return info(operator(), e, locks.abandonedReasons(List.of(executionId)).get(executionId));
    }

    /** The nightly start of a job: like {@link #start} under the system scope; a running job is left alone. */
    void startScheduled(String name) {
        try {
            vn.gov.quangtri.motcua.account.application.SystemTask.run("batch-scheduler",
                () -> start(name, Map.of()));
        } catch (ConflictException e) {
            LOG.warning(() -> "Nightly start of " + name + " skipped: " + e.getMessage());
        }
    }

    private JobExecution find(long executionId) {
        JobExecution e;
        try {
            e = operator().getJobExecution(executionId);
        } catch (NoSuchJobExecutionException | jakarta.batch.operations.JobSecurityException ex) {
            e = null; // unknown, or started by another module of the application (its tag): not ours to show
        }
        if (e == null || BatchJob.named(e.getJobName()).isEmpty()) {
            throw new NotFoundException("batch execution", String.valueOf(executionId));
        }
        return e;
    }

    /** Takes the job's lock, abandoning a stale holder's execution; 409 JOB_RUNNING when held. */
    private LockOwner lock(String job) {
        LockOwner owner = ServerIdentity.newOwner();
        Instant now = Instant.now();
        BatchLocks.Acquisition a = locks.acquire(job, owner, now, now.plus(lease()));
        if (!a.acquired()) {
            throw new JobRunningException(job, a.held().executionId());
        }
        if (a.staleReason() != null && a.held().executionId() != null) {
            abandon(job, a.held().executionId(), a.staleReason(), now);
        }
        // executions the runtime still shows running although no lock protects them (a crash between the start and
        // the lock's attachment, or a lock freed by hand)
        JobOperator op = operator();
        try {
            for (Long id : op.getRunningExecutions(job)) {
                if (!id.equals(a.held().executionId())) {
                    abandon(job, id, "left " + op.getJobExecution(id).getBatchStatus()
                        + " without a job lock (its server stopped)", now);
                }
            }
        } catch (NoSuchJobException e) {
            // never ran
        }
        return owner;
    }

    private void abandon(String job, long executionId, String reason, Instant now) {
        JobOperator op = operator();
        try {
            op.stop(executionId);
        } catch (JobExecutionNotRunningException | NoSuchJobExecutionException e) {
            // not running in this server's runtime
        } catch (RuntimeException e) {
            LOG.log(Level.FINE, "stop " + executionId, e);
        }
        try {
            op.abandon(executionId);
        } catch (JobExecutionIsRunningException | NoSuchJobExecutionException e) {
            // the runtime keeps it STARTED/STOPPING: the record below is what counts
        } catch (RuntimeException e) {
            LOG.log(Level.FINE, "abandon " + executionId, e);
        }
        locks.recordAbandoned(executionId, job, now, ServerIdentity.me().server(), reason);
        LOG.warning(() -> "Batch execution " + executionId + " of " + job + " marked abandoned: " + reason);
    }

    private ExecutionInfo info(JobOperator op, JobExecution e, String abandoned) {
        long read = 0;
        long written = 0;
        long skipped = 0;
        String failure = null;
        for (StepExecution s : op.getStepExecutions(e.getExecutionId())) {
            for (Metric m : s.getMetrics() == null ? new Metric[0] : s.getMetrics()) {
                switch (m.getType()) {
                    case READ_COUNT -> read += m.getValue();
                    case WRITE_COUNT -> written += m.getValue();
                    case READ_SKIP_COUNT, PROCESS_SKIP_COUNT, WRITE_SKIP_COUNT -> skipped += m.getValue();
                    default -> { }
                }
            }
            if (s.getBatchStatus() == BatchStatus.FAILED && s.getExitStatus() != null && failure == null) {
                failure = s.getStepName() + ": " + s.getExitStatus();
            }
        }
        BatchStatus bs = e.getBatchStatus();
        String status = abandoned != null ? "ABANDONED" : bs.name();
        if (abandoned != null) {
            failure = abandoned;
        } else if (bs == BatchStatus.FAILED && failure == null) {
            failure = e.getExitStatus();
        }
        String startedBy = null;
        try {
            Properties params = op.getParameters(e.getExecutionId());
            startedBy = params == null ? null : params.getProperty(STARTED_BY);
        } catch (RuntimeException ex) {
            // parameters unreadable: leave empty
        }
        boolean restartable = abandoned == null && (bs == BatchStatus.FAILED || bs == BatchStatus.STOPPED)
            && latestOfInstance(op, e.getExecutionId());
        return new ExecutionInfo(e.getExecutionId(), e.getJobName(), status, bs.name(), instant(e.getCreateTime()),
            instant(e.getStartTime()), instant(e.getEndTime()), read, written, skipped, e.getExitStatus(), failure,
            restartable, startedBy);
    }

    /** Whether the execution is the latest of its job instance (the runtime restarts only that one). */
    private static boolean latestOfInstance(JobOperator op, long executionId) {
        try {
            return op.getJobExecutions(op.getJobInstance(executionId)).stream()
                .allMatch(x -> x.getExecutionId() <= executionId);
        } catch (RuntimeException ex) {
            return false;
        }
    }

    private Properties testParameters(Map<String, String> parameters) {
        Properties p = new Properties();
        if (parameters == null || parameters.isEmpty()) {
            return p;
        }
        boolean hooks = ConfigProvider.getConfig().getOptionalValue("motcua.batch.test-hooks", Boolean.class)
            .orElse(false);
        for (Map.Entry<String, String> e : parameters.entrySet()) {
            if (!hooks || !e.getKey().startsWith(TEST_PREFIX)) {
                throw new RuleViolationException("INVALID_INPUT", "Unknown job parameter " + e.getKey());
            }
            p.setProperty(e.getKey(), e.getValue());
        }
        return p;
    }

    /** The lease of a job lock ({@code motcua.batch.lease}, ISO-8601 duration, default PT2M). */
    static Duration lease() {
        return ConfigProvider.getConfig().getOptionalValue("motcua.batch.lease", String.class)
            .map(Duration::parse).orElse(Duration.ofMinutes(2));
    }

    private boolean deployed(BatchJob j) {
        ClassLoader cl = Thread.currentThread().getContextClassLoader();
        return (cl != null && cl.getResource(j.xmlResource()) != null)
            || BatchJobs.class.getClassLoader().getResource(j.xmlResource()) != null;
    }

    private AccessScope requireAdmin() {
        AccessScope scope = access.current();
        scope.requireAny(Role.SYSTEM_ADMIN);
        return scope;
    }

    private static JobOperator operator() {
        return BatchRuntime.getJobOperator();
    }

    private static Instant instant(Date d) {
        return d == null ? null : d.toInstant();
    }
}
