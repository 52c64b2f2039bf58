package vn.gov.quangtri.motcua.web.admin;

import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import java.util.Map;
import vn.gov.quangtri.motcua.shared.batch.BatchJobs;
import vn.gov.quangtri.motcua.web.shell.Actions;
import vn.gov.quangtri.motcua.web.shell.Messages;

/**
 * The job history screen for system administrators ({@code /app/admin/batch.xhtml}; issue 14 §1): the jobs with their
 * nightly time (Vietnam time), next run and a Start button, and the executions (status, times, items
 * read/written/skipped, exit status, the reason of a failure or an abandonment) with Restart for failed or stopped ones.
 * {@link BatchJobs} checks the role again.
 */
@Named
@ViewScoped
public class BatchPage implements Serializable {

    private static final long serialVersionUID = 1L;

    /** Executions shown. */
    static final int ROWS = 200;

    @EJB
    private BatchJobs batch;

    @Inject
    private Actions actions;

    @Inject
    private Messages messages;

    private String job;
    private transient List<BatchJobs.JobInfo> jobs;
    private transient List<BatchJobs.ExecutionInfo> executions;

    /** The jobs of the registry. */
    public List<BatchJobs.JobInfo> getJobs() {
        if (jobs == null) {
            List<BatchJobs.JobInfo> found = actions.run(() -> batch.jobs());
            jobs = found == null ? List.of() : found;
        }
        return jobs;
    }

    /** The executions of the chosen job (all jobs when none), newest first. */
    public List<BatchJobs.ExecutionInfo> getExecutions() {
        if (executions == null) {
            String filter = job == null || job.isBlank() ? null : job;
            List<BatchJobs.ExecutionInfo> found = actions.run(() -> batch.executions(filter, ROWS));
            executions = found == null ? List.of() : found;
        }
        return executions;
    }

    /** Starts a job now. */
    public void start(String name) {
        BatchJobs.ExecutionInfo e = actions.run(() -> batch.start(name, Map.of()));
        if (e != null) {
            messages.info("batch.started", name, e.executionId());
        }
        refresh();
    }

    /** Restarts a failed or stopped execution from its checkpoint. */
    public void restart(long executionId) {
        BatchJobs.ExecutionInfo e = actions.run(() -> batch.restart(executionId, Map.of()));
        if (e != null) {
            messages.info("batch.restarted", executionId, e.executionId());
        }
        refresh();
    }

    /**
     * The reason of a failure or an abandonment in the screen's language; the runtime's own text (English, technical)
     * stays in {@link BatchJobs.ExecutionInfo#failure()}, shown as the tooltip.
     */
    public String reason(BatchJobs.ExecutionInfo e) {
        String f = e.failure();
        if (f == null) {
            return null;
        }
        if ("ABANDONED".equals(e.status())) {
            if (f.contains(" restarted while the execution ran")) {
                return messages.text("batch.abandoned.restarted");
            }
            if (f.startsWith("lease of ")) {
                return messages.text("batch.abandoned.lease", f.substring(9, f.indexOf(' ', 9)));
            }
            return messages.text("batch.abandoned.other");
        }
        return messages.text("batch.failed", f);
    }

    /**
     * Where the execution began, in the screen's language: after the checkpoint of the abandoned execution it resumes,
     * or from the checkpoint of the failed one it restarts; null for a fresh start.
     */
    public String origin(BatchJobs.ExecutionInfo e) {
        if (e.resumedFrom() != null) {
            return e.resumedCheckpoint() == null ? messages.text("batch.resumedFromStart", String.valueOf(e.resumedFrom()))
                : messages.text("batch.resumed", String.valueOf(e.resumedFrom()), e.resumedCheckpoint());
        }
        return e.restartOf() == null ? null : messages.text("batch.restartOf", String.valueOf(e.restartOf()));
    }

    /** Reads everything again. */
    public void refresh() {
        jobs = null;
        executions = null;
    }

    public String getJob() {
        return job;
    }

    public void setJob(String job) {
        this.job = job;
    }
}
