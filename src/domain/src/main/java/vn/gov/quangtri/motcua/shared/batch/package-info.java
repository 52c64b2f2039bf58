/**
 * The pure rules of the nightly batch jobs (issue 14 §1; docs/architecture.md "Batch jobs"): which jobs exist, when
 * they run (Vietnam time), and when a job lock held by another execution is stale.
 */
package vn.gov.quangtri.motcua.shared.batch;
