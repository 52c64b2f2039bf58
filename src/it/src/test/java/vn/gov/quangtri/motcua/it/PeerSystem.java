package vn.gov.quangtri.motcua.it;

import java.io.IOException;
import java.net.MalformedURLException;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A second, separate motcua system for the two-system tests: its own Payara domain ({@code motcua-it-peer},
 * port base {@code motcua.it.peer.portbase}, default 30000, so HTTP 30080 and admin 30048), its own embedded
 * H2 database (files inside the domain, so they survive a restart), the same EAR, started with
 * {@code config/payara/motcua-server.sh} as an administrator would. It can be killed with SIGKILL (no clean
 * shutdown: open transactions are lost, sockets cut) and started again, and registers password aliases
 * with {@code asadmin}.
 */
final class PeerSystem implements AutoCloseable {

    static final String DOMAIN = "motcua-it-peer";

    private final Path root;
    private final Path itDir;
    private final Path log;
    private final int portBase;

    PeerSystem() {
        itDir = locateItDir();
        root = itDir.getParent().getParent();
        portBase = Integer.parseInt(System.getProperty("motcua.it.peer.portbase", "30000"));
        log = itDir.resolve("target/it-servers/" + DOMAIN + ".log");
    }

    private static Path locateItDir() {
        Path here = Path.of("").toAbsolutePath();
        for (Path p = here; p != null; p = p.getParent()) {
            if (Files.isRegularFile(p.resolve("it-servers.sh"))) {
                return p;
            }
            if (Files.isRegularFile(p.resolve("src/it/it-servers.sh"))) {
                return p.resolve("src/it");
            }
        }
        throw new IllegalStateException("src/it/it-servers.sh not found from " + here);
    }

    int httpPort() {
        return portBase + 80;
    }

    int adminPort() {
        return portBase + 48;
    }

