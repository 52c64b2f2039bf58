package vn.gov.quangtri.motcua.bench;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The motcua benchmark (issue 12 §2): drives a running server through its REST API and back-office pages, phase
 * by phase with 1 and 4 client threads (warm-up first), measures the raw JDBC floor of an intake on the same
 * database, samples the server's heap, and prints one line per phase and the ratios of issue 12 §5.
 *
 * <p>It creates real dossiers (intake and lifecycle phases) as the desk officer of the sample data: run it
 * against a trial database, never production. The JDBC floor's rows are deleted at the end.
 */
@Command(name = "motcua-bench", mixinStandardHelpOptions = true, sortOptions = false,
    description = "Benchmark of a running motcua server (issue 12 §2). One line per phase: "
        + "phase | threads | items | items/s | p50 ms | p95 ms | p99 ms | errors; then the ratios of issue 12 §5.")
public final class Bench implements Callable<Integer> {

    /** Every phase, in the order they run. */
    static final List<String> ALL_PHASES = List.of("calendar", "intake", "jdbc-intake", "lookup", "lifecycle",
        "list", "search", "inbox-page", "search-page", "dashboard-page", "report", "period-report", "tracking-book-page");

    @Option(names = "--url", description = "the application, default ${DEFAULT-VALUE}")
    String url = "http://localhost:8080/motcua";

    @Option(names = "--jdbc", description = "JDBC URL of the server's PostgreSQL database for the floor, e.g. "
        + "jdbc:postgresql://127.0.0.1:5432/motcua (without it the floor and its ratio are n/a)")
    String jdbc;

    @Option(names = "--jdbc-user", description = "default ${DEFAULT-VALUE}")
    String jdbcUser = "postgres";

    @Option(names = "--jdbc-password", description = "default empty")
    String jdbcPassword = "";

    @Option(names = "--threads", split = ",", description = "client thread counts, default ${DEFAULT-VALUE}")
    List<Integer> threads = List.of(1, 4);

    @Option(names = "--warmup", description = "warm-up per phase and thread count, seconds, default ${DEFAULT-VALUE}")
    int warmup = 5;

    @Option(names = "--seconds", description = "measured time per phase and thread count, seconds, default ${DEFAULT-VALUE}")
    int seconds = 15;

    @Option(names = "--think-ms", description = "mean pause of each client thread between two requests, "
        + "milliseconds, exponentially distributed (a member of staff reading the page); the pause is not part of "
        + "the latency. Default ${DEFAULT-VALUE}: no pause, every thread sends its next request at once (saturating)")
    long thinkMs = 0;

    @Option(names = "--seed", description = "seed of the think-time pauses (thread i of a phase uses seed + i), "
        + "default ${DEFAULT-VALUE}")
    long seed = 2026;

    @Option(names = "--phases", split = ",", description = "phases to run, default all: calendar, intake, "
        + "jdbc-intake, lookup, lifecycle, list, search, inbox-page, search-page, dashboard-page, report, period-report, tracking-book-page")
    List<String> phases = ALL_PHASES;

    /** Lifecycles begun, and their HTTP requests (for the ceiling a lifecycle's request count sets). */
    private final java.util.concurrent.atomic.LongAdder lifecycles = new java.util.concurrent.atomic.LongAdder();
    private final java.util.concurrent.atomic.LongAdder lifecycleRequests = new java.util.concurrent.atomic.LongAdder();

    @Option(names = "--auth", description = "basic (default) or bearer (POST /api/v1/auth/token; skipped with a "
        + "message when the server answers 404)")
    String auth = "basic";

    @Option(names = "--password", description = "password of the accounts, default the sample data's")
    String password = "Motcua@2026";

    @Option(names = "--desk", description = "desk officer (intake, one-stop and clerk steps, return), default ${DEFAULT-VALUE}")
    String desk = "tiepnhan.vinhlinh";

