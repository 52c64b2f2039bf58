package vn.gov.quangtri.motcua.interagency.infrastructure;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import vn.gov.quangtri.motcua.interagency.application.Delivery;
import vn.gov.quangtri.motcua.interagency.application.DeliveryResult;
import vn.gov.quangtri.motcua.interagency.application.PartnerQuery;
import vn.gov.quangtri.motcua.interagency.application.PartnerSender;
import vn.gov.quangtri.motcua.interagency.domain.PartnerAnswer;
import vn.gov.quangtri.motcua.interagency.domain.EndpointStyle;
import vn.gov.quangtri.motcua.interagency.domain.SecurityTimestamp;

/**
 * Calls partners with {@link java.net.http.HttpClient}, one call per message, bounded by a connect and a
 * request (read) timeout:
 * <ul>
 *   <li>REST: {@code POST {endpoint}/api/v1/interagency/messages/{operation}} with the headers
 *       {@code X-Road-Client}, {@code X-Road-Service}, {@code X-Road-UserId}, {@code X-Road-Id}, {@code X-Api-Key}
 *       and the payload (JSON) as body; a 2xx answer is delivery.</li>
 *   <li>SOAP 1.1: {@code POST {endpoint}} of an envelope with the document/literal wrapped request
 *       {@code exchange} (namespace {@value #NS}: client, service, userId, messageId, operation, payload),
 *       API key in {@code X-Api-Key}; a 2xx answer without a Fault is delivery.</li>
 * </ul>
 * Redirects are not followed (the key would go elsewhere).
 *
 * <p>The same calls ask partners questions ({@link #ask}, {@link PartnerQuery}: {@code query-status} about one of
 * our transfers for the reconciliation) and read the answer: REST the stored outcome
 * {@code {"status":"OK","body":{…}}}, SOAP {@code exchangeResponse/result/body} (JSON text); the partner's
 * {@code NOT_FOUND} (REST 404, or a SOAP fault whose {@code exchangeFault} says 404 {@code NOT_FOUND}) means it has
 * no such transfer.
 */
public final class HttpPartnerSender implements PartnerSender, PartnerQuery {

    public static final String NS = "urn:motcua:interagency:v1";
    public static final String REST_PATH = "/api/v1/interagency/messages/";
    private static final int ERROR_BODY_CHARS = 500;

    private final HttpClient http;
    private final Duration readTimeout;

    public HttpPartnerSender(Duration connectTimeout, Duration readTimeout) {
        this.http = HttpClient.newBuilder().connectTimeout(connectTimeout).followRedirects(HttpClient.Redirect.NEVER)
            .version(HttpClient.Version.HTTP_1_1).build();
        this.readTimeout = readTimeout;
    }

