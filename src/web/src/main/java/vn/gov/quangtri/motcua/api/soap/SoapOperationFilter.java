package vn.gov.quangtri.motcua.api.soap;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Stands in front of the SOAP partner endpoint ({@code /InterAgencyService}) so that no answer names the
 * implementation (security issue 16 §4) and a client's mistake is a client fault:
 * <ul>
 *   <li>{@code GET}/{@code HEAD} other than {@code ?wsdl} / {@code ?xsd=…}: 405 with a neutral text, instead of
 *       Metro's HTML status page (which names the implementation class);</li>
 *   <li>{@code ?wsdl} and {@code ?xsd=N}: the runtime's description without its comments (which carry Metro's name
 *       and version); a document the service does not have ({@code ?wsdl=1}, {@code ?xsd=2}): 404 with a neutral
 *       text instead of Metro's HTML page;</li>
 *   <li>other methods than GET, HEAD and POST: 405;</li>
 *   <li>a POST whose body is not UTF-8 (the one encoding of the service: a UTF-16 or UTF-32 envelope, bytes that are
 *       not UTF-8, an XML declaration naming another encoding such as ISO-8859-1): a {@code soap:Client} fault
 *       {@code UNSUPPORTED_ENCODING} ({@code exchangeFault} status 415), before Metro sees it (Metro logs a UTF-16
 *       envelope as SEVERE with a stack trace, and would read a declared Latin-1 body by another rule than ours); a
 *       {@code Content-Type} naming another charset is 415 already (below);</li>
 *   <li>a POST whose body is not a well-formed SOAP 1.1 envelope with a Body (not XML, a DTD, another root, larger
 *       than 10 MB): a {@code soap:Client} fault {@code MALFORMED_ENVELOPE} with a neutral message, before Metro
 *       sees it (Metro answers such a request with a {@code Server} fault naming {@code XMLStreamException},
 *       {@code WstxParsingException} or {@code SOAPExceptionImpl});</li>
 *   <li>a body element other than {@code exchange}: a client fault {@code UNKNOWN_OPERATION} (Payara's web-service
 *       monitoring pipe fails on such a request with a NullPointerException);</li>
 *   <li>a refusal of the endpoint ({@code exchangeFault} with a 4xx status, which Metro writes as {@code Server}): its
 *       fault code becomes {@code Client};</li>
 *   <li>any other fault that is not one of ours (no {@code exchangeFault} detail, not a WS-Security fault) is
 *       replaced by a neutral fault: {@code soap:Client}/{@code MALFORMED_ENVELOPE} when Metro's fault was about
 *       the request, else {@code soap:Server}/{@code INTERNAL_ERROR} (Metro's text only in the server log).</li>
 * </ul>
 * Every fault written here carries the {@code exchangeFault} detail (reason, status) like the endpoint's own.
 * Metro also offers a JVM-wide switch for the status page
 * ({@code -Dcom.sun.xml.ws.transport.http.HttpAdapter.publishStatusPage=false}); the filter needs no server setting
 * and leaves other applications alone.
 */
@WebFilter(urlPatterns = "/InterAgencyService")
public class SoapOperationFilter extends HttpFilter {

    private static final Logger LOG = Logger.getLogger(SoapOperationFilter.class.getName());
    private static final int MAX_INSPECTED = 10 * 1024 * 1024;
    private static final String SOAP11 = "http://schemas.xmlsoap.org/soap/envelope/";
    private static final XMLInputFactory XML = XMLInputFactory.newFactory();
    /** A Java class name as exceptions print it ({@code javax.xml.stream.XMLStreamException}, {@code a.b.FooImpl}). */
    static final Pattern JAVA_NAME = Pattern.compile(
        "\\b(?:[a-z_][a-z0-9_]*\\.){2,}[A-Za-z_$][\\w$]*|\\b\\w*(?:Exception|Error|Impl)\\b");

    static {
        XML.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        XML.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
    }

    /** What a request body is. */
    enum Verdict { MALFORMED, NOT_UTF8, UNKNOWN_OPERATION, EXCHANGE }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
        throws IOException, ServletException {
        String method = request.getMethod();
        if ("GET".equals(method) || "HEAD".equals(method)) {
            if (metadataQuery(request.getQueryString())) {
                metadata(request, response, chain);
            } else {
                notAllowed(response);
            }
            return;
        }
        if (!"POST".equals(method)) {
            notAllowed(response);
            return;
        }
        if (!soap11(request.getContentType())) {
            // Metro would log SEVERE with a stack trace for another media type (issue 16: a client's mistake is INFO).
            LOG.fine(() -> "SOAP request refused: Content-Type " + request.getContentType());
            response.setStatus(HttpServletResponse.SC_UNSUPPORTED_MEDIA_TYPE);
            response.setContentType("text/plain;charset=UTF-8");
            response.getWriter().write("415 Unsupported Media Type: SOAP 1.1 requests are sent as text/xml (UTF-8)\n");
            return;
        }
        byte[] body = request.getInputStream().readNBytes(MAX_INSPECTED + 1);
        if (body.length > MAX_INSPECTED) {
            fault(response, "Client", "MALFORMED_ENVELOPE", 413, "The request is larger than 10 MB");
            return;
        }
        Verdict verdict = inspect(body);
        if (verdict == Verdict.NOT_UTF8) {
            // Metro would read such a body by its own guess and log SEVERE (MessageCreationException) for UTF-16
            LOG.fine("SOAP request refused: the envelope is not UTF-8");
            fault(response, "Client", "UNSUPPORTED_ENCODING", 415, "The envelope must be UTF-8 (no byte-order mark"
                + " other than UTF-8's, no other encoding in the XML declaration or in Content-Type)");
            return;
        }
        if (verdict == Verdict.MALFORMED) {
            LOG.fine("SOAP request refused: not a well-formed SOAP 1.1 envelope");
            fault(response, "Client", "MALFORMED_ENVELOPE", 400, "The request is not a well-formed SOAP 1.1 envelope"
                + " with a Body");
            return;
        }
        if (verdict == Verdict.UNKNOWN_OPERATION) {
            fault(response, "Client", "UNKNOWN_OPERATION", 404, "The only operation is {" + InterAgencyEndpoint.NS
                + "}exchange");
            return;
        }
        Captured captured = new Captured(response);
        chain.doFilter(new Buffered(request, new ByteArrayInputStream(body)), captured);
        String answer = new String(captured.bytes(), captured.charset());
        String replaced = replacement(captured.status(), answer);
        if (replaced == null) {
            captured.commit();
        } else {
            response.reset();
            writeFault(response, replaced);
        }
    }

    /**
     * Serves the service description ({@code ?wsdl}, {@code ?xsd=N}) as the runtime writes it, without its comments
     * (Metro writes its name and version into them), and answers 404 with a neutral text for a document the service
     * does not have ({@code ?wsdl=7}, {@code ?xsd=2}; Metro answers those with its HTML status page).
     */
    private static void metadata(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
        throws IOException, ServletException {
        Captured captured = new Captured(response);
        // HEAD is answered as GET without the body (the runtime writes no description for HEAD)
        chain.doFilter(new HttpServletRequestWrapper(request) {
            @Override
            public String getMethod() {
                return "GET";
            }
        }, captured);
        String type = captured.getContentType();
        byte[] bytes = captured.bytes();
        if (captured.status() != HttpServletResponse.SC_OK || type == null || !type.toLowerCase(java.util.Locale.ROOT)
                .contains("xml")) {
            response.reset();
            response.setStatus(HttpServletResponse.SC_NOT_FOUND);
            response.setContentType("text/plain;charset=UTF-8");
            response.getWriter().write("404 Not Found: the service description is at ?wsdl\n");
            return;
        }
        byte[] clean = withoutComments(new String(bytes, captured.charset())).getBytes(captured.charset());
        response.setContentLength(clean.length);
        if (!"HEAD".equals(request.getMethod())) {
            response.getOutputStream().write(clean);
        }
    }

    private static final Pattern XML_COMMENT = Pattern.compile("<!--.*?-->\\s*", Pattern.DOTALL);

    /** An XML document without its comments ({@code <!-- … -->}); the service description holds no CDATA. */
    static String withoutComments(String xml) {
        return XML_COMMENT.matcher(xml).replaceAll("");
    }

    /** Whether a GET asks for the service's metadata ({@code ?wsdl}, {@code ?xsd=1}, {@code ?wsdl=…}). */
    static boolean metadataQuery(String query) {
        if (query == null) {
            return false;
        }
        String q = query.toLowerCase(java.util.Locale.ROOT);
        return q.equals("wsdl") || q.startsWith("wsdl=") || q.startsWith("xsd=");
    }

    /**
     * Whether a Content-Type is that of a SOAP 1.1 request: {@code text/xml}, with no charset or a UTF-8 one
     * (the service reads and writes UTF-8 only).
     */
    static boolean soap11(String contentType) {
        if (contentType == null) {
            return false;
        }
        String[] parts = contentType.split(";");
        if (!"text/xml".equalsIgnoreCase(parts[0].strip())) {
            return false;
        }
        for (int i = 1; i < parts.length; i++) {
            String[] kv = parts[i].strip().split("=", 2);
            if (kv.length == 2 && "charset".equalsIgnoreCase(kv[0].strip())
                && !"utf-8".equalsIgnoreCase(kv[1].strip().replace("\"", ""))) {
                return false;
            }
        }
        return true;
    }

    /**
     * The neutral fault that replaces an answer of Metro's own, or null when the answer stays: not a fault, or one
     * of ours (an {@code exchangeFault} detail, or a WS-Security fault code of {@link WsSecurityTimestampHandler}).
     */
    static String replacement(int status, String answer) {
        boolean isFault = answer.contains(":Fault>") || answer.contains("<Fault>") || answer.contains(":Fault ")
            || answer.contains("<Fault ");
        if (!isFault && status < 500) {
            return null;
        }
        boolean ours = answer.contains("exchangeFault") || answer.contains(WsSecurityTimestampHandler.WSSE);
        if (ours && !JAVA_NAME.matcher(faultString(answer)).find()) {
            // A refusal of the message (exchangeFault status 4xx) is the client's: soap:Client, not Metro's Server.
            Matcher status4xx = CLIENT_STATUS.matcher(answer);
            Matcher server = SERVER_CODE.matcher(answer);
            if (status4xx.find() && server.find()) {
                return server.replaceFirst("<faultcode>$1:Client</faultcode>");
            }
            return null;
        }
        boolean client = answer.contains("Client</faultcode>") || answer.contains(":Sender")
            || answer.matches("(?s).*(XMLStreamException|Wstx|Unmarshal|unmarshal|[Pp]arsing|SOAPExceptionImpl|"
                + "Couldn't create SOAP message|Cannot find dispatch method|Unexpected|not a valid|MustUnderstand).*");
        if (client) {
            LOG.fine(() -> "SOAP fault of the runtime replaced by a neutral client fault: " + answer);
            return envelope("Client", "MALFORMED_ENVELOPE", 400, "The request is not a valid exchange request");
        }
        LOG.warning(() -> "SOAP fault of the runtime replaced by a neutral server fault: " + answer);
        return envelope("Server", "INTERNAL_ERROR", 500, "An unexpected error occurred; nothing was changed");
    }

    private static final Pattern CLIENT_STATUS = Pattern.compile("<(?:[\\w.-]+:)?status>\\s*4\\d\\d\\s*</");
    private static final Pattern SERVER_CODE = Pattern.compile("<faultcode>([\\w.-]+):Server</faultcode>");

    private static String faultString(String answer) {
        Matcher m = Pattern.compile("<faultstring[^>]*>(.*?)</faultstring>", Pattern.DOTALL).matcher(answer);
        return m.find() ? m.group(1) : "";
    }

    /**
     * Reads the whole body: {@code NOT_UTF8} unless it is UTF-8 ({@link #utf8}) with no other encoding in its XML
     * declaration; {@code MALFORMED} unless it is well-formed XML without a DTD whose root is a SOAP 1.1
     * {@code Envelope} holding a {@code Body}; {@code UNKNOWN_OPERATION} when the Body's first element is not
     * {@code exchange}.
     */
    static Verdict inspect(byte[] xml) {
        if (!utf8(xml)) {
            return Verdict.NOT_UTF8;
        }
        try {
            XMLStreamReader r = XML.createXMLStreamReader(new ByteArrayInputStream(xml));
            try {
                String declared = r.getCharacterEncodingScheme();
                if (declared != null && !"UTF-8".equalsIgnoreCase(declared.strip())) {
                    return Verdict.NOT_UTF8;
                }
                int depth = 0;
                boolean body = false;
                String first = null;
                while (r.hasNext()) {
                    int event = r.next();
                    if (event == XMLStreamReader.DTD || event == XMLStreamReader.ENTITY_REFERENCE) {
                        return Verdict.MALFORMED;
                    }
                    if (event == XMLStreamReader.START_ELEMENT) {
                        depth++;
                        String name = "{" + (r.getNamespaceURI() == null ? "" : r.getNamespaceURI()) + "}" + r.getLocalName();
                        if (depth == 1 && !name.equals("{" + SOAP11 + "}Envelope")) {
                            return Verdict.MALFORMED;
                        }
                        if (depth == 2 && name.equals("{" + SOAP11 + "}Body")) {
                            body = true;
                        }
                        if (depth == 3 && body && first == null) {
                            first = name;
                        }
                    } else if (event == XMLStreamReader.END_ELEMENT) {
                        depth--;
                    }
                }
                if (!body) {
                    return Verdict.MALFORMED;
                }
                return ("{" + InterAgencyEndpoint.NS + "}exchange").equals(first) ? Verdict.EXCHANGE
                    : Verdict.UNKNOWN_OPERATION;
            } finally {
                r.close();
            }
        } catch (XMLStreamException | RuntimeException e) {
            return Verdict.MALFORMED;
        }
    }

    /**
     * Whether a body is UTF-8 text: it decodes strictly as UTF-8 (a UTF-16 or UTF-32 byte-order mark, Latin-1
     * letters and other bytes that are not UTF-8 fail) and holds no NUL byte (UTF-16 text without a byte-order mark
     * decodes as UTF-8 with a NUL beside every ASCII letter; XML never allows U+0000).
     */
    static boolean utf8(byte[] body) {
        for (byte b : body) {
            if (b == 0) {
                return false;
            }
        }
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(java.nio.charset.CodingErrorAction.REPORT)
                .onUnmappableCharacter(java.nio.charset.CodingErrorAction.REPORT)
                .decode(java.nio.ByteBuffer.wrap(body));
            return true;
        } catch (java.nio.charset.CharacterCodingException e) {
            return false;
        }
    }

    private static void notAllowed(HttpServletResponse response) throws IOException {
        response.setStatus(HttpServletResponse.SC_METHOD_NOT_ALLOWED);
        response.setHeader("Allow", "POST");
        response.setContentType("text/plain;charset=UTF-8");
        response.getWriter().write("SOAP 1.1 endpoint of the inter-agency exchange: POST an envelope"
            + " (operation exchange); the service description is at ?wsdl\n");
    }

    private static void fault(HttpServletResponse response, String code, String reason, int status, String message)
        throws IOException {
        writeFault(response, envelope(code, reason, status, message));
    }

    private static void writeFault(HttpServletResponse response, String envelope) throws IOException {
        response.setStatus(HttpServletResponse.SC_INTERNAL_SERVER_ERROR); // SOAP 1.1 over HTTP: every fault is 500
        response.setContentType("text/xml;charset=UTF-8");
        byte[] bytes = envelope.getBytes(StandardCharsets.UTF_8);
        response.setContentLength(bytes.length);
        response.getOutputStream().write(bytes);
    }

    /** A SOAP 1.1 fault ({@code S:Client} or {@code S:Server}) with the {@code exchangeFault} detail. */
    static String envelope(String code, String reason, int status, String message) {
        return "<?xml version='1.0' encoding='UTF-8'?><S:Envelope xmlns:S=\"" + SOAP11 + "\"><S:Body><S:Fault>"
            + "<faultcode>S:" + code + "</faultcode><faultstring>" + reason + ": " + message + "</faultstring><detail>"
            + "<exchangeFault xmlns=\"" + InterAgencyEndpoint.NS + "\"><reason>" + reason + "</reason><status>" + status
            + "</status><detail>" + message + "</detail></exchangeFault></detail></S:Fault></S:Body></S:Envelope>";
    }

    /** {namespace}local name of the first element inside a SOAP 1.1 Body; null when not found or not XML. */
    static String bodyElement(byte[] xml) {
        try {
            XMLStreamReader r = XML.createXMLStreamReader(new ByteArrayInputStream(xml));
            try {
                boolean inBody = false;
                while (r.hasNext()) {
                    if (r.next() == XMLStreamReader.START_ELEMENT) {
                        if (inBody) {
                            return "{" + (r.getNamespaceURI() == null ? "" : r.getNamespaceURI()) + "}" + r.getLocalName();
                        }
                        inBody = SOAP11.equals(r.getNamespaceURI()) && "Body".equals(r.getLocalName());
                    }
                }
                return null;
            } finally {
                r.close();
            }
        } catch (XMLStreamException | RuntimeException e) {
            return null;
        }
    }

    /** The request with its body read again from the buffer. */
    private static final class Buffered extends HttpServletRequestWrapper {
        private final java.io.InputStream in;

        Buffered(HttpServletRequest request, java.io.InputStream in) {
            super(request);
            this.in = in;
        }

        @Override
        public ServletInputStream getInputStream() {
            return new ServletInputStream() {
                private boolean finished;

                @Override
                public int read() throws IOException {
                    int b = in.read();
                    finished = b < 0;
                    return b;
                }

                @Override
                public int read(byte[] b, int off, int len) throws IOException {
                    int n = in.read(b, off, len);
                    finished = n < 0;
                    return n;
                }

                @Override
                public boolean isFinished() {
                    return finished;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new IllegalStateException("not asynchronous");
                }
            };
        }

        @Override
        public java.io.BufferedReader getReader() {
            String enc = getCharacterEncoding();
            return new java.io.BufferedReader(new java.io.InputStreamReader(in,
                enc == null ? StandardCharsets.UTF_8 : java.nio.charset.Charset.forName(enc)));
        }
    }

    /** The response held back until the filter has seen it (Metro's answers are small). */
    private static final class Captured extends jakarta.servlet.http.HttpServletResponseWrapper {
        private final java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        private final HttpServletResponse target;
        private int status = SC_OK;
        private java.io.PrintWriter writer;
        private ServletOutputStream stream;

        Captured(HttpServletResponse response) {
            super(response);
            this.target = response;
        }

        @Override
        public void setStatus(int sc) {
            status = sc;
            super.setStatus(sc);
        }

        @Override
        public void sendError(int sc) {
            status = sc;
        }

        @Override
        public void sendError(int sc, String msg) {
            status = sc;
        }

        int status() {
            return status;
        }

        @Override
        public void setContentLength(int len) {
            // set again when the answer is written
        }

        @Override
        public void setContentLengthLong(long len) {
            // set again when the answer is written
        }

        @Override
        public void setHeader(String name, String value) {
            if (!"Content-Length".equalsIgnoreCase(name)) {
                super.setHeader(name, value);
            }
        }

        @Override
        public void addHeader(String name, String value) {
            if (!"Content-Length".equalsIgnoreCase(name)) {
                super.addHeader(name, value);
            }
        }

        @Override
        public void flushBuffer() {
            // held back
        }

        @Override
        public ServletOutputStream getOutputStream() {
            if (stream == null) {
                stream = new ServletOutputStream() {
                    @Override
                    public void write(int b) {
                        out.write(b);
                    }

                    @Override
                    public void write(byte[] b, int off, int len) {
                        out.write(b, off, len);
                    }

                    @Override
                    public boolean isReady() {
                        return true;
                    }

                    @Override
                    public void setWriteListener(jakarta.servlet.WriteListener listener) {
                        throw new IllegalStateException("not asynchronous");
                    }
                };
            }
            return stream;
        }

        @Override
        public java.io.PrintWriter getWriter() {
            if (writer == null) {
                writer = new java.io.PrintWriter(new java.io.OutputStreamWriter(out, charset()), false);
            }
            return writer;
        }

        java.nio.charset.Charset charset() {
            String enc = getCharacterEncoding();
            try {
                return enc == null ? StandardCharsets.UTF_8 : java.nio.charset.Charset.forName(enc);
            } catch (RuntimeException e) {
                return StandardCharsets.UTF_8;
            }
        }

        byte[] bytes() {
            if (writer != null) {
                writer.flush();
            }
            return out.toByteArray();
        }

        /** Writes the held answer unchanged. */
        void commit() throws IOException {
            byte[] b = bytes();
            target.setContentLength(b.length);
            target.getOutputStream().write(b);
        }
    }
}
