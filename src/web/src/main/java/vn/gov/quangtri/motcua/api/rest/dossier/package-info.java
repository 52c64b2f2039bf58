/**
 * {@code DossierResource}: intake and every dossier action over REST; {@code DossierDtos} are the request and
 * response records and {@code DossierAssembler} maps between them and the domain. May use the application
 * services (injected with {@code @EJB}), domain value types and the shared domain exceptions; entities are read
 * only to map them into DTO records, and no entity is ever a REST or SOAP payload.
 */
package vn.gov.quangtri.motcua.api.rest.dossier;
