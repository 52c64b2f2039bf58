package vn.gov.quangtri.motcua.bench;

import jakarta.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The batch jobs and the yearly period report on a generated year (issue 14 §4 "a benchmark on a generated year of
 * dossiers that reports how long the sweep, the snapshot and the yearly report take"). Not a timed test: it runs each
 * step once and prints how long it took.
 *
 * <ol>
 *   <li>starts {@code deadline-sweep} and then {@code statistics-snapshot} through
 *   {@code POST /api/v1/batch/jobs/{name}/executions}, polls {@code GET /api/v1/batch/executions/{id}} every
 *   {@code --poll-ms} until the execution ends, and prints the wall-clock time, the status and the items
 *   read / written / skipped (a job already running is waited for first);</li>
 *   <li>times the period report of {@code --from} … {@code --to} (default: the last 365 days to yesterday, Vietnam
 *   days) as JSON from the dossiers only ({@code source=live}), as JSON from the snapshot ({@code source=auto}), as
 *   .xlsx and as PDF, each {@code --repeat} times, and prints the bytes and the times;</li>
 *   <li>reads the snapshot rows of the period page by page ({@code GET /api/v1/reports/statistics-snapshot}) and
 *   prints the rows and the time.</li>
 * </ol>
 * Needs a system administrator ({@code --account}, default the sample data's {@code quantri.tinh}).
 */
@Command(name = "year-jobs", mixinStandardHelpOptions = true, sortOptions = false,
    description = "Times deadline-sweep, statistics-snapshot and the yearly period report (JSON, XLSX, PDF) once each.")
public final class YearJobs implements Callable<Integer> {

    @Option(names = "--url", description = "the application, default ${DEFAULT-VALUE}")
    String url = "http://localhost:8080/motcua";

    @Option(names = "--account", description = "a system administrator, default ${DEFAULT-VALUE}")
    String account = "quantri.tinh";

    @Option(names = "--password", description = "default the sample data's")
    String password = "Motcua@2026";

    @Option(names = "--from", description = "first day of the report, default 364 days before --to")
    LocalDate from;

    @Option(names = "--to", description = "last day of the report, default yesterday (Vietnam)")
    LocalDate to;

    @Option(names = "--jobs", split = ",", description = "jobs to run first, default ${DEFAULT-VALUE} (empty: none)")
    List<String> jobs = List.of("deadline-sweep", "statistics-snapshot");

    @Option(names = "--repeat", description = "times each report is asked for, default ${DEFAULT-VALUE}")
    int repeat = 2;

    @Option(names = "--poll-ms", description = "poll interval of an execution, default ${DEFAULT-VALUE}")
    long pollMs = 1000;

    @Option(names = "--job-timeout", description = "longest wait for one job, seconds, default ${DEFAULT-VALUE}")
    long jobTimeout = 3600;

    private HttpClient http;
    private String authorization;

    /** Runs the steps; exit status 0, or 1 when a job did not complete or a report failed. */
    public static void main(String[] args) {
        System.exit(new CommandLine(new YearJobs()).execute(args));
    }

    @Override
    public Integer call() throws Exception {
        url = url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh"));
        to = to == null ? today.minusDays(1) : to;
        from = from == null ? to.minusDays(364) : from;
        http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(10))
            .build();
        authorization = Auth.basic(password).header(account, false);
        boolean ok = true;
        System.out.printf(Locale.ROOT, "# year-jobs %s as %s, report %s … %s%n", url, account, from, to);
        for (String job : jobs) {
            if (!job.isBlank()) {
                ok &= job(job.strip());
            }
        }
        String q = "from=" + from + "&to=" + to;
        ok &= report("period JSON, live", "/api/v1/reports/period?" + q + "&source=live");
        ok &= report("period JSON, snapshot", "/api/v1/reports/period?" + q);
        ok &= report("period XLSX", "/api/v1/reports/period.xlsx?" + q);
        ok &= report("period PDF", "/api/v1/reports/period.pdf?" + q);
        ok &= snapshotPages(q);
        return ok ? 0 : 1;
    }

    /** Starts a job, waits for its end; true when it COMPLETED. */
    private boolean job(String name) throws Exception {
        long t0 = System.nanoTime();
        HttpResponse<String> r = send(HttpRequest.newBuilder(URI.create(url + "/api/v1/batch/jobs/" + name
            + "/executions")).header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{}")));
        if (r.statusCode() == 409) { // another execution runs: wait for it, then start ours
            System.out.println("# " + name + " is running already; waiting for it");
            Thread.sleep(pollMs);
            return job(name);
        }
        if (r.statusCode() != 202) {
            System.out.println(name + " | not started: HTTP " + r.statusCode() + " " + r.body());
            return false;
        }
        long id = new Api.Answer(r.statusCode(), r.body()).json().getJsonNumber("executionId").longValue();
        long deadline = System.nanoTime() + jobTimeout * 1_000_000_000L;
        JsonObject e;
        while (true) {
            Thread.sleep(pollMs);
            HttpResponse<String> p = send(HttpRequest.newBuilder(URI.create(url + "/api/v1/batch/executions/" + id))
                .GET());
            e = new Api.Answer(p.statusCode(), p.body()).ok("execution " + id).json();
            String status = e.getString("status");
            if (!status.equals("STARTING") && !status.equals("STARTED") && !status.equals("STOPPING")) {
                break;
            }
            if (System.nanoTime() > deadline) {
                System.out.println(name + " | still " + status + " after " + jobTimeout + " s");
                return false;
            }
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        System.out.printf(Locale.ROOT, "%-24s | execution %d | %s | %.1f s (±%.1f s polling) | read %d, written %d,"
                + " skipped %d%s%n", name, id, e.getString("status"), seconds, pollMs / 1000.0,
            e.getJsonNumber("itemsRead").longValue(), e.getJsonNumber("itemsWritten").longValue(),
            e.getJsonNumber("itemsSkipped").longValue(),
            e.isNull("failureReason") ? "" : " | " + e.getString("failureReason"));
        return "COMPLETED".equals(e.getString("status"));
    }

    /** Asks for a report {@link #repeat} times; prints each time and the size. */
    private boolean report(String label, String path) throws Exception {
        StringBuilder times = new StringBuilder();
        long bytes = -1;
        for (int i = 0; i < repeat; i++) {
            long t0 = System.nanoTime();
            HttpResponse<byte[]> r = http.send(HttpRequest.newBuilder(URI.create(url + path))
                .timeout(Duration.ofMinutes(30)).header("Authorization", authorization).GET().build(),
                HttpResponse.BodyHandlers.ofByteArray());
            double ms = (System.nanoTime() - t0) / 1e6;
            if (r.statusCode() != 200) {
                System.out.println(label + " | HTTP " + r.statusCode() + " "
                    + new String(r.body(), java.nio.charset.StandardCharsets.UTF_8));
                return false;
            }
            bytes = r.body().length;
            times.append(i == 0 ? "" : ", ").append(String.format(Locale.ROOT, "%.0f ms", ms));
        }
        System.out.printf(Locale.ROOT, "%-24s | %s | %,d bytes%n", label, times, bytes);
        return true;
    }

    /** Reads the snapshot rows of the period in pages of the endpoint's largest page. */
    private boolean snapshotPages(String q) throws Exception {
        long t0 = System.nanoTime();
        long rows = 0;
        int pages = 0;
        String cursor = "";
        while (cursor != null) {
            HttpResponse<String> r = send(HttpRequest.newBuilder(URI.create(url
                + "/api/v1/reports/statistics-snapshot?" + q + "&limit=5000" + (cursor.isEmpty() ? "" : "&cursor="
                + cursor))).GET());
            if (r.statusCode() != 200) {
                System.out.println("snapshot rows | HTTP " + r.statusCode() + " " + r.body());
                return false;
            }
            JsonObject page = new Api.Answer(r.statusCode(), r.body()).json();
            rows += page.getJsonArray("rows").size();
            pages++;
            cursor = !page.containsKey("nextCursor") || page.isNull("nextCursor") ? null : page.getString("nextCursor");
        }
        System.out.printf(Locale.ROOT, "%-24s | %d rows in %d pages | %.0f ms%n", "snapshot rows (paged)", rows, pages,
            (System.nanoTime() - t0) / 1e6);
        return true;
    }

    private HttpResponse<String> send(HttpRequest.Builder b) throws Exception {
        return http.send(b.timeout(Duration.ofMinutes(5)).header("Authorization", authorization)
            .header("Accept", "application/json").build(), HttpResponse.BodyHandlers.ofString());
    }
}
