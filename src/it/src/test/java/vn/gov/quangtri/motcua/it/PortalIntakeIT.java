package vn.gov.quangtri.motcua.it;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import java.net.URL;
import java.net.URLDecoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Online dossiers from the national portal on the deployed EAR (issue 15 §3a), against the portal simulator that the
 * test domain's start script runs beside it (port base + 90): a submission planted on the portal with two files with
 * Vietnamese names reaches the desk's queue as SUBMITTED_ONLINE with the portal's submission time as its business
 * time, its files byte for byte under their names; pulling again creates nothing; an unknown procedure lands on the
 * not-taken list with the reason; the desk accepts the dossier as any online dossier.
 */
@MotcuaIT
class PortalIntakeIT {

    private static final DateTimeFormatter PORTAL_TIME = PortalSim.TIME;

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return EarDeployment.ear();
    }

    @ArquillianResource
    URL url;

    private static RequestSpecification portal() {
        return PortalSim.portal();
    }

    private static Map<String, Object> file(String name, byte[] content, Integer component) {
        return component == null
            ? Map.of("TenTep", name, "LoaiTep", "application/pdf", "NoiDung", Base64.getEncoder().encodeToString(content))
            : Map.of("TenTep", name, "LoaiTep", "application/pdf", "NoiDung", Base64.getEncoder().encodeToString(content),
                "ThanhPhan", component);
    }

    /** Plants a submission on the simulated portal as a citizen would make it. */
    private static void plant(String portalId, String procedure, String name, String idNumber, Instant at,
                              List<Map<String, Object>> files) {
        portal().body(Map.of("MaHoSoQG", portalId, "MaTTHC", procedure, "MaDonVi", "QT25.XA_VINH_LINH",
                "ChuHoSo", Map.of("HoTen", name, "SoGiayTo", idNumber, "SoDienThoai", "0912777000",
                    "DiaChi", "Thôn Đông, xã Vĩnh Linh"),
                "NgayNop", PORTAL_TIME.format(at), "TepDinhKem", files))
            .when().post("/admin/online").then().statusCode(201);
    }

    /** Pulls now as the system administrator until a run happened (the timer's run may be in progress). */
    private Map<String, Object> pull() throws InterruptedException {
        return Await.until("a pull ran", 60_000, 300, () -> {
            Map<String, Object> r = TestAccounts.as(url, TestAccounts.SYSTEM_ADMIN).when().post("/portal/intake/pull")
                .then().statusCode(200).extract().jsonPath().getMap("$");
            return Boolean.TRUE.equals(r.get("ran")) ? r : null;
        });
    }

    /** The desk's queue of online submissions at Vĩnh Linh, filtered by the applicant's ID number. */
    private List<Map<String, Object>> queue(String idNumber) {
        return TestAccounts.as(url, TestAccounts.DESK_VINH_LINH).queryParam("status", "SUBMITTED_ONLINE")
            .queryParam("agency", "QT25.XA_VINH_LINH").queryParam("idNumber", idNumber).when().get("/dossiers")
            .then().statusCode(200).extract().jsonPath().getList("items");
    }

    private static String downloadedName(String disposition) {
        String encoded = disposition.substring(disposition.indexOf("filename*=UTF-8''") + "filename*=UTF-8''".length());
        return URLDecoder.decode(encoded.replace("+", "%2B"), StandardCharsets.UTF_8);
    }

    @Test
    @DisplayName("Issue 15 §3a: a submission planted on the portal with two files reaches the desk's queue"
        + " (SUBMITTED_ONLINE, business time = the portal's submission time, the portal as actor), its files byte for"
        + " byte under their Vietnamese names; a second pull makes no duplicate; the desk accepts it")
    void submissionReachesTheDesk() throws Exception {
        String portalId = "G22-IT-" + UUID.randomUUID().toString().substring(0, 8);
        String idNumber = "0451900" + String.format("%05d", new java.util.Random().nextInt(100_000));
        Instant at = Instant.now().minus(90, ChronoUnit.MINUTES).truncatedTo(ChronoUnit.SECONDS);
        String firstName = "Đơn đề nghị cấp GCN 100% – bản ký.pdf";
        String secondName = "Giấy tờ   về đất (trích lục) số 2.pdf";
        byte[] first = TestFiles.pdf(2);
        byte[] second = TestFiles.pdf(3);
        plant(portalId, "1.004873", "Hoàng Thị Trực Tuyến", idNumber, at,
            List.of(file(firstName, first, 1), file(secondName, second, 2)));

        Map<String, Object> run = pull();
        List<Map<String, Object>> inQueue = Await.until("the dossier in the desk's queue", 60_000, 500, () -> {
            List<Map<String, Object>> q = queue(idNumber);
            if (q.isEmpty()) {
                try {
                    pull();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return null;
            }
            return q;
        });
        assertEquals(1, inQueue.size(), inQueue + " after " + run);
        String code = (String) inQueue.get(0).get("code");
        assertEquals("ONLINE", inQueue.get(0).get("channel"));

        JsonPath d = TestWork.dossier(url, TestAccounts.DESK_VINH_LINH, code);
        assertEquals("SUBMITTED_ONLINE", d.getString("status"));
        assertEquals(1, d.getInt("portalStatus"));
        assertEquals(at, OffsetDateTime.parse(d.getString("submittedAt")).toInstant(), "the portal's submission time");
        assertEquals("SUBMIT_ONLINE", d.getString("history[0].action"));
        assertEquals(at, OffsetDateTime.parse(d.getString("history[0].at")).toInstant(), "business time");
        Instant recorded = OffsetDateTime.parse(d.getString("history[0].recordedAt")).toInstant();
        assertTrue(recorded.isAfter(at.plus(80, ChronoUnit.MINUTES)), "recorded now, not at submission: " + recorded);
        assertEquals("Cổng DVCQG", d.getString("history[0].actor"));
        assertEquals("Hoàng Thị Trực Tuyến", d.getString("applicant.name"));

        List<Map<String, Object>> files = JsonPath.from(new String(TestFiles.get(url, TestAccounts.DESK_VINH_LINH,
            "/dossiers/" + code + "/files").body(), StandardCharsets.UTF_8)).getList("$");
        assertEquals(List.of(firstName, secondName), files.stream().map(f -> f.get("fileName")).toList());
        assertEquals(List.of("CITIZEN_UPLOAD", "CITIZEN_UPLOAD"), files.stream().map(f -> f.get("source")).toList());
        assertEquals(List.of(2, 3), files.stream().map(f -> f.get("pages")).toList());
        byte[][] sent = {first, second};
        for (int i = 0; i < 2; i++) {
            HttpResponse<byte[]> got = TestFiles.get(url, TestAccounts.DESK_VINH_LINH, "/dossiers/" + code + "/files/"
                + files.get(i).get("id"));
            assertEquals(200, got.statusCode());
            assertArrayEquals(sent[i], got.body());
            assertEquals(files.get(i).get("fileName"),
                downloadedName(got.headers().firstValue("Content-Disposition").orElseThrow()));
        }

        // The portal knows which dossier we made of it.
        JsonPath onPortal = Await.until("the portal acknowledged", 30_000, 500, () -> {
            JsonPath p = portal().when().get("/api/dossiers/online/" + portalId).then().statusCode(200).extract()
                .jsonPath();
            return "DA_TIEP_NHAN".equals(p.getString("TrangThai")) ? p : null;
        });
        assertEquals(code, onPortal.getString("MaHoSo"));

        // Pulling again creates nothing.
        pull();
        pull();
        assertEquals(1, queue(idNumber).size());
        List<Map<String, Object>> taken = TestAccounts.as(url, TestAccounts.SYSTEM_ADMIN).when()
            .get("/portal/intake/taken").then().statusCode(200).extract().jsonPath().getList("$");
        Map<String, Object> row = taken.stream().filter(t -> portalId.equals(t.get("portalId"))).findFirst()
            .orElseThrow();
        assertEquals(code, row.get("dossierCode"));
        assertEquals(1, row.get("attempts"));
        assertNotNull(row.get("acknowledgedAt"));

        // The desk accepts it as any online dossier.
        JsonPath accepted = TestWork.act(url, TestAccounts.DESK_VINH_LINH, code, "accept",
            Map.of("expectedVersion", TestWork.dossier(url, TestAccounts.DESK_VINH_LINH, code).getLong("version")));
        assertEquals("RECEIVED", accepted.getString("status"));
        assertNotNull(accepted.getString("dueAt"));
        assertEquals(0, queue(idNumber).size());
    }

    @Test
    @DisplayName("Issue 15 §3a: a submission for a procedure we do not have is not taken: it is on the administrators'"
        + " not-taken list with the reason, never silently dropped, and creates no dossier; the desk cannot see the list")
    void unknownProcedureIsListed() throws Exception {
        String portalId = "G22-IT-" + UUID.randomUUID().toString().substring(0, 8);
        String idNumber = "0451900" + String.format("%05d", new java.util.Random().nextInt(100_000));
        plant(portalId, "9.999999", "Đỗ Văn Không Có", idNumber, Instant.now().minus(10, ChronoUnit.MINUTES),
            List.of(file("Tờ khai.pdf", TestFiles.pdf(1), null)));
        Map<String, Object> listed = Await.until("on the not-taken list", 60_000, 500, () -> {
            try {
                pull();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            List<Map<String, Object>> notTaken = TestAccounts.as(url, TestAccounts.SYSTEM_ADMIN).when()
                .get("/portal/intake/not-taken").then().statusCode(200).extract().jsonPath().getList("$");
            return notTaken.stream().filter(t -> portalId.equals(t.get("portalId"))).findFirst().orElse(null);
        });
        assertEquals("NOT_TAKEN", listed.get("state"));
        assertEquals("UNKNOWN_PROCEDURE", listed.get("reasonCode"));
        assertEquals("No procedure with code '9.999999'", listed.get("reason"));
        assertEquals("9.999999", listed.get("procedureCode"));
        assertEquals("Đỗ Văn Không Có", listed.get("applicantName"));
        assertEquals(null, listed.get("dossierCode"));
        assertEquals(0, TestAccounts.as(url, TestAccounts.DESK_VINH_LINH).queryParam("idNumber", idNumber).when()
            .get("/dossiers").then().statusCode(200).extract().jsonPath().getList("items").size());
        assertEquals("CHO_TIEP_NHAN", portal().when().get("/api/dossiers/online/" + portalId).then().statusCode(200)
            .extract().path("TrangThai"), "not acknowledged");
        TestAccounts.as(url, TestAccounts.DESK_VINH_LINH).when().get("/portal/intake/not-taken").then().statusCode(403);
        // Taking it again without a fix: still not taken, one more attempt, the same reason.
        Map<String, Object> again = TestAccounts.as(url, TestAccounts.SYSTEM_ADMIN).when()
            .post("/portal/intake/not-taken/" + listed.get("id") + "/retake").then().statusCode(200).extract()
            .jsonPath().getMap("$");
        assertEquals("NOT_TAKEN", again.get("state"));
        assertEquals(2, again.get("attempts"));
        assertEquals("UNKNOWN_PROCEDURE", again.get("reasonCode"));
    }
}
