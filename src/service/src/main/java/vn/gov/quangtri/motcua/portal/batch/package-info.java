/**
 * Jakarta Batch artifacts of the job {@code portal-reconciliation} (issue 15 §4; job XML
 * {@code META-INF/batch-jobs/portal-reconciliation.xml} of this EJB module), shaped like {@code interagency.batch}: a
 * chunk step with item checkpoints over the dossiers to compare with the national portal. The artifacts only page,
 * hand items on and count; the work is {@link vn.gov.quangtri.motcua.portal.application.PortalReconciliation}, called
 * under {@link vn.gov.quangtri.motcua.account.application.SystemTask} (batch threads have no caller).
 */
package vn.gov.quangtri.motcua.portal.batch;
