/**
 * Reading and administering the agency tree: {@code AgencyService} (units valid on a day, descendants,
 * successors) and {@code AgencyAdministration} (create, rename, move, close or merge, delete; every change
 * audited). May use the domain packages, the infrastructure of its own context, the application services of
 * other contexts and {@code shared}; transactions and the caller's scope ({@code AccessControl}) are decided
 * here, never in the screens or the API.
 */
package vn.gov.quangtri.motcua.agency.application;
