package vn.gov.quangtri.motcua.it;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.net.URL;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The accounts the REST tests act as: the demonstration accounts the test domains seed at start-up
 * ({@code MOTCUA_DEMO_ACCOUNTS=true}, see {@code AccountBootstrap}) and, for the other units, test accounts
 * created through {@code POST /api/v1/accounts} by the province's system administrator the first time a
 * test needs them in a round (an existing user name, 409 {@code USERNAME_TAKEN}, is fine: the database of
 * a round outlives the test classes).
 *
 * <pre>
 * TestAccounts.as(url, TestAccounts.DESK_CUA_TUNG).body(...).post("/dossiers")   // creates the account if missing
 * </pre>
 */
public final class TestAccounts {

    /** Password of every demonstration account ({@code AccountBootstrap.DEMO_PASSWORD}). */
    public static final String DEMO_PASSWORD = "Motcua@2026";
    /** Password of the test accounts created here. */
    public static final String TEST_PASSWORD = "KiemThu2026!";

    /**
     * An account to act as.
     *
     * @param username   user name
     * @param fullName   name shown in the screens
     * @param agencyCode the unit it belongs to
     * @param roles      role names (DESK_OFFICER, SPECIALIST, LEADER, AGENCY_ADMIN, SYSTEM_ADMIN)
     * @param password   its password
     * @param demo       seeded by the server (never created here)
     */
    public record Account(String username, String fullName, String agencyCode, List<String> roles, String password,
                          boolean demo) {
    }

    private static Account demo(String username, String fullName, String agencyCode, String role) {
        return new Account(username, fullName, agencyCode, List.of(role), DEMO_PASSWORD, true);
    }

    private static Account test(String username, String fullName, String agencyCode, String... roles) {
        return new Account(username, fullName, agencyCode, List.of(roles), TEST_PASSWORD, false);
    }

    // Demonstration accounts (AccountBootstrap.DEMO).
    public static final Account DESK_VINH_LINH = demo("tiepnhan.vinhlinh", "Lê Thị Hoa", "QT25.XA_VINH_LINH", "DESK_OFFICER");
    public static final Account SPECIALIST_VINH_LINH = demo("chuyenvien.vinhlinh", "Nguyễn Văn Đức", "QT25.XA_VINH_LINH", "SPECIALIST");
    public static final Account LEADER_VINH_LINH = demo("lanhdao.vinhlinh", "Trần Quốc Tuấn", "QT25.XA_VINH_LINH", "LEADER");
    public static final Account ADMIN_VINH_LINH = demo("quantri.vinhlinh", "Phan Thị Mai", "QT25.XA_VINH_LINH", "AGENCY_ADMIN");
    public static final Account SYSTEM_ADMIN = demo("quantri.tinh", "Võ Minh Khang", "QT", "SYSTEM_ADMIN");
    public static final Account SPECIALIST_DONG_HA = demo("chuyenvien.dongha", "Đặng Văn Hùng", "QT25.PHUONG_DONG_HA", "SPECIALIST");

    // Test accounts of other units, created when first needed.
    public static final Account DESK_CUA_TUNG = test("tiepnhan.cuatung", "Nguyễn Thị Lan", "QT25.XA_CUA_TUNG", "DESK_OFFICER");
    public static final Account SPECIALIST_CUA_TUNG = test("chuyenvien.cuatung", "Hồ Văn Nam", "QT25.XA_CUA_TUNG", "SPECIALIST");
    public static final Account LEADER_CUA_TUNG = test("lanhdao.cuatung", "Lê Quang Vinh", "QT25.XA_CUA_TUNG", "LEADER");
    public static final Account DESK_CUA_VIET = test("tiepnhan.cuaviet", "Trương Thị Thu", "QT25.XA_CUA_VIET", "DESK_OFFICER");
    /** Desk of the pre-2025 town Thị trấn Hồ Xá (merged into Xã Vĩnh Linh on 1/7/2025). */
    public static final Account DESK_HO_XA = test("tiepnhan.hoxa", "Nguyễn Văn Xá", "QT.D464.THI_TRAN_HO_XA", "DESK_OFFICER");
    /** Desk of the pre-2025 district Huyện Vĩnh Linh. */
    public static final Account DESK_HUYEN_VINH_LINH = test("tiepnhan.huyenvinhlinh", "Phạm Thị Huyện", "QT.D464", "DESK_OFFICER");

