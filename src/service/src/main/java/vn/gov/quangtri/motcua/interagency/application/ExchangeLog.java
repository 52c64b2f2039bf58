package vn.gov.quangtri.motcua.interagency.application;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import vn.gov.quangtri.motcua.shared.domain.JsonFactories;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import vn.gov.quangtri.motcua.account.application.AccessControl;
import vn.gov.quangtri.motcua.account.domain.AccessScope;
import vn.gov.quangtri.motcua.dossier.domain.Dossier;
import vn.gov.quangtri.motcua.dossier.domain.DossierCode;
import vn.gov.quangtri.motcua.interagency.domain.ExchangeEntry.Direction;
import vn.gov.quangtri.motcua.interagency.domain.ExchangeEntry.Outcome;
import vn.gov.quangtri.motcua.interagency.domain.ExchangeEntry;
import vn.gov.quangtri.motcua.interagency.domain.ExchangeOperation;
import vn.gov.quangtri.motcua.interagency.domain.HashChain;
import vn.gov.quangtri.motcua.interagency.domain.InboundMessage;
import vn.gov.quangtri.motcua.interagency.domain.OutboxMessage;
import vn.gov.quangtri.motcua.shared.domain.Texts;
import vn.gov.quangtri.motcua.shared.domain.VietnamTime;

/**
 * The exchange log: every inbound and outbound message, hash-chained ({@link HashChain}), appended in the
 * transaction of the message itself; since V18 also every outbound delivery attempt (delivered, failed,
 * refused by the partner) and every arrival (accepted, replayed, refused), each entry with its own attempt id
 * beside the message id. Appends are serialised by the row lock of {@code exchange_log_head}
 * (one row: last sequence number and hash), so entries are numbered without gaps and never fork; that
 * lock is held until the exchanging transaction commits (exchanges are few per second at most).
 */
@Stateless
public class ExchangeLog {

    /** The textual form of a transfer id (a UUID, issue 16 §5). */
    private static final java.util.regex.Pattern UUID_FORM =
        java.util.regex.Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    @PersistenceContext(unitName = "motcua")
    private EntityManager em;

    @EJB
    private AccessControl access;

    @Inject
    private Clock clock;

    /**
     * Appends an entry in the caller's transaction, with a fresh attempt id.
     *
     * @param dossierCode the citizen-facing dossier code (the parent's); null when a refused arrival names none
     * @param payload     the message body exactly as sent or received (its SHA-256 is logged; null counts as empty)
     * @param outcome     what happened at this entry
     * @param detail      the outcome status or the reason of a failure or refusal, may be null
     */
    @TransactionAttribute(TransactionAttributeType.MANDATORY)
    public ExchangeEntry append(Direction direction, String partnerCode, String messageId, ExchangeOperation operation,
                                String dossierCode, String payload, Instant at, Outcome outcome, String detail) {
        return append(direction, partnerCode, messageId, operation, dossierCode, payload, at,
            UUID.randomUUID().toString(), outcome, detail);
    }

    /**
     * Appends an entry in the caller's transaction with a given attempt id (the outbox sender's try).
     *
     * @param attemptId the id of this try (UUID), distinct on every entry
     */
    @TransactionAttribute(TransactionAttributeType.MANDATORY)
    public ExchangeEntry append(Direction direction, String partnerCode, String messageId, ExchangeOperation operation,
                                String dossierCode, String payload, Instant at, String attemptId, Outcome outcome,
                                String detail) {
        int locked = em.createNativeQuery("UPDATE exchange_log_head SET last_seq = last_seq + 1 WHERE id = 1")
            .executeUpdate();
        if (locked != 1) {
            throw new IllegalStateException("exchange_log_head row missing");
        }
        Object[] head = (Object[]) em.createNativeQuery("SELECT last_seq, last_hash FROM exchange_log_head WHERE id = 1")
            .getSingleResult();
        long seq = ((Number) head[0]).longValue();
        ExchangeEntry entry = new ExchangeEntry(seq, at, direction, partnerCode, messageId, operation, dossierCode,
            HashChain.sha256Hex(payload == null ? "" : payload), (String) head[1], attemptId, outcome, detail);
        em.persist(entry);
        em.createNativeQuery("UPDATE exchange_log_head SET last_hash = ? WHERE id = 1")
            .setParameter(1, entry.entryHash()).executeUpdate();
        return entry;
    }

