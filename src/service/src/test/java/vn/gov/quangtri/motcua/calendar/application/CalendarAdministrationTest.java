package vn.gov.quangtri.motcua.calendar.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.gov.quangtri.motcua.shared.infrastructure.persistence.AdminTestBed.vn;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import vn.gov.quangtri.motcua.account.domain.AccessScope;
import vn.gov.quangtri.motcua.account.domain.Role;
import vn.gov.quangtri.motcua.audit.application.AdminAuditLog;
import vn.gov.quangtri.motcua.audit.domain.AdminArea;
import vn.gov.quangtri.motcua.audit.domain.AdminChange;
import vn.gov.quangtri.motcua.calendar.domain.CalendarDay;
import vn.gov.quangtri.motcua.calendar.domain.CalendarEdits.DayOffKind;
import vn.gov.quangtri.motcua.dossier.domain.CalendarImpact;
import vn.gov.quangtri.motcua.shared.domain.DomainException;
import vn.gov.quangtri.motcua.shared.domain.ForbiddenException;
import vn.gov.quangtri.motcua.shared.infrastructure.persistence.AdminTestBed;

/**
 * Holiday-calendar administration on H2 with the reference calendar 2024–2027 (docs/cases.md C03, C04): edits are
 * checked, audited, reload the singleton, and report the open dossiers they would move without moving them.
 */
class CalendarAdministrationTest {

    private static final String COMMUNE_2024 = "QT.D464.THI_TRAN_HO_XA";
    private static final String COMMUNE_2026 = "QT25.XA_VINH_LINH";
    private static final String MARITAL_STATUS = "1.004873"; // 3 working days

    private AdminTestBed bed;
    private CalendarAdministration admin;
    private AdminAuditLog log;

    @BeforeEach
    void setUp() {
        bed = new AdminTestBed();
        setUpServices();
    }

    private void setUpServices() {
        admin = bed.wire(new CalendarAdministration());
        log = bed.wire(new AdminAuditLog());
    }

    /** Runs the test on another database than the default H2. */
    private void onDatabase(String kind) {
        if (!"h2".equals(kind)) {
            bed.close();
            bed = new AdminTestBed(kind);
            setUpServices();
        }
    }

    @AfterEach
    void tearDown() {
        bed.close();
    }

