package vn.gov.quangtri.motcua.interagency.application;

import vn.gov.quangtri.motcua.interagency.domain.EndpointStyle;
import vn.gov.quangtri.motcua.interagency.domain.ExchangeOperation;

/**
 * One HTTP call to a partner: an outbox message with where and how to deliver it.
 *
 * @param endpointUrl the partner's endpoint (REST: base of {@code /api/v1/interagency/messages/{op}}; SOAP: the
 *                    service address)
 * @param apiKey      the key the partner gave us (sent as {@code X-Api-Key}); null when none is configured
 * @param client      our system's X-Road client code ({@code X-Road-Client})
 * @param service     the X-Road service ({@code X-Road-Service}), ending in the operation's wire name
 * @param userId      the acting officer or {@code system} ({@code X-Road-UserId})
 * @param messageId   the outbox message id ({@code X-Road-Id}), the same on every attempt
 */
public record Delivery(String partnerCode, String endpointUrl, EndpointStyle style, String apiKey, String client,
                       String service, String userId, String messageId, ExchangeOperation operation, String payload) {
}
