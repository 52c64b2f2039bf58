/**
 * Dossier screens: the inbox, search and the dossier page (steps, deadlines, actions, history, the Liên thông
 * panel), with {@code DossierRow} and a lazy table model for lists. May use the application services (injected
 * with {@code @EJB}) and domain types for display; it never runs a query itself and never changes an entity
 * except through a service.
 */
package vn.gov.quangtri.motcua.web.dossier;
