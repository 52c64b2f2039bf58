package vn.gov.quangtri.motcua.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.restassured.response.Response;
import java.net.URL;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import vn.gov.quangtri.motcua.it.TestAccounts.Account;

/**
 * Dossiers of one unit with business times in the past, for report tests (PeriodReportIT, Indicators766IT): received
 * through the API on a given moment and moved by actions dated then, each backdated action approved by one of the
 * unit's two leaders (nobody approves their own). Procedure 1.004873 (3 working days).
 *
 * @param url        the deployment
 * @param unit       receiving unit code
 * @param address    the applicants' address
 * @param desk       the unit's desk officer
 * @param specialist its specialist
 * @param leader     its leader
 * @param deputy     a second leader, who approves the leader's backdated actions
 */
record BackdatedDossiers(URL url, String unit, String address, Account desk, Account specialist, Account leader,
                         Account deputy) {

    /** Receives a dossier of procedure 1.004873 submitted at {@code at} (+07:00) on the channel; returns its code. */
    String receive(String applicant, String channel, String at) {
        Map<String, Object> body = new HashMap<>(Map.of("procedureCode", "1.004873", "receivingAgencyCode", unit,
            "channel", channel, "submittedAt", at,
            "applicant", Map.of("kind", "INDIVIDUAL", "name", applicant, "idNumber", "045090002222",
                "address", address)));
        if (!"ONLINE".equals(channel)) {
            body.put("documents", List.of(Map.of("requiredPosition", 1, "form", "ORIGINAL"),
                Map.of("requiredPosition", 2, "form", "COPY")));
        }
        return TestAccounts.as(url, desk).body(body).when().post("/dossiers").then().statusCode(201).extract().path("code");
    }

    /** An action dated {@code at} (+07:00); when it is held for approval, a leader of the unit approves it. */
    void act(String code, String verb, Account actor, String at, Map<String, Object> extra) {
        Map<String, Object> body = new HashMap<>(extra);
        body.put("occurredAt", at);
        body.put("backdatingReason", "Nhập bù theo sổ theo dõi");
        Response r = TestAccounts.as(url, actor).body(body).when().post("/dossiers/" + code + "/" + verb);
        if (r.statusCode() == 202) {
            long id = ((Number) r.path("id")).longValue();
            TestAccounts.as(url, actor == leader ? deputy : leader).body(Map.of("note", "Đồng ý")).when()
                .post("/backdating-requests/" + id + "/approve").then().statusCode(200);
        } else {
            assertEquals(200, r.statusCode(), verb + " " + code + ": " + r.asString());
        }
    }

    /** The generic process to the result: hand-over, appraisal, approval, issuance; the issuance at {@code done}. */
    void finish(String code, String day, String done) {
        act(code, "complete-step", desk, day + "T08:00:00+07:00", Map.of());
        act(code, "complete-step", specialist, day + "T08:10:00+07:00", Map.of());
        act(code, "approve", leader, day + "T08:20:00+07:00", Map.of());
        act(code, "complete-step", desk, done, Map.of());
    }
}
