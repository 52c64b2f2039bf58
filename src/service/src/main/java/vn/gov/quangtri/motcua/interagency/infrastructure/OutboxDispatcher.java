package vn.gov.quangtri.motcua.interagency.infrastructure;

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
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import vn.gov.quangtri.motcua.account.application.SystemTask;
import vn.gov.quangtri.motcua.shared.application.Secrets;
import vn.gov.quangtri.motcua.interagency.application.DispatchRun;
import vn.gov.quangtri.motcua.interagency.application.Outbox;
import vn.gov.quangtri.motcua.interagency.application.OutboxAccess;
import vn.gov.quangtri.motcua.interagency.application.PartnerCalls;
import vn.gov.quangtri.motcua.interagency.application.PartnerPolicy;
import vn.gov.quangtri.motcua.interagency.application.TransferFiles;
import vn.gov.quangtri.motcua.interagency.application.PartnerRegistry;
import vn.gov.quangtri.motcua.interagency.domain.OutboxMessage;
import vn.gov.quangtri.motcua.interagency.domain.OutboxStatus;
import vn.gov.quangtri.motcua.interagency.domain.PartnerSystem;

/**
 * Sends the outbox to the partner systems in the background: a non-persistent interval timer runs a
 * {@link DispatchRun} every {@code motcua.interagency.dispatch.interval} (default PT10S). The timer method
 * runs without a transaction: reading the due messages and recording each outcome are short transactions
 * of {@link Outbox} (system scope), and the HTTP calls happen between them, bounded by
 * {@code motcua.interagency.dispatch.connect-timeout} (PT5S) and {@code ...read-timeout} (PT20S). No request
 * thread ever waits for a partner; runs never overlap (a run still busy when the timer fires again is not
 * doubled).
 *
 * <p>Settings (MicroProfile Config): {@code motcua.interagency.dispatch.enabled} (true),
 * {@code ...interval}, {@code ...connect-timeout}, {@code ...read-timeout}, {@code ...batch-size} (50),
 * {@code motcua.interagency.client} (our X-Road client code, default {@code VN/GOV/000.00.00.H50/MOTCUA}),
 * {@code motcua.interagency.service-prefix} (default the same; the X-Road service is
 * {@code <prefix>/<operation>}). The API key presented to each partner: see {@link PartnerCredentials}; which
 * endpoints may be called: {@link PartnerPolicy} ({@code motcua.interagency.allow-http-hosts},
 * {@code motcua.interagency.allow-loopback}), checked again before every call.
 * Back-off and dead letters: {@code motcua.outbox.*} ({@link Outbox}).
 *
 * <p>After each dispatch the same run fetches the files announced by received transfers ({@link TransferFileFetcher},
 * issue 15 §1), with the same timeouts, batch size and partner checks.
 */
@Singleton
@Startup
@DependsOn("DatabaseMigrator") // the outbox and transfer-file tables exist before the first run
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class OutboxDispatcher {

    private static final Logger LOG = Logger.getLogger(OutboxDispatcher.class.getName());

    @Resource
    private TimerService timers;

    @EJB
    private Outbox outbox;

    @EJB
    private PartnerRegistry partners;

    @EJB
    private TransferFiles transferFiles;

    @Inject
    @ConfigProperty(name = "motcua.interagency.dispatch.enabled", defaultValue = "true")
    boolean enabled;

    @Inject
    @ConfigProperty(name = "motcua.interagency.dispatch.interval", defaultValue = "PT10S")
    String interval;

    @Inject
    @ConfigProperty(name = "motcua.interagency.dispatch.connect-timeout", defaultValue = "PT5S")
    String connectTimeout;

    @Inject
    @ConfigProperty(name = "motcua.interagency.dispatch.read-timeout", defaultValue = "PT20S")
    String readTimeout;

    @Inject
    @ConfigProperty(name = "motcua.interagency.dispatch.batch-size", defaultValue = "50")
    int batchSize;

    @Inject
    @ConfigProperty(name = "motcua.interagency.client", defaultValue = "VN/GOV/000.00.00.H50/MOTCUA")
    String client;

    @Inject
    @ConfigProperty(name = "motcua.interagency.service-prefix", defaultValue = "VN/GOV/000.00.00.H50/MOTCUA")
    String servicePrefix;

    private final AtomicBoolean running = new AtomicBoolean();
    private DispatchRun run;
    private TransferFileFetcher fetcher;

    @PostConstruct
    void start() {
        HttpPartnerSender sender = new HttpPartnerSender(Duration.parse(connectTimeout), Duration.parse(readTimeout));
        PartnerCredentials credentials = new PartnerCredentials(Secrets::named);
        run = new DispatchRun(new EjbOutboxAccess(), sender, credentials, PartnerPolicy.configured(), client, servicePrefix, batchSize, 20);
        fetcher = new TransferFileFetcher(Duration.parse(connectTimeout), Duration.parse(readTimeout), transferFiles,
            partners::partner, new PartnerCalls(credentials, PartnerPolicy.configured(), client, servicePrefix));
        if (!enabled) {
            LOG.info("Inter-agency outbox dispatch disabled (motcua.interagency.dispatch.enabled=false)");
            return;
        }
        long every = Math.max(1000, Duration.parse(interval).toMillis());
        timers.createIntervalTimer(every, every, new TimerConfig("motcua-outbox-dispatch", false));
        LOG.info(() -> "Inter-agency outbox dispatch every " + interval);
    }

    @Timeout
    void tick() {
        dispatchNow();
    }

    /**
     * Runs the sender once now, unless a run is in progress (then returns null). For the timer and for
     * administrators' "send now".
     */
    public DispatchRun.Summary dispatchNow() {
        if (!running.compareAndSet(false, true)) {
            return null;
        }
        try {
            DispatchRun.Summary s = SystemTask.run(run::runOnce);
            if (s.sent() + s.failed() + s.dead() > 0) {
                LOG.fine(() -> "Outbox dispatch: " + s);
            }
            TransferFileFetcher.Summary f = SystemTask.run(() -> fetcher.runOnce(batchSize));
            if (f.received() + f.refused() + f.failed() > 0) {
                LOG.fine(() -> "Transfer files: " + f);
            }
            return s;
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Outbox dispatch run failed", e);
            return null;
        } finally {
            running.set(false);
        }
    }

    /** The outbox and registry EJBs: each call its own transaction (REQUIRED, none open here). */
    private final class EjbOutboxAccess implements OutboxAccess {

        @Override
        public List<OutboxMessage> pending(int limit) {
            return outbox.pending(limit);
        }

        @Override
        public void markSent(String messageId, String attemptId) {
            outbox.markSent(messageId, attemptId);
        }

        @Override
        public OutboxStatus markFailed(String messageId, String attemptId, String error, boolean refused) {
            return outbox.markFailed(messageId, attemptId, error, refused);
        }

        @Override
        public Optional<PartnerSystem> partner(String code) {
            return partners.partner(code);
        }
    }
}
