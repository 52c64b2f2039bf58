package vn.gov.quangtri.motcua.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.net.URL;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import vn.gov.quangtri.motcua.it.TestAccounts.Account;

/**
 * The batch jobs of issue 14 §1 on the deployed EAR, over REST as the system administrator: the deadline sweep run twice
 * records each overdue event once (dossiers of Xã Cam Lộ, a unit no other test uses); the statistics snapshot failed
 * half-way (test hook {@code test.failAfterChunks}) and restarted from its checkpoint writes exactly the rows of an
 * uninterrupted run, and the period report read from it equals the live one; a lock orphaned by a "dead server" (test
 * hook {@code test.orphan}) is taken over and its execution shown abandoned with the reason; a second start while one
 * runs is 409 with the running execution; other roles 403, unknown jobs 404; the job history screen.
 *
 * <p>Procedure 1.004873 (3 working days, no holiday in November 2026): received Mon 2 Nov 2026 09:00 → due Thu 5 Nov
 * 09:00 (+07:00), long past when the test runs.
 */
@MotcuaIT
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class BatchJobsIT {

    static final String CAM_LO = "QT25.XA_CAM_LO";
    static final Account DESK = new Account("tiepnhan.camlo", "Trần Thị Lộ", CAM_LO, List.of("DESK_OFFICER"),
        TestAccounts.TEST_PASSWORD, false);
    static final Account LEADER = new Account("lanhdao.camlo", "Nguyễn Văn Cam", CAM_LO, List.of("LEADER"),
        TestAccounts.TEST_PASSWORD, false);
    static final Account DEPUTY = new Account("phochutich.camlo", "Lê Thị Cam", CAM_LO, List.of("LEADER"),
        TestAccounts.TEST_PASSWORD, false);
    static final Account ADMIN = TestAccounts.SYSTEM_ADMIN;

    /** Server roots whose dossiers are in place, and the codes per root. */
    private static final Map<String, Map<String, String>> DONE = new ConcurrentHashMap<>();

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return EarDeployment.ear();
    }

    @ArquillianResource
    URL url;

    private String receive(String applicant, String at) {
        return receive(applicant, at, null);
    }

    private String receive(String applicant, String at, String email) {
        Map<String, Object> who = new HashMap<>(Map.of("kind", "INDIVIDUAL", "name", applicant,
            "idNumber", "045090003333", "address", "Thôn An Mỹ, xã Cam Lộ"));
        if (email != null) {
            who.put("email", email);
        }
        Map<String, Object> body = new HashMap<>(Map.of("procedureCode", "1.004873", "receivingAgencyCode", CAM_LO,
            "channel", "DIRECT", "applicant", who,
            "documents", List.of(Map.of("requiredPosition", 1, "form", "ORIGINAL"),
                Map.of("requiredPosition", 2, "form", "COPY"))));
        if (at != null) {
            body.put("submittedAt", at);
        }
        return TestAccounts.as(url, DESK).body(body).when().post("/dossiers").then().statusCode(201).extract()
            .path("code");
    }

    /** S1 received 2 Nov (open, overdue since 5 Nov 09:00), S2 received 2 Nov and stopped 3 Nov, S3 received now. */
    private Map<String, String> dossiers() {
        return DONE.computeIfAbsent(TestServer.serverRoot(url).toString(), k -> {
            Map<String, String> d = new HashMap<>();
            d.put("S1", receive("Hoàng Văn Quá", "2026-11-02T09:00:00+07:00", "hoang.van.qua@example.vn"));
            d.put("S2", receive("Hoàng Thị Dừng", "2026-11-02T09:00:00+07:00"));
            Response r = TestAccounts.as(url, LEADER).body(Map.of("occurredAt", "2026-11-03T10:00:00+07:00",
                    "backdatingReason", "Nhập bù theo sổ", "reason", "Có văn bản của Tòa án"))
                .when().post("/dossiers/" + d.get("S2") + "/stop");
            if (r.statusCode() == 202) {
                long id = ((Number) r.path("id")).longValue();
                TestAccounts.as(url, DEPUTY).body(Map.of("note", "Đồng ý")).when()
                    .post("/backdating-requests/" + id + "/approve").then().statusCode(200);
            } else {
                assertEquals(200, r.statusCode(), r.asString());
            }
            d.put("S3", receive("Hoàng Văn Kịp", null));
            return d;
        });
    }

    private JsonPath start(String job, Map<String, String> parameters) {
        var spec = TestAccounts.as(url, ADMIN);
        if (parameters != null) {
            spec = spec.body(Map.of("parameters", parameters));
        }
        Response r = spec.when().post("/batch/jobs/" + job + "/executions");
        assertEquals(202, r.statusCode(), r.asString());
        long id = r.jsonPath().getLong("executionId");
        assertTrue(r.header("Location").endsWith("/api/v1/batch/executions/" + id), r.header("Location"));
        assertEquals(job, r.jsonPath().getString("job"));
        return r.jsonPath();
    }

    private JsonPath execution(long id) {
        return TestAccounts.as(url, ADMIN).when().get("/batch/executions/" + id).then().statusCode(200).extract()
            .jsonPath();
    }

    /** Waits until the execution has left STARTING/STARTED/STOPPING (in the runtime); returns it. */
    private JsonPath finished(long id) throws InterruptedException {
        return Await.until("execution " + id + " to end", 240_000, 500, () -> {
            JsonPath j = execution(id);
            String s = j.getString("runtimeStatus");
            return s.equals("STARTING") || s.equals("STARTED") || s.equals("STOPPING") ? null : j;
        });
    }

    private List<Map<String, Object>> events(String code) {
        return TestAccounts.as(url, LEADER).queryParam("dossier", code).when().get("/reports/overdue-events").then()
            .statusCode(200).extract().jsonPath().getList("$");
    }

    @Test
    @Order(1)
    @DisplayName("deadline-sweep twice: S1's appointment recorded once (business time 5 Nov 09:00, by the job), S2, S3"
        + " nothing; S1 in the apologies due of Cam Lộ")
    void deadlineSweepRecordsOnce() throws InterruptedException {
        Map<String, String> d = dossiers();
        JsonPath first = finished(start("deadline-sweep", null).getLong("executionId"));
        assertEquals("COMPLETED", first.getString("status"), first.prettify());
        assertEquals("quantri.tinh", first.getString("startedBy"));
        assertTrue(first.getLong("itemsRead") >= 2, first.prettify()); // at least S1 and S3 are open
        List<Map<String, Object>> s1 = events(d.get("S1"));
        Map<String, Object> appointment = s1.stream().filter(e -> ((Number) e.get("stepPosition")).intValue() == 0)
            .findFirst().orElseThrow(() -> new AssertionError("no dossier event: " + s1));
        assertEquals("2026-11-05T09:00:00+07:00", appointment.get("dueAt"));
        assertEquals("batch:deadline-sweep", appointment.get("recordedBy"));
        assertEquals(Boolean.TRUE, appointment.get("apologyDue"));
        assertEquals(CAM_LO, appointment.get("agencyCode"));
        // the started, unfinished steps of S1 whose own deadline passed are recorded too, each with its deadline
        JsonPath dossier = TestAccounts.as(url, LEADER).when().get("/dossiers/" + d.get("S1")).then().statusCode(200)
            .extract().jsonPath();
        List<Map<String, Object>> steps = dossier.getList("steps");
        long lateSteps = steps.stream().filter(s -> s.get("startedAt") != null && s.get("completedAt") == null
            && s.get("dueAt") != null && ((String) s.get("dueAt")).compareTo("2026-12") < 0).count();
        assertEquals(1 + lateSteps, s1.size(), s1.toString());
        assertEquals(List.of(), events(d.get("S2")));
        assertEquals(List.of(), events(d.get("S3")));
        // items written = overdue events newly recorded: at least S1's (other units' dossiers may be overdue too)
        assertTrue(first.getLong("itemsWritten") >= s1.size(), first.prettify());
        // the applicant of S1 is told once, by e-mail (the only address given), in Vietnamese
        List<Map<String, Object>> told = overdueNotifications(d.get("S1"));
        assertEquals(1, told.size(), told.toString());
        assertEquals("EMAIL", told.get(0).get("channel"));
        assertEquals("hoang.van.qua@example.vn", told.get(0).get("recipient"));
        assertEquals("Hồ sơ " + d.get("S1") + " đã quá hạn trả kết quả", told.get(0).get("subject"));
        assertTrue(((String) told.get(0).get("body")).contains("chưa có kết quả theo ngày hẹn 05/11/2026 09:00"),
            (String) told.get(0).get("body"));

        JsonPath second = finished(start("deadline-sweep", null).getLong("executionId"));
        assertEquals("COMPLETED", second.getString("status"));
        assertEquals(s1, events(d.get("S1")), "a rerun records nothing again (same rows, same recording time)");
        assertEquals(0, second.getLong("itemsWritten"), "a rerun writes nothing: " + second.prettify());
        assertTrue(second.getLong("itemsRead") >= 2, second.prettify());
        assertEquals(told, overdueNotifications(d.get("S1")), "a rerun notifies nobody again");

        List<String> apologies = TestAccounts.as(url, LEADER).when().get("/reports/apologies-due").then()
            .statusCode(200).extract().jsonPath().getList("dossierCode");
        assertEquals(List.of(d.get("S1")), apologies);

        List<Map<String, Object>> history = TestAccounts.as(url, ADMIN).queryParam("job", "deadline-sweep")
            .queryParam("limit", 2).when().get("/batch/executions").then().statusCode(200).extract().jsonPath()
            .getList("$");
        assertEquals(List.of(second.getLong("executionId"), first.getLong("executionId")),
            history.stream().map(h -> ((Number) h.get("executionId")).longValue()).toList());
        assertNotNull(history.get(0).get("startedAt"));
        assertNotNull(history.get(0).get("endedAt"));
        assertEquals("COMPLETED", history.get(0).get("exitStatus"), "the batch status when the job sets none");
    }

    private List<Map<String, Object>> overdueNotifications(String code) {
        return TestAccounts.as(url, ADMIN).queryParam("dossier", code).when().get("/notifications").then()
            .statusCode(200).extract().jsonPath().<Map<String, Object>>getList("$").stream()
            .filter(n -> "OVERDUE".equals(n.get("milestone"))).toList();
    }

    private JsonPath snapshot(String from, String to) {
        return TestAccounts.as(url, ADMIN).queryParam("from", from).queryParam("to", to).when()
            .get("/reports/statistics-snapshot").then().statusCode(200).extract().jsonPath();
    }

    /** Every snapshot row of the range, following the pages ({@code nextCursor}) to the end. */
    private List<Map<String, Object>> snapshotRows(String from, String to) {
        List<Map<String, Object>> rows = new java.util.ArrayList<>();
        String cursor = null;
        do {
            var request = TestAccounts.as(url, ADMIN).queryParam("from", from).queryParam("to", to)
                .queryParam("limit", 5000);
            if (cursor != null) {
                request = request.queryParam("cursor", cursor);
            }
            JsonPath page = request.when().get("/reports/statistics-snapshot").then().statusCode(200).extract().jsonPath();
            rows.addAll(page.getList("rows"));
            cursor = page.getString("nextCursor");
        } while (cursor != null);
        return rows;
    }

    private Map<String, Object> report(String from, String to, String groupBy, String source) {
        return TestAccounts.as(url, ADMIN).queryParam("from", from).queryParam("to", to).queryParam("groupBy", groupBy)
            .queryParam("source", source).when().get("/reports/period").then().statusCode(200).extract().jsonPath()
            .getMap("$");
    }

    @Test
    @Order(2)
    @DisplayName("statistics-snapshot failed after 2 chunks, restarted over REST: the rows of an uninterrupted run; the"
        + " report from the snapshot equals the live one")
    void snapshotRestartEqualsUninterrupted() throws InterruptedException {
        dossiers();
        String yesterday = LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh")).minusDays(1).toString();
        // interrupted: the writer fails when the third chunk (days 11–15) is written; 2 chunks × 5 days committed
        long failedId = start("statistics-snapshot", Map.of("test.failAfterChunks", "2")).getLong("executionId");
        JsonPath failed = finished(failedId);
        assertEquals("FAILED", failed.getString("status"), failed.prettify());
        assertEquals(10, failed.getLong("itemsWritten"));
        assertTrue(failed.getString("failureReason").contains("test.failAfterChunks: stopped after 2 chunks"),
            failed.getString("failureReason"));
        assertTrue(failed.getBoolean("restartable"));

        Response restart = TestAccounts.as(url, ADMIN).when().post("/batch/executions/" + failedId + "/restart");
        assertEquals(202, restart.statusCode(), restart.asString());
        long restartedId = restart.jsonPath().getLong("executionId");
        assertNotEquals(failedId, restartedId);
        JsonPath restarted = finished(restartedId);
        assertEquals("COMPLETED", restarted.getString("status"), restarted.prettify());
        assertFalse(execution(failedId).getBoolean("restartable"), "only the latest execution restarts");
        String firstDay = snapshot("2000-01-01", "2000-01-01").getString("coveredFrom");
        assertNotNull(firstDay, "the snapshot covers the days from the first with data");
        assertEquals(yesterday, snapshot("2000-01-01", "2000-01-01").getString("coveredTo"));
        long days = java.time.temporal.ChronoUnit.DAYS.between(LocalDate.parse(firstDay), LocalDate.parse(yesterday)) + 1;
        // the restart continues after the last committed chunk: it reads and writes only the days not yet written
        assertEquals(days - 10, restarted.getLong("itemsRead"), restarted.prettify());
        assertEquals(days - 10, restarted.getLong("itemsWritten"));
        String from = LocalDate.parse(yesterday).minusDays(399).isBefore(LocalDate.parse(firstDay)) ? firstDay
            : LocalDate.parse(yesterday).minusDays(399).toString();
        List<Map<String, Object>> afterRestart = snapshotRows(from, yesterday);

        JsonPath full = finished(start("statistics-snapshot", null).getLong("executionId"));
        assertEquals("COMPLETED", full.getString("status"));
        assertEquals(days, full.getLong("itemsRead"));
        List<Map<String, Object>> uninterrupted = snapshotRows(from, yesterday);
        assertEquals(uninterrupted, afterRestart);
        // Cam Lộ's rows of Mon 2 Nov: S1 and S2 received at the desk, both in progress at the end of the day
        Map<String, Object> camLo = uninterrupted.stream().filter(r -> "2026-11-02".equals(r.get("day"))
            && CAM_LO.equals(r.get("agencyCode"))).findFirst().orElseThrow(() -> new AssertionError("no Cam Lộ row"));
        @SuppressWarnings("unchecked")
        Map<String, Object> f = (Map<String, Object>) camLo.get("figures");
        assertEquals(2, ((Number) f.get("receivedDirect")).intValue(), camLo.toString());
        assertEquals(2, ((Number) f.get("inProgressNotDue")).intValue(), camLo.toString());

        // the period report from the snapshot (plus today, live) equals the live computation
        String today = LocalDate.parse(yesterday).plusDays(1).toString();
        for (String groupBy : List.of("agency", "field", "level")) {
            for (String[] p : List.of(new String[] {"2026-11-01", "2026-11-30"}, new String[] {"2026-11-04", yesterday},
                new String[] {firstDay, today})) {
                Map<String, Object> snap = report(p[0], p[1], groupBy, "auto");
                Map<String, Object> live = report(p[0], p[1], groupBy, "live");
                assertEquals(live.get("total"), snap.get("total"), groupBy + " " + p[0] + "–" + p[1]);
                assertEquals(Set.copyOf((List<?>) live.get("rows")), Set.copyOf((List<?>) snap.get("rows")),
                    groupBy + " " + p[0] + "–" + p[1]);
            }
        }
    }

    @Test
    @Order(3)
    @DisplayName("statistics-snapshot whose server died after 2 chunks (lock orphaned, chunk 3 never commits): the next"
        + " start abandons it and resumes after its last committed checkpoint; the rows of an uninterrupted run")
    void crashedSnapshotResumesFromCheckpoint() throws InterruptedException {
        dossiers();
        String yesterday = LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh")).minusDays(1).toString();
        // the writer hangs before chunk 3 (no commit, as if the server had been killed); its lock looks orphaned
        long crashedId = start("statistics-snapshot", Map.of("test.orphan", "true", "test.hangAfterChunks", "2"))
            .getLong("executionId");
        // progress while it runs: the history's counts follow the checkpoints (2 chunks × 5 days)
        JsonPath running = Await.until("2 chunks of execution " + crashedId, 120_000, 250, () -> {
            JsonPath j = execution(crashedId);
            return j.getLong("itemsWritten") == 10 ? j : null;
        });
        assertEquals("STARTED", running.getString("status"), running.prettify());
        assertEquals(10, running.getLong("itemsRead"));
        assertNull(running.getString("endedAt"));
        String firstDay = snapshot("2000-01-01", "2000-01-01").getString("coveredFrom");
        String checkpoint = LocalDate.parse(firstDay).plusDays(9).toString(); // the 10th day, last of chunk 2
        assertEquals(checkpoint, running.getString("checkpoint"));

        JsonPath resumed = start("statistics-snapshot", null);
        long resumedId = resumed.getLong("executionId");
        assertEquals(crashedId, resumed.getLong("resumedFrom"), resumed.prettify());
        assertEquals(checkpoint, resumed.getString("resumedCheckpoint"));
        JsonPath crashed = execution(crashedId);
        assertEquals("ABANDONED", crashed.getString("status"), crashed.prettify());
        assertTrue(crashed.getString("failureReason").startsWith("lease of gone-host/server expired"),
            crashed.getString("failureReason"));
        // it ended when it was found abandoned; the reason's moment is Vietnam time, as the rest of the answer
        assertNotNull(crashed.getString("endedAt"), crashed.prettify());
        assertTrue(crashed.getString("failureReason").endsWith("+07:00)"), crashed.getString("failureReason"));
        JsonPath done = finished(resumedId);
        assertEquals("COMPLETED", done.getString("status"), done.prettify());
        long days = java.time.temporal.ChronoUnit.DAYS.between(LocalDate.parse(firstDay), LocalDate.parse(yesterday)) + 1;
        // each day once: the resumed execution reads only the days after the abandoned one's checkpoint
        assertEquals(days - 10, done.getLong("itemsRead"), done.prettify());
        assertEquals(days - 10, done.getLong("itemsWritten"));
        String from = LocalDate.parse(yesterday).minusDays(399).isBefore(LocalDate.parse(firstDay)) ? firstDay
            : LocalDate.parse(yesterday).minusDays(399).toString();
        List<Map<String, Object>> afterResume = snapshot(from, yesterday).getList("rows");

        JsonPath full = finished(start("statistics-snapshot", null).getLong("executionId"));
        assertEquals("COMPLETED", full.getString("status"));
        assertNull(full.get("resumedFrom"), "after a completed execution a start begins at the first day");
        assertEquals(days, full.getLong("itemsRead"));
        assertEquals(snapshot(from, yesterday).getList("rows"), afterResume);

        // the abandoned execution cannot be restarted any more (not the latest); the history lists all three
        Response again = TestAccounts.as(url, ADMIN).when().post("/batch/executions/" + crashedId + "/restart");
        assertEquals(409, again.statusCode(), again.asString());
        assertEquals("NOT_RESTARTABLE", again.path("reason"));
        List<Long> ids = TestAccounts.as(url, ADMIN).queryParam("job", "statistics-snapshot").queryParam("limit", 3)
            .when().get("/batch/executions").then().statusCode(200).extract().jsonPath().getList("executionId", Long.class);
        assertEquals(List.of(full.getLong("executionId"), resumedId, crashedId), ids);
    }

    @Test
    @Order(4)
    @DisplayName("a second start while the job runs: 409 JOB_RUNNING naming the running execution")
    void concurrentStartIs409() throws InterruptedException {
        long id = start("statistics-snapshot", Map.of("test.itemPauseMs", "100")).getLong("executionId");
        Response again = TestAccounts.as(url, ADMIN).when().post("/batch/jobs/statistics-snapshot/executions");
        assertEquals(409, again.statusCode(), again.asString());
        assertEquals("JOB_RUNNING", again.path("reason"));
        assertEquals(List.of("executionId: " + id), again.jsonPath().getList("errors"));
        List<Map<String, Object>> jobs = TestAccounts.as(url, ADMIN).when().get("/batch/jobs").then().statusCode(200)
            .extract().jsonPath().getList("$");
        Map<String, Object> snap = jobs.stream().filter(j -> "statistics-snapshot".equals(j.get("name"))).findFirst()
            .orElseThrow();
        assertEquals(id, ((Number) snap.get("runningExecutionId")).longValue());
        assertEquals("COMPLETED", finished(id).getString("status"));

        // The interim endpoint of the reconciliation takes the same lock: 409 while the job runs, started either way
        long held = start("transfer-reconciliation", Map.of("test.jobPauseMs", "3000")).getLong("executionId");
        Response interim = TestAccounts.as(url, ADMIN).when().post("/interagency/reconciliation");
        assertEquals(409, interim.statusCode(), interim.asString());
        assertEquals("JOB_RUNNING", interim.path("reason"));
        assertEquals(List.of("executionId: " + held), interim.jsonPath().getList("errors"));
        assertEquals("COMPLETED", finished(held).getString("status"));
        Response viaInterim = TestAccounts.as(url, ADMIN).when().post("/interagency/reconciliation");
        assertEquals(202, viaInterim.statusCode(), viaInterim.asString());
        long interimId = viaInterim.jsonPath().getLong("executionId");
        assertEquals("COMPLETED", finished(interimId).getString("status"));
        assertEquals("quantri.tinh", execution(interimId).getString("startedBy"), "listed in the batch history");
        assertEquals("COMPLETED", TestAccounts.as(url, ADMIN).when()
            .get("/interagency/reconciliation/executions/" + interimId).then().statusCode(200).extract()
            .path("batchStatus"));
        assertEquals(404, TestAccounts.as(url, ADMIN).when().get("/interagency/reconciliation/executions/" + id)
            .statusCode(), "an execution of another job");

        // Every job frees its lock when it ends: transfer-reconciliation (no open transfer here) runs twice in a row
        // (its job XML once lacked the listener that frees the lock, and it stayed "running" after the first run).
        for (int run = 1; run <= 2; run++) {
            long rec = start("transfer-reconciliation", null).getLong("executionId");
            assertEquals("COMPLETED", finished(rec).getString("status"), "transfer-reconciliation run " + run);
            long recId = rec;
            Await.until("the lock of execution " + rec + " to be freed", 30_000, 250, () -> {
                Map<String, Object> job = TestAccounts.as(url, ADMIN).when().get("/batch/jobs").then().statusCode(200)
                    .extract().jsonPath().<Map<String, Object>>getList("$").stream()
                    .filter(j -> "transfer-reconciliation".equals(j.get("name"))).findFirst().orElseThrow();
                return job.get("runningExecutionId") == null ? recId : null;
            });
        }
    }

    @Test
    @Order(5)
    @DisplayName("an execution whose server died (lease expired): the next start marks it abandoned with the reason and runs")
    void staleExecutionAbandoned() throws InterruptedException {
        dossiers();
        // the first execution's lock is made to look like one left by a dead server; its items are slow
        long orphan = start("deadline-sweep", Map.of("test.orphan", "true", "test.itemPauseMs", "2000"))
            .getLong("executionId");
        JsonPath next = start("deadline-sweep", null);
        long nextId = next.getLong("executionId");
        JsonPath abandoned = execution(orphan);
        assertEquals("ABANDONED", abandoned.getString("status"), abandoned.prettify());
        assertTrue(abandoned.getString("failureReason").startsWith("lease of gone-host/server expired"),
            abandoned.getString("failureReason"));
        assertFalse(abandoned.getBoolean("restartable"));
        assertEquals("COMPLETED", finished(nextId).getString("status"));
        // the abandoned execution was stopped (then abandoned) in this server's runtime; it stays ABANDONED here
        JsonPath after = finished(orphan);
        assertEquals("ABANDONED", after.getString("status"));
        assertTrue(Set.of("STOPPED", "ABANDONED").contains(after.getString("runtimeStatus")), after.prettify());
    }

    @Test
    @Order(6)
    @DisplayName("403 for a leader, 404 unknown job and execution, 400 bad limit")
    void refusals() {
        Response r = TestAccounts.as(url, LEADER).when().post("/batch/jobs/deadline-sweep/executions");
        assertEquals(403, r.statusCode());
        assertEquals("ROLE_REQUIRED", r.path("reason"));
        assertEquals(403, TestAccounts.as(url, LEADER).when().get("/batch/executions").statusCode());
        Response unknown = TestAccounts.as(url, ADMIN).when().post("/batch/jobs/no-such-job/executions");
        assertEquals(404, unknown.statusCode());
        assertEquals("NOT_FOUND", unknown.path("reason"));
        assertEquals(404, TestAccounts.as(url, ADMIN).when().get("/batch/executions/999999999").statusCode());
        assertEquals(404, TestAccounts.as(url, ADMIN).queryParam("job", "nope").when().get("/batch/executions")
            .statusCode());
        assertEquals(400, TestAccounts.as(url, ADMIN).queryParam("limit", 0).when().get("/batch/executions")
            .statusCode());
        // a malformed number is a 400 problem naming the parameter, not a bare 404
        Response abc = TestAccounts.as(url, ADMIN).queryParam("limit", "abc").when().get("/batch/executions");
        assertEquals(400, abc.statusCode(), abc.asString());
        assertEquals("INVALID_INPUT", abc.path("reason"));
        assertEquals(List.of("limit: 'abc'"), abc.jsonPath().getList("errors"));
        Response badId = TestAccounts.as(url, ADMIN).when().get("/batch/executions/abc");
        assertEquals(400, badId.statusCode(), badId.asString());
        assertEquals("INVALID_INPUT", badId.path("reason"));
    }

    @Test
    @Order(7)
    @DisplayName("job history screen: the three jobs with their nightly time, Start, the abandoned execution's reason;"
        + " the leader's dashboard lists S1 as owing an apology")
    void screen() throws Exception {
        Map<String, String> d = dossiers();
        try (Browser b = Browser.open(TestServer.appRoot(url))) {
            try {
                b.signIn(LEADER.username(), LEADER.password());
                b.go("/app/dashboard.xhtml");
                String apologies = b.text("apologies");
                assertTrue(apologies.contains(d.get("S1")) && apologies.contains("Hoàng Văn Quá"), apologies);
                assertFalse(apologies.contains(d.get("S3")), apologies);
            } catch (RuntimeException | AssertionError e) {
                b.evidence("batch-apologies");
                throw e;
            }
        }
        try (Browser b = Browser.open(TestServer.appRoot(url))) {
            // an agency administrator is refused like on the exchange page, not shown an empty page
            b.signIn(TestAccounts.ADMIN_VINH_LINH.username());
            assertEquals(403, b.fetch(TestServer.appRoot(url) + "/app/admin/batch.xhtml").statusCode());
        }
        try (Browser b = Browser.open(TestServer.appRoot(url))) {
            try {
                b.signIn(ADMIN.username());
                b.go("/app/admin/batch.xhtml");
                String jobs = b.text("batch:jobs");
                assertTrue(jobs.contains("Rà soát hồ sơ quá hạn") && jobs.contains("01:00"), jobs);
                assertTrue(jobs.contains("Tổng hợp số liệu thống kê theo ngày") && jobs.contains("02:00"), jobs);
                assertTrue(jobs.contains("transfer-reconciliation"), jobs);
                String history = b.text("batch:executions");
                assertTrue(history.contains("Bị bỏ: máy chủ gone-host/server ngừng gia hạn khóa tác vụ"), history);
                assertTrue(history.contains("Tiếp tục lần chạy #"), history);
                b.click("batch:jobs:0:start");
                b.settle();
                String messages = b.text("messages");
                assertTrue(messages.contains("Đã bắt đầu tác vụ deadline-sweep"), messages);
                b.screenshot("batch-jobs");
            } catch (RuntimeException | AssertionError e) {
                b.evidence("batch-jobs");
                throw e;
            }
        }
        // let the started sweep end before other classes run
        List<Map<String, Object>> last = TestAccounts.as(url, ADMIN).queryParam("job", "deadline-sweep")
            .queryParam("limit", 1).when().get("/batch/executions").then().extract().jsonPath().getList("$");
        finished(((Number) last.get(0).get("executionId")).longValue());
    }
}
