package vn.gov.quangtri.motcua.bench.generate;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import vn.gov.quangtri.motcua.calendar.domain.OfficeHours;
import vn.gov.quangtri.motcua.calendar.domain.TimeLimit;
import vn.gov.quangtri.motcua.calendar.domain.TimeLimitUnit;
import vn.gov.quangtri.motcua.calendar.domain.WorkingCalendar;
import vn.gov.quangtri.motcua.bench.generate.Reference.Document;
import vn.gov.quangtri.motcua.bench.generate.Reference.Procedure;
import vn.gov.quangtri.motcua.bench.generate.Reference.Step;
import vn.gov.quangtri.motcua.bench.generate.Reference.Unit;
import vn.gov.quangtri.motcua.shared.domain.VietnamTime;

/**
 * Loads a province's worth of generated dossiers into a motcua PostgreSQL database (issue 12 §3), for measuring
 * lists, reports and batch jobs at scale. Reproducible: the same seed, dates and count give the same rows.
 *
 * <p>Everything is read from the database the application migrated: the real catalogue (procedures with a time limit,
 * their internal steps or the generic four-step process the application plans, their documents), the real units with
 * their validity dates (districts and old communes before 1 July 2025, the merged communes after it, the provincial
 * centre throughout), and the working calendar (holidays, compensatory days). Appointments and step deadlines are
 * computed with the application's own {@link WorkingCalendar}. Rows go in with {@code COPY} in batches, ids are
 * taken from the application's sequences (reserved first, so a running server keeps working), and the daily dossier
 * counters are moved past the generated numbers.
 *
 * <p>The mix (documented in docs/performance.md): channels 60 % direct, 36 % online, 4 % postal; a tenth of applicants
 * are organisations; 8 % of dossiers get a supplement request (a pause of 2–10 working days), 0.6 % are stopped and
 * 0.5 % refused at intake; late rates by field: land 12 %, construction and planning 7 %, others 2.5 %; 2 % of commune
 * dossiers have an inter-agency child at the provincial centre. Dossiers whose work would end after "now" are still
 * open (at the step the time reached), so the inbox and the overdue lists have realistic content.
 */
public final class YearGenerator {

    private final Options options;
    private final SplittableRandom random;
    private WorkingCalendar calendar;
    private final List<Unit> units = new ArrayList<>();
    private final List<Procedure> procedures = new ArrayList<>();
    private final Map<String, Integer> counters = new HashMap<>();
    private Instant now;

    /** Command-line options. */
    record Options(String jdbc, String user, String password, int dossiers, long seed, LocalDate from, LocalDate to,
                   int batch) {

        static Options parse(String[] args) {
            Map<String, String> a = new HashMap<>();
            for (int i = 0; i < args.length; i++) {
                if (!args[i].startsWith("--")) {
                    throw new IllegalArgumentException("unexpected argument " + args[i]);
                }
                String key = args[i].substring(2);
                if (key.equals("help")) {
                    a.put("help", "true");
                    continue;
                }
                if (i + 1 >= args.length) {
                    throw new IllegalArgumentException("--" + key + " needs a value");
                }
                a.put(key, args[++i]);
            }
            if (a.containsKey("help")) {
                return null;
            }
            LocalDate yesterday = LocalDate.now(VietnamTime.ZONE).minusDays(1);
            return new Options(a.getOrDefault("jdbc", "jdbc:postgresql://127.0.0.1:5432/motcua"),
                a.getOrDefault("user", "postgres"), a.getOrDefault("password", ""),
                Integer.parseInt(a.getOrDefault("dossiers", "1000000")),
                Long.parseLong(a.getOrDefault("seed", "2026")),
                LocalDate.parse(a.getOrDefault("from", "2025-06-01")),
                LocalDate.parse(a.getOrDefault("to", yesterday.toString())),
                Integer.parseInt(a.getOrDefault("batch", "20000")));
        }
    }

    private YearGenerator(Options options) {
        this.options = options;
        this.random = new SplittableRandom(options.seed());
    }

