/**
 * The SOAP endpoint for partner systems ({@code InterAgencyEndpoint}: service {@code InterAgencyService}, port
 * {@code InterAgencyPort} at {@code /motcua/InterAgencyService}, JAX-WS, namespace {@code urn:motcua:interagency:v1})
 * with its result and fault types, the filter that checks the X-Road service code against the operation, and the WS-Security timestamp handler (docs/cases.md C27). Delegates to
 * {@code InboundExchange} like the REST endpoint. May use the application services (injected with
 * {@code @EJB}), domain value types and the shared domain exceptions; entities are read only to map them into
 * DTO records, and no entity is ever a REST or SOAP payload.
 */
package vn.gov.quangtri.motcua.api.soap;
