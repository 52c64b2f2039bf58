package vn.gov.quangtri.motcua.interagency.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import vn.gov.quangtri.motcua.agency.domain.Agency;
import vn.gov.quangtri.motcua.agency.domain.AgencyKind;
import vn.gov.quangtri.motcua.agency.domain.AgencyLevel;
import vn.gov.quangtri.motcua.calendar.domain.Appointment;
import vn.gov.quangtri.motcua.calendar.domain.OfficeHours;
import vn.gov.quangtri.motcua.calendar.domain.TimeLimit;
import vn.gov.quangtri.motcua.calendar.domain.TimeLimitUnit;
import vn.gov.quangtri.motcua.calendar.domain.WorkingCalendar;
import vn.gov.quangtri.motcua.catalogue.domain.DocumentForm;
import vn.gov.quangtri.motcua.catalogue.domain.Procedure;
import vn.gov.quangtri.motcua.catalogue.domain.ProcedureLevel;
import vn.gov.quangtri.motcua.catalogue.domain.StepKind;
import vn.gov.quangtri.motcua.catalogue.domain.StepRole;
import vn.gov.quangtri.motcua.dossier.domain.Applicant;
import vn.gov.quangtri.motcua.dossier.domain.Channel;
import vn.gov.quangtri.motcua.dossier.domain.DocumentLine;
import vn.gov.quangtri.motcua.dossier.domain.Dossier;
import vn.gov.quangtri.motcua.dossier.domain.DossierAction;
import vn.gov.quangtri.motcua.dossier.domain.DossierCode;
import vn.gov.quangtri.motcua.dossier.domain.DossierEvent;
import vn.gov.quangtri.motcua.dossier.domain.DossierIntake;
import vn.gov.quangtri.motcua.dossier.domain.DossierStatus;
import vn.gov.quangtri.motcua.dossier.domain.InterAgencyLeg;
import vn.gov.quangtri.motcua.dossier.domain.InterAgencyOrigin;
import vn.gov.quangtri.motcua.dossier.domain.ProcessPlanner;
import vn.gov.quangtri.motcua.dossier.domain.StepPlan;
import vn.gov.quangtri.motcua.dossier.domain.Submission;
import vn.gov.quangtri.motcua.dossier.domain.Timeliness;
import vn.gov.quangtri.motcua.shared.domain.ConflictException;
import vn.gov.quangtri.motcua.shared.domain.RuleViolationException;
import vn.gov.quangtri.motcua.shared.domain.VietnamTime;

/**
 * Inter-agency transfer: the transfer's forward-only lifecycle, the parent waiting and resuming, the
 * child's own clock. No holiday in March 2026; office hours 08–12, 13–17 (K2: N working days end on the
 * N-th working day after, at the same time).
 */
class InterAgencyTransferTest {

    static final WorkingCalendar CALENDAR = new WorkingCalendar(OfficeHours.standard(), Map.of());
    static final Agency COMMUNE = new Agency("QT25.XA_VINH_LINH", "Xã Vĩnh Linh", AgencyKind.COMMUNE,
        AgencyLevel.COMMUNE, null, "000.00.60.H50", true);
    static final Agency LAND_OFFICE = new Agency("QT25.CNVPDKDD_VINH_LINH",
        "Chi nhánh Văn phòng đăng ký đất đai khu vực Vĩnh Linh", AgencyKind.DEPARTMENT, AgencyLevel.DEPARTMENT, null,
        "000.01.12.H50", true);
    static final Applicant APPLICANT = new Applicant(Applicant.Kind.INDIVIDUAL, "Hoàng Văn Bình", "045080001234",
        "0912345001", null, "Thôn 3, xã Vĩnh Linh");

    static Instant vn(int month, int day, int hour, int minute) {
        return ZonedDateTime.of(2026, month, day, hour, minute, 0, 0, VietnamTime.ZONE).toInstant();
    }

    /** H50-L006 as in process_steps.csv: 0.5 + 7 + 8 + 3 + 3 + 1.5 = 23 working days. */
    static Procedure land() {
        Procedure p = new Procedure("H50-L006", true, "Đăng ký đất đai lần đầu, cấp Giấy chứng nhận lần đầu", "Đất đai",
            Set.of(ProcedureLevel.COMMUNE), TimeLimit.workingDays(23));
        p.addRequiredDocument("Đơn đăng ký", DocumentForm.ORIGINAL, 1);
        p.addStep("Tiếp nhận và chuyển hồ sơ", StepRole.ONE_STOP_OFFICER, StepKind.WORK, null, days("0.5"));
        p.addStep("Kiểm tra hồ sơ, xác minh hiện trạng", StepRole.SPECIALIST, StepKind.WORK, null, days("7"));
        p.addStep("Cập nhật hồ sơ địa chính", StepRole.SPECIALIST, StepKind.WORK, "Chi nhánh VPĐKĐĐ", days("8"));
        p.addStep("Xác định nghĩa vụ tài chính", StepRole.SPECIALIST, StepKind.WORK, "Cơ quan Thuế", days("3"));
        p.addStep("Ký Giấy chứng nhận", StepRole.LEADER, StepKind.APPROVAL, null, days("3"));
        p.addStep("Phát hành", StepRole.CLERK, StepKind.WORK, null, days("1.5"));
        return p;
    }

