package vn.gov.quangtri.motcua.shared.batch;

import vn.gov.quangtri.motcua.shared.domain.ConflictException;

/** 409 {@code JOB_RUNNING}: another execution of the job holds its lock. */
public class JobRunningException extends ConflictException {

    private static final long serialVersionUID = 1L;

    private final Long executionId;

    /** @param executionId the running execution, null while it is still starting */
    public JobRunningException(String job, Long executionId) {
        super("JOB_RUNNING", "Job " + job + " is already running"
            + (executionId == null ? " (starting)" : ": execution " + executionId));
        this.executionId = executionId;
    }

    /** The running execution, or null while it starts. */
    public Long executionId() {
        return executionId;
    }
}
