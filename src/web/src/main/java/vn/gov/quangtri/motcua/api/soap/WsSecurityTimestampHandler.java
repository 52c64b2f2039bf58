package vn.gov.quangtri.motcua.api.soap;

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
import vn.gov.quangtri.motcua.interagency.domain.ReplayGuard;
import vn.gov.quangtri.motcua.interagency.domain.SecurityTimestamp;

/**
 * Checks the WS-Security timestamp of inbound partner messages (docs/cases.md C27): when the SOAP header carries
 * {@code wsse:Security/wsu:Timestamp}, a message created more than the allowed clock skew in the future, past its
 * {@code Expires} or its time-to-live, or sent again unchanged (same message id and {@code Created}) is refused
 * with a SOAP fault whose code is {@code wsse:MessageExpired} or {@code wsse:InvalidSecurity}; the server log
 * names both clocks. A message without a timestamp is accepted (the API key authenticates it; the timestamp is
 * recommended). Settings (MicroProfile Config): {@code motcua.interagency.wss.clock-skew} (PT5M) and
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
                LOG.warning(() -> "WS-Security timestamp refused (" + r.faultCode() + "): " + r.getMessage()
                    + "; server clock " + now);
                throw new SOAPFaultException(fault(r));
            }
        } catch (SOAPException e) {
            throw new IllegalStateException("Unreadable SOAP message", e);
        }
    }

    private static Duration setting(String name) {
        return ConfigProvider.getConfig().getOptionalValue(name, String.class).map(Duration::parse)
            .orElse(Duration.ofMinutes(5));
    }

    private static SOAPFault fault(SecurityTimestamp.Refused r) throws SOAPException {
        return SOAPFactory.newInstance().createFault(r.faultCode() + ": " + r.getMessage(),
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
