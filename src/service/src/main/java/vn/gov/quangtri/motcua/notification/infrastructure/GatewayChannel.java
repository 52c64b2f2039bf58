package vn.gov.quangtri.motcua.notification.infrastructure;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Function;
import java.util.logging.Logger;
import vn.gov.quangtri.motcua.shared.domain.JsonFactories;
import vn.gov.quangtri.motcua.notification.application.SendOutcome;
import vn.gov.quangtri.motcua.notification.domain.Notification;

/**
 * What the SMS and Zalo OA channels share: a mode read from {@code motcua.notification.<channel>.sender} —
 * {@code log} (write the message to the server log, mark it sent: development and trials), {@code http} (a generic
 * HTTP gateway) or {@code off} (no rows at all). The HTTP gateway gets {@code POST <url>} with the JSON
 * {@code {"channel","to","text","reference"}} and the header {@code Authorization: Bearer <key>}; any 2xx is success,
 * anything else or a timeout a failed attempt. URL and key: {@code motcua.notification.<channel>.url} and
 * {@code ...key} (MicroProfile Config: a password alias or environment variable for the key).
 */
final class GatewayChannel {

    /** The modes. */
    enum Mode { LOG, HTTP, OFF }

    private static final Logger LOG = Logger.getLogger(GatewayChannel.class.getName());

    private final String name;
    private final Mode mode;
    private final Optional<String> url;
    private final Optional<String> key;
    private final Duration timeout;
    private final HttpClient http;

    /**
     * @param name     {@code sms} or {@code zalo}
     * @param settings reads a setting by its full name
     */
    GatewayChannel(String name, Function<String, Optional<String>> settings, String defaultMode) {
        this.name = name;
        String m = settings.apply("motcua.notification." + name + ".sender").orElse(defaultMode).strip();
        this.mode = switch (m.toLowerCase(java.util.Locale.ROOT)) {
            case "http" -> Mode.HTTP;
            case "off" -> Mode.OFF;
            default -> Mode.LOG;
        };
        this.url = settings.apply("motcua.notification." + name + ".url").filter(s -> !s.isBlank());
        this.key = settings.apply("motcua.notification." + name + ".key").filter(s -> !s.isBlank());
        this.timeout = Duration.parse(settings.apply("motcua.notification.gateway.timeout").orElse("PT10S"));
        this.http = HttpClient.newBuilder().connectTimeout(timeout).build();
    }

    boolean enabled() {
        return mode != Mode.OFF;
    }

    SendOutcome send(Notification n) throws Exception {
        if (mode == Mode.LOG) {
            LOG.info(() -> name.toUpperCase(java.util.Locale.ROOT) + " (log only, no gateway) to " + masked(n.recipient())
                + " about " + n.dossierCode() + ": " + n.body());
            return SendOutcome.SENT;
        }
        if (mode == Mode.OFF) {
            return SendOutcome.notSent("not sent: channel " + name + " is off");
        }
        if (url.isEmpty()) {
            return SendOutcome.notSent("not sent: no " + name + " gateway configured (motcua.notification." + name
                + ".url)");
        }
        String json = JsonFactories.createObjectBuilder().add("channel", name).add("to", n.recipient()).add("text", n.body())
            .add("reference", String.valueOf(n.id())).build().toString();
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url.get())).timeout(timeout)
            .header("Content-Type", "application/json; charset=utf-8")
            .POST(HttpRequest.BodyPublishers.ofString(json));
        key.ifPresent(k -> request.header("Authorization", "Bearer " + k));
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() / 100 != 2) {
            String body = response.body() == null ? "" : response.body();
            throw new IllegalStateException(name + " gateway answered HTTP " + response.statusCode() + ": "
                + (body.length() > 300 ? body.substring(0, 300) : body));
        }
        return SendOutcome.SENT;
    }

    /** A phone number for the log: all but the last three digits hidden. */
    static String masked(String phone) {
        return phone.length() <= 3 ? "***" : "*".repeat(phone.length() - 3) + phone.substring(phone.length() - 3);
    }
}