    /**
     * Records an arrival that was refused, in a transaction of its own (the refused message's transaction has
     * rolled back and stored nothing else). Called by the REST and SOAP endpoints once the partner is identified.
     *
     * @param partnerCode the authenticated partner
     * @param messageId   the X-Road id as received (cut to 100 characters), may be null
     * @param operation   the wire name as received, may be unknown or null
     * @param payload     the body as received (its SHA-256 is logged; the body itself is not kept)
     * @param reason      the problem's reason code ({@code MESSAGE_ID_REUSED}, …) and message
     * @param failed      true for an unexpected error or a concurrent change (outcome FAILED), false for a refusal
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public ExchangeEntry appendRefusal(String partnerCode, String messageId, String operation, String payload,
                                       String reason, boolean failed) {
        ExchangeOperation op = null;
        try {
            op = operation == null ? null : ExchangeOperation.ofWireName(operation);
        } catch (RuntimeException e) {
            // an unknown operation is logged without one
        }
        String id = messageId == null || messageId.isBlank()
            || messageId.codePoints().anyMatch(c -> Texts.forbidden(c, false)) ? null // refused for it: not kept
            : messageId.length() > 100 ? messageId.substring(0, 100) : messageId;
        return append(Direction.IN, partnerCode, id, op, dossierCodeOf(partnerCode, id, payload), payload,
            clock.instant(), failed ? Outcome.FAILED : Outcome.REFUSED, reason);
    }

    /**
     * The dossier a message concerns, as far as it can be told: the code logged for the same message id before,
     * else the transfer named in the body ({@code parentCode} of a transfer document, or the transfer's parent code
     * for a {@code transferId}); null when nothing fits.
     */
    private String dossierCodeOf(String partnerCode, String messageId, String payload) {
        if (messageId != null) {
            for (ExchangeEntry e : entriesOfMessage(Direction.IN, partnerCode, messageId)) {
                if (e.dossierCode() != null) {
                    return e.dossierCode();
                }
            }
        }
        try {
            JsonObject o = JsonFactories.createReader(new StringReader(payload == null ? "" : payload)).readObject();
            // A refused body may carry anything (NUL, controls): only a well-formed dossier code is kept, and only a
            // UUID is looked up, so nothing the partner sent reaches the database unchecked (issue 16 §3).
            String parent = o.get("parentCode") instanceof JsonString p ? p.getString() : null;
            if (parent != null) {
                return DossierCode.isValid(parent) ? parent : null;
            }
            if (o.get("transferId") instanceof JsonString t && UUID_FORM.matcher(t.getString()).matches()) {
                return em.createQuery("SELECT t.parentCode FROM InterAgencyTransfer t WHERE t.transferId = :id"
                    + " AND t.partnerCode = :partner", String.class).setParameter("id", t.getString())
                    .setParameter("partner", partnerCode).getResultList().stream().findFirst().orElse(null);
            }
        } catch (RuntimeException e) {
            // not a JSON object: no dossier to name
        }
        return null;
    }

    /**
     * The latest entries of the whole log, newest first (system administrators): the exchange screen and
     * {@code GET /interagency/exchange-log}.
     *
     * @param limit     at most this many
     * @param messageId only the entries of this message id (both directions, every partner), or null for all
     */
    public List<ExchangeEntry> latest(int limit, String messageId) {
        access.current().requireAny(vn.gov.quangtri.motcua.account.domain.Role.SYSTEM_ADMIN);
        boolean one = messageId != null && !messageId.isBlank();
        var q = em.createQuery("SELECT e FROM ExchangeEntry e" + (one ? " WHERE e.messageId = :id" : "")
            + " ORDER BY e.seq DESC", ExchangeEntry.class);
        if (one) {
            q.setParameter("id", messageId.strip());
        }
        return q.setMaxResults(Math.max(1, limit)).getResultList();
    }

