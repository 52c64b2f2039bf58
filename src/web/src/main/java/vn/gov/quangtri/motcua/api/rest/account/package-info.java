/**
 * {@code AccountResource}: accounts and the signed-in account over REST, as DTO records. May use the
 * application services (injected with {@code @EJB}), domain value types and the shared domain exceptions;
 * entities are read only to map them into DTO records, and no entity is ever a REST or SOAP payload.
 */
package vn.gov.quangtri.motcua.api.rest.account;
