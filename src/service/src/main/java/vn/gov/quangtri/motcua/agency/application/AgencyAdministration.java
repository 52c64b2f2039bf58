package vn.gov.quangtri.motcua.agency.application;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import vn.gov.quangtri.motcua.account.application.AccessControl;
import vn.gov.quangtri.motcua.account.domain.AccessScope;
import vn.gov.quangtri.motcua.account.domain.Role;
import vn.gov.quangtri.motcua.agency.domain.Agency;
import vn.gov.quangtri.motcua.audit.domain.AdminArea;
import vn.gov.quangtri.motcua.audit.domain.AdminChange;
import vn.gov.quangtri.motcua.dossier.domain.CalendarImpact;
import vn.gov.quangtri.motcua.shared.domain.ConflictException;
import vn.gov.quangtri.motcua.shared.domain.ForbiddenException;
import vn.gov.quangtri.motcua.shared.domain.NotFoundException;
import vn.gov.quangtri.motcua.shared.domain.RuleViolationException;

/**
 * Administration of the agency tree (docs/domain.md §8.2: agencies have validity periods and successor links;
 * the 1/7/2025 reorganisation under Resolution 1680/NQ-UBTVQH15 and Law 72/2025/QH15 is data). Every
 * method is one transaction, takes the acting user's name ({@code actor}) and the reason (decision number,
 * request), and writes an {@link AdminChange} per unit changed. Dates are Vietnam local dates
 * (Asia/Ho_Chi_Minh), validity bounds inclusive.
 *
 * <p>Names: a dossier references its receiving agency by code and has no copy of the name, so a rename
 * keeps the former name with its last day ({@link Agency#nameOn}); {@code Dossier.receivingAgencyName()}
 * shows the name in force on the receipt date. A unit is never deleted once a dossier references it; it is
 * closed with an end date instead.
 *
 * <p>Who may do what (checked first, before anything is read or written; {@link AccessControl#current()}):
 * <ul>
 *   <li>{@link #nameOn}: any signed-in account.</li>
 *   <li>{@link #create}, {@link #rename}, {@link #correctName}: {@link Role#SYSTEM_ADMIN} anywhere;
 *       {@link Role#AGENCY_ADMIN} only for units <em>under</em> a unit of its scope (its own unit, the units below
 *       it, the units it succeeded), i.e. the new unit's parent, or the renamed unit's parent, must be covered
 *       ({@link AccessScope#requireCovers}). An agency administrator thus sets up and names the departments and
 *       desks of its own unit, but cannot create a top-level unit nor rename its own unit or a unit elsewhere:
 *       those follow decisions of the province.</li>
 *   <li>{@link #move}, {@link #close} (merger, dissolution) and {@link #delete}: {@link Role#SYSTEM_ADMIN}
 *       only; they change the tree across units.</li>
 * </ul>
 * The recorded actor is the signed-in account's user name; the {@code actor} argument is used only by
 * trusted in-process work ({@link vn.gov.quangtri.motcua.account.application.SystemTask}).
 *
 * <p>Refusals: {@link ForbiddenException} ({@code SIGN_IN_REQUIRED}, {@code ROLE_REQUIRED},
 * {@code OUT_OF_SCOPE}), {@link NotFoundException} (unknown code), {@link ConflictException} ({@code DUPLICATE_CODE},
 * {@code DUPLICATE_EDOC_CODE}, {@code AGENCY_ALREADY_CLOSED}, {@code AGENCY_HAS_DOSSIERS},
 * {@code AGENCY_HAS_CHILDREN}, {@code AGENCY_IS_SUCCESSOR}) and {@link RuleViolationException} (the
 * {@link Agency} rules, {@code ACTOR_REQUIRED}, {@code REASON_REQUIRED}, {@code NEW_PARENT_REQUIRED}).
 */
@Stateless
public class AgencyAdministration {

    @PersistenceContext(unitName = "motcua")
    EntityManager em;

    @Inject
    Clock clock;

    @EJB
    AccessControl access;

    /** Told of every change, so that cached unit trees of accounts are built again. */
    @EJB
    vn.gov.quangtri.motcua.account.application.ScopeCache scopes;

