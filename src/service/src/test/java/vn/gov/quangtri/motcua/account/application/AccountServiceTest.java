package vn.gov.quangtri.motcua.account.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import jakarta.security.enterprise.identitystore.Pbkdf2PasswordHash;
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

    private AdminTestBed bed;
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
        assertEquals(new SessionStamps.Stamp(true, 1), stamps.current("tiepnhan.thu"));
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
        assertEquals("OUT_OF_SCOPE", reason(() -> accounts.update("chuyenvien.hai", "Hồ Văn Hải", DONG_HA,
            EnumSet.of(Role.SPECIALIST, Role.LEADER), null, "r")));
        assertEquals("OUT_OF_SCOPE", reason(() -> accounts.setActive("chuyenvien.hai", false, "r")));
        assertEquals("ACCOUNT_CREATE", lastAudit().action());
        assertEquals(EnumSet.of(Role.DESK_OFFICER), accounts.find("tiepnhan.thu").roles());
        assertEquals(new SessionStamps.Stamp(true, 0), stamps.current("tiepnhan.thu"));

        bed.tx(() -> accounts.update("tiepnhan.thu", "Lê Thị Thu", VINH_LINH,
            EnumSet.of(Role.DESK_OFFICER, Role.LEADER), "thu@vinhlinh.gov.vn", "Phân công lãnh đạo"));
        AdminChange c = lastAudit();
        assertEquals("quantri.vinhlinh", c.actor());
        assertEquals("vai trò: [DESK_OFFICER] → [DESK_OFFICER, LEADER]; thư điện tử: - → thu@vinhlinh.gov.vn", c.details());
    }

    @Test
    @DisplayName("Lock, unlock and password reset are audited with reason; a lock moves the stamp and marks the account inactive")
    void lockUnlockResetAudited() {
        assertEquals(new SessionStamps.Stamp(true, 0), stamps.current("tiepnhan.thu"));
        assertEquals("REASON_REQUIRED", reason(() -> accounts.setActive("tiepnhan.thu", false, null)));
        bed.tx(() -> accounts.setActive("tiepnhan.thu", false, "Nghỉ việc từ 01/3/2026"));
        AdminChange lock = lastAudit();
        assertEquals("ACCOUNT_LOCK", lock.action());
        assertEquals("Nghỉ việc từ 01/3/2026", lock.reason());
        assertEquals("trạng thái: hoạt động → đã khóa", lock.details());
        assertEquals(new SessionStamps.Stamp(false, 1), stamps.current("tiepnhan.thu"));

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
    @DisplayName("Full names for the history: known accounts by name, unknown user names absent")
    void fullNames() {
        Map<String, String> names = accounts.fullNames(List.of("tiepnhan.thu", "system"));
        assertEquals(Map.of("tiepnhan.thu", "Lê Thị Thu"), names);
        assertFalse(names.containsKey("system"));
    }

    /** Stands in for the server's PBKDF2: the tests only need a stored, checkable value. */
    private static final class PlainHash implements Pbkdf2PasswordHash {
        @Override
        public void initialize(Map<String, String> parameters) {
        }

        @Override
        public String generate(char[] password) {
            return "plain:" + new String(password);
        }

        @Override
        public boolean verify(char[] password, String hashedPassword) {
            return hashedPassword.equals(generate(password));
        }
    }
}
