/**
 * {@code ReceptionPage}: the One-stop Unit's intake screen ({@code /app/desk/receive.xhtml}): procedure search,
 * documents handed in, completeness, outcome, post-redirect-get to the new dossier. May use the application
 * services (injected with {@code @EJB}) and domain types for display; it never runs a query itself and never
 * changes an entity except through a service.
 */
package vn.gov.quangtri.motcua.web.desk;
