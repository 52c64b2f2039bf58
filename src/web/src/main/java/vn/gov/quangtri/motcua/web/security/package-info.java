/**
 * Sign-in for screens and API: {@code MotcuaAuthenticationMechanism} (form sign-in with a session for the
 * screens, HTTP Basic for the API, browser sessions read-only on the API), {@code SecurityConfiguration}
 * (database identity store, PBKDF2 hashes), {@code VerifiedCredentials} (successful HTTP Basic verifications
 * remembered for a short time, issue 12) and {@code BackOfficeFilter}. May use the application services
 * (the CDI beans of this package inject them with {@code @Inject}, never {@code @EJB}: see {@code PasswordCheck};
 * servlet filters may use {@code @EJB}) and domain types for display; it never runs a query itself and never changes an
 * entity except through a service.
 */
package vn.gov.quangtri.motcua.web.security;
