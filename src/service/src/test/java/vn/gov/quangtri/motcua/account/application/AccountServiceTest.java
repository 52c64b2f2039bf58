package vn.gov.quangtri.motcua.account.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import vn.gov.quangtri.motcua.account.domain.AccessScope;
import vn.gov.quangtri.motcua.account.domain.Role;
import vn.gov.quangtri.motcua.account.domain.UserAccount;
import vn.gov.quangtri.motcua.audit.application.AdminAuditLog;
import vn.gov.quangtri.motcua.audit.domain.AdminArea;
import vn.gov.quangtri.motcua.audit.domain.AdminChange;
import vn.gov.quangtri.motcua.shared.domain.DomainException;
import vn.gov.quangtri.motcua.shared.infrastructure.persistence.AdminTestBed;

/**
 * Account administration on H2 (issue 9 items 4, 5): every change audited with who, when, why and old → new;
 * editing with the rules of creation; the security stamp the sessions are checked against.
 */
class AccountServiceTest {

    private static final String VINH_LINH = "QT25.XA_VINH_LINH";
    private static final String DONG_HA = "QT25.PHUONG_DONG_HA";
    private static final AccessScope PROVINCE_ADMIN = new AccessScope("quantri.tinh", EnumSet.of(Role.SYSTEM_ADMIN),
        Set.of(), true);

    /** Fingerprint of the first password's hash (the test hash is "plain:" + password). */
    private static final String FIRST_PASSWORD = SessionStamps.fingerprint("plain:MatKhau2026");

    private AdminTestBed bed;
    private SignInGuard guard;
    private AccountService accounts;
    private AdminAuditLog log;
    private SessionStamps stamps;

    @BeforeEach
    void setUp() {
        bed = new AdminTestBed();
        accounts = bed.wire(new AccountService());
        stamps = bed.wire(new SessionStamps());
        AdminTestBed.set(accounts, "stamps", stamps);
        AdminTestBed.set(accounts, "hasher", new PlainHash());
        guard = bed.wire(new SignInGuard());
        guard.start();
        AdminTestBed.set(accounts, "guard", guard);
        AdminTestBed.set(accounts, "tokens", bed.wire(new ApiTokens()));
        log = bed.wire(new AdminAuditLog());
        bed.actAs(PROVINCE_ADMIN);
        bed.tx(() -> accounts.create("tiepnhan.thu", "Lê Thị Thu", "MatKhau2026", VINH_LINH,
            EnumSet.of(Role.DESK_OFFICER), null, "Quyết định 12/QĐ-UBND phân công"));
    }

    @AfterEach
    void tearDown() {
        bed.close();
    }

    private AccessScope agencyAdminOfVinhLinh() {
        return new AccessScope("quantri.vinhlinh", EnumSet.of(Role.AGENCY_ADMIN), Set.of(VINH_LINH), false);
    }

    private String reason(Runnable r) {
        RuntimeException e = bed.failing(r);
        return e instanceof DomainException d ? d.reason() : String.valueOf(e);
    }

    private AdminChange lastAudit() {
        bed.fresh();
        return log.latestFor(AdminArea.ACCOUNT, "tiepnhan.thu", 1).get(0);
    }

    @Test
    @DisplayName("Creation is audited: the signed-in administrator, the reason and the values created")
    void creationAudited() {
        AdminChange c = lastAudit();
        assertEquals("ACCOUNT_CREATE", c.action());
        assertEquals("quantri.tinh", c.actor());
        assertEquals(AdminTestBed.NOW, c.occurredAt());
        assertEquals("Quyết định 12/QĐ-UBND phân công", c.reason());
        assertEquals("họ tên: Lê Thị Thu; đơn vị: QT25.XA_VINH_LINH; vai trò: [DESK_OFFICER]; thư điện tử: -", c.details());
    }

    @Test
    @DisplayName("An edit of name, unit and roles is stored and audited old → new; the security stamp moves on once")
    void editAuditedOldToNew() {
        bed.tx(() -> accounts.update("tiepnhan.thu", "Lê Thị Thu Hà", DONG_HA,
            EnumSet.of(Role.DESK_OFFICER, Role.SPECIALIST), null, "Điều động theo Quyết định 45/QĐ-UBND"));
        AdminChange c = lastAudit();
        assertEquals("ACCOUNT_EDIT", c.action());
        assertEquals("quantri.tinh", c.actor());
        assertEquals("Điều động theo Quyết định 45/QĐ-UBND", c.reason());
        assertEquals("họ tên: Lê Thị Thu → Lê Thị Thu Hà; đơn vị: QT25.XA_VINH_LINH → QT25.PHUONG_DONG_HA; "
            + "vai trò: [DESK_OFFICER] → [DESK_OFFICER, SPECIALIST]", c.details());
        UserAccount a = accounts.find("tiepnhan.thu");
        assertEquals("Lê Thị Thu Hà", a.fullName());
        assertEquals(DONG_HA, a.agency().code());
        assertEquals(EnumSet.of(Role.DESK_OFFICER, Role.SPECIALIST), a.roles());
        assertEquals(new SessionStamps.Stamp(true, 1, FIRST_PASSWORD), stamps.current("tiepnhan.thu"));
    }