    @Option(names = "--specialist", description = "specialist (appraisal steps), default ${DEFAULT-VALUE}")
    String specialist = "chuyenvien.vinhlinh";

    @Option(names = "--leader", description = "leader (approval steps, dashboard, reports), default ${DEFAULT-VALUE}")
    String leader = "lanhdao.vinhlinh";

    @Option(names = "--procedure", description = "procedure of the dossiers, default ${DEFAULT-VALUE} "
        + "(marriage-status certificate: 4 steps)")
    String procedure = "1.004873";

    @Option(names = "--agency", description = "receiving unit, default ${DEFAULT-VALUE}")
    String agency = "QT25.XA_VINH_LINH";

    @Option(names = "--flowable-rate", split = ",", description = "the shared Flowable peer's 'start+3 tasks' "
        + "items/s measured in the same hour, one per --threads value in the same order (or one for all), for the "
        + "lifecycle ratio (optional)")
    List<Double> flowableRates;

    @Option(names = "--server-pid", description = "the server's process id: heap sampled with jcmd GC.heap_info "
        + "(else from the /metrics endpoint)")
    Long serverPid;

    @Option(names = "--metrics-url", description = "MicroProfile Metrics endpoint, default <server>/metrics")
    String metricsUrl;

    private Auth credentials;
    private String documentsJson;
    private final List<String> codes = java.util.Collections.synchronizedList(new ArrayList<>());
    private final Map<String, Stats> results = new LinkedHashMap<>();

    /** Runs the benchmark; exit status 0, or 2 when the server could not be reached or signed in. */
    public static void main(String[] args) {
        System.exit(new CommandLine(new Bench()).execute(args));
    }

    @Override
    public Integer call() throws Exception {
        url = url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
        for (String p : phases) {
            if (!ALL_PHASES.contains(p)) {
                throw new CommandLine.ParameterException(new CommandLine(this), "unknown phase " + p);
            }
        }
        URI u = URI.create(url);
        if (metricsUrl == null) {
            metricsUrl = u.getScheme() + "://" + u.getAuthority() + "/metrics";
        }
        boolean signedIn = prepareAuth();
        if (thinkMs < 0) {
            throw new CommandLine.ParameterException(new CommandLine(this), "--think-ms must be ≥ 0");
        }
        System.out.printf(Locale.ROOT, "# motcua-bench %s, auth %s, threads %s, warm-up %d s, measured %d s per phase,"
            + " think time %s%n", url, auth, threads, warmup, seconds, thinkMs == 0 ? "0 (saturating)"
            : "mean " + thinkMs + " ms, exponential, seed " + seed);
        JdbcFloor floor = null;
        try (HeapSampler heap = new HeapSampler(serverPid, metricsUrl).start()) {
            if (signedIn) {
                prepareIntake();
            }
            if (jdbc != null && phases.contains("jdbc-intake") && signedIn) {
                floor = new JdbcFloor(jdbc, jdbcUser, jdbcPassword);
                int left = floor.cleanUp();
                if (left > 0) {
                    System.out.println("# JDBC floor: deleted " + left + " dossiers an earlier run left");
                }
                System.out.println("# JDBC floor rows per intake (copied from " + codes.get(0) + "): "
                    + floor.loadTemplate(codes.get(0)));
            }
            System.out.printf("%-20s | %7s | %7s | %9s | %8s | %8s | %8s | %6s%n", "phase", "threads", "items",
                "items/s", "p50 ms", "p95 ms", "p99 ms", "errors");
            for (String phase : phases) {
                boolean needsSignIn = !phase.equals("calendar");
                if (needsSignIn && !signedIn) {
                    System.out.printf("%-20s | skipped: no sign-in (see above)%n", phase);
                    continue;
                }
                if (phase.equals("jdbc-intake") && floor == null) {
                    System.out.printf("%-20s | n/a: give --jdbc <URL of the server's PostgreSQL database>%n", phase);
                    continue;
                }
                for (int t : threads) {
                    AtomicReference<Throwable> firstError = new AtomicReference<>();
                    Stats s = Load.run(t, warmup * 1000L, seconds * 1000L, thinkMs, seed, operations(phase, floor),
                        firstError);
                    results.put(phase + "/" + t, s);
                    System.out.printf(Locale.ROOT, "%-20s | %7d | %7d | %9.1f | %8.1f | %8.1f | %8.1f | %6d%n", phase,
                        t, s.items(), s.itemsPerSecond(), s.p50Ms(), s.p95Ms(), s.p99Ms(), s.errors());
                    if (firstError.get() != null) {
                        System.out.println("#   first error: " + firstError.get());
                    }
                }
            }
            printRatios();
            long max = heap.maxUsed();
            System.out.printf(Locale.ROOT, "max server heap used | %s (%s); target < 1024 MiB: %s%n",
                max < 0 ? "n/a" : String.format(Locale.ROOT, "%.0f MiB", max / 1048576.0), heap.describe(),
                max < 0 ? "n/a" : max < 1024L * 1048576 ? "MET" : "NOT MET");
        } finally {
            if (floor != null) {
                System.out.println("# JDBC floor: deleted its " + floor.cleanUp() + " dossiers");
            }
        }
        return 0;
    }

