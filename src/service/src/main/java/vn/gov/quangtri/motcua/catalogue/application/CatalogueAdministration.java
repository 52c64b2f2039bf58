package vn.gov.quangtri.motcua.catalogue.application;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.util.List;
import vn.gov.quangtri.motcua.account.application.AccessControl;
import vn.gov.quangtri.motcua.account.domain.Role;
import vn.gov.quangtri.motcua.audit.domain.AdminArea;
import vn.gov.quangtri.motcua.audit.domain.AdminChange;
import vn.gov.quangtri.motcua.calendar.application.CalendarService;
import vn.gov.quangtri.motcua.catalogue.domain.AllotmentCheck;
import vn.gov.quangtri.motcua.catalogue.domain.DocumentSpec;
import vn.gov.quangtri.motcua.catalogue.domain.Procedure;
import vn.gov.quangtri.motcua.catalogue.domain.ProcedureDetails;
import vn.gov.quangtri.motcua.catalogue.domain.ProcedureLeg;
import vn.gov.quangtri.motcua.catalogue.domain.StepKind;
import vn.gov.quangtri.motcua.catalogue.domain.StepSpec;
import vn.gov.quangtri.motcua.shared.domain.ConflictException;
import vn.gov.quangtri.motcua.shared.domain.NotFoundException;
import vn.gov.quangtri.motcua.shared.domain.RuleViolationException;

/**
 * Administration of the procedure catalogue: header (name, field, time limit, fee), required documents and
 * the approved internal process. Each save is one transaction, increases {@link Procedure#revision()} by
 * one and writes an {@link AdminChange} with the before → after summary. Received dossiers keep the
 * snapshot of the revision they were received under (time limit, fee, name; their steps were planned at
 * intake), so a save never moves a received dossier's deadline (docs/domain.md §0).
 *
 * <p>Step allotments are compared with the limit in working minutes of the configured office day
 * ({@code motcua.calendar.office-hours}, 480 by default); their sum must not exceed the limit
 * (docs/domain.md §3.6). A sum below the limit is accepted: {@link #allotmentCheck} reports the unallotted
 * time. The planner ({@code ProcessPlanner}) uses the allotments as they are and the dossier's appointment
 * always comes from the statutory limit.
 *
 * <p>Who: every save requires {@link Role#SYSTEM_ADMIN} (the catalogue is province-wide; an agency administrator
 * cannot change the procedures other units apply); {@link #allotmentCheck} is open to any signed-in account.
 * The check comes first ({@code ROLE_REQUIRED}, {@code SIGN_IN_REQUIRED}); nothing is read or written when it
 * fails. The recorded actor is the signed-in account; the {@code actor} argument counts only for trusted
 * in-process work ({@link vn.gov.quangtri.motcua.account.application.SystemTask}).
 *
 * <p>{@code expectedRevision}: the revision the editor loaded, or null; a different current revision is a
 * {@link ConflictException} {@code CONCURRENT_CHANGE}.
 */
@Stateless
public class CatalogueAdministration {

    @PersistenceContext(unitName = "motcua")
    EntityManager em;

    @EJB
    CalendarService calendars;

    @Inject
    Clock clock;

    @EJB
    AccessControl access;

    @EJB
    CatalogueFields fieldCache;

    /**
     * Saves name, field, time limit (value + unit) and fee (VND).
     *
     * @throws NotFoundException      unknown procedure
     * @throws RuleViolationException see {@link Procedure#revise}
     */
    public Procedure editDetails(String code, ProcedureDetails details, Integer expectedRevision, String actor,
                                 String reason) {
        access.current().requireAny(Role.SYSTEM_ADMIN);
        String who = AdminChange.requireActor(access.actor(actor));
        String why = AdminChange.requireReason(reason);
        Procedure p = find(code);
        List<String> changes = p.revise(details, expectedRevision, minutesPerDay());
        if (fieldCache != null) {
            fieldCache.forget(); // the field may have changed
        }
        return saved(p, who, why, "PROCEDURE_EDIT", changes);
    }

    /**
     * Replaces the required documents (name, form, copies, required or conditional), in order.
     *
     * @throws RuleViolationException see {@link Procedure#replaceDocuments}
     */
    public Procedure replaceDocuments(String code, List<DocumentSpec> documents, Integer expectedRevision,
                                      String actor, String reason) {
        access.current().requireAny(Role.SYSTEM_ADMIN);
        String who = AdminChange.requireActor(access.actor(actor));
        String why = AdminChange.requireReason(reason);
        Procedure p = find(code);
        List<String> changes = p.replaceDocuments(documents, expectedRevision);
        return saved(p, who, why, "PROCEDURE_DOCUMENTS", changes);
    }

    /**
     * Replaces the approved internal process (name, role, kind, responsible unit, allotment), in order; an
     * empty list removes it (the planner then uses its generic shares).
     *
     * @throws RuleViolationException see {@link Procedure#replaceSteps}, e.g. {@code STEP_ALLOTMENTS_EXCEED_LIMIT};
     *                                {@code LEG_STEP_INVALID} when an inter-agency leg of the procedure would no longer
     *                                point at a work step (its dossiers could then not move on)
     */
    public Procedure replaceSteps(String code, List<StepSpec> steps, Integer expectedRevision, String actor,
                                  String reason) {
        access.current().requireAny(Role.SYSTEM_ADMIN);
        String who = AdminChange.requireActor(access.actor(actor));
        String why = AdminChange.requireReason(reason);
        Procedure p = find(code);
        requireLegSteps(p, steps);
        List<String> changes = p.replaceSteps(steps, expectedRevision, minutesPerDay());
        return saved(p, who, why, "PROCEDURE_STEPS", changes);
    }

    /**
     * Every inter-agency leg performs one internal step ({@link ProcedureLeg#stepPosition()}): that step must still
     * exist and be a work step, or the officers could neither complete it (it is the partner's) nor approve there.
     */
    private void requireLegSteps(Procedure p, List<StepSpec> steps) {
        List<ProcedureLeg> legs = em.createNamedQuery("ProcedureLeg.ofProcedure", ProcedureLeg.class)
            .setParameter("code", p.code()).getResultList();
        for (ProcedureLeg leg : legs) {
            int at = leg.stepPosition();
            if (at < 1 || at > steps.size() || steps.get(at - 1).kind() != StepKind.WORK) {
                throw new RuleViolationException("LEG_STEP_INVALID", "Bước liên thông " + leg.position() + " ("
                    + leg.actionName() + ") do cơ quan phối hợp thực hiện ở bước " + at + " của quy trình; quy trình mới"
                    + " phải giữ bước " + at + " là bước xử lý (không phải bước phê duyệt).",
                    List.of("steps[" + at + "]: the work step of inter-agency leg " + leg.position()));
            }
        }
    }

    /** Step allotments against the time limit, in working minutes (read only). */
    public AllotmentCheck allotmentCheck(String code) {
        access.current().requireSignedIn();
        return find(code).allotmentCheck(minutesPerDay());
    }

    private Procedure saved(Procedure p, String who, String why, String action, List<String> changes) {
        em.persist(new AdminChange(clock.instant(), who, AdminArea.CATALOGUE, action, p.code(), why,
            "phiên bản " + (p.revision() - 1) + " → " + p.revision() + ": " + String.join("; ", changes)));
        em.flush();
        return p;
    }

    private long minutesPerDay() {
        return calendars.current().officeHours().workingMinutesPerDay();
    }

    private Procedure find(String code) {
        return CatalogueService.findLoaded(em, code);
    }
}
