package vn.gov.quangtri.motcua.api.soap;

import jakarta.enterprise.inject.spi.CDI;
import jakarta.xml.soap.Node;
import jakarta.xml.soap.SOAPElement;
import jakarta.xml.soap.SOAPException;
import jakarta.xml.soap.SOAPFactory;
import jakarta.xml.soap.SOAPFault;
import jakarta.xml.soap.SOAPHeader;
import jakarta.xml.soap.SOAPMessage;
import jakarta.xml.ws.handler.MessageContext;
import jakarta.xml.ws.handler.soap.SOAPHandler;
import jakarta.xml.ws.handler.soap.SOAPMessageContext;
import jakarta.xml.ws.soap.SOAPFaultException;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.Set;
import java.util.logging.Logger;
import javax.xml.namespace.QName;
import org.eclipse.microprofile.config.ConfigProvider;
import vn.gov.quangtri.motcua.interagency.application.ExchangeLog;
import vn.gov.quangtri.motcua.interagency.application.PartnerRegistry;
import vn.gov.quangtri.motcua.interagency.domain.PartnerSystem;
import vn.gov.quangtri.motcua.interagency.domain.ReplayGuard;
import vn.gov.quangtri.motcua.interagency.domain.SecurityTimestamp;

/**
 * Checks the WS-Security timestamp of inbound partner messages (docs/cases.md C27): when the SOAP header carries
 * {@code wsse:Security/wsu:Timestamp}, a message created more than the allowed clock skew in the future, past its
 * {@code Expires} or its time-to-live, or sent again unchanged (same message id and {@code Created}) is refused
 * with a SOAP fault whose code is {@code wsse:MessageExpired} or {@code wsse:InvalidSecurity}; the server log
 * names both clocks. A message without a timestamp is accepted (the API key authenticates it; the timestamp is
 * recommended). A refusal of a caller whose {@code X-Api-Key} names a partner is recorded in the exchange log
 * (outcome REFUSED, detail {@code wsse:<fault code>: …}). Settings (MicroProfile Config): {@code motcua.interagency.wss.clock-skew} (PT5M) and
 * {@code motcua.interagency.wss.time-to-live} (PT5M).
 */
public class WsSecurityTimestampHandler implements SOAPHandler<SOAPMessageContext> {

    /** OASIS WSS 1.0 SOAP Message Security namespace ({@code wsse}). */
    public static final String WSSE = "http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-secext-1.0.xsd";
    /** OASIS WSS 1.0 utility namespace ({@code wsu}). */
    public static final String WSU = "http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-utility-1.0.xsd";

    private static final Logger LOG = Logger.getLogger(WsSecurityTimestampHandler.class.getName());
    private static final ReplayGuard REPLAYS = new ReplayGuard();

    @Override
    public Set<QName> getHeaders() {
        return Set.of(new QName(WSSE, "Security"));
    }

    @Override
    public boolean handleMessage(SOAPMessageContext context) {
        if (Boolean.TRUE.equals(context.get(MessageContext.MESSAGE_OUTBOUND_PROPERTY))) {
            return true;
        }
        try {
            SOAPMessage message = context.getMessage();
            SOAPHeader header = message.getSOAPHeader();
            SOAPElement timestamp = header == null ? null : child(child(header, WSSE, "Security"), WSU, "Timestamp");
            if (timestamp == null) {
                return true;
            }
            Instant now = Instant.now();
            try {
                SecurityTimestamp t = SecurityTimestamp.parse(text(child(timestamp, WSU, "Created")),
                    text(child(timestamp, WSU, "Expires")));
                Duration ttl = setting("motcua.interagency.wss.time-to-live");
                t.check(now, setting("motcua.interagency.wss.clock-skew"), ttl);
                String messageId = text(child(child(message.getSOAPBody(), InterAgencyEndpoint.NS, "exchange"),
                    InterAgencyEndpoint.NS, "messageId"));
                Instant until = t.expires() == null || t.expires().isAfter(t.created().plus(ttl))
                    ? t.created().plus(ttl) : t.expires();
                if (!REPLAYS.firstSeen(messageId + "|" + t.createdText(), until, now)) {
                    throw new SecurityTimestamp.Refused(SecurityTimestamp.INVALID_SECURITY, "Replay of message "
                        + messageId + " created " + t.createdText() + " (a retry must carry a new wsu:Created)");
                }
                return true;
            } catch (SecurityTimestamp.Refused r) {
                // The partner's mistake (or its clock's): INFO, not a warning of ours (security issue 16 §2).
                LOG.info(() -> "WS-Security timestamp refused (" + r.faultCode() + "): " + safe(r.getMessage())
                    + "; server clock " + now);
                logRefusal(context, message, r);
                throw new SOAPFaultException(fault(r));
            }
        } catch (SOAPException e) {
            // The envelope cannot be read: the caller's mistake, a client fault with a neutral text (issue 16 §4).
            LOG.fine(() -> "Unreadable SOAP message: " + e);
            throw new SOAPFaultException(clientFault());
        }
    }

