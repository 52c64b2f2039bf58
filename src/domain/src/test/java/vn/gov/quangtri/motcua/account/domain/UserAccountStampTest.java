package vn.gov.quangtri.motcua.account.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.EnumSet;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import vn.gov.quangtri.motcua.agency.domain.Agency;
import vn.gov.quangtri.motcua.agency.domain.AgencyKind;
import vn.gov.quangtri.motcua.agency.domain.AgencyLevel;

/** The security stamp moves on exactly when open sessions must end: lock, new roles, new unit (issue 9 item 5). */
class UserAccountStampTest {

    private static final Agency VINH_LINH = new Agency("QT25.XA_VINH_LINH", "Xã Vĩnh Linh", AgencyKind.COMMUNE,
        AgencyLevel.COMMUNE, null, "000.00.60.H50", true);
    private static final Agency DONG_HA = new Agency("QT25.PHUONG_DONG_HA", "Phường Đông Hà", AgencyKind.COMMUNE,
        AgencyLevel.COMMUNE, null, "000.00.61.H50", true);

    private static UserAccount officer() {
        return new UserAccount("chuyenvien.thu", "Trần Thị Thu", "hash", VINH_LINH, EnumSet.of(Role.SPECIALIST),
            Instant.parse("2026-03-02T02:00:00Z"));
    }

    @Test
    @DisplayName("A new account starts at stamp 0; name and e-mail changes keep the stamp")
    void nameAndEmailKeepStamp() {
        UserAccount a = officer();
        assertEquals(0, a.securityStamp());
        a.update("Trần Thị Thu Hà", VINH_LINH, EnumSet.of(Role.SPECIALIST), "thu@quangtri.gov.vn");
        assertEquals(0, a.securityStamp());
        assertEquals("Trần Thị Thu Hà", a.fullName());
    }

    @Test
    @DisplayName("Each change of roles or unit and each lock adds one; unlocking or locking a locked account adds nothing")
    void rightsAndLockMoveStamp() {
        UserAccount a = officer();
        a.update("Trần Thị Thu", VINH_LINH, EnumSet.of(Role.SPECIALIST, Role.LEADER), null);
        assertEquals(1, a.securityStamp());
        a.update("Trần Thị Thu", DONG_HA, EnumSet.of(Role.SPECIALIST, Role.LEADER), null);
        assertEquals(2, a.securityStamp());
        a.setActive(false);
        assertEquals(3, a.securityStamp());
        a.setActive(false);
        assertEquals(3, a.securityStamp());
        a.setActive(true);
        assertEquals(3, a.securityStamp());
    }

    @Test
    @DisplayName("Issue 16 (fresh-user trial): an e-mail that is not an address is INVALID_INPUT (400) and changes nothing")
    void emailIsChecked() {
        UserAccount a = officer();
        for (String bad : java.util.List.of("thu", "thu@", "@quangtri.gov.vn", "thu@quangtri", "thu@@quangtri.gov.vn",
                "thu @quangtri.gov.vn", "thu@quangtri.gov.vn\u0000", "\"x\"@a.vn", "a@b..vn", "a@b.vn,c@d.vn")) {
            vn.gov.quangtri.motcua.shared.domain.RuleViolationException e = org.junit.jupiter.api.Assertions.assertThrows(
                vn.gov.quangtri.motcua.shared.domain.RuleViolationException.class,
                () -> a.update("Khác", DONG_HA, EnumSet.of(Role.LEADER), bad), bad);
            assertEquals("INVALID_INPUT", e.reason(), bad);
            assertEquals(java.util.List.of("email: an e-mail address, e.g. ten@quangtri.gov.vn"), e.details());
        }
        assertEquals("Trần Thị Thu", a.fullName(), "nothing changed");
        assertEquals(0, a.securityStamp());
        a.update("Trần Thị Thu", VINH_LINH, EnumSet.of(Role.SPECIALIST), " thu.tran@vinhlinh.quangtri.gov.vn ");
        assertEquals("thu.tran@vinhlinh.quangtri.gov.vn", a.email());
    }

    @Test
    @DisplayName("Issue 16 (fresh-user trial): a full name that shows nothing (no-break space, soft hyphen, Hangul filler,"
        + " blank Braille, combining grapheme joiner) is refused like an empty one, and changes nothing")
    void blankLookingNameRefused() {
        UserAccount a = officer();
        for (String bad : java.util.List.of("\u00a0", "\u00ad", "\u3164", "\u115f", "\u2800", "\u034f", " \u200b ")) {
            vn.gov.quangtri.motcua.shared.domain.RuleViolationException e = org.junit.jupiter.api.Assertions.assertThrows(
                vn.gov.quangtri.motcua.shared.domain.RuleViolationException.class,
                () -> a.update(bad, VINH_LINH, EnumSet.of(Role.SPECIALIST), null), bad);
            assertEquals("ACCOUNT_INVALID", e.reason());
        }
        assertEquals("Trần Thị Thu", a.fullName());
    }
}
