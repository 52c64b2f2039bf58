package vn.gov.quangtri.motcua.web.admin;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.function.Supplier;
import vn.gov.quangtri.motcua.shared.domain.ForbiddenException;
import vn.gov.quangtri.motcua.web.shell.Actions;
import vn.gov.quangtri.motcua.web.shell.Messages;

/**
 * {@link Actions#run} for the administration screens: a permission refusal is worded for administration
 * ({@code admin.reason.<REASON>}: "only the system administrator ...") instead of the dossier wording; every
 * other refusal goes the usual way (translated reason, then the service's detail).
 */
@ApplicationScoped
public class AdminActions {

    @Inject
    private Actions actions;

    @Inject
    private Messages messages;

    /**
     * @return the result, or null when refused (a message was added)
     */
    public <T> T run(Supplier<T> work) {
        return actions.run(() -> {
            try {
                return work.get();
            } catch (ForbiddenException e) {
                messages.error(null, "admin.reason." + e.reason());
                return null;
            }
        });
    }

    /** Runs a call without result; true when it succeeded. */
    public boolean perform(Runnable work) {
        return run(() -> {
            work.run();
            return Boolean.TRUE;
        }) != null;
    }
}