    @Override
    public DeliveryResult send(Delivery d) {
        HttpRequest request;
        try {
            request = d.style() == EndpointStyle.SOAP ? soap(d) : rest(d);
        } catch (IllegalArgumentException e) {
            return DeliveryResult.failed("Bad endpoint URL " + d.endpointUrl() + ": " + e.getMessage());
        }
        try {
            HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            int status = r.statusCode();
            String body = r.body() == null ? "" : r.body();
            if (status / 100 == 2 && !(d.style() == EndpointStyle.SOAP && isFault(body))) {
                return DeliveryResult.ok();
            }
            String error = "HTTP " + status + " from " + request.uri() + ": "
                + (body.length() > ERROR_BODY_CHARS ? body.substring(0, ERROR_BODY_CHARS) + "…" : body);
            return refusal(status, body, d.style() == EndpointStyle.SOAP)
                ? DeliveryResult.refused(error) : DeliveryResult.failed(error);
        } catch (HttpConnectTimeoutException e) {
            return DeliveryResult.unreachable("Connect timeout to " + request.uri());
        } catch (HttpTimeoutException e) {
            return DeliveryResult.unreachable("No answer within " + readTimeout.toSeconds() + " s from " + request.uri());
        } catch (ConnectException e) {
            return DeliveryResult.unreachable("Cannot connect to " + request.uri() + ": " + e);
        } catch (IOException e) {
            return DeliveryResult.unreachable("I/O error calling " + request.uri() + ": " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return DeliveryResult.unreachable("Interrupted calling " + request.uri());
        }
    }

    @Override
    public PartnerAnswer ask(Delivery d) {
        HttpRequest request;
        try {
            request = d.style() == EndpointStyle.SOAP ? soap(d) : rest(d);
        } catch (IllegalArgumentException e) {
            return PartnerAnswer.failed("Bad endpoint URL " + d.endpointUrl() + ": " + e.getMessage());
        }
        try {
            HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            int status = r.statusCode();
            String body = r.body() == null ? "" : r.body();
            boolean soap = d.style() == EndpointStyle.SOAP;
            if (status / 100 == 2 && !(soap && isFault(body))) {
                return soap ? soapAnswer(body) : PartnerAnswer.ofRestOutcome(body);
            }
            if (notFound(status, body, soap)) {
                return PartnerAnswer.unknown();
            }
            return PartnerAnswer.failed("HTTP " + status + " from " + request.uri() + ": "
                + (body.length() > ERROR_BODY_CHARS ? body.substring(0, ERROR_BODY_CHARS) + "…" : body));
        } catch (HttpConnectTimeoutException e) {
            return PartnerAnswer.unreachable("Connect timeout to " + request.uri());
        } catch (HttpTimeoutException e) {
            return PartnerAnswer.unreachable("No answer within " + readTimeout.toSeconds() + " s from " + request.uri());
        } catch (ConnectException e) {
            return PartnerAnswer.unreachable("Cannot connect to " + request.uri() + ": " + e);
        } catch (IOException e) {
            return PartnerAnswer.unreachable("I/O error calling " + request.uri() + ": " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return PartnerAnswer.unreachable("Interrupted calling " + request.uri());
        }
    }

    /**
     * Whether an answer says the partner has no such transfer: REST 404 with the reason {@code NOT_FOUND} (not
     * {@code UNKNOWN_OPERATION}: a partner without the operation), SOAP a fault whose {@code exchangeFault} has the
     * status 404 and the reason {@code NOT_FOUND}.
     */
    static boolean notFound(int status, String body, boolean soap) {
        if (soap) {
            Matcher m = FAULT_STATUS.matcher(body);
            return m.find() && "404".equals(m.group(1)) && FAULT_NOT_FOUND.matcher(body).find();
        }
        return status == 404 && body.contains("\"NOT_FOUND\"");
    }

    private static final Pattern FAULT_NOT_FOUND = Pattern.compile("<(?:[A-Za-z0-9_.-]+:)?reason>\\s*NOT_FOUND\\s*</");

    /** The transfer state in a SOAP answer: the text of {@code result/body} in {@value #NS}. */
    static PartnerAnswer soapAnswer(String envelope) {
        try {
            javax.xml.parsers.DocumentBuilderFactory f = javax.xml.parsers.DocumentBuilderFactory.newInstance();
            f.setNamespaceAware(true);
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            f.setFeature(javax.xml.XMLConstants.FEATURE_SECURE_PROCESSING, true);
            f.setExpandEntityReferences(false);
            f.setXIncludeAware(false);
            org.w3c.dom.Document doc = f.newDocumentBuilder().parse(new org.xml.sax.InputSource(
                new java.io.StringReader(envelope)));
            org.w3c.dom.NodeList results = doc.getElementsByTagNameNS(NS, "result");
            for (int i = 0; i < results.getLength(); i++) {
                org.w3c.dom.NodeList bodies = ((org.w3c.dom.Element) results.item(i)).getElementsByTagNameNS(NS, "body");
                if (bodies.getLength() > 0) {
                    return PartnerAnswer.ofStateJson(bodies.item(0).getTextContent());
                }
            }
            return PartnerAnswer.failed("The SOAP answer to query-status has no result body");
        } catch (javax.xml.parsers.ParserConfigurationException | org.xml.sax.SAXException | IOException e) {
            return PartnerAnswer.failed("The SOAP answer to query-status is not a well-formed envelope");
        }
    }

    /**
     * Whether an answer is the partner's refusal of the message rather than a failure: a 4xx status other than
     * 408, 425 and 429 (those ask to try again), or a SOAP fault whose {@code exchangeFault} detail names such a
     * status; a {@code CONCURRENT_CHANGE} problem (409, "send again") is a failure, not a refusal.
     *
     * @param body the answer's body (REST problem or SOAP envelope)
     */
    static boolean refusal(int status, String body, boolean soap) {
        int s = status;
        if (soap) {
            Matcher m = FAULT_STATUS.matcher(body);
            s = m.find() ? Integer.parseInt(m.group(1)) : status;
        }
        return s / 100 == 4 && s != 408 && s != 425 && s != 429 && !body.contains("CONCURRENT_CHANGE");
    }

    private static final Pattern FAULT_STATUS = Pattern.compile("<(?:[A-Za-z0-9_.-]+:)?status>\\s*(\\d{3})\\s*</");

    private HttpRequest rest(Delivery d) {
        URI uri = URI.create(base(d.endpointUrl()) + REST_PATH + d.operation().wireName());
        HttpRequest.Builder b = HttpRequest.newBuilder(uri).timeout(readTimeout)
            .header("Content-Type", "application/json; charset=UTF-8")
            .header("Accept", "application/json")
            .header("X-Road-Client", d.client())
            .header("X-Road-Service", d.service())
            .header("X-Road-UserId", d.userId())
            .header("X-Road-Id", d.messageId());
        if (d.apiKey() != null) {
            b.header("X-Api-Key", d.apiKey());
        }
        return b.POST(HttpRequest.BodyPublishers.ofString(d.payload(), StandardCharsets.UTF_8)).build();
    }

    private HttpRequest soap(Delivery d) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(d.endpointUrl().strip())).timeout(readTimeout)
            .header("Content-Type", "text/xml; charset=UTF-8")
            .header("SOAPAction", "\"\"");
        if (d.apiKey() != null) {
            b.header("X-Api-Key", d.apiKey());
        }
        return b.POST(HttpRequest.BodyPublishers.ofString(envelope(d, Instant.now()), StandardCharsets.UTF_8)).build();
    }

