package vn.gov.quangtri.motcua.reporting.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.Persistence;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import vn.gov.quangtri.motcua.agency.domain.Agency;
import vn.gov.quangtri.motcua.calendar.domain.Appointment;
import vn.gov.quangtri.motcua.calendar.domain.CalendarDay;
import vn.gov.quangtri.motcua.calendar.domain.OfficeHours;
import vn.gov.quangtri.motcua.calendar.domain.WorkingCalendar;
import vn.gov.quangtri.motcua.catalogue.domain.DocumentForm;
import vn.gov.quangtri.motcua.catalogue.domain.Procedure;
import vn.gov.quangtri.motcua.dossier.domain.Apology;
import vn.gov.quangtri.motcua.dossier.domain.Applicant;
import vn.gov.quangtri.motcua.dossier.domain.Channel;
import vn.gov.quangtri.motcua.dossier.domain.DocumentLine;
import vn.gov.quangtri.motcua.dossier.domain.Dossier;
import vn.gov.quangtri.motcua.dossier.domain.DossierCode;
import vn.gov.quangtri.motcua.dossier.domain.DossierIntake;
import vn.gov.quangtri.motcua.dossier.domain.DossierPauses;
import vn.gov.quangtri.motcua.dossier.domain.DossierStatus;
import vn.gov.quangtri.motcua.dossier.domain.ProcessPlanner;
import vn.gov.quangtri.motcua.dossier.domain.Submission;
import vn.gov.quangtri.motcua.dossier.domain.Timeliness;
import vn.gov.quangtri.motcua.reporting.domain.DossierFacts;
import vn.gov.quangtri.motcua.reporting.domain.PeriodFigures;
import vn.gov.quangtri.motcua.reporting.domain.PeriodReport;
import vn.gov.quangtri.motcua.reporting.domain.ReportGrouping;
import vn.gov.quangtri.motcua.reporting.domain.ReportPeriod;
import vn.gov.quangtri.motcua.shared.domain.RuleViolationException;
import vn.gov.quangtri.motcua.shared.domain.VietnamTime;
import vn.gov.quangtri.motcua.shared.infrastructure.persistence.TestDatabases;

/**
 * The reporting queries (JPQL) on a Flyway-built database with the reference data, on H2 and PostgreSQL,
 * without an application server. Dossiers are built with the domain API; figures worked out by hand.
 *
 * <p>Units: X = Xã Vĩnh Linh, Y = Xã Dân Hóa, Z = Xã Kim Điền (no dossiers), and Thị trấn Hồ Xá, closed on
 * 30/6/2025. Procedure 1.004873 (3 working days; generic process, first step = desk hand-over) and 2.000908
 * (same day; approved process whose approval step is "Lãnh đạo UBND cấp xã"). No holiday in March 2026.
 */
class ReportingServiceTest {

    static final String X = "QT25.XA_VINH_LINH";
    static final String Y = "QT25.XA_DAN_HOA";
    static final String Z = "QT25.XA_KIM_DIEN";
    static final String CLOSED = "QT.D464.THI_TRAN_HO_XA";
    static final List<String> SCOPE = List.of(X, Y, Z, CLOSED);
    static final ReportPeriod MARCH = ReportPeriod.ofMonth(YearMonth.of(2026, 3));
    /** Fri 20 Mar 2026 10:00, Vietnam time. */
    static final Instant NOW = vn(3, 20, 10, 0);

    private TestDatabases.Db db;
    private EntityManagerFactory emf;
    private EntityManager em;
    private WorkingCalendar calendar;
    private final Map<String, Integer> sequences = new HashMap<>();
    private final Map<String, String> codes = new HashMap<>();

    static Instant vn(int month, int day, int hour, int minute) {
        return ZonedDateTime.of(2026, month, day, hour, minute, 0, 0, VietnamTime.ZONE).toInstant();
    }

