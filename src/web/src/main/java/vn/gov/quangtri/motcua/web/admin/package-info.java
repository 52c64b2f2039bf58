/**
 * Administrators' screens under {@code /app/admin} (PrimeFaces): agencies, procedures, holiday calendar,
 * accounts, partner exchange and the audit log. The services decide who may change what; the pages only show
 * the menu entries to administrators. May use the application services (injected with {@code @EJB}) and domain
 * types for display; it never runs a query itself and never changes an entity except through a service.
 */
package vn.gov.quangtri.motcua.web.admin;
