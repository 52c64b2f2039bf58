package vn.gov.quangtri.motcua.it;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import java.net.URL;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * A dossier's whole life over REST on the deployed EAR and the round's database, and the problem
 * answers for bad input, broken rules and illegal transitions (nothing half-stored).
 */
@MotcuaIT
class DossierApiIT {

    private static final String VINH_LINH = "QT25.XA_VINH_LINH";

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return EarDeployment.ear();
    }

    @ArquillianResource
    URL url;

    private RequestSpecification as(String actor) {
        return given().spec(TestServer.api(url)).header("X-Actor", actor).contentType(ContentType.JSON);
    }

    private static Map<String, Object> applicant(String name) {
        return Map.of("kind", "INDIVIDUAL", "name", name, "idNumber", "045090001111", "phone", "0912000111",
            "address", "Thôn Tây, xã Vĩnh Linh, tỉnh Quảng Trị");
    }

    /** Both components of 1.004873 (marriage status certificate), handed in as originals. */
    private static final List<Map<String, Object>> CERTIFICATE_DOCS = List.of(
        Map.of("requiredPosition", 1, "form", "ORIGINAL"), Map.of("requiredPosition", 2, "form", "COPY"));

    private static Map<String, Object> landDossier(String submittedAt) {
        List<Map<String, Object>> docs = new ArrayList<>();
        for (int i = 1; i <= 4; i++) {
            docs.add(Map.of("requiredPosition", i, "form", "ORIGINAL", "quantity", 1));
        }
        return Map.of("procedureCode", "H50-L006", "receivingAgencyCode", VINH_LINH, "channel", "DIRECT",
            "applicant", applicant("Hoàng Văn Bình"), "documents", docs, "submittedAt", submittedAt);
    }

    private ValidatableResponse act(String code, String verb, String actor, Map<String, Object> body) {
        return as(actor).body(body).when().post("/dossiers/" + code + "/" + verb).then();
    }

    @Test
    @DisplayName("First land registration at a commune: code, legal due date, every step to return, history and class")
    void landDossierWholeLife() {
        // Received Mon 2 Mar 2026 10:00; 23 working days (no holiday in March 2026): Mar 3–6 (4),
        // 9–13 (9), 16–20 (14), 23–27 (19), 30, 31, Apr 1 (22), Thu 2 Apr (23) → 2026-04-02 10:00.
        String location = as("motcua.vinhlinh").body(landDossier("2026-03-02T10:00:00+07:00"))
            .when().post("/dossiers")
            .then().statusCode(201)
            .body("code", matchesPattern("000\\.00\\.60\\.H50-260302-\\d{4}"))
            .body("status", equalTo("RECEIVED"))
            .body("portalStatus", equalTo(2))
            .body("regime", equalTo("DECREE_118_2025"))
            .body("receivedAt", equalTo("2026-03-02T10:00:00+07:00"))
            .body("dueAt", equalTo("2026-04-02T10:00:00+07:00"))
            .body("procedure.code", equalTo("H50-L006"))
            .body("currentStep.position", equalTo(1))
            .body("steps", hasSize(6))
            .extract().header("Location");
        String code = location.substring(location.lastIndexOf('/') + 1);
        assertTrue(location.endsWith("/motcua/api/v1/dossiers/" + code), location);

        byte[] slip = given().spec(TestServer.api(url)).when().get("/dossiers/" + code + "/forms/receipt-slip").then()
            .statusCode(200).contentType("application/pdf").extract().asByteArray();
        assertEquals("%PDF", new String(slip, 0, 4, java.nio.charset.StandardCharsets.US_ASCII));
        act(code, "complete-step", "motcua.vinhlinh", Map.of("note", "Chuyển công chức địa chính"))
            .statusCode(200).body("status", equalTo("IN_PROCESS")).body("currentStep.position", equalTo(2));
        act(code, "assign", "truongphong", Map.of("handler", "diachinh.vinhlinh")).statusCode(200)
            .body("currentStep.handler", equalTo("diachinh.vinhlinh"));
        act(code, "complete-step", "diachinh.vinhlinh", Map.of("note", "Đã xác minh hiện trạng")).statusCode(200);
        act(code, "complete-step", "vpdkdd", Map.of()).statusCode(200).body("currentStep.position", equalTo(4));
        // Land: the financial obligation time is excluded (Decree 101/2024); the dossier is already past its
        // appointment, so the pause does not move it.
        act(code, "request-financial-obligation", "thue", Map.of("reason", "Nộp lệ phí trước bạ và tiền sử dụng đất"))
            .statusCode(200).body("status", equalTo("WAITING_FINANCIAL_OBLIGATION")).body("portalStatus", equalTo(6))
            .body("pausedAt", notNullValue());
        act(code, "resume", "thue", Map.of("note", "Đã nộp")).statusCode(200)
            .body("status", equalTo("IN_PROCESS")).body("dueAt", equalTo("2026-04-02T10:00:00+07:00"));
        // Apology with a new appointment (form 04): once only; the original appointment stays.
        act(code, "reschedule", "lanhdao", Map.of("newDueAt", "2026-12-31T10:00:00+07:00",
                "reason", "Chờ cơ quan thuế xác định nghĩa vụ tài chính")).statusCode(200)
            .body("rescheduledDueAt", equalTo("2026-12-31T10:00:00+07:00"))
            .body("dueAt", equalTo("2026-04-02T10:00:00+07:00"));
        act(code, "reschedule", "lanhdao", Map.of("newDueAt", "2027-01-15T10:00:00+07:00", "reason", "lần hai"))
            .statusCode(409).body("reason", equalTo("ALREADY_RESCHEDULED"));
        given().spec(TestServer.api(url)).when().get("/dossiers/" + code + "/forms/apology").then()
            .statusCode(200).contentType("application/pdf");
        act(code, "approve", "lanhdao", Map.of()).statusCode(409).body("reason", equalTo("NOT_APPROVAL_STEP"));
        act(code, "complete-step", "thue", Map.of()).statusCode(200).body("currentStep.kind", equalTo("APPROVAL"));
        act(code, "complete-step", "lanhdao", Map.of()).statusCode(409).body("reason", equalTo("APPROVAL_STEP"));
        act(code, "approve", "lanhdao", Map.of("note", "Ký GCN")).statusCode(200);
        act(code, "return-result", "motcua.vinhlinh", Map.of("receivedBy", "Hoàng Văn Bình"))
            .statusCode(409).body("reason", equalTo("ILLEGAL_TRANSITION"));
        act(code, "complete-step", "vanthu", Map.of()).statusCode(200)
            .body("status", equalTo("RESULT_READY")).body("portalStatus", equalTo(9))
            .body("currentStep", nullValue())
            // Finished now (after 2 Apr 2026): late.
            .body("timeliness", equalTo("LATE"));
        act(code, "return-result", "motcua.vinhlinh", Map.of("receivedBy", "Hoàng Văn Bình", "method", "DIRECT"))
            .statusCode(200).body("status", equalTo("RETURNED")).body("portalStatus", equalTo(10));

        given().spec(TestServer.api(url)).when().get("/dossiers/" + code).then().statusCode(200)
            .body("status", equalTo("RETURNED"))
            .body("timeliness", equalTo("LATE"))
            .body("returnedTo", equalTo("Hoàng Văn Bình"))
            .body("history.action", equalTo(List.of("RECEIVE", "COMPLETE_STEP", "ASSIGN", "COMPLETE_STEP",
                "COMPLETE_STEP", "REQUEST_FINANCIAL_OBLIGATION", "RESUME", "RESCHEDULE", "COMPLETE_STEP", "APPROVE",
                "COMPLETE_STEP", "RETURN_RESULT")))
            .body("history.actor", hasItem("diachinh.vinhlinh"))
            .body("history[0].at", equalTo("2026-03-02T10:00:00+07:00"))
            .body("history[0].recordedAt", org.hamcrest.Matchers.startsWith("20"))
            .body("history[0].recordedAt", org.hamcrest.Matchers.not(equalTo("2026-03-02T10:00:00+07:00")))
            .body("history[5].fromStatus", equalTo("IN_PROCESS"))
            .body("history[5].toStatus", equalTo("WAITING_FINANCIAL_OBLIGATION"))
            .body("history[5].reason", equalTo("Nộp lệ phí trước bạ và tiền sử dụng đất"))
            .body("steps.timeliness", hasItem("LATE"))
            .body("steps.completedAt", org.hamcrest.Matchers.everyItem(notNullValue()));
        given().spec(TestServer.api(url)).when().get("/dossiers/" + code + "/forms/control-sheet").then()
            .statusCode(200).contentType("application/pdf");
    }

    @Test
    @DisplayName("A dossier received now: appointment equals the calendar endpoint's; finished at once → EARLY")
    void receivedNowIsEarly() {
        Map<String, Object> body = Map.of("procedureCode", "1.004873", "receivingAgencyCode", VINH_LINH,
            "applicant", applicant("Nguyễn Thị Ánh"), "documents", CERTIFICATE_DOCS);
        ValidatableResponse created = as("motcua.vinhlinh").body(body).when().post("/dossiers").then().statusCode(201);
        String code = created.extract().path("code");
        String clockStart = created.extract().path("clockStartedAt");
        String dueAt = created.extract().path("dueAt");
        String expected = given().spec(TestServer.api(url)).queryParam("from", clockStart).queryParam("workingDays", 3)
            .when().get("/calendar/due-date").then().statusCode(200).extract().path("dueAt");
        assertEquals(expected, dueAt, "the services and the calendar endpoint use the same calendar");
        for (String verb : List.of("complete-step", "complete-step", "approve", "complete-step")) {
            act(code, verb, "canbo", Map.of()).statusCode(200);
        }
        given().spec(TestServer.api(url)).get("/dossiers/" + code).then()
            .body("status", equalTo("RESULT_READY")).body("timeliness", equalTo("EARLY"));
    }

    @Test
    @DisplayName("Before 1/7/2025 a dossier is received by a pre-merger commune under Decree 61/2018; afterwards it is refused")
    void regimeAndAgencyValidity() {
        Map<String, Object> old = Map.of("procedureCode", "1.004873", "receivingAgencyCode", "QT.D464.THI_TRAN_HO_XA",
            "applicant", applicant("Lê Văn Hải"), "documents", CERTIFICATE_DOCS, "submittedAt", "2025-06-02T09:00:00+07:00");
        as("motcua.hoxa").body(old).when().post("/dossiers").then().statusCode(201)
            .body("code", matchesPattern("000\\.01\\.C8\\.H50-250602-\\d{4}"))
            .body("regime", equalTo("DECREE_61_2018"));
        Map<String, Object> late = Map.of("procedureCode", "1.004873", "receivingAgencyCode", "QT.D464.THI_TRAN_HO_XA",
            "applicant", applicant("Lê Văn Hải"), "documents", CERTIFICATE_DOCS, "submittedAt", "2026-03-02T09:00:00+07:00");
        as("motcua.hoxa").body(late).when().post("/dossiers").then().statusCode(422)
            .body("reason", equalTo("AGENCY_NOT_VALID"));
    }

    @Test
    @DisplayName("Bad input answers 400/404/409/422 problems and stores nothing (the daily number is not consumed)")
    void problems() {
        String day = "2026-03-03T09:00:00+07:00";
        Map<String, Object> ok = Map.of("procedureCode", "1.004873", "receivingAgencyCode", "QT25.XA_CUA_TUNG",
            "applicant", applicant("Trần Văn An"), "documents", CERTIFICATE_DOCS, "submittedAt", day);
        String first = as("desk").body(ok).when().post("/dossiers").then().statusCode(201).extract().path("code");

        as("desk").body("{\"procedureCode\": ").when().post("/dossiers").then().statusCode(400)
            .contentType("application/problem+json").body("reason", equalTo("MALFORMED_JSON"));
        as("desk").body(Map.of("procedureCode", "1.004873", "receivingAgencyCode", "QT25.XA_CUA_TUNG", "channel", "FAX",
                "applicant", Map.of("kind", "INDIVIDUAL"))).when().post("/dossiers").then().statusCode(400)
            .body("reason", equalTo("INVALID_INPUT"))
            .body("errors", hasItem("applicant.name: required"))
            .body("errors", hasItem("channel: one of [DIRECT, ONLINE, POSTAL]"));
        as("desk").body(Map.of("procedureCode", "0.000000", "receivingAgencyCode", "QT25.XA_CUA_TUNG",
                "applicant", applicant("X"), "submittedAt", day)).when().post("/dossiers").then().statusCode(422)
            .body("reason", equalTo("UNKNOWN_PROCEDURE"));
        // A catalogue procedure without a time limit cannot receive (C06(d)).
        as("desk").body(Map.of("procedureCode", "1.000016", "receivingAgencyCode", "QT25.XA_CUA_TUNG",
                "applicant", applicant("X"), "submittedAt", day)).when().post("/dossiers").then().statusCode(422)
            .body("reason", equalTo("TIME_LIMIT_MISSING"));
        // An incomplete land dossier: all four missing components listed at once.
        as("desk").body(Map.of("procedureCode", "H50-L006", "receivingAgencyCode", "QT25.XA_CUA_TUNG",
                "applicant", applicant("X"), "submittedAt", day)).when().post("/dossiers").then().statusCode(422)
            .body("reason", equalTo("INCOMPLETE_DOSSIER")).body("errors", hasSize(4));
        as("desk").body(Map.of("procedureCode", "1.004873", "receivingAgencyCode", "QT25.SNV",
                "applicant", applicant("X"), "submittedAt", day)).when().post("/dossiers").then().statusCode(422)
            .body("reason", equalTo("NOT_A_RECEIVING_UNIT"));
        as("desk").body(Map.of("procedureCode", "1.004873", "receivingAgencyCode", "QT25.XA_CUA_TUNG",
                "applicant", applicant("X"), "submittedAt", "2099-01-01T09:00:00+07:00")).when().post("/dossiers")
            .then().statusCode(422).body("reason", equalTo("FUTURE_TIME"));

        String second = as("desk").body(ok).when().post("/dossiers").then().statusCode(201).extract().path("code");
        assertEquals(number(first) + 1, number(second), "refused requests consumed no dossier number");

        given().spec(TestServer.api(url)).get("/dossiers/000.00.00.H50-200101-0001").then().statusCode(404)
            .body("reason", equalTo("NOT_FOUND"));
        given().spec(TestServer.api(url)).get("/dossiers/HS-2026-000123").then().statusCode(400);
        given().spec(TestServer.api(url)).get("/no-such-resource").then().statusCode(404)
            .contentType("application/problem+json");

        // C23: an action based on a stale version is refused; the history keeps only the real action.
        long version = ((Number) given().spec(TestServer.api(url)).get("/dossiers/" + second).path("version")).longValue();
        act(second, "complete-step", "officer.a", Map.of("expectedVersion", version)).statusCode(200);
        act(second, "request-supplement", "officer.b", Map.of("items", List.of("Bản sao CCCD"), "expectedVersion", version))
            .statusCode(409).body("reason", equalTo("CONCURRENT_CHANGE"));
        act(second, "request-supplement", "officer.b", Map.of("items", List.of()))
            .statusCode(422).body("reason", equalTo("ITEMS_REQUIRED"));
        act(second, "reject", "officer.b", Map.of("reason", "x")).statusCode(409);
        given().spec(TestServer.api(url)).get("/dossiers/" + second).then()
            .body("history.action", equalTo(List.of("RECEIVE", "COMPLETE_STEP")))
            .body("status", equalTo("IN_PROCESS"));

        // Every action bumps the version, an assignment too: a second officer's stale assignment is refused.
        long v = ((Number) given().spec(TestServer.api(url)).get("/dossiers/" + second).path("version")).longValue();
        act(second, "assign", "truongphong", Map.of("handler", "cv.a", "expectedVersion", v)).statusCode(200)
            .body("version", equalTo((int) v + 1));
        act(second, "assign", "phophong", Map.of("handler", "cv.b", "expectedVersion", v)).statusCode(409);
        // Over-long text and unknown values are refused with a problem, never a 500.
        act(second, "complete-step", "cv.a", Map.of("note", "N".repeat(4001))).statusCode(422)
            .body("reason", equalTo("TEXT_TOO_LONG"));
        act(second, "assign", "truongphong", Map.of("handler", "h".repeat(300))).statusCode(422);
        act(second, "stop", "desk", Map.of("reason", "R".repeat(5000))).statusCode(422);
        given().spec(TestServer.api(url)).get("/dossiers/" + second).then()
            .body("currentStep.handler", equalTo("cv.a")).body("status", equalTo("IN_PROCESS"));
        // Components: only existing positions, each once; a position alone takes the component's name.
        as("desk").body(Map.of("procedureCode", "1.004873", "receivingAgencyCode", "QT25.XA_CUA_TUNG",
                "applicant", applicant("X"), "submittedAt", day,
                "documents", List.of(Map.of("requiredPosition", 9)))).when().post("/dossiers").then().statusCode(422)
            .body("reason", equalTo("UNKNOWN_COMPONENT"));
        as("desk").body(Map.of("procedureCode", "1.004873", "receivingAgencyCode", "QT25.XA_CUA_TUNG",
                "applicant", applicant("X"), "submittedAt", day,
                "documents", List.of(Map.of("requiredPosition", 1), Map.of("requiredPosition", 1))))
            .when().post("/dossiers").then().statusCode(422).body("reason", equalTo("DUPLICATE_COMPONENT"));
        given().spec(TestServer.api(url)).get("/dossiers/" + second).then()
            .body("documents[0].name", equalTo("Tờ khai cấp Giấy xác nhận tình trạng hôn nhân"));
        // A year without a configured holiday schedule is refused rather than computed on weekends only.
        as("desk").body(Map.of("procedureCode", "1.004873", "receivingAgencyCode", "QT.D464",
                "applicant", applicant("X"), "documents", CERTIFICATE_DOCS, "submittedAt", "2019-05-02T09:00:00+07:00"))
            .when().post("/dossiers").then().statusCode(422).body("reason", equalTo("CALENDAR_YEAR_MISSING"));
        // A Vietnamese actor name arrives percent-encoded and is recorded decoded.
        given().spec(TestServer.api(url)).header("X-Actor", "Nguy%E1%BB%85n%20V%C4%83n%20A").contentType(ContentType.JSON)
            .body(Map.of("note", "ok")).when().post("/dossiers/" + second + "/complete-step").then().statusCode(200)
            .body("history[-1].actor", equalTo("Nguyễn Văn A"));
        act(second, "approve", "ld", Map.of()).statusCode(200);
        act(second, "complete-step", "vt", Map.of()).statusCode(200).body("status", equalTo("RESULT_READY"));
        act(second, "return-result", "desk", Map.of("receivedBy", "Trần Văn An", "method", "PIGEON")).statusCode(422)
            .body("reason", equalTo("UNKNOWN_RETURN_METHOD"))
            .body("instance", equalTo("/motcua/api/v1/dossiers/" + second + "/return-result"));
    }

    @Test
    @DisplayName("Online submission waits for the check; supplement at intake, then acceptance starts the clock")
    void onlineIntake() {
        Map<String, Object> body = Map.of("procedureCode", "1.004194", "receivingAgencyCode", "QT25.XA_CUA_VIET",
            "channel", "ONLINE", "applicant", applicant("Vũ Đức Thắng"), "submittedAt", "2026-03-08T10:00:00+07:00");
        String code = as("dvcqg").body(body).when().post("/dossiers").then().statusCode(201)
            .body("status", equalTo("SUBMITTED_ONLINE")).body("portalStatus", equalTo(1))
            .body("dueAt", nullValue()).body("$", org.hamcrest.Matchers.hasKey("dueAt")).extract().path("code");
        given().spec(TestServer.api(url)).when().get("/dossiers/" + code + "/forms/receipt-slip").then().statusCode(409)
            .contentType("application/problem+json").body("reason", equalTo("NOT_RECEIVED"));
        act(code, "request-supplement", "motcua.cuaviet", Map.of("items", List.of("Tờ khai CT01 chưa ký", "Thiếu giấy tờ chỗ ở")))
            .statusCode(200).body("status", equalTo("SUPPLEMENT_REQUESTED_AT_INTAKE"))
            .body("history[1].reason", equalTo("1. Tờ khai CT01 chưa ký\n2. Thiếu giấy tờ chỗ ở"));
        given().spec(TestServer.api(url)).when().get("/dossiers/" + code + "/forms/supplement-request").then()
            .statusCode(200).contentType("application/pdf");
        given().spec(TestServer.api(url)).when().get("/dossiers/" + code + "/forms/refusal-slip").then()
            .statusCode(409).body("reason", equalTo("FORM_NOT_APPLICABLE"));
        given().spec(TestServer.api(url)).when().get("/dossiers/" + code + "/forms/no-such-form").then().statusCode(404);
        act(code, "accept", "motcua.cuaviet", Map.of()).statusCode(200).body("status", equalTo("RECEIVED"))
            .body("dueAt", notNullValue()).body("timeLeft.overdue", equalTo(false));
        act(code, "refuse", "motcua.cuaviet", Map.of("reason", "x")).statusCode(409);
    }

    @Test
    @DisplayName("Search: by applicant name without diacritics, status and receiving unit; bad filters are 400")
    void search() {
        String unique = "Đinh Thị Tìm " + System.nanoTime();
        Map<String, Object> body = Map.of("procedureCode", "1.004873", "receivingAgencyCode", "QT25.XA_CUA_VIET",
            "applicant", applicant(unique), "documents", CERTIFICATE_DOCS, "submittedAt", "2026-03-05T09:30:00+07:00");
        String code = as("desk").body(body).when().post("/dossiers").then().statusCode(201).extract().path("code");
        String folded = "dinh thi tim " + unique.substring(unique.lastIndexOf(' ') + 1);
        given().spec(TestServer.api(url)).queryParam("applicant", folded).when().get("/dossiers").then().statusCode(200)
            .body("total", equalTo(1)).body("items[0].code", equalTo(code))
            .body("items[0].applicantName", equalTo(unique)).body("items[0].status", equalTo("RECEIVED"))
            .body("items[0].dueAt", equalTo("2026-03-10T09:30:00+07:00"));
        given().spec(TestServer.api(url)).queryParam("applicant", folded).queryParam("status", "RETURNED")
            .when().get("/dossiers").then().statusCode(200).body("total", equalTo(0));
        given().spec(TestServer.api(url)).queryParam("agency", "QT25.XA_CUA_VIET")
            .queryParam("receivedFrom", "2026-03-05").queryParam("receivedTo", "2026-03-06")
            .when().get("/dossiers").then().statusCode(200).body("items.code", hasItem(code));
        given().spec(TestServer.api(url)).queryParam("status", "LOST").when().get("/dossiers").then().statusCode(400);
        given().spec(TestServer.api(url)).queryParam("limit", "9999").when().get("/dossiers").then().statusCode(400);
    }

    @Test
    @DisplayName("C22: eight desks receiving at once get eight different consecutive numbers")
    void concurrentReceipts() throws Exception {
        Map<String, Object> body = Map.of("procedureCode", "1.004873", "receivingAgencyCode", "QT25.PHUONG_DONG_HA",
            "applicant", applicant("Đặng Văn Hùng"), "documents", CERTIFICATE_DOCS, "submittedAt", "2026-03-04T14:00:00+07:00");
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Callable<String>> calls = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            calls.add(() -> as("desk" + Thread.currentThread().getId()).body(body).when().post("/dossiers")
                .then().statusCode(201).extract().path("code"));
        }
        TreeSet<Integer> numbers = new TreeSet<>();
        for (Future<String> f : pool.invokeAll(calls)) {
            numbers.add(number(f.get()));
        }
        pool.shutdown();
        assertEquals(8, numbers.size(), "no duplicate code");
        assertEquals(7, numbers.last() - numbers.first(), "consecutive numbers, none skipped");
    }

    private static int number(String code) {
        return Integer.parseInt(code.substring(code.length() - 4));
    }
}
