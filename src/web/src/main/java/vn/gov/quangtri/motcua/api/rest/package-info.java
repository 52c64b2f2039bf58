/**
 * The JAX-RS application under {@code /motcua/api} (version v1) and what all resources share: problem responses
 * (RFC 9457, {@code Problems}, {@code ExceptionMappers}), JSON settings, parameter parsing, time formatting and
 * the acting-user header. May use the application services; never a JPA query. May use the application services
 * (injected with {@code @EJB}), domain value types and the shared domain exceptions; entities are read only to
 * map them into DTO records, and no entity is ever a REST or SOAP payload.
 */
package vn.gov.quangtri.motcua.api.rest;
