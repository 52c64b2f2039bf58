package vn.gov.quangtri.motcua.portal.infrastructure;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.DependsOn;
import jakarta.ejb.EJB;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import vn.gov.quangtri.motcua.account.application.SystemTask;
import vn.gov.quangtri.motcua.interagency.domain.Backoff;
import vn.gov.quangtri.motcua.portal.application.PortalOutbox;
import vn.gov.quangtri.motcua.portal.domain.PortalMessage;

/**
 * Sends the portal outbox in the background (issue 15 §3): a non-persistent interval timer
 * ({@code motcua.portal.dispatch.interval}, default PT5S) takes the first open message of each dossier
 * ({@link PortalOutbox#heads}) and sends it with {@link PortalClient}; after a success the dossier's next message goes
 * in the same run (at most {@code motcua.portal.dispatch.rounds}, 20). Runs never overlap and hold no transaction
 * across a call. Settings are read at each run, so an administrator can change them without a restart:
 * {@code motcua.portal.base-url} (empty or unset: nothing is sent, messages are kept), {@code motcua.portal.username},
 * {@code motcua.portal.password} (a password alias), {@code motcua.portal.dispatch.timeout} (PT10S),
 * {@code motcua.portal.retry.max-delay} (PT15M: the longest wait between two attempts of a message while the portal
 * does not answer; the run command's simulator uses PT30S).
 */
@Singleton
@Startup
@DependsOn("DatabaseMigrator") // its table exists before the first run
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class PortalDispatcher {

    private static final Logger LOG = Logger.getLogger(PortalDispatcher.class.getName());

    @Resource
    private TimerService timers;

    @EJB
    private PortalOutbox outbox;

    private final AtomicBoolean running = new AtomicBoolean();

    @PostConstruct
    void start() {
        Config c = ConfigProvider.getConfig();
        String every = c.getOptionalValue("motcua.portal.dispatch.interval", String.class).orElse("PT5S");
        long ms = Math.max(500, Duration.parse(every).toMillis());
        timers.createIntervalTimer(ms, ms, new TimerConfig("motcua-portal-dispatch", false));
        LOG.info(() -> "National portal synchronisation every " + every + " to "
            + c.getOptionalValue("motcua.portal.base-url", String.class).orElse("(not configured: messages kept)"));
    }

    @Timeout
    void tick() {
        dispatchNow();
    }

    /** What one run did. */
    public record Summary(int sent, int rejected, int failed) {
    }

    /** Runs the sender once now unless a run is in progress (then null). */
    public Summary dispatchNow() {
        if (!running.compareAndSet(false, true)) {
            return null;
        }
        try {
            Optional<PortalSettings> settings = PortalSettings.read();
            if (settings.isEmpty()) {
                return new Summary(0, 0, 0);
            }
            PortalSettings p = settings.get();
            PortalClient client = new PortalClient(p.timeout());
            Config c = ConfigProvider.getConfig();
            int rounds = c.getOptionalValue("motcua.portal.dispatch.rounds", Integer.class).orElse(20);
            Backoff retries = PortalMessage.retries(Duration.parse(c.getOptionalValue("motcua.portal.retry.max-delay",
                String.class).orElse("PT15M")));
            return SystemTask.run(() -> run(client, p.baseUrl(), p.username(), p.password(), rounds, retries));
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "National portal synchronisation run failed", e);
            return null;
        } finally {
            running.set(false);
        }
    }

    private Summary run(PortalClient client, String base, String user, String password, int rounds,
                        Backoff retries) {
        int sent = 0;
        int rejected = 0;
        int failed = 0;
        for (int round = 0; round < rounds; round++) {
            List<PortalMessage> heads = outbox.heads(200);
            if (heads.isEmpty()) {
                break;
            }
            boolean progress = false;
            for (PortalMessage m : heads) {
                PortalClient.Outcome o = client.send(base, user, password, m.payload());
                switch (o.kind()) {
                    case SENT -> {
                        outbox.sent(m.id());
                        sent++;
                        progress = true;
                    }
                    case REJECTED -> {
                        outbox.rejected(m.id(), o.detail());
                        rejected++;
                    }
                    default -> {
                        outbox.failed(m.id(), o.detail(), retries);
                        failed++;
                    }
                }
            }
            if (!progress) {
                break;
            }
        }
        if (sent + rejected + failed > 0) {
            int s = sent;
            int r = rejected;
            int f = failed;
            LOG.fine(() -> "Portal synchronisation: " + s + " sent, " + r + " refused, " + f + " to retry");
        }
        return new Summary(sent, rejected, failed);
    }
}
