package vn.gov.quangtri.motcua.interagency.application;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;
import vn.gov.quangtri.motcua.interagency.domain.OutboxMessage;
import vn.gov.quangtri.motcua.interagency.domain.OutboxStatus;
import vn.gov.quangtri.motcua.interagency.domain.PartnerSystem;

/**
 * One run of the outbox sender, without container: takes the due messages ({@link OutboxAccess#pending},
 * the head of each transfer), calls each message's partner once, outside any transaction, and records
 * the outcome ({@code markSent}, or {@code markFailed} with back-off and dead letter after the last attempt),
 * each try under a fresh attempt id that the exchange log records beside the message id.
 * When a head was delivered, the transfer's next message is due at once and is sent in the next round of
 * the same run, so a transfer's messages go out in sequence order; a failed head holds its successors back.
 *
 * <p>Each message is attempted at most once per run. After a partner was unreachable (connection refused,
 * timeout) its other messages wait for the next run, so a hung partner costs one timeout per run, not one
 * per message (docs/cases.md C28).
 */
public final class DispatchRun {

    private static final Logger LOG = Logger.getLogger(DispatchRun.class.getName());

    /** What a run did. */
    public record Summary(int sent, int failed, int dead, int skipped) {
    }

    private final OutboxAccess outbox;
    private final PartnerSender sender;
    private final PartnerCalls calls;
    private final int batchSize;
    private final int maxRounds;

    /**
     * @param credentials   the API key we present to a partner (empty: none configured)
     * @param policy        checked before every call: a partner whose endpoint or credential reference it refuses
     *                      (link-local, loopback or plain-http address not allowed, credential outside the partner
     *                      namespace) is not called and the attempt fails
     * @param client        our X-Road client code
     * @param servicePrefix X-Road service prefix; the service is {@code prefix/<operation wire name>}
     * @param batchSize     messages taken per round
     * @param maxRounds     rounds per run (a transfer sends at most this many of its messages per run)
     */
    public DispatchRun(OutboxAccess outbox, PartnerSender sender, Function<PartnerSystem, Optional<String>> credentials,
                       PartnerPolicy policy, String client, String servicePrefix, int batchSize, int maxRounds) {
        this.outbox = outbox;
        this.sender = sender;
        this.calls = new PartnerCalls(credentials, java.util.Objects.requireNonNull(policy, "policy"), client,
            servicePrefix);
        this.batchSize = Math.max(1, batchSize);
        this.maxRounds = Math.max(1, maxRounds);
    }

    /** Sends what is due now. */
    public Summary runOnce() {
        int sent = 0;
        int failed = 0;
        int dead = 0;
        int skipped = 0;
        Set<String> attempted = new HashSet<>();
        Set<String> unreachable = new HashSet<>();
        for (int round = 0; round < maxRounds; round++) {
            List<OutboxMessage> due = outbox.pending(batchSize).stream()
                .filter(m -> !attempted.contains(m.messageId())).toList();
            boolean progress = false;
            for (OutboxMessage m : due) {
                attempted.add(m.messageId());
                if (unreachable.contains(m.partnerCode())) {
                    skipped++;
                    continue;
                }
                progress = true;
                String attemptId = UUID.randomUUID().toString();
                DeliveryResult r = deliver(m);
                if (r.delivered()) {
                    outbox.markSent(m.messageId(), attemptId);
                    sent++;
                } else {
                    if (r.unreachable()) {
                        unreachable.add(m.partnerCode());
                    }
                    OutboxStatus s = outbox.markFailed(m.messageId(), attemptId, r.error(), r.refused());
                    if (s == OutboxStatus.DEAD) {
                        dead++;
                        LOG.warning(() -> "Outbox message " + m.messageId() + " (" + m.operation().wireName() + " → "
                            + m.partnerCode() + ") dead-lettered: " + r.error());
                    } else {
                        failed++;
                    }
                }
            }
            if (!progress) {
                break;
            }
        }
        return new Summary(sent, failed, dead, skipped);
    }

    private DeliveryResult deliver(OutboxMessage m) {
        PartnerCalls.Prepared call = calls.prepare(outbox.partner(m.partnerCode()), m.partnerCode(), m.messageId(),
            m.operation(), m.payload());
        if (!call.possible()) {
            return DeliveryResult.failed(call.problem());
        }
        try {
            return sender.send(call.delivery());
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Sender failed on " + m.messageId(), e);
            return DeliveryResult.failed(e.toString());
        }
    }
}
