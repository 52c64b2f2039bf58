package vn.gov.quangtri.motcua.account.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import vn.gov.quangtri.motcua.catalogue.domain.StepRole;
import vn.gov.quangtri.motcua.dossier.domain.DossierAction;
import vn.gov.quangtri.motcua.shared.domain.ForbiddenException;

/** Who may do what where: the rules the dossier services apply on every call. */
class AccessScopeTest {

    private static AccessScope at(String unit, Role... roles) {
        return new AccessScope("u", EnumSet.of(roles[0], roles), Set.of(unit), false);
    }

    @Test
    @DisplayName("Desk officer: intake and return at its unit; not appraisal, approval or another unit")
    void deskOfficer() {
        AccessScope desk = at("QT25.XA_VINH_LINH", Role.DESK_OFFICER);
        assertTrue(desk.permits(DossierAction.RECEIVE, null));
        assertTrue(desk.permits(DossierAction.RETURN_RESULT, null));
        assertTrue(desk.permits(DossierAction.COMPLETE_STEP, StepRole.ONE_STOP_OFFICER));
        assertTrue(desk.permits(DossierAction.COMPLETE_STEP, StepRole.CLERK));
        assertFalse(desk.permits(DossierAction.COMPLETE_STEP, StepRole.SPECIALIST));
        assertFalse(desk.permits(DossierAction.APPROVE, StepRole.LEADER));
        ForbiddenException other = assertThrows(ForbiddenException.class,
            () -> desk.requirePermits("QT25.PHUONG_DONG_HA", DossierAction.RECEIVE, null));
        assertEquals("OUT_OF_SCOPE", other.reason());
        ForbiddenException role = assertThrows(ForbiddenException.class,
            () -> desk.requirePermits("QT25.XA_VINH_LINH", DossierAction.APPROVE, StepRole.LEADER));
        assertEquals("ROLE_REQUIRED", role.reason());
    }

    @Test
    @DisplayName("Specialist appraises and asks for supplements; leader approves, rejects, stops and sends back")
    void specialistAndLeader() {
        AccessScope specialist = at("U", Role.SPECIALIST);
        assertTrue(specialist.permits(DossierAction.COMPLETE_STEP, StepRole.SPECIALIST));
        assertTrue(specialist.permits(DossierAction.REQUEST_SUPPLEMENT, StepRole.SPECIALIST));
        assertTrue(specialist.permits(DossierAction.REQUEST_FINANCIAL_OBLIGATION, StepRole.SPECIALIST));
        assertFalse(specialist.permits(DossierAction.RECEIVE, null));
        assertFalse(specialist.permits(DossierAction.APPROVE, StepRole.LEADER));
        assertFalse(specialist.permits(DossierAction.STOP, StepRole.SPECIALIST));
        AccessScope leader = at("U", Role.LEADER);
        assertTrue(leader.permits(DossierAction.APPROVE, StepRole.LEADER));
        assertTrue(leader.permits(DossierAction.REJECT, StepRole.LEADER));
        assertTrue(leader.permits(DossierAction.RETURN_FOR_REWORK, StepRole.LEADER));
        assertTrue(leader.permits(DossierAction.ASSIGN, StepRole.SPECIALIST));
        // Leaders assign (docs/domain.md §2.5, issue 16): never the officer doing the step, at any step.
        for (StepRole step : new StepRole[] {null, StepRole.ONE_STOP_OFFICER, StepRole.SPECIALIST, StepRole.CLERK}) {
            assertFalse(specialist.permits(DossierAction.ASSIGN, step), "specialist at " + step);
            assertFalse(at("U", Role.DESK_OFFICER).permits(DossierAction.ASSIGN, step), "desk officer at " + step);
        }
        assertFalse(leader.permits(DossierAction.COMPLETE_STEP, StepRole.SPECIALIST));
        assertFalse(leader.permits(DossierAction.RETURN_RESULT, null));
        // No step in progress (result ready): the officer is not refused; the dossier answers 409.
        assertTrue(specialist.permits(DossierAction.COMPLETE_STEP, null));
        assertFalse(new AccessScope("a", EnumSet.of(Role.AGENCY_ADMIN), Set.of("U"), false)
            .permits(DossierAction.COMPLETE_STEP, null));
    }

    @Test
    @DisplayName("Issue 16: a code outside the scope is answered as a missing one (NOT_FOUND, same message)")
    void outOfScopeLooksMissing() {
        AccessScope stranger = at("QT25.PHUONG_DONG_HA", Role.SPECIALIST);
        vn.gov.quangtri.motcua.shared.domain.NotFoundException other = assertThrows(
            vn.gov.quangtri.motcua.shared.domain.NotFoundException.class,
            () -> stranger.requireSees("dossier", "C", "QT25.XA_VINH_LINH"));
        vn.gov.quangtri.motcua.shared.domain.NotFoundException missing = assertThrows(
            vn.gov.quangtri.motcua.shared.domain.NotFoundException.class,
            () -> stranger.requireSees("dossier", "C", null));
        assertEquals(missing.reason(), other.reason());
        assertEquals(missing.getMessage(), other.getMessage());
        stranger.requireSees("dossier", "C", "QT25.PHUONG_DONG_HA");
        assertThrows(vn.gov.quangtri.motcua.shared.domain.NotFoundException.class,
            () -> new AccessScope("k", EnumSet.of(Role.KIOSK), Set.of("U"), false).requireSees("dossier", "C", "U"));
    }

    @Test
    @DisplayName("Administrators act on no dossier; a system administrator sees every unit; anonymous sees none")
    void administratorsAndAnonymous() {
        AccessScope province = new AccessScope("quantri.tinh", EnumSet.of(Role.SYSTEM_ADMIN), Set.of(), true);
        assertTrue(province.covers("QT25.XA_VINH_LINH"));
        for (DossierAction a : DossierAction.values()) {
            assertFalse(province.permits(a, StepRole.SPECIALIST), a.name());
        }
        assertFalse(AccessScope.NONE.covers("QT25.XA_VINH_LINH"));
        assertTrue(AccessScope.SYSTEM.permits(DossierAction.APPROVE, StepRole.LEADER));
        assertThrows(ForbiddenException.class, () -> AccessScope.NONE.requireAny(Role.SYSTEM_ADMIN));
    }
}
