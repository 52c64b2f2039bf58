package vn.gov.quangtri.motcua.notification.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import vn.gov.quangtri.motcua.shared.domain.RuleViolationException;

class TemplateTextTest {

    /** A supplement request at Xã Vĩnh Linh: appointment 10:00 on 5/3/2026 Vietnam time (03:00 UTC). */
    private static final MilestoneFacts FACTS = new MilestoneFacts("Trần Thị Mỹ Dung", "000.00.60.H50-260302-0007",
        "Đăng ký khai sinh", "UBND xã Vĩnh Linh", Instant.parse("2026-03-05T03:00:00Z"), null,
        List.of("Bản sao Giấy chứng nhận kết hôn", "Tờ khai đăng ký khai sinh"), "Mang bản chính để đối chiếu", 8000L,
        null, "https://dichvucong.quangtri.gov.vn/motcua/public/lookup.xhtml?code=000.00.60.H50-260302-0007");

    @Test
    @DisplayName("A Vietnamese supplement request is filled with the dossier's facts, the items one per line")
    void vietnameseSupplement() {
        String template = "Kính gửi {{applicant}},\n\nHồ sơ {{code}} về thủ tục \"{{procedure}}\" cần bổ sung tại "
            + "{{unit}}:\n{{items}}\n{{details}}\nHẹn trả: {{appointment}}. Tra cứu: {{link}}";
        assertEquals("Kính gửi Trần Thị Mỹ Dung,\n\nHồ sơ 000.00.60.H50-260302-0007 về thủ tục \"Đăng ký khai sinh\" "
                + "cần bổ sung tại UBND xã Vĩnh Linh:\n- Bản sao Giấy chứng nhận kết hôn\n- Tờ khai đăng ký khai sinh\n"
                + "Mang bản chính để đối chiếu\nHẹn trả: 05/03/2026 10:00. Tra cứu: "
                + "https://dichvucong.quangtri.gov.vn/motcua/public/lookup.xhtml?code=000.00.60.H50-260302-0007",
            TemplateText.render(template, FACTS.values("vi")));
    }

    @Test
    @DisplayName("Amounts: 8.000 đồng in Vietnamese, 8,000 VND in English; unknown fee and none")
    void fees() {
        assertEquals("Phí: 8.000 đồng", TemplateText.render("Phí: {{fee}}", FACTS.values("vi")));
        assertEquals("Fee: 8,000 VND", TemplateText.render("Fee: {{fee}}", FACTS.values("en")));
        assertEquals("1.250.000 đồng", MilestoneFacts.fee(1_250_000L, false));
        assertEquals("theo quy định", MilestoneFacts.fee(null, false));
        assertEquals("none", MilestoneFacts.fee(0L, true));
    }

    @Test
    @DisplayName("Apology: old and new appointment in Vietnam time (UTC+7, across midnight UTC)")
    void apologyTimes() {
        MilestoneFacts f = new MilestoneFacts("Lê Anh Tuấn", "X", "P", "U", Instant.parse("2026-03-05T09:30:00Z"),
            Instant.parse("2026-03-09T17:00:00Z"), List.of(), null, null, "Thiếu ý kiến Sở Tài chính", "L");
        assertEquals("Hẹn cũ 05/03/2026 16:30, hẹn mới 10/03/2026 00:00. Lý do: Thiếu ý kiến Sở Tài chính",
            TemplateText.render("Hẹn cũ {{appointment}}, hẹn mới {{newAppointment}}. Lý do: {{reason}}", f.values("vi")));
    }

    @Test
    @DisplayName("Spaces inside braces are allowed; unknown placeholders stay as typed; missing values are empty")
    void placeholders() {
        assertEquals("000.00.60.H50-260302-0007 {{ho_ten}} []",
            TemplateText.render("{{ code }} {{ho_ten}} [{{newAppointment}}]", FACTS.values("vi")));
        assertEquals(List.of("hoTen"), TemplateText.unknownPlaceholders("{{hoTen}} {{code}} {{hoTen}}"));
        assertEquals("$1 \\ {{x", TemplateText.render("$1 \\ {{x", FACTS.values("vi")));
    }

    @Test
    @DisplayName("An administrator's edit is refused with every problem: blank body, unknown placeholder")
    void editChecks() {
        NotificationTemplate t = new NotificationTemplate(Milestone.RECEIVED, "vi", "s", "b", "t");
        RuleViolationException e = assertThrows(RuleViolationException.class,
            () -> t.edit("Hồ sơ {{maHoSo}}", " ", "ok", "quantri.tinh", Instant.EPOCH));
        assertEquals("INVALID_TEMPLATE", e.reason());
        assertEquals(List.of("subject: unknown placeholder {{maHoSo}}", "body: required"), e.details());
        t.edit(" Hồ sơ {{code}} ", "Nội dung", "Ngắn", "quantri.tinh", Instant.EPOCH);
        assertEquals("Hồ sơ {{code}}", t.subject());
        assertTrue(t.updatedBy().equals("quantri.tinh"));
    }
}
