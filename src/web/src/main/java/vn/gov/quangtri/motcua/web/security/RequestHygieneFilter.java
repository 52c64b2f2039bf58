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
 */
@WebFilter(urlPatterns = "/*")
public class RequestHygieneFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;

    /** Created on first use (a refused request), not with the class. */
    private static final class Json {
        static final Jsonb JSONB = JsonbBuilder.create(new JsonbConfig().withNullValues(true));
    }

    /** Why a request address was refused: status 400, a stable reason, what is wrong. */
    record Refusal(String reason, String detail, List<String> errors) {
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
        throws IOException, ServletException {
        Refusal refusal = check(request);
        if (refusal == null && formTooLarge(request)) {
            formTooLarge(response);
        } else if (refusal == null) {
            chain.doFilter(request, response);
        } else if (isApi(request)) {
            answer(request, response, refusal);
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
     * API request with a refused address is answered here (400 problem, committed), so that no constraint or
     * mechanism rule judges a path that is not what it seems ({@code messages/..%2Fpartners} was answered an empty
     * 200 by the container).
     *
     * @return whether the request was refused and answered
     */
    public static boolean refusedApiRequest(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (!isApi(request)) {
            return false;
        }
        Refusal refusal = check(request);
        if (refusal == null) {
            return false;
        }
        answer(request, response, refusal);
        response.flushBuffer();
        return true;
    }

    /**
     * {@link #check(String, String)} of the request's address, and for the API also the session path parameter: the
     * container takes {@code ;jsessionid=…} out of {@link HttpServletRequest#getRequestURI()} before any filter, so
     * it is recognised by {@link HttpServletRequest#isRequestedSessionIdFromURL()} (the API has no sessions; a
     * session id in an API address is refused like any other path parameter).
     */
    static Refusal check(HttpServletRequest request) {
        Refusal refusal = check(request.getRequestURI(), request.getQueryString());
        if (refusal == null && isApi(request) && request.isRequestedSessionIdFromURL()) {
            return malformedPath();
        }
        return refusal;
    }

    private static boolean isApi(HttpServletRequest request) {
        return request.getRequestURI().startsWith(request.getContextPath() + "/api/");
    }

    private static void answer(HttpServletRequest request, HttpServletResponse response, Refusal refusal)
        throws IOException {
        response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        response.setContentType(Problems.PROBLEM_JSON);
        response.setCharacterEncoding("UTF-8");
        ProblemDto body = new ProblemDto("urn:motcua:problem:" + refusal.reason().toLowerCase(Locale.ROOT).replace('_', '-'),
            "Bad Request", 400, refusal.detail(), request.getRequestURI(), refusal.reason(), refusal.errors());
        response.getOutputStream().write(Json.JSONB.toJson(body).getBytes(StandardCharsets.UTF_8));
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