    private boolean prepareAuth() throws Exception {
        if ("basic".equalsIgnoreCase(auth)) {
            credentials = Auth.basic(password);
            return true;
        }
        if (!"bearer".equalsIgnoreCase(auth)) {
            throw new CommandLine.ParameterException(new CommandLine(this), "--auth must be basic or bearer");
        }
        try {
            credentials = Auth.bearer(url, password, desk);
            return true;
        } catch (IllegalStateException e) {
            if (e.getCause() instanceof Auth.NoTokenEndpoint none) {
                System.out.println("# --auth bearer: " + none.getMessage()
                    + "; the authenticated phases are skipped (run with --auth basic)");
                return false;
            }
            throw e;
        }
    }

    /** Reads the procedure's documents (all handed in as originals) and receives one dossier (the JDBC template). */
    private void prepareIntake() throws Exception {
        Api api = new Api(url, credentials);
        JsonObject p = api.get("/api/v1/procedures/" + enc(procedure), null).ok("GET procedure " + procedure).json();
        JsonArrayBuilder docs = Json.createArrayBuilder();
        for (JsonValue d : p.getJsonArray("documents")) {
            docs.add(Json.createObjectBuilder().add("requiredPosition", d.asJsonObject().getInt("position"))
                .add("form", "ORIGINAL"));
        }
        documentsJson = docs.build().toString();
        String first = intake(api);
        codes.add(first);
        // the code ends in the unit's daily number XXXX (at most 9999 a day, Circular 01/2018 art. 19)
        int used = Integer.parseInt(first.substring(first.lastIndexOf('-') + 1));
        System.out.printf("# daily dossier numbers left today at %s: %d (a full run with 1 and 4 threads uses a few "
            + "thousand; when they run out intake answers 422 DAILY_SEQUENCE_EXHAUSTED: use another unit's accounts "
            + "with --agency/--desk/--specialist/--leader, or wait for the next day)%n", agency, 9999 - used);
    }

    private static final String[] FAMILY = {"Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Võ", "Đặng", "Bùi"};
    private static final String[] MIDDLE = {"Văn", "Thị", "Đức", "Ngọc", "Minh"};
    private static final String[] GIVEN = {"An", "Bình", "Cường", "Dung", "Hà", "Hùng", "Lan", "Mai", "Nam", "Tâm"};

    /** One REST intake as the desk officer; returns the new code. */
    private String intake(Api api) throws Exception {
        return lodge(api).json().getString("code");
    }

