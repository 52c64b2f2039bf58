package vn.gov.quangtri.motcua.shared.infrastructure.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.Persistence;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TimeZone;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import vn.gov.quangtri.motcua.agency.domain.Agency;
import vn.gov.quangtri.motcua.calendar.domain.Appointment;
import vn.gov.quangtri.motcua.calendar.domain.CalendarDay;
import vn.gov.quangtri.motcua.calendar.domain.OfficeHours;
import vn.gov.quangtri.motcua.calendar.domain.TimeLimit;
import vn.gov.quangtri.motcua.calendar.domain.TimeLimitUnit;
import vn.gov.quangtri.motcua.calendar.domain.WorkingCalendar;
import vn.gov.quangtri.motcua.catalogue.domain.DocumentForm;
import vn.gov.quangtri.motcua.catalogue.domain.Procedure;
import vn.gov.quangtri.motcua.dossier.domain.Applicant;
import vn.gov.quangtri.motcua.dossier.domain.Channel;
import vn.gov.quangtri.motcua.dossier.domain.DocumentLine;
import vn.gov.quangtri.motcua.dossier.domain.Dossier;
import vn.gov.quangtri.motcua.dossier.domain.DossierCode;
import vn.gov.quangtri.motcua.dossier.domain.DossierIntake;
import vn.gov.quangtri.motcua.dossier.domain.ProcessPlanner;
import vn.gov.quangtri.motcua.dossier.domain.Submission;
import vn.gov.quangtri.motcua.shared.domain.VietnamTime;

/**
 * The Flyway schema and the JPA mapping, exercised on both databases the application runs on: H2 (the
 * embedded default) and PostgreSQL (a database this test creates). Runs without an application server.
 */
class SchemaTest {

    private TestDatabases.Db db;
    private EntityManagerFactory emf;
    private TimeZone savedZone;

    @AfterEach
    void tearDown() {
        if (emf != null) {
            emf.close();
        }
        if (db != null) {
            db.drop().run();
        }
        if (savedZone != null) {
            TimeZone.setDefault(savedZone);
            org.h2.util.DateTimeUtils.resetCalendar();
        }
    }