    static TimeLimit days(String n) {
        return new TimeLimit(new BigDecimal(n), TimeLimitUnit.WORKING_DAY);
    }

    static Dossier parentAtStep3() {
        Procedure p = land();
        Instant at = vn(3, 2, 10, 0);
        Instant due = CALENDAR.dueAt(at, p.timeLimit());
        Dossier d = DossierIntake.receive(new Submission(new DossierCode("000.00.60.H50-260302-0001"), p, COMMUNE,
                Channel.DIRECT, APPLICANT, List.of(new DocumentLine(1, "Đơn đăng ký", DocumentForm.ORIGINAL, 1)),
                at), new Appointment(at, due), ProcessPlanner.plan(p, CALENDAR, new Appointment(at, due)), CALENDAR,
                "tiepnhan.vinhlinh", null);
        d.completeStep(vn(3, 2, 11, 0), "tiepnhan.vinhlinh", null, CALENDAR);
        d.completeStep(vn(3, 13, 15, 0), "chuyenvien.vinhlinh", null, CALENDAR);
        return d;
    }

    static InterAgencyTransfer transfer(Dossier parent) {
        return new InterAgencyTransfer("6f1c2a3e-0b7d-4c55-9e0a-1d2c3b4a5f60", TransferSide.SENDER, "QT-LOOPBACK-DAT",
            parent, parent.code(), 1, COMMUNE.code(), LAND_OFFICE.code(), LAND_OFFICE.name(), "CADASTRAL_UPDATE",
            vn(3, 13, 15, 30), vn(3, 25, 15, 30));
    }

    @Test
    @DisplayName("SENT → ACKNOWLEDGED → IN_PROGRESS → RESULT_RETURNED; late IN_PROGRESS and ACKNOWLEDGED are recorded but ignored")
    void forwardOnly() {
        InterAgencyTransfer t = transfer(parentAtStep3());
        assertEquals(TransferStatus.SENT, t.status());
        assertTrue(t.apply(TransferStatus.ACKNOWLEDGED, vn(3, 13, 15, 31), "000.01.12.H50-260313-0001", null));
        assertEquals("000.01.12.H50-260313-0001", t.childCode());
        assertFalse(t.apply(TransferStatus.ACKNOWLEDGED, vn(3, 13, 15, 32), null, null), "duplicate");
        assertTrue(t.apply(TransferStatus.IN_PROGRESS, vn(3, 16, 9, 0), null, null));
        assertTrue(t.apply(TransferStatus.RESULT_RETURNED, vn(3, 24, 16, 0), null, "Đã cập nhật hồ sơ địa chính"));
        assertFalse(t.apply(TransferStatus.IN_PROGRESS, vn(3, 24, 16, 5), null, null), "late IN_PROGRESS");
        assertFalse(t.apply(TransferStatus.REJECTED, vn(3, 24, 16, 6), null, "muộn"), "after a final status");
        assertEquals(TransferStatus.RESULT_RETURNED, t.status());
        assertEquals(vn(3, 24, 16, 0), t.statusAt());
        assertEquals(vn(3, 24, 16, 0), t.resultAt());
        assertEquals("Đã cập nhật hồ sơ địa chính", t.resultSummary());
        assertNull(t.rejectionReason());
        assertEquals(3, t.ignoredUpdates());
        assertEquals(Timeliness.EARLY, t.legTimeliness(), "Tue 24 Mar 16:00 before the leg's due Wed 25 Mar 15:30");
    }

    @Test
    @DisplayName("Out of order: IN_PROGRESS before ACKNOWLEDGED; the late ACK only supplies the child code")
    void outOfOrder() {
        InterAgencyTransfer t = transfer(parentAtStep3());
        assertTrue(t.apply(TransferStatus.IN_PROGRESS, vn(3, 16, 9, 0), null, null));
        assertFalse(t.apply(TransferStatus.ACKNOWLEDGED, vn(3, 13, 15, 31), "000.01.12.H50-260313-0001", null));
        assertEquals(TransferStatus.IN_PROGRESS, t.status());
        assertEquals(vn(3, 16, 9, 0), t.statusAt());
        assertEquals("000.01.12.H50-260313-0001", t.childCode());
        assertTrue(t.apply(TransferStatus.REJECTED, vn(3, 16, 10, 0), null, "Thiếu bản đồ địa chính"));
        assertEquals("Thiếu bản đồ địa chính", t.rejectionReason());
        assertNull(t.legTimeliness());
        assertEquals(1, t.takeOutSequence());
        assertEquals(2, t.takeOutSequence());
    }

