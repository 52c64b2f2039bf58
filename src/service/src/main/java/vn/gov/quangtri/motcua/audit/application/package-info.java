/**
 * {@code AdminAuditLog}: writes and reads the administrators' audit trail ({@code AdminChange}) in the caller's
 * transaction. May use the domain packages, the infrastructure of its own context, the application services of
 * other contexts and {@code shared}; transactions and the caller's scope ({@code AccessControl}) are decided
 * here, never in the screens or the API.
 */
package vn.gov.quangtri.motcua.audit.application;
