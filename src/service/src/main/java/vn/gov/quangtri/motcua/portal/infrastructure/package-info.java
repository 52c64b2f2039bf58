/**
 * The national portal's HTTP client ({@link vn.gov.quangtri.motcua.portal.infrastructure.PortalClient}) and the
 * background sender ({@link vn.gov.quangtri.motcua.portal.infrastructure.PortalDispatcher}).
 */
package vn.gov.quangtri.motcua.portal.infrastructure;