    @Test
    @DisplayName("Parent: waits for the land office from Fri 13 Mar 15:30, chain to tax, back IN_PROCESS at step 5; appointment never moves")
    void parentWaitsAndResumes() {
        Dossier d = parentAtStep3();
        Instant appointment = d.clock().dueAt();
        assertEquals(vn(4, 2, 10, 0), appointment, "Mon 2 Mar 10:00 + 23 working days (21 left in March, 1 and 2 April)");
        assertThrows(ConflictException.class, () -> InterAgencyLeg.awaitInterAgency(d, vn(3, 13, 15, 30), "tiepnhan.vinhlinh",
            "Thuế tỉnh Quảng Trị (ngành dọc)", 4, null), "leg of step 4 while at step 3");
        InterAgencyLeg.awaitInterAgency(d, vn(3, 13, 15, 30), "tiepnhan.vinhlinh", LAND_OFFICE.name(), 3, null);
        assertEquals(DossierStatus.WAITING_INTERAGENCY, d.status());
        DossierEvent waiting = d.history().get(d.history().size() - 1);
        assertEquals(DossierAction.TRANSFER_OUT, waiting.action());
        assertEquals("Chờ liên thông: Chi nhánh Văn phòng đăng ký đất đai khu vực Vĩnh Linh từ 15:30 13/03/2026",
            waiting.reason());
        assertThrows(ConflictException.class, () -> d.completeStep(vn(3, 16, 9, 0), "chuyenvien.vinhlinh", null, CALENDAR));

        InterAgencyLeg.interAgencyResult(d, vn(3, 24, 16, 0), "liên thông", LAND_OFFICE.name(), false, "Đã cập nhật", CALENDAR);
        assertEquals(DossierStatus.WAITING_INTERAGENCY, d.status(), "passed straight on to tax");
        assertEquals(4, d.currentStep());
        // Step 3's deadline is the plan's: 0.5 + 7 + 8 = 15.5 working days from Mon 2 Mar 10:00 = Mon 23 Mar 15:00;
        // step 2 finished two days behind its plan (Wed 11 Mar 15:00), so the result on Tue 24 Mar is late.
        assertEquals(vn(3, 23, 15, 0), d.steps().get(2).dueAt());
        assertEquals(Timeliness.LATE, d.steps().get(2).timeliness());
        InterAgencyLeg.awaitInterAgency(d, vn(3, 24, 16, 0), "liên thông", "Thuế tỉnh Quảng Trị (ngành dọc)", 4, null);
        InterAgencyLeg.interAgencyResult(d, vn(3, 27, 9, 0), "liên thông", "Thuế tỉnh Quảng Trị (ngành dọc)", true,
            "Thông báo nghĩa vụ tài chính số 12/TB-T", CALENDAR);
        assertEquals(DossierStatus.IN_PROCESS, d.status());
        assertEquals(5, d.currentStep());
        assertEquals(appointment, d.clock().dueAt());
        assertEquals("Kết quả liên thông từ Thuế tỉnh Quảng Trị (ngành dọc): Thông báo nghĩa vụ tài chính số 12/TB-T",
            d.history().get(d.history().size() - 1).reason());
    }

    @Test
    @DisplayName("Rejected leg: back IN_PROCESS at the same step with the partner's reason")
    void parentRejected() {
        Dossier d = parentAtStep3();
        InterAgencyLeg.awaitInterAgency(d, vn(3, 13, 15, 30), "tiepnhan.vinhlinh", LAND_OFFICE.name(), 3, null);
        InterAgencyLeg.interAgencyRejected(d, vn(3, 16, 10, 0), "liên thông", LAND_OFFICE.name(), "Thiếu bản đồ địa chính");
        assertEquals(DossierStatus.IN_PROCESS, d.status());
        assertEquals(3, d.currentStep());
        assertEquals(LAND_OFFICE.name() + " từ chối liên thông: Thiếu bản đồ địa chính",
            d.history().get(d.history().size() - 1).reason());
    }

