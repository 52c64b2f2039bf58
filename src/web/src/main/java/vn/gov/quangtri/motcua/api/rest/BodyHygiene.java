package vn.gov.quangtri.motcua.api.rest;

import vn.gov.quangtri.motcua.shared.domain.JsonFactories;
import jakarta.json.stream.JsonParser;
import jakarta.json.stream.JsonParsingException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ReaderInterceptor;
import jakarta.ws.rs.ext.ReaderInterceptorContext;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import vn.gov.quangtri.motcua.shared.domain.RuleViolationException;
import vn.gov.quangtri.motcua.shared.domain.Texts;

/**
 * What every request body of the API goes through before it is bound (issue 16; registered per resource method by
 * {@link BodyLimits}):
 * <ul>
 *   <li>its size: over the method's limit it is answered 413 {@code BODY_TOO_LARGE} (from {@code Content-Length}
 *       before reading, or as soon as the read passes the limit);</li>
 *   <li>its character set: a JSON body is decoded by the {@code charset} its {@code Content-Type} declares
 *       (UTF-8 when none) and passed on as UTF-8; an unknown character set is 415 {@code UNSUPPORTED_CHARSET}, bytes
 *       that are not text in the declared one (or not UTF-8 when none is declared) 400 {@code MALFORMED_ENCODING},
 *       never a U+FFFD in storage;</li>
 *   <li>its text: every string (and member name) of a JSON body is checked with the one rule
 *       {@link Texts#forbidden} in its lenient, multi-line form (TAB, LF, CR allowed): NUL, other controls, direction
 *       overrides, U+2028, lone surrogates are 400 {@code CONTROL_CHARACTER} naming the field
 *       ({@code applicant.name}, {@code documents[1].name}). The domain checks single-line fields more strictly.</li>
 * </ul>
 */
public class BodyHygiene implements ReaderInterceptor, jakarta.ws.rs.container.ContainerRequestFilter {

    private final long limit;

    /**
     * A body refused before binding: status, stable reason, explanation, items; answered as a problem by
     * {@link ExceptionMappers} (which fills {@code instance} with the request's path).
     */
    static final class Refused extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final int status;
        final String title;
        final String reason;
        final List<String> errors;