    private String reason(Runnable r) {
        RuntimeException e = bed.failing(r);
        return e instanceof DomainException d ? d.reason() : String.valueOf(e);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"h2", "postgresql"})
    @DisplayName("C03: removing make-up Saturday 4/5/2024 reports the dossier of Fri 26/4 10:00 (Sat 4/5 → Mon 6/5) without moving it")
    void c03RemoveMakeUpDay(String kind) {
        onDatabase(kind);
        String code = bed.receive(MARITAL_STATUS, COMMUNE_2024, vn(2024, 4, 26, 10, 0));
        assertEquals(vn(2024, 5, 4, 10, 0), bed.dossier(code).clock().dueAt(), "C03 expected appointment");
        String finished = bed.receive(MARITAL_STATUS, COMMUNE_2024, vn(2024, 4, 26, 11, 0));
        bed.tx(() -> {
            bed.dossier(finished).stop(vn(2024, 4, 27, 9, 0), "motcua.desk", "Người nộp rút hồ sơ");
            return null;
        });

        CalendarChange change = bed.tx(() -> admin.remove(LocalDate.of(2024, 5, 4), "admin.lich",
            "Rà soát lịch 2024 theo thông báo của Bộ Nội vụ"));
        assertEquals(1, change.affected().size(), "the stopped dossier is not open");
        CalendarImpact.Affected a = change.affected().get(0);
        assertEquals(code, a.code());
        assertEquals(vn(2024, 5, 4, 10, 0), a.dueAt());
        assertEquals(vn(2024, 5, 6, 10, 0), a.recomputedDueAt());
        bed.fresh();
        assertEquals(vn(2024, 5, 4, 10, 0), bed.dossier(code).clock().dueAt(), "stored deadline not moved");
        assertFalse(bed.calendars().current().isWorkingDay(LocalDate.of(2024, 5, 4)), "singleton reloaded");

        AdminChange audit = log.latest(1).get(0);
        assertEquals("admin.lich", audit.actor());
        assertEquals(AdminArea.CALENDAR, audit.area());
        assertEquals("CALENDAR_REMOVE_DAY", audit.action());
        assertEquals("2024-05-04", audit.subject());
        assertEquals(AdminTestBed.NOW, audit.occurredAt());
        // in Vietnamese, the language of the records (issue 9 item 8: was "open dossiers affected: 1; … → ?")
        assertTrue(audit.details().contains("hồ sơ đang giải quyết bị ảnh hưởng: 1; " + code
            + ": hẹn 10:00 04/05/2024 → 10:00 06/05/2024"), audit.details());

        // Thu 2/5 becomes a holiday as well: Fri 3 = 1, Mon 6 = 2, Tue 7 = 3.
        CalendarChange holiday = bed.tx(() -> admin.addDayOff(LocalDate.of(2024, 5, 2), DayOffKind.SWAP_DAY_OFF,
            "Nghỉ hoán đổi (thử)", "admin.lich", "Thử nghiệm"));
        assertEquals(1, holiday.affected().size());
        assertNull(holiday.affected().get(0).recomputedDueAt(),
            "stored 4/5 was computed under an earlier calendar: recompute by hand");
        assertTrue(log.latest(1).get(0).details().endsWith(code + ": hẹn 10:00 04/05/2024 → chưa tính lại được"),
            log.latest(1).get(0).details());

        // Back to the official schedule: the stored appointment is right again, nothing is reported.
        bed.tx(() -> admin.remove(LocalDate.of(2024, 5, 2), "admin.lich", "Hoàn tác"));
        CalendarChange back = bed.tx(() -> admin.addMakeUpWorkingDay(LocalDate.of(2024, 5, 4), "Làm bù cho ngày 29/4",
            "admin.lich", "Hoàn tác"));
        assertEquals(List.of(), back.affected());
        assertTrue(bed.calendars().current().isWorkingDay(LocalDate.of(2024, 5, 4)));
        assertEquals(List.of("CALENDAR_ADD_MAKE_UP_DAY", "CALENDAR_REMOVE_DAY"),
            log.latestFor(AdminArea.CALENDAR, "2024-05-04", 10).stream().map(AdminChange::action).toList());
        assertEquals(4, log.latest(10).size());
    }

    @Test
    @DisplayName("C04: without the compensatory Monday 27/4/2026 the dossier of Fri 24/4 would be due Wed 29/4 instead of Mon 4/5")
    void c04CompensatoryDay() {
        String code = bed.receive(MARITAL_STATUS, COMMUNE_2026, vn(2026, 4, 24, 10, 0));
        assertEquals(vn(2026, 5, 4, 10, 0), bed.dossier(code).clock().dueAt(), "C04 expected appointment");
        CalendarChange removed = bed.tx(() -> admin.remove(LocalDate.of(2026, 4, 27), "admin.lich", "Thử"));
        assertEquals(vn(2026, 4, 29, 10, 0), removed.affected().get(0).recomputedDueAt());
        CalendarChange readded = bed.tx(() -> admin.addDayOff(LocalDate.of(2026, 4, 27), DayOffKind.COMPENSATORY,
            "Nghỉ bù Giỗ Tổ Hùng Vương", "admin.lich", "Bộ luật Lao động 2019, Điều 111 khoản 3"));
        assertEquals(List.of(), readded.affected());
        assertEquals(vn(2026, 5, 4, 10, 0), bed.dossier(code).clock().dueAt());
    }

    @Test
    @DisplayName("Edits that make no sense are refused with a reason code; nothing is stored")
    void refusals() {
        assertEquals("MAKE_UP_DAY_NOT_WEEKEND", reason(() -> admin.addMakeUpWorkingDay(LocalDate.of(2024, 5, 3),
            "Làm bù", "a", "r")));
        assertEquals("DAY_ALREADY_OFF", reason(() -> admin.addDayOff(LocalDate.of(2024, 4, 30), DayOffKind.HOLIDAY,
            "Ngày Chiến thắng", "a", "r")));
        assertEquals("DAY_IS_MAKE_UP_WORKING_DAY", reason(() -> admin.addDayOff(LocalDate.of(2024, 5, 4),
            DayOffKind.HOLIDAY, "Nghỉ", "a", "r")));
        assertEquals("DAY_ALREADY_HAS_ENTRY", reason(() -> admin.addMakeUpWorkingDay(LocalDate.of(2024, 5, 4),
            "Làm bù", "a", "r")));
        assertEquals("COMPENSATORY_NOT_WEEKDAY", reason(() -> admin.addDayOff(LocalDate.of(2026, 5, 9),
            DayOffKind.COMPENSATORY, "Nghỉ bù", "a", "r")));
        assertEquals("CALENDAR_YEAR_MISSING", reason(() -> admin.addDayOff(LocalDate.of(2030, 1, 1),
            DayOffKind.HOLIDAY, "Tết Dương lịch", "a", "r")));
        assertEquals("NOT_FOUND", reason(() -> admin.remove(LocalDate.of(2026, 3, 3), "a", "r")));
        assertEquals("REASON_REQUIRED", reason(() -> admin.remove(LocalDate.of(2026, 4, 27), "a", " ")));
        assertEquals("ACTOR_REQUIRED", reason(() -> admin.remove(LocalDate.of(2026, 4, 27), null, "r")));
        assertEquals(List.of(), log.latest(10));
        assertFalse(bed.calendars().current().isWorkingDay(LocalDate.of(2026, 4, 27)));
    }

    @Test
    @DisplayName("A year lists its days with weekday and lunar date (C05); a holiday on a Sunday warns about the compensatory day")
    void yearAndWarnings() {
        List<CalendarEntry> y2026 = admin.year(2026);
        CalendarEntry hung = y2026.stream().filter(e -> e.date().equals(LocalDate.of(2026, 4, 26))).findFirst().orElseThrow();
        assertEquals(DayOfWeek.SUNDAY, hung.dayOfWeek());
        assertEquals("10/3/2026 âm lịch", hung.lunarDate());
        assertFalse(hung.workingDay());
        CalendarChange sunday = bed.tx(() -> admin.addDayOff(LocalDate.of(2026, 11, 22), DayOffKind.HOLIDAY,
            "Ngày lễ mới (thử)", "admin.lich", "Thử"));
        assertTrue(sunday.warnings().stream().anyMatch(w -> w.contains("nghỉ bù")), sunday.warnings().toString());
        assertEquals(List.of(), sunday.affected(), "a Sunday was already off");
    }

    @Test
    @DisplayName("A leader or an agency administrator may read the year but not edit it: refused, nothing stored, calendar unchanged")
    void nonAdministratorRefused() {
        for (Role role : List.of(Role.LEADER, Role.AGENCY_ADMIN)) {
            bed.actAs(new AccessScope("lanhdao.vinhlinh", EnumSet.of(role), Set.of(COMMUNE_2026), false));
            assertFalse(admin.year(2026).isEmpty());
            admin.checkYear(2026);
            for (Runnable edit : List.<Runnable>of(
                    () -> admin.addDayOff(LocalDate.of(2026, 3, 3), DayOffKind.SWAP_DAY_OFF, "Nghỉ (thử)", "x", "r"),
                    () -> admin.addMakeUpWorkingDay(LocalDate.of(2026, 3, 7), "Làm bù (thử)", "x", "r"),
                    () -> admin.remove(LocalDate.of(2026, 4, 27), "x", "r"))) {
                RuntimeException e = bed.committedDespite(edit);
                assertEquals("ROLE_REQUIRED", e instanceof ForbiddenException f ? f.reason() : String.valueOf(e));
            }
        }
        bed.fresh();
        assertNull(bed.em().find(CalendarDay.class, LocalDate.of(2026, 3, 3)));
        assertNull(bed.em().find(CalendarDay.class, LocalDate.of(2026, 3, 7)));
        assertFalse(bed.em().find(CalendarDay.class, LocalDate.of(2026, 4, 27)) == null);
        assertTrue(bed.calendars().current().isWorkingDay(LocalDate.of(2026, 3, 3)));
        assertEquals(List.of(), log.latest(10));
        bed.actAs(AccessScope.NONE);
        RuntimeException anonymous = bed.committedDespite(() -> admin.year(2026));
        assertEquals("SIGN_IN_REQUIRED", anonymous instanceof ForbiddenException f ? f.reason() : String.valueOf(anonymous));
    }

    @Test
    @DisplayName("Issue 9: the reference calendar names its sources in Vietnamese (V15), e.g. 1/1/2024 Bộ luật Lao động 2019, Điều 112")
    void referenceSourcesInVietnamese() {
        assertEquals("Bộ luật Lao động 2019, Điều 112", bed.em().find(CalendarDay.class, LocalDate.of(2024, 1, 1)).source());
        List<String> sources = bed.em().createQuery("SELECT DISTINCT c.source FROM CalendarDay c WHERE c.source IS NOT NULL",
            String.class).getResultList();
        assertEquals(21, sources.size(), sources.toString());
        for (String source : sources) {
            assertFalse(source.matches("(?i).*\\b(labour|code|art|schedule|official|TBD|lunar|computed|news|recollection"
                + "|government|arrangement|verified|adjacent)\\b.*"), source);
        }
    }
}
