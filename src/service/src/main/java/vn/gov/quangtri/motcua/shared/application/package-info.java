/**
 * Start-up helpers shared by the contexts: {@code ClockProducer} (the injectable {@code Clock}) and
 * {@code SampleDataLoader} (demonstration dossiers when {@code motcua.sample-data} is on). May use the domain
 * packages, the infrastructure of its own context, the application services of other contexts and
 * {@code shared}; transactions and the caller's scope ({@code AccessControl}) are decided here, never in the
 * screens or the API.
 */
package vn.gov.quangtri.motcua.shared.application;
