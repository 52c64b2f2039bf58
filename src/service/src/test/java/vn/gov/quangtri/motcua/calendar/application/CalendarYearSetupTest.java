package vn.gov.quangtri.motcua.calendar.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.gov.quangtri.motcua.shared.infrastructure.persistence.AdminTestBed.vn;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import vn.gov.quangtri.motcua.account.domain.AccessScope;
import vn.gov.quangtri.motcua.account.domain.Role;
import vn.gov.quangtri.motcua.audit.application.AdminAuditLog;
import vn.gov.quangtri.motcua.audit.domain.AdminArea;
import vn.gov.quangtri.motcua.audit.domain.AdminChange;
import vn.gov.quangtri.motcua.calendar.domain.CalendarEdits.DayOffKind;
import vn.gov.quangtri.motcua.calendar.domain.CalendarYear;
import vn.gov.quangtri.motcua.calendar.domain.CalendarYears.ProposedDay;
import vn.gov.quangtri.motcua.calendar.domain.TimeLimit;
import vn.gov.quangtri.motcua.calendar.domain.TimeLimitUnit;
import vn.gov.quangtri.motcua.shared.domain.DomainException;
import vn.gov.quangtri.motcua.shared.domain.ForbiddenException;
import vn.gov.quangtri.motcua.shared.infrastructure.persistence.AdminTestBed;

/**
 * Setting up a new year of the holiday calendar (issue 9 item 2) on a migrated database: before creation a
 * day of 2028 and a deadline in 2028 are refused; creating 2028 (system administrators, audited) makes its
 * deadlines computable at once (weekends only), and its days can then be added.
 */
class CalendarYearSetupTest {

    private static final TimeLimit TWO_WORKING_DAYS = new TimeLimit(java.math.BigDecimal.valueOf(2), TimeLimitUnit.WORKING_DAY);

    private AdminTestBed bed;
    private CalendarAdministration admin;
    private AdminAuditLog log;

    private void open(String kind) {
        bed = "h2".equals(kind) ? new AdminTestBed() : new AdminTestBed(kind);
        admin = bed.wire(new CalendarAdministration());
        log = bed.wire(new AdminAuditLog());
    }

    @AfterEach
    void tearDown() {
        if (bed != null) {
            bed.close();
        }
    }

    private String reason(Runnable r) {
        RuntimeException e = bed.committedDespite(r);
        return e instanceof DomainException d ? d.reason() : String.valueOf(e);
    }