    @AfterEach
    void tearDown() {
        if (em != null) {
            em.close();
        }
        if (emf != null) {
            emf.close();
        }
        if (db != null) {
            db.drop().run();
        }
    }

    private ReportingService setUp(String kind) {
        db = "h2".equals(kind) ? TestDatabases.h2("reporting" + System.nanoTime()) : TestDatabases.postgres("motcua_reporting");
        Flyway.configure().dataSource(db.url(), db.user(), db.password()).locations("classpath:db/migration")
            .javaMigrations(vn.gov.quangtri.motcua.shared.infrastructure.persistence.DatabaseMigrator.javaMigrations()).load().migrate();
        emf = Persistence.createEntityManagerFactory("motcua-schema-test", db.jpa());
        em = emf.createEntityManager();
        Map<LocalDate, Boolean> overrides = new HashMap<>();
        for (CalendarDay day : em.createNamedQuery("CalendarDay.findAll", CalendarDay.class).getResultList()) {
            overrides.put(day.day(), day.workingDay());
        }
        calendar = new WorkingCalendar(OfficeHours.standard(), overrides);
        em.getTransaction().begin();
        storeScenario();
        em.getTransaction().commit();
        em.clear();
        return new ReportingService(em, Clock.fixed(NOW, ZoneOffset.UTC), calendar);
    }

    private Procedure procedure(String code) {
        return em.createNamedQuery("Procedure.findByCode", Procedure.class).setParameter("code", code).getSingleResult();
    }

    private DossierCode nextCode(Agency a, Instant at) {
        LocalDate day = VietnamTime.local(at).toLocalDate();
        return DossierCode.of(a.edocCode(), day, sequences.merge(a.code() + day, 1, Integer::sum));
    }

    private static Applicant applicant(String name) {
        return new Applicant(Applicant.Kind.INDIVIDUAL, name, "045190001234", "0912345678", null,
            "Khu phố 3, phường Đông Hà");
    }

    private Dossier receive(String key, String agency, String procedureCode, Channel channel, Instant at, String name) {
        Procedure p = procedure(procedureCode);
        Agency a = em.find(Agency.class, agency);
        Instant start = calendar.clockStart(at);
        Instant due = calendar.dueAt(start, p.timeLimit());
        Dossier d = DossierIntake.receive(new Submission(nextCode(a, at), p, a, channel, applicant(name),
                List.of(new DocumentLine(1, "Tờ khai", DocumentForm.ORIGINAL, 1)), at), new Appointment(start, due),
                ProcessPlanner.plan(p, calendar, new Appointment(start, due)), calendar, "motcua.desk", null);
        em.persist(d);
        codes.put(key, d.code());
        return d;
    }

    private void finish(Dossier d, Instant at) {
        d.completeStep(at.minusSeconds(180), "desk", null, calendar);
        d.completeStep(at.minusSeconds(120), "chuyenvien", null, calendar);
        d.approve(at.minusSeconds(60), "lanhdao", null, calendar);
        d.completeStep(at, "vanthu", null, calendar);
    }

