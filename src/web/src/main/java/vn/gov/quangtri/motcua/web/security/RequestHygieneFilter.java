package vn.gov.quangtri.motcua.web.security;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbConfig;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import vn.gov.quangtri.motcua.api.rest.ProblemDto;
import vn.gov.quangtri.motcua.api.rest.Problems;
import vn.gov.quangtri.motcua.shared.domain.Texts;

/**
 * The safety net of every request's address, before any resource, page or database sees it (issue 16): a path
 * with an encoded separator or dot ({@code %2F}, {@code %5C}, {@code %2E}), a backslash, a path parameter
 * ({@code ;}, under {@code /api/} also the {@code ;jsessionid=} the container strips) or a {@code .}/{@code ..}
 * segment is refused with 400 {@code MALFORMED_PATH}; a path or query
 * parameter that is not UTF-8 or holds a character the one text rule forbids ({@link Texts#forbidden}, single
 * line: NUL and other controls, direction overrides, U+2028) is refused with 400 {@code MALFORMED_ENCODING} or
 * {@code CONTROL_CHARACTER} naming the parameter. The API answers with a problem document
 * ({@code application/problem+json}); pages get the error page with status 400. Such requests are a client's
 * mistake: nothing is logged above FINE. A form post of the screens larger than {@link #MAX_FORM_BYTES} is answered
 * 413 with a short page before the container parses it. Form fields of the screens are checked by
 * {@link vn.gov.quangtri.motcua.web.shell.TextInputs} (a message next to the field), request bodies of the API by
 * {@link vn.gov.quangtri.motcua.api.rest.BodyHygiene}.
 *
 * <p>Before the address, the request's framing and headers (issue 16, fresh-user trial): a request with both
 * {@code Content-Length} and {@code Transfer-Encoding} (the container reads it as chunked; a front that reads the
 * length would see another request in the body: request smuggling) is refused with 400 {@code AMBIGUOUS_LENGTH} and
 * {@code Connection: close}, so nothing after it on the connection is served. Grizzly drops a {@code Content-Length}
 * that precedes {@code Transfer-Encoding: chunked} before any application code sees the request, so that pair looks
 * like a plain chunked request: every request with {@code Transfer-Encoding} is therefore refused, 411
 * {@code LENGTH_REQUIRED} with {@code Connection: close} (browsers, the partner clients and the API's clients send
 * {@code Content-Length}); a {@code Host} header that is not {@code host[:port]} is 400 {@code MALFORMED_HOST}
 * (redirects and the WSDL's address are built from it unless {@value PublicAddress#CONFIG_KEY} is set, see
 * {@link PublicAddress}); a {@code Content-Type} whose {@code charset} this server does not know is 415
 * {@code UNSUPPORTED_CHARSET} (the container failed on it with its HTML error page). These three are answered
 * by this filter itself (a problem document under {@code /api/}, a short page elsewhere), never through the error
 * page, and also when the authentication mechanism meets them first ({@link #refusedRequest}).
 */
