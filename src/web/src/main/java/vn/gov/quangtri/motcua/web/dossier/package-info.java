/**
 * Dossier screens: the inbox, search and the dossier page (steps, deadlines, actions, history), whose "Liên
 * thông" panel is {@code DossierTransferPanel}; the dossier page binds only the read model {@code DossierView}
 * (dossier.application). {@code DossierRow} and a lazy table model serve the lists. May use the application services (injected
 * with {@code @EJB}) and domain types for display; it never runs a query itself and never changes an entity
 * except through a service.
 */
package vn.gov.quangtri.motcua.web.dossier;
