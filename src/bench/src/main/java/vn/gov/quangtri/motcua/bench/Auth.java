package vn.gov.quangtri.motcua.bench;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * How the benchmark signs in: HTTP Basic (the v1 contract, every request carries the password; the server
 * remembers a verification for a few minutes) or a bearer token from {@code POST /api/v1/auth/token} (issue 12
 * §1, taken once per account and renewed on a 401).
 */
public final class Auth {

    /** Thrown when the server has no token endpoint (404): the bearer mode cannot run there. */
    public static final class NoTokenEndpoint extends Exception {
        NoTokenEndpoint(String message) {
            super(message);
        }
    }

    private final boolean bearer;
    private final String base;
    private final String password;
    private final Map<String, String> tokens = new ConcurrentHashMap<>();

    private Auth(boolean bearer, String base, String password) {
        this.bearer = bearer;
        this.base = base;
        this.password = password;
    }

    /** HTTP Basic with one password for every account. */
    public static Auth basic(String password) {
        return new Auth(false, null, password);
    }

    /**
     * Bearer tokens from {@code <base>/api/v1/auth/token}; checks once that the endpoint exists.
     *
     * @throws NoTokenEndpoint when it answers 404
     */
    public static Auth bearer(String base, String password, String probeAccount) throws Exception {
        Auth auth = new Auth(true, base, password);
        auth.header(probeAccount, true);
        return auth;
    }

    /** Whether a 401 may be cured by taking a new token. */
    boolean renewable() {
        return bearer;
    }

    /**
     * The Authorization header for an account.
     *
     * @param renew take a new token even if one is held (bearer mode)
     */
    String header(String account, boolean renew) {
        if (!bearer) {
            return "Basic " + Base64.getEncoder().encodeToString((account + ":" + password)
                .getBytes(StandardCharsets.UTF_8));
        }
        if (renew) {
            tokens.remove(account);
        }
        return "Bearer " + tokens.computeIfAbsent(account, this::token);
    }

    private String token(String account) {
        try {
            String body = Json.createObjectBuilder().add("username", account).add("password", password)
                .add("grant_type", "password").build().toString();
            HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create(base + "/api/v1/auth/token")).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json").header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() == 404) {
                throw new IllegalStateException(new NoTokenEndpoint("POST " + base
                    + "/api/v1/auth/token answered 404: this server has no token endpoint yet (issue 12 §1)"));
            }
            if (r.statusCode() / 100 != 2) {
                throw new IllegalStateException("token for " + account + ": HTTP " + r.statusCode() + " " + r.body());
            }
            try (JsonReader reader = Json.createReader(new StringReader(r.body()))) {
                JsonObject o = reader.readObject();
                for (String key : new String[] {"access_token", "accessToken", "token"}) {
                    if (o.containsKey(key)) {
                        return o.getString(key);
                    }
                }
                throw new IllegalStateException("token answer without access_token: " + r.body());
            }
        } catch (java.io.IOException | InterruptedException e) {
            throw new IllegalStateException("token for " + account + ": " + e, e);
        }
    }
}
