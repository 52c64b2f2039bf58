package vn.gov.quangtri.motcua.api.soap;

import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.jws.HandlerChain;
import jakarta.jws.WebMethod;
import jakarta.jws.WebParam;
import jakarta.jws.WebResult;
import jakarta.jws.WebService;
import jakarta.jws.soap.SOAPBinding;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PessimisticLockException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.xml.ws.WebServiceContext;
import jakarta.xml.ws.handler.MessageContext;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import vn.gov.quangtri.motcua.api.rest.BodyHygiene;
import vn.gov.quangtri.motcua.api.rest.ExceptionMappers;
import vn.gov.quangtri.motcua.interagency.application.ExchangeLog;
import vn.gov.quangtri.motcua.interagency.application.InboundExchange;
import vn.gov.quangtri.motcua.interagency.application.InboundRefusal;
import vn.gov.quangtri.motcua.interagency.application.InboundReceipt;
import vn.gov.quangtri.motcua.interagency.application.PartnerRegistry;
import vn.gov.quangtri.motcua.interagency.domain.PartnerSystem;
import vn.gov.quangtri.motcua.interagency.domain.XRoadHeader;
import vn.gov.quangtri.motcua.shared.application.Failures;
import vn.gov.quangtri.motcua.shared.domain.ConflictException;
import vn.gov.quangtri.motcua.shared.domain.DomainException;
import vn.gov.quangtri.motcua.shared.domain.ForbiddenException;
import vn.gov.quangtri.motcua.shared.domain.NotFoundException;
import vn.gov.quangtri.motcua.shared.domain.RuleViolationException;
import vn.gov.quangtri.motcua.shared.domain.Texts;

/**
 * The inbound partner exchange over SOAP 1.1 (document/literal wrapped, Metro on Payara Server), the same
 * operations as {@code POST /api/v1/interagency/messages/{operation}} (docs/interagency.md). WSDL:
 * {@code /motcua/InterAgencyService?wsdl}.
 *
 * <p>The class is named for what it is (an endpoint, not an application service); the published names are those of
 * the first version and must not change: service {@code InterAgencyService}, port {@code InterAgencyPort}, port type
 * {@code InterAgency}, namespace {@value #NS}, address {@code /motcua/InterAgencyService}.
 *
 * <p>One operation, {@code exchange}: the request element carries the X-Road header fields ({@code client},
 * {@code service}, {@code userId}, {@code messageId}), the wire name of the {@code operation} and the
 * {@code payload} (the operation's JSON document as text); the partner's API key travels as the HTTP header
 * {@code X-Api-Key} (read from the message context). The answer is the stored outcome ({@code status},
 * {@code body}, {@code replay}), identical for a repeated message id. A refusal is a SOAP fault with an
 * {@code exchangeFault} detail carrying the stable reason (the REST problem's {@code reason} and status);
 * an unexpected error is the fault {@code INTERNAL_ERROR}, details only in the server log. Once the partner is
 * identified, a refused message is recorded in the exchange log ({@link InboundRefusal}). {@code query-status}
 * with the payload {@code {"messageId":"…"}} answers the status of a message this partner sent.
 */
@WebService(serviceName = "InterAgencyService", portName = "InterAgencyPort", name = "InterAgency",
    targetNamespace = InterAgencyEndpoint.NS)
@SOAPBinding(style = SOAPBinding.Style.DOCUMENT, use = SOAPBinding.Use.LITERAL,
    parameterStyle = SOAPBinding.ParameterStyle.WRAPPED)
@HandlerChain(file = "handler-chain.xml") // WS-Security timestamp check (WsSecurityTimestampHandler, docs/cases.md C27)
public class InterAgencyEndpoint {

    /** Target namespace of the service, its elements and types. */
    public static final String NS = "urn:motcua:interagency:v1";
    /** The HTTP header carrying the partner's API key. */
    public static final String API_KEY = "X-Api-Key";

    private static final Logger LOG = Logger.getLogger(InterAgencyEndpoint.class.getName());

    @EJB
    private PartnerRegistry partners;

    @EJB
    private InboundExchange inbound;

    @EJB
    private ExchangeLog log;

    @Resource
    private WebServiceContext context;

