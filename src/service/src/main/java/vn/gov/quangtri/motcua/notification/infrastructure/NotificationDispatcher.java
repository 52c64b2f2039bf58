package vn.gov.quangtri.motcua.notification.infrastructure;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.Asynchronous;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.EJB;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import vn.gov.quangtri.motcua.account.application.SystemTask;
import vn.gov.quangtri.motcua.notification.application.NotificationSender;
import vn.gov.quangtri.motcua.notification.application.Notifications;
import vn.gov.quangtri.motcua.notification.application.SendOutcome;
import vn.gov.quangtri.motcua.notification.domain.Notification;
import vn.gov.quangtri.motcua.notification.domain.NotificationChannel;

/**
 * Sends the applicants' notification outbox, the same way the exchange's {@code OutboxDispatcher} sends to partners:
 * a non-persistent interval timer ({@code motcua.notification.dispatch.interval}, default PT30S; off with
 * {@code motcua.notification.dispatch.enabled=false}) and, so that a message goes out at once, {@link #kick} started
 * asynchronously after each transaction that wrote rows commits ({@link DispatchAfterCommit}). The run itself has no
 * transaction: reading the due rows and recording each outcome are short transactions of {@link Notifications} (system
 * scope), and the mail server or gateway is called between them, by this thread only. So a slow or failing send never
 * holds a dossier's transaction or a request thread. Runs never overlap; a kick during a run makes the run go round
 * once more. At most {@code motcua.notification.dispatch.batch-size} (50) rows per round.
 */
@Singleton
@Startup
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class NotificationDispatcher {

    private static final Logger LOG = Logger.getLogger(NotificationDispatcher.class.getName());

    @Resource
    private TimerService timers;

    @EJB
    private Notifications notifications;

    @Inject
    @Any
    private Instance<NotificationSender> senderBeans;

    @Inject
    @ConfigProperty(name = "motcua.notification.dispatch.enabled", defaultValue = "true")
    boolean enabled;

    @Inject
    @ConfigProperty(name = "motcua.notification.dispatch.interval", defaultValue = "PT30S")
    String interval;

    @Inject
    @ConfigProperty(name = "motcua.notification.dispatch.batch-size", defaultValue = "50")
    int batchSize;

    private final AtomicBoolean running = new AtomicBoolean();
    private final AtomicBoolean again = new AtomicBoolean();
    private final Map<NotificationChannel, NotificationSender> senders = new EnumMap<>(NotificationChannel.class);

    @PostConstruct
    void start() {
        for (NotificationSender s : senderBeans) {
            senders.put(s.channel(), s);
        }
        if (!enabled) {
            LOG.info("Notification dispatch disabled (motcua.notification.dispatch.enabled=false)");
            return;
        }
        long every = Math.max(1000, Duration.parse(interval).toMillis());
        timers.createIntervalTimer(every, every, new TimerConfig("motcua-notification-dispatch", false));
        LOG.info(() -> "Notification dispatch every " + interval);
    }

    @Timeout
    void tick() {
        dispatchNow();
    }

    /** Starts a run in the background now (after a commit that wrote rows, or a re-send). */
    @Asynchronous
    public void kick() {
        if (enabled) {
            dispatchNow();
        }
    }

    /**
     * Sends the due rows now, unless a run is in progress (which then goes round once more).
     *
     * @return rows handled, or -1 when another run was in progress
     */
    public int dispatchNow() {
        again.set(true);
        int handled = 0;
        boolean ran = false;
        // re-checked after releasing the flag: a kick that came just as the run ended is not lost
        while (again.get() && running.compareAndSet(false, true)) {
            ran = true;
            try {
                while (again.getAndSet(false)) {
                    int round;
                    do {
                        round = SystemTask.run(this::round);
                        handled += round;
                    } while (round >= batchSize);
                }
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "Notification dispatch run failed", e);
            } finally {
                running.set(false);
            }
        }
        return ran ? handled : -1;
    }

    /** One round: the due rows, each sent and its outcome recorded. */
    private int round() {
        List<Notification> due = notifications.due(batchSize);
        for (Notification n : due) {
            deliver(n);
        }
        return due.size();
    }

    private void deliver(Notification n) {
        NotificationSender sender = senders.get(n.channel());
        try {
            SendOutcome outcome = sender == null ? SendOutcome.notSent("not sent: no sender for " + n.channel())
                : sender.send(n);
            if (outcome.sent()) {
                notifications.markSent(n.id());
            } else {
                notifications.markNotSent(n.id(), outcome.reason());
            }
        } catch (Exception e) {
            String error = describe(e);
            LOG.log(Level.FINE, e, () -> "Notification " + n.id() + " failed: " + error);
            var next = notifications.markFailed(n.id(), error);
            LOG.info(() -> "Notification " + n.id() + " (" + n.channel() + ", " + n.dossierCode() + ") failed: " + error
                + (next == null ? "; no more attempts" : "; next attempt " + next));
        }
    }

    /** An exception and its causes, one line, for the administrators. */
    static String describe(Throwable e) {
        StringBuilder b = new StringBuilder();
        for (Throwable t = e; t != null && b.length() < 900; t = t.getCause() == t ? null : t.getCause()) {
            if (!b.isEmpty()) {
                b.append(" ← ");
            }
            b.append(t.getClass().getSimpleName());
            if (t.getMessage() != null) {
                b.append(": ").append(t.getMessage().replaceAll("\\s+", " ").strip());
            }
        }
        return b.toString();
    }
}
