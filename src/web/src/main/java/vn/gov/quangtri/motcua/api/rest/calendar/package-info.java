/**
 * {@code CalendarResource}: due-date and working-day computations and the holiday calendar over REST. May use
 * the application services (injected with {@code @EJB}), domain value types and the shared domain exceptions;
 * entities are read only to map them into DTO records, and no entity is ever a REST or SOAP payload.
 */
package vn.gov.quangtri.motcua.api.rest.calendar;
