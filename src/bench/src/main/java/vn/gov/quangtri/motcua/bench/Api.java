package vn.gov.quangtri.motcua.bench;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.IOException;
import java.io.StringReader;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * A small HTTP client of the motcua server for one benchmark thread: its own connection and cookie jar (so the
 * JSF pages reuse one session per thread, as a browser would), the credentials of {@link Auth}.
 */
public final class Api {

    /** An answer: status and body. */
    public record Answer(int status, String body) {

        /** The body as a JSON object. */
        public JsonObject json() {
            try (JsonReader r = Json.createReader(new StringReader(body))) {
                return r.readObject();
            }
        }

        /** Throws unless the status is 2xx. */
        public Answer ok(String what) {
            if (status / 100 != 2) {
                throw new IllegalStateException(what + " answered HTTP " + status + ": "
                    + (body.length() > 300 ? body.substring(0, 300) + "…" : body));
            }
            return this;
        }
    }

    private final HttpClient http;
    private final String base;
    private final Auth auth;

    /**
     * @param base the application's address, e.g. {@code http://localhost:8080/motcua}
     * @param auth how to sign requests in (null: anonymous only)
     */
    public Api(String base, Auth auth) {
        this.base = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
        this.auth = auth;
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).cookieHandler(new CookieManager()).build();
    }

    /** GET of a path under the application, as {@code account} (null: anonymous). */
    public Answer get(String path, String account) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(URI.create(base + path)).GET(), account);
    }

    /** POST of a JSON body to a path under the application, as {@code account}. */
    public Answer post(String path, String account, String json) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(URI.create(base + path))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(json)), account);
    }

    private Answer send(HttpRequest.Builder request, String account) throws IOException, InterruptedException {
        request.timeout(Duration.ofSeconds(60)).header("Accept", "application/json, text/html;q=0.9");
        if (account != null) {
            request.header("Authorization", auth.header(account, false));
        }
        HttpResponse<String> r = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() == 401 && account != null && auth.renewable()) {
            // an expired access token: take a new one once and repeat
            request.setHeader("Authorization", auth.header(account, true));
            r = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        }
        return new Answer(r.statusCode(), r.body());
    }

    /** The application's base address (no trailing slash). */
    public String base() {
        return base;
    }
}