@WebFilter(urlPatterns = "/*")
public class RequestHygieneFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;

    /** Created on first use (a refused request), not with the class. */
    private static final class Json {
        static final Jsonb JSONB = JsonbBuilder.create(new JsonbConfig().withNullValues(true));
    }

    /**
     * Why a request was refused: the status, a stable reason, what is wrong; {@code direct}: answered by this filter
     * itself with {@code Connection: close} (framing, headers), not through the error page.
     */
    record Refusal(int status, String reason, String detail, List<String> errors, boolean direct) {
        Refusal(String reason, String detail, List<String> errors) {
            this(HttpServletResponse.SC_BAD_REQUEST, reason, detail, errors, false);
        }
    }

    @Override
    public void init() {
        ReasonPhrases.register(getServletContext()); // "429 Too Many Requests", not "429 CUSTOM"
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
        throws IOException, ServletException {
        Refusal refusal = check(request);
        if (refusal == null && formTooLarge(request)) {
            formTooLarge(response);
        } else if (refusal == null) {
            PublicAddress base = PublicAddress.configured();
            if (base == null) {
                chain.doFilter(request, response);
            } else {
                chain.doFilter(base.wrap(request), base.wrap(response));
            }
        } else if (isApi(request) || refusal.direct()) {
            try {
                answer(request, response, refusal);
            } catch (IOException e) {
                // the client closed the connection (or it was closed after a refused request): nothing to answer
            }
        } else {
            response.sendError(HttpServletResponse.SC_BAD_REQUEST);
        }
    }

    /**
     * The largest form post ({@code application/x-www-form-urlencoded}) of the screens, in bytes: 2 MiB, the HTTP
     * listener's {@code max-post-size-bytes} default (2097152). A larger form is refused here with 413, before the
     * container parses it: the container would log a WARNING ({@code GRIZZLY0205: Post too large}) and Faces would
     * fail with 500. Keep it equal to the listener's setting when that is changed.
     */
    static final long MAX_FORM_BYTES = 2L * 1024 * 1024;

    /** Whether a screen's form post declares a body larger than {@link #MAX_FORM_BYTES} (the API has its own limits). */
    static boolean formTooLarge(HttpServletRequest request) {
        String type = request.getContentType();
        return !isApi(request) && "POST".equals(request.getMethod()) && type != null
            && type.toLowerCase(Locale.ROOT).startsWith("application/x-www-form-urlencoded")
            && request.getContentLengthLong() > MAX_FORM_BYTES;
    }

    /**
     * 413 with a short page of its own: the error page (a Faces view) would parse the too-large form again on the
     * error dispatch of the POST.
     */
    private static void formTooLarge(HttpServletResponse response) throws IOException {
        response.setStatus(HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE);
        response.setHeader("Connection", "close");
        response.setContentType("text/html;charset=UTF-8");
        byte[] page = ("<!DOCTYPE html><html lang=\"vi\"><head><meta charset=\"UTF-8\"><title>413</title></head><body>"
            + "<h1>Dữ liệu gửi lên quá lớn (413)</h1><p>Biểu mẫu vượt quá 2 MB nên không được xử lý; không có gì"
            + " thay đổi. Hãy quay lại và gửi lại với nội dung ngắn hơn.</p><p lang=\"en\">The form is larger than 2 MB"
            + " and was not processed; nothing was changed.</p></body></html>\n").getBytes(StandardCharsets.UTF_8);
        response.setContentLength(page.length);
        response.getOutputStream().write(page);
    }

    /**
     * For the authentication mechanism, which runs before the container's security constraints and this filter: an
     * API request with a refused address, or any request with refused framing or headers, is answered here (400 or
     * 415, committed), so that no constraint or mechanism rule judges a path that is not what it seems
     * ({@code messages/..%2Fpartners} was answered an empty 200 by the container) and no sign-in redirect is built
     * from a malformed {@code Host}.
     *
     * @return whether the request was refused and answered
     */
    public static boolean refusedRequest(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Refusal refusal = check(request);
        if (refusal == null || !(isApi(request) || refusal.direct())) {
            return false;
        }
        try {
            answer(request, response, refusal);
            response.flushBuffer();
        } catch (IOException e) {
            // the client closed the connection (or it was closed after a refused request): nothing to answer
        }
        return true;
    }

    /**
     * The request's framing and headers ({@link #framing}), then {@link #check(String, String)} of its address, and
     * for the API also the session path parameter: the container takes {@code ;jsessionid=…} out of
     * {@link HttpServletRequest#getRequestURI()} before any filter, so it is recognised by
     * {@link HttpServletRequest#isRequestedSessionIdFromURL()} (the API has no sessions; a session id in an API
     * address is refused like any other path parameter).
     */
    static Refusal check(HttpServletRequest request) {
        String connection = request.getRemoteAddr() + " " + request.getRemotePort();
        Long closedUntil = REFUSED_CONNECTIONS.get(connection);
        if (closedUntil != null && closedUntil - System.nanoTime() > 0) {
            // read from the body of a refused request (request smuggling): never served
            return new Refusal(HttpServletResponse.SC_BAD_REQUEST, "CONNECTION_REFUSED", "An earlier request on this"
                + " connection had a malformed framing; nothing more is served on it", List.of("connection: open a new"
                + " one"), true);
        }
        // the header as sent: getContentType() carries the encoding the container set (web.xml: UTF-8) instead
        String transferEncoding = request.getHeader("Transfer-Encoding");
        if (transferEncoding != null && request.getHeader("Content-Length") == null && ChunkedBodies.ACCEPTED) {
            transferEncoding = null; // motcua.http.accept-chunked: a front normalises the framing (see ChunkedBodies)
        }
        Refusal refusal = framing(request.getHeader("Content-Length"), transferEncoding,
            request.getHeader("Host"), request.getHeader("Content-Type"));
        if (refusal != null) {
            if (transferEncoding != null) {
                refuseConnection(connection);
            }
            return refusal;
        }
        refusal = check(request.getRequestURI(), request.getQueryString());
        if (refusal == null && isApi(request) && request.isRequestedSessionIdFromURL()) {
            return malformedPath();
        }
        if (refusal == null && isApi(request) && !mediaType(request.getHeader("Content-Type"))) {
            return MALFORMED_CONTENT_TYPE;
        }
        return refusal;
    }

    /**
     * A {@code Content-Type} of an API request that is not a media type (issue 16, second trial): Jersey's servlet
     * layer reads it before any JAX-RS filter and answered such a request with a bare 400, which the container turned
     * into its HTML error page. ({@code Accept} and {@code Accept-Language} are read later and checked by
     * {@code api.rest.HeaderHygiene}, with the same reason.)
     */
    static final Refusal MALFORMED_CONTENT_TYPE = new Refusal("MALFORMED_HEADER", "The Content-Type header cannot be"
        + " read; nothing was changed", List.of("Content-Type: a media type, type/subtype with optional parameters"
        + " (application/json; charset=UTF-8)"));

    private static final String TOKEN = "[!#$%&'*+.^_`|~0-9A-Za-z-]+";
    /** type/subtype and parameters as the HTTP grammar has them, with Jersey's leniency on spaces and extra ';'. */
    private static final java.util.regex.Pattern MEDIA_TYPE = java.util.regex.Pattern.compile("\\s*" + TOKEN
        + "\\s*/\\s*" + TOKEN + "\\s*(?:;[\\s;]*(?:" + TOKEN + "\\s*=\\s*(?:" + TOKEN
        + "|\"(?:[^\"\\\\]|\\\\.)*\")\\s*)?)*");

    /** Whether a {@code Content-Type} value is absent, empty or a media type ({@code type/subtype; name=value}). */
    static boolean mediaType(String contentType) {
        return contentType == null || contentType.isBlank() || MEDIA_TYPE.matcher(contentType).matches();
    }

    /**
     * Connections (client address and port) on which a request with {@code Transfer-Encoding} was refused, until when
     * ({@link System#nanoTime()}): the HTTP server still hands on a request it finds in the refused request's body,
     * although the answer says {@code Connection: close}, so such a request is refused here too.
     */
    private static final java.util.concurrent.ConcurrentHashMap<String, Long> REFUSED_CONNECTIONS =
        new java.util.concurrent.ConcurrentHashMap<>();
    /** How long a refused connection stays refused: far longer than its buffered requests take. */
    private static final long REFUSED_CONNECTION_NANOS = java.util.concurrent.TimeUnit.SECONDS.toNanos(30);

    /**
     * Whether chunked request bodies are accepted (MicroProfile Config {@code motcua.http.accept-chunked}, default
     * false, read at start). Only for a server behind a front (reverse proxy, LGSP) that itself refuses a request
     * with both {@code Content-Length} and {@code Transfer-Encoding} and forwards one framing only, when partners'
     * clients stream their bodies (e.g. Apache CXF chunks SOAP messages over 4 KiB unless told not to). A request
     * with both headers is refused either way.
     */
    static final class ChunkedBodies {
        static final boolean ACCEPTED = org.eclipse.microprofile.config.ConfigProvider.getConfig()
            .getOptionalValue("motcua.http.accept-chunked", Boolean.class).orElse(false);

        private ChunkedBodies() {
        }
    }

    private static void refuseConnection(String connection) {
        long now = System.nanoTime();
        if (REFUSED_CONNECTIONS.size() > 10_000) {
            REFUSED_CONNECTIONS.values().removeIf(until -> until - now <= 0);
        }
        REFUSED_CONNECTIONS.put(connection, now + REFUSED_CONNECTION_NANOS);
    }

    private static boolean isApi(HttpServletRequest request) {
        return request.getRequestURI().startsWith(request.getContextPath() + "/api/");
    }

    /** A host name (letters, digits, '-', '_' in dot-separated labels), an IPv4 address or a bracketed IPv6 one. */
    private static final java.util.regex.Pattern HOST = java.util.regex.Pattern.compile(
        "(?:[A-Za-z0-9_](?:[A-Za-z0-9_-]{0,61}[A-Za-z0-9_])?)(?:\\.[A-Za-z0-9_](?:[A-Za-z0-9_-]{0,61}[A-Za-z0-9_])?)*\\.?"
            + "|\\[[0-9A-Fa-f:.]{2,45}\\]");

    /**
     * Checks what the container does not: ambiguous framing, the form of {@code Host}, the declared character set.
     *
     * @param contentLength    the {@code Content-Length} header, may be null
     * @param transferEncoding the {@code Transfer-Encoding} header, may be null
     * @param host             the {@code Host} header, may be null (HTTP/1.0) or empty
     * @param contentType      the {@code Content-Type} header, may be null
     * @return why the request is refused ({@code direct}), or null
     */
    static Refusal framing(String contentLength, String transferEncoding, String host, String contentType) {
        if (contentLength != null && transferEncoding != null) {
            return new Refusal(HttpServletResponse.SC_BAD_REQUEST, "AMBIGUOUS_LENGTH", "The request has both"
                + " Content-Length and Transfer-Encoding; nothing was done and the connection is closed",
                List.of("headers: Content-Length or Transfer-Encoding, not both"), true);
        }
        if (transferEncoding != null) {
            // The HTTP server drops a Content-Length that comes before "Transfer-Encoding: chunked", so such a pair
            // cannot be told from a chunked body here: no request body is accepted without its length.
            return new Refusal(HttpServletResponse.SC_LENGTH_REQUIRED, "LENGTH_REQUIRED", "A request body must be sent"
                + " with Content-Length; Transfer-Encoding is not accepted (also not together with Content-Length);"
                + " nothing was done and the connection is closed", List.of("headers: Content-Length, no"
                + " Transfer-Encoding"), true);
        }
        if (host != null && !host.isEmpty() && !validHost(host)) {
            return new Refusal(HttpServletResponse.SC_BAD_REQUEST, "MALFORMED_HOST", "The Host header is not a host"
                + " name or address with an optional port; nothing was done", List.of("Host: host[:port]"), true);
        }
        if (contentType != null && !knownCharset(contentType)) {
            return new Refusal(HttpServletResponse.SC_UNSUPPORTED_MEDIA_TYPE, "UNSUPPORTED_CHARSET", "The request"
                + " body's character set is not supported; send UTF-8", List.of("charset: UTF-8"), true);
        }
        return null;
    }

    /** Whether a {@code Host} value is {@code host[:port]} with a port from 1 to 65535. */
    static boolean validHost(String host) {
        String name = host;
        int colon = host.lastIndexOf(':');
        if (colon >= 0 && colon > host.lastIndexOf(']')) {
            String port = host.substring(colon + 1);
            if (!port.matches("[0-9]{1,5}") || Integer.parseInt(port) < 1 || Integer.parseInt(port) > 65535) {
                return false;
            }
            name = host.substring(0, colon);
        }
        return name.length() <= 253 && HOST.matcher(name).matches();
    }

    /** Whether the {@code charset} parameter of a {@code Content-Type}, when there is one, names a known set. */
    static boolean knownCharset(String contentType) {
        for (String parameter : contentType.split(";")) {
            int eq = parameter.indexOf('=');
            if (eq > 0 && parameter.substring(0, eq).strip().equalsIgnoreCase("charset")) {
                String name = parameter.substring(eq + 1).strip().replace("\"", "");
                try {
                    return !name.isEmpty() && java.nio.charset.Charset.isSupported(name);
                } catch (IllegalArgumentException e) {
                    return false; // an illegal name
                }
            }
        }
        return true;
    }

    private static void answer(HttpServletRequest request, HttpServletResponse response, Refusal refusal)
        throws IOException {
        response.setStatus(refusal.status());
        response.setCharacterEncoding("UTF-8");
        if (refusal.direct()) {
            response.setHeader("Connection", "close");
        }
        byte[] bytes;
        if (isApi(request)) {
            response.setContentType(Problems.PROBLEM_JSON);
            String title = refusal.status() == 415 ? "Unsupported Media Type" : refusal.status() == 411
                ? "Length Required" : "Bad Request";
            ProblemDto body = new ProblemDto("urn:motcua:problem:" + refusal.reason().toLowerCase(Locale.ROOT)
                .replace('_', '-'), title, refusal.status(), refusal.detail(), request.getRequestURI(), refusal.reason(),
                refusal.errors());
            bytes = Json.JSONB.toJson(body).getBytes(StandardCharsets.UTF_8);
        } else {
            response.setContentType("text/html;charset=UTF-8");
            bytes = ("<!DOCTYPE html><html lang=\"vi\"><head><meta charset=\"UTF-8\"><title>" + refusal.status()
                + "</title></head><body><h1>Yêu cầu không hợp lệ (" + refusal.status() + ")</h1><p>Không có gì thay"
                + " đổi.</p><p lang=\"en\">The request was refused (" + refusal.reason() + "); nothing was changed.</p>"
                + "</body></html>\n").getBytes(StandardCharsets.UTF_8);
        }
        response.setContentLength(bytes.length);
        response.getOutputStream().write(bytes);
    }

    /**
     * Checks a request's raw path and raw query string.
     *
     * @param rawPath  the path as sent (still percent-encoded), e.g. {@code /motcua/api/v1/procedures/H50-L006}
     * @param rawQuery the query string as sent, may be null
     * @return why the request is refused, or null when it is fine
     */
    static Refusal check(String rawPath, String rawQuery) {
        if (rawPath != null) {
            String lower = rawPath.toLowerCase(Locale.ROOT);
            if (lower.contains("%2f") || lower.contains("%5c") || lower.contains("%2e") || lower.contains("\\")
                    || lower.contains(";")) {
                return malformedPath();
            }
            String path;
            try {
                path = decode(rawPath, false);
            } catch (CharacterCodingException | IllegalArgumentException e) {
                return new Refusal("MALFORMED_ENCODING", "The request address is not valid UTF-8 percent-encoding",
                    List.of("path: not UTF-8"));
            }
            for (String segment : path.split("/", -1)) {
                if (segment.equals(".") || segment.equals("..")) {
                    return malformedPath();
                }
            }
            String problem = Texts.controlProblem("path", path, false);
            if (problem != null) {
                return controlCharacter(problem);
            }
        }
        if (rawQuery != null && !rawQuery.isEmpty()) {
            for (String pair : rawQuery.split("&")) {
                int eq = pair.indexOf('=');
                String name;
                String value;
                try {
                    name = decode(eq < 0 ? pair : pair.substring(0, eq), true);
                    value = eq < 0 ? "" : decode(pair.substring(eq + 1), true);
                } catch (CharacterCodingException | IllegalArgumentException e) {
                    return new Refusal("MALFORMED_ENCODING", "A query parameter is not valid UTF-8 percent-encoding",
                        List.of("query: not UTF-8"));
                }
                String problem = Texts.controlProblem("query", name, false);
                if (problem == null) {
                    problem = Texts.controlProblem(name, value, false);
                }
                if (problem != null) {
                    return controlCharacter(problem);
                }
            }
        }
        return null;
    }

    private static Refusal malformedPath() {
        return new Refusal("MALFORMED_PATH", "The request path holds an encoded separator, a dot segment or a path"
            + " parameter; nothing was done", List.of("path: no %2F, %5C, %2E, backslash, ';' or dot segments"));
    }

    private static Refusal controlCharacter(String problem) {
        return new Refusal(Texts.CONTROL_CHARACTER,
            "The request address holds a control or direction-override character; nothing was done", List.of(problem));
    }

    /**
     * Percent-decodes strictly as UTF-8 ({@code +} is a space in a query).
     *
     * @throws CharacterCodingException when the bytes are not UTF-8
     * @throws IllegalArgumentException  for a broken escape
     */
    static String decode(String raw, boolean query) throws CharacterCodingException {
        if (raw.indexOf('%') < 0 && !(query && raw.indexOf('+') >= 0)) {
            return raw;
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(raw.length());
        StringBuilder out = new StringBuilder(raw.length());
        var decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '%') {
                if (i + 2 >= raw.length()) {
                    throw new IllegalArgumentException("broken escape");
                }
                int hi = Character.digit(raw.charAt(i + 1), 16);
                int lo = Character.digit(raw.charAt(i + 2), 16);
                if (hi < 0 || lo < 0) {
                    throw new IllegalArgumentException("broken escape");
                }
                bytes.write(hi * 16 + lo);
                i += 2;
                continue;
            }
            if (bytes.size() > 0) {
                out.append(decoder.decode(ByteBuffer.wrap(bytes.toByteArray())));
                decoder.reset();
                bytes.reset();
            }
            out.append(query && c == '+' ? ' ' : c);
        }
        if (bytes.size() > 0) {
            CharBuffer tail = decoder.decode(ByteBuffer.wrap(bytes.toByteArray()));
            out.append(tail);
        }
        return out.toString();
    }
}