        Refused(int status, String title, String reason, String detail, List<String> errors) {
            super(detail, null, false, false);
            this.status = status;
            this.title = title;
            this.reason = reason;
            this.errors = errors;
        }
    }

    /** @param limitBytes the largest body accepted */
    public BodyHygiene(long limitBytes) {
        this.limit = limitBytes;
    }

    /**
     * The size check for every operation, also those that read no body (a reader interceptor runs only when a body is
     * read): a declared {@code Content-Length} over the limit is 413 before the operation runs.
     */
    @Override
    public void filter(jakarta.ws.rs.container.ContainerRequestContext request) {
        String length = request.getHeaderString(HttpHeaders.CONTENT_LENGTH);
        if (length == null) {
            return;
        }
        try {
            if (Long.parseLong(length.strip()) > limit) {
                drain(request.getEntityStream());
                throw tooLarge();
            }
        } catch (NumberFormatException e) {
            // the container refuses a malformed Content-Length itself
        }
    }

    @Override
    public Object aroundReadFrom(ReaderInterceptorContext context) throws IOException {
        prepare(context);
        return context.proceed();
    }

    private void prepare(ReaderInterceptorContext context) throws IOException {
        String length = context.getHeaders().getFirst(HttpHeaders.CONTENT_LENGTH);
        if (length != null) {
            try {
                if (Long.parseLong(length.strip()) > limit) {
                    drain(context.getInputStream());
                    throw tooLarge();
                }
            } catch (NumberFormatException e) {
                // the container refuses a malformed Content-Length itself
            }
        }
        MediaType type = context.getMediaType();
        if (type != null && "multipart".equalsIgnoreCase(type.getType())) {
            // files (issue 15): streamed, never held in memory whole; the limit is kept while reading
            context.setInputStream(new Limited(context.getInputStream(), type.getParameters().get("boundary")));
            return;
        }
        if (type != null && !isJson(type)) {
            charset(type); // a form or text body in an unknown charset: 415 too (the container shows its own UTF-8)
        }
        byte[] body = readAtMost(context.getInputStream(), limit);
        if (type != null && isJson(type)) {
            Charset charset = charset(type);
            String text = decode(body, charset);
            checkStrings(text);
            if (!StandardCharsets.UTF_8.equals(charset)) {
                body = text.getBytes(StandardCharsets.UTF_8);
                Map<String, String> parameters = new HashMap<>(type.getParameters());
                parameters.put(MediaType.CHARSET_PARAMETER, "UTF-8");
                MediaType utf8 = new MediaType(type.getType(), type.getSubtype(), parameters);
                context.setMediaType(utf8);
                context.getHeaders().putSingle(HttpHeaders.CONTENT_TYPE, utf8.toString());
            }
        }
        context.setInputStream(new ByteArrayInputStream(body));
    }

    /** Most parts of a multipart body (an upload has a file and a few fields; thousands of parts exhaust memory). */
    static final int MAX_PARTS = 20;

    /**
     * A multipart body stream that answers 413 as soon as more than the limit has been read, and 400
     * {@code TOO_MANY_PARTS} as soon as it holds more than {@link #MAX_PARTS} parts: the delimiters
     * ({@code --boundary}) are counted while the bytes pass, before the parser builds a part for each.
     */
    final class Limited extends java.io.FilterInputStream {
        private long total;
        private final byte[] delimiter;
        private final int[] fallback;
        private int matched;
        private int delimiters;

        Limited(InputStream in, String boundary) {
            super(in);
            this.delimiter = ("--" + (boundary == null ? "" : boundary)).getBytes(StandardCharsets.ISO_8859_1);
            this.fallback = new int[delimiter.length];
            for (int i = 1, k = 0; i < delimiter.length; i++) {
                while (k > 0 && delimiter[i] != delimiter[k]) {
                    k = fallback[k - 1];
                }
                if (delimiter[i] == delimiter[k]) {
                    k++;
                }
                fallback[i] = k;
            }
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count(1);
                scan((byte) b);
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) {
                count(n);
                for (int i = off; i < off + n; i++) {
                    scan(b[i]);
                }
            }
            return n;
        }

        private void count(int n) {
            total += n;
            if (total > limit) {
                drain(in);
                throw tooLarge();
            }
        }

        /** Knuth–Morris–Pratt step over the delimiter; the closing delimiter is one more than the parts. */
        private void scan(byte b) {
            if (delimiter.length <= 2) {
                return;
            }
            while (matched > 0 && b != delimiter[matched]) {
                matched = fallback[matched - 1];
            }
            if (b == delimiter[matched]) {
                matched++;
            }
            if (matched == delimiter.length) {
                matched = fallback[matched - 1];
                if (++delimiters > MAX_PARTS + 1) {
                    drain(in);
                    throw new Refused(400, "Bad Request", "TOO_MANY_PARTS", "The upload has more than " + MAX_PARTS
                        + " parts; nothing was changed", List.of("body: at most " + MAX_PARTS + " parts"));
                }
            }
        }
    }

    private Refused tooLarge() {
        return new Refused(413, "Content Too Large", "BODY_TOO_LARGE",
            "The request body is larger than this operation accepts (" + limit / 1024 + " KiB); nothing was changed",
            List.of("body: at most " + limit / 1024 + " KiB"));
    }

    private byte[] readAtMost(InputStream in, long max) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        long total = 0;
        int n;
        while ((n = in.read(buffer)) > 0) {
            total += n;
            if (total > max) {
                drain(in);
                throw tooLarge();
            }
            out.write(buffer, 0, n);
        }
        return out.toByteArray();
    }

    /** Most bytes read and dropped after the limit, so that the client gets the 413 instead of a reset connection. */
    private static final long DRAIN_MAX = 64L * 1024 * 1024;

    /** Reads and drops what the client still sends (at most {@link #DRAIN_MAX}); nothing is kept. */
    private static void drain(InputStream in) {
        byte[] buffer = new byte[65536];
        long total = 0;
        try {
            int n;
            while (total < DRAIN_MAX && (n = in.read(buffer)) > 0) {
                total += n;
            }
        } catch (IOException e) {
            // the client went away: nothing to answer
        }
    }

    static boolean isJson(MediaType type) {
        return "application".equalsIgnoreCase(type.getType())
            && ("json".equalsIgnoreCase(type.getSubtype()) || type.getSubtype().toLowerCase().endsWith("+json"));
    }

    /** The declared character set, UTF-8 when none; 415 for one this server does not know. */
    static Charset charset(MediaType type) {
        return charset(type.getParameters().get(MediaType.CHARSET_PARAMETER));
    }

    /** The character set of that name, UTF-8 for none; 415 for one this server does not know. */
    static Charset charset(String name) {
        if (name == null || name.isBlank()) {
            return StandardCharsets.UTF_8;
        }
        try {
            return Charset.forName(name.strip().replace("\"", ""));
        } catch (IllegalArgumentException e) {
            throw new Refused(415, "Unsupported Media Type", "UNSUPPORTED_CHARSET",
                "The request body's character set is not supported; send UTF-8", List.of("charset: UTF-8"));
        }
    }

    /** Decodes strictly: bytes that are not text in the character set are 400 {@code MALFORMED_ENCODING}. */
    static String decode(byte[] body, Charset charset) {
        try {
            return charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(body)).toString();
        } catch (CharacterCodingException e) {
            throw new Refused(400, "Bad Request", "MALFORMED_ENCODING",
                "The request body is not valid " + charset.name() + " text; declare its character set in Content-Type"
                    + " (UTF-8 when none)", List.of("body: not " + charset.name()));
        }
    }

    /** Deepest nesting of objects and arrays accepted in a JSON body (our documents need 4). */
    public static final int MAX_DEPTH = 32;
    /** Reason of a body that is not JSON the API can read (answered 400). */
    public static final String MALFORMED_JSON = "MALFORMED_JSON";

    /**
     * Refuses a JSON text with a forbidden character (multi-line rule) in any string or member name, an object
     * with the same member twice, or nested deeper than {@value #MAX_DEPTH} levels. Also used by the SOAP endpoint for the JSON payload it carries.
     * Text that is not JSON passes (the binding answers 400 with the field).
     *
     * @throws RuleViolationException {@link Texts#CONTROL_CHARACTER}, the first such field in the details;
     *                                {@value #MALFORMED_JSON} when nested too deeply or a member is repeated
     */
    public static void checkStrings(String json) {
        Deque<Object> path = new ArrayDeque<>(); // String: member name; int[]: array index
        Deque<java.util.Set<String>> members = new ArrayDeque<>(); // the member names of each open object
        try (JsonParser parser = JsonFactories.createParser(new StringReader(json))) {
            while (parser.hasNext()) {
                JsonParser.Event event = parser.next();
                switch (event) {
                    case START_OBJECT, START_ARRAY -> {
                        advance(path);
                        if (path.size() >= MAX_DEPTH) {
                            throw new RuleViolationException(MALFORMED_JSON, "The JSON document is nested too deeply",
                                List.of("body: at most " + MAX_DEPTH + " levels of objects and arrays"));
                        }
                        path.push(event == JsonParser.Event.START_ARRAY ? new int[] {-1} : "");
                        if (event == JsonParser.Event.START_OBJECT) {
                            members.push(new java.util.HashSet<>());
                        }
                    }
                    case END_OBJECT, END_ARRAY -> {
                        path.pop();
                        if (event == JsonParser.Event.END_OBJECT) {
                            members.pop();
                        }
                    }
                    case KEY_NAME -> {
                        path.pop();
                        path.push(parser.getString());
                        check(path, parser.getString());
                        if (!members.peek().add(parser.getString())) {
                            throw new RuleViolationException(MALFORMED_JSON, "The JSON document names a member twice",
                                List.of(name(path) + ": given twice"));
                        }
                    }
                    case VALUE_STRING -> {
                        advance(path);
                        check(path, parser.getString());
                    }
                    default -> advance(path);
                }
            }
        } catch (JsonParsingException | java.util.NoSuchElementException e) {
            // not JSON: the binding answers 400 MALFORMED_JSON
        }
    }

    private static void advance(Deque<Object> path) {
        if (!path.isEmpty() && path.peek() instanceof int[] index) {
            index[0]++;
        }
    }

    private static void check(Deque<Object> path, String value) {
        String problem = Texts.controlProblem(name(path), value, true);
        if (problem != null) {
            throw new RuleViolationException(Texts.CONTROL_CHARACTER,
                "The request holds a control or direction-override character; nothing was changed", List.of(problem));
        }
    }

    private static String name(Deque<Object> path) {
        StringBuilder b = new StringBuilder();
        var it = path.descendingIterator();
        while (it.hasNext()) {
            Object p = it.next();
            if (p instanceof int[] index) {
                b.append('[').append(Math.max(0, index[0])).append(']');
            } else if (!((String) p).isEmpty()) {
                if (b.length() > 0) {
                    b.append('.');
                }
                b.append(p);
            }
        }
        return b.length() == 0 ? "body" : b.toString();
    }
}
