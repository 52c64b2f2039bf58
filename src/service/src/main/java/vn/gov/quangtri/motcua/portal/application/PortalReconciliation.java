package vn.gov.quangtri.motcua.portal.application;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import vn.gov.quangtri.motcua.shared.domain.JsonFactories;
import jakarta.json.JsonObject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.io.Serializable;
import java.io.StringReader;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.ConfigProvider;
import vn.gov.quangtri.motcua.account.application.AccessControl;
import vn.gov.quangtri.motcua.account.domain.Role;
import vn.gov.quangtri.motcua.dossier.domain.Dossier;
import vn.gov.quangtri.motcua.dossier.domain.DossierEvent;
import vn.gov.quangtri.motcua.dossier.domain.DossierFile;
import vn.gov.quangtri.motcua.dossier.domain.DossierStatus;
import vn.gov.quangtri.motcua.portal.domain.PortalComparison;
import vn.gov.quangtri.motcua.portal.domain.PortalDifference;
import vn.gov.quangtri.motcua.portal.domain.PortalMessage;
import vn.gov.quangtri.motcua.portal.domain.PortalPayload;
import vn.gov.quangtri.motcua.portal.infrastructure.PortalClient;
import vn.gov.quangtri.motcua.portal.infrastructure.PortalSettings;

/**
 * The reconciliation with the national portal (issue 15 §4; docs/architecture.md "Reconciliation with the national
 * portal"), one dossier at a time, for the batch job {@code portal-reconciliation} (package {@code portal.batch}):
 * <ol>
 *   <li>{@link #dossiersToCheck}: every dossier open, or closed (terminal status) with its last event within
 *   {@code motcua.portal.reconciliation.days} days (default 30), that has history. A child dossier of an
 *   inter-agency transfer (never sent to the portal) is read but never compared: {@link #ours} leaves it out (the
 *   embedded flag is not compared in this query: EclipseLink inlined it as 0, which H2 refuses for a BOOLEAN).</li>
 *   <li>{@link #check}, outside any transaction: a dossier with a message still waiting in the portal outbox (pending
 *   or refused) is <b>not</b> compared ({@link Verdict#PENDING}): the portal cannot hold what was not delivered yet,
 *   the outbox delivers it (a refusal is already on the rejects list), and a difference found now would be false.
 *   Otherwise our payload of its latest event ({@link PortalPayload}) is compared with the portal's copy
 *   ({@code GET <base>/api/dossiers/{code}}; 404 = the portal does not know it, itself a difference) by
 *   {@link PortalComparison}. A portal that does not answer gives {@link Verdict#NOT_ASKED}.</li>
 *   <li>{@link #record}, in the caller's (the chunk's) transaction: replaces the dossier's open differences with what
 *   this check found (the same difference keeps its row, others are resolved, new ones are added). A dossier that
 *   got a new event since the check is left for the next run.</li>
 * </ol>
 * Trusted work (system scope, {@code SystemTask}); {@link #differences} for system administrators. Settings: the
 * portal's {@code motcua.portal.base-url}, {@code .username}, {@code .password}, {@code .dispatch.timeout} (PT10S),
 * and {@code motcua.portal.reconciliation.days}.
 */
@Stateless
public class PortalReconciliation {

    /** The actor recorded for what the reconciliation does. */
    public static final String ACTOR = "đối soát Cổng DVCQG";

    @PersistenceContext(unitName = "motcua")
    private EntityManager em;

    @EJB
    private AccessControl access;

    @EJB
    private PortalReconciliation self;

    @Inject
    private Clock clock;

    /** What a check came to. */
    public enum Verdict {
        /** Compared: {@link Check#differences()} lists what differs (empty: in sync). */
        COMPARED,
        /** A message of the dossier still waits in the outbox: not compared. */
        PENDING,
        /** The portal could not be asked (not configured, down, an error). */
        NOT_ASKED
    }

    /**
     * What a check found, handed from {@link #check} to {@link #record} (a batch item).
     *
     * @param lastEventSeq the dossier's last history event when checked
     * @param reason       why PENDING or NOT_ASKED, else null
     */
    public record Check(long dossierId, String dossierCode, int lastEventSeq, Verdict verdict,
                        List<PortalComparison.Difference> differences, String reason) implements Serializable {
        private static final long serialVersionUID = 1L;

        public Check {
            differences = List.copyOf(differences);
        }
    }

