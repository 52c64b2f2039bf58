/**
 * Jakarta Batch infrastructure (issue 14 §1; docs/architecture.md "Batch jobs"): the job lock shared by all servers
 * on the database ({@link vn.gov.quangtri.motcua.shared.batch.BatchLocks}), starting, listing and restarting
 * executions ({@link vn.gov.quangtri.motcua.shared.batch.BatchJobs}), the nightly schedule
 * ({@link vn.gov.quangtri.motcua.shared.batch.BatchScheduler}) and the listeners every job XML names.
 */
package vn.gov.quangtri.motcua.shared.batch;
