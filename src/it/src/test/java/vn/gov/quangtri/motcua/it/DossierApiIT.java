package vn.gov.quangtri.motcua.it;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
import vn.gov.quangtri.motcua.it.TestAccounts.Account;

/**
 * A dossier's whole life over REST on the deployed EAR and the round's database, and the problem
 * answers for bad input, broken rules and illegal transitions (nothing half-stored). Every call is made
 * as a real account with HTTP Basic: the demonstration accounts of Xã Vĩnh Linh, and test accounts of the
 * other units ({@link TestAccounts}); the history names the account that acted.
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

    /** A request as this account (HTTP Basic); test accounts of other units are created when first used. */
    private RequestSpecification as(Account account) {
        return TestAccounts.as(url, account);
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

    private ValidatableResponse act(String code, String verb, Account actor, Map<String, Object> body) {
        return as(actor).body(body).when().post("/dossiers/" + code + "/" + verb).then();
    }

    @Test
    @DisplayName("First land registration at a commune, desk → specialist → leader → desk: code, legal due date, every step to return, history and class")
    void landDossierWholeLife() {
        Account desk = TestAccounts.DESK_VINH_LINH;
        Account specialist = TestAccounts.SPECIALIST_VINH_LINH;
        Account leader = TestAccounts.LEADER_VINH_LINH;
        // Received Mon 2 Mar 2026 10:00; 23 working days (no holiday in March 2026): Mar 3–6 (4),
        // 9–13 (9), 16–20 (14), 23–27 (19), 30, 31, Apr 1 (22), Thu 2 Apr (23) → 2026-04-02 10:00.
        String location = as(desk).body(landDossier("2026-03-02T10:00:00+07:00"))
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

        byte[] slip = as(desk).when().get("/dossiers/" + code + "/forms/receipt-slip").then()
            .statusCode(200).contentType("application/pdf").extract().asByteArray();
        assertEquals("%PDF", new String(slip, 0, 4, java.nio.charset.StandardCharsets.US_ASCII));
        act(code, "complete-step", desk, Map.of("note", "Chuyển công chức địa chính"))
            .statusCode(200).body("status", equalTo("IN_PROCESS")).body("currentStep.position", equalTo(2));
        act(code, "assign", leader, Map.of("handler", specialist.username())).statusCode(200)
            .body("currentStep.handler", equalTo(specialist.username()));
        act(code, "complete-step", specialist, Map.of("note", "Đã xác minh hiện trạng")).statusCode(200)
            .body("currentStep.position", equalTo(3));
        // Steps 3 (land registration office) and 4 (tax authority) are the procedure's inter-agency legs: no
        // officer of the commune completes them; the co-operating agencies' results do (issue 9 §3).
        int before = as(desk).get("/dossiers/" + code).then().extract().path("version");
        act(code, "complete-step", specialist, Map.of("expectedVersion", before)).statusCode(409)
            .contentType("application/problem+json").body("reason", equalTo("STEP_OF_PARTNER_AGENCY"));
        as(desk).get("/dossiers/" + code).then().body("version", equalTo(before)).body("currentStep.position", equalTo(3))
            .body("history", hasSize(4));
        // A partner system (played by this test) serves the land office and the tax authority; its code sorts
        // first so that it is the one a transfer goes to.
        String[] served = {"QT25.SNNMT", "QT25.THUE"};
        TestPartners.Partner partner = TestPartners.register(url, "AA-LAND", served);
        try {
            act(code, "transfer", specialist, Map.of("leg", 1, "receivingAgencyCode", "QT25.SNNMT",
                "note", "Chuyển cập nhật hồ sơ địa chính", "expectedVersion", before)).statusCode(200)
                .body("status", equalTo("WAITING_INTERAGENCY"));
            String leg1 = as(desk).get("/dossiers/" + code + "/transfers").then().statusCode(200)
                .body("leg", equalTo(List.of(1))).extract().path("[0].transferId");
            String yymmdd = code.substring(code.indexOf('-') + 1, code.lastIndexOf('-'));
            TestPartners.answer(url, partner, "acknowledge", leg1, "ACKNOWLEDGED", "000.00.07.H50-" + yymmdd + "-0001", null);
            TestPartners.answer(url, partner, "return-result", leg1, "RESULT_RETURNED", "000.00.07.H50-" + yymmdd + "-0001",
                "Đã cập nhật hồ sơ địa chính");
            // Leg 1's result completes step 3 and passes the dossier straight on to the tax authority (leg 2).
            String leg2 = as(desk).get("/dossiers/" + code + "/transfers").then()
                .body("leg", equalTo(List.of(1, 2))).body("[0].status", equalTo("RESULT_RETURNED"))
                .extract().path("[1].transferId");
            as(desk).get("/dossiers/" + code).then().body("status", equalTo("WAITING_INTERAGENCY"))
                .body("currentStep.position", equalTo(4)).body("steps[2].completedAt", notNullValue());
            TestPartners.answer(url, partner, "acknowledge", leg2, "ACKNOWLEDGED", "000.00.18.H50-" + yymmdd + "-0001", null);
            TestPartners.answer(url, partner, "return-result", leg2, "RESULT_RETURNED", "000.00.18.H50-" + yymmdd + "-0001",
                "Thông báo nộp tiền sử dụng đất và lệ phí trước bạ");
        } finally {
            TestPartners.deactivate(url, partner, served);
        }
        // The tax notice is back at step 5 (signing). Land: the financial obligation time is excluded
        // (Decree 101/2024); the dossier is already past its appointment, so the pause does not move it.
        as(desk).get("/dossiers/" + code).then().body("status", equalTo("IN_PROCESS"))
            .body("currentStep.position", equalTo(5)).body("currentStep.kind", equalTo("APPROVAL"));
        act(code, "request-financial-obligation", specialist, Map.of("reason", "Nộp lệ phí trước bạ và tiền sử dụng đất"))
            .statusCode(200).body("status", equalTo("WAITING_FINANCIAL_OBLIGATION")).body("portalStatus", equalTo(6))
            .body("pausedAt", notNullValue());
        // The applicant brings the tax receipt to the desk.
        act(code, "resume", desk, Map.of("note", "Đã nộp")).statusCode(200)
            .body("status", equalTo("IN_PROCESS")).body("dueAt", equalTo("2026-04-02T10:00:00+07:00"));
        // Apology with a new appointment (form 04): in the future, on a working day in office hours, once
        // only; the original appointment stays. The new date: 5 working days from today 10:00 (Vietnam).
        String today10 = java.time.LocalDate.now(java.time.ZoneId.of("Asia/Ho_Chi_Minh")) + "T10:00:00+07:00";
        String newDue = given().spec(TestServer.api(url)).queryParam("from", today10).queryParam("workingDays", 5)
            .when().get("/calendar/due-date").then().statusCode(200).extract().path("dueAt");
        act(code, "reschedule", leader, Map.of("newDueAt", "2026-04-10T10:00:00+07:00", "reason", "Ngày đã qua"))
            .statusCode(422).body("reason", equalTo("NEW_DATE_IN_PAST"));
        String sunday = java.time.LocalDate.parse(newDue.substring(0, 10))
            .with(java.time.temporal.TemporalAdjusters.next(java.time.DayOfWeek.SUNDAY)) + "T10:00:00+07:00";
        act(code, "reschedule", leader, Map.of("newDueAt", sunday, "reason", "Chủ nhật"))
            .statusCode(422).body("reason", equalTo("NEW_DATE_NOT_OFFICE_TIME"));
        act(code, "reschedule", leader, Map.of("newDueAt", newDue,
                "reason", "Chờ cơ quan thuế xác định nghĩa vụ tài chính")).statusCode(200)
            .body("rescheduledDueAt", equalTo(newDue))
            .body("dueAt", equalTo("2026-04-02T10:00:00+07:00"));
        act(code, "reschedule", leader, Map.of("newDueAt", newDue, "reason", "lần hai"))
            .statusCode(409).body("reason", equalTo("ALREADY_RESCHEDULED"));
        as(desk).when().get("/dossiers/" + code + "/forms/apology").then()
            .statusCode(200).contentType("application/pdf");
        act(code, "complete-step", leader, Map.of()).statusCode(409).body("reason", equalTo("APPROVAL_STEP"));
        act(code, "approve", leader, Map.of("note", "Ký GCN")).statusCode(200);
        act(code, "return-result", desk, Map.of("receivedBy", "Hoàng Văn Bình"))
            .statusCode(409).body("reason", equalTo("ILLEGAL_TRANSITION"));
        // Records-clerk step (văn thư): done by the specialist, the commune has no clerk account.
        act(code, "complete-step", specialist, Map.of()).statusCode(200)
            .body("status", equalTo("RESULT_READY")).body("portalStatus", equalTo(9))
            .body("currentStep", nullValue())
            // Finished now (after 2 Apr 2026): late.
            .body("timeliness", equalTo("LATE"));
        act(code, "return-result", desk, Map.of("receivedBy", "Hoàng Văn Bình", "method", "DIRECT"))
            .statusCode(200).body("status", equalTo("RETURNED")).body("portalStatus", equalTo(10));

        String d = desk.username();
        String s = specialist.username();
        String l = leader.username();
        String x = "liên thông";
        as(specialist).when().get("/dossiers/" + code).then().statusCode(200)
            .body("status", equalTo("RETURNED"))
            .body("timeliness", equalTo("LATE"))
            .body("returnedTo", equalTo("Hoàng Văn Bình"))
            .body("history.action", equalTo(List.of("RECEIVE", "COMPLETE_STEP", "ASSIGN", "COMPLETE_STEP",
                "TRANSFER_OUT", "INTERAGENCY_RESULT", "TRANSFER_OUT", "INTERAGENCY_RESULT", "REQUEST_FINANCIAL_OBLIGATION", "RESUME",
                "RESCHEDULE", "APPROVE", "COMPLETE_STEP", "RETURN_RESULT")))
            // Every entry names the signed-in account that acted (the partners' results and the transfer of
            // leg 2 that leg 1's result triggers: the exchange).
            .body("history.actor", equalTo(List.of(d, d, l, s, s, x, x, x, s, d, l, l, s, d)))
            .body("steps.completedBy", equalTo(List.of(d, s, x, x, l, s)))
            .body("history[0].at", equalTo("2026-03-02T10:00:00+07:00"))
            .body("history[0].recordedAt", org.hamcrest.Matchers.startsWith("20"))
            .body("history[0].recordedAt", org.hamcrest.Matchers.not(equalTo("2026-03-02T10:00:00+07:00")))
            .body("history[8].fromStatus", equalTo("IN_PROCESS"))
            .body("history[8].toStatus", equalTo("WAITING_FINANCIAL_OBLIGATION"))
            .body("history[8].reason", equalTo("Nộp lệ phí trước bạ và tiền sử dụng đất"))
            .body("steps.timeliness", hasItem("LATE"))
            .body("steps.completedAt", org.hamcrest.Matchers.everyItem(notNullValue()));
        as(leader).when().get("/dossiers/" + code + "/forms/control-sheet").then()
            .statusCode(200).contentType("application/pdf");
    }

    @Test
    @DisplayName("A dossier received now: appointment equals the calendar endpoint's; finished at once → EARLY")
    void receivedNowIsEarly() {
        Map<String, Object> body = Map.of("procedureCode", "1.004873", "receivingAgencyCode", VINH_LINH,
            "applicant", applicant("Nguyễn Thị Ánh"), "documents", CERTIFICATE_DOCS);
        ValidatableResponse created = as(TestAccounts.DESK_VINH_LINH).body(body).when().post("/dossiers").then()
            .statusCode(201);
        String code = created.extract().path("code");
        String clockStart = created.extract().path("clockStartedAt");
        String dueAt = created.extract().path("dueAt");
        String expected = given().spec(TestServer.api(url)).queryParam("from", clockStart).queryParam("workingDays", 3)
            .when().get("/calendar/due-date").then().statusCode(200).extract().path("dueAt");
        assertEquals(expected, dueAt, "the services and the calendar endpoint use the same calendar");
        // The generic process: hand-over (desk), appraisal (specialist), approval (leader), issuance (clerk: desk).
        act(code, "complete-step", TestAccounts.DESK_VINH_LINH, Map.of()).statusCode(200);
        act(code, "complete-step", TestAccounts.SPECIALIST_VINH_LINH, Map.of()).statusCode(200);
        act(code, "approve", TestAccounts.LEADER_VINH_LINH, Map.of()).statusCode(200);
        act(code, "complete-step", TestAccounts.DESK_VINH_LINH, Map.of()).statusCode(200);
        as(TestAccounts.DESK_VINH_LINH).get("/dossiers/" + code).then()
            .body("status", equalTo("RESULT_READY")).body("timeliness", equalTo("EARLY"));
    }

    @Test
    @DisplayName("Before 1/7/2025 a dossier is received by a pre-merger commune under Decree 61/2018; afterwards it is refused")
    void regimeAndAgencyValidity() {
        Map<String, Object> old = Map.of("procedureCode", "1.004873", "receivingAgencyCode", "QT.D464.THI_TRAN_HO_XA",
            "applicant", applicant("Lê Văn Hải"), "documents", CERTIFICATE_DOCS, "submittedAt", "2025-06-02T09:00:00+07:00");
        String code = as(TestAccounts.DESK_HO_XA).body(old).when().post("/dossiers").then().statusCode(201)
            .body("code", matchesPattern("000\\.01\\.C8\\.H50-250602-\\d{4}"))
            .body("regime", equalTo("DECREE_61_2018"))
            .body("history[0].actor", equalTo(TestAccounts.DESK_HO_XA.username()))
            .extract().path("code");
        // Xã Vĩnh Linh succeeded Thị trấn Hồ Xá: its officers see the town's dossiers.
        as(TestAccounts.SPECIALIST_VINH_LINH).get("/dossiers/" + code).then().statusCode(200)
            .body("receivingAgency.code", equalTo("QT.D464.THI_TRAN_HO_XA"));
        Map<String, Object> late = Map.of("procedureCode", "1.004873", "receivingAgencyCode", "QT.D464.THI_TRAN_HO_XA",
            "applicant", applicant("Lê Văn Hải"), "documents", CERTIFICATE_DOCS, "submittedAt", "2026-03-02T09:00:00+07:00");
        as(TestAccounts.DESK_HO_XA).body(late).when().post("/dossiers").then().statusCode(422)
            .body("reason", equalTo("AGENCY_NOT_VALID"));
    }

    @Test
    @DisplayName("Bad input answers 400/404/409/422 problems and stores nothing (the daily number is not consumed)")
    void problems() {
        Account desk = TestAccounts.DESK_CUA_TUNG;
        Account specialist = TestAccounts.SPECIALIST_CUA_TUNG;
        Account leader = TestAccounts.LEADER_CUA_TUNG;
        String day = "2026-03-03T09:00:00+07:00";
        Map<String, Object> ok = Map.of("procedureCode", "1.004873", "receivingAgencyCode", "QT25.XA_CUA_TUNG",
            "applicant", applicant("Trần Văn An"), "documents", CERTIFICATE_DOCS, "submittedAt", day);
        String first = as(desk).body(ok).when().post("/dossiers").then().statusCode(201).extract().path("code");

        as(desk).body("{\"procedureCode\": ").when().post("/dossiers").then().statusCode(400)
            .contentType("application/problem+json").body("reason", equalTo("MALFORMED_JSON"));
        as(desk).body(Map.of("procedureCode", "1.004873", "receivingAgencyCode", "QT25.XA_CUA_TUNG", "channel", "FAX",
                "applicant", Map.of("kind", "INDIVIDUAL"))).when().post("/dossiers").then().statusCode(400)
            .body("reason", equalTo("INVALID_INPUT"))
            .body("errors", hasItem("applicant.name: required"))
            .body("errors", hasItem("channel: one of [DIRECT, ONLINE, POSTAL]"));
        as(desk).body(Map.of("procedureCode", "0.000000", "receivingAgencyCode", "QT25.XA_CUA_TUNG",
                "applicant", applicant("X"), "submittedAt", day)).when().post("/dossiers").then().statusCode(422)
            .body("reason", equalTo("UNKNOWN_PROCEDURE"));
        // A catalogue procedure without a time limit cannot receive (C06(d)).
        as(desk).body(Map.of("procedureCode", "1.000016", "receivingAgencyCode", "QT25.XA_CUA_TUNG",
                "applicant", applicant("X"), "submittedAt", day)).when().post("/dossiers").then().statusCode(422)
            .body("reason", equalTo("TIME_LIMIT_MISSING"));
        // An incomplete land dossier: both missing required components listed at once (the two "(nếu có)"
        // components are conditional and not demanded).
        as(desk).body(Map.of("procedureCode", "H50-L006", "receivingAgencyCode", "QT25.XA_CUA_TUNG",
                "applicant", applicant("X"), "submittedAt", day)).when().post("/dossiers").then().statusCode(422)
            .body("reason", equalTo("INCOMPLETE_DOSSIER")).body("errors", hasSize(2));
        as(desk).body(Map.of("procedureCode", "1.004873", "receivingAgencyCode", "QT25.SNV",
                "applicant", applicant("X"), "submittedAt", day)).when().post("/dossiers").then().statusCode(422)
            .body("reason", equalTo("NOT_A_RECEIVING_UNIT"));
        as(desk).body(Map.of("procedureCode", "1.004873", "receivingAgencyCode", "QT25.XA_CUA_TUNG",
                "applicant", applicant("X"), "submittedAt", "2099-01-01T09:00:00+07:00")).when().post("/dossiers")
            .then().statusCode(422).body("reason", equalTo("FUTURE_TIME"));

        String second = as(desk).body(ok).when().post("/dossiers").then().statusCode(201).extract().path("code");
        assertEquals(number(first) + 1, number(second), "refused requests consumed no dossier number");

        as(desk).get("/dossiers/000.00.00.H50-200101-0001").then().statusCode(404)
            .body("reason", equalTo("NOT_FOUND"));
        as(desk).get("/dossiers/HS-2026-000123").then().statusCode(400);
        given().spec(TestServer.api(url)).get("/no-such-resource").then().statusCode(404)
            .contentType("application/problem+json");

        // C23: an action based on a stale version is refused; the history keeps only the real action.
        long version = ((Number) as(desk).get("/dossiers/" + second).path("version")).longValue();
        act(second, "complete-step", desk, Map.of("expectedVersion", version)).statusCode(200);
        act(second, "request-supplement", specialist, Map.of("items", List.of("Bản sao CCCD"), "expectedVersion", version))
            .statusCode(409).body("reason", equalTo("CONCURRENT_CHANGE"));
        act(second, "request-supplement", specialist, Map.of("items", List.of()))
            .statusCode(422).body("reason", equalTo("ITEMS_REQUIRED"));
        act(second, "reject", leader, Map.of("reason", "x")).statusCode(409);
        as(desk).get("/dossiers/" + second).then()
            .body("history.action", equalTo(List.of("RECEIVE", "COMPLETE_STEP")))
            .body("status", equalTo("IN_PROCESS"));

        // Every action bumps the version, an assignment too: a second officer's stale assignment is refused.
        long v = ((Number) as(desk).get("/dossiers/" + second).path("version")).longValue();
        act(second, "assign", leader, Map.of("handler", specialist.username(), "expectedVersion", v)).statusCode(200)
            .body("version", equalTo((int) v + 1));
        // The specialist of the current step may also assign it, but not on a stale version.
        act(second, "assign", specialist, Map.of("handler", "cv.b", "expectedVersion", v)).statusCode(409)
            .body("reason", equalTo("CONCURRENT_CHANGE"));
        // Over-long text and unknown values are refused with a problem, never a 500.
        // Issue 16: over-long text is 400 TEXT_TOO_LONG naming the field and its limit, on every action, also for
        // a field the action does not keep (a note on assign was silently dropped).
        act(second, "complete-step", specialist, Map.of("note", "N".repeat(4001))).statusCode(400)
            .body("reason", equalTo("TEXT_TOO_LONG"))
            .body("errors", equalTo(List.of("note: at most 4000 characters (4001 given)")));
        act(second, "assign", leader, Map.of("handler", specialist.username(), "note", "N".repeat(100_000)))
            .statusCode(400).body("reason", equalTo("TEXT_TOO_LONG"))
            .body("errors", equalTo(List.of("note: at most 4000 characters (100000 given)")));
        act(second, "assign", leader, Map.of("handler", "h".repeat(300))).statusCode(400)
            .body("errors", equalTo(List.of("handler: at most 100 characters (300 given)")));
        act(second, "stop", leader, Map.of("reason", "R".repeat(5000))).statusCode(400)
            .body("reason", equalTo("TEXT_TOO_LONG"));
        as(desk).get("/dossiers/" + second).then()
            .body("currentStep.handler", equalTo(specialist.username())).body("status", equalTo("IN_PROCESS"));
        // Components: only existing positions, each once; a position alone takes the component's name.
        as(desk).body(Map.of("procedureCode", "1.004873", "receivingAgencyCode", "QT25.XA_CUA_TUNG",
                "applicant", applicant("X"), "submittedAt", day,
                "documents", List.of(Map.of("requiredPosition", 9)))).when().post("/dossiers").then().statusCode(422)
            .body("reason", equalTo("UNKNOWN_COMPONENT"));
        as(desk).body(Map.of("procedureCode", "1.004873", "receivingAgencyCode", "QT25.XA_CUA_TUNG",
                "applicant", applicant("X"), "submittedAt", day,
                "documents", List.of(Map.of("requiredPosition", 1), Map.of("requiredPosition", 1))))
            .when().post("/dossiers").then().statusCode(422).body("reason", equalTo("DUPLICATE_COMPONENT"));
        as(desk).get("/dossiers/" + second).then()
            .body("documents[0].name", equalTo("Tờ khai cấp Giấy xác nhận tình trạng hôn nhân"));
        // A year without a configured holiday schedule is refused rather than computed on weekends only
        // (at the desk of the former district Huyện Vĩnh Linh, which existed in 2019).
        as(TestAccounts.DESK_HUYEN_VINH_LINH).body(Map.of("procedureCode", "1.004873", "receivingAgencyCode", "QT.D464",
                "applicant", applicant("X"), "documents", CERTIFICATE_DOCS, "submittedAt", "2019-05-02T09:00:00+07:00"))
            .when().post("/dossiers").then().statusCode(422).body("reason", equalTo("CALENDAR_YEAR_MISSING"));
        // The history names the authenticated account; a client-supplied name (the retired X-Actor header)
        // changes nothing.
        as(specialist).header("X-Actor", "Nguy%E1%BB%85n%20V%C4%83n%20A")
            .body(Map.of("note", "ok")).when().post("/dossiers/" + second + "/complete-step").then().statusCode(200)
            .body("history[-1].actor", equalTo(specialist.username()))
            .body("history.actor", not(hasItem("Nguyễn Văn A")))
            .body("history.actor", not(hasItem("Nguy%E1%BB%85n%20V%C4%83n%20A")))
            .body("steps[1].completedBy", equalTo(specialist.username()));
        act(second, "approve", leader, Map.of()).statusCode(200);
        act(second, "complete-step", desk, Map.of()).statusCode(200).body("status", equalTo("RESULT_READY"));
        act(second, "return-result", desk, Map.of("receivedBy", "Trần Văn An", "method", "PIGEON")).statusCode(422)
            .body("reason", equalTo("UNKNOWN_RETURN_METHOD"))
            .body("instance", equalTo("/motcua/api/v1/dossiers/" + second + "/return-result"));
        as(desk).get("/dossiers/" + second).then()
            .body("history.actor", equalTo(List.of(desk.username(), desk.username(), leader.username(),
                specialist.username(), leader.username(), desk.username())))
            .body("status", equalTo("RESULT_READY"));
    }

    @Test
    @DisplayName("Online submission waits for the check; supplement at intake, then acceptance starts the clock")
    void onlineIntake() {
        Account desk = TestAccounts.DESK_CUA_VIET;
        Map<String, Object> body = Map.of("procedureCode", "1.004194", "receivingAgencyCode", "QT25.XA_CUA_VIET",
            "channel", "ONLINE", "applicant", applicant("Vũ Đức Thắng"), "submittedAt", "2026-03-08T10:00:00+07:00");
        String code = as(desk).body(body).when().post("/dossiers").then().statusCode(201)
            .body("status", equalTo("SUBMITTED_ONLINE")).body("portalStatus", equalTo(1))
            .body("dueAt", nullValue()).body("$", org.hamcrest.Matchers.hasKey("dueAt")).extract().path("code");
        as(desk).when().get("/dossiers/" + code + "/forms/receipt-slip").then().statusCode(409)
            .contentType("application/problem+json").body("reason", equalTo("NOT_RECEIVED"));
        act(code, "request-supplement", desk, Map.of("items", List.of("Tờ khai CT01 chưa ký", "Thiếu giấy tờ chỗ ở")))
            .statusCode(200).body("status", equalTo("SUPPLEMENT_REQUESTED_AT_INTAKE"))
            .body("history[1].reason", equalTo("1. Tờ khai CT01 chưa ký\n2. Thiếu giấy tờ chỗ ở"))
            .body("history[1].actor", equalTo(desk.username()));
        as(desk).when().get("/dossiers/" + code + "/forms/supplement-request").then()
            .statusCode(200).contentType("application/pdf");
        as(desk).when().get("/dossiers/" + code + "/forms/refusal-slip").then()
            .statusCode(409).body("reason", equalTo("FORM_NOT_APPLICABLE"));
        as(desk).when().get("/dossiers/" + code + "/forms/no-such-form").then().statusCode(404);
        act(code, "accept", desk, Map.of()).statusCode(200).body("status", equalTo("RECEIVED"))
            .body("dueAt", notNullValue()).body("timeLeft.overdue", equalTo(false));
        act(code, "refuse", desk, Map.of("reason", "x")).statusCode(409);
    }

    @Test
    @DisplayName("Every intake action on an online submission honours the version the officer saw (issue 9 §1)")
    void onlineIntakeWithVersion() {
        Account desk = TestAccounts.DESK_CUA_VIET;
        Map<String, Object> body = Map.of("procedureCode", "1.004194", "receivingAgencyCode", "QT25.XA_CUA_VIET",
            "channel", "ONLINE", "applicant", applicant("Lưu Thị Phiên Bản"));
        // accept with the version shown by GET
        String accepted = as(desk).body(body).when().post("/dossiers").then().statusCode(201).extract().path("code");
        int v = as(desk).get("/dossiers/" + accepted).then().statusCode(200).extract().path("version");
        act(accepted, "accept", desk, Map.of("expectedVersion", v - 1)).statusCode(409)
            .body("reason", equalTo("CONCURRENT_CHANGE"));
        as(desk).get("/dossiers/" + accepted).then().body("version", equalTo(v)).body("status", equalTo("SUBMITTED_ONLINE"));
        act(accepted, "accept", desk, Map.of("expectedVersion", v)).statusCode(200)
            .body("status", equalTo("RECEIVED")).body("version", equalTo(v + 1));
        // refuse with the version shown
        String refused = as(desk).body(body).when().post("/dossiers").then().statusCode(201).extract().path("code");
        int r = as(desk).get("/dossiers/" + refused).then().extract().path("version");
        act(refused, "refuse", desk, Map.of("reason", "Không thuộc thẩm quyền", "expectedVersion", r)).statusCode(200)
            .body("status", equalTo("REFUSED"));
        // supplement at intake with the version shown, then accept with the new version
        String supplemented = as(desk).body(body).when().post("/dossiers").then().statusCode(201).extract().path("code");
        int w = as(desk).get("/dossiers/" + supplemented).then().extract().path("version");
        int w2 = act(supplemented, "request-supplement", desk, Map.of("items", List.of("Tờ khai chưa ký"),
                "expectedVersion", w)).statusCode(200).body("status", equalTo("SUPPLEMENT_REQUESTED_AT_INTAKE"))
            .extract().path("version");
        act(supplemented, "accept", desk, Map.of("expectedVersion", w)).statusCode(409)
            .body("reason", equalTo("CONCURRENT_CHANGE"));
        act(supplemented, "accept", desk, Map.of("expectedVersion", w2)).statusCode(200)
            .body("status", equalTo("RECEIVED"));
    }

    @Test
    @DisplayName("Search: by applicant name without diacritics, status and receiving unit; bad filters are 400")
    void search() {
        Account desk = TestAccounts.DESK_CUA_VIET;
        String unique = "Đinh Thị Tìm " + System.nanoTime();
        Map<String, Object> body = Map.of("procedureCode", "1.004873", "receivingAgencyCode", "QT25.XA_CUA_VIET",
            "applicant", applicant(unique), "documents", CERTIFICATE_DOCS, "submittedAt", "2026-03-05T09:30:00+07:00");
        String code = as(desk).body(body).when().post("/dossiers").then().statusCode(201).extract().path("code");
        String folded = "dinh thi tim " + unique.substring(unique.lastIndexOf(' ') + 1);
        as(desk).queryParam("applicant", folded).when().get("/dossiers").then().statusCode(200)
            .body("total", equalTo(1)).body("items[0].code", equalTo(code))
            .body("items[0].applicantName", equalTo(unique)).body("items[0].status", equalTo("RECEIVED"))
            .body("items[0].dueAt", equalTo("2026-03-10T09:30:00+07:00"));
        as(desk).queryParam("applicant", folded).queryParam("status", "RETURNED")
            .when().get("/dossiers").then().statusCode(200).body("total", equalTo(0));
        as(desk).queryParam("agency", "QT25.XA_CUA_VIET")
            .queryParam("receivedFrom", "2026-03-05").queryParam("receivedTo", "2026-03-06")
            .when().get("/dossiers").then().statusCode(200).body("items.code", hasItem(code));
        // The province's system administrator searches every unit.
        as(TestAccounts.SYSTEM_ADMIN).queryParam("applicant", folded).when().get("/dossiers").then().statusCode(200)
            .body("total", equalTo(1)).body("items[0].code", equalTo(code));
        as(desk).queryParam("status", "LOST").when().get("/dossiers").then().statusCode(400);
        as(desk).queryParam("limit", "9999").when().get("/dossiers").then().statusCode(400);
    }

    @Test
    @DisplayName("The duplicate-applicant warning: the intake answer and open-of-applicant list the applicant's other open dossiers in scope, never a closed one or another unit's")
    void duplicateApplicantWarning() {
        long n = System.nanoTime();
        String id = String.format("045%09d", n % 1_000_000_000L);
        String phone = String.format("09%08d", (n / 7) % 100_000_000L);
        String name = "Nguyễn Thị Trùng";
        Account desk = TestAccounts.DESK_VINH_LINH;
        // A: received at Vĩnh Linh Thu 5 Mar 2026 09:30; 1.004873 takes 3 working days → Tue 10 Mar 09:30.
        ValidatableResponse a = as(desk).body(certificate(VINH_LINH, name, id, phone, "2026-03-05T09:30:00+07:00",
            "RECEIVE")).when().post("/dossiers").then().statusCode(201)
            .body("dueAt", equalTo("2026-03-10T09:30:00+07:00"))
            .body("otherOpenDossiers", hasSize(0));
        String codeA = a.extract().path("code");
        // C: the same person at Cửa Tùng; its desk does not see A, and Vĩnh Linh's will not see C.
        String codeC = as(TestAccounts.DESK_CUA_TUNG).body(certificate("QT25.XA_CUA_TUNG", name, id, phone,
                "2026-03-05T10:00:00+07:00", "RECEIVE")).when().post("/dossiers").then().statusCode(201)
            .body("otherOpenDossiers", hasSize(0)).extract().path("code");
        // R: refused at intake at Vĩnh Linh (closed); its own answer already warns about A.
        String codeR = as(desk).body(certificate(VINH_LINH, name, id, phone, "2026-03-05T11:00:00+07:00", "REFUSE"))
            .when().post("/dossiers").then().statusCode(201).body("status", equalTo("REFUSED"))
            .body("otherOpenDossiers.code", equalTo(List.of(codeA))).extract().path("code");
        // B: the ID number typed in groups, the name decomposed (NFD) and another phone: lodged all the same,
        // the answer lists A only (not C: other unit; not R: refused; not B itself).
        String nfd = java.text.Normalizer.normalize(name, java.text.Normalizer.Form.NFD);
        String spaced = id.substring(0, 3) + " " + id.substring(3, 6) + " " + id.substring(6);
        String codeB = as(desk).body(certificate(VINH_LINH, nfd, spaced, "0987654321", "2026-03-06T08:00:00+07:00",
                "RECEIVE")).when().post("/dossiers").then().statusCode(201)
            .body("status", equalTo("RECEIVED"))
            .body("otherOpenDossiers", hasSize(1))
            .body("otherOpenDossiers[0].code", equalTo(codeA))
            .body("otherOpenDossiers[0].rule", equalTo("ID_NUMBER"))
            .body("otherOpenDossiers[0].status", equalTo("RECEIVED"))
            .body("otherOpenDossiers[0].procedureCode", equalTo("1.004873"))
            .body("otherOpenDossiers[0].receivedAt", equalTo("2026-03-05T09:30:00+07:00"))
            .body("otherOpenDossiers[0].dueAt", equalTo("2026-03-10T09:30:00+07:00"))
            .extract().path("code");
        assertTrue(!codeB.equals(codeA) && !codeR.equals(codeC), "four different dossiers");
        // Before lodging: by ID number, oldest receipt first; GET /dossiers/{code} has no warning.
        as(desk).queryParam("idNumber", id).when().get("/dossiers/open-of-applicant").then().statusCode(200)
            .body("code", equalTo(List.of(codeA, codeB))).body("rule", equalTo(List.of("ID_NUMBER", "ID_NUMBER")));
        as(desk).get("/dossiers/" + codeB).then().statusCode(200).body("otherOpenDossiers", nullValue());
        // By name and phone: capitals, extra spaces and +84 still match A; B has another phone, C another unit.
        as(desk).queryParam("name", "  NGUYỄN THỊ   TRÙNG").queryParam("phone", "+84 " + phone.substring(1))
            .when().get("/dossiers/open-of-applicant").then().statusCode(200)
            .body("code", equalTo(List.of(codeA))).body("rule", equalTo(List.of("NAME_AND_PHONE")));
        // Without diacritics it is another name.
        as(desk).queryParam("name", "Nguyen Thi Trung").queryParam("phone", phone)
            .when().get("/dossiers/open-of-applicant").then().statusCode(200).body("$", hasSize(0));
        // The province's system administrator covers every unit: A, C and B (R stays out: refused).
        as(TestAccounts.SYSTEM_ADMIN).queryParam("idNumber", id).when().get("/dossiers/open-of-applicant").then()
            .statusCode(200).body("code", equalTo(List.of(codeA, codeC, codeB)));
        // Neither an ID number nor a name with a phone: 400 problem.
        as(desk).when().get("/dossiers/open-of-applicant").then().statusCode(400)
            .contentType("application/problem+json").body("reason", equalTo("INVALID_INPUT"));
        as(desk).queryParam("name", name).when().get("/dossiers/open-of-applicant").then().statusCode(400)
            .body("errors", hasItem("phone: required with name when there is no idNumber (at least one digit)"));
        // The desk screen: typing the ID number (its change event) shows the warning panel with A and B.
        String screen = deskScreenAfterTyping(desk, spaced);
        assertTrue(screen.contains("Lưu ý: người nộp đang có hồ sơ khác chưa giải quyết xong"), screen);
        assertTrue(screen.contains(codeA) && screen.contains(codeB), screen);
        assertTrue(screen.contains("dossier.xhtml?code=" + codeA), "the code links to the dossier page");
        assertTrue(!screen.contains(codeC) && !screen.contains(codeR), "not another unit's, not a refused one");
    }

    /**
     * The reception screen over HTTP, without a browser: form sign-in, the page opened for 1.004873 (its
     * {@code procedure} parameter), then the Faces Ajax request the ID number's change event sends; answers the
     * partial response (the re-rendered warning panel).
     */
    private String deskScreenAfterTyping(Account desk, String idNumber) {
        io.restassured.response.Response login = given().spec(TestServer.server(url)).redirects().follow(false)
            .get(TestServer.CONTEXT_ROOT + "/login.xhtml");
        Map<String, String> cookies = new java.util.HashMap<>(login.getCookies());
        String html = login.asString();
        io.restassured.response.Response signedIn = given().spec(TestServer.server(url)).redirects().follow(false)
            .cookies(cookies).contentType(io.restassured.http.ContentType.URLENC.withCharset("UTF-8"))
            .formParam("signin", "signin").formParam("signin:username", desk.username())
            .formParam("signin:password", desk.password()).formParam("signin:submit", "")
            .formParam("jakarta.faces.ViewState", first("name=\"jakarta\\.faces\\.ViewState\"[^>]*value=\"([^\"]*)\"", html))
            .post(first("<form[^>]*id=\"signin\"[^>]*action=\"([^\"]+)\"", html).replace("&amp;", "&"));
        assertTrue(signedIn.statusCode() == 302 || signedIn.statusCode() == 303, "signed in: " + signedIn.statusCode());
        cookies.putAll(signedIn.getCookies());
        io.restassured.response.Response page = given().spec(TestServer.server(url)).cookies(cookies)
            .get(TestServer.CONTEXT_ROOT + "/app/desk/receive.xhtml?procedure=1.004873");
        assertEquals(200, page.statusCode());
        String form = page.asString();
        String input = first("<input[^>]*id=\"([^\"]*:idNumber)\"", form);
        String wrapper = first("id=\"([^\"]*otherOpenWrapper)\"", form);
        io.restassured.response.Response ajax = given().spec(TestServer.server(url)).cookies(cookies)
            .header("Faces-Request", "partial/ajax")
            .contentType(io.restassured.http.ContentType.URLENC.withCharset("UTF-8"))
            .formParam("jakarta.faces.partial.ajax", "true").formParam("jakarta.faces.source", input)
            .formParam("jakarta.faces.partial.execute", input).formParam("jakarta.faces.partial.render", wrapper)
            .formParam("jakarta.faces.behavior.event", "change").formParam("jakarta.faces.partial.event", "change")
            .formParam("reception", "reception").formParam(input, idNumber)
            .formParam("jakarta.faces.ViewState", first("name=\"jakarta\\.faces\\.ViewState\"[^>]*value=\"([^\"]*)\"", form))
            .post(first("<form[^>]*id=\"reception\"[^>]*action=\"([^\"]+)\"", form).replace("&amp;", "&"));
        assertEquals(200, ajax.statusCode());
        return ajax.asString();
    }

    private static String first(String regex, String text) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile(regex).matcher(text);
        assertTrue(m.find(), "no " + regex + " in the page");
        return m.group(1);
    }

    /** A marriage status certificate (1.004873) for the duplicate-applicant warning. */
    private static Map<String, Object> certificate(String agency, String name, String idNumber, String phone,
                                                   String submittedAt, String outcome) {
        Map<String, Object> body = new java.util.HashMap<>(Map.of("procedureCode", "1.004873",
            "receivingAgencyCode", agency, "documents", CERTIFICATE_DOCS, "submittedAt", submittedAt,
            "outcome", outcome, "applicant", Map.of("kind", "INDIVIDUAL", "name", name, "idNumber", idNumber,
                "phone", phone)));
        if ("REFUSE".equals(outcome)) {
            body.put("refusalReason", "Không thuộc thẩm quyền");
        }
        return body;
    }

    @Test
    @DisplayName("C22: eight desks receiving at once get eight different consecutive numbers")
    void concurrentReceipts() throws Exception {
        Map<String, Object> body = Map.of("procedureCode", "1.004873", "receivingAgencyCode", "QT25.PHUONG_DONG_HA",
            "applicant", applicant("Đặng Văn Hùng"), "documents", CERTIFICATE_DOCS, "submittedAt", "2026-03-04T14:00:00+07:00");
        List<Account> desks = new ArrayList<>();
        for (int i = 1; i <= 8; i++) {
            desks.add(TestAccounts.ensure(url, TestAccounts.deskDongHa(i))); // before the race: creation is not part of it
        }
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Callable<String>> calls = new ArrayList<>();
        for (Account desk : desks) {
            calls.add(() -> as(desk).body(body).when().post("/dossiers")
                .then().statusCode(201).body("history[0].actor", equalTo(desk.username())).extract().path("code"));
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