    @Test
    @DisplayName("Issue 16: an account never used is deleted (audited with what it was); one that signed in is kept"
        + " (ACCOUNT_USED); a reason is required")
    void deleteOnlyUnused() {
        bed.tx(() -> accounts.create("chuyenvien.moi", "Trần Văn Mới", "MatKhau2026", VINH_LINH,
            EnumSet.of(Role.SPECIALIST), null, "Thử"));
        assertEquals("REASON_REQUIRED", reason(() -> accounts.delete("chuyenvien.moi", " ")));
        for (int i = 0; i < 2; i++) { // recorded once
            bed.tx(() -> {
                guard.signedIn("tiepnhan.thu");
                return null;
            });
        }
        bed.fresh();
        assertEquals(1, log.latestFor(AdminArea.ACCOUNT, "tiepnhan.thu", 10).stream()
            .filter(c -> c.action().equals(SignInGuard.FIRST_SIGN_IN)).count());
        assertEquals("ACCOUNT_USED", reason(() -> accounts.delete("tiepnhan.thu", "Tạo nhầm")));
        assertEquals("tiepnhan.thu", accounts.find("tiepnhan.thu").username());

        bed.tx(() -> {
            accounts.delete("chuyenvien.moi", "Tạo nhầm");
            return null;
        });
        bed.fresh();
        assertEquals("NOT_FOUND", reason(() -> accounts.find("chuyenvien.moi")));
        AdminChange c = log.latestFor(AdminArea.ACCOUNT, "chuyenvien.moi", 1).get(0);
        assertEquals("ACCOUNT_DELETE", c.action());
        assertEquals("quantri.tinh", c.actor());
        assertEquals("Tạo nhầm", c.reason());
        assertEquals("họ tên: Trần Văn Mới; đơn vị: QT25.XA_VINH_LINH; vai trò: [SPECIALIST]; thư điện tử: -;"
            + " trạng thái: hoạt động", c.details());
    }

    @Test
    @DisplayName("An edit without a reason, or changing nothing, is refused and writes nothing")
    void editNeedsReasonAndChange() {
        assertEquals("REASON_REQUIRED", reason(() -> accounts.update("tiepnhan.thu", "Lê Thị Thu Hà", VINH_LINH,
            EnumSet.of(Role.DESK_OFFICER), null, " ")));
        assertEquals("NO_CHANGE", reason(() -> accounts.update("tiepnhan.thu", "Lê Thị Thu", VINH_LINH,
            EnumSet.of(Role.DESK_OFFICER), null, "r")));
        assertEquals("ACCOUNT_INVALID", reason(() -> accounts.update("tiepnhan.thu", " ", VINH_LINH,
            EnumSet.of(Role.DESK_OFFICER), null, "r")));
        assertEquals("ACCOUNT_CREATE", lastAudit().action());
        assertEquals("Lê Thị Thu", accounts.find("tiepnhan.thu").fullName());
    }

