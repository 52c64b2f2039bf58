/**
 * The inter-agency REST endpoints (docs/interagency.md): {@code InterAgencyResource} (partners' messages with
 * X-Road headers and API key), {@code PartnerResource} (registration) and {@code ExchangeAdminResource} (outbox
 * queue, dead letters, resend). May use the application services (injected with {@code @EJB}), domain value
 * types and the shared domain exceptions; entities are read only to map them into DTO records, and no entity is
 * ever a REST or SOAP payload.
 */
package vn.gov.quangtri.motcua.api.rest.interagency;
