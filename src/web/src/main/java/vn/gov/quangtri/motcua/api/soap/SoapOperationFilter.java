package vn.gov.quangtri.motcua.api.soap;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
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

/**
 * Answers a SOAP request whose body element is not {@code exchange} with a clean client fault
 * ({@code UNKNOWN_OPERATION}) before it reaches the server: Payara's web-service monitoring pipe fails on
 * such a request with a NullPointerException (faultstring "java.lang.NullPointerException"). Everything
 * else, including a request that is not well-formed XML (Metro answers that with its own SOAP fault), is
 * passed on unchanged. Only the first 10 MB are inspected.
 */
@WebFilter(urlPatterns = "/InterAgencyService")
public class SoapOperationFilter extends HttpFilter {

    private static final int MAX_INSPECTED = 10 * 1024 * 1024;
    private static final String SOAP11 = "http://schemas.xmlsoap.org/soap/envelope/";
    private static final XMLInputFactory XML = XMLInputFactory.newFactory();

    static {
        XML.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        XML.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
        throws IOException, ServletException {
        if (!"POST".equals(request.getMethod()) || request.getContentLengthLong() > MAX_INSPECTED) {
            chain.doFilter(request, response);
            return;
        }
        byte[] body = request.getInputStream().readNBytes(MAX_INSPECTED + 1);
        if (body.length <= MAX_INSPECTED) {
            String element = bodyElement(body);
            if (element != null && !element.equals("{" + InterAgencyEndpoint.NS + "}exchange")) {
                response.setStatus(HttpServletResponse.SC_INTERNAL_SERVER_ERROR);
                response.setContentType("text/xml;charset=UTF-8");
                response.getWriter().write("<?xml version='1.0' encoding='UTF-8'?><S:Envelope xmlns:S=\"" + SOAP11
                    + "\"><S:Body><S:Fault><faultcode>S:Client</faultcode><faultstring>UNKNOWN_OPERATION: the only"
                    + " operation is {" + InterAgencyEndpoint.NS + "}exchange</faultstring><detail><exchangeFault xmlns=\""
                    + InterAgencyEndpoint.NS + "\"><reason>UNKNOWN_OPERATION</reason><status>404</status><detail>The"
                    + " only operation is exchange</detail></exchangeFault></detail></S:Fault></S:Body></S:Envelope>");
                return;
            }
        }
        chain.doFilter(new Buffered(request, new java.io.SequenceInputStream(new ByteArrayInputStream(body),
            request.getInputStream())), response);
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
}