    /**
     * Creates a unit. A system administrator may create any unit; an agency administrator only a unit whose
     * parent lies in its scope.
     *
     * @return the new unit
     * @throws ForbiddenException {@code ROLE_REQUIRED}, {@code OUT_OF_SCOPE}
     */
    public Agency create(NewAgency request, String actor, String reason) {
        requireUnitAdmin(request == null ? null : request.parentCode());
        String who = AdminChange.requireActor(access.actor(actor));
        String why = AdminChange.requireReason(reason);
        if (request.code() != null && em.find(Agency.class, request.code()) != null) {
            throw new ConflictException("DUPLICATE_CODE", "Mã đơn vị " + request.code() + " đã được sử dụng.");
        }
        Agency parent = request.parentCode() == null || request.parentCode().isBlank() ? null : find(request.parentCode());
        Agency agency = Agency.create(request.code(), request.name(), request.kind(), request.level(), parent,
            request.validFrom(), request.edocCode(), request.receivesDossiers());
        if (agency.edocCode() != null && !em.createNamedQuery("Agency.findByEdocCode", Agency.class)
                .setParameter("edocCode", agency.edocCode()).getResultList().isEmpty()) {
            throw new ConflictException("DUPLICATE_EDOC_CODE", "Mã định danh điện tử " + agency.edocCode()
                + " đã được gán cho đơn vị khác.");
        }
        em.persist(agency);
        audit(who, "AGENCY_CREATE", agency.code(), why, agency.name() + "; " + agency.level() + "/" + agency.kind()
            + "; đơn vị cấp trên " + (parent == null ? "-" : parent.code()) + "; hoạt động từ " + day(agency.validFrom())
            + "; mã định danh " + (agency.edocCode() == null ? "-" : agency.edocCode()) + "; tiếp nhận hồ sơ: "
            + (agency.receivesDossiers() ? "có" : "không"));
        em.flush();
        return agency;
    }

    /**
     * Renames a unit from a date on (see {@link Agency#rename}); earlier dates keep the former name.
     *
     * @param effectiveFrom first day of the new name (Vietnam local date); may be past or future
     */
    public Agency rename(String code, String newName, LocalDate effectiveFrom, String actor, String reason) {
        requireUnitAdminOf(code);
        String who = AdminChange.requireActor(access.actor(actor));
        String why = AdminChange.requireReason(reason);
        Agency agency = findForUpdate(code);
        String before = agency.name();
        agency.rename(newName, effectiveFrom);
        audit(who, "AGENCY_RENAME", code, why, before + " → " + agency.name() + " từ " + day(effectiveFrom));
        em.flush();
        return agency;
    }

    /** Corrects a misspelt current name without keeping a former name (see {@link Agency#correctName}). */
    public Agency correctName(String code, String correctedName, String actor, String reason) {
        requireUnitAdminOf(code);
        String who = AdminChange.requireActor(access.actor(actor));
        String why = AdminChange.requireReason(reason);
        Agency agency = findForUpdate(code);
        String before = agency.name();
        agency.correctName(correctedName);
        audit(who, "AGENCY_CORRECT_NAME", code, why, before + " → " + agency.name());
        em.flush();
        return agency;
    }

    /**
     * Moves a unit under another parent (see {@link Agency#moveUnder}: no cycles; the parent must exist on
     * {@code asOf}).
     */
    public Agency move(String code, String newParentCode, LocalDate asOf, String actor, String reason) {
        access.current().requireAny(Role.SYSTEM_ADMIN);
        String who = AdminChange.requireActor(access.actor(actor));
        String why = AdminChange.requireReason(reason);
        Agency agency = findForUpdate(code);
        Agency before = agency.parent();
        agency.moveUnder(find(newParentCode), asOf);
        audit(who, "AGENCY_MOVE", code, why, "đơn vị cấp trên " + (before == null ? "-" : before.code()) + " → " + newParentCode
            + " từ " + day(asOf));
        em.flush();
        return agency;
    }