    /** {@code http://localhost:<port>/motcua/}, usable with {@link TestAccounts} and {@link TestServer}. */
    URL url() {
        try {
            return URI.create("http://localhost:" + httpPort() + "/motcua/").toURL();
        } catch (MalformedURLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Creates a fresh domain, starts it and deploys the EAR (waits until the application answers). */
    void start() throws IOException, InterruptedException {
        run(true, "start");
    }

    /**
     * Starts the existing domain again, keeping its database, and deploys the EAR again as
     * {@code motcua-server.sh start} always does; returns once the application answers.
     */
    void restart() throws IOException, InterruptedException {
        run(false, "start");
        awaitApplication(Duration.ofMinutes(2));
    }

    /** SIGKILL to the server process; returns once it is gone. */
    void kill() throws Exception {
        Path pidFile = payaraHome().resolve("glassfish/domains/" + DOMAIN + "/config/pid");
        long pid = Long.parseLong(Files.readString(pidFile).strip());
        ProcessHandle handle = ProcessHandle.of(pid).orElseThrow(() -> new IllegalStateException("no process " + pid));
        handle.destroyForcibly();
        handle.onExit().get(60, TimeUnit.SECONDS);
    }

    /**
     * Stores a secret in the domain's password alias store (as an administrator would:
     * {@code asadmin create-password-alias}) and makes it a MicroProfile Config property of the same name
     * ({@code set-config-property --source=domain} with the value {@code ${ALIAS=name}}).
     */
    void createPasswordAlias(String name, String secret) throws IOException, InterruptedException {
        createPasswordAlias(adminPort(), name, secret);
    }

    /** As {@link #createPasswordAlias(String, String)}, on the domain at this admin port. */
    static void createPasswordAlias(int adminPort, String name, String secret) throws IOException, InterruptedException {
        Path file = Files.createTempFile("motcua-alias", ".txt");
        try {
            Files.writeString(file, "AS_ADMIN_ALIASPASSWORD=" + secret + "\n");
            asadmin(adminPort, "--passwordfile", file.toString(), "create-password-alias", name);
            // MicroProfile Config reads the alias through a domain property whose value refers to it.
            asadmin(adminPort, "set-config-property", "--source=domain", "--propertyName=" + name,
                "--propertyValue=${ALIAS=" + name + "}");
        } finally {
            Files.deleteIfExists(file);
        }
    }

    static void asadmin(int adminPort, String... args) throws IOException, InterruptedException {
        List<String> command = new java.util.ArrayList<>(List.of(new PeerSystem().payaraHome().resolve("bin/asadmin").toString(),
            "--port", String.valueOf(adminPort)));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IllegalStateException("asadmin " + String.join(" ", args) + " failed: " + out);
        }
    }

    /** Stops the domain (if running) and deletes it, keeping its last server logs beside {@link #log}. */
    @Override
    public void close() throws IOException, InterruptedException {
        Path logs = payaraHome().resolve("glassfish/domains/" + DOMAIN + "/logs");
        for (String name : List.of("server.log", "server.log.previous")) {
            if (Files.isRegularFile(logs.resolve(name))) {
                Files.copy(logs.resolve(name), log.resolveSibling(DOMAIN + "-" + name),
                    java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
        }
        run(false, "delete-domain");
    }

    private Path payaraHome() {
        return itDir.resolve("target/payara6");
    }

    private void run(boolean fresh, String command) throws IOException, InterruptedException {
        Path tmp = itDir.resolve("target/it-servers/tmp/" + DOMAIN);
        Files.createDirectories(tmp);
        ProcessBuilder pb = new ProcessBuilder("bash", root.resolve("config/payara/motcua-server.sh").toString(), command)
            .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        Map<String, String> env = pb.environment();
        env.putAll(Map.of(
            "PAYARA_HOME", payaraHome().toString(),
            "MOTCUA_DIST_DIR", itDir.resolve("target/payara-dist").toString(),
            "MOTCUA_DOMAIN", DOMAIN,
            "MOTCUA_PORTBASE", String.valueOf(portBase),
            "MOTCUA_DB", "h2",
            "MOTCUA_FRESH_DOMAIN", String.valueOf(fresh),
            "MOTCUA_SAMPLE_DATA", "false",
            "MOTCUA_DEMO_ACCOUNTS", "true",
            "MOTCUA_JVM_OPTIONS", "-Duser.timezone=UTC -Djava.io.tmpdir=" + tmp));
        env.putAll(Map.of(
            "MOTCUA_INTERAGENCY_DISPATCH_INTERVAL", "PT1S",
            "MOTCUA_OUTBOX_INITIAL_DELAY", "PT2S",
            "MOTCUA_OUTBOX_MAX_DELAY", "PT4S",
            "MOTCUA_OUTBOX_MAX_ATTEMPTS", "50"));
        String ear = System.getProperty("motcua.it.earFile");
        if (ear != null && !ear.isBlank()) {
            env.put("MOTCUA_EAR", ear);
        }
        Files.createDirectories(log.getParent());
        Files.writeString(log, "\n=== motcua-server.sh " + command + " ===\n", StandardCharsets.UTF_8,
            java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
        Process p = pb.start();
        p.getOutputStream().close();
        if (!p.waitFor(10, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            throw new IllegalStateException("motcua-server.sh " + command + " did not finish; see " + log);
        }
        if (p.exitValue() != 0 && !"delete-domain".equals(command)) {
            throw new IllegalStateException("motcua-server.sh " + command + " failed (exit " + p.exitValue()
                + "); see " + log + ":\n" + tail());
        }
    }

    private void awaitApplication(Duration timeout) throws InterruptedException {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        URI probe = URI.create("http://localhost:" + httpPort() + "/motcua/api/v1/agencies?limit=1");
        long end = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < end) {
            try {
                HttpResponse<Void> r = http.send(HttpRequest.newBuilder(probe).timeout(Duration.ofSeconds(5)).build(),
                    HttpResponse.BodyHandlers.discarding());
                if (r.statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not up yet
            }
            Thread.sleep(1000);
        }
        throw new IllegalStateException("The peer system did not answer within " + timeout + "; see " + log);
    }

    private String tail() {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            return "(no log)";
        }
    }
}
