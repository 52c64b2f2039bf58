package vn.gov.quangtri.motcua.portal.infrastructure;

import vn.gov.quangtri.motcua.shared.domain.JsonFactories;
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
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import vn.gov.quangtri.motcua.account.application.SystemTask;
import vn.gov.quangtri.motcua.dossier.application.DossierFiles;
import vn.gov.quangtri.motcua.dossier.application.FileRules;
import vn.gov.quangtri.motcua.portal.application.PortalIntake;
import vn.gov.quangtri.motcua.portal.domain.OnlineSubmission;
import vn.gov.quangtri.motcua.portal.domain.PortalSubmission;
import vn.gov.quangtri.motcua.shared.application.Failures;
import vn.gov.quangtri.motcua.shared.domain.DomainException;

/**
 * Pulls the dossiers citizens submitted online on the national portal into the desk's queue (issue 15 §3a): a
 * non-persistent interval timer ({@code motcua.portal.intake.interval}, default PT30S) reads the portal's list after
 * the durable cursor ({@code motcua.portal.intake.batch} items, 50) and, for each item in order:
 * <ol>
 *   <li>already met (its portal id is known): nothing is created again; the cursor moves on;</li>
 *   <li>otherwise every file is downloaded and checked (size, SHA-256); a file the portal does not have or that is not
 *   the one announced, a file over {@code motcua.files.max-bytes}, or an item that cannot be read puts the submission
 *   on the not-taken list with the reason;</li>
 *   <li>{@link PortalIntake#take} creates the online dossier with its files in one transaction; a refusal (unknown
 *   procedure or unit…) puts the submission on the not-taken list instead;</li>
 *   <li>the cursor moves on past the item; then the portal is told which dossier we made of it (ack). A taken
 *   submission whose acknowledgement failed is acknowledged again at the next run.</li>
 * </ol>
 * When the portal is unreachable, or a file download fails in a way that may pass, the run stops at that item and the
 * next run starts there: nothing is skipped. Runs never overlap and hold no transaction across a call. Nothing is
 * pulled while {@code motcua.portal.base-url} is empty. The account and timeout are those of the synchronisation
 * ({@code motcua.portal.username}, {@code motcua.portal.password}, {@code motcua.portal.dispatch.timeout}).
 */
