package vn.gov.quangtri.motcua.api.soap;

import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlType;
import java.util.ArrayList;
import java.util.List;

/**
 * The detail of a refusal ({@code <exchangeFault>} in the SOAP fault's detail): the stable reason (the same
 * codes as the REST problems), the HTTP status the REST endpoint would have answered, an explanation and
 * the items concerned. Never a stack trace.
 */
@XmlAccessorType(XmlAccessType.FIELD)
@XmlType(name = "exchangeFaultInfo", namespace = InterAgencyEndpoint.NS, propOrder = {"reason", "status", "detail", "errors"})
public class ExchangeFaultInfo {

    @XmlElement(namespace = InterAgencyEndpoint.NS, required = true)
    private String reason;

    @XmlElement(namespace = InterAgencyEndpoint.NS)
    private int status;

    @XmlElement(namespace = InterAgencyEndpoint.NS)
    private String detail;

    @XmlElement(name = "error", namespace = InterAgencyEndpoint.NS)
    private List<String> errors = new ArrayList<>();

    /** For JAXB. */
    public ExchangeFaultInfo() {
    }

    public ExchangeFaultInfo(String reason, int status, String detail, List<String> errors) {
        this.reason = reason;
        this.status = status;
        this.detail = detail;
        this.errors = new ArrayList<>(errors == null ? List.of() : errors);
    }

    public String getReason() {
        return reason;
    }

    public int getStatus() {
        return status;
    }

    public String getDetail() {
        return detail;
    }

    public List<String> getErrors() {
        return errors;
    }
}
