/**
 * Inter-agency processing (liên thông, docs/domain.md §2.6, §7): the transfer seen from one side
 * ({@code InterAgencyTransfer}, {@code TransferStatus}, {@code TransferSide}), partner systems, outbox and
 * inbound messages, the hash-chained exchange log, X-Road headers, WS-Security timestamps, the replay guard and
 * the JSON payloads. Besides JPA it may use Jakarta JSON Processing for the payloads; the wire protocols
 * themselves are in docs/interagency.md. May use plain Java, JPA mapping annotations and other {@code *.domain}
 * packages (mostly {@code shared.domain}); no EJB, CDI, JAX-RS, Faces or service code, so everything here is
 * unit-tested without a server.
 */
package vn.gov.quangtri.motcua.interagency.domain;