    /** A REST intake of a random applicant; its answer (201, the dossier). */
    private Api.Answer lodge(Api api) throws Exception {
        ThreadLocalRandom r = ThreadLocalRandom.current();
        String name = FAMILY[r.nextInt(FAMILY.length)] + " " + MIDDLE[r.nextInt(MIDDLE.length)] + " "
            + GIVEN[r.nextInt(GIVEN.length)];
        String body = "{\"procedureCode\":" + Json.createValue(procedure) + ",\"receivingAgencyCode\":"
            + Json.createValue(agency) + ",\"channel\":\"DIRECT\",\"applicant\":{\"kind\":\"INDIVIDUAL\",\"name\":"
            + Json.createValue(name) + ",\"idNumber\":\"045" + (100_000_000L + r.nextLong(900_000_000L))
            + "\",\"phone\":\"09" + (10_000_000L + r.nextLong(90_000_000L)) + "\"},\"documents\":" + documentsJson + "}";
        Api.Answer a = api.post("/api/v1/dossiers", desk, body);
        if (a.status() != 201) {
            throw new IllegalStateException("intake answered HTTP " + a.status() + ": " + a.body());
        }
        return a;
    }

    /** The account that acts on a step with this role (docs/domain.md: one-stop and clerk steps are the desk's). */
    private String accountFor(String role) {
        return switch (role) {
            case "SPECIALIST" -> specialist;
            case "LEADER" -> leader;
            default -> desk; // ONE_STOP_OFFICER, CLERK
        };
    }

    /**
     * A whole dossier life: intake, each step by the account of its role, return of the result; each request's
     * answer (the dossier) says the next step: 6 requests for the default procedure 1.004873 (4 steps).
     */
    private void lifecycle(Api api) throws Exception {
        Api.Answer a = lodge(api);
        lifecycles.increment();
        lifecycleRequests.increment();
        String code = a.json().getString("code");
        String path = "/api/v1/dossiers/" + enc(code) + "/";
        for (int i = 0; i < 20; i++) {
            JsonObject d = a.json();
            String status = d.getString("status");
            if ("RESULT_READY".equals(status)) {
                lifecycleRequests.increment();
                api.post(path + "return-result", desk, "{\"receivedBy\":"
                    + Json.createValue(d.getJsonObject("applicant").getString("name")) + ",\"method\":\"DIRECT\"}")
                    .ok("return-result " + code);
                return;
            }
            if (d.isNull("currentStep")) {
                throw new IllegalStateException(code + " stopped in status " + status + " without a current step");
            }
            JsonObject step = d.getJsonObject("currentStep");
            String verb = "APPROVAL".equals(step.getString("kind")) ? "approve" : "complete-step";
            lifecycleRequests.increment();
            a = api.post(path + verb, accountFor(step.getString("role")), "{}").ok(verb + " " + code + " step "
                + step.getInt("position"));
        }
        throw new IllegalStateException(code + ": more than 20 steps");
    }