    /**
     * Closes a unit, or merges it into a successor, from {@code effectiveFrom}: its last valid day becomes the
     * day before (e.g. effective 1/7/2025 → valid to 30/6/2025). The units under it that still exist on that
     * date are moved or closed as chosen; closed children get the same successor. Dossiers keep their
     * receiving unit; the successor link tells who continues them.
     *
     * @param effectiveFrom first day without the unit (Vietnam local date)
     * @param successorCode the unit that takes over (merger), or null (dissolution)
     * @param children      what to do with the units under it
     * @param newParentCode for {@link ChildUnits#MOVE}: the new parent; null means the successor
     * @throws RuleViolationException {@code NEW_PARENT_REQUIRED} (MOVE without target or successor),
     *                                {@code CYCLE_IN_TREE} (the target lies inside the closed unit),
     *                                {@code SUCCESSOR_INSIDE_CLOSED_UNIT} (CLOSE would close the successor too),
     *                                and the rules of {@link Agency#close} and {@link Agency#moveUnder}
     */
    public Closure close(String code, LocalDate effectiveFrom, String successorCode, ChildUnits children,
                         String newParentCode, String actor, String reason) {
        access.current().requireAny(Role.SYSTEM_ADMIN);
        String who = AdminChange.requireActor(access.actor(actor));
        String why = AdminChange.requireReason(reason);
        Agency agency = findForUpdate(code);
        Agency successor = successorCode == null || successorCode.isBlank() ? null : find(successorCode);
        List<Agency> living = livingChildren(agency, effectiveFrom);
        Agency target = null;
        if (!living.isEmpty() && children == ChildUnits.MOVE) {
            target = newParentCode == null || newParentCode.isBlank() ? successor : find(newParentCode);
            if (target == null) {
                throw new RuleViolationException("NEW_PARENT_REQUIRED", "Đơn vị " + agency.name() + " còn "
                    + living.size() + " đơn vị trực thuộc: phải chọn đơn vị cấp trên mới cho các đơn vị này.",
                    List.of("newParent"));
            }
            if (agency.isSameOrAncestorOf(target)) {
                throw new RuleViolationException("CYCLE_IN_TREE", "Đơn vị cấp trên mới " + target.name()
                    + " thuộc chính đơn vị đang chấm dứt hoạt động.", List.of("newParent"));
            }
        }
        if (children == ChildUnits.CLOSE && successor != null && agency.isSameOrAncestorOf(successor)) {
            throw new RuleViolationException("SUCCESSOR_INSIDE_CLOSED_UNIT", "Đơn vị kế thừa " + successor.name()
                + " trực thuộc đơn vị đang chấm dứt hoạt động và cũng sẽ bị chấm dứt.", List.of("successor"));
        }
        agency.close(effectiveFrom, successor);
        audit(who, "AGENCY_CLOSE", code, why, "hoạt động đến " + day(agency.validTo()) + "; đơn vị kế thừa "
            + (successor == null ? "-" : successor.code()) + "; đơn vị trực thuộc: " + (children == ChildUnits.MOVE ? "chuyển sang đơn vị khác" : "cùng chấm dứt hoạt động"));
        List<String> moved = new ArrayList<>();
        List<String> closed = new ArrayList<>();
        List<Agency> all = new ArrayList<>(List.of(agency));
        if (target != null) {
            for (Agency child : living) {
                child.moveUnder(target, effectiveFrom);
                moved.add(child.code());
                audit(who, "AGENCY_MOVE", child.code(), why, "đơn vị cấp trên " + code + " → " + target.code()
                    + " từ " + day(effectiveFrom) + " (do " + code + " chấm dứt hoạt động)");
            }
        } else if (children == ChildUnits.CLOSE) {
            closeBelow(agency, effectiveFrom, successor, who, why, closed, all);
        }
        em.flush();
        long open = em.createQuery("SELECT COUNT(d) FROM Dossier d WHERE d.receivingAgency IN :units"
                + " AND d.status IN :open", Long.class)
            .setParameter("units", all).setParameter("open", CalendarImpact.OPEN).getSingleResult();
        return new Closure(agency, moved, closed, open);
    }

    /**
     * Deletes a unit entered by mistake. Only possible while no dossier, no child unit and no successor link
     * references it; otherwise close it.
     *
     * @throws ConflictException {@code AGENCY_HAS_DOSSIERS}, {@code AGENCY_HAS_CHILDREN}, {@code AGENCY_IS_SUCCESSOR}
     */
    public void delete(String code, String actor, String reason) {
        access.current().requireAny(Role.SYSTEM_ADMIN);
        String who = AdminChange.requireActor(access.actor(actor));
        String why = AdminChange.requireReason(reason);
        Agency agency = find(code); // the DELETE checks the version itself
        long dossiers = em.createQuery("SELECT COUNT(d) FROM Dossier d WHERE d.receivingAgency = :a", Long.class)
            .setParameter("a", agency).getSingleResult();
        if (dossiers > 0) {
            throw new ConflictException("AGENCY_HAS_DOSSIERS", "Đơn vị " + agency.name() + " đã có " + dossiers
                + " hồ sơ nên không thể xóa; hãy chấm dứt hoạt động của đơn vị (ngày hết hiệu lực).");
        }
        if (!em.createQuery("SELECT a FROM Agency a WHERE a.parent = :a", Agency.class).setParameter("a", agency)
                .setMaxResults(1).getResultList().isEmpty()) {
            throw new ConflictException("AGENCY_HAS_CHILDREN", "Đơn vị " + agency.name() + " còn đơn vị trực thuộc.");
        }
        if (!em.createQuery("SELECT a FROM Agency a WHERE a.successor = :a", Agency.class).setParameter("a", agency)
                .setMaxResults(1).getResultList().isEmpty()) {
            throw new ConflictException("AGENCY_IS_SUCCESSOR", "Đơn vị " + agency.name()
                + " là đơn vị kế thừa của đơn vị khác.");
        }
        audit(who, "AGENCY_DELETE", code, why, agency.name());
        em.remove(agency);
        em.flush();
    }

