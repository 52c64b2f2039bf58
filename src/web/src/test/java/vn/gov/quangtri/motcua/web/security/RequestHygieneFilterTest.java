package vn.gov.quangtri.motcua.web.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.assertNull;

import jakarta.servlet.http.HttpServletRequest;
import java.lang.reflect.Proxy;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Issue 16: the request address net (encoded traversal, controls in path and query parameters). */
class RequestHygieneFilterTest {

    private static String reason(String path, String query) {
        RequestHygieneFilter.Refusal r = RequestHygieneFilter.check(path, query);
        return r == null ? null : r.reason();
    }

    @Test
    void encodedTraversalIsRefused() {
        for (String path : List.of("/motcua/api/v1/interagency/messages/..%2Fpartners",
                "/motcua/api/v1/interagency/messages/..%2fpartners", "/motcua/api/v1/procedures/a%5Cb",
                "/motcua/api/v1/procedures/%2E%2E", "/motcua/api/v1/procedures/x;jsessionid=1",
                "/motcua/api/v1/procedures/..", "/motcua/api/v1/./procedures", "/motcua/api/v1/a\\b")) {
            assertEquals("MALFORMED_PATH", reason(path, null), path);
        }
        assertNull(reason("/motcua/api/v1/dossiers/000.00.60.H50-260310-0001", null));
        assertNull(reason("/motcua/api/v1/procedures/H50-L006", "q=dang%20ky+dat%20dai&limit=5"));
    }

    @Test
    void controlsInPathAndQueryAreRefusedNamingTheParameter() {
        RequestHygieneFilter.Refusal r = RequestHygieneFilter.check("/motcua/api/v1/procedures", "q=a%00b");
        assertEquals("CONTROL_CHARACTER", r.reason());
        assertEquals(List.of("q: control character U+0000 not allowed"), r.errors());
        assertEquals("CONTROL_CHARACTER", reason("/motcua/api/v1/procedures/H50%00", null));
        assertEquals("CONTROL_CHARACTER", reason("/motcua/api/v1/accounts/a%1Bb", null));
        assertEquals("CONTROL_CHARACTER", reason("/motcua/api/v1/dossiers", "applicant=%E2%80%AEabc"));
        assertEquals("CONTROL_CHARACTER", reason("/motcua/app/search.xhtml", "code=%7F"));
        assertEquals("MALFORMED_ENCODING", reason("/motcua/api/v1/procedures", "q=Ph%E9"), "ISO-8859-1 bytes");
        assertEquals("MALFORMED_ENCODING", reason("/motcua/api/v1/procedures", "q=%zz"));
        // Vietnamese in UTF-8, decomposed or not, is fine
        assertNull(reason("/motcua/api/v1/procedures", "q=Ph%C3%A9&x=Phe%CC%81"));
    }

    /** A request as the container hands it over: path without {@code ;jsessionid=…}, session id from the URL. */
    private static HttpServletRequest request(String uri, boolean sessionIdFromUrl) {
        return request(uri, sessionIdFromUrl, "GET", null, -1);
    }

    private static HttpServletRequest request(String uri, boolean sessionIdFromUrl, String method, String type,
                                              long length) {
        return (HttpServletRequest) Proxy.newProxyInstance(RequestHygieneFilterTest.class.getClassLoader(),
            new Class<?>[] {HttpServletRequest.class}, (proxy, called, args) -> switch (called.getName()) {
                case "getRequestURI" -> uri;
                case "getContextPath" -> "/motcua";
                case "getQueryString" -> null;
                case "isRequestedSessionIdFromURL" -> sessionIdFromUrl;
                case "getMethod" -> method;
                case "getContentType" -> type;
                case "getContentLengthLong" -> length;
                case "getHeader" -> "Content-Type".equalsIgnoreCase((String) args[0]) ? type : null;
                case "getRemoteAddr" -> "127.0.0.1";
                case "getRemotePort" -> 40000 + uri.length();
                default -> throw new UnsupportedOperationException(called.getName());
            });
    }

    @Test
    void sessionIdInAnApiAddressIsRefusedButNotOnPages() {
        RequestHygieneFilter.Refusal r = RequestHygieneFilter.check(request("/motcua/api/v1/procedures", true));
        assertEquals("MALFORMED_PATH", r.reason());
        assertNull(RequestHygieneFilter.check(request("/motcua/api/v1/procedures", false)));
        // the screens may still carry the session in the address (browsers without cookies)
        assertNull(RequestHygieneFilter.check(request("/motcua/app/inbox.xhtml", true)));
    }

