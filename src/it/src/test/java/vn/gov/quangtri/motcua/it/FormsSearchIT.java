package vn.gov.quangtri.motcua.it;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import java.net.URL;
import java.util.List;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import vn.gov.quangtri.motcua.it.TestAccounts.Account;

/**
 * Issue 9 items 6 and 12 over REST on the deployed EAR: form 04 and the written reply of a rejected dossier
 * are signed by the leader (full name), never the desk officer; procedure search ranks "Tách hộ" first for
 * a commune desk; dossiers are found by the applicant's ID number and phone.
 */
@MotcuaIT
class FormsSearchIT {

    private static final String VINH_LINH = "QT25.XA_VINH_LINH";
    private static final Account DESK = TestAccounts.DESK_VINH_LINH;
    private static final Account SPECIALIST = TestAccounts.SPECIALIST_VINH_LINH;
    private static final Account LEADER = TestAccounts.LEADER_VINH_LINH;

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return EarDeployment.ear();
    }

    @ArquillianResource
    URL url;

    private RequestSpecification as(Account account) {
        return TestAccounts.as(url, account);
    }

    private ValidatableResponse act(String code, String verb, Account actor, Map<String, Object> body) {
        return as(actor).body(body).when().post("/dossiers/" + code + "/" + verb).then();
    }

    /** A marriage-status certificate (1.004873) received at the Vĩnh Linh desk now. */
    private String receive(String name, String idNumber, String phone) {
        return receive(name, idNumber, phone, null);
    }

    /** The same, received at {@code submittedAt} (ISO offset time), or now when null. */
    private String receive(String name, String idNumber, String phone, String submittedAt) {
        Map<String, Object> body = new java.util.HashMap<>(Map.of("procedureCode", "1.004873",
            "receivingAgencyCode", VINH_LINH,
            "applicant", Map.of("kind", "INDIVIDUAL", "name", name, "idNumber", idNumber, "phone", phone),
            "documents", List.of(Map.of("requiredPosition", 1, "form", "ORIGINAL"), Map.of("requiredPosition", 2, "form", "COPY"))));
        if (submittedAt != null) {
            body.put("submittedAt", submittedAt);
        }
        return as(DESK).body(body).when().post("/dossiers").then().statusCode(201).extract().path("code");
    }

    private byte[] form(String code, String form) {
        return as(DESK).when().get("/dossiers/" + code + "/forms/" + form).then().statusCode(200)
            .contentType("application/pdf").extract().asByteArray();
    }

    private static String flat(byte[] pdf) throws Exception {
        return Pdfs.text(pdf).replaceAll("\\s+", " ");
    }

    @Test
    @DisplayName("Form 04 recorded by the desk officer is signed by the commune's leader Trần Quốc Tuấn, not by Lê Thị Hoa")
    void apologySignedByTheLeader() throws Exception {
        // received Mon 2 Mar 2026 10:00, due Thu 5 Mar: overdue, so an apology is accepted
        String code = receive("Phan Văn Hậu", "045085004321", "0912 000 401", "2026-03-02T10:00:00+07:00");
        String today10 = java.time.LocalDate.now(java.time.ZoneId.of("Asia/Ho_Chi_Minh")) + "T10:00:00+07:00";
        String newDue = given().spec(TestServer.api(url)).queryParam("from", today10).queryParam("workingDays", 5)
            .when().get("/calendar/due-date").then().statusCode(200).extract().path("dueAt");
        act(code, "reschedule", DESK, Map.of("newDueAt", newDue, "reason", "Chờ xác minh tình trạng hôn nhân tại nơi cư trú trước"))
            .statusCode(200);
        String text = flat(form(code, "apology"));
        assertTrue(text.contains("Chờ xác minh tình trạng hôn nhân tại nơi cư trú trước"), text);
        String signature = text.substring(text.lastIndexOf("THỦ TRƯỞNG CƠ QUAN GIẢI QUYẾT"));
        assertTrue(signature.contains(LEADER.fullName()), text);
        assertFalse(text.contains(DESK.fullName()), "the desk officer does not sign for the agency head: " + text);
    }

    @Test
    @DisplayName("A rejected dossier has its written reply (rejection-reply) with the reason, signed by the rejecting leader")
    void rejectionReply() throws Exception {
        String code = receive("Đoàn Thị Nhung", "045190004322", "0912000402");
        as(DESK).when().get("/dossiers/" + code + "/forms/rejection-reply").then()
            .statusCode(409).body("reason", equalTo("FORM_NOT_APPLICABLE"));
        act(code, "complete-step", DESK, Map.of()).statusCode(200);
        act(code, "complete-step", SPECIALIST, Map.of()).statusCode(200);
        String reason = "Người yêu cầu đang có đăng ký kết hôn với người khác chưa chấm dứt";
        act(code, "reject", LEADER, Map.of("reason", reason)).statusCode(200).body("status", equalTo("NOT_APPROVED"));
        byte[] pdf = form(code, "rejection-reply");
        String text = flat(pdf);
        assertTrue(text.contains("VĂN BẢN TRẢ LỜI / THÔNG BÁO KHÔNG GIẢI QUYẾT HỒ SƠ"), text);
        assertTrue(text.contains(reason), text);
        assertTrue(text.contains("Kính gửi: Đoàn Thị Nhung"), text);
        assertTrue(text.substring(text.lastIndexOf("THỦ TRƯỞNG CƠ QUAN GIẢI QUYẾT")).contains(LEADER.fullName()), text);
        assertTrue(code.equals(Pdfs.qr(pdf)));
    }

    @Test
    @DisplayName("'tach ho' for the Vĩnh Linh desk: Tách hộ (1.010038) first, with its documents; unknown desk agency → 404")
    void procedureSearch() {
        given().spec(TestServer.api(url)).queryParam("q", "tach ho").queryParam("agency", VINH_LINH)
            .when().get("/procedures").then().statusCode(200)
            .body("items[0].code", equalTo("1.010038")).body("items[0].name", equalTo("Tách hộ"));
        given().spec(TestServer.api(url)).queryParam("q", "tach ho").when().get("/procedures").then().statusCode(200)
            .body("items[0].code", equalTo("1.010038"));
        given().spec(TestServer.api(url)).queryParam("q", "tach ho").queryParam("agency", "NO.SUCH")
            .when().get("/procedures").then().statusCode(404);
        given().spec(TestServer.api(url)).when().get("/procedures/1.010038").then().statusCode(200)
            .body("reviewed", equalTo(true)).body("documents", hasSize(4));
    }

    @Test
    @DisplayName("GET /dossiers?idNumber=…&phone=…: exact match after removing spaces")
    void dossierSearchByIdNumberAndPhone() {
        String code = receive("Lưu Văn Tâm", "045070009876", "0913 222 333");
        String other = receive("Lưu Văn Tâm", "045070009877", "0913222334");
        as(DESK).queryParam("idNumber", "045 070 009876").when().get("/dossiers").then().statusCode(200)
            .body("total", equalTo(1)).body("items.code", hasItem(code));
        as(DESK).queryParam("phone", "0913222333").when().get("/dossiers").then().statusCode(200)
            .body("total", equalTo(1)).body("items[0].code", equalTo(code));
        as(DESK).queryParam("phone", "0913 222 334").when().get("/dossiers").then().statusCode(200)
            .body("items.code", hasItem(other)).body("items.code", not(hasItem(code)));
        as(DESK).queryParam("idNumber", "04507000987").when().get("/dossiers").then().statusCode(200)
            .body("total", equalTo(0));
    }
}