    /** Runs the generator: {@code --jdbc --user --password --dossiers --seed --from --to --batch}. */
    public static void main(String[] args) throws Exception {
        Options options;
        try {
            options = Options.parse(args);
        } catch (RuntimeException e) {
            System.err.println("motcua year generator: " + e.getMessage());
            usage();
            System.exit(2);
            return;
        }
        if (options == null) {
            usage();
            return;
        }
        new YearGenerator(options).run();
    }

    private static void usage() {
        System.err.println("""
            usage: java -cp motcua-bench.jar vn.gov.quangtri.motcua.bench.generate.YearGenerator [options]
              --jdbc URL        PostgreSQL database of a motcua server (default jdbc:postgresql://127.0.0.1:5432/motcua)
              --user NAME       (default postgres)   --password TEXT (default empty)
              --dossiers N      how many citizens' dossiers (default 1000000; inter-agency children come on top)
              --from DATE       first receipt day (default 2025-06-01: before and after the 1/7/2025 reorganisation)
              --to DATE         last receipt day (default yesterday, Vietnam time)
              --seed N          random seed (default 2026): the same seed gives the same data
              --batch N         dossiers per COPY batch and transaction (default 20000)""");
    }

    private void run() throws SQLException {
        long started = System.nanoTime();
        try (Connection c = DriverManager.getConnection(options.jdbc(), options.user(), options.password())) {
            c.setAutoCommit(false);
            loadCalendar(c);
            loadUnits(c);
            loadProcedures(c);
            loadCounters(c);
            ZonedDateTime end = options.to().plusDays(1).atStartOfDay(VietnamTime.ZONE);
            now = Instant.now().isBefore(end.toInstant()) ? Instant.now() : end.toInstant();
            List<LocalDate> days = new ArrayList<>();
            for (LocalDate d = options.from(); !d.isAfter(options.to()); d = d.plusDays(1)) {
                days.add(d);
            }
            if (days.isEmpty() || units.isEmpty() || procedures.isEmpty()) {
                throw new IllegalStateException("nothing to generate: check --from/--to and that the database was"
                    + " migrated by the application (units " + units.size() + ", procedures " + procedures.size() + ")");
            }
            System.out.printf(Locale.ROOT, "Generating %,d dossiers, %s .. %s, seed %d: %d procedures, %d units%n",
                options.dossiers(), options.from(), options.to(), options.seed(), procedures.size(), units.size());
            Rows rows = new Rows(c);
            // Dossiers per day: working days carry the load, weekends only a trickle of online submissions.
            double[] dayWeight = new double[days.size()];
            double total = 0;
            for (int i = 0; i < days.size(); i++) {
                dayWeight[i] = calendar.isWorkingDay(days.get(i)) ? 1.0 : 0.04;
                total += dayWeight[i];
            }
            int made = 0;
            double carry = 0;
            for (int i = 0; i < days.size(); i++) {
                double exact = options.dossiers() * dayWeight[i] / total + carry;
                int today = i == days.size() - 1 ? options.dossiers() - made : (int) Math.floor(exact);
                carry = exact - today;
                for (int k = 0; k < today; k++) {
                    dossier(rows, days.get(i));
                    made++;
                    if (rows.dossiers >= options.batch()) {
                        rows.flush();
                        System.out.printf(Locale.ROOT, "  %,d dossiers (%s)%n", made, days.get(i));
                    }
                }
            }
            rows.flush();
            rows.finish(counters);
            double seconds = (System.nanoTime() - started) / 1e9;
            System.out.printf(Locale.ROOT, "Loaded (%s) %,d dossiers (%,d with inter-agency children), %,d steps, %,d events,"
                    + " %,d documents in %.0f s (%,.0f dossiers/s)%n",
                rows.fastLoad ? "COPY, foreign-key triggers skipped" : "COPY", rows.totalDossiers, rows.totalChildren,
                rows.totalSteps, rows.totalEvents, rows.totalDocuments, seconds, rows.totalDossiers / seconds);
        }
    }