    @Test
    @DisplayName("Child: own code, own clock of 8 working days from Fri 13 Mar 15:30 across the weekend → Wed 25 Mar 15:30")
    void childClock() {
        Instant transferredAt = vn(3, 13, 15, 30);
        TimeLimit share = days("8");
        Instant start = CALENDAR.clockStart(transferredAt);
        List<StepPlan> plan = List.of(new StepPlan("Cập nhật hồ sơ địa chính", StepRole.SPECIALIST, StepKind.WORK,
            LAND_OFFICE.name(), 8 * 480));
        Dossier child = DossierIntake.receiveInterAgency(new Submission(new DossierCode("000.01.12.H50-260313-0001"),
                land(), LAND_OFFICE, Channel.DIRECT, APPLICANT, List.of(), vn(3, 13, 15, 31)), new Appointment(start,
                CALENDAR.dueAt(start, share)), share, plan, CALENDAR,
                InterAgencyOrigin.childOf("000.00.60.H50-260302-0001", 1), "liên thông", null);
        assertEquals(vn(3, 25, 15, 30), child.clock().dueAt());
        assertEquals(vn(3, 25, 15, 30), child.steps().get(0).dueAt());
        assertTrue(child.origin().child());
        assertEquals("000.00.60.H50-260302-0001", child.citizenCode());
        assertEquals(share, child.clock().timeLimit());
        assertEquals(DossierAction.RECEIVE_TRANSFER, child.history().get(0).action());
        assertThrows(ConflictException.class, () -> InterAgencyLeg.returnToSender(child, vn(3, 20, 9, 0), "u", "Xã Vĩnh Linh", null));
        child.completeStep(vn(3, 24, 16, 0), "chuyenvien.dat", null, CALENDAR);
        assertEquals(DossierStatus.RESULT_READY, child.status());
        assertEquals(Timeliness.EARLY, child.clock().timeliness());
        InterAgencyLeg.returnToSender(child, vn(3, 24, 16, 1), "chuyenvien.dat", "Xã Vĩnh Linh", null);
        assertEquals(DossierStatus.RETURNED, child.status());
        assertEquals("INTERAGENCY", child.handOver().method());
        assertThrows(RuleViolationException.class,
                () -> DossierIntake.receiveInterAgency(new Submission(new DossierCode("000.01.12.H50-260313-0002"), land(),
                LAND_OFFICE, Channel.DIRECT, APPLICANT, List.of(), transferredAt), new Appointment(start,
                CALENDAR.dueAt(start, share)), share, plan, CALENDAR, InterAgencyOrigin.childOf("bad", 1),
                "liên thông", null));
    }

    @Test
    @DisplayName("Payloads: JSON round trip keeps every field; a broken document lists every problem")
    void payloads() {
        TransferPayload p = samplePayload();
        String json = p.toJson();
        assertTrue(json.contains("\"transferredAt\":\"2026-03-13T15:30+07:00\""), json);
        assertTrue(json.contains("\"share\":{\"value\":8,\"unit\":\"WORKING_DAY\"}"), json);
        assertEquals(p, TransferPayload.fromJson(json));
        assertEquals(json, TransferPayload.fromJson(json).toJson(), "same bytes every time");

        RuleViolationException e = assertThrows(RuleViolationException.class,
            () -> TransferPayload.fromJson("{\"transferId\":\"x\",\"legPosition\":1.5,\"share\":{\"value\":3},\"applicant\":{}}"));
        assertEquals("MALFORMED_PAYLOAD", e.reason());
        assertTrue(e.details().containsAll(List.of("legPosition: whole number required", "parentCode: required",
            "share.unit: required", "applicant.name: required")), e.details().toString());
        assertThrows(RuleViolationException.class, () -> TransferPayload.fromJson("{not json"));
        assertTrue(e.details().contains("transferId: a UUID (36 characters, e.g. 6f1c2a3e-0b7d-4c55-9e0a-1d2c3b4a5f60)"),
            e.details().toString());

        TransferUpdate u = new TransferUpdate("0b7d6f1c-2a3e-4c55-9e0a-1d2c3b4a5f61", TransferStatus.RESULT_RETURNED, vn(3, 24, 16, 0), "c", "Kết quả");
        assertEquals(u, TransferUpdate.fromJson(u.toJson(), false));
        assertEquals(TransferUpdate.query("0b7d6f1c-2a3e-4c55-9e0a-1d2c3b4a5f61"), TransferUpdate.fromJson("{\"transferId\":\"0b7d6f1c-2a3e-4c55-9e0a-1d2c3b4a5f61\"}", true));
        assertEquals(List.of("status: required", "at: required"), assertThrows(RuleViolationException.class,
            () -> TransferUpdate.fromJson("{\"transferId\":\"0b7d6f1c-2a3e-4c55-9e0a-1d2c3b4a5f61\"}", false)).details());
    }