    private void migrate(String kind) {
        db = "h2".equals(kind) ? TestDatabases.h2("schema" + System.nanoTime()) : TestDatabases.postgres("motcua_schema");
        Flyway.configure().dataSource(db.url(), db.user(), db.password()).locations("classpath:db/migration")
            .javaMigrations(DatabaseMigrator.javaMigrations()).load().migrate();
        emf = Persistence.createEntityManagerFactory("motcua-schema-test", db.jpa());
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"h2", "postgresql"})
    @DisplayName("Migrations create the schema and load agencies, holidays and 1,659 procedures")
    void referenceDataLoaded(String kind) {
        migrate(kind);
        EntityManager em = emf.createEntityManager();
        assertEquals(250L, count(em, "Agency"));
        assertEquals(54L, count(em, "CalendarDay"));
        // 21 reviewed rows + 1,651 catalogue rows − 13 catalogue rows whose code a reviewed row already has.
        assertEquals(1659L, count(em, "Procedure"));

        Agency province = em.find(Agency.class, "QT");
        assertEquals("000.00.00.H50", province.edocCode());
        assertFalse(province.edocCodePlaceholder());
        Agency centre = em.find(Agency.class, "QT.TTPVHCC");
        assertEquals("000.00.01.H50", centre.edocCode());
        assertTrue(centre.edocCodePlaceholder());
        // 60th current level-2 unit in file order; closed district Vĩnh Linh is the 26th closed level-2 unit (C8).
        assertEquals("000.00.60.H50", em.find(Agency.class, "QT25.XA_VINH_LINH").edocCode());
        assertEquals("000.00.C8.H50", em.find(Agency.class, "QT.D464").edocCode());
        Agency hoXa = em.find(Agency.class, "QT.D464.THI_TRAN_HO_XA");
        assertEquals("000.01.C8.H50", hoXa.edocCode());
        assertEquals("QT.D464", hoXa.parent().code());
        assertEquals("QT25.XA_VINH_LINH", hoXa.successor().code());
        assertTrue(hoXa.isValidOn(LocalDate.of(2025, 6, 30)));
        assertFalse(hoXa.isValidOn(LocalDate.of(2025, 7, 1)));

        Procedure land = procedure(em, "H50-L006");
        assertTrue(land.localCode());
        assertEquals(new TimeLimit(BigDecimal.valueOf(23), TimeLimitUnit.WORKING_DAY), land.timeLimit());
        assertEquals(6, land.steps().size());
        assertTrue(land.pauseForFinancialObligation());
        BigDecimal allotted = land.steps().stream().map(s -> s.allotment().value()).reduce(BigDecimal.ZERO,
                BigDecimal::add);
        assertEquals(0, allotted.compareTo(BigDecimal.valueOf(23)), "step allotments add up to the 23-day limit");
        assertEquals(4, land.documents().size());
        assertEquals(TimeLimit.workingDays(20), procedure(em, "1.012753").timeLimit());
        Procedure noUnit = procedure(em, "1.000016");
        assertNull(noUnit.timeLimit(), "a bare number without unit is never guessed");
        assertFalse(noUnit.canReceiveDossiers());
        // The reviewed same-day rule wins over the catalogue's "1 working day" for 2.000908.
        assertEquals(TimeLimit.sameDay(), procedure(em, "2.000908").timeLimit());
        WorkingCalendar calendar = calendar(em);
        assertFalse(calendar.isWorkingDay(LocalDate.of(2026, 2, 17)), "Tết 2026 (mùng 1) is a day off");
        assertTrue(calendar.isWorkingDay(LocalDate.of(2026, 2, 13)));
        assertFalse(calendar.isWorkingDay(LocalDate.of(2026, 4, 27)), "compensatory Monday for Hùng Kings' day");
        assertTrue(calendar.isWorkingDay(LocalDate.of(2024, 5, 4)), "make-up Saturday 4 May 2024");
        em.close();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"h2", "postgresql"})
    @DisplayName("V21: a dossier's lookup token is stored as its SHA-256 only, reissued in place, and refused for an unknown dossier")
    void lookupTokenTable(String kind) throws Exception {
        migrate(kind);
        Instant at = Instant.parse("2026-03-02T01:15:00Z");
        String code = store(List.of(at)).get(0);
        EntityManager em = emf.createEntityManager();
        em.getTransaction().begin();
        em.persist(new vn.gov.quangtri.motcua.dossier.domain.LookupToken(code, "AAAA-BBBB-CCCC-DDDD-EEEE", at, "tiepnhan.vl"));
        em.getTransaction().commit();
        em.getTransaction().begin();
        em.find(vn.gov.quangtri.motcua.dossier.domain.LookupToken.class, code)
            .reissue("1111-2222-3333-4444-5555", at.plusSeconds(60), "admin");
        em.getTransaction().commit();
        em.close();
        em = emf.createEntityManager();
        var t = em.find(vn.gov.quangtri.motcua.dossier.domain.LookupToken.class, code);
        assertTrue(t.matchesHash(vn.gov.quangtri.motcua.dossier.domain.LookupToken.hash("1111-2222-3333-4444-5555")));
        assertFalse(t.matchesHash(vn.gov.quangtri.motcua.dossier.domain.LookupToken.hash("AAAA-BBBB-CCCC-DDDD-EEEE")));
        assertEquals(2, t.issueCount());
        assertEquals(at.plusSeconds(60), t.issuedAt());
        em.close();
        try (Connection c = db.connect(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT token_hash FROM dossier_lookup_token WHERE dossier_code = '" + code + "'")) {
            rs.next();
            // SHA-256 of "11112222333344445555" (the normal form), never the token itself.
            assertEquals(vn.gov.quangtri.motcua.dossier.domain.LookupToken.hash("11112222333344445555"), rs.getString(1));
            assertEquals(64, rs.getString(1).length());
        }
        try (Connection c = db.connect(); Statement st = c.createStatement()) {
            assertThrows(java.sql.SQLException.class, () -> st.executeUpdate("INSERT INTO dossier_lookup_token"
                + " VALUES ('000.00.60.H50-990101-0001', 'x', CURRENT_TIMESTAMP, 'x', 1)"), "only existing dossiers");
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"h2", "postgresql"})
    @DisplayName("V25: on PostgreSQL the applicant-name and code searches have trigram indexes; H2 migrates without them")
    void searchIndexes(String kind) throws Exception {
        migrate(kind);
        try (Connection c = db.connect(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("h2".equals(kind)
                 ? "SELECT COUNT(*) FROM INFORMATION_SCHEMA.INDEXES WHERE LOWER(INDEX_NAME) LIKE '%trgm%'"
                 : "SELECT COUNT(*) FROM pg_indexes WHERE indexname IN ('dossier_applicant_trgm_idx',"
                     + " 'dossier_code_trgm_idx') AND indexdef LIKE '%gin_trgm_ops%'")) {
            rs.next();
            assertEquals("h2".equals(kind) ? 0 : 2, rs.getInt(1));
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"h2", "postgresql"})
    @DisplayName("V43: the unit lists' index by unit and id; on PostgreSQL it covers name, status and the inter-agency flag")
    void unitListIndex(String kind) throws Exception {
        migrate(kind);
        try (Connection c = db.connect(); Statement st = c.createStatement()) {
            if ("h2".equals(kind)) {
                try (ResultSet rs = st.executeQuery("SELECT COLUMN_NAME FROM INFORMATION_SCHEMA.INDEX_COLUMNS"
                    + " WHERE LOWER(INDEX_NAME) = 'dossier_agency_id_idx' ORDER BY ORDINAL_POSITION")) {
                    assertTrue(rs.next());
                    assertEquals("RECEIVING_AGENCY_CODE", rs.getString(1).toUpperCase(java.util.Locale.ROOT));
                    assertTrue(rs.next());
                    assertEquals("ID", rs.getString(1).toUpperCase(java.util.Locale.ROOT));
                    assertFalse(rs.next());
                }
                return;
            }
            try (ResultSet rs = st.executeQuery("SELECT indexname, indexdef FROM pg_indexes WHERE tablename = 'dossier'"
                + " AND indexname IN ('dossier_agency_id_idx', 'dossier_agency_idx')")) {
                assertTrue(rs.next());
                assertEquals("dossier_agency_id_idx", rs.getString(1));
                assertTrue(rs.getString(2).endsWith("(receiving_agency_code, id) INCLUDE (applicant_name_search, status,"
                    + " inter_agency_child)"), rs.getString(2));
                assertFalse(rs.next(), "dossier_agency_idx is dropped: the new index does its work");
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"h2", "postgresql"})
    @DisplayName("C12: a receipt at 08:15 Vietnam time is stored as 01:15 UTC with JVM and session in UTC, stable over save/reload")
    void instantsSurviveUtcJvmAndSession(String kind) throws Exception {
        savedZone = TimeZone.getDefault();
        TimeZone.setDefault(TimeZone.getTimeZone("UTC"));
        org.h2.util.DateTimeUtils.resetCalendar(); // H2 caches the JVM zone; a server does not switch zones at run time
        migrate(kind);
        Instant receivedAt = ZonedDateTime.of(2026, 3, 2, 8, 15, 0, 0, VietnamTime.ZONE).toInstant();
        String code = store(List.of(receivedAt)).get(0);
        for (int i = 0; i < 3; i++) {
            EntityManager em = emf.createEntityManager();
            em.getTransaction().begin();
            Dossier d = dossier(em, code);
            assertEquals(receivedAt, d.clock().receivedAt());
            d.assign(receivedAt.plusSeconds(60L * (i + 1)), "tester", "chuyenvien" + i);
            em.getTransaction().commit();
            em.close();
        }
        EntityManager em = emf.createEntityManager();
        Dossier d = dossier(em, code);
        assertEquals(receivedAt, d.clock().receivedAt());
        // 1.004873, 3 working days from Mon 2 Mar 2026 08:15 → Thu 5 Mar 2026 08:15 (+07:00).
        assertEquals(ZonedDateTime.of(2026, 3, 5, 8, 15, 0, 0, VietnamTime.ZONE).toInstant(), d.clock().dueAt());
        assertEquals(4, d.history().size());
        // Instants as query parameters go through the same conversion (used by the dossier search).
        assertEquals(1L, em.createQuery("SELECT COUNT(x) FROM Dossier x WHERE x.submittedAt >= :from AND x.submittedAt < :to",
                Long.class).setParameter("from", receivedAt).setParameter("to",
                        receivedAt.plusSeconds(1)).getSingleResult());
        assertEquals(0L, em.createQuery("SELECT COUNT(x) FROM Dossier x WHERE x.submittedAt > :from", Long.class)
            .setParameter("from", receivedAt).getSingleResult());
        em.close();
        try (Connection c = db.connect(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT received_at FROM dossier WHERE code = '" + code + "'")) {
            rs.next();
            assertEquals(Instant.parse("2026-03-02T01:15:00Z"), rs.getObject(1, OffsetDateTime.class).toInstant());
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"h2", "postgresql"})
    @DisplayName("C22: 60 dossiers in one transaction, a restart, one more: no duplicate key; sequences increment by 50")
    void sequencesMatchAllocationSize(String kind) throws Exception {
        migrate(kind);
        Instant base = ZonedDateTime.of(2026, 3, 2, 9, 0, 0, 0, VietnamTime.ZONE).toInstant();
        List<Instant> times = new java.util.ArrayList<>();
        for (int i = 0; i < 60; i++) {
            times.add(base.plusSeconds(i));
        }
        store(times);
        emf.close();
        emf = Persistence.createEntityManagerFactory("motcua-schema-test", db.jpa());
        store(List.of(base.plusSeconds(3600)));
        EntityManager em = emf.createEntityManager();
        List<Long> ids = em.createQuery("SELECT d.id FROM Dossier d", Long.class).getResultList();
        assertEquals(61, ids.size());
        assertEquals(61, new HashSet<>(ids).size());
        assertTrue(ids.stream().allMatch(id -> id > 0));
        em.close();
        String sql = "h2".equals(kind)
            ? "SELECT sequence_name, increment FROM information_schema.sequences WHERE sequence_schema = 'PUBLIC'"
            : "SELECT sequencename, increment_by FROM pg_sequences";
        Set<String> seen = new HashSet<>();
        try (Connection c = db.connect(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            while (rs.next()) {
                seen.add(rs.getString(1).toLowerCase());
                assertEquals(50L, rs.getLong(2), "increment of " + rs.getString(1));
            }
        }
        assertTrue(seen.containsAll(Set.of("dossier_seq", "dossier_event_seq", "dossier_step_seq", "procedure_seq")));
    }

    /** Receives one dossier per moment (procedure 1.004873, commune Vĩnh Linh) in one transaction. */
    private List<String> store(List<Instant> moments) {
        EntityManager em = emf.createEntityManager();
        em.getTransaction().begin();
        Procedure p = procedure(em, "1.004873");
        Agency commune = em.find(Agency.class, "QT25.XA_VINH_LINH");
        WorkingCalendar calendar = calendar(em);
        Map<LocalDate, Integer> perDay = new HashMap<>();
        List<String> codes = new java.util.ArrayList<>();
        long existing = count(em, "Dossier");
        for (Instant at : moments) {
            LocalDate day = VietnamTime.local(at).toLocalDate();
            int n = perDay.merge(day, 1, Integer::sum) + (int) existing;
            DossierCode code = DossierCode.of(commune.edocCode(), day, n);
            Instant start = calendar.clockStart(at);
            Instant due = calendar.dueAt(start, p.timeLimit());
            Dossier d = DossierIntake.receive(new Submission(code, p, commune, Channel.DIRECT,
                    new Applicant(Applicant.Kind.INDIVIDUAL, "Trần Thị Mỹ Duyên", "045190001234", "0912345678", null,
                    "Số 12 ngõ 34, phường Đông Hà"), List.of(new DocumentLine(1, "Tờ khai", DocumentForm.ORIGINAL,
                            1)), at), new Appointment(start, due), ProcessPlanner.plan(p, calendar,
                            new Appointment(start, due)), calendar, "desk", null);
            em.persist(d);
            codes.add(code.value());
        }
        em.getTransaction().commit();
        em.close();
        return codes;
    }

    private static WorkingCalendar calendar(EntityManager em) {
        Map<LocalDate, Boolean> overrides = new HashMap<>();
        for (CalendarDay day : em.createNamedQuery("CalendarDay.findAll", CalendarDay.class).getResultList()) {
            overrides.put(day.day(), day.workingDay());
        }
        return new WorkingCalendar(OfficeHours.standard(), overrides);
    }

    private static Procedure procedure(EntityManager em, String code) {
        return em.createNamedQuery("Procedure.findByCode", Procedure.class).setParameter("code", code).getSingleResult();
    }

    private static Dossier dossier(EntityManager em, String code) {
        return em.createNamedQuery("Dossier.findByCode", Dossier.class).setParameter("code", code).getSingleResult();
    }

    private static long count(EntityManager em, String entity) {
        return em.createQuery("SELECT COUNT(e) FROM " + entity + " e", Long.class).getSingleResult();
    }
}
