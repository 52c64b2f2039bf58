package vn.gov.quangtri.motcua.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Samples the server's used heap every second (every 3 s with jcmd, which starts a JVM of its own) while the benchmark runs and keeps the largest value: with
 * {@code jcmd <pid> GC.heap_info} when the server's process id is known, else from the MicroProfile Metrics
 * endpoint ({@code memory_usedHeap_bytes}, which Payara exposes at {@code /metrics}).
 */
public final class HeapSampler implements AutoCloseable {

    private static final Pattern JCMD_USED = Pattern.compile("heap\\s+total \\d+K, used (\\d+)K");
    private static final Pattern METRIC_USED = Pattern.compile("(?m)^memory_usedHeap_bytes(?:\\{[^}]*})?\\s+(\\S+)");

    private final Long pid;
    private final String metricsUrl;
    private final AtomicLong max = new AtomicLong(-1);
    private final AtomicLong samples = new AtomicLong();
    private volatile String failure;
    private final Thread thread;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /**
     * @param pid        the server's process id, or null to use the metrics endpoint
     * @param metricsUrl the metrics endpoint, e.g. {@code http://localhost:8080/metrics}
     */
    public HeapSampler(Long pid, String metricsUrl) {
        this.pid = pid;
        this.metricsUrl = metricsUrl;
        this.thread = new Thread(this::loop, "heap-sampler");
        thread.setDaemon(true);
    }

    /** Starts sampling. */
    public HeapSampler start() {
        thread.start();
        return this;
    }

    private void loop() {
        while (!Thread.currentThread().isInterrupted()) {
            try {
                long used = pid != null ? jcmd() : metrics();
                max.accumulateAndGet(used, Math::max);
                samples.incrementAndGet();
                Thread.sleep(pid != null ? 3000 : 1000); // jcmd starts a JVM: sample it less often
            } catch (InterruptedException e) {
                return;
            } catch (Exception e) {
                failure = e.toString();
                try {
                    Thread.sleep(2000);
                } catch (InterruptedException ie) {
                    return;
                }
            }
        }
    }

    private long jcmd() throws IOException, InterruptedException {
        Process p = new ProcessBuilder("jcmd", pid.toString(), "GC.heap_info").redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor();
        return parseJcmd(out);
    }

    private long metrics() throws IOException, InterruptedException {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(metricsUrl))
            .timeout(Duration.ofSeconds(10)).GET().build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            throw new IOException(metricsUrl + " answered HTTP " + r.statusCode());
        }
        return parseMetrics(r.body());
    }

    /** Used heap in bytes from the output of {@code jcmd <pid> GC.heap_info} (G1, Parallel or Serial). */
    static long parseJcmd(String out) throws IOException {
        Matcher m = JCMD_USED.matcher(out);
        if (!m.find()) {
            throw new IOException("no heap line in jcmd output: " + out.strip());
        }
        return Long.parseLong(m.group(1)) * 1024;
    }

    /** Used heap in bytes from a MicroProfile Metrics (OpenMetrics text) answer. */
    static long parseMetrics(String body) throws IOException {
        Matcher m = METRIC_USED.matcher(body);
        if (!m.find()) {
            throw new IOException("no memory_usedHeap_bytes in the metrics answer");
        }
        return (long) Double.parseDouble(m.group(1));
    }

    /** Largest used heap seen, bytes, or -1 when no sample succeeded. */
    public long maxUsed() {
        return max.get();
    }

    /** Where the samples came from, how many, and the last failure if any. */
    public String describe() {
        return (pid != null ? "jcmd " + pid + " GC.heap_info" : metricsUrl) + ", " + samples.get() + " samples"
            + (failure == null ? "" : ", last failure: " + failure);
    }

    @Override
    public void close() {
        thread.interrupt();
    }
}
