package vn.gov.quangtri.motcua.shared.infrastructure.persistence;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.Persistence;
import java.lang.reflect.Field;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.function.Supplier;
import org.flywaydb.core.Flyway;
import vn.gov.quangtri.motcua.account.application.AccessControl;
import vn.gov.quangtri.motcua.account.domain.AccessScope;
import vn.gov.quangtri.motcua.agency.domain.Agency;
import vn.gov.quangtri.motcua.calendar.application.CalendarService;
import vn.gov.quangtri.motcua.calendar.domain.Appointment;
import vn.gov.quangtri.motcua.calendar.domain.WorkingCalendar;
import vn.gov.quangtri.motcua.catalogue.domain.DocumentForm;
import vn.gov.quangtri.motcua.catalogue.domain.Procedure;
import vn.gov.quangtri.motcua.dossier.application.BackdatingRequests;
import vn.gov.quangtri.motcua.dossier.application.DossierChanges;
import vn.gov.quangtri.motcua.dossier.domain.Applicant;
import vn.gov.quangtri.motcua.dossier.domain.Channel;
import vn.gov.quangtri.motcua.dossier.domain.DocumentLine;
import vn.gov.quangtri.motcua.dossier.domain.Dossier;
import vn.gov.quangtri.motcua.dossier.domain.DossierCode;
import vn.gov.quangtri.motcua.dossier.domain.DossierIntake;
import vn.gov.quangtri.motcua.dossier.domain.ProcessPlanner;
import vn.gov.quangtri.motcua.dossier.domain.Submission;
import vn.gov.quangtri.motcua.dossier.infrastructure.DossierRepository;
import vn.gov.quangtri.motcua.shared.domain.VietnamTime;

/**
 * A migrated database (in-memory H2, or a fresh PostgreSQL database) (all Flyway migrations and reference data) with one resource-local
 * entity manager, a fixed clock and a {@link CalendarService} wired by hand, for testing the
 * administration services without a server. Services get their fields set by {@link #wire}, including an
 * {@link AccessControl} stub that answers {@link AccessScope#SYSTEM} until a test calls {@link #actAs}.
 */
public final class AdminTestBed implements AutoCloseable {

    /** Fixed "now" of the tests: Mon 2 Mar 2026 09:00 Vietnam time. */
    public static final Instant NOW = ZonedDateTime.of(2026, 3, 2, 9, 0, 0, 0, VietnamTime.ZONE).toInstant();

    private final TestDatabases.Db db;
    private final EntityManagerFactory emf;
    private final EntityManager em;
    private final CalendarService calendars;
    private final StubAccess access = new StubAccess();
    private int dossierCount;

    /** Migrates a fresh H2 database. */
    public AdminTestBed() {
        this("h2");
    }

    /**
     * Migrates a fresh database.
     *
     * @param kind {@code h2} or {@code postgresql} (aborts the test when no PostgreSQL answers; dropped on close)
     */
    public AdminTestBed(String kind) {
        db = "h2".equals(kind) ? TestDatabases.h2("admin" + System.nanoTime()) : TestDatabases.postgres("motcua_admin");
        Flyway.configure().dataSource(db.url(), db.user(), db.password()).locations("classpath:db/migration")
            .javaMigrations(DatabaseMigrator.javaMigrations()).load().migrate();
        emf = Persistence.createEntityManagerFactory("motcua-schema-test", db.jpa());
        em = emf.createEntityManager();
        calendars = new CalendarService();
        set(calendars, "em", em);
        set(calendars, "officeHoursSetting", "08:00-12:00,13:00-17:00");
        set(calendars, "sameDayCutOffSetting", "15:00");
        calendars.reload();
    }

    /** The shared entity manager. */
    public EntityManager em() {
        return em;
    }

    /** Clears the persistence context, so the next reads come from the database (the shared cache is off). */
    public EntityManager fresh() {
        em.clear();
        return em;
    }

    /** The calendar singleton, wired. */
    public CalendarService calendars() {
        return calendars;
    }

    /** The fixed clock. */
    public Clock clock() {
        return Clock.fixed(NOW, ZoneOffset.UTC);
    }

    /** Sets the service's {@code em}, {@code clock} and (if present) {@code calendars} and {@code access} fields. */
    public <T> T wire(T service) {
        set(service, "em", em);
        setIfPresent(service, "clock", clock());
        setIfPresent(service, "calendars", calendars);
        setIfPresent(service, "access", access);
        setIfPresent(service, "changes", changes());
        setIfPresent(service, "changed", dossierChanges);
        if (!(service instanceof vn.gov.quangtri.motcua.dossier.application.DossierFiles)) {
            setIfPresent(service, "files", dossierFiles());
        }
        return service;
    }

    private vn.gov.quangtri.motcua.dossier.application.DossierFiles dossierFiles;

    /** The dossier files service on this bed's entity manager (the database file store is not wired). */
    private vn.gov.quangtri.motcua.dossier.application.DossierFiles dossierFiles() {
        if (dossierFiles == null) {
            DossierRepository repo = new DossierRepository();
            set(repo, "em", em);
            dossierFiles = wire(new vn.gov.quangtri.motcua.dossier.application.DossierFiles());
            set(dossierFiles, "dossiers", repo);
        }
        return dossierFiles;
    }

