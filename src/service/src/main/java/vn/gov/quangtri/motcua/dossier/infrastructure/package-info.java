/**
 * Persistence of dossiers: {@code DossierRepository} (JPA queries and the row lock) and
 * {@code DossierCodeSequence} (the per-unit, per-day number of the dossier code, allocated under a row lock).
 * May use the domain and JPA; called by this context's application services only (other contexts go through
 * {@code dossier.application.DossierStore}).
 */
package vn.gov.quangtri.motcua.dossier.infrastructure;
