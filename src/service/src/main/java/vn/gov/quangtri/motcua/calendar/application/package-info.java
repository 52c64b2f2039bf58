/**
 * The holiday calendar as a service: {@code CalendarService} (singleton holding the current
 * {@code WorkingCalendar}, built from the stored days and the office-hours settings) and
 * {@code CalendarAdministration} (a year's days, checks, additions and removals with the open dossiers they
 * would affect). May use the domain packages, the infrastructure of its own context, the application services
 * of other contexts and {@code shared}; transactions and the caller's scope ({@code AccessControl}) are decided
 * here, never in the screens or the API.
 */
package vn.gov.quangtri.motcua.calendar.application;
