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
import jakarta.batch.runtime.StepExecution;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
 *   <li>Listings read our own history ({@link BatchHistory}, table {@code batch_execution}), not the runtime's
 *       repository, which only lists the executions of the current deployment: the history survives a redeploy, and
 *       the execution ids (the runtime's) stay valid for one execution and a restart. The abandonment recorded here
 *       overrides the runtime's status.</li>
 *   <li>A start that follows an abandoned execution (a crash) continues after that execution's last committed
 *       checkpoint ({@link StepProgress}), so each item is processed once; so does a restart of the abandoned one.</li>
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

    @EJB
    private BatchHistory history;

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
     * An execution, as recorded in our history ({@link BatchHistory}).
     *
     * @param status        the batch status, or ABANDONED when marked abandoned
     * @param runtimeStatus the batch status as the runtime last reported it
     * @param read          items read (updated at every checkpoint while it runs)
     * @param written       items really written
     * @param skipped       items skipped (read, process and write skips)
     * @param exitStatus    the exit status (a failed step's reason, see {@link BatchStepListener})
     * @param failure       why it failed or was abandoned, null otherwise
     * @param restartable   FAILED, STOPPED or ABANDONED, and the latest execution of its job
     * @param server        the server that ran it
     * @param restartOf     the FAILED/STOPPED execution it restarts from the runtime's checkpoint, or null
     * @param resumedFrom   the abandoned execution whose last committed checkpoint it continued from, or null
     * @param resumedCheckpoint that checkpoint (a dossier or transfer id, or a day)
     * @param checkpoint    its own position after the last committed chunk
     */
    public record ExecutionInfo(long executionId, String job, String status, String runtimeStatus, Instant createdAt,
                                Instant startedAt, Instant endedAt, long read, long written, long skipped,
                                String exitStatus, String failure, boolean restartable, String startedBy,
                                String server, Long restartOf, Long resumedFrom, String resumedCheckpoint,
                                String checkpoint) {
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
        // after a crash the latest execution is abandoned: the new one continues after its last committed checkpoint
        BatchHistory.Row resumed = history.latest(job.name()).filter(BatchHistory.Row::abandoned).orElse(null);
        long id = launch(job.name(), p, owner, resumed);
        LOG.info(() -> "Batch job " + job.name() + " started as execution " + id + " by " + scope.username()
            + (resumed == null ? "" : ", resuming abandoned execution " + resumed.executionId() + " after "
            + resumed.checkpoint()));
        return execution(id);
    }

    /** Starts a new execution under the lock {@code owner} holds, resuming {@code resumed} when not null. */
    private long launch(String job, Properties p, LockOwner owner, BatchHistory.Row resumed) {
        p.setProperty(LOCK_OWNER, owner.text());
        if (resumed != null) {
            p.setProperty(StepProgress.RESUME_FROM, String.valueOf(resumed.executionId()));
            if (resumed.checkpoint() != null && resumed.checkpointStep() != null) {
                p.setProperty(StepProgress.RESUME_STEP, resumed.checkpointStep());
                p.setProperty(StepProgress.RESUME_CHECKPOINT, resumed.checkpoint());
            }
        }
        long id;
        try {
            id = operator().start(job, p);
        } catch (RuntimeException e) {
            locks.release(job, owner.text());
            throw e;
        }
        history.opened(id, job, p.getProperty(STARTED_BY), null, Instant.now(), null, null, null,
            resumed == null ? null : resumed.executionId(), p.getProperty(StepProgress.RESUME_STEP),
            p.getProperty(StepProgress.RESUME_CHECKPOINT));
        locks.attach(job, owner, id);
        if ("true".equals(p.getProperty(TEST_PREFIX + "orphan"))) {
            // test hook: the lock now looks like one left by a dead server (lease expired at once)
            locks.orphan(job, id);
        }
        return id;
    }

    /**
     * Restarts a FAILED, STOPPED or ABANDONED execution from its last checkpoint. A FAILED or STOPPED execution the
     * runtime still knows restarts through the runtime (a new execution of the same instance, restart_of). An abandoned
     * one (its server crashed), or one of an earlier deployment, gives a new execution that continues after the last
     * checkpoint stored in our history (resumed_from); that needs it to be the latest execution of its job.
     *
     * @throws NotFoundException 404 for an unknown execution
     * @throws ConflictException 409 {@code JOB_RUNNING} while the job runs, {@code NOT_RESTARTABLE} for an execution
     *                           that completed, is not the latest, or is still running
     */
    public ExecutionInfo restart(long executionId, Map<String, String> parameters) {
        AccessScope scope = requireAdmin();
        BatchHistory.Row old = row(executionId);
        String job = old.job();
        if (!old.abandoned() && !(old.status().equals("FAILED") || old.status().equals("STOPPED"))) {
            throw new ConflictException("NOT_RESTARTABLE", "Execution " + executionId + " is "
                + old.status() + "; only FAILED, STOPPED or ABANDONED executions restart");
        }
        if (history.latest(job).map(r -> r.executionId() != executionId).orElse(true)) {
            throw new ConflictException("NOT_RESTARTABLE", "Execution " + executionId
                + " is not the latest execution of " + job);
        }
        Properties p = testParameters(parameters);
        p.setProperty(STARTED_BY, scope.username());
        boolean known = !old.abandoned() && runtimeExecution(executionId) != null;
        LockOwner owner = lock(job);
        long id;
        if (known) {
            p.setProperty(LOCK_OWNER, owner.text());
            if (old.checkpoint() != null && old.checkpointStep() != null) {
                // an execution that itself resumed an abandoned one and failed before its first chunk has no runtime
                // checkpoint: its readers then continue after the one it was given (the runtime's wins otherwise)
                p.setProperty(StepProgress.RESUME_STEP, old.checkpointStep());
                p.setProperty(StepProgress.RESUME_CHECKPOINT, old.checkpoint());
            }
            try {
                id = operator().restart(executionId, p);
            } catch (JobExecutionAlreadyCompleteException | JobExecutionNotMostRecentException
                     | JobRestartException e) {
                locks.release(job, owner.text());
                throw new ConflictException("NOT_RESTARTABLE", "Execution " + executionId + " cannot restart: "
                    + e.getMessage());
            } catch (RuntimeException e) {
                locks.release(job, owner.text());
                throw e;
            }
            history.opened(id, job, scope.username(), null, Instant.now(), null, null, executionId, null, null,
                null);
            locks.attach(job, owner, id);
        } else {
            id = launch(job, p, owner, history.find(executionId).orElse(old));
        }
        LOG.info(() -> "Batch execution " + executionId + " restarted as " + id + " by " + scope.username());
        return execution(id);
    }

    /**
     * Executions, newest first, from our history (they survive a redeploy). The executions the runtime knows
     * (this deployment's) are first reconciled with it: one missing from the history is added, one the history still
     * shows running although the runtime ended it gets its end.
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
        for (String n : names) {
            List<JobInstance> instances;
            try {
                instances = op.getJobInstances(n, 0, limit);
            } catch (NoSuchJobException | jakarta.batch.operations.JobSecurityException e) {
                continue;
            }
            for (JobInstance i : instances) {
                for (JobExecution e : op.getJobExecutions(i)) {
                    sync(op, e, null);
                }
            }
        }
        List<BatchHistory.Row> rows = history.list(names, limit);
        Map<String, Long> latest = new java.util.HashMap<>();
        for (String n : names) {
            history.latest(n).ifPresent(r -> latest.put(n, r.executionId()));
        }
        return rows.stream().map(r -> info(r, latest.get(r.job()))).toList();
    }

    /** One execution. @throws NotFoundException 404 for an unknown id or one of a job outside the registry */
    public ExecutionInfo execution(long executionId) {
        requireAdmin();
        BatchHistory.Row r = row(executionId);
        return info(r, history.latest(r.job()).map(BatchHistory.Row::executionId).orElse(null));
    }

    /** Our history's row of an execution, reconciled with the runtime first; 404 when neither knows it. */
    private BatchHistory.Row row(long executionId) {
        Optional<BatchHistory.Row> r = history.find(executionId);
        if (r.isEmpty() || !BatchHistory.FINAL.contains(r.get().status())) {
            JobExecution e = runtimeExecution(executionId);
            if (e != null) {
                sync(operator(), e, r.orElse(null));
                r = history.find(executionId);
            }
        }
        return r.filter(x -> BatchJob.named(x.job()).isPresent())
            .orElseThrow(() -> new NotFoundException("batch execution", String.valueOf(executionId)));
    }

    /** Adds a runtime execution missing from the history, or records the end the listeners did not. */
    private void sync(JobOperator op, JobExecution e, BatchHistory.Row known) {
        if (BatchJob.named(e.getJobName()).isEmpty()) {
            return;
        }
        BatchHistory.Row r = known != null ? known : history.find(e.getExecutionId()).orElse(null);
        BatchStatus bs = e.getBatchStatus();
        boolean ended = bs == BatchStatus.COMPLETED || bs == BatchStatus.FAILED || bs == BatchStatus.STOPPED
            || bs == BatchStatus.ABANDONED;
        if (r != null && (BatchHistory.FINAL.contains(r.status()) || !ended)) {
            return;
        }
        long[] c = new long[3];
        String failure = null;
        for (StepExecution s : op.getStepExecutions(e.getExecutionId())) {
            long[] m = BatchStepListener.counts(s.getMetrics());
            for (int i = 0; i < 3; i++) {
                c[i] += m[i];
            }
            if (s.getBatchStatus() == BatchStatus.FAILED && s.getExitStatus() != null && failure == null) {
                failure = s.getStepName() + ": " + s.getExitStatus();
            }
        }
        if (r == null) {
            String startedBy = null;
            try {
                Properties params = op.getParameters(e.getExecutionId());
                startedBy = params == null ? null : params.getProperty(STARTED_BY);
            } catch (RuntimeException ex) {
                // parameters unreadable: leave empty
            }
            Instant created = instant(e.getCreateTime());
            history.opened(e.getExecutionId(), e.getJobName(), startedBy, null,
                created == null ? Instant.now() : created, instant(e.getStartTime()), bs.name(), null, null, null,
                null);
        }
        if (failure != null) {
            history.failed(e.getExecutionId(), failure);
        }
        if (ended) {
            // Jakarta Batch: an execution whose job set no exit status exits with its batch status
            history.ended(e.getExecutionId(), e.getJobName(), bs.name(),
                e.getExitStatus() != null ? e.getExitStatus() : bs.name(),
                instant(e.getEndTime()), r == null ? c[0] : null, r == null ? c[1] : null, r == null ? c[2] : null);
        } else if (r == null) {
            history.progress(e.getExecutionId(), null, null, c[0], c[1], c[2]);
        }
    }

    /**
     * The nightly start of a job ({@link BatchScheduler}): like {@link #start} under the system scope; a running job is
     * left alone (logged). Public: the scheduler calls it through this bean's no-interface view, which refuses any
     * method that is not public.
     */
    public void startScheduled(String name) {
        try {
            vn.gov.quangtri.motcua.account.application.SystemTask.run("batch-scheduler",
                () -> start(name, Map.of()));
        } catch (ConflictException e) {
            LOG.warning(() -> "Nightly start of " + name + " skipped: " + e.getMessage());
        }
    }

    /** The runtime's execution, null when unknown to this deployment (or started by another application). */
    private static JobExecution runtimeExecution(long executionId) {
        try {
            return operator().getJobExecution(executionId);
        } catch (NoSuchJobExecutionException | jakarta.batch.operations.JobSecurityException ex) {
            return null;
        } catch (RuntimeException ex) {
            LOG.log(Level.FINE, "execution " + executionId, ex);
            return null;
        }
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
        history.abandoned(executionId, job, now, reason);
        LOG.warning(() -> "Batch execution " + executionId + " of " + job + " marked abandoned: " + reason);
    }

    /**
     * An execution of the history as the screens and the API show it: an abandoned one is ABANDONED, ended when it was
     * found abandoned, its reason followed by that moment in Vietnam time to the second ({@code 2026-03-02T01:05:09+07:00});
     * an ended one without an exit status of its own has its batch status as exit status (Jakarta Batch's default).
     *
     * @param latestOfJob the newest execution of the same job (only that one can be restarted)
     */
    static ExecutionInfo info(BatchHistory.Row r, Long latestOfJob) {
        String status = r.abandoned() ? "ABANDONED" : r.status();
        String failure = r.abandoned() ? r.abandonedReason() + (r.abandonedAt() == null ? "" : " ("
            + java.time.format.DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(vn.gov.quangtri.motcua.shared.domain
                .VietnamTime.offset(r.abandonedAt().truncatedTo(java.time.temporal.ChronoUnit.SECONDS))) + ")")
            : r.failure();
        // an abandoned execution ended, as far as anyone can tell, when it was found abandoned
        Instant ended = r.endedAt() != null ? r.endedAt() : r.abandoned() ? r.abandonedAt() : null;
        String exit = r.exitStatus() != null ? r.exitStatus() : BatchHistory.FINAL.contains(status) ? status : null;
        boolean restartable = (r.abandoned() || r.status().equals("FAILED") || r.status().equals("STOPPED"))
            && latestOfJob != null && latestOfJob == r.executionId();
        return new ExecutionInfo(r.executionId(), r.job(), status, r.status(), r.createdAt(), r.startedAt(),
            ended, r.read(), r.written(), r.skipped(), exit, failure, restartable, r.startedBy(),
            r.server(), r.restartOf(), r.resumedFrom(), r.resumedCheckpoint(), r.checkpoint());
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
