package vn.gov.quangtri.motcua.dossier.infrastructure.file;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.transaction.Status;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The S3-compatible store (issue 15 §1) against a real S3 protocol server: Adobe's S3Mock, started as a separate
 * process from its executable jar (a test dependency), on free ports, with one bucket. A committed file reads back
 * byte for byte with its SHA-256 as object metadata; a rolled-back one is deleted from the bucket.
 */
class S3FileStoreTest {

    private static final String BUCKET = "motcua-files";
    private static Process server;
    private static int port;
    private static S3FileStore.Settings settings;

    @TempDir
    static Path serverRoot;

    @TempDir
    Path incoming;

    @BeforeAll
    static void startServer() throws Exception {
        String jar = Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
            .filter(p -> p.contains("s3mock") && p.endsWith("-exec.jar")).findFirst()
            .orElseThrow(() -> new IllegalStateException("the S3Mock executable jar is not on the test class path"));
        port = freePort();
        String java = ProcessHandle.current().info().command().orElse("java");
        server = new ProcessBuilder(List.of(java, "-Xmx256m", "-jar", jar, "--server.port=" + freePort(),
            "--com.adobe.testing.s3mock.http-port=" + port,
            "--com.adobe.testing.s3mock.store.initial-buckets=" + BUCKET,
            "--com.adobe.testing.s3mock.store.root=" + serverRoot))
            .redirectErrorStream(true).redirectOutput(serverRoot.resolve("s3mock.log").toFile()).start();
        HttpClient http = HttpClient.newHttpClient();
        long until = System.currentTimeMillis() + 90_000;
        while (true) {
            try {
                if (http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/")).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    break;
                }
            } catch (IOException notYet) {
                // starting
            }
            if (System.currentTimeMillis() > until || !server.isAlive()) {
                throw new IllegalStateException("S3Mock did not start: "
                    + Files.readString(serverRoot.resolve("s3mock.log")));
            }
            Thread.sleep(250);
        }
        settings = new S3FileStore.Settings("http://localhost:" + port, "us-east-1", BUCKET, "motcua", "bí-mật",
            true);
    }

    @AfterAll
    static void stopServer() throws Exception {
        if (server != null) {
            server.destroy();
            server.waitFor();
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    private Path content(String text) throws IOException {
        Path f = Files.createTempFile(incoming, "up", ".bin");
        Files.writeString(f, text, StandardCharsets.UTF_8);
        return f;
    }

    private static S3Client client() {
        return S3Client.builder().httpClient(UrlConnectionHttpClient.create()).region(Region.US_EAST_1)
            .endpointOverride(URI.create("http://localhost:" + port)).forcePathStyle(true)
            .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("x", "y"))).build();
    }

    private static long objects() {
        try (S3Client c = client()) {
            return c.listObjectsV2(b -> b.bucket(BUCKET)).keyCount();
        }
    }

    @Test
    @DisplayName("Committed: the object stays under yyyy/MM/<uuid>, reads back byte for byte, carries its SHA-256")
    void aCommittedFileStaysAndReadsBack() throws Exception {
        PretendTransaction tx = new PretendTransaction();
        S3FileStore store = new S3FileStore(tx, settings);
        long before = objects();
        String sha = "0f1e2d3c4b5a69788796a5b4c3d2e1f00f1e2d3c4b5a69788796a5b4c3d2e1f0";
        String key = store.put(content("Đơn đăng ký – bản quét"), sha);
        tx.end(Status.STATUS_COMMITTED);
        assertTrue(key.matches("s3:\\d{4}/\\d{2}/[0-9a-f-]{36}"), key);
        try (InputStream in = store.open(key)) {
            assertArrayEquals("Đơn đăng ký – bản quét".getBytes(StandardCharsets.UTF_8), in.readAllBytes());
        }
        assertEquals(before + 1, objects());
        try (S3Client c = client()) {
            assertEquals(sha, c.headObject(b -> b.bucket(BUCKET).key(key.substring(3))).metadata().get("sha256"));
        }
    }

    @Test
    @DisplayName("Rolled back: the object is deleted again and the key is not found")
    void aRolledBackFileIsDeleted() throws Exception {
        PretendTransaction tx = new PretendTransaction();
        S3FileStore store = new S3FileStore(tx, settings);
        long before = objects();
        String key = store.put(content("nhầm hồ sơ"), "x");
        assertEquals(before + 1, objects());
        tx.end(Status.STATUS_ROLLEDBACK);
        assertEquals(before, objects());
        assertThrows(NoSuchFileException.class, () -> store.open(key).close());
    }

    @Test
    @DisplayName("Keys of another store or leaving the prefix are not found; a missing bucket is an I/O error")
    void refusals() throws Exception {
        S3FileStore store = new S3FileStore(new PretendTransaction(), settings);
        assertThrows(NoSuchFileException.class, () -> store.open("dir:2026/12/x"));
        assertThrows(NoSuchFileException.class, () -> store.open("s3:../other-bucket/x"));
        S3FileStore nowhere = new S3FileStore(new PretendTransaction(), new S3FileStore.Settings(settings.endpoint(),
            "us-east-1", "no-such-bucket", "motcua", "x", true));
        assertThrows(IOException.class, () -> nowhere.put(content("x"), "x"));
    }
}
