package vn.gov.quangtri.motcua.account.application;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.EJB;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import vn.gov.quangtri.motcua.account.domain.Role;

/**
 * Accounts that must exist for anyone to sign in, created at start-up when missing:
 * <ul>
 * <li>{@code admin} (system administrator of the province) when {@code motcua.admin.initial-password} is
 * set and no system administrator exists yet: the way into a new production installation; change the
 * password after the first sign-in;</li>
 * <li>the demonstration accounts of {@link #DEMO} when {@code motcua.demo-accounts=true} (also implied by
 * {@code motcua.sample-data=true}), all with the password {@value #DEMO_PASSWORD}. Never on production.</li>
 * </ul>
 */
@Singleton
@Startup
@DependsOn("DatabaseMigrator")
public class AccountBootstrap {

    private static final Logger LOG = Logger.getLogger(AccountBootstrap.class.getName());

    /** Password of every demonstration account. */
    public static final String DEMO_PASSWORD = "Motcua@2026";

    /** A demonstration account: user name, full name, unit, roles. */
    public record Demo(String username, String fullName, String agencyCode, Set<Role> roles) {
    }

    /** One account per role at Xã Vĩnh Linh, a province-wide administrator, and a specialist of another unit. */
    public static final List<Demo> DEMO = List.of(
        new Demo("tiepnhan.vinhlinh", "Lê Thị Hoa", "QT25.XA_VINH_LINH", EnumSet.of(Role.DESK_OFFICER)),
        new Demo("chuyenvien.vinhlinh", "Nguyễn Văn Đức", "QT25.XA_VINH_LINH", EnumSet.of(Role.SPECIALIST)),
        new Demo("lanhdao.vinhlinh", "Trần Quốc Tuấn", "QT25.XA_VINH_LINH", EnumSet.of(Role.LEADER)),
        new Demo("quantri.vinhlinh", "Phan Thị Mai", "QT25.XA_VINH_LINH", EnumSet.of(Role.AGENCY_ADMIN)),
        new Demo("quantri.tinh", "Võ Minh Khang", "QT", EnumSet.of(Role.SYSTEM_ADMIN)),
        new Demo("chuyenvien.dongha", "Đặng Văn Hùng", "QT25.PHUONG_DONG_HA", EnumSet.of(Role.SPECIALIST)),
        new Demo("kiosk.vinhlinh", "Kiosk đánh giá - Bộ phận Một cửa xã Vĩnh Linh", "QT25.XA_VINH_LINH", EnumSet.of(Role.KIOSK)));

    @PersistenceContext(unitName = "motcua")
    private EntityManager em;

    @EJB
    private AccountService accounts;

    @Inject
    @ConfigProperty(name = "motcua.admin.initial-password")
    Optional<String> initialAdminPassword;

    @Inject
    @ConfigProperty(name = "motcua.demo-accounts", defaultValue = "false")
    boolean demoAccounts;

    @Inject
    @ConfigProperty(name = "motcua.sample-data", defaultValue = "false")
    boolean sampleData;

    @PostConstruct
    void createMissing() {
        SystemTask.run(() -> {
            if (initialAdminPassword.filter(p -> !p.isBlank()).isPresent() && noSystemAdministrator()) {
                accounts.create("admin", "Quản trị hệ thống", initialAdminPassword.get(), "QT",
                    EnumSet.of(Role.SYSTEM_ADMIN), null, "Tài khoản quản trị ban đầu (motcua.admin.initial-password)");
                LOG.warning("Created the system administrator account 'admin' from motcua.admin.initial-password;"
                    + " change its password after the first sign-in");
            }
            if (demoAccounts || sampleData) {
                int created = 0;
                for (Demo d : DEMO) {
                    if (!exists(d.username())) {
                        accounts.create(d.username(), d.fullName(), DEMO_PASSWORD, d.agencyCode(), d.roles(), null,
                            "Tài khoản trình diễn (motcua.demo-accounts)");
                        created++;
                    }
                }
                if (created > 0) {
                    int n = created;
                    LOG.warning(() -> n + " demonstration accounts created (password " + DEMO_PASSWORD
                        + "); never enable motcua.demo-accounts or motcua.sample-data on production");
                }
            }
            return null;
        });
    }

    private boolean noSystemAdministrator() {
        return em.createQuery("SELECT COUNT(a) FROM UserAccount a WHERE :role MEMBER OF a.roles", Long.class)
            .setParameter("role", Role.SYSTEM_ADMIN).getSingleResult() == 0;
    }

    private boolean exists(String username) {
        return !em.createNamedQuery("UserAccount.findByUsername", Object.class)
            .setParameter("username", username).getResultList().isEmpty();
    }
}
