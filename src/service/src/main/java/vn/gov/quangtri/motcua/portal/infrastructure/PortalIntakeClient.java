package vn.gov.quangtri.motcua.portal.infrastructure;

import vn.gov.quangtri.motcua.shared.domain.JsonFactories;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.StringReader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;
import vn.gov.quangtri.motcua.portal.domain.OnlineSubmission;

/**
 * The national portal's interface for online submissions (issue 15 §3a), HTTP Basic: the list after a cursor
 * ({@code GET <base>/api/dossiers/online?since=&limit=}), a file's bytes ({@code GET <base><DuongDan>}, streamed to a
 * temporary file and checked against the announced size and SHA-256, never more than the announced size read) and the
 * acknowledgement ({@code POST <base>/api/dossiers/online/{id}/ack}).
 */
public final class PortalIntakeClient {

    /** The portal could not be reached or answered with a failure worth trying again (no connection, 5xx, 401…). */
    public static final class Unavailable extends Exception {
        private static final long serialVersionUID = 1L;

        Unavailable(String message) {
            super(message);
        }
    }

    /** A file that is not what the portal announced, or that it does not have (404): the submission is not taken. */
    public static final class BadFile extends Exception {
        private static final long serialVersionUID = 1L;
        private final String reasonCode;

        BadFile(String reasonCode, String message) {
            super(message);
            this.reasonCode = reasonCode;
        }

        /** {@code PORTAL_FILE_MISMATCH} or {@code PORTAL_FILE_MISSING}. */
        public String reasonCode() {
            return reasonCode;
        }
    }

    private final HttpClient http;
    private final Duration timeout;
    private final String base;
    private final String authorization;

    /**
     * @param base     the portal's base address, without a trailing slash
     * @param user     the account, or null for none
     * @param password its password
     * @param timeout  how long a connection and an answer may each take
     */
    public PortalIntakeClient(String base, String user, String password, Duration timeout) {
        this.http = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NEVER)
            .version(HttpClient.Version.HTTP_1_1).build();
        this.timeout = timeout;
        this.base = base;
        this.authorization = user == null ? null : "Basic " + Base64.getEncoder().encodeToString((user + ":"
            + (password == null ? "" : password)).getBytes(StandardCharsets.UTF_8));
    }

    private HttpRequest.Builder request(String path) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(timeout);
        if (authorization != null) {
            b.header("Authorization", authorization);
        }
        return b;
    }

    /**
     * The submissions after {@code since}: {@code items} and {@code next}.
     *
     * @throws Unavailable when the portal does not answer 200 with a JSON object
     */
    public JsonObject list(String since, int limit) throws Unavailable {
        HttpResponse<String> r = send(request("/api/dossiers/online?since=" + URLEncoder.encode(since,
            StandardCharsets.UTF_8) + "&limit=" + limit).header("Accept", "application/json").GET().build());
        if (r.statusCode() != 200) {
            throw new Unavailable("HTTP " + r.statusCode() + " from the portal's list: " + PortalClient.reason(r.body()));
        }
        try (JsonReader reader = JsonFactories.createReader(new StringReader(r.body()))) {
            return reader.readObject();
        } catch (RuntimeException e) {
            throw new Unavailable("The portal's list is not a JSON object");
        }
    }

    /**
     * Downloads an announced file into {@code target} and checks it.
     *
     * @throws BadFile     404, more or fewer bytes than announced, another SHA-256
     * @throws Unavailable no answer, or another failure worth trying again
     */
    public void download(OnlineSubmission.FileRef f, Path target) throws BadFile, Unavailable {
        HttpResponse<InputStream> answer;
        try {
            answer = http.send(request(f.path()).header("Accept", "*/*").GET().build(),
                HttpResponse.BodyHandlers.ofInputStream());
        } catch (IOException e) {
            throw new Unavailable("No answer from the portal: " + e.getClass().getSimpleName());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Unavailable("interrupted");
        }
        try (InputStream in = answer.body()) {
            if (answer.statusCode() == 404 || answer.statusCode() == 410) {
                throw new BadFile("PORTAL_FILE_MISSING", "Cổng không có tệp \"" + f.name() + "\" (HTTP "
                    + answer.statusCode() + ")");
            }
            if (answer.statusCode() != 200) {
                throw new Unavailable("HTTP " + answer.statusCode() + " for file " + f.number());
            }
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            long size = 0;
            try (OutputStream out = Files.newOutputStream(target)) {
                byte[] buf = new byte[64 * 1024];
                int n;
                while ((n = in.read(buf)) > 0) {
                    size += n;
                    if (size > f.size()) {
                        throw new BadFile("PORTAL_FILE_MISMATCH", "Tệp \"" + f.name() + "\" dài hơn " + f.size()
                            + " byte Cổng đã báo");
                    }
                    sha.update(buf, 0, n);
                    out.write(buf, 0, n);
                }
            }
            String mismatch = mismatch(f, size, HexFormat.of().formatHex(sha.digest()));
            if (mismatch != null) {
                throw new BadFile("PORTAL_FILE_MISMATCH", mismatch);
            }
        } catch (IOException e) {
            throw new Unavailable("The file " + f.number() + " broke off: " + e.getClass().getSimpleName());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Why the bytes received are not the file announced (Vietnamese), or null when they are. */
    static String mismatch(OnlineSubmission.FileRef f, long size, String sha256) {
        if (size != f.size()) {
            return "Tệp \"" + f.name() + "\" có " + size + " byte, Cổng báo " + f.size() + " byte";
        }
        if (!sha256.equalsIgnoreCase(f.sha256())) {
            return "Tệp \"" + f.name() + "\" có SHA-256 " + sha256 + ", Cổng báo " + f.sha256();
        }
        return null;
    }

    /**
     * Tells the portal that we took a submission as our dossier {@code code}.
     *
     * @return null when recorded, else what went wrong
     */
    public String acknowledge(String portalId, String code) {
        try {
            HttpResponse<String> r = send(request("/api/dossiers/online/" + URLEncoder.encode(portalId,
                StandardCharsets.UTF_8) + "/ack").header("Content-Type", "application/json; charset=utf-8")
                .POST(HttpRequest.BodyPublishers.ofString(JsonFactories.createObjectBuilder().add("MaHoSo", code).build()
                    .toString(), StandardCharsets.UTF_8)).build());
            return r.statusCode() / 100 == 2 ? null : "HTTP " + r.statusCode() + ": " + PortalClient.reason(r.body());
        } catch (Unavailable e) {
            return e.getMessage();
        }
    }

    private HttpResponse<String> send(HttpRequest request) throws Unavailable {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new Unavailable("No answer from the portal: " + e.getClass().getSimpleName()
                + (e.getMessage() == null ? "" : " " + e.getMessage()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Unavailable("interrupted");
        } catch (IllegalArgumentException e) {
            throw new Unavailable("Bad portal address " + base);
        }
    }
}
