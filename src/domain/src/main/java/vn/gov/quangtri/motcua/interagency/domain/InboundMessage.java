package vn.gov.quangtri.motcua.interagency.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Objects;
import vn.gov.quangtri.motcua.shared.domain.InstantConverter;

/**
 * An inbound message that was applied, with the outcome it produced: stored in the transaction of its
 * effect, so a repeat of (partner, message id) finds it and gets the same outcome without any new effect.
 */
@Entity
@Table(name = "inbound_message")
@NamedQuery(name = "InboundMessage.find",
    query = "SELECT m FROM InboundMessage m WHERE m.partnerCode = :partner AND m.messageId = :id")
public class InboundMessage {

    @Id
    @SequenceGenerator(name = "inbound_message_seq", sequenceName = "inbound_message_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "inbound_message_seq")
    private Long id;

    @Column(name = "partner_code", length = 60, nullable = false, updatable = false)
    private String partnerCode;

    @Column(name = "message_id", length = 100, nullable = false, updatable = false)
    private String messageId;

    @Column(name = "xroad_client", length = 300, nullable = false, updatable = false)
    private String client;

    @Column(name = "xroad_service", length = 300, nullable = false, updatable = false)
    private String service;

    @Column(name = "xroad_user_id", length = 100, nullable = false, updatable = false)
    private String userId;

    @Enumerated(EnumType.STRING)
    @Column(name = "operation", length = 30, nullable = false, updatable = false)
    private ExchangeOperation operation;

    @Column(name = "payload", nullable = false, updatable = false)
    private String payload;

    @Column(name = "payload_sha256", length = 64, nullable = false, updatable = false)
    private String payloadSha256;

    @Convert(converter = InstantConverter.class)
    @Column(name = "received_at", nullable = false, updatable = false)
    private Instant receivedAt;

    @Column(name = "outcome_status", length = 30, nullable = false, updatable = false)
    private String outcomeStatus;

    @Column(name = "outcome_body", nullable = false, updatable = false)
    private String outcomeBody;

    /** For JPA only. */
    protected InboundMessage() {
    }

    public InboundMessage(String partnerCode, XRoadHeader header, ExchangeOperation operation, String payload,
                          Instant receivedAt, String outcomeStatus, String outcomeBody) {
        this.partnerCode = Objects.requireNonNull(partnerCode, "partnerCode");
        this.messageId = header.messageId();
        this.client = header.client();
        this.service = header.service();
        this.userId = header.userId();
        this.operation = Objects.requireNonNull(operation, "operation");
        this.payload = Objects.requireNonNull(payload, "payload");
        this.payloadSha256 = HashChain.sha256Hex(payload);
        this.receivedAt = Objects.requireNonNull(receivedAt, "receivedAt");
        this.outcomeStatus = Objects.requireNonNull(outcomeStatus, "outcomeStatus");
        this.outcomeBody = Objects.requireNonNull(outcomeBody, "outcomeBody");
    }

    public String partnerCode() {
        return partnerCode;
    }

    public String messageId() {
        return messageId;
    }

    public String client() {
        return client;
    }

    public String service() {
        return service;
    }

    public String userId() {
        return userId;
    }

    public ExchangeOperation operation() {
        return operation;
    }

    public String payload() {
        return payload;
    }

    public String payloadSha256() {
        return payloadSha256;
    }

    public Instant receivedAt() {
        return receivedAt;
    }

    public String outcomeStatus() {
        return outcomeStatus;
    }

    public String outcomeBody() {
        return outcomeBody;
    }
}
