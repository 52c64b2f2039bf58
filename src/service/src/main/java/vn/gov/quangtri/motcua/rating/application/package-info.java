/**
 * The rating use cases (issue 13 §2): {@code RatingService} (a citizen's rating from the public link or the
 * desk's kiosk, the statistics for managers) and {@code RatingWorkbook} (the statistics as .xlsx, Apache POI).
 * Uses the rating domain, the dossier context through {@code DossierStore} and {@code PublicLookup} (the token
 * check), {@code AccessControl} for the caller's scope, and {@code shared}.
 */
package vn.gov.quangtri.motcua.rating.application;
