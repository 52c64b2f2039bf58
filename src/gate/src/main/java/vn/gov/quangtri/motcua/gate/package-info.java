/**
 * The maintenance gate (issue 16): a web application of its own, deployed at context root {@code /} beside the motcua
 * EAR, never inside it. Payara routes a request to the web module with the longest matching context root; while the
 * EAR is not deployed (server restart, redeployment, the application's start-up with its migrations) nothing serves
 * {@code /motcua}, so the request reaches this root module, which answers 503 with {@code Retry-After} (a JSON problem
 * for the API, a short Vietnamese page otherwise) instead of Payara's 404 page: clients retry rather than conclude
 * "not found". With the EAR deployed, its requests never reach the gate.
 */
package vn.gov.quangtri.motcua.gate;
