package vn.gov.quangtri.motcua.catalogue.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import vn.gov.quangtri.motcua.calendar.domain.TimeLimit;
import vn.gov.quangtri.motcua.calendar.domain.TimeLimitUnit;
import vn.gov.quangtri.motcua.dossier.domain.CompletenessCheck;
import vn.gov.quangtri.motcua.dossier.domain.DocumentLine;
import vn.gov.quangtri.motcua.shared.domain.ConflictException;
import vn.gov.quangtri.motcua.shared.domain.DomainException;

/** Catalogue edits: revisions, validation, and step allotments against the statutory limit (480 min/day). */
class ProcedureRevisionTest {

    private static final long DAY = 480;

    private static Procedure tenDayProcedure() {
        Procedure p = new Procedure("1.000001", false, "Thủ tục thử", "Đất đai", Set.of(ProcedureLevel.PROVINCE),
            TimeLimit.workingDays(10));
        p.addStep("Tiếp nhận", StepRole.ONE_STOP_OFFICER, StepKind.WORK, "Bộ phận Một cửa", halfDay());
        p.addStep("Thẩm định", StepRole.SPECIALIST, StepKind.WORK, "Phòng chuyên môn", TimeLimit.workingDays(6));
        p.addStep("Phê duyệt", StepRole.LEADER, StepKind.APPROVAL, "Lãnh đạo Sở", TimeLimit.workingDays(2));
        return p;
    }

    private static TimeLimit halfDay() {
        return new TimeLimit(new BigDecimal("0.5"), TimeLimitUnit.WORKING_DAY);
    }

    private static String reason(Runnable r) {
        return assertThrows(DomainException.class, r::run).reason();
    }

    @Test
    @DisplayName("Each save increases the revision; a stale revision is a concurrent change; a save without change is refused")
    void revisionPerSave() {
        Procedure p = tenDayProcedure();
        assertEquals(1, p.revision());
        List<String> changes = p.revise(new ProcedureDetails("Thủ tục thử (sửa)", "Đất đai", TimeLimit.workingDays(12), 50_000L), 1, DAY);
        assertEquals(2, p.revision());
        assertEquals(List.of("tên: Thủ tục thử → Thủ tục thử (sửa)", "thời hạn: 10 ngày làm việc → 12 ngày làm việc",
            "phí, lệ phí (đồng): — → 50000"), changes);
        assertThrows(ConflictException.class, () -> p.revise(new ProcedureDetails("Khác", null, TimeLimit.workingDays(12), null), 1, DAY));
        assertEquals("NO_CHANGE", reason(() -> p.revise(new ProcedureDetails("Thủ tục thử (sửa)", "Đất đai",
            TimeLimit.workingDays(12), 50_000L), null, DAY)));
        assertEquals(2, p.revision(), "a refused save changes nothing");
        assertTrue(p.electronicResult(), "issued electronically unless turned off");
        assertEquals(List.of("kết quả điện tử: có → không"), p.revise(new ProcedureDetails("Thủ tục thử (sửa)", "Đất đai",
            TimeLimit.workingDays(12), 50_000L, false), 2, DAY));
        assertFalse(p.electronicResult());
        assertEquals(3, p.revision());
    }

