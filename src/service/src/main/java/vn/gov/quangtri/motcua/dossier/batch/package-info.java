/**
 * The deadline-sweep job (issue 14 §1; {@code META-INF/batch-jobs/deadline-sweep.xml}): reads the open dossiers by id
 * (checkpoint: the last id of the committed chunk), finds the deadlines that passed ({@link
 * vn.gov.quangtri.motcua.dossier.domain.OverdueMarks}) and records each overdue event once in {@code dossier_overdue}.
 */
package vn.gov.quangtri.motcua.dossier.batch;
