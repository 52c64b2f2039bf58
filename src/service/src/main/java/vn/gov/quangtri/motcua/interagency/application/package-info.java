/**
 * The inter-agency exchange use cases (docs/interagency.md): {@code TransferService} (sending legs, applying
 * partners' news), {@code InboundExchange} (receiving messages exactly once), {@code Outbox} and
 * {@code DispatchRun} (delivery and retries), {@code ExchangeLog} (hash chain and evidence) and
 * {@code PartnerRegistry} (partners and their API keys). {@code PartnerSender} and {@code OutboxAccess} are
 * ports implemented in the infrastructure package. May use the domain packages, the infrastructure of its own
 * context, the application services of other contexts and {@code shared}; transactions and the caller's scope
 * ({@code AccessControl}) are decided here, never in the screens or the API.
 */
package vn.gov.quangtri.motcua.interagency.application;
