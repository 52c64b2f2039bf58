/**
 * What every screen shares: the signed-in user ({@code CurrentUser}), language switch and messages,
 * {@code Actions} (service refusals as messages, never an error page), {@code Formats} (times in
 * Asia/Ho_Chi_Minh) and the sign-in page. May use the application services (injected with {@code @EJB}) and
 * domain types for display; it never runs a query itself and never changes an entity except through a service.
 */
package vn.gov.quangtri.motcua.web.shell;