    @Test
    @DisplayName("Step allotments: 0.5 + 6 + 2 = 8.5 days fit 10; shortening the limit to 8 days or adding 2 more days is refused")
    void allotmentsAgainstLimit() {
        Procedure p = tenDayProcedure();
        AllotmentCheck check = p.allotmentCheck(DAY);
        assertEquals(4080, check.allottedMinutes());
        assertEquals(4800L, check.limitMinutes());
        assertEquals(720L, check.unallottedMinutes());
        assertFalse(check.exceedsLimit());
        assertEquals("STEP_ALLOTMENTS_EXCEED_LIMIT", reason(() -> p.revise(new ProcedureDetails("Thủ tục thử",
            "Đất đai", TimeLimit.workingDays(8), null), null, DAY)));
        List<StepSpec> tooLong = List.of(
            new StepSpec("Tiếp nhận", StepRole.ONE_STOP_OFFICER, StepKind.WORK, null, halfDay()),
            new StepSpec("Thẩm định", StepRole.SPECIALIST, StepKind.WORK, null, TimeLimit.workingDays(8)),
            new StepSpec("Phê duyệt", StepRole.LEADER, StepKind.APPROVAL, null, TimeLimit.workingDays(2)));
        assertEquals("STEP_ALLOTMENTS_EXCEED_LIMIT", reason(() -> p.replaceSteps(tooLong, null, DAY)));
        List<StepSpec> exact = List.of(
            new StepSpec("Tiếp nhận", StepRole.ONE_STOP_OFFICER, StepKind.WORK, null, TimeLimit.workingHours(4)),
            new StepSpec("Thẩm định", StepRole.SPECIALIST, StepKind.WORK, "Phòng Đất đai", TimeLimit.workingDays(7)),
            new StepSpec("Phê duyệt", StepRole.LEADER, StepKind.APPROVAL, null, TimeLimit.workingDays(2)),
            new StepSpec("Trả kết quả", StepRole.CLERK, StepKind.WORK, null, TimeLimit.workingHours(4)));
        p.replaceSteps(exact, 1, DAY);
        assertEquals(2, p.revision());
        assertEquals(4, p.steps().size());
        assertEquals(List.of(1, 2, 3, 4), p.steps().stream().map(ProcessStepTemplate::position).toList());
        assertEquals("Phòng Đất đai", p.steps().get(1).responsibleUnit());
        assertEquals(0L, p.allotmentCheck(DAY).unallottedMinutes());
        p.replaceSteps(exact.subList(0, 3), null, DAY);
        assertEquals(3, p.steps().size(), "trailing step removed");
        assertEquals("APPROVAL_STEP_MISSING", reason(() -> p.replaceSteps(exact.subList(0, 2), null, DAY)));
        assertEquals("STEP_ALLOTMENT_INVALID", reason(() -> p.replaceSteps(List.of(new StepSpec("Phê duyệt",
            StepRole.LEADER, StepKind.APPROVAL, null, TimeLimit.calendarDays(1))), null, DAY)));
        p.replaceSteps(List.of(), null, DAY);
        assertTrue(p.steps().isEmpty(), "empty = generic process");
    }

    @Test
    @DisplayName("Same-day limit allows 8 working hours (2.000908: 2 + 3 + 2 + 1 h); 9 hours are refused")
    void sameDayLimit() {
        Procedure p = new Procedure("2.000908", false, "Cấp bản sao từ sổ gốc", "Chứng thực", Set.of(ProcedureLevel.COMMUNE),
            TimeLimit.sameDay());
        List<StepSpec> eight = List.of(
            new StepSpec("Tiếp nhận hồ sơ", StepRole.ONE_STOP_OFFICER, StepKind.WORK, null, TimeLimit.workingHours(2)),
            new StepSpec("Thẩm định hồ sơ", StepRole.SPECIALIST, StepKind.WORK, null, TimeLimit.workingHours(3)),
            new StepSpec("Ký duyệt kết quả", StepRole.LEADER, StepKind.APPROVAL, null, TimeLimit.workingHours(2)),
            new StepSpec("Phát hành kết quả", StepRole.CLERK, StepKind.WORK, null, TimeLimit.workingHours(1)));
        p.replaceSteps(eight, null, DAY);
        assertEquals(0L, p.allotmentCheck(DAY).unallottedMinutes());
        List<StepSpec> nine = new java.util.ArrayList<>(eight);
        nine.set(0, new StepSpec("Tiếp nhận hồ sơ", StepRole.ONE_STOP_OFFICER, StepKind.WORK, null, TimeLimit.workingHours(3)));
        assertEquals("STEP_ALLOTMENTS_EXCEED_LIMIT", reason(() -> p.replaceSteps(nine, null, DAY)));
    }