    /** What {@link #check} needs from the database, read in a short transaction of its own. */
    public record Ours(long dossierId, String code, int lastEventSeq, String payload, long waiting)
        implements Serializable {
        private static final long serialVersionUID = 1L;
    }

    /** What {@link #record} did: differences open after it, resolved by it; {@code changed} when left for later. */
    public record Outcome(int open, int resolved, boolean changed) {
    }

    /** A page of differences. */
    public record Page(long total, List<PortalDifference> items) {
    }

    /**
     * The next dossiers to check, by id, after {@code afterId} (the batch reader pages with it; its checkpoint is the
     * last id read).
     *
     * @param limit at most this many ids
     */
    public List<Long> dossiersToCheck(long afterId, int limit) {
        requireSystem();
        int days = ConfigProvider.getConfig().getOptionalValue("motcua.portal.reconciliation.days", Integer.class)
            .orElse(30);
        Instant since = clock.instant().minus(Duration.ofDays(Math.max(0, days)));
        List<DossierStatus> terminal = java.util.Arrays.stream(DossierStatus.values())
            .filter(DossierStatus::isTerminal).toList();
        return em.createQuery("SELECT d.id FROM Dossier d WHERE d.id > :after"
                + " AND EXISTS (SELECT e FROM DossierEvent e WHERE e.dossier = d) AND (d.status NOT IN :terminal"
                + " OR EXISTS (SELECT e2 FROM DossierEvent e2 WHERE e2.dossier = d AND e2.occurredAt >= :since))"
                + " ORDER BY d.id",
                Long.class)
            .setParameter("after", afterId).setParameter("terminal", terminal).setParameter("since", since)
            .setMaxResults(Math.max(1, limit)).getResultList();
    }

    /**
     * Our side of a dossier: the payload of its latest event as we would send it now, and how many of its messages
     * still wait in the outbox (pending or refused). Empty for an unknown dossier, a child dossier or one without
     * history.
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRED)
    public Optional<Ours> ours(long dossierId) {
        requireSystem();
        Dossier d = em.find(Dossier.class, dossierId);
        if (d == null || d.origin().child() || d.history().isEmpty()) {
            return Optional.empty();
        }
        DossierEvent last = d.history().stream().max(java.util.Comparator.comparingInt(DossierEvent::seq)).orElseThrow();
        List<DossierFile> files = em.createQuery("SELECT f FROM DossierFile f WHERE f.dossierCode = :code"
            + " AND f.withdrawnAt IS NULL ORDER BY f.id", DossierFile.class).setParameter("code", d.code()).getResultList();
        long waiting = em.createQuery("SELECT COUNT(m) FROM PortalMessage m WHERE m.dossierCode = :code"
                + " AND m.state IN :open", Long.class).setParameter("code", d.code())
            .setParameter("open", List.of(PortalMessage.State.PENDING, PortalMessage.State.REJECTED)).getSingleResult();
        return Optional.of(new Ours(d.id(), d.code(), last.seq(), PortalPayload.of(d, last, 0, files), waiting));
    }

    /**
     * Compares one dossier with the portal's copy; changes nothing. Runs without a transaction: the call waits for the
     * portal (at most {@code motcua.portal.dispatch.timeout} to connect and as much for the answer).
     *
     * @param dossierId the dossier's row id (from {@link #dossiersToCheck})
     * @return the check, empty when the dossier is not to be checked
     */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public Optional<Check> check(long dossierId) {
        requireSystem();
        Optional<Ours> found = self.ours(dossierId);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        Ours o = found.get();
        if (o.waiting() > 0) {
            return Optional.of(new Check(o.dossierId(), o.code(), o.lastEventSeq(), Verdict.PENDING, List.of(),
                o.waiting() + " message(s) still in the portal outbox"));
        }
        Optional<PortalSettings> settings = PortalSettings.read();
        if (settings.isEmpty()) {
            return Optional.of(new Check(o.dossierId(), o.code(), o.lastEventSeq(), Verdict.NOT_ASKED, List.of(),
                PortalSettings.NOT_SET));
        }
        PortalSettings p = settings.get();
        PortalClient.Lookup answer = new PortalClient(p.timeout()).fetch(p.baseUrl(), p.username(), p.password(),
            o.code());
        if (answer.found() == PortalClient.Found.FAILED) {
            return Optional.of(new Check(o.dossierId(), o.code(), o.lastEventSeq(), Verdict.NOT_ASKED, List.of(),
                answer.detail()));
        }
        JsonObject ours = JsonFactories.createReader(new StringReader(o.payload())).readObject();
        return Optional.of(new Check(o.dossierId(), o.code(), o.lastEventSeq(), Verdict.COMPARED,
            PortalComparison.compare(ours, answer.copy()), null));
    }