    @Test
    @DisplayName("Security issue 16 §2–3: the contract's limits (UUID, leg, lengths of the columns, counts, quantities, years)"
        + " are MALFORMED_PAYLOAD listing each field, never an exception of another kind")
    void contractLimits() {
        String good = samplePayload().toJson();
        java.util.Map<String, String> cases = new java.util.LinkedHashMap<>();
        cases.put(good.replace("6f1c2a3e-0b7d-4c55-9e0a-1d2c3b4a5f60", "6f1c2a3e-0b7d-4c55-9e0a-1d2c3b4a5f60a"),
            "transferId: a UUID (36 characters, e.g. 6f1c2a3e-0b7d-4c55-9e0a-1d2c3b4a5f60)");
        cases.put(good.replace("6f1c2a3e-0b7d-4c55-9e0a-1d2c3b4a5f60", "not-a-uuid"),
            "transferId: a UUID (36 characters, e.g. 6f1c2a3e-0b7d-4c55-9e0a-1d2c3b4a5f60)");
        cases.put(good.replace("\"legPosition\":1", "\"legPosition\":-1"), "legPosition: a whole number from 1 to 99");
        cases.put(good.replace("\"legPosition\":1", "\"legPosition\":0"), "legPosition: a whole number from 1 to 99");
        cases.put(good.replace("\"legPosition\":1", "\"legPosition\":99999999999"), "legPosition: whole number required");
        cases.put(good.replace("\"quantity\":1", "\"quantity\":-5"), "documents[0].quantity: a whole number from 1 to 999");
        cases.put(good.replace("\"position\":1", "\"position\":0"), "documents[0].position: a whole number from 1 to 999");
        cases.put(good.replace("CADASTRAL_UPDATE", "A".repeat(41)), "action: at most 40 characters");
        cases.put(good.replace("Cập nhật hồ sơ địa chính", "x".repeat(301)), "actionName: at most 300 characters");
        cases.put(good.replace("Xã Vĩnh Linh", "x".repeat(301)), "sendingAgencyName: at most 300 characters");
        cases.put(good.replace("Đăng ký đất đai lần đầu", "x".repeat(2001)), "procedureName: at most 2000 characters");
        cases.put(good.replace("000.00.60.H50-260302-0001", "x".repeat(41)), "parentCode: at most 40 characters");
        cases.put(good.replace("QT25.CNVPDKDD_VINH_LINH", "x".repeat(61)), "receivingAgencyCode: at most 60 characters");
        cases.put(good.replace("Đơn đăng ký", "x".repeat(1001)), "documents[0].name: at most 1000 characters");
        cases.put(good.replace("\"note\":null", "\"note\":\"" + "x".repeat(3001) + "\""), "note: at most 3000 characters");
        cases.put(good.replace("2026-03-13T15:30+07:00", "+999999999-12-31T23:59+07:00"),
            "transferredAt: a moment in the years 2000–2099");
        cases.put(good.replace("2026-03-25T15:30+07:00", "1900-01-01T00:00Z"), "dueAt: a moment in the years 2000–2099");
        cases.put(good.replace("\"value\":8", "\"value\":1e9"), "share.value: at most 10000");
        // fresh-user trial (issue 16): a leg due before it was transferred
        cases.put(good.replace("2026-03-25T15:30+07:00", "2026-03-13T15:29+07:00"),
            "dueAt: must not be before transferredAt (the leg's share is counted from the transfer)");
        cases.put(good.replace("2026-03-25T15:30+07:00", "2026-03-13T08:29Z"),
            "dueAt: must not be before transferredAt (the leg's share is counted from the transfer)");
        // fresh-user trial: an agency transferring to itself, documents null or missing, members outside the contract
        cases.put(good.replace("\"receivingAgencyCode\":\"QT25.CNVPDKDD_VINH_LINH\"", "\"receivingAgencyCode\":\"QT25.XA_VINH_LINH\""),
            "receivingAgencyCode: must differ from sendingAgencyCode (an agency does not transfer to itself)");
        cases.put(good.replaceFirst("\"documents\":\\[.*\\]", "\"documents\":null"), "documents: an array is expected, not null");
        cases.put(good.replaceFirst(",\"documents\":\\[.*\\]", ""), "documents: required (an array, possibly empty)");
        cases.put(good.replace("{\"transferId\"", "{\"priority\":\"HIGH\",\"transferId\""), "priority: not a field of this document");
        cases.put(good.replace("\"unit\":\"WORKING_DAY\"", "\"unit\":\"WORKING_DAY\",\"x\":1"), "share.x: not a field of this document");
        cases.put(good.replace("\"kind\":\"INDIVIDUAL\"", "\"kind\":\"INDIVIDUAL\",\"birthDate\":\"1980-01-01\""),
            "applicant.birthDate: not a field of this document");
        cases.put(good.replace("\"quantity\":1", "\"quantity\":1,\"pages\":3"), "documents[0].pages: not a field of this document");
        String doc = "{\"position\":1,\"name\":\"Đơn\",\"form\":\"ORIGINAL\",\"quantity\":1}";
        cases.put(good.replaceFirst("\"documents\":\\[.*\\]", "\"documents\":[" + String.join(",",
            java.util.Collections.nCopies(201, doc)) + "]"), "documents: at most 200 documents");
        cases.forEach((json, problem) -> {
            RuleViolationException e = assertThrows(RuleViolationException.class, () -> TransferPayload.fromJson(json), problem);
            assertEquals("MALFORMED_PAYLOAD", e.reason());
            assertEquals(List.of(problem), e.details());
        });
        String twoHundred = good.replaceFirst("\"documents\":\\[.*\\]", "\"documents\":[" + String.join(",",
            java.util.Collections.nCopies(200, doc)) + "]");
        assertEquals(200, TransferPayload.fromJson(twoHundred).documents().size(), "200 documents are within the contract");
        assertEquals(vn(3, 13, 15, 30), TransferPayload.fromJson(good.replace("2026-03-25T15:30+07:00",
            "2026-03-13T08:30Z")).dueAt(), "due at the moment of the transfer (a share of zero) is within the contract");

        TransferUpdate u = new TransferUpdate("0b7d6f1c-2a3e-4c55-9e0a-1d2c3b4a5f61", TransferStatus.RESULT_RETURNED,
            vn(3, 24, 16, 0), "c", "x".repeat(3001));
        assertEquals(List.of("note: at most 3000 characters"), assertThrows(RuleViolationException.class,
            () -> TransferUpdate.fromJson(u.toJson(), false)).details());
        assertEquals(List.of("transferId: a UUID (36 characters)"), assertThrows(RuleViolationException.class,
            () -> TransferUpdate.fromJson("{\"transferId\":\"" + "a".repeat(37) + "\"}", true)).details());
        assertEquals(List.of("at: a moment in the years 2000–2099"), assertThrows(RuleViolationException.class,
            () -> TransferUpdate.fromJson(u.toJson().replace("2026-03-24T16:00+07:00", "+999999999-01-01T00:00Z")
                .replace("x".repeat(3001), "ok"), false)).details());
    }

