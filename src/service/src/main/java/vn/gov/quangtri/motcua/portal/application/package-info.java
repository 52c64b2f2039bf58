/**
 * Synchronisation with the National Public Service Portal (issue 15 §3): {@link
 * vn.gov.quangtri.motcua.portal.application.PortalOutbox} writes one message per dossier event in the change's
 * transaction ({@link vn.gov.quangtri.motcua.portal.application.PortalSyncObserver}) and keeps the rejects list;
 * infrastructure.PortalDispatcher sends in each dossier's order.
 */
package vn.gov.quangtri.motcua.portal.application;