    /**
     * Receives one partner message.
     *
     * @throws ExchangeFault the refusal, with its reason
     */
    @WebMethod(operationName = "exchange")
    @WebResult(name = "result", targetNamespace = NS)
    public ExchangeResult exchange(
        @WebParam(name = "client", targetNamespace = NS) String client,
        @WebParam(name = "service", targetNamespace = NS) String service,
        @WebParam(name = "userId", targetNamespace = NS) String userId,
        @WebParam(name = "messageId", targetNamespace = NS) String messageId,
        @WebParam(name = "operation", targetNamespace = NS) String operation,
        @WebParam(name = "payload", targetNamespace = NS) String payload) throws ExchangeFault {
        PartnerSystem partner;
        try {
            partner = partners.authenticate(apiKey());
        } catch (RuntimeException e) {
            throw fault(e);
        }
        try {
            checkText(operation, payload);
            XRoadHeader header = new XRoadHeader(client, service, userId, messageId);
            InboundReceipt r = inbound.receive(partner.code(), header, operation, payload);
            return new ExchangeResult(r.outcome().status(), r.outcome().body(), r.replay());
        } catch (RuntimeException e) {
            InboundRefusal.record(log, partner.code(), messageId, operation, payload, e);
            throw fault(e);
        }
    }

    /**
     * The texts of the request that the X-Road header does not check: the operation's name and every string of the
     * JSON payload, under the same {@link Texts} rule as the REST API's path and bodies (issue 16). The header fields
     * ({@code client}, {@code service}, {@code userId}, {@code messageId}) are checked by {@link XRoadHeader} alone,
     * for SOAP and REST alike.
     *
     * @throws RuleViolationException {@code CONTROL_CHARACTER} or {@code MALFORMED_JSON}, answered as client faults
     */
    private static void checkText(String operation, String payload) {
        Texts.plain("operation", operation, false);
        if (payload != null) {
            BodyHygiene.checkStrings(payload);
        }
    }

    /** The API key from the HTTP request headers. */
    private String apiKey() {
        MessageContext mc = context.getMessageContext();
        Object request = mc.get(MessageContext.SERVLET_REQUEST);
        if (request instanceof HttpServletRequest http) {
            return http.getHeader(API_KEY);
        }
        Object headers = mc.get(MessageContext.HTTP_REQUEST_HEADERS);
        if (headers instanceof Map<?, ?> map) {
            for (Map.Entry<?, ?> h : map.entrySet()) {
                if (API_KEY.equalsIgnoreCase(String.valueOf(h.getKey())) && h.getValue() instanceof List<?> values
                    && !values.isEmpty()) {
                    return String.valueOf(values.get(0));
                }
            }
        }
        return null;
    }

    /** The refusal as a fault: same reasons and status codes as the REST problems. */
    static ExchangeFault fault(RuntimeException exception) {
        Throwable e = Failures.unwrap(exception);
        if (e instanceof DomainException d) {
            List<String> errors = d instanceof RuleViolationException r ? r.details() : List.of();
            return refusal(status(d), d.reason(), d.getMessage(), errors);
        }
        if (e instanceof OptimisticLockException || e instanceof PessimisticLockException) {
            return refusal(409, "CONCURRENT_CHANGE", "The transfer was changed at the same time; send the message again",
                List.of());
        }
        LOG.log(Level.SEVERE, "Unexpected error in the SOAP partner exchange", exception);
        return refusal(500, "INTERNAL_ERROR", "An unexpected error occurred; nothing was changed", List.of());
    }

    private static int status(DomainException d) {
        String reason = d.reason();
        if ("PARTNER_UNAUTHENTICATED".equals(reason)) {
            return 401;
        }
        if (ExceptionMappers.BAD_REQUEST_REASONS.contains(reason)) {
            return 400;
        }
        if ("UNKNOWN_OPERATION".equals(reason) || d instanceof NotFoundException) {
            return 404;
        }
        if (d instanceof ForbiddenException) {
            return 403;
        }
        if (d instanceof ConflictException) {
            return 409;
        }
        return 422;
    }

    private static ExchangeFault refusal(int status, String reason, String detail, List<String> errors) {
        String text = withoutJavaNames(detail);
        List<String> problems = errors.stream().map(InterAgencyEndpoint::withoutJavaNames).toList();
        return new ExchangeFault(reason + ": " + text, new ExchangeFaultInfo(reason, status, text, problems));
    }

    /**
     * The text with every Java class name ({@code javax.xml.stream.XMLStreamException}, {@code SOAPExceptionImpl})
     * replaced by "…": a fault never names the implementation (security issue 16 §4).
     */
    static String withoutJavaNames(String text) {
        return text == null ? null : SoapOperationFilter.JAVA_NAME.matcher(text).replaceAll("…");
    }
}