    private static TransferPayload samplePayload() {
        return new TransferPayload("6f1c2a3e-0b7d-4c55-9e0a-1d2c3b4a5f60", "000.00.60.H50-260302-0001", 1,
            "H50-L006", "Đăng ký đất đai lần đầu", "QT25.XA_VINH_LINH", "Xã Vĩnh Linh", "QT25.CNVPDKDD_VINH_LINH",
            "CADASTRAL_UPDATE", "Cập nhật hồ sơ địa chính", days("8"), "DIRECT", vn(3, 13, 15, 30), vn(3, 25, 15, 30),
            new TransferPayload.ApplicantData("INDIVIDUAL", "Hoàng Văn \"Bình\"", "045080001234", null, null, "Thôn 3\nxã"),
            List.of(new TransferPayload.DocumentData(1, "Đơn đăng ký", "ORIGINAL", 1)), null, List.of());
    }

    private static String sha256(String text) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    @DisplayName("Payloads: canonical bytes (compact, fixed key order, nulls written, UTF-8 unescaped) and their SHA-256")
    void canonicalBytes() throws Exception {
        String expected = "{\"transferId\":\"6f1c2a3e-0b7d-4c55-9e0a-1d2c3b4a5f60\",\"parentCode\":\"000.00.60.H50-260302-0001\","
            + "\"legPosition\":1,\"procedureCode\":\"H50-L006\",\"procedureName\":\"Đăng ký đất đai lần đầu\","
            + "\"sendingAgencyCode\":\"QT25.XA_VINH_LINH\",\"sendingAgencyName\":\"Xã Vĩnh Linh\","
            + "\"receivingAgencyCode\":\"QT25.CNVPDKDD_VINH_LINH\",\"action\":\"CADASTRAL_UPDATE\","
            + "\"actionName\":\"Cập nhật hồ sơ địa chính\",\"share\":{\"value\":8,\"unit\":\"WORKING_DAY\"},"
            + "\"channel\":\"DIRECT\",\"transferredAt\":\"2026-03-13T15:30+07:00\",\"dueAt\":\"2026-03-25T15:30+07:00\","
            + "\"applicant\":{\"kind\":\"INDIVIDUAL\",\"name\":\"Hoàng Văn \\\"Bình\\\"\",\"idNumber\":\"045080001234\","
            + "\"phone\":null,\"email\":null,\"address\":\"Thôn 3\\nxã\"},"
            + "\"documents\":[{\"position\":1,\"name\":\"Đơn đăng ký\",\"form\":\"ORIGINAL\",\"quantity\":1}],"
            + "\"note\":null}";
        String json = samplePayload().toJson();
        assertEquals(expected, json);
        assertEquals(sha256(expected), HashChain.sha256Hex(json), "the hash the exchange log records");
        assertEquals(json, samplePayload().toJson(), "same payload, same bytes");

        TransferUpdate u = new TransferUpdate("0b7d6f1c-2a3e-4c55-9e0a-1d2c3b4a5f61", TransferStatus.RESULT_RETURNED, vn(3, 24, 16, 0), null,
            "Kết quả\t\u0001\b\f/\\");
        String expectedUpdate = "{\"transferId\":\"0b7d6f1c-2a3e-4c55-9e0a-1d2c3b4a5f61\",\"status\":\"RESULT_RETURNED\",\"at\":\"2026-03-24T16:00+07:00\","
            + "\"childCode\":null,\"note\":\"Kết quả\\t\\u0001\\b\\f/\\\\\"}";
        assertEquals(expectedUpdate, u.toJson());
        assertEquals(sha256(expectedUpdate), HashChain.sha256Hex(u.toJson()));
        assertEquals(u, TransferUpdate.fromJson(u.toJson(), false));
        assertEquals("{\"transferId\":\"0b7d6f1c-2a3e-4c55-9e0a-1d2c3b4a5f61\",\"status\":null,\"at\":null,\"childCode\":null,\"note\":null}",
            TransferUpdate.query("0b7d6f1c-2a3e-4c55-9e0a-1d2c3b4a5f61").toJson());
    }

