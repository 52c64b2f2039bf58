package vn.gov.quangtri.motcua.api.soap;

import jakarta.xml.ws.WebFault;

/**
 * A refused message, answered as a SOAP fault whose detail is {@link ExchangeFaultInfo} (element
 * {@code exchangeFault} in {@code urn:motcua:interagency:v1}): the fault string is the explanation, the
 * detail carries the stable reason.
 */
@WebFault(name = "exchangeFault", targetNamespace = InterAgencyEndpoint.NS)
public class ExchangeFault extends Exception {

    private final transient ExchangeFaultInfo faultInfo;

    public ExchangeFault(String message, ExchangeFaultInfo faultInfo) {
        super(message, null, false, false); // no stack trace: nothing of it may reach a partner
        this.faultInfo = faultInfo;
    }

    public ExchangeFault(String message, ExchangeFaultInfo faultInfo, Throwable cause) {
        this(message, faultInfo);
    }

    /** The detail (JAX-WS fault bean). */
    public ExchangeFaultInfo getFaultInfo() {
        return faultInfo;
    }
}