    private void loadCalendar(Connection c) throws SQLException {
        Map<LocalDate, Boolean> days = new HashMap<>();
        try (Statement s = c.createStatement();
             ResultSet r = s.executeQuery("SELECT calendar_date, working_day FROM calendar_day")) {
            while (r.next()) {
                days.put(r.getDate(1).toLocalDate(), r.getBoolean(2));
            }
        }
        calendar = new WorkingCalendar(OfficeHours.standard(), days);
    }

    /** Numbers already given out (sample data, real intakes): generated codes continue after them. */
    private void loadCounters(Connection c) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet r = s.executeQuery("SELECT unit_edoc_code, code_date,"
            + " last_number FROM dossier_code_sequence")) {
            while (r.next()) {
                counters.put(r.getString(1) + "|" + r.getDate(2).toLocalDate(), r.getInt(3));
            }
        }
    }

    private void loadUnits(Connection c) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet r = s.executeQuery("SELECT code, level, edoc_code,"
            + " valid_from, valid_to FROM agency WHERE receives_dossiers AND edoc_code IS NOT NULL ORDER BY code")) {
            while (r.next()) {
                units.add(new Unit(r.getString(1), r.getString(2), r.getString(3),
                    r.getDate(4) == null ? null : r.getDate(4).toLocalDate(),
                    r.getDate(5) == null ? null : r.getDate(5).toLocalDate()));
            }
        }
    }

    private void loadProcedures(Connection c) throws SQLException {
        Map<Long, List<Step>> steps = new HashMap<>();
        try (Statement s = c.createStatement(); ResultSet r = s.executeQuery("SELECT procedure_id, name, role, kind,"
            + " responsible_unit, allot_value, allot_unit FROM process_step ORDER BY procedure_id, position")) {
            while (r.next()) {
                long minutes = new TimeLimit(r.getBigDecimal(6), TimeLimitUnit.valueOf(r.getString(7)))
                    .workingMinutes(calendar.officeHours().workingMinutesPerDay());
                steps.computeIfAbsent(r.getLong(1), k -> new ArrayList<>())
                    .add(new Step(r.getString(2), r.getString(3), r.getString(4), r.getString(5), minutes, 0));
            }
        }
        Map<Long, List<Document>> documents = new HashMap<>();
        try (Statement s = c.createStatement(); ResultSet r = s.executeQuery("SELECT procedure_id, name, document_form,"
            + " quantity FROM procedure_document WHERE required ORDER BY procedure_id, position")) {
            while (r.next()) {
                documents.computeIfAbsent(r.getLong(1), k -> new ArrayList<>())
                    .add(new Document(r.getString(2), r.getString(3), r.getInt(4)));
            }
        }
        try (Statement s = c.createStatement(); ResultSet r = s.executeQuery("SELECT id, code, name, field, levels,"
            + " time_limit_value, time_limit_unit, fee_vnd, pause_for_financial_obligation, revision FROM procedure"
            + " WHERE time_limit_value IS NOT NULL AND time_limit_unit IS NOT NULL ORDER BY code")) {
            while (r.next()) {
                String levels = r.getString(5) == null ? "" : r.getString(5);
                boolean province = levels.contains("PROVINCE");
                boolean commune = levels.contains("COMMUNE");
                if (!province && !commune) {
                    continue;
                }
                String field = r.getString(4) == null ? "" : r.getString(4);
                long id = r.getLong(1);
                BigDecimal value = r.getBigDecimal(6);
                procedures.add(new Procedure(id, r.getString(2), r.getString(3), field, province, commune,
                    new TimeLimit(value, TimeLimitUnit.valueOf(r.getString(7))),
                    r.getObject(8) == null ? null : r.getLong(8), r.getBoolean(9), r.getInt(10),
                    steps.getOrDefault(id, List.of()), documents.getOrDefault(id, List.of()),
                    Mix.fieldWeight(field) * (steps.containsKey(id) ? 8 : 1) * Mix.popularity(random),
                    Mix.lateRate(field)));
            }
        }
    }

    private Procedure pick(boolean atCommune) {
        double total = 0;
        for (Procedure p : procedures) {
            if (atCommune ? p.commune() : p.province()) {
                total += p.weight();
            }
        }
        double x = random.nextDouble() * total;
        Procedure last = null;
        for (Procedure p : procedures) {
            if (atCommune ? p.commune() : p.province()) {
                x -= p.weight();
                last = p;
                if (x <= 0) {
                    return p;
                }
            }
        }
        return last;
    }

    private Unit unitFor(LocalDate day, boolean commune) {
        List<Unit> valid = new ArrayList<>();
        for (Unit u : units) {
            boolean communeLevel = u.level().equals("COMMUNE") || u.level().equals("DISTRICT");
            if (u.validOn(day) && communeLevel == commune) {
                valid.add(u);
            }
        }
        if (valid.isEmpty()) {
            for (Unit u : units) {
                if (u.validOn(day)) {
                    valid.add(u);
                }
            }
        }
        return valid.get(random.nextInt(valid.size()));
    }

    /** One citizen's dossier received on {@code day} (and its inter-agency child, sometimes). */
    private void dossier(Rows rows, LocalDate day) {
        boolean commune = random.nextDouble() < 0.72;
        Unit unit = unitFor(day, commune);
        Procedure procedure = pick(!unit.level().equals("DEPARTMENT"));
        Case c = Case.of(this, rows, unit, procedure, day, null);
        if (c != null && commune && c.steps().size() >= 3 && random.nextDouble() < 0.02) {
            for (Unit centre : units) {
                if (centre.level().equals("DEPARTMENT") && centre.validOn(day)) {
                    Case.of(this, rows, centre, procedure, day, c);
                    break;
                }
            }
        }
    }

    String nextCode(Unit unit, LocalDate day) {
        String key = unit.edoc() + "|" + day;
        int n = counters.merge(key, 1, Integer::sum);
        return unit.edoc() + "-" + day.format(java.time.format.DateTimeFormatter.ofPattern("yyMMdd"))
            + "-" + String.format(Locale.ROOT, "%04d", n);
    }

    WorkingCalendar calendar() {
        return calendar;
    }

    SplittableRandom random() {
        return random;
    }

    Instant now() {
        return now;
    }

    /** The internal steps of a dossier: the procedure's own, or the generic four the application plans. */
    List<Step> plan(Procedure p, Instant clockStart, Instant dueAt) {
        if (!p.steps().isEmpty()) {
            long total = p.steps().stream().mapToLong(Step::minutes).sum();
            List<Step> out = new ArrayList<>();
            for (Step s : p.steps()) {
                out.add(new Step(s.name(), s.role(), s.kind(), s.responsibleUnit(), s.minutes(),
                    total == 0 ? 1.0 / p.steps().size() : (double) s.minutes() / total));
            }
            return out;
        }
        long total = Math.max(0, calendar.workingMinutesBetween(clockStart, dueAt));
        long used = 0;
        List<Step> out = new ArrayList<>();
        for (int i = 0; i < Mix.GENERIC.length; i++) {
            long share = i == Mix.GENERIC.length - 1 ? total - used : total * (Integer) Mix.GENERIC[i][3] / 100;
            used += share;
            out.add(new Step((String) Mix.GENERIC[i][0], (String) Mix.GENERIC[i][1], (String) Mix.GENERIC[i][2],
                null, share, (Integer) Mix.GENERIC[i][3] / 100.0));
        }
        return out;
    }

    static Instant vn(LocalDate day, LocalTime time) {
        return day.atTime(time).atZone(VietnamTime.ZONE).toInstant();
    }

    static String officer(Unit unit, String role, int n) {
        return switch (role) {
            case "ONE_STOP_OFFICER", "CLERK" -> "tiepnhan" + n + "." + unit.suffix();
            case "SPECIALIST" -> "chuyenvien" + n + "." + unit.suffix();
            default -> "lanhdao." + unit.suffix();
        };
    }
}