    /**
     * Records the refusal in the exchange log when the caller's API key names a partner (issue 11 §5: refused
     * arrivals are evidence too); an unidentified caller is not logged. Never changes the fault.
     */
    private static void logRefusal(SOAPMessageContext context, SOAPMessage message, SecurityTimestamp.Refused r) {
        try {
            String apiKey = header(context, InterAgencyEndpoint.API_KEY);
            if (apiKey == null) {
                return;
            }
            CDI<Object> cdi = CDI.current();
            PartnerSystem partner;
            try {
                partner = cdi.select(PartnerRegistry.class).get().authenticate(apiKey);
            } catch (RuntimeException unknown) {
                return;
            }
            SOAPElement exchange = child(message.getSOAPBody(), InterAgencyEndpoint.NS, "exchange");
            cdi.select(ExchangeLog.class).get().appendRefusal(partner.code(),
                text(child(exchange, InterAgencyEndpoint.NS, "messageId")),
                text(child(exchange, InterAgencyEndpoint.NS, "operation")),
                text(child(exchange, InterAgencyEndpoint.NS, "payload")),
                "wsse:" + r.faultCode() + ": " + safe(r.getMessage()), false);
        } catch (RuntimeException | SOAPException e) {
            LOG.log(java.util.logging.Level.WARNING, "Could not log the refused SOAP message", e);
        }
    }

    /** An HTTP request header of the SOAP call, or null. */
    private static String header(SOAPMessageContext context, String name) {
        Object request = context.get(MessageContext.SERVLET_REQUEST);
        if (request instanceof jakarta.servlet.http.HttpServletRequest http) {
            return http.getHeader(name);
        }
        if (context.get(MessageContext.HTTP_REQUEST_HEADERS) instanceof java.util.Map<?, ?> map) {
            for (java.util.Map.Entry<?, ?> h : map.entrySet()) {
                if (name.equalsIgnoreCase(String.valueOf(h.getKey())) && h.getValue() instanceof java.util.List<?> values
                    && !values.isEmpty()) {
                    return String.valueOf(values.get(0));
                }
            }
        }
        return null;
    }

    private static Duration setting(String name) {
        return ConfigProvider.getConfig().getOptionalValue(name, String.class).map(Duration::parse)
            .orElse(Duration.ofMinutes(5));
    }

    /** {@code soap:Client} "MALFORMED_ENVELOPE: …" (never an exception's text). */
    private static SOAPFault clientFault() {
        try {
            return SOAPFactory.newInstance().createFault("MALFORMED_ENVELOPE: The request is not a well-formed SOAP 1.1"
                + " envelope", new QName("http://schemas.xmlsoap.org/soap/envelope/", "Client", "S"));
        } catch (SOAPException e) {
            throw new jakarta.xml.ws.WebServiceException("MALFORMED_ENVELOPE");
        }
    }

    /**
     * A refusal's text as it may be logged and answered: it quotes the partner's own {@code wsu:Created}, so line
     * breaks, other control characters and direction overrides are written as {@code \\uXXXX} (no forged log entries)
     * and dotted names as "…" (the answer names no Java class; issue 16).
     */
    static String safe(String text) {
        if (text == null) {
            return null;
        }
        StringBuilder b = new StringBuilder(Math.min(text.length(), 300));
        text.codePoints().limit(300).forEach(c -> {
            if (Character.isISOControl(c) || Character.getType(c) == Character.FORMAT
                || Character.getType(c) == Character.LINE_SEPARATOR || Character.getType(c) == Character.PARAGRAPH_SEPARATOR
                || Character.getType(c) == Character.SURROGATE) {
                b.append(String.format("\\u%04X", c));
            } else {
                b.appendCodePoint(c);
            }
        });
        return InterAgencyEndpoint.withoutJavaNames(b.toString());
    }

    private static SOAPFault fault(SecurityTimestamp.Refused r) throws SOAPException {
        return SOAPFactory.newInstance().createFault(r.faultCode() + ": " + safe(r.getMessage()),
            new QName(WSSE, r.faultCode(), "wsse"));
    }

    private static SOAPElement child(SOAPElement parent, String ns, String localName) {
        if (parent == null) {
            return null;
        }
        Iterator<Node> it = parent.getChildElements(new QName(ns, localName));
        while (it.hasNext()) {
            if (it.next() instanceof SOAPElement e) {
                return e;
            }
        }
        return null;
    }

    private static String text(SOAPElement e) {
        return e == null ? null : e.getValue();
    }

    @Override
    public boolean handleFault(SOAPMessageContext context) {
        return true;
    }

    @Override
    public void close(MessageContext context) {
        // nothing held
    }
}
