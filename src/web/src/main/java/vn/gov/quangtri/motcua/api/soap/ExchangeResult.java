package vn.gov.quangtri.motcua.api.soap;

import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlType;

/**
 * The answer of {@code exchange}: the stored outcome of the message ({@code ACCEPTED}, {@code APPLIED},
 * {@code IGNORED}, {@code OK}), its JSON body (the transfer's state) and whether this was a repeat of a
 * message id already received (then nothing was changed and status and body are those of the first answer).
 */
@XmlAccessorType(XmlAccessType.FIELD)
@XmlType(name = "exchangeResult", namespace = InterAgencyEndpoint.NS, propOrder = {"status", "body", "replay"})
public class ExchangeResult {

    @XmlElement(namespace = InterAgencyEndpoint.NS, required = true)
    private String status;

    @XmlElement(namespace = InterAgencyEndpoint.NS, required = true)
    private String body;

    @XmlElement(namespace = InterAgencyEndpoint.NS)
    private boolean replay;

    /** For JAXB. */
    public ExchangeResult() {
    }

    public ExchangeResult(String status, String body, boolean replay) {
        this.status = status;
        this.body = body;
        this.replay = replay;
    }

    public String getStatus() {
        return status;
    }

    public String getBody() {
        return body;
    }

    public boolean isReplay() {
        return replay;
    }
}