    private Supplier<Load.Operation> operations(String phase, JdbcFloor floor) {
        String month = LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh")).withDayOfMonth(1).toString();
        String today = LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh")).toString();
        String yearStart = LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh")).withDayOfYear(1).toString();
        return () -> {
            Api api = new Api(url, credentials);
            return switch (phase) {
                case "calendar" -> () -> api.get("/api/v1/calendar/due-date?from=2026-03-02T10:00&workingDays=2", null)
                    .ok("calendar");
                case "intake" -> () -> codes.add(intake(api));
                case "lookup" -> () -> api.get("/api/v1/dossiers/"
                    + enc(codes.get(ThreadLocalRandom.current().nextInt(codes.size()))), desk).ok("lookup");
                case "lifecycle" -> () -> lifecycle(api);
                case "list" -> () -> api.get("/api/v1/dossiers?limit=50", desk).ok("list");
                case "search" -> () -> api.get("/api/v1/dossiers?limit=50&applicant="
                    + enc(ThreadLocalRandom.current().nextBoolean() ? "van binh" : "nguyen thi"), desk).ok("search");
                case "inbox-page" -> page(api, "/app/inbox.xhtml", specialist);
                case "search-page" -> page(api, "/app/search.xhtml", desk);
                case "dashboard-page" -> page(api, "/app/dashboard.xhtml", leader);
                case "tracking-book-page" -> page(api, "/app/tracking-book.xhtml", leader);
                case "report" -> () -> api.get("/api/v1/reports/data-integrity?from=" + month + "&to=" + today, leader)
                    .ok("report");
                case "period-report" -> () -> api.get("/api/v1/reports/period?from=" + yearStart + "&to=" + today, leader).ok("period-report");
                case "jdbc-intake" -> {
                    try {
                        yield floor.writer();
                    } catch (java.sql.SQLException e) {
                        throw new IllegalStateException("JDBC floor: " + e, e);
                    }
                }
                default -> throw new IllegalArgumentException(phase);
            };
        };
    }

    /** A back-office page (JSF) as an account; the thread's cookie keeps one session, as a browser would. */
    private static Load.Operation page(Api api, String path, String account) {
        return () -> {
            Api.Answer a = api.get(path, account).ok(path);
            if (!a.body().contains("</html>")) {
                throw new IllegalStateException(path + ": not a whole page");
            }
        };
    }

    private void printRatios() {
        System.out.println("# ratios (same run; targets of issue 12 §5)");
        for (int i = 0; i < threads.size(); i++) {
            int t = threads.get(i);
            Double flowableRate = flowableRates == null ? null
                : flowableRates.get(Math.min(i, flowableRates.size() - 1));
            ratio("REST intake ÷ JDBC floor", "intake/" + t, "jdbc-intake/" + t, t, 0.5);
            ratio("lookup ÷ calendar", "lookup/" + t, "calendar/" + t, t, 0.5);
            Stats life = results.get("lifecycle/" + t);
            if (flowableRate == null || life == null) {
                System.out.printf("%-26s | %d | n/a%s%n", "lifecycle ÷ Flowable", t, life == null ? ""
                    : ": give --flowable-rate (bench.FlowablePeer --modes lifecycle, same hour)");
            } else {
                double r = life.itemsPerSecond() / flowableRate;
                System.out.printf(Locale.ROOT, "%-26s | %d | %.3f (%.1f ÷ %.1f /s given); target ≥ 5: %s%n",
                    "lifecycle ÷ Flowable", t, r, life.itemsPerSecond(), flowableRate, r >= 5 ? "MET" : "NOT MET");
                Stats calendar = results.get("calendar/" + t);
                if (calendar != null) {
                    // a lifecycle is n HTTP requests: it cannot beat n requests that do almost nothing
                    double n = (double) lifecycleRequests.sum() / Math.max(1, lifecycles.sum());
                    double ceiling = calendar.itemsPerSecond() / n;
                    System.out.printf(Locale.ROOT,
                        "%-26s | %d | %.1f /s = calendar ÷ %.1f requests per lifecycle = %.2f × Flowable%n",
                        "lifecycle HTTP ceiling", t, ceiling, n, ceiling / flowableRate);
                }
            }
        }
    }

    private void ratio(String label, String top, String bottom, int t, double target) {
        Stats a = results.get(top);
        Stats b = results.get(bottom);
        if (a == null || b == null || b.itemsPerSecond() == 0) {
            System.out.printf("%-26s | %d | n/a%n", label, t);
            return;
        }
        double r = a.itemsPerSecond() / b.itemsPerSecond();
        System.out.printf(Locale.ROOT, "%-26s | %d | %.3f (%.1f ÷ %.1f /s); target ≥ %.2f: %s%n", label, t, r,
            a.itemsPerSecond(), b.itemsPerSecond(), target, r >= target ? "MET" : "NOT MET");
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
