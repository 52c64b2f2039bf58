/**
 * The dossier use cases, one transaction each: {@code IntakeService} (tiếp nhận), {@code ProcessingService}
 * (steps, decisions, pauses, apology, return), {@code DossierSearch}, {@code SlipService} (the printed
 * forms) and {@code DossierViews} (the dossier screen's read model {@code DossierView}, no entity). {@code DossierChanges} is the one path every change to an existing dossier takes (scope, row lock,
 * version check, role check). May use the domain packages, the infrastructure of its own context, the
 * application services of other contexts and {@code shared}; transactions and the caller's scope
 * ({@code AccessControl}) are decided here, never in the screens or the API.
 */
package vn.gov.quangtri.motcua.dossier.application;