    /** The {@code n}-th (1–8) desk officer of Phường Đông Hà. */
    public static Account deskDongHa(int n) {
        return test("tiepnhan" + n + ".dongha", "Cán bộ một cửa số " + n, "QT25.PHUONG_DONG_HA", "DESK_OFFICER");
    }

    /** server root + user name of the accounts known to exist. */
    private static final Set<String> KNOWN = ConcurrentHashMap.newKeySet();

    private TestAccounts() {
    }

    /**
     * Makes sure the account exists on this round's server: a demonstration account is taken as seeded; a
     * test account is created by the system administrator unless it was already (201 or 409 USERNAME_TAKEN).
     *
     * @return the account
     */
    /** Forgets that a test account exists on that server, so that the next {@link #ensure} asks it again. */
    public static void forget(URL url, Account account) {
        KNOWN.remove(TestServer.serverRoot(url) + " " + account.username());
    }

    public static Account ensure(URL url, Account account) {
        String key = TestServer.serverRoot(url) + " " + account.username();
        if (account.demo() || KNOWN.contains(key)) {
            return account;
        }
        Response response = as(url, SYSTEM_ADMIN).body(Map.of("username", account.username(),
                "fullName", account.fullName(), "password", account.password(), "agencyCode", account.agencyCode(),
                "roles", account.roles(), "email", account.username() + "@quangtri.gov.vn"))
            .when().post("/accounts");
        int status = response.statusCode();
        boolean taken = status == 409 && "USERNAME_TAKEN".equals(response.path("reason"));
        if (status != 201 && !taken) {
            throw new AssertionError("Could not create the test account " + account.username() + ": HTTP " + status
                + " " + response.asString());
        }
        KNOWN.add(key);
        return account;
    }

    /**
     * rest-assured request on the API as this account (HTTP Basic, sent without waiting for a challenge; JSON
     * body); a test account is created first if needed ({@link #ensure}).
     */
    public static RequestSpecification as(URL url, Account account) {
        ensure(url, account);
        if (BEARER.get()) {
            return given().spec(TestServer.api(url)).header("Authorization", "Bearer " + accessToken(url, account))
                .contentType(ContentType.JSON);
        }
        return basic(url, account.username(), account.password());
    }

    /** Whether {@link #as} signs requests of this thread with a bearer token instead of HTTP Basic. */
    private static final ThreadLocal<Boolean> BEARER = ThreadLocal.withInitial(() -> false);
    /** server root + user name → access token and when to fetch a new one (System.nanoTime). */
    private static final Map<String, Map.Entry<String, Long>> TOKENS = new ConcurrentHashMap<>();

    /**
     * Runs the action with every {@link #as} request carrying a bearer token of {@code POST /api/v1/auth/token}
     * (issue 12), so that a test written for HTTP Basic checks the same rules with tokens.
     */
    public static void viaBearer(Runnable action) {
        BEARER.set(true);
        try {
            action.run();
        } finally {
            BEARER.set(false);
        }
    }

    /** An access token of the account (signed in with its password; reused for up to 4 minutes). */
    public static String accessToken(URL url, Account account) {
        String key = TestServer.serverRoot(url) + " " + account.username();
        Map.Entry<String, Long> known = TOKENS.get(key);
        if (known != null && System.nanoTime() < known.getValue()) {
            return known.getKey();
        }
        Response r = given().spec(TestServer.api(url)).contentType(ContentType.URLENC)
            .formParam("grant_type", "password").formParam("username", account.username())
            .formParam("password", account.password()).when().post("/auth/token");
        if (r.statusCode() != 200) {
            throw new AssertionError("No token for " + account.username() + ": HTTP " + r.statusCode() + " " + r.asString());
        }
        String token = r.path("access_token");
        TOKENS.put(key, Map.entry(token, System.nanoTime() + java.util.concurrent.TimeUnit.MINUTES.toNanos(4)));
        return token;
    }

    /** rest-assured request on the API with these credentials (for wrong passwords and unknown users). */
    public static RequestSpecification basic(URL url, String username, String password) {
        return given().spec(TestServer.api(url)).auth().preemptive().basic(username, password)
            .contentType(ContentType.JSON);
    }
}
