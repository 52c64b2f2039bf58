/**
 * The dossier use cases, one transaction each: {@code IntakeService} (nộp and tiếp nhận hồ sơ), {@code ProcessingService}
 * (steps, decisions, pauses, apology, handing the result over), {@code DossierSearch}, {@code ApplicantDossiers}
 * (the duplicate-applicant warning at intake), {@code SlipService} (the
 * printed forms) and {@code DossierViews} (the dossier screen's read model {@code DossierView}, no entity).
 * {@code DossierChanges} is the one path every change to an existing dossier takes (scope, row lock, version
 * check, role check, the actor); {@code EventTimes} is the one rule for the business time of an action. {@code DossierStore} is what other contexts' use cases (the inter-agency
 * exchange, sample data) use to find, lock and add dossiers and to number their codes, instead of this context's
 * infrastructure. May use the domain packages, the infrastructure of its own context, the application services of
 * other contexts and {@code shared}; transactions and the caller's scope ({@code AccessControl}) are decided here,
 * never in the screens or the API.
 */
package vn.gov.quangtri.motcua.dossier.application;
