/**
 * Reading and administering the procedure catalogue: {@code CatalogueService} (search without diacritics,
 * details) and {@code CatalogueAdministration} (header, documents and steps; each save is a new revision and
 * never touches received dossiers). May use the domain packages, the infrastructure of its own context, the
 * application services of other contexts and {@code shared}; transactions and the caller's scope
 * ({@code AccessControl}) are decided here, never in the screens or the API.
 */
package vn.gov.quangtri.motcua.catalogue.application;