    @Test
    @DisplayName("Time limit and fee validation: no removal, no zero working days, whole calendar days, no negative fee")
    void detailsValidation() {
        Procedure p = tenDayProcedure();
        assertEquals("TIME_LIMIT_REQUIRED", reason(() -> p.revise(new ProcedureDetails("X", null, null, null), null, DAY)));
        assertEquals("TIME_LIMIT_INVALID", reason(() -> p.revise(new ProcedureDetails("X", null, TimeLimit.workingDays(0), null), null, DAY)));
        assertEquals("TIME_LIMIT_INVALID", reason(() -> p.revise(new ProcedureDetails("X", null,
            new TimeLimit(new BigDecimal("10.5"), TimeLimitUnit.CALENDAR_DAY), null), null, DAY)));
        assertEquals("FEE_NEGATIVE", reason(() -> p.revise(new ProcedureDetails("X", null, TimeLimit.workingDays(10), -1L), null, DAY)));
        assertEquals("NAME_REQUIRED", reason(() -> p.revise(new ProcedureDetails(" ", null, TimeLimit.workingDays(10), null), null, DAY)));
        Procedure none = new Procedure("1.000016", false, "Chưa có thời hạn", null, Set.of(), null);
        none.revise(new ProcedureDetails("Chưa có thời hạn", "Hộ tịch", null, null), null, DAY);
        assertNull(none.timeLimit());
        assertFalse(none.canReceiveDossiers());
        none.revise(new ProcedureDetails("Chưa có thời hạn", "Hộ tịch", TimeLimit.calendarDays(10), null), null, DAY);
        assertTrue(none.canReceiveDossiers());
        assertEquals(3, none.revision());
    }

    @Test
    @DisplayName("Documents: form, copies, required or conditional; a missing conditional document does not block intake")
    void documents() {
        Procedure p = tenDayProcedure();
        p.replaceDocuments(List.of(
            DocumentSpec.required("Đơn đề nghị", DocumentForm.ORIGINAL, 1),
            new DocumentSpec("Giấy ủy quyền", DocumentForm.CERTIFIED_COPY, 1, false, "Trường hợp nộp thay"),
            DocumentSpec.required("Bản vẽ", DocumentForm.COPY, 2)), 1);
        assertEquals(2, p.revision());
        assertEquals(3, p.documents().size());
        RequiredDocument proxy = p.documents().get(1);
        assertFalse(proxy.required());
        assertEquals("Trường hợp nộp thay", proxy.condition());
        assertEquals(2, p.documents().get(2).quantity());
        assertEquals(List.of(), CompletenessCheck.deficiencies(p, List.of(
            new DocumentLine(1, null, DocumentForm.ORIGINAL, 1), new DocumentLine(3, null, DocumentForm.COPY, 2))));
        assertEquals(List.of("Sai hình thức (cần CERTIFIED_COPY): Giấy ủy quyền"), CompletenessCheck.deficiencies(p, List.of(
            new DocumentLine(1, null, DocumentForm.ORIGINAL, 1), new DocumentLine(2, null, DocumentForm.COPY, 1),
            new DocumentLine(3, null, DocumentForm.COPY, 2))), "a conditional document handed in is still checked");
        assertEquals("CONDITION_REQUIRED", reason(() -> p.replaceDocuments(List.of(
            new DocumentSpec("Giấy ủy quyền", DocumentForm.COPY, 1, false, " ")), null)));
        assertEquals("COPIES_INVALID", reason(() -> p.replaceDocuments(List.of(
            DocumentSpec.required("Đơn", DocumentForm.COPY, 0)), null)));
        p.replaceDocuments(List.of(DocumentSpec.required("Đơn đề nghị (mẫu mới)", DocumentForm.ORIGINAL, 1)), null);
        assertEquals(1, p.documents().size());
        assertEquals(3, p.revision());
    }
}