    @Test
    @DisplayName("An agency administrator edits within its units only and never grants SYSTEM_ADMIN; nothing is written")
    void agencyAdminLimits() {
        bed.tx(() -> accounts.create("chuyenvien.hai", "Hồ Văn Hải", "MatKhau2026", DONG_HA,
            EnumSet.of(Role.SPECIALIST), null, "r"));
        bed.actAs(agencyAdminOfVinhLinh());
        assertEquals("ROLE_NOT_GRANTABLE", reason(() -> accounts.update("tiepnhan.thu", "Lê Thị Thu", VINH_LINH,
            EnumSet.of(Role.DESK_OFFICER, Role.SYSTEM_ADMIN), null, "r")));
        assertEquals("OUT_OF_SCOPE", reason(() -> accounts.update("tiepnhan.thu", "Lê Thị Thu", DONG_HA,
            EnumSet.of(Role.DESK_OFFICER), null, "r")));
        // Another unit's account answers as an unknown one (issue 16: no enumeration of user names).
        assertEquals("NOT_FOUND", reason(() -> accounts.update("chuyenvien.hai", "Hồ Văn Hải", DONG_HA,
            EnumSet.of(Role.SPECIALIST, Role.LEADER), null, "r")));
        assertEquals("NOT_FOUND", reason(() -> accounts.setActive("chuyenvien.hai", false, "r")));
        assertEquals("NOT_FOUND", reason(() -> accounts.administered("chuyenvien.hai")));
        assertEquals("NOT_FOUND", reason(() -> accounts.administered("chuyenvien.khong.co")));
        assertEquals("ACCOUNT_CREATE", lastAudit().action());
        assertEquals(EnumSet.of(Role.DESK_OFFICER), accounts.find("tiepnhan.thu").roles());
        assertEquals(new SessionStamps.Stamp(true, 0, FIRST_PASSWORD), stamps.current("tiepnhan.thu"));

        bed.tx(() -> accounts.update("tiepnhan.thu", "Lê Thị Thu", VINH_LINH,
            EnumSet.of(Role.DESK_OFFICER, Role.LEADER), "thu@vinhlinh.gov.vn", "Phân công lãnh đạo"));
        AdminChange c = lastAudit();
        assertEquals("quantri.vinhlinh", c.actor());
        assertEquals("vai trò: [DESK_OFFICER] → [DESK_OFFICER, LEADER]; thư điện tử: - → thu@vinhlinh.gov.vn", c.details());
    }

    @Test
    @DisplayName("Lock, unlock and password reset are audited with reason; a lock moves the stamp and marks the account inactive")
    void lockUnlockResetAudited() {
        assertEquals(new SessionStamps.Stamp(true, 0, FIRST_PASSWORD), stamps.current("tiepnhan.thu"));
        assertEquals("REASON_REQUIRED", reason(() -> accounts.setActive("tiepnhan.thu", false, null)));
        bed.tx(() -> accounts.setActive("tiepnhan.thu", false, "Nghỉ việc từ 01/3/2026"));
        AdminChange lock = lastAudit();
        assertEquals("ACCOUNT_LOCK", lock.action());
        assertEquals("Nghỉ việc từ 01/3/2026", lock.reason());
        assertEquals("trạng thái: hoạt động → đã khóa", lock.details());
        assertEquals(new SessionStamps.Stamp(false, 1, FIRST_PASSWORD), stamps.current("tiepnhan.thu"));

        bed.tx(() -> accounts.setActive("tiepnhan.thu", true, "Trở lại làm việc"));
        assertEquals("ACCOUNT_UNLOCK", lastAudit().action());
        bed.tx(() -> {
            accounts.resetPassword("tiepnhan.thu", "MoiMoi2026", "Quên mật khẩu, phiếu yêu cầu số 7");
            return null;
        });
        AdminChange reset = lastAudit();
        assertEquals("ACCOUNT_PASSWORD_RESET", reset.action());
        assertEquals("Quên mật khẩu, phiếu yêu cầu số 7", reset.reason());
        assertNull(reset.details());
        assertEquals("plain:MoiMoi2026", accounts.find("tiepnhan.thu").passwordHash());
        List<String> actions = log.latest(10).stream().filter(x -> x.subject().equals("tiepnhan.thu"))
            .map(AdminChange::action).toList();
        assertEquals(List.of("ACCOUNT_PASSWORD_RESET", "ACCOUNT_UNLOCK", "ACCOUNT_LOCK", "ACCOUNT_CREATE"), actions);
    }

    @Test
    @DisplayName("A password reset changes the password fingerprint at once (remembered Basic verifications end) but not"
        + " the security stamp (open sessions go on)")
    void passwordResetMovesFingerprintOnly() {
        assertEquals(new SessionStamps.Stamp(true, 0, FIRST_PASSWORD), stamps.current("tiepnhan.thu"));
        bed.tx(() -> {
            accounts.resetPassword("tiepnhan.thu", "MoiMoi2026", "Quên mật khẩu");
            return null;
        });
        SessionStamps.Stamp after = stamps.current("tiepnhan.thu");
        assertEquals(new SessionStamps.Stamp(true, 0, SessionStamps.fingerprint("plain:MoiMoi2026")), after);
        assertNotEquals(FIRST_PASSWORD, after.credentials());
        // 43 characters: unpadded Base64 of 32 bytes; never the hash itself.
        assertEquals(43, after.credentials().length());
    }