    private Instant due(Instant from) {
        return bed.calendars().current().dueAt(bed.calendars().current().clockStart(from), TWO_WORKING_DAYS);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"h2", "postgresql"})
    @DisplayName("V12 registers the loaded years 2024–2027 as configured, without a creator")
    void loadedYearsConfigured(String kind) {
        open(kind);
        assertEquals(Set.of(2024, 2025, 2026, 2027), bed.calendars().coveredYears());
        ConfiguredYear y2026 = admin.years().get(2);
        assertEquals(2026, y2026.year());
        assertEquals(13, y2026.entries(), "13 rows of 2026 in holidays.csv");
        assertNull(y2026.createdBy());
    }

    /**
     * Fri 28/4/2028 10:00 + 2 working days, by hand: weekends only → Mon 1/5 (1), Tue 2/5 (2) = 2/5 10:00;
     * with 1/5 a holiday → Tue 2/5, Wed 3/5 = 3/5 10:00; with Tue 2/5 a compensatory day too → Wed 3/5, Thu 4/5.
     * Thu 4/5/2028 10:00 + 2: Fri 5/5, Mon 8/5; with Sat 6/5 a make-up working day → Sat 6/5 10:00.
     */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"h2", "postgresql"})
    @DisplayName("2028: refused before creation; created (audited, cache reloaded), then its days are added and move deadlines")
    void createYearThenAddDays(String kind) {
        open(kind);
        assertEquals("CALENDAR_YEAR_MISSING", reason(() -> admin.addDayOff(LocalDate.of(2028, 5, 1), DayOffKind.HOLIDAY,
            "Ngày Quốc tế Lao động", "admin.lich", "Lịch 2028")));
        assertEquals("CALENDAR_YEAR_MISSING", reason(() -> admin.proposal(2028)));
        assertEquals("CALENDAR_YEAR_MISSING", reason(() -> bed.calendars().requireCovered(vn(2028, 4, 28, 10, 0))));

        ConfiguredYear created = bed.tx(() -> admin.createYear(2028, "admin.lich", "Chuẩn bị lịch nghỉ năm 2028"));
        assertEquals(new ConfiguredYear(2028, 0, AdminTestBed.NOW, "admin.lich"), created);
        assertTrue(bed.calendars().coveredYears().contains(2028), "singleton reloaded without restart");
        bed.calendars().requireCovered(vn(2028, 4, 28, 10, 0), vn(2028, 12, 31, 17, 0));
        assertEquals(vn(2028, 5, 2, 10, 0), due(vn(2028, 4, 28, 10, 0)), "weekends only");
        AdminChange audit = log.latest(1).get(0);
        assertEquals(List.of("admin.lich", "CALENDAR_CREATE_YEAR", "2028", "Chuẩn bị lịch nghỉ năm 2028"),
            List.of(audit.actor(), audit.action(), audit.subject(), audit.reason()));
        assertEquals(AdminArea.CALENDAR, audit.area());
        assertEquals(AdminTestBed.NOW, audit.occurredAt());
        bed.fresh();
        CalendarYear row = bed.em().find(CalendarYear.class, 2028);
        assertEquals("admin.lich", row.createdBy());
        assertEquals(AdminTestBed.NOW, row.createdAt());

        bed.tx(() -> admin.addDayOff(LocalDate.of(2028, 5, 1), DayOffKind.HOLIDAY, "Ngày Quốc tế Lao động",
            "admin.lich", "Bộ luật Lao động 2019, Điều 112"));
        assertEquals(vn(2028, 5, 3, 10, 0), due(vn(2028, 4, 28, 10, 0)));
        bed.tx(() -> admin.addDayOff(LocalDate.of(2028, 5, 2), DayOffKind.COMPENSATORY, "Nghỉ bù Ngày Chiến thắng",
            "admin.lich", "Bộ luật Lao động 2019, Điều 111 khoản 3"));
        assertEquals(vn(2028, 5, 4, 10, 0), due(vn(2028, 4, 28, 10, 0)));
        assertEquals(vn(2028, 5, 8, 10, 0), due(vn(2028, 5, 4, 10, 0)));
        bed.tx(() -> admin.addMakeUpWorkingDay(LocalDate.of(2028, 5, 6), "Làm bù (thử)", "admin.lich", "Thử"));
        assertEquals(vn(2028, 5, 6, 10, 0), due(vn(2028, 5, 4, 10, 0)));
        assertEquals(3, admin.years().get(4).entries());

        // The proposal no longer offers the days entered; the year stays configured when its days are removed.
        List<LocalDate> proposed = admin.proposal(2028).stream().map(ProposedDay::date).toList();
        assertFalse(proposed.contains(LocalDate.of(2028, 5, 1)));
        assertTrue(proposed.contains(LocalDate.of(2028, 4, 30)));
        for (LocalDate d : List.of(LocalDate.of(2028, 5, 1), LocalDate.of(2028, 5, 2), LocalDate.of(2028, 5, 6))) {
            bed.tx(() -> admin.remove(d, "admin.lich", "Hoàn tác"));
        }
        assertEquals(0, admin.years().get(4).entries());
        assertTrue(bed.calendars().coveredYears().contains(2028));
        assertEquals(vn(2028, 5, 2, 10, 0), due(vn(2028, 4, 28, 10, 0)));
    }

    @Test
    @DisplayName("Creating a year twice, a past year or by a non-administrator is refused; nothing is stored")
    void refusals() {
        open("h2");
        bed.tx(() -> admin.createYear(2028, "admin.lich", "Lịch 2028"));
        int audits = log.latest(10).size();
        assertEquals("CALENDAR_YEAR_EXISTS", reason(() -> admin.createYear(2028, "admin.lich", "Lần hai")));
        assertEquals("CALENDAR_YEAR_EXISTS", reason(() -> admin.createYear(2027, "admin.lich", "Đã có")));
        assertEquals("YEAR_OUT_OF_RANGE", reason(() -> admin.createYear(2023, "admin.lich", "Năm đã qua")));
        assertEquals("REASON_REQUIRED", reason(() -> admin.createYear(2029, "admin.lich", " ")));
        for (Role role : List.of(Role.LEADER, Role.AGENCY_ADMIN)) {
            bed.actAs(new AccessScope("quantri.vinhlinh", EnumSet.of(role), Set.of("QT25.XA_VINH_LINH"), false));
            RuntimeException e = bed.committedDespite(() -> admin.createYear(2029, "x", "r"));
            assertEquals("ROLE_REQUIRED", e instanceof ForbiddenException f ? f.reason() : String.valueOf(e));
            assertEquals(5, admin.years().size(), "reading is open to signed-in accounts");
        }
        bed.fresh();
        assertNull(bed.em().find(CalendarYear.class, 2029));
        assertEquals(audits, log.latest(10).size());
        assertFalse(bed.calendars().coveredYears().contains(2029));
    }

    /** Vietnam is UTC+7: 1 October 2027 begins at 2027-09-30T17:00Z. */
    @Test
    @DisplayName("Banner: from 1 October (Vietnam date) when next year is missing, for system administrators only")
    void banner() {
        open("h2");
        at(Instant.parse("2027-09-30T16:59:00Z"));
        assertEquals(Optional.empty(), admin.yearToSetUp(), "30/9/2027 23:59 in Vietnam");
        at(Instant.parse("2027-09-30T17:00:00Z"));
        assertEquals(Optional.of(2028), admin.yearToSetUp(), "1/10/2027 00:00 in Vietnam");
        at(Instant.parse("2026-10-01T02:00:00Z"));
        assertEquals(Optional.empty(), admin.yearToSetUp(), "2027 is configured");
        at(Instant.parse("2027-12-31T09:00:00Z"));
        bed.actAs(new AccessScope("quantri.vinhlinh", EnumSet.of(Role.AGENCY_ADMIN), Set.of("QT25.XA_VINH_LINH"), false));
        assertEquals(Optional.empty(), admin.yearToSetUp(), "not for an agency administrator");
        bed.actAs(AccessScope.SYSTEM);
        assertEquals(Optional.of(2028), admin.yearToSetUp());
        bed.tx(() -> admin.createYear(2028, "admin.lich", "Lịch 2028"));
        assertEquals(Optional.empty(), admin.yearToSetUp(), "gone once 2028 is created");
    }

    private void at(Instant now) {
        AdminTestBed.set(admin, "clock", Clock.fixed(now, ZoneOffset.UTC));
    }
}
