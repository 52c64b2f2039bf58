/**
 * Accounts and access: {@code AccessControl} turns the caller principal into an {@code AccessScope},
 * {@code AccountService} manages accounts, {@code SessionStamps} and {@code ScopeCache} keep each account's stamp and
 * access scope in memory, {@code SignInGuard} (over {@code SignInThrottle}) slows down and locks repeated failed
 * sign-ins, {@code AccountBootstrap} creates the first administrator and the
 * demonstration accounts at start-up, and {@code SystemTask} runs trusted in-process work. May use the domain
 * packages, the infrastructure of its own context, the application services of other contexts and
 * {@code shared}; transactions and the caller's scope ({@code AccessControl}) are decided here, never in the
 * screens or the API.
 */
package vn.gov.quangtri.motcua.account.application;
