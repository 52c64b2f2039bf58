package vn.gov.quangtri.motcua.interagency.application;

import java.util.List;
import java.util.Optional;
import vn.gov.quangtri.motcua.interagency.domain.OutboxMessage;
import vn.gov.quangtri.motcua.interagency.domain.OutboxStatus;
import vn.gov.quangtri.motcua.interagency.domain.PartnerSystem;

/**
 * What {@link DispatchRun} needs from the outbox and the partner registry; every call is its own short
 * transaction (in the server: the {@link Outbox} and {@link PartnerRegistry} EJBs under system scope), so no
 * transaction stays open while a partner is called.
 */
public interface OutboxAccess {

    /** See {@link Outbox#pending(int)}: due heads of transfers, at most one per transfer. */
    List<OutboxMessage> pending(int limit);

    /** See {@link Outbox#markSent(String, String)}: delivered by the try {@code attemptId}. */
    void markSent(String messageId, String attemptId);

    /** See {@link Outbox#markFailed(String, String, String, boolean)}: the try {@code attemptId} failed. */
    OutboxStatus markFailed(String messageId, String attemptId, String error, boolean refused);

    Optional<PartnerSystem> partner(String code);
}
