package vn.gov.quangtri.motcua.api.rest;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;

/** Builds problem responses. */
public final class Problems {

    /** Media type of RFC 9457 problem details. */
    public static final String PROBLEM_JSON = "application/problem+json";

    private Problems() {
    }

    /**
     * @param status HTTP status
     * @param reason stable code, used in the {@code type} URI too
     * @param detail explanation
     * @param errors items concerned
     * @param uri    request info for {@code instance}, may be null
     */
    public static Response of(Response.Status status, String reason, String detail, List<String> errors, UriInfo uri) {
        return of(status.getStatusCode(), status.getReasonPhrase(), reason, detail, errors, uri);
    }

    /** As {@link #of(Response.Status, String, String, List, UriInfo)} with a raw status code. */
    public static Response of(int status, String title, String reason, String detail, List<String> errors, UriInfo uri) {
        String instance = uri == null ? null : uri.getRequestUri().getRawPath();
        ProblemDto body = new ProblemDto("urn:motcua:problem:" + reason.toLowerCase().replace('_', '-'),
            title, status, scrub(detail), instance, reason,
            errors == null ? List.of() : errors.stream().map(Problems::scrub).toList());
        return Response.status(status).type(MediaType.valueOf(PROBLEM_JSON)).entity(body).build();
    }

    /** A qualified Java class name ({@code java.lang.IllegalArgumentException}, {@code vn.gov.….Unit}) or a stack frame. */
    private static final java.util.regex.Pattern JAVA_NAME = java.util.regex.Pattern.compile(
        "\\b(?:[a-z][a-z0-9_]*\\.){2,}[A-Z][\\w$]*|\\bat [\\w$.]+\\(|\\b[A-Z]\\w+Exception\\b|\\.java:\\d");

    /**
     * The text of an answer never names a Java class or shows a stack frame (issue 16): a text that would is
     * replaced by a neutral one; the server log keeps the details.
     */
    static String scrub(String text) {
        if (text == null || !JAVA_NAME.matcher(text).find()) {
            return text;
        }
        int colon = text.indexOf(": ");
        String field = colon > 0 && colon <= 60 && !JAVA_NAME.matcher(text.substring(0, colon)).find()
            && text.substring(0, colon).matches("[\\w.\\[\\]-]+") ? text.substring(0, colon) : null;
        return field == null ? "Invalid input" : field + ": not a valid value";
    }

    /** A 400 for malformed input. */
    public static BadInputException badInput(String detail, List<String> errors) {
        return new BadInputException(detail, errors);
    }
}