    @Test
    @DisplayName("Issue 15 §1: files travel by reference (id, component, exact name, type, size, SHA-256); "
        + "a transfer without files keeps its former bytes; a bad reference lists every problem")
    void fileReferences() {
        TransferPayload bare = samplePayload();
        assertFalse(bare.toJson().contains("\"files\""), "no files member when there is no file");
        String sha = "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"; // SHA-256("abc"), FIPS 180-2
        TransferPayload p = new TransferPayload(bare.transferId(), bare.parentCode(), 1, bare.procedureCode(),
            bare.procedureName(), bare.sendingAgencyCode(), bare.sendingAgencyName(), bare.receivingAgencyCode(),
            bare.action(), bare.actionName(), bare.share(), bare.channel(), bare.transferredAt(), bare.dueAt(),
            bare.applicant(), bare.documents(), null, List.of(
                new TransferPayload.FileData(150, 1, "Đơn đăng ký 100% (bản quét).pdf", "application/pdf", 3, sha),
                new TransferPayload.FileData(151, null, "Sơ đồ thửa đất.png", "image/png", 7, sha)));
        String json = p.toJson();
        assertTrue(json.endsWith(",\"note\":null,\"files\":[{\"id\":150,\"component\":1,"
            + "\"name\":\"Đơn đăng ký 100% (bản quét).pdf\",\"mediaType\":\"application/pdf\",\"size\":3,"
            + "\"sha256\":\"" + sha + "\"},{\"id\":151,\"component\":null,\"name\":\"Sơ đồ thửa đất.png\","
            + "\"mediaType\":\"image/png\",\"size\":7,\"sha256\":\"" + sha + "\"}]}"), json);
        assertEquals(p, TransferPayload.fromJson(json));
        assertEquals(List.of(), TransferPayload.fromJson(bare.toJson()).files(), "absent: no files (older partners)");

        String bad = json.replace("\"id\":151", "\"id\":150").replace("\"size\":7", "\"size\":0")
            .replace("\"component\":1,", "\"component\":1000,").replace(sha + "\"}]", sha.toUpperCase() + "\"}]")
            .replace("Sơ đồ thửa đất.png", "a\\u0000b.png");
        RuleViolationException e = assertThrows(RuleViolationException.class, () -> TransferPayload.fromJson(bad));
        assertEquals("MALFORMED_PAYLOAD", e.reason());
        assertTrue(e.details().containsAll(List.of("files[0].component: a whole number from 1 to 999",
            "files[1].sha256: 64 lower-case hexadecimal digits", "files[1].size: a whole number from 1 to 1073741824",
            "files[1].id: given twice")), e.details().toString());
        assertTrue(e.details().stream().anyMatch(d -> d.startsWith("files[1].name: ")), e.details().toString());
    }

