/**
 * Adapters of the inter-agency exchange: {@code OutboxDispatcher} (timer that runs a {@code DispatchRun}),
 * {@code HttpPartnerSender} (REST and SOAP calls with java.net.http) and {@code PartnerCredentials} (the keys
 * we present, from MicroProfile Config or the environment). It implements the ports of
 * {@code interagency.application} and may use that package.
 */
package vn.gov.quangtri.motcua.interagency.infrastructure;
