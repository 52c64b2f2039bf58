package vn.gov.quangtri.motcua.portal.infrastructure;

import vn.gov.quangtri.motcua.shared.domain.JsonFactories;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Set;

/**
 * Sends one synchronisation message to the national portal ({@code POST <base>/api/dossiers/sync}, JSON, HTTP Basic)
 * and classifies the answer (issue 15 §3): 2xx is accepted; 400, 404, 409, 410, 413, 415 and 422 are a refusal whose
 * reason (the answer's {@code reason}, else its text) goes to the rejects list; anything else (no connection, a
 * timeout, 401, 403, 408, 429, 5xx) is a failure that is tried again later. {@link #fetch} reads the portal's copy of a
 * dossier ({@code GET <base>/api/dossiers/{code}}) for the reconciliation (issue 15 §4).
 */
public final class PortalClient {

    /** What became of a message. */
    public enum Kind { SENT, REJECTED, FAILED }

    /** The outcome, with the portal's reason or the error. */
    public record Outcome(Kind kind, String detail) {
    }

    /** What the portal said about a dossier asked for. */
    public enum Found { FOUND, UNKNOWN, FAILED }

    /**
     * The portal's answer to {@link #fetch}.
     *
     * @param found  FOUND (with its copy), UNKNOWN (404: the portal does not know the dossier), FAILED (no usable answer)
     * @param copy   the portal's copy when FOUND, else null
     * @param detail the error when FAILED, else null
     */
    public record Lookup(Found found, JsonObject copy, String detail) {
    }

    private static final Set<Integer> REFUSALS = Set.of(400, 404, 409, 410, 413, 415, 422);

    private final HttpClient http;
    private final Duration timeout;

    /** @param timeout how long a connection and an answer may each take */
    public PortalClient(Duration timeout) {
        this.http = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NEVER)
            .version(HttpClient.Version.HTTP_1_1).build();
        this.timeout = timeout;
    }

    /**
     * Sends a message.
     *
     * @param baseUrl  the portal's base address, without a trailing slash
     * @param user     the account, or null for none
     * @param password its password
     * @param payload  the JSON message
     */
    public Outcome send(String baseUrl, String user, String password, String payload) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(baseUrl + "/api/dossiers/sync")).timeout(timeout)
            .header("Content-Type", "application/json; charset=utf-8").header("Accept", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(payload, StandardCharsets.UTF_8));
        if (user != null) {
            b.header("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":"
                + (password == null ? "" : password)).getBytes(StandardCharsets.UTF_8)));
        }
        HttpResponse<String> r;
        try {
            r = http.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            return new Outcome(Kind.FAILED, "No answer from the portal: " + e.getClass().getSimpleName()
                + (e.getMessage() == null ? "" : " " + e.getMessage()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Outcome(Kind.FAILED, "interrupted");
        } catch (IllegalArgumentException e) {
            return new Outcome(Kind.FAILED, "Bad portal address " + baseUrl);
        }
        int status = r.statusCode();
        if (status / 100 == 2) {
            return new Outcome(Kind.SENT, null);
        }
        String reason = reason(r.body());
        if (REFUSALS.contains(status)) {
            return new Outcome(Kind.REJECTED, "HTTP " + status + ": " + reason);
        }
        return new Outcome(Kind.FAILED, "HTTP " + status + " from the portal: " + reason);
    }

    /**
     * Reads the portal's copy of a dossier.
     *
     * @param baseUrl  the portal's base address, without a trailing slash
     * @param user     the account, or null for none
     * @param password its password
     * @param code     the dossier code ({@code MaHoSo})
     */
    public Lookup fetch(String baseUrl, String user, String password, String code) {
        String segment = java.net.URLEncoder.encode(code, StandardCharsets.UTF_8).replace("+", "%20");
        HttpRequest.Builder b;
        try {
            b = HttpRequest.newBuilder(URI.create(baseUrl + "/api/dossiers/" + segment)).timeout(timeout)
                .header("Accept", "application/json").GET();
        } catch (IllegalArgumentException e) {
            return new Lookup(Found.FAILED, null, "Bad portal address " + baseUrl);
        }
        if (user != null) {
            b.header("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":"
                + (password == null ? "" : password)).getBytes(StandardCharsets.UTF_8)));
        }
        HttpResponse<String> r;
        try {
            r = http.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            return new Lookup(Found.FAILED, null, "No answer from the portal: " + e.getClass().getSimpleName()
                + (e.getMessage() == null ? "" : " " + e.getMessage()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Lookup(Found.FAILED, null, "interrupted");
        }
        if (r.statusCode() == 404) {
            return new Lookup(Found.UNKNOWN, null, null);
        }
        if (r.statusCode() / 100 != 2) {
            return new Lookup(Found.FAILED, null, "HTTP " + r.statusCode() + " from the portal: " + reason(r.body()));
        }
        try (JsonReader j = JsonFactories.createReader(new StringReader(r.body()))) {
            return new Lookup(Found.FOUND, j.readObject(), null);
        } catch (RuntimeException notJson) {
            return new Lookup(Found.FAILED, null, "The portal's answer is not a JSON object");
        }
    }

    /** The answer's {@code reason} member, else its first 500 characters. */
    static String reason(String body) {
        if (body == null || body.isBlank()) {
            return "(no reason given)";
        }
        try (JsonReader r = JsonFactories.createReader(new StringReader(body))) {
            JsonObject o = r.readObject();
            if (o.get("reason") instanceof JsonString s) {
                return s.getString();
            }
        } catch (RuntimeException notJson) {
            // the text itself, below
        }
        return body.length() > 500 ? body.substring(0, 500) + "…" : body;
    }
}