@Singleton
@Startup
@DependsOn("DatabaseMigrator") // its tables exist before the first run
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class PortalIntakePuller {

    private static final Logger LOG = Logger.getLogger(PortalIntakePuller.class.getName());

    @Resource
    private TimerService timers;

    @EJB
    private PortalIntake intake;

    private final AtomicBoolean running = new AtomicBoolean();

    @PostConstruct
    void start() {
        Config c = ConfigProvider.getConfig();
        String every = c.getOptionalValue("motcua.portal.intake.interval", String.class).orElse("PT30S");
        long ms = Math.max(1000, Duration.parse(every).toMillis());
        timers.createIntervalTimer(ms, ms, new TimerConfig("motcua-portal-intake", false));
        LOG.info(() -> "Online submissions pulled from the national portal every " + every + " from "
            + c.getOptionalValue("motcua.portal.base-url", String.class).orElse("(not configured: nothing pulled)"));
    }

    @Timeout
    void tick() {
        pullNow();
    }

    /** What one run did; {@code problem} says why it stopped early (the portal unreachable), else null. */
    public record Summary(int taken, int notTaken, int known, int acknowledged, String problem) {
    }

    /** Runs the pull once now unless a run is in progress (then null). */
    public Summary pullNow() {
        if (!running.compareAndSet(false, true)) {
            return null;
        }
        try {
            Optional<PortalSettings> settings = PortalSettings.read();
            if (settings.isEmpty()) {
                return new Summary(0, 0, 0, 0, PortalSettings.NOT_SET);
            }
            PortalIntakeClient client = client(settings.get());
            Config c = ConfigProvider.getConfig();
            int batch = c.getOptionalValue("motcua.portal.intake.batch", Integer.class).orElse(50);
            return SystemTask.run(PortalIntake.ACTOR, () -> run(client, Math.max(1, Math.min(500, batch))));
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Pulling online submissions from the national portal failed", e);
            return null;
        } finally {
            running.set(false);
        }
    }

    private Summary run(PortalIntakeClient client, int batch) {
        int acknowledged = 0;
        for (PortalSubmission s : intake.unacknowledged(100)) {
            acknowledged += acknowledge(client, s) ? 1 : 0;
        }
        JsonObject page;
        try {
            page = client.list(intake.cursor(), batch);
        } catch (PortalIntakeClient.Unavailable e) {
            return new Summary(0, 0, 0, acknowledged, e.getMessage());
        }
        int taken = 0;
        int notTaken = 0;
        int known = 0;
        JsonArray items = page.get("items") instanceof JsonArray a ? a : JsonValue.EMPTY_JSON_ARRAY;
        for (JsonValue v : items) {
            JsonObject item = v instanceof JsonObject o ? o : JsonValue.EMPTY_JSON_OBJECT;
            String portalId = text(item, "MaHoSoQG");
            String cursor = text(item, "cursor");
            if (portalId == null || cursor == null) {
                return new Summary(taken, notTaken, known, acknowledged, "An item of the portal's list has no MaHoSoQG"
                    + " or cursor: stopped before it");
            }
            Optional<PortalSubmission> seen = intake.known(portalId);
            if (seen.isPresent() && seen.get().state() == PortalSubmission.State.TAKEN) {
                known++;
                intake.advance(cursor);
                if (seen.get().ackedAt() == null) {
                    acknowledged += acknowledge(client, seen.get()) ? 1 : 0;
                }
                continue;
            }
            if (seen.isPresent()) { // not taken before: stays on the list until an administrator has it taken again
                known++;
                intake.advance(cursor);
                continue;
            }
            Outcome o = takeOne(client, item, portalId, cursor);
            if (o.stop() != null) {
                return new Summary(taken, notTaken, known, acknowledged, o.stop());
            }
            intake.advance(cursor);
            if (o.row().state() == PortalSubmission.State.TAKEN) {
                taken++;
                acknowledged += acknowledge(client, o.row()) ? 1 : 0;
            } else {
                notTaken++;
            }
        }
        if (taken + notTaken > 0) {
            int t = taken;
            int n = notTaken;
            LOG.info(() -> "National portal: " + t + " online submission(s) taken, " + n + " not taken");
        }
        return new Summary(taken, notTaken, known, acknowledged, null);
    }

    /** A submission taken or not taken ({@code row}), or the reason to stop the run here ({@code stop}). */
    private record Outcome(PortalSubmission row, String stop) {
    }

    /**
     * Takes a submission again that is on the not-taken list (after an administrator fixed what was wrong: the
     * catalogue, the unit), from the item kept with it; the files are downloaded again.
     *
     * @return the row afterwards (TAKEN, or NOT_TAKEN with the new reason)
     * @throws vn.gov.quangtri.motcua.shared.domain.RuleViolationException {@code PORTAL_UNAVAILABLE} when the portal
     *         cannot be reached (nothing changed)
     */
    public PortalSubmission retake(long id) {
        PortalSubmission row = intake.find(id);
        if (row.state() == PortalSubmission.State.TAKEN) {
            return row;
        }
        PortalIntakeClient client = client(PortalSettings.read().orElseThrow(() ->
            new vn.gov.quangtri.motcua.shared.domain.RuleViolationException("PORTAL_UNAVAILABLE",
                PortalSettings.NOT_SET)));
        JsonObject item;
        try (jakarta.json.JsonReader r = JsonFactories.createReader(new java.io.StringReader(row.payload()))) {
            item = r.readObject();
        }
        Outcome o = SystemTask.run(PortalIntake.ACTOR, () -> takeOne(client, item, row.portalId(), row.cursor()));
        if (o.stop() != null) {
            throw new vn.gov.quangtri.motcua.shared.domain.RuleViolationException("PORTAL_UNAVAILABLE", o.stop());
        }
        if (o.row().state() == PortalSubmission.State.TAKEN) {
            SystemTask.run(PortalIntake.ACTOR, () -> acknowledge(client, o.row()));
        }
        return o.row();
    }

    private Outcome takeOne(PortalIntakeClient client, JsonObject item, String portalId, String cursor) {
        String payload = item.toString();
        OnlineSubmission s;
        try {
            s = OnlineSubmission.of(item);
        } catch (DomainException e) {
            return new Outcome(intake.notTaken(null, portalId, cursor, payload, e.reason(), e.getMessage()), null);
        }
        long max = FileRules.current().maxBytes();
        for (OnlineSubmission.FileRef f : s.files()) {
            if (f.size() > max) {
                return new Outcome(intake.notTaken(s, portalId, cursor, payload, DossierFiles.TOO_LARGE, "Tệp \""
                    + f.name() + "\" có " + f.size() + " byte, lớn hơn giới hạn " + max + " byte"), null);
            }
        }
        List<PortalIntake.Fetched> fetched = new ArrayList<>();
        try {
            for (OnlineSubmission.FileRef f : s.files()) {
                Path temp = Files.createTempFile("motcua-portal-", ".part");
                fetched.add(new PortalIntake.Fetched(f, temp));
                client.download(f, temp);
            }
            try {
                return new Outcome(intake.take(s, payload, fetched), null);
            } catch (RuntimeException e) {
                Throwable cause = Failures.unwrap(e);
                if (cause instanceof DomainException d) {
                    return new Outcome(intake.notTaken(s, portalId, cursor, payload, d.reason(), d.getMessage()), null);
                }
                LOG.log(Level.WARNING, "Taking online submission " + portalId + " failed; tried again next run", e);
                return new Outcome(null, "Internal error on " + portalId + ": " + cause.getClass().getSimpleName());
            }
        } catch (PortalIntakeClient.BadFile e) {
            return new Outcome(intake.notTaken(s, portalId, cursor, payload, e.reasonCode(), e.getMessage()), null);
        } catch (PortalIntakeClient.Unavailable e) {
            return new Outcome(null, e.getMessage());
        } catch (IOException e) {
            return new Outcome(null, "No temporary file: " + e.getMessage());
        } finally {
            for (PortalIntake.Fetched f : fetched) {
                try {
                    Files.deleteIfExists(f.content());
                } catch (IOException e) {
                    LOG.fine(() -> "temporary file left: " + e);
                }
            }
        }
    }

    private boolean acknowledge(PortalIntakeClient client, PortalSubmission s) {
        String error = client.acknowledge(s.portalId(), s.dossierCode());
        if (error == null) {
            intake.acknowledged(s.id());
            return true;
        }
        intake.acknowledgementFailed(s.id(), error);
        return false;
    }

    private static String text(JsonObject o, String key) {
        return o.get(key) instanceof JsonString s && !s.getString().isBlank() ? s.getString().strip() : null;
    }

    private static PortalIntakeClient client(PortalSettings p) {
        return new PortalIntakeClient(p.baseUrl(), p.username(), p.password(), p.timeout());
    }
}
