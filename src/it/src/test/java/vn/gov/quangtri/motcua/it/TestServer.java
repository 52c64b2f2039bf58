package vn.gov.quangtri.motcua.it;

import java.io.IOException;
import java.io.Reader;
import java.net.URI;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

import io.restassured.builder.RequestSpecBuilder;
import io.restassured.specification.RequestSpecification;

/**
 * Where the tests of the current round talk to: the Payara domain started by {@code it-servers.sh}.
 *
 * <p>Failsafe sets, per round: {@code motcua.it.database} (h2 | postgresql), {@code motcua.it.httpPort},
 * {@code motcua.it.adminPort} and {@code motcua.it.stateDir}. For an EAR deployment Arquillian's
 * injected {@code @ArquillianResource URL} is the web module's context ({@code http://host:port/motcua/})
 * when the container reports it, and may be {@code null}; {@link #serverRoot(URL)} falls back to
 * {@code motcua.it.httpPort}, so always pass the injected value through it.
 */
public final class TestServer {

    /** Context root of the web module (application.xml). */
    public static final String CONTEXT_ROOT = "/motcua";
    /** Base path of version 1 of the REST API, under the server root. */
    public static final String API_V1 = CONTEXT_ROOT + "/api/v1";

    private TestServer() {
    }

    /** {@code h2} or {@code postgresql}. */
    public static String database() {
        return System.getProperty("motcua.it.database", "h2");
    }

    public static int httpPort() {
        return Integer.parseInt(System.getProperty("motcua.it.httpPort", "28080"));
    }

    public static int adminPort() {
        return Integer.parseInt(System.getProperty("motcua.it.adminPort", "28048"));
    }

    /** {@code http://host:port} of the server, from Arquillian's URL when it has one. */
    public static URI serverRoot(URL arquillianUrl) {
        if (arquillianUrl != null && arquillianUrl.getPort() > 0) {
            return URI.create(arquillianUrl.getProtocol() + "://" + arquillianUrl.getHost() + ":" + arquillianUrl.getPort());
        }
        return URI.create("http://localhost:" + httpPort());
    }

    /** {@code http://host:port/motcua}. */
    public static URI appRoot(URL arquillianUrl) {
        return URI.create(serverRoot(arquillianUrl) + CONTEXT_ROOT);
    }

    /** rest-assured spec for the API: base URI = server root, base path = {@code /motcua/api/v1}. */
    public static RequestSpecification api(URL arquillianUrl) {
        return new RequestSpecBuilder().setBaseUri(serverRoot(arquillianUrl).toString()).setBasePath(API_V1).build();
    }

    /** rest-assured spec for the server root (for /openapi, /health, ...). */
    public static RequestSpecification server(URL arquillianUrl) {
        return new RequestSpecBuilder().setBaseUri(serverRoot(arquillianUrl).toString()).build();
    }

    /** {@code http://localhost:<adminPort>} (Payara admin REST interface, no password). */
    public static URI adminRoot() {
        return URI.create("http://localhost:" + adminPort());
    }

    /** The marker file it-servers.sh wrote for this round's domain ({@code <stateDir>/<database>.properties}). */
    public static Properties roundInfo() {
        Properties properties = new Properties();
        Path file = stateDir().resolve(database() + ".properties");
        if (Files.isRegularFile(file)) {
            try (Reader reader = Files.newBufferedReader(file)) {
                properties.load(reader);
            } catch (IOException e) {
                throw new IllegalStateException("Cannot read " + file, e);
            }
        }
        return properties;
    }

    /** One line saying which database this round uses, for the test output. */
    public static String describeDatabase() {
        Properties info = roundInfo();
        if ("postgresql".equals(database())) {
            return "PostgreSQL database " + info.getProperty("database", "?") + " at "
                + info.getProperty("host", "?") + ":" + info.getProperty("port", "?")
                + " (domain " + info.getProperty("domain", "?") + ", HTTP port " + httpPort() + ")";
        }
        return "H2, the server's embedded database (domain " + info.getProperty("domain", "?") + ", HTTP port " + httpPort() + ")";
    }

    static Path stateDir() {
        return Path.of(System.getProperty("motcua.it.stateDir", "target/it-servers"));
    }
}
