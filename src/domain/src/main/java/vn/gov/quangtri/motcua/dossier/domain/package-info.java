/**
 * The dossier aggregate (hồ sơ, docs/domain.md §2): {@code Dossier} with its steps, documents and history
 * ({@code DossierStep}, {@code ReceivedDocument}, {@code DossierEvent}), status and actions
 * ({@code DossierStatus}, {@code DossierAction}), the dossier code, the legal regime, timeliness classes, the
 * intake completeness check, the step planner and the impact of a calendar edit on open dossiers. A dossier is
 * created by {@code DossierIntake}; every later state change checks the transition ({@code Dossier.requireAllowed})
 * and appends an event, either as a method of {@code Dossier} or through one of its collaborators here, public
 * entry points taking the dossier first: {@code DossierIntake} (decisions at intake), {@code DossierPauses},
 * {@code Apology}, {@code InterAgencyLeg}, {@code EventNotes}. These, and the package-private
 * {@code InternalProcess} (its steps) and {@code DossierHistory} (its events), are the only code that uses the
 * aggregate's package-private hooks. May use plain Java,
 * JPA mapping annotations and other {@code *.domain} packages (mostly {@code shared.domain}); no EJB, CDI,
 * JAX-RS, Faces or service code, so everything here is unit-tested without a server.
 */
package vn.gov.quangtri.motcua.dossier.domain;
