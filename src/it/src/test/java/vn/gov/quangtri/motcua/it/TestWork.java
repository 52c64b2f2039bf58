package vn.gov.quangtri.motcua.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.net.URL;
import java.util.Map;
import vn.gov.quangtri.motcua.it.TestAccounts.Account;

/** Working a dossier's internal steps over REST, as the officers the steps name (shared by the ITs). */
final class TestWork {

    private TestWork() {
    }

    /** The Vĩnh Linh officer whose role the current step ({@code StepRole} name) needs. */
    static Account vinhLinh(String role) {
        return switch (role) {
            case "ONE_STOP_OFFICER", "CLERK" -> TestAccounts.DESK_VINH_LINH;
            case "LEADER" -> TestAccounts.LEADER_VINH_LINH;
            default -> TestAccounts.SPECIALIST_VINH_LINH;
        };
    }

    /** The dossier as {@code as} sees it. */
    static JsonPath dossier(URL system, Account as, String code) {
        return TestAccounts.as(system, as).when().get("/dossiers/" + code).then().statusCode(200).extract().jsonPath();
    }

    /** Posts an action verb; asserts 200 and answers the dossier. */
    static JsonPath act(URL system, Account as, String code, String verb, Map<String, Object> body) {
        Response r = TestAccounts.as(system, as).body(body).when().post("/dossiers/" + code + "/" + verb);
        assertEquals(200, r.statusCode(), verb + " " + code + ": " + r.asString());
        return r.jsonPath();
    }

    /** Works the dossier's steps (as {@code as}, or by role at Vĩnh Linh when null) until its result is ready. */
    static void workToResult(URL system, Account as, String code) {
        for (int guard = 0; guard < 20; guard++) {
            JsonPath d = dossier(system, as == null ? TestAccounts.DESK_VINH_LINH : as, code);
            if ("RESULT_READY".equals(d.getString("status"))) {
                return;
            }
            next(system, as == null ? vinhLinh(d.getString("currentStep.role")) : as, d);
        }
        throw new AssertionError(code + " did not reach RESULT_READY");
    }

    /** Completes the current step, or approves it when it is an approval. */
    static void next(URL system, Account as, JsonPath d) {
        String verb = "APPROVAL".equals(d.getString("currentStep.kind")) ? "approve" : "complete-step";
        act(system, as, d.getString("code"), verb, Map.of("expectedVersion", d.getLong("version")));
    }
}
