package vn.gov.quangtri.motcua.shared.batch;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.EJB;
import jakarta.ejb.Schedule;
import jakarta.ejb.ScheduleExpression;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.Timer;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import vn.gov.quangtri.motcua.shared.domain.VietnamTime;

/**
 * The nightly starts of the batch jobs: one non-persistent calendar timer per job at
 * {@code motcua.batch.<job>.schedule} (HH:mm, Asia/Ho_Chi_Minh; defaults in {@link BatchJob#ALL}), unless
 * {@code motcua.batch.<job>.enabled=false}. Every server schedules its own timers; the job lock lets one of them run
 * the job and the others skip it. Every 30 s it also renews the lease of the locks this server holds (the heartbeat).
 * A setting that cannot be read switches that job's nightly start off (logged as SEVERE); the deployment goes on.
 */
@Singleton
@Startup
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class BatchScheduler {

    private static final Logger LOG = Logger.getLogger(BatchScheduler.class.getName());

    @Resource
    private TimerService timers;

    @EJB
    private BatchJobs jobs;

    @EJB
    private BatchLocks locks;

    private final Map<String, JobSchedule> schedules = new ConcurrentHashMap<>();
    private final Map<String, Timer> nightly = new ConcurrentHashMap<>();

    @PostConstruct
    void init() {
        Config config = ConfigProvider.getConfig();
        for (BatchJob j : BatchJob.ALL) {
            String prefix = "motcua.batch." + j.name();
            JobSchedule s;
            try {
                s = JobSchedule.parse(config.getOptionalValue(prefix + ".schedule", String.class).orElse(null),
                    config.getOptionalValue(prefix + ".enabled", String.class).orElse(null), j.defaultTime());
            } catch (IllegalArgumentException e) {
                LOG.severe(() -> prefix + ": " + e.getMessage() + "; nightly start switched off");
                s = new JobSchedule(false, j.defaultTime());
            }
            schedules.put(j.name(), s);
            if (s.enabled()) {
                ScheduleExpression when = new ScheduleExpression().hour(s.time().getHour())
                    .minute(s.time().getMinute()).second(0).timezone(VietnamTime.ZONE.getId());
                nightly.put(j.name(), timers.createCalendarTimer(when, new TimerConfig(j.name(), false)));
            }
        }
    }

    /** The schedule read at start-up for a job. */
    public JobSchedule schedule(BatchJob job) {
        return schedules.getOrDefault(job.name(), new JobSchedule(false, job.defaultTime()));
    }

    /** The next nightly start of a job, null when it is off. */
    public Instant nextRun(String job) {
        Timer t = nightly.get(job);
        try {
            return t == null ? null : t.getNextTimeout().toInstant();
        } catch (RuntimeException e) {
            return null;
        }
    }

    @Timeout
    void nightlyStart(Timer timer) {
        String job = (String) timer.getInfo();
        LOG.info(() -> "Nightly start of batch job " + job);
        try {
            jobs.startScheduled(job);
        } catch (RuntimeException e) {
            LOG.severe(() -> "Nightly start of " + job + " failed: " + e);
        }
    }

    /** The heartbeat: extends the lease of the locks held by this server. */
    @Schedule(second = "*/30", minute = "*", hour = "*", persistent = false)
    void heartbeat() {
        try {
            locks.renew(Instant.now().plus(BatchJobs.lease()));
        } catch (RuntimeException e) {
            LOG.warning(() -> "Job lock heartbeat failed: " + e);
        }
    }
}
