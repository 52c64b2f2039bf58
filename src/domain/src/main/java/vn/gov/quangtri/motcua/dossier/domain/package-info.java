/**
 * The dossier aggregate (hồ sơ, docs/domain.md §2): {@code Dossier} with its steps, documents and history
 * ({@code DossierStep}, {@code ReceivedDocument}, {@code DossierEvent}), status and actions
 * ({@code DossierStatus}, {@code DossierAction}), the dossier code, the legal regime, timeliness classes, the
 * intake completeness check, the step planner and the impact of a calendar edit on open dossiers. A dossier is
 * created by {@code DossierIntake}; every later state change is a method of {@code Dossier} that checks the
 * transition and appends an event, helped by the package-private {@code InternalProcess} (its steps) and
 * {@code DossierHistory} (its events). May use plain Java,
 * JPA mapping annotations and other {@code *.domain} packages (mostly {@code shared.domain}); no EJB, CDI,
 * JAX-RS, Faces or service code, so everything here is unit-tested without a server.
 */
package vn.gov.quangtri.motcua.dossier.domain;