    /** Issue 16 (second trial): a Content-Type that is no media type is a 400 problem under /api, not the HTML page. */
    @Test
    void aMalformedContentTypeOfAnApiRequestIsRefused() {
        for (String bad : List.of("application/", "/json", "application/json; charset", "application", "json",
                "application/json charset=UTF-8", "application/json; charset=\"UTF-8", "a/b/c", "application/json; =x",
                "text/plain; a=b c=d")) {
            assertFalse(RequestHygieneFilter.mediaType(bad), bad);
            RequestHygieneFilter.Refusal r = RequestHygieneFilter.check(request("/motcua/api/v1/dossiers", false, "POST",
                bad, 2));
            assertEquals("MALFORMED_HEADER", r.reason(), bad);
            assertEquals(400, r.status());
            assertEquals(List.of("Content-Type: a media type, type/subtype with optional parameters"
                + " (application/json; charset=UTF-8)"), r.errors());
        }
        for (String ok : List.of("application/json", "application/json; charset=UTF-8", "application/json;charset=\"utf-8\"",
                "APPLICATION/JSON ; charset = UTF-8 ;", "application/problem+json", "text/xml;charset=UTF-8",
                "multipart/form-data; boundary=----WebKitFormBoundary7MA4YWxkTrZu0gW",
                "multipart/form-data; boundary=\"a:b/c?d\"", "application/x-www-form-urlencoded", "application/vnd.ms-excel")) {
            assertTrue(RequestHygieneFilter.mediaType(ok), ok);
            assertNull(RequestHygieneFilter.check(request("/motcua/api/v1/dossiers", false, "POST", ok, 2)), ok);
        }
        assertTrue(RequestHygieneFilter.mediaType(null));
        assertNull(RequestHygieneFilter.check(request("/motcua/app/inbox.xhtml", false, "POST", "/json", 2)),
            "pages are left to their servlet");
    }

    @Test
    void aScreenFormOverTwoMebibytesIsTooLarge() {
        String form = "application/x-www-form-urlencoded; charset=UTF-8";
        assertTrue(RequestHygieneFilter.formTooLarge(request("/motcua/login.xhtml", false, "POST", form, 2_097_153)));
        assertFalse(RequestHygieneFilter.formTooLarge(request("/motcua/login.xhtml", false, "POST", form, 2_097_152)));
        assertFalse(RequestHygieneFilter.formTooLarge(request("/motcua/login.xhtml", false, "POST", "multipart/form-data",
            5_000_000)), "uploads have their own limits");
        assertFalse(RequestHygieneFilter.formTooLarge(request("/motcua/api/v1/auth/token", false, "POST", form, 5_000_000)),
            "the API answers 413 BODY_TOO_LARGE itself");
    }

    @Test
    void lengthAndChunkedTogetherAreRefusedAndTheConnectionClosed() {
        RequestHygieneFilter.Refusal r = RequestHygieneFilter.framing("5", "chunked", "localhost:8080", null);
        assertEquals(400, r.status());
        assertEquals("AMBIGUOUS_LENGTH", r.reason());
        assertTrue(r.direct(), "answered with Connection: close");
        assertNull(RequestHygieneFilter.framing("5", null, "localhost:8080", "application/json"));
        // the HTTP server drops a Content-Length before "Transfer-Encoding: chunked": a chunked body is refused too
        RequestHygieneFilter.Refusal chunked = RequestHygieneFilter.framing(null, "chunked", "localhost:8080", null);
        assertEquals(411, chunked.status());
        assertEquals("LENGTH_REQUIRED", chunked.reason());
        assertTrue(chunked.direct());
    }

    @Test
    void aHostHeaderMustBeHostAndPort() {
        for (String ok : List.of("localhost", "localhost:58080", "dichvucong.quangtri.gov.vn", "10.1.2.3:443",
                "[::1]:8080", "[fe80::1]", "my_host.local.")) {
            assertTrue(RequestHygieneFilter.validHost(ok), ok);
            assertNull(RequestHygieneFilter.framing(null, null, ok, null), ok);
        }
        for (String bad : List.of("evil.com/x", "a b", "evil.com:99999", "evil.com:0", "evil.com:", "user@evil.com",
                "evil.com:80:80", "-evil.com", "evil..com", "[::1", "x".repeat(64) + ".vn", "evil.com\\x", "\"q\"")) {
            assertFalse(RequestHygieneFilter.validHost(bad), bad);
            assertEquals("MALFORMED_HOST", RequestHygieneFilter.framing(null, null, bad, null).reason(), bad);
        }
        assertNull(RequestHygieneFilter.framing(null, null, null, null), "HTTP/1.0 without Host");
    }

    @Test
    void anUnknownCharsetIs415() {
        RequestHygieneFilter.Refusal r = RequestHygieneFilter.framing(null, null, null, "application/json; charset=foo");
        assertEquals(415, r.status());
        assertEquals("UNSUPPORTED_CHARSET", r.reason());
        assertEquals("UNSUPPORTED_CHARSET", RequestHygieneFilter.framing(null, null, null,
            "application/json;charset=\"\"").reason());
        assertEquals("UNSUPPORTED_CHARSET", RequestHygieneFilter.framing(null, null, null,
            "application/json; charset=ut f-8").reason(), "an illegal name");
        for (String ok : List.of("application/json", "application/json; charset=UTF-8", "application/json;charset=\"utf-8\"",
                "application/json; charset=ISO-8859-1", "text/xml; charset=windows-1258", "multipart/form-data; boundary=x")) {
            assertNull(RequestHygieneFilter.framing(null, null, null, ok), ok);
        }
        RequestHygieneFilter.Refusal page = RequestHygieneFilter.check(request("/motcua/login.xhtml", false, "POST",
            "application/x-www-form-urlencoded; charset=foo", 10));
        assertEquals(415, page.status());
    }
}
