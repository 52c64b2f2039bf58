/**
 * Synchronisation with the National Public Service Portal (Cổng Dịch vụ công quốc gia, issue 15 §3): the message a
 * dossier's change sends ({@link vn.gov.quangtri.motcua.portal.domain.PortalPayload}) and its place in the durable
 * outbox ({@link vn.gov.quangtri.motcua.portal.domain.PortalMessage}).
 */
package vn.gov.quangtri.motcua.portal.domain;