    /** The entries of one message in one direction with one partner, oldest first. */
    public List<ExchangeEntry> entriesOfMessage(Direction direction, String partnerCode, String messageId) {
        return em.createNamedQuery("ExchangeEntry.ofMessage", ExchangeEntry.class).setParameter("direction", direction)
            .setParameter("partner", partnerCode).setParameter("id", messageId).getResultList();
    }

    /**
     * Verifies the whole log against the chain and the stored head (system administrators).
     */
    public HashChain.Verification verify() {
        access.current().requireAny(vn.gov.quangtri.motcua.account.domain.Role.SYSTEM_ADMIN);
        return verifyAll();
    }

    /**
     * The head first, then the entries up to it: an entry commits with the head's move to it ({@link #append}), so
     * every entry the head names is there, and one appended meanwhile (an exchange still under way) is left for the
     * next verification instead of being taken for a break in the chain.
     */
    private HashChain.Verification verifyAll() {
        Object[] head = (Object[]) em.createNativeQuery("SELECT last_seq, last_hash FROM exchange_log_head WHERE id = 1")
            .getSingleResult();
        long last = ((Number) head[0]).longValue();
        List<ExchangeEntry> all = em.createNamedQuery("ExchangeEntry.upTo", ExchangeEntry.class)
            .setParameter("last", last).getResultList();
        return HashChain.verify(all, last, (String) head[1]);
    }

    /**
     * The entries of one dossier, oldest first. Exchanges are logged under the citizen-facing code, so a
     * child dossier received by transfer gives its parent's entries (as its agency received and answered them).
     *
     * @param dossierCode the citizen-facing code, or a child dossier's own code
     */
    public List<ExchangeEntry> entriesOf(String dossierCode) {
        String logged = em.createQuery("SELECT d.origin.parentCode FROM Dossier d WHERE d.code = :code AND d.origin.child = TRUE",
            String.class).setParameter("code", dossierCode).getResultList().stream().findFirst().orElse(dossierCode);
        requireCovers(logged, dossierCode);
        return em.createNamedQuery("ExchangeEntry.ofDossier", ExchangeEntry.class)
            .setParameter("code", logged).getResultList();
    }