    /** The {@code DossierChanged} events fired by the wired dossier services (applicant notifications observe them). */
    public final RecordingEvent<vn.gov.quangtri.motcua.dossier.application.DossierChanged> dossierChanges =
        new RecordingEvent<>();

    /** The dossier change path on this bed's entity manager and caller. */
    private DossierChanges changes() {
        DossierRepository repo = new DossierRepository();
        set(repo, "em", em);
        DossierChanges changes = new DossierChanges();
        set(changes, "dossiers", repo);
        set(changes, "access", access);
        BackdatingRequests requests = new BackdatingRequests();
        set(requests, "em", em);
        set(requests, "access", access);
        set(changes, "requests", requests);
        set(changes, "changed", dossierChanges);
        return changes;
    }

    /** From now on the wired services see this caller ({@link AccessScope#SYSTEM} by default). */
    public void actAs(AccessScope scope) {
        access.scope = scope;
    }

    /**
     * Runs the action in a transaction that is committed even when the action throws (the container would roll
     * back; committing shows that a refusal came before any write); returns the thrown exception, or null.
     */
    public RuntimeException committedDespite(Runnable action) {
        RuntimeException thrown = null;
        em.getTransaction().begin();
        try {
            action.run();
        } catch (RuntimeException e) {
            thrown = e;
        }
        em.getTransaction().commit();
        em.clear();
        return thrown;
    }

    /** {@link AccessControl} answering a scope set by the test. */
    private static final class StubAccess extends AccessControl {

        private AccessScope scope = AccessScope.SYSTEM;

        @Override
        public AccessScope current() {
            return scope;
        }
    }

    /** A clock the test moves ("now" on the server), starting at {@link #NOW}. */
    public static final class MovableClock extends Clock {
        /** The present moment; set it to move the clock. */
        public Instant now = NOW;

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    /** Runs the action in a transaction that is committed. */
    public <T> T tx(Supplier<T> action) {
        em.getTransaction().begin();
        try {
            T result = action.get();
            em.getTransaction().commit();
            return result;
        } finally {
            if (em.getTransaction().isActive()) {
                em.getTransaction().rollback();
            }
        }
    }

    /** Runs the action in a transaction and rolls back whatever happens; returns the thrown exception. */
    public RuntimeException failing(Runnable action) {
        em.getTransaction().begin();
        try {
            action.run();
            return null;
        } catch (RuntimeException e) {
            return e;
        } finally {
            em.getTransaction().rollback();
            em.clear();
        }
    }

    /**
     * Receives a dossier at the desk (as IntakeService does) with the current calendar and stores it.
     *
     * @return its code
     */
    public String receive(String procedureCode, String agencyCode, Instant at) {
        return tx(() -> {
            Procedure p = em.createNamedQuery("Procedure.findByCode", Procedure.class)
                .setParameter("code", procedureCode).getSingleResult();
            Agency agency = em.find(Agency.class, agencyCode);
            WorkingCalendar calendar = calendars.current();
            LocalDate day = VietnamTime.local(at).toLocalDate();
            DossierCode code = DossierCode.of(agency.edocCode(), day, ++dossierCount);
            Instant start = calendar.clockStart(at);
            Instant due = calendar.dueAt(start, p.timeLimit());
            Dossier d = DossierIntake.receive(new Submission(code, p, agency, Channel.DIRECT,
                    new Applicant(Applicant.Kind.INDIVIDUAL, "Nguyễn Thị Lan", "045190001234", "0912345678", null,
                    "Khu phố 2, phường Đông Hà"), List.of(new DocumentLine(1, "Tờ khai", DocumentForm.ORIGINAL, 1)),
                            at), new Appointment(start, due), ProcessPlanner.plan(p, calendar, new Appointment(start,
                            due)), calendar, "motcua.desk", null);
            em.persist(d);
            return code.value();
        });
    }

    /** Loads a dossier by code. */
    public Dossier dossier(String code) {
        return em.createNamedQuery("Dossier.findByCode", Dossier.class).setParameter("code", code).getSingleResult();
    }

    /** Vietnam local moment. */
    public static Instant vn(int year, int month, int day, int hour, int minute) {
        return ZonedDateTime.of(year, month, day, hour, minute, 0, 0, VietnamTime.ZONE).toInstant();
    }

    private static void setIfPresent(Object target, String name, Object value) {
        try {
            target.getClass().getDeclaredField(name);
            set(target, name, value);
        } catch (NoSuchFieldException e) {
            // the service does not need it
        }
    }

    /** Sets a (possibly private) field, searching superclasses. */
    public static void set(Object target, String name, Object value) {
        for (Class<?> c = target.getClass(); c != null; c = c.getSuperclass()) {
            try {
                Field f = c.getDeclaredField(name);
                f.setAccessible(true);
                f.set(target, value);
                return;
            } catch (NoSuchFieldException e) {
                // try the superclass
            } catch (IllegalAccessException e) {
                throw new IllegalStateException(e);
            }
        }
        throw new IllegalArgumentException("no field " + name + " in " + target.getClass());
    }

    @Override
    public void close() {
        if (em.isOpen()) {
            em.close();
        }
        emf.close();
        db.drop().run();
    }
}
