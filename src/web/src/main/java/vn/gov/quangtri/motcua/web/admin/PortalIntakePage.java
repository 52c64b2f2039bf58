package vn.gov.quangtri.motcua.web.admin;

import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import java.util.Map;
import vn.gov.quangtri.motcua.portal.application.PortalIntake;
import vn.gov.quangtri.motcua.portal.domain.PortalSubmission;
import vn.gov.quangtri.motcua.portal.infrastructure.PortalIntakePuller;
import vn.gov.quangtri.motcua.web.shell.Actions;
import vn.gov.quangtri.motcua.web.shell.Messages;

/**
 * The online-submissions part of {@code /app/admin/portal.xhtml} (issue 15 §3a): how many submissions from the
 * national portal were taken into the desk's queue, the not-taken list with the reason of each, "take again" (after
 * the cause was fixed) and "pull now". System administrators; the services check the role again.
 */
@Named
@ViewScoped
public class PortalIntakePage implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    private PortalIntake intake;

    @EJB
    private PortalIntakePuller puller;

    @Inject
    private Actions actions;

    @Inject
    private Messages messages;

    private transient Map<String, Long> counts;
    private transient List<PortalSubmission> notTaken;

    /** Submissions by state (TAKEN, NOT_TAKEN) and the taken ones not yet reported back (UNACKNOWLEDGED). */
    public Map<String, Long> getCounts() {
        if (counts == null) {
            Map<String, Long> found = actions.run(() -> intake.counts());
            counts = found == null ? Map.of() : found;
        }
        return counts;
    }

    /** The keys of {@link #getCounts()} in their order. */
    public List<String> getStates() {
        return List.of("TAKEN", "NOT_TAKEN", "UNACKNOWLEDGED");
    }

    /** The not-taken list, latest first. */
    public List<PortalSubmission> getNotTaken() {
        if (notTaken == null) {
            List<PortalSubmission> found = actions.run(() -> intake.inState(PortalSubmission.State.NOT_TAKEN, 500));
            notTaken = found == null ? List.of() : found;
        }
        return notTaken;
    }

    /** Pulls the new submissions now. */
    public void pull() {
        PortalIntakePuller.Summary s = actions.run(() -> {
            intake.checkAdministrator();
            return puller.pullNow();
        });
        if (s == null) {
            messages.info("portal.intake.busy");
        } else {
            messages.info("portal.intake.pulled", s.taken(), s.notTaken());
        }
        refresh();
    }

    /** Takes a not-taken submission again. */
    public void retake(long id) {
        PortalSubmission s = actions.run(() -> puller.retake(id));
        if (s != null) {
            messages.info("portal.intake.retaken", s.portalId(), s.state() == PortalSubmission.State.TAKEN
                ? s.dossierCode() : s.reason());
        }
        refresh();
    }

    /** Reads the figures again. */
    public void refresh() {
        counts = null;
        notTaken = null;
    }
}