    /**
     * The SOAP 1.1 request envelope of a delivery, with a WS-Security timestamp ({@code wsu:Created} now, UTC
     * with {@code Z}; {@code wsu:Expires} five minutes later; docs/cases.md C27). Each attempt gets a new timestamp, so a
     * retry is never taken for a replay.
     *
     * @param now the moment of this attempt
     */
    public static String envelope(Delivery d, Instant now) {
        SecurityTimestamp t = SecurityTimestamp.of(now, Duration.ofMinutes(5));
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
            + "<soap:Envelope xmlns:soap=\"http://schemas.xmlsoap.org/soap/envelope/\" xmlns:ia=\"" + NS + "\">"
            + "<soap:Header><wsse:Security xmlns:wsse=\"" + WSSE + "\" xmlns:wsu=\"" + WSU + "\">"
            + "<wsu:Timestamp><wsu:Created>" + t.createdText() + "</wsu:Created><wsu:Expires>" + t.expiresText()
            + "</wsu:Expires></wsu:Timestamp></wsse:Security></soap:Header>"
            + "<soap:Body><ia:exchange>"
            + element("client", d.client()) + element("service", d.service()) + element("userId", d.userId())
            + element("messageId", d.messageId()) + element("operation", d.operation().wireName())
            + element("payload", d.payload())
            + "</ia:exchange></soap:Body></soap:Envelope>";
    }

    private static String element(String name, String value) {
        return "<ia:" + name + ">" + escape(value) + "</ia:" + name + ">";
    }

    /** OASIS WSS 1.0 namespaces ({@code wsse}, {@code wsu}). */
    static final String WSSE = "http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-secext-1.0.xsd";
    static final String WSU = "http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-utility-1.0.xsd";

    static String escape(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder b = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '&' -> b.append("&amp;");
                case '"' -> b.append("&quot;");
                case '\r' -> b.append("&#13;");
                default -> b.append(c);
            }
        }
        return b.toString();
    }

    private static boolean isFault(String body) {
        return body.contains(":Fault>") || body.contains("<Fault>") || body.contains(":Fault ") || body.contains("<Fault ");
    }

    private static String base(String endpoint) {
        String e = endpoint.strip();
        while (e.endsWith("/")) {
            e = e.substring(0, e.length() - 1);
        }
        return e;
    }
}