    @Test
    @DisplayName("20 wrong passwords lock the sign-in (audited, actor system); an administrator lifts it (audited);"
        + " lifting an unlocked account is NOT_LOCKED; an agency administrator of another unit may not lift it")
    void signInLockAuditedAndLifted() {
        for (int i = 1; i <= 19; i++) {
            SignInThrottle.Failure f = bed.tx(() -> guard.failed("tiepnhan.thu", "10.0.0.7", true));
            assertNull(f.accountLockedNow(), "failure " + i);
        }
        assertNull(accounts.signInLockedUntil("tiepnhan.thu"));
        SignInThrottle.Failure twentieth = bed.tx(() -> guard.failed("tiepnhan.thu", "10.0.0.7", true));
        java.time.Instant until = AdminTestBed.NOW.plus(java.time.Duration.ofMinutes(15));
        assertEquals(until, twentieth.accountLockedNow());
        assertNull(twentieth.addressLockedNow(), "an address locks after 100 failures, not 20");
        assertEquals(until, accounts.signInLockedUntil("tiepnhan.thu"));
        AdminChange lock = lastAudit();
        assertEquals("ACCOUNT_SIGN_IN_LOCK", lock.action());
        assertEquals("system", lock.actor());
        assertEquals("20 lần đăng nhập sai liên tiếp", lock.reason());
        // The bed's NOW is 09:00 on 2 March 2026 in Vietnam; + 15 minutes.
        assertEquals("khóa đăng nhập đến 09:15 02/03/2026; địa chỉ 10.0.0.7", lock.details());
        assertEquals(Map.of("tiepnhan.thu", until), accounts.signInLocks());

        bed.actAs(new AccessScope("quantri.dongha", EnumSet.of(Role.AGENCY_ADMIN), Set.of(DONG_HA), false));
        assertEquals("NOT_FOUND", reason(() -> accounts.liftSignInLock("tiepnhan.thu", "r")));
        assertEquals(until, accounts.signInLockedUntil("tiepnhan.thu"));

        bed.actAs(agencyAdminOfVinhLinh());
        assertEquals(until, bed.tx(() -> accounts.liftSignInLock("tiepnhan.thu", "Người dùng gọi điện xác nhận")));
        assertNull(accounts.signInLockedUntil("tiepnhan.thu"));
        AdminChange lift = lastAudit();
        assertEquals("ACCOUNT_SIGN_IN_UNLOCK", lift.action());
        assertEquals("quantri.vinhlinh", lift.actor());
        assertEquals("Người dùng gọi điện xác nhận", lift.reason());
        assertEquals("khóa đăng nhập đến 09:15 02/03/2026 → mở khóa", lift.details());
        assertEquals("NOT_LOCKED", reason(() -> accounts.liftSignInLock("tiepnhan.thu", "r")));
        // The count starts again: one more failure does not lock.
        assertNull(bed.tx(() -> guard.failed("tiepnhan.thu", "10.0.0.7", true)).accountLockedNow());
    }

    @Test
    @DisplayName("Issue 16: a user name nobody has is locked at the 20th failure as a real account is (the audit says"
        + " that no account has it); an over-long one is shortened to the audit's 100 characters")
    void unknownNameLocksAlike() {
        for (int i = 1; i <= 19; i++) {
            assertNull(bed.tx(() -> guard.failed("ai.do.khong.co", "10.0.0.8", false)).accountLockedNow());
        }
        SignInThrottle.Failure twentieth = bed.tx(() -> guard.failed("ai.do.khong.co", "10.0.0.8", false));
        java.time.Instant until = AdminTestBed.NOW.plus(java.time.Duration.ofMinutes(15));
        assertEquals(until, twentieth.accountLockedNow());
        assertEquals(until, guard.check("ai.do.khong.co", "10.0.0.9").accountLockedUntil());
        bed.fresh();
        AdminChange lock = log.latestFor(AdminArea.ACCOUNT, "ai.do.khong.co", 1).get(0);
        assertEquals("ACCOUNT_SIGN_IN_LOCK", lock.action());
        assertEquals("ai.do.khong.co", lock.subject());
        assertEquals("20 lần đăng nhập sai liên tiếp với tên đăng nhập không có tài khoản", lock.reason());
        assertEquals("x".repeat(99) + "…", SignInGuard.subject("x".repeat(300)));
    }

    @Test
    @DisplayName("Full names for the history: known accounts by name, unknown user names absent")
    void fullNames() {
        Map<String, String> names = accounts.fullNames(List.of("tiepnhan.thu", "system"));
        assertEquals(Map.of("tiepnhan.thu", "Lê Thị Thu"), names);
        assertFalse(names.containsKey("system"));
    }
}