    private void storeScenario() {
        // X: carried over from February, finished early on Mon 2 Mar (due Wed 4 Mar 10:00)
        finish(receive("carried", X, "1.004873", Channel.DIRECT, vn(2, 27, 10, 0), "Lê Văn Đức"), vn(3, 2, 14, 0));
        // X: online, finished exactly at the appointment Thu 5 Mar 10:00 → on time; returned Fri 6 Mar
        Dossier exact = receive("exact", X, "1.004873", Channel.ONLINE, vn(3, 2, 10, 0), "Nguyễn Văn An");
        finish(exact, vn(3, 5, 10, 0));
        exact.handOverResult(vn(3, 6, 9, 0), "motcua.desk", "Nguyễn Văn An", "DIRECT", null);
        // X: apology with a new appointment (10 Mar), finished Mon 9 Mar → late against the original 5 Mar
        Dossier late = receive("late", X, "1.004873", Channel.DIRECT, vn(3, 2, 10, 30), "Trần Thị Ánh");
        Apology.reschedule(late, vn(3, 4, 9, 0), "lanhdao", vn(3, 10, 10, 30), "Chờ xác minh của Công an xã", calendar);
        finish(late, vn(3, 9, 9, 0));
        // X: by post, handed to the deciding unit at 14:00, never finished → overdue (due Thu 5 Mar 11:00)
        receive("overdue", X, "1.004873", Channel.POSTAL, vn(3, 2, 11, 0), "Phạm Minh Ân")
            .completeStep(vn(3, 2, 14, 0), "desk", null, calendar);
        // X: stopped at the applicant's request
        receive("stopped", X, "1.004873", Channel.DIRECT, vn(3, 2, 13, 30), "Hoàng Văn Bình")
            .stop(vn(3, 3, 9, 0), "motcua.desk", "Công dân đề nghị rút hồ sơ");
        // X: supplement requested before the appointment, clock paused → not overdue
        Dossier paused = receive("paused", X, "1.004873", Channel.DIRECT, vn(3, 2, 14, 0), "Võ Thị Anh");
        paused.completeStep(vn(3, 2, 15, 0), "desk", null, calendar);
        DossierPauses.requestSupplement(paused, vn(3, 3, 10, 0), "chuyenvien", List.of("Bản sao CCCD"), null);
        // X: online submission refused in March; another never accepted
        Agency x = em.find(Agency.class, X);
        Procedure p = procedure("1.004873");
        Dossier refused = DossierIntake.submitOnline(new Submission(nextCode(x, vn(3, 2, 8, 0)), p, x, Channel.ONLINE,
                applicant("Đặng Tiến Dũng"), List.of(new DocumentLine(1, "Tờ khai", DocumentForm.ORIGINAL, 1)), vn(3,
                2, 8, 0)), "portal");
        DossierIntake.refuse(refused, vn(3, 2, 9, 0), "motcua.desk", "Không thuộc thẩm quyền");
        em.persist(refused);
        em.persist(DossierIntake.submitOnline(new Submission(nextCode(x, vn(3, 10, 8, 0)), p, x, Channel.ONLINE,
                applicant("Lý Thị Hoa"), List.of(new DocumentLine(1, "Tờ khai", DocumentForm.ORIGINAL, 1)), vn(3, 10,
                8, 0)), "portal"));
        // X: February noise, finished in February
        finish(receive("february", X, "1.004873", Channel.DIRECT, vn(2, 9, 10, 0), "Mai Văn Tâm"), vn(2, 11, 10, 0));
        // Y: received Mon 30 Mar (due Thu 2 Apr) → within limit at the end of March
        receive("within", Y, "1.004873", Channel.DIRECT, vn(3, 30, 10, 0), "Ngô Thị Lan");
        // Y: same-day certified copy received Tue 3 Mar 09:00, due 17:00 the same day, never finished
        receive("sameDay", Y, "2.000908", Channel.DIRECT, vn(3, 3, 9, 0), "Bùi Văn Hải");
    }

    /** Figures of a row in report order: carried, received online/direct/postal, resolved early/on time/late,
     *  in progress not due/overdue, stopped, withdrawn, refused, apologies. */
    private static void assertRow(PeriodFigures r, long... expected) {
        long[] actual = {r.carriedOver(), r.receivedOnline(), r.receivedDirect(), r.receivedPostal(), r.resolvedEarly(),
            r.resolvedOnTime(), r.resolvedLate(), r.inProgressNotDue(), r.inProgressOverdue(), r.stopped(), r.withdrawn(),
            r.refused(), r.apologies()};
        assertEquals(Arrays.toString(expected), Arrays.toString(actual), r.label());
    }

