/**
 * Jakarta Batch artifacts of the job {@code transfer-reconciliation} (issue 14 §1; job XML
 * {@code META-INF/batch-jobs/transfer-reconciliation.xml} of this EJB module): a chunk step with item checkpoints
 * over our open outbound inter-agency transfers. The artifacts only page, hand items on and count; the work is
 * {@link vn.gov.quangtri.motcua.interagency.application.TransferReconciliation}, called under
 * {@link vn.gov.quangtri.motcua.account.application.SystemTask} (batch threads have no caller). May use
 * {@code interagency.application} and {@code account.application}.
 */
package vn.gov.quangtri.motcua.interagency.batch;
