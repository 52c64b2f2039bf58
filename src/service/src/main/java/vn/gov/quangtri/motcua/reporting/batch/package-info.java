/**
 * The statistics-snapshot job (issue 14 §1; {@code META-INF/batch-jobs/statistics-snapshot.xml}): one item per
 * Vietnam day from the first day with data to yesterday; the checkpoint is the last day of the committed chunk.
 */
package vn.gov.quangtri.motcua.reporting.batch;
