package vn.gov.quangtri.motcua.gate;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;

/**
 * What the gate answers to a request, decided from its path alone (no state, no I/O).
 *
 * @param status      HTTP status
 * @param contentType media type of the body, null without a body
 * @param headers     further headers (e.g. {@code Retry-After}, {@code Location})
 * @param body        the body (empty for none)
 */
public record GateAnswer(int status, String contentType, Map<String, String> headers, String body) {

    /** Context root of the application the gate stands in for. */
    public static final String APPLICATION = "/motcua";

    /** Default of {@code Retry-After} in seconds (setting {@code motcua.gate.retry-after}). */
    public static final int DEFAULT_RETRY_AFTER = 30;

    /** Problem {@code reason} of the API's answer while the application is unavailable. */
    public static final String REASON = "SERVICE_UNAVAILABLE";

    /**
     * The answer for a request path (the raw request URI, without query string).
     * <ul>
     *   <li>{@code /motcua/api} and below: 503, {@code application/problem+json} in the shape of the API's problems
     *       (type, title, status, detail, instance, reason {@value #REASON}, errors), {@code Retry-After};</li>
     *   <li>{@code /motcua} and anything else below it: 503, a short Vietnamese HTML page that reloads itself,
     *       {@code Retry-After};</li>
     *   <li>{@code /}: 302 to {@code /motcua/};</li>
     *   <li>anything else: 404, plain text (not the gate's business).</li>
     * </ul>
     *
     * @param path              the request URI's path
     * @param retryAfterSeconds the {@code Retry-After} value
     */
    public static GateAnswer of(String path, int retryAfterSeconds) {
        String p = path == null || path.isEmpty() ? "/" : path;
        String lower = p.toLowerCase(Locale.ROOT);
        String retry = String.valueOf(retryAfterSeconds);
        Map<String, String> unavailable = Map.of("Retry-After", retry, "Cache-Control", "no-store");
        if (under(lower, APPLICATION + "/api")) {
            String body = "{\"type\":\"urn:motcua:problem:service-unavailable\",\"title\":\"Service Unavailable\","
                + "\"status\":503,\"detail\":\"The application is restarting or being updated; try again in "
                + retry + " seconds\",\"instance\":" + json(p) + ",\"reason\":\"" + REASON + "\",\"errors\":[]}";
            return new GateAnswer(503, "application/problem+json", unavailable, body);
        }
        if (under(lower, APPLICATION)) {
            return new GateAnswer(503, "text/html;charset=UTF-8", unavailable, page(retryAfterSeconds));
        }
        if (p.equals("/")) {
            return new GateAnswer(302, null, Map.of("Location", APPLICATION + "/"), "");
        }
        return new GateAnswer(404, "text/plain;charset=UTF-8", Map.of(), "Not Found\n");
    }

    /** The body as UTF-8 bytes. */
    public byte[] bytes() {
        return body.getBytes(StandardCharsets.UTF_8);
    }

    private static boolean under(String path, String root) {
        return path.equals(root) || path.startsWith(root + "/");
    }

    private static String page(int retryAfterSeconds) {
        return "<!DOCTYPE html>\n<html lang=\"vi\"><head><meta charset=\"UTF-8\">"
            + "<meta http-equiv=\"refresh\" content=\"" + retryAfterSeconds + "\">"
            + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
            + "<title>Hệ thống đang khởi động lại</title></head>\n<body style=\"font-family:sans-serif;max-width:40rem;"
            + "margin:3rem auto;padding:0 1rem\">\n<h1>Hệ thống một cửa điện tử đang khởi động lại</h1>\n"
            + "<p>Hệ thống đang được khởi động lại hoặc cập nhật, thường trong vài phút. Trang sẽ tự tải lại sau "
            + retryAfterSeconds + " giây; dữ liệu của bạn không bị ảnh hưởng.</p>\n"
            + "<p lang=\"en\">The system is restarting or being updated; this page reloads in " + retryAfterSeconds
            + " seconds.</p>\n</body></html>\n";
    }

    /** A JSON string literal. */
    static String json(String s) {
        StringBuilder b = new StringBuilder(s.length() + 2).append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                default -> {
                    if (c < 0x20 || c == '\u2028' || c == '\u2029' || c == '<' || c == '>') {
                        b.append(String.format("\\u%04x", (int) c));
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        return b.append('"').toString();
    }
}
