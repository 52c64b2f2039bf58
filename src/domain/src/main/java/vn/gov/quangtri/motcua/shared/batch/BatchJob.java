package vn.gov.quangtri.motcua.shared.batch;

import java.time.LocalTime;
import java.util.List;
import java.util.Optional;

/**
 * The registry of batch jobs: the job XML {@code META-INF/batch-jobs/<name>.xml} of each (in the EJB module), and the
 * nightly time used when {@code motcua.batch.<name>.schedule} is not set (Vietnam time). A job whose XML is not
 * deployed is listed as unavailable and cannot be started.
 *
 * @param name        the job name, also the job XML's file name and its {@code id}
 * @param defaultTime the nightly start, Asia/Ho_Chi_Minh
 */
public record BatchJob(String name, LocalTime defaultTime) {

    /** Marks steps and dossiers past their deadline, lists the apologies due (issue 14 §1). */
    public static final String DEADLINE_SWEEP = "deadline-sweep";
    /** Per-day counts of the period report (issue 14 §1, §2). */
    public static final String STATISTICS_SNAPSHOT = "statistics-snapshot";
    /** Compares open inter-agency transfers with the partners' answers (issue 14 §1; package interagency.batch). */
    public static final String TRANSFER_RECONCILIATION = "transfer-reconciliation";
    /** Compares open and recently closed dossiers with the national portal's copy (issue 15 §4; package portal.batch). */
    public static final String PORTAL_RECONCILIATION = "portal-reconciliation";

    /** Every job, in the order the screen lists them. */
    public static final List<BatchJob> ALL = List.of(
        new BatchJob(DEADLINE_SWEEP, LocalTime.of(1, 0)),
        new BatchJob(STATISTICS_SNAPSHOT, LocalTime.of(2, 0)),
        new BatchJob(TRANSFER_RECONCILIATION, LocalTime.of(3, 0)),
        new BatchJob(PORTAL_RECONCILIATION, LocalTime.of(3, 30)));

    /** The job of that name, empty for an unknown name (including null). */
    public static Optional<BatchJob> named(String name) {
        return ALL.stream().filter(j -> j.name.equals(name)).findFirst();
    }

    /** Path of the job XML on the class path. */
    public String xmlResource() {
        return "META-INF/batch-jobs/" + name + ".xml";
    }
}
