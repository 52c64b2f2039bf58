package vn.gov.quangtri.motcua.web.shell;

import jakarta.ejb.EJBException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PessimisticLockException;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import vn.gov.quangtri.motcua.shared.domain.DomainException;

/**
 * Runs a screen's call into the services and turns every refusal into a Faces message in the user's
 * language: a rule or permission refusal by its reason, a concurrent change as "changed by someone else"
 * (docs/cases.md C23), anything unexpected as a neutral message (details only in the server log). Never an error page.
 */
@ApplicationScoped
public class Actions {

    private static final Logger LOG = Logger.getLogger(Actions.class.getName());

    @Inject
    private Messages messages;

    /**
     * @param work the service call
     * @return its result, or null when it was refused (a message was added)
     */
    public <T> T run(Supplier<T> work) {
        try {
            return work.get();
        } catch (DomainException e) {
            messages.refused(e);
        } catch (EJBException e) {
            Throwable cause = e;
            while (cause != null && !(cause instanceof OptimisticLockException || cause instanceof PessimisticLockException)) {
                cause = cause.getCause();
            }
            if (cause != null) {
                messages.error(null, "reason.CONCURRENT_CHANGE");
            } else {
                LOG.log(Level.SEVERE, "Unexpected error in a screen action", e);
                messages.error(null, "error.general");
            }
        }
        return null;
    }
}