    /**
     * The evidence bundle of a dossier's exchanges: a ZIP with {@code entries.json} (every log entry of the
     * dossier with its hashes), {@code payloads/<seq>-<IN|OUT>-<operation>.json} (each message body as
     * exchanged) and {@code verification.json} (whole-chain verification, and per entry whether the stored
     * payload still has the logged SHA-256). Readable by officers of the dossier's unit (or of the child's)
     * and system administrators.
     *
     * @param dossierCode the citizen-facing code
     */
    public byte[] evidenceBundle(String dossierCode) {
        List<ExchangeEntry> entries = entriesOf(dossierCode);
        JsonArrayBuilder rows = JsonFactories.createArrayBuilder();
        JsonArrayBuilder checks = JsonFactories.createArrayBuilder();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes, StandardCharsets.UTF_8)) {
            for (ExchangeEntry e : entries) {
                JsonObjectBuilder row = JsonFactories.createObjectBuilder();
                row.add("seq", e.seq());
                text(row, "at", VietnamTime.offset(e.at()).toString());
                text(row, "atUtc", e.at().toString());
                text(row, "direction", e.direction().name());
                text(row, "partner", e.partnerCode());
                text(row, "messageId", e.messageId());
                text(row, "attemptId", e.attemptId());
                text(row, "outcome", e.outcome() == null ? null : e.outcome().name());
                text(row, "detail", e.detail());
                text(row, "operation", e.operation() == null ? null : e.operation().wireName());
                text(row, "dossierCode", e.dossierCode());
                text(row, "payloadSha256", e.payloadSha256());
                text(row, "previousHash", e.previousHash());
                text(row, "entryHash", e.entryHash());
                text(row, "canonical", e.canonical());
                rows.add(row);
                String payload = payloadOf(e);
                boolean matches = payload != null && HashChain.sha256Hex(payload).equals(e.payloadSha256());
                // A refused body is not kept, nor a replay's other serialisation: only the logged hash remains.
                boolean notKept = (e.outcome() == Outcome.REFUSED || e.outcome() == Outcome.FAILED
                    || e.outcome() == Outcome.REPLAYED) && e.direction() == Direction.IN && !matches;
                if (notKept) {
                    payload = null;
                }
                String name = "payloads/" + e.seq() + "-" + e.direction() + "-"
                    + (e.operation() == null ? "unknown" : e.operation().wireName()) + ".json";
                JsonObjectBuilder check = JsonFactories.createObjectBuilder();
                check.add("seq", e.seq());
                text(check, "payloadFile", payload == null ? null : name);
                if (notKept) {
                    check.addNull("payloadMatches");
                } else {
                    check.add("payloadMatches", matches);
                }
                check.add("entryHashMatches", HashChain.hash(e.previousHash(), e.canonical()).equals(e.entryHash()));
                checks.add(check);
                if (payload != null) {
                    put(zip, name, payload);
                }
            }
            put(zip, "entries.json", rows.build().toString());
            HashChain.Verification v = verifyAll();
            JsonObjectBuilder summary = JsonFactories.createObjectBuilder();
            text(summary, "dossierCode", dossierCode);
            summary.add("algorithm", "entryHash = SHA-256(previousHash + \"\\n\" + canonical), hex; first previousHash = 64 zeros");
            summary.add("chainValid", v.valid());
            summary.add("chainEntries", v.entries());
            if (v.firstBrokenSeq() == null) {
                summary.addNull("firstBrokenSeq");
            } else {
                summary.add("firstBrokenSeq", v.firstBrokenSeq().longValue());
            }
            text(summary, "problem", v.problem());
            summary.add("entries", checks);
            put(zip, "verification.json", summary.build().toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private String payloadOf(ExchangeEntry e) {
        if (e.messageId() == null) {
            return null;
        }
        if (e.direction() == Direction.OUT) {
            List<OutboxMessage> m = em.createNamedQuery("OutboxMessage.byMessageId", OutboxMessage.class)
                .setParameter("id", e.messageId()).getResultList();
            return m.isEmpty() ? null : m.get(0).payload();
        }
        List<InboundMessage> m = em.createNamedQuery("InboundMessage.find", InboundMessage.class)
            .setParameter("partner", e.partnerCode()).setParameter("id", e.messageId()).getResultList();
        return m.isEmpty() ? null : m.get(0).payload();
    }

    /**
     * The dossier (or a child of it) must be in the caller's units; otherwise, as for an unknown code, NOT_FOUND
     * naming the code asked for (issue 16: another unit's codes cannot be told from missing ones).
     */
    private void requireCovers(String dossierCode, String asked) {
        AccessScope scope = access.current();
        if (scope.everywhere()) {
            return;
        }
        List<Dossier> found = em.createQuery("SELECT d FROM Dossier d WHERE d.code = :code OR d.origin.parentCode = :code",
            Dossier.class).setParameter("code", dossierCode).getResultList();
        String visible = found.stream().map(d -> d.receivingAgency().code()).filter(scope::covers).findFirst()
            .orElse(null);
        scope.requireSees("dossier", asked, visible); // none visible: as an unknown code
    }

    /** A text member, JSON {@code null} when missing (the key is always written). */
    private static void text(JsonObjectBuilder b, String key, String value) {
        if (value == null) {
            b.addNull(key);
        } else {
            b.add(key, value);
        }
    }

    private static void put(ZipOutputStream zip, String name, String text) throws IOException {
        ZipEntry entry = new ZipEntry(name);
        entry.setTime(0L);
        zip.putNextEntry(entry);
        zip.write(text.getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
    }
}