    /** The unit's name in force on a Vietnam local date (see {@link Agency#nameOn}). */
    public String nameOn(String code, LocalDate day) {
        access.current().requireSignedIn();
        return find(code).nameOn(day);
    }

    /**
     * System administrator, or agency administrator whose scope covers {@code parentCode} (a unit directly
     * under a covered unit). A unit without parent is a system administrator's matter.
     */
    private void requireUnitAdmin(String parentCode) {
        AccessScope scope = access.current();
        if (!mayAdministerAll(scope)) {
            requireParentCovered(scope, parentCode);
        }
    }

    /** {@link #requireUnitAdmin} for an existing unit: its parent must be covered. */
    private void requireUnitAdminOf(String code) {
        AccessScope scope = access.current();
        if (!mayAdministerAll(scope)) {
            Agency parent = find(code).parent();
            requireParentCovered(scope, parent == null ? null : parent.code());
        }
    }

    /** @throws ForbiddenException {@code ROLE_REQUIRED} unless a system or agency administrator */
    private static boolean mayAdministerAll(AccessScope scope) {
        scope.requireAny(Role.SYSTEM_ADMIN, Role.AGENCY_ADMIN);
        return scope == AccessScope.SYSTEM || scope.has(Role.SYSTEM_ADMIN);
    }

    private static void requireParentCovered(AccessScope scope, String parentCode) {
        if (parentCode == null || parentCode.isBlank()) {
            throw new ForbiddenException("ROLE_REQUIRED", "Account " + scope.username()
                + " may only create or rename units under its own unit");
        }
        scope.requireCovers(parentCode);
    }

    private void closeBelow(Agency parent, LocalDate effectiveFrom, Agency successor, String who, String why,
                            List<String> closed, List<Agency> all) {
        for (Agency child : livingChildren(parent, effectiveFrom)) {
            child.close(effectiveFrom, successor);
            closed.add(child.code());
            all.add(child);
            audit(who, "AGENCY_CLOSE", child.code(), why, "hoạt động đến " + day(child.validTo()) + " cùng " + parent.code()
                + "; đơn vị kế thừa " + (successor == null ? "-" : successor.code()));
            closeBelow(child, effectiveFrom, successor, who, why, closed, all);
        }
    }

    /** Units directly under {@code parent} that still exist on or after {@code day}. */
    private List<Agency> livingChildren(Agency parent, LocalDate day) {
        return em.createQuery("SELECT a FROM Agency a WHERE a.parent = :p ORDER BY a.code", Agency.class)
            .setParameter("p", parent).getResultList().stream()
            .filter(a -> a.validTo() == null || !a.validTo().isBefore(day))
            .toList();
    }

    private Agency find(String code) {
        Agency agency = code == null ? null : em.find(Agency.class, code);
        if (agency == null) {
            throw new NotFoundException("agency", code);
        }
        return agency;
    }

    private Agency findForUpdate(String code) {
        Agency agency = find(code);
        em.lock(agency, LockModeType.OPTIMISTIC_FORCE_INCREMENT);
        return agency;
    }

    /** A day as written in the audit (dd/MM/yyyy), "-" when none. */
    private static String day(java.time.LocalDate date) {
        return date == null ? "-" : date.format(java.time.format.DateTimeFormatter.ofPattern("dd/MM/yyyy"));
    }

    private void audit(String actor, String action, String subject, String reason, String details) {
        em.persist(new AdminChange(clock.instant(), actor, AdminArea.AGENCY, action, subject, reason, details));
        if (scopes != null) {
            scopes.agenciesChanged(); // every change is audited here: the unit trees of accounts are built again
        }
    }
}
