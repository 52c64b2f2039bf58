/**
 * User accounts and what they may do: {@code UserAccount} (an officer of one unit with one or more
 * {@code Role}s) and {@code AccessScope}, the units an account may see (its unit, the units below it and the
 * units it succeeded) and the actions its roles allow at a dossier's current step (docs/glossary.md for the
 * role names). May use plain Java, JPA mapping annotations and other {@code *.domain} packages (mostly
 * {@code shared.domain}); no EJB, CDI, JAX-RS, Faces or service code, so everything here is unit-tested without
 * a server.
 */
package vn.gov.quangtri.motcua.account.domain;