    /**
     * Records a COMPARED check in the caller's transaction: the dossier's open differences are replaced by the ones
     * found (idempotent: a rerun over the same state adds no row). Other verdicts change nothing.
     *
     * @param executionId the batch job execution, null outside a job
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRED)
    public Outcome record(Check check, Long executionId) {
        requireSystem();
        if (check.verdict() != Verdict.COMPARED) {
            return new Outcome(0, 0, false);
        }
        Integer last = em.createQuery("SELECT MAX(e.seq) FROM DossierEvent e WHERE e.dossier.id = :id", Integer.class)
            .setParameter("id", check.dossierId()).getSingleResult();
        if (last == null || last != check.lastEventSeq()) {
            return new Outcome(0, 0, true);
        }
        Instant now = clock.instant();
        List<PortalDifference> open = em.createNamedQuery("PortalDifference.openOf", PortalDifference.class)
            .setParameter("code", check.dossierCode()).getResultList();
        List<PortalComparison.Difference> fresh = new ArrayList<>(check.differences());
        int resolved = 0;
        for (PortalDifference f : open) {
            Optional<PortalComparison.Difference> again = fresh.stream().filter(f::sameAs).findFirst();
            if (again.isPresent()) {
                f.foundAgain(now, executionId);
                fresh.remove(again.get());
            } else {
                f.resolve(now);
                resolved++;
            }
        }
        for (PortalComparison.Difference d : fresh) {
            em.persist(new PortalDifference(check.dossierCode(), d, now, executionId));
        }
        em.flush();
        return new Outcome(check.differences().size(), resolved, false);
    }

    /** {@link #check} then {@link #record} in a transaction of its own; for callers without a batch chunk. */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public Optional<Outcome> reconcile(long dossierId, Long executionId) {
        return self.check(dossierId).map(c -> self.record(c, executionId));
    }

    /**
     * The differences for the administrators, by dossier code and kind (system administrators).
     *
     * @param dossier  only this dossier's, or null for all
     * @param openOnly only those not resolved
     * @param offset   rows to skip
     * @param limit    at most this many
     */
    public Page differences(String dossier, boolean openOnly, int offset, int limit) {
        access.current().requireAny(Role.SYSTEM_ADMIN);
        // Open = no resolution time (set with the flag): a boolean literal or parameter here reached H2 as 0.
        List<String> conditions = new ArrayList<>();
        if (dossier != null) {
            conditions.add("f.dossierCode = :code");
        }
        if (openOnly) {
            conditions.add("f.resolvedAt IS NULL");
        }
        String where = conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions);
        TypedQuery<Long> count = em.createQuery("SELECT COUNT(f) FROM PortalDifference f" + where, Long.class);
        TypedQuery<PortalDifference> q = em.createQuery("SELECT f FROM PortalDifference f" + where
            + " ORDER BY f.dossierCode, f.id", PortalDifference.class);
        if (dossier != null) {
            count.setParameter("code", dossier);
            q.setParameter("code", dossier);
        }
        return new Page(count.getSingleResult(), q.setFirstResult(Math.max(0, offset)).setMaxResults(Math.max(1, limit))
            .getResultList());
    }

    private void requireSystem() {
        access.current().requireAny(Role.SYSTEM_ADMIN);
    }
}
