package vn.gov.quangtri.motcua.interagency.application;

import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PessimisticLockException;
import java.util.logging.Level;
import java.util.logging.Logger;
import vn.gov.quangtri.motcua.shared.application.Failures;
import vn.gov.quangtri.motcua.shared.domain.DomainException;

/**
 * How a refused or failed arrival goes into the exchange log: the problem's reason code and message (the same
 * reason the partner gets), and whether it was a refusal (a {@link DomainException}: bad header, payload,
 * reused message id, not addressee, business rule, …) or a failure (concurrent change, unexpected error).
 *
 * @param detail the logged detail, {@code REASON: message}
 * @param failed true for a failure (outcome FAILED), false for a refusal (REFUSED)
 */
public record InboundRefusal(String detail, boolean failed) {

    private static final Logger LOG = Logger.getLogger(InboundRefusal.class.getName());

    /** The refusal an exception stands for (EJB wrappers unwrapped). */
    public static InboundRefusal of(Throwable exception) {
        Throwable e = Failures.unwrap(exception);
        if (e instanceof DomainException d) {
            return new InboundRefusal(d.reason() + ": " + d.getMessage(), false);
        }
        if (e instanceof OptimisticLockException || e instanceof PessimisticLockException) {
            return new InboundRefusal("CONCURRENT_CHANGE: changed at the same moment", true);
        }
        return new InboundRefusal("INTERNAL_ERROR: " + e.getClass().getSimpleName(), true);
    }

    /**
     * Logs a refused arrival of an identified partner ({@link ExchangeLog#appendRefusal}, its own transaction);
     * a failure to log is reported in the server log and never replaces the refusal the partner gets.
     */
    public static void record(ExchangeLog log, String partnerCode, String messageId, String operation, String payload,
                              Throwable exception) {
        InboundRefusal r = of(exception);
        try {
            log.appendRefusal(partnerCode, messageId, operation, payload, r.detail(), r.failed());
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Could not log the refused message " + messageId + " of " + partnerCode, e);
        }
    }
}