    @Test
    @DisplayName("Issue 15 §1: a fetched file is kept only with the announced size and SHA-256; failures back off, "
        + "then give up")
    void transferFileChecks() {
        String sha = "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad";
        Instant at = vn(3, 13, 15, 30);
        TransferFile f = new TransferFile("6f1c2a3e-0b7d-4c55-9e0a-1d2c3b4a5f60", "qt-dat", "X-260313-0001",
            new TransferPayload.FileData(150, 1, "Đơn.pdf", "application/pdf", 3, sha), at);
        assertEquals(TransferFile.State.PENDING, f.state());
        assertEquals(at, f.nextAttemptAt(), "fetched at once");
        assertNull(f.mismatch(3, sha.toUpperCase()));
        assertEquals("Kích thước không khớp: bên gửi báo 3 byte, nhận được 4 byte", f.mismatch(4, sha));
        String other = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"; // SHA-256 of nothing
        assertEquals("Mã băm SHA-256 không khớp: bên gửi báo " + sha + ", nhận được " + other, f.mismatch(3, other));

        Backoff b = new Backoff(java.time.Duration.ofMinutes(1), java.time.Duration.ofMinutes(10), 3);
        assertEquals(TransferFile.State.PENDING, f.failed("connection refused", at, b));
        assertEquals(at.plusSeconds(60), f.nextAttemptAt());
        assertEquals(TransferFile.State.PENDING, f.failed("HTTP 503", at.plusSeconds(60), b));
        assertEquals(at.plusSeconds(60 + 120), f.nextAttemptAt());
        assertEquals(TransferFile.State.REFUSED, f.failed("HTTP 503", at.plusSeconds(180), b));
        assertEquals("Bỏ sau 3 lần thử: HTTP 503", f.reason());
        assertEquals(at.plusSeconds(180), f.endedAt());
        assertThrows(IllegalStateException.class, () -> f.received(7, at));

        TransferFile g = new TransferFile("6f1c2a3e-0b7d-4c55-9e0a-1d2c3b4a5f60", "qt-dat", "X-260313-0001",
            new TransferPayload.FileData(151, null, "Sơ đồ.png", "image/png", 7, sha), at);
        g.received(900, at.plusSeconds(5));
        assertEquals(TransferFile.State.RECEIVED, g.state());
        assertEquals(900L, g.dossierFileId());
        assertEquals(1, g.attempts());
    }

    @Test
    @DisplayName("Payloads: text that is not a JSON object is refused as MALFORMED_PAYLOAD, never a parser exception")
    void malformedPayloads() {
        List<String> broken = Arrays.asList(null, "", "   ", "{not json", "{\"transferId\":\"t-1\"",
                "{\"transferId\":\"t-1\",}",
            "{\"transferId\":\"t-1\"} trailing", "{\"transferId\":\"t-1\"}{}", "[1,2]", "\"text\"", "null", "42",
            "{\"transferId\":\"t-\u0001\"}", "{\"transferId\":\"\\x\"}", "{\"legPosition\":01}", "{'transferId':'t-1'}",
            "[".repeat(5000) + "]".repeat(5000));
        for (String text : broken) {
            RuleViolationException e = assertThrows(RuleViolationException.class, () -> TransferPayload.fromJson(text),
                String.valueOf(text));
            assertEquals("MALFORMED_PAYLOAD", e.reason(), String.valueOf(text));
            assertTrue(e.getMessage().startsWith("The payload is not valid JSON: "), e.getMessage());
            // where at most, never the parser's text (fresh-user trial: it named Parsson's classes and states)
            assertTrue(e.getMessage().matches("The payload is not valid JSON: (not valid JSON( at line \\d+, column \\d+)?"
                + "|no payload|trailing characters after the JSON value|a JSON object is expected)"), e.getMessage());
            assertEquals(List.of("body: " + e.getMessage().substring("The payload is not valid JSON: ".length())),
                e.details());
            assertEquals("MALFORMED_PAYLOAD", assertThrows(RuleViolationException.class,
                () -> TransferUpdate.fromJson(text, true), String.valueOf(text)).reason());
        }
        // Parsson counts the column after the unexpected character ('n', the 2nd)
        assertEquals("The payload is not valid JSON: not valid JSON at line 1, column 3",
            assertThrows(RuleViolationException.class, () -> TransferPayload.fromJson("{not json")).getMessage());
        // Well-formed JSON with wrong member types: every problem listed, as before.
        RuleViolationException e = assertThrows(RuleViolationException.class, () -> TransferUpdate.fromJson(
            "{\"transferId\":7,\"status\":\"LOST\",\"at\":\"yesterday\",\"note\":[]}", false));
        assertEquals(List.of("transferId: text expected", "status: one of " + List.of(TransferStatus.values()),
            "at: ISO-8601 date-time with offset required", "note: text expected"), e.details());
        e = assertThrows(RuleViolationException.class, () -> TransferPayload.fromJson(
            "{\"transferId\":\"x\",\"legPosition\":\"1\",\"share\":[],\"documents\":[1,{\"position\":2.5}],\"applicant\":null}"));
        assertTrue(e.details().containsAll(List.of("legPosition: number required", "share: object required",
            "documents[0]: an object is expected", "documents[1].position: whole number required",
            "documents[1].name: required", "applicant: object required", "share.value: number required")),
            e.details().toString());
    }
}