    /** The period report by unit as {@link PeriodReports} computes it, from the two reads of {@link ReportData}. */
    private PeriodReport report(Collection<String> units, ReportPeriod period) {
        PeriodQuery q = new PeriodQuery(period, ReportGrouping.AGENCY, null, null, null, false);
        List<DossierFacts> facts = ReportData.facts(em, q, units, new TreeMap<>());
        List<PeriodReport.Group> groups = ReportData.units(em, units, period.from(), period.to(), null,
            facts.stream().map(DossierFacts::agencyCode).toList());
        return PeriodReport.compute(period, ReportGrouping.AGENCY, groups, facts, NOW, false);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"h2", "postgresql"})
    @DisplayName("Period report March 2026: units valid in March listed by Vietnamese name with zeros, closed unit left out, balance 1 + 7 = 3 + 4 + 1, 1 refused beside")
    void periodReport(String kind) {
        setUp(kind);
        PeriodReport s = report(SCOPE, MARCH);
        assertEquals(List.of("Xã Dân Hóa", "Xã Kim Điền", "Xã Vĩnh Linh"),
            s.rows().stream().map(PeriodFigures::label).toList());
        assertRow(s.rows().get(0), 0, 0, 2, 0, 0, 0, 0, 1, 1, 0, 0, 0, 0);
        assertRow(s.rows().get(1), 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);
        assertRow(s.rows().get(2), 1, 1, 3, 1, 1, 1, 1, 1, 1, 1, 0, 1, 1);
        PeriodFigures t = s.total();
        assertEquals(8, t.toProcess());
        assertTrue(s.balances());
        assertEquals(new BigDecimal("66.7"), t.onTimeRate());

        // The JPQL projection reads the same facts as the aggregate itself.
        List<DossierFacts> fromEntities = em.createQuery("SELECT d FROM Dossier d", Dossier.class).getResultList()
            .stream().map(DossierFacts::of).toList();
        List<PeriodReport.Group> units = s.rows().stream().map(r -> new PeriodReport.Group(r.key(), r.label())).toList();
        assertEquals(PeriodReport.compute(MARCH, ReportGrouping.AGENCY, units, fromEntities, NOW, false), s);

        // Whole province: every unit receiving dossiers that is valid in March 2026, same totals.
        PeriodReport province = report(null, MARCH);
        assertTrue(province.rows().size() > 70, "all current units: " + province.rows().size());
        assertTrue(province.rows().stream().noneMatch(r -> CLOSED.equals(r.key())));
        assertEquals(t, province.total());
        assertEquals(s.rows().get(2), province.rows().stream().filter(r -> X.equals(r.key())).findFirst().orElseThrow());
        assertTrue(ReportData.units(em, List.of(), MARCH.from(), MARCH.to(), null, List.of()).isEmpty());

        // February: the closed unit is not valid in 2026 either; the carried-over dossier is in progress at the end.
        PeriodReport feb = report(SCOPE, MARCH.previous());
        assertTrue(s.continuesFrom(feb));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"h2", "postgresql"})
    @DisplayName("Dashboard on Fri 20 Mar 10:00: counts by status, two overdue dossiers (paused one excluded), March on-time rate per unit")
    void dashboard(String kind) {
        ReportingService service = setUp(kind);
        Dashboard d = service.dashboard(SCOPE, 10);
        assertEquals(NOW, d.asOf());
        Map<DossierStatus, Long> c = d.countsByStatus();
        assertEquals(DossierStatus.values().length, c.size());
        assertEquals(3L, c.get(DossierStatus.RESULT_READY), "carried, late, february");
        assertEquals(1L, c.get(DossierStatus.RETURNED));
        assertEquals(1L, c.get(DossierStatus.IN_PROCESS));
        assertEquals(2L, c.get(DossierStatus.RECEIVED));
        assertEquals(1L, c.get(DossierStatus.SUPPLEMENT_REQUESTED_IN_PROCESS));
        assertEquals(1L, c.get(DossierStatus.STOPPED));
        assertEquals(1L, c.get(DossierStatus.REFUSED));
        assertEquals(1L, c.get(DossierStatus.SUBMITTED_ONLINE));
        assertEquals(0L, c.get(DossierStatus.NOT_APPROVED));
        assertEquals(11L, c.values().stream().mapToLong(Long::longValue).sum());
        assertEquals(2L, service.countByStatus(List.of(Z, Y)).get(DossierStatus.RECEIVED), "both of Y, none of Z");
        assertEquals(0L, service.countByStatus(List.of()).get(DossierStatus.RECEIVED), "empty scope");

        assertEquals(2, d.overdueTotal());
        assertEquals(List.of(codes.get("sameDay"), codes.get("overdue")),
                d.overdue().stream().map(OverdueDossier::code).toList(),
            "most overdue first");
        OverdueDossier same = d.overdue().get(0);
        assertEquals("Xã Dân Hóa", same.agencyName());
        assertEquals("Bùi Văn Hải", same.applicantName());
        assertEquals(vn(3, 3, 17, 0), same.dueAt());
        // Tue 3 Mar 17:00 → Fri 20 Mar 10:00: 12 full working days (4–6, 9–13, 16–19 Mar) + 2 hours
        assertEquals("Quá hạn 12 ngày 2 giờ", same.lateBy().toVietnamese());
        OverdueDossier post = d.overdue().get(1);
        assertEquals("Cấp Giấy xác nhận tình trạng hôn nhân", post.procedureName());
        assertEquals(vn(3, 5, 11, 0), post.dueAt());
        // Thu 5 Mar 11:00 → Fri 20 Mar 10:00: 11 working days less one hour
        assertEquals("Quá hạn 10 ngày 7 giờ", post.lateBy().toVietnamese());
        assertEquals(1, service.overdueDossiers(SCOPE, 1).size());
        assertEquals(0, service.overdueDossiers(List.of(Z), 10).size());

        assertEquals(List.of("Xã Dân Hóa", "Xã Kim Điền", "Xã Vĩnh Linh"),
            d.onTimeThisMonth().stream().map(UnitOnTimeRate::agencyName).toList());
        UnitOnTimeRate vinhLinh = d.onTimeThisMonth().get(2);
        assertEquals(3, vinhLinh.resolved());
        assertEquals(2, vinhLinh.inTime());
        assertEquals(new BigDecimal("66.7"), vinhLinh.percent());
        assertNull(d.onTimeThisMonth().get(1).percent());
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"h2", "postgresql"})
    @DisplayName("Tracking book: received dossiers in receipt order with form 07 columns; filters and paging")
    void trackingBook(String kind) {
        ReportingService service = setUp(kind);
        TrackingBookFilter march = new TrackingBookFilter(List.of(X), LocalDate.of(2026, 3, 1), LocalDate.of(2026, 3, 31),
            null, null, null);
        TrackingBookSlice page = service.trackingBook(march, 0, 50);
        assertEquals(5, page.total());
        assertEquals(List.of("exact", "late", "overdue", "stopped", "paused").stream().map(codes::get).toList(),
            page.rows().stream().map(TrackingBookRow::code).toList());
        TrackingBookRow exact = page.rows().get(0);
        assertEquals(1, exact.sequence());
        assertEquals("Nguyễn Văn An", exact.applicantName());
        assertEquals("Khu phố 3, phường Đông Hà", exact.applicantAddress());
        assertEquals("0912345678", exact.applicantPhone());
        assertEquals(1, exact.numberOfSets());
        assertEquals("Xã Vĩnh Linh", exact.leadAgency(), "generic process: the receiving unit decides");
        assertEquals(vn(3, 2, 10, 0), exact.receivedAt());
        assertEquals(vn(3, 5, 10, 0), exact.dueAt());
        assertEquals(vn(3, 5, 9, 57), exact.transferredAt(), "end of the desk step");
        assertEquals(vn(3, 5, 10, 0), exact.resultReadyAt());
        assertEquals(vn(3, 6, 9, 0), exact.returnedAt());
        assertEquals("Nguyễn Văn An", exact.returnedTo());
        assertEquals(Timeliness.ON_TIME, exact.timeliness());
        assertEquals("Đúng hạn", exact.notes());
        TrackingBookRow late = page.rows().get(1);
        assertEquals(vn(3, 10, 10, 30), late.rescheduledDueAt());
        assertEquals("Đã xin lỗi, hẹn lại; Quá hạn", late.notes());
        TrackingBookRow stopped = page.rows().get(3);
        assertNull(stopped.resultReadyAt());
        assertNull(stopped.transferredAt());
        assertEquals("Dừng giải quyết", stopped.notes());
        assertEquals("Chờ bổ sung hồ sơ; Tạm dừng tính thời gian từ 10:00 03/03/2026", page.rows().get(4).notes(),
            "issue 11 §3: the pause shows (the request of Tue 3 Mar 10:00)");

        TrackingBookSlice second = service.trackingBook(march, 2, 2);
        assertEquals(5, second.total());
        assertEquals(List.of(3L, 4L), second.rows().stream().map(TrackingBookRow::sequence).toList());
        assertEquals(List.of(codes.get("overdue"), codes.get("stopped")),
                second.rows().stream().map(TrackingBookRow::code).toList());
        assertTrue(service.trackingBook(march, 5, 10).rows().isEmpty());

        assertEquals(1, service.trackingBook(new TrackingBookFilter(List.of(X), null, null, null, null,
                DossierStatus.STOPPED), 0, 10).total());
        assertEquals(7, service.trackingBook(new TrackingBookFilter(Set.of(X), null, null, "1.004873", "Hộ tịch",
                null), 0, 10).total(),
            "the five of March, the carried-over one and the February one");
        assertEquals(0, service.trackingBook(new TrackingBookFilter(null, null, null, null, "Chứng thực",
                DossierStatus.RETURNED), 0, 10).total());
        // Vietnam days: 27 Feb only → the carried-over dossier received Fri 27 Feb 10:00 (+07)
        TrackingBookSlice feb27 = service.trackingBook(new TrackingBookFilter(null, LocalDate.of(2026, 2, 27),
            LocalDate.of(2026, 2, 27), null, null, null), 0, 10);
        assertEquals(List.of(codes.get("carried")), feb27.rows().stream().map(TrackingBookRow::code).toList());
        // Approved process: its approval step's label ("Lãnh đạo UBND cấp xã") is no agency; the receiving unit
        // decides. The desk step is not finished yet.
        TrackingBookRow sameDay = service.trackingBook(new TrackingBookFilter(List.of(Y), null, null, "2.000908",
                null, null), 0, 10)
            .rows().get(0);
        assertEquals("Xã Dân Hóa", sameDay.leadAgency());
        assertNull(sameDay.transferredAt());
        assertEquals(9, service.trackingBook(null, 0, 100).total(), "every received dossier: 7 of X, 2 of Y");
        // A reversed range (31 Mar → 1 Mar) is refused with a reason, not answered with an empty book.
        RuleViolationException reversed = assertThrows(RuleViolationException.class, () -> service.trackingBook(
            new TrackingBookFilter(List.of(X), LocalDate.of(2026, 3, 31), LocalDate.of(2026, 3, 1), null, null,
                    null), 0, 10));
        assertEquals("DATE_RANGE_REVERSED", reversed.reason());
        assertEquals(5, service.trackingBook(new TrackingBookFilter(List.of(X), LocalDate.of(2026, 3, 2),
            LocalDate.of(2026, 3, 2), null, null, null), 0, 10).total(),
                    "a one-day range is fine: the five received Mon 2 March");
    }
}
