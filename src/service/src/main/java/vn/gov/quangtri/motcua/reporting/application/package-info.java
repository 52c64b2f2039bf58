/**
 * Back-office reporting: {@code ReportingService} (dashboard, overdue list, periodic report per unit, tracking
 * book form 07) reads flat rows with JPQL and hands them to the pure computation in {@code reporting.domain};
 * the tracking book's page queries are in {@code TrackingBookQuery}; the records here are its results; {@code TrackingBookExport} hands the screens the book as .xlsx bytes. May use the domain packages, the infrastructure of its own context, the
 * application services of other contexts and {@code shared}; transactions and the caller's scope
 * ({@code AccessControl}) are decided here, never in the screens or the API.
 */
package vn.gov.quangtri.motcua.reporting.application;
