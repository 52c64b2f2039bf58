/**
 * Report screens: the dashboard and the tracking book / periodic report with its Excel download. May use the
 * application services (injected with {@code @EJB}) and domain types for display; it never runs a query itself
 * and never changes an entity except through a service.
 */
package vn.gov.quangtri.motcua.web.report;
