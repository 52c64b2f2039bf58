/**
 * The audit trail of administrators' changes: {@code AdminChange} (who, when, which area, subject, reason,
 * before and after) and {@code AdminArea}. May use plain Java, JPA mapping annotations and other
 * {@code *.domain} packages (mostly {@code shared.domain}); no EJB, CDI, JAX-RS, Faces or service code, so
 * everything here is unit-tested without a server.
 */
package vn.gov.quangtri.motcua.audit.domain;
