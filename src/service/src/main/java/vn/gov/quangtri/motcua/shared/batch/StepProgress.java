package vn.gov.quangtri.motcua.shared.batch;

import jakarta.batch.operations.JobOperator;
import jakarta.batch.runtime.BatchRuntime;
import jakarta.batch.runtime.context.JobContext;
import jakarta.batch.runtime.context.StepContext;
import java.util.Properties;

/**
 * What a chunk step's artifacts tell {@link BatchStepListener} (kept as the step's transient user data): the reader's
 * position after the last item read (stored as the execution's checkpoint in {@code batch_execution} after every
 * committed chunk) and, for a writer that writes fewer records than items, what it really wrote. Also where a reader
 * starts when its execution resumes an abandoned one ({@link #resumePoint}).
 */
public final class StepProgress {

    /** Job parameter: the abandoned execution a new execution resumes (set by {@link BatchJobs}). */
    public static final String RESUME_FROM = "resume.from";
    /** Job parameter: the step whose checkpoint is resumed. */
    public static final String RESUME_STEP = "resume.step";
    /** Job parameter: the checkpoint (text) the readers continue after. */
    public static final String RESUME_CHECKPOINT = "resume.checkpoint";

    private String position;
    private Long written;
    private long readInChunk;
    private long writtenInChunk;

    private StepProgress() {
    }

    /** The step's progress holder (created on first use). */
    public static StepProgress of(StepContext step) {
        if (step.getTransientUserData() instanceof StepProgress p) {
            return p;
        }
        StepProgress p = new StepProgress();
        step.setTransientUserData(p);
        return p;
    }

    /** The reader read up to this position (a text its {@code open} can parse back). */
    public void position(Object value) {
        position = value == null ? null : value.toString();
        if (value != null) {
            readInChunk++;
        }
    }

    /** The writer was handed {@code n} items of the current chunk (an item write listener's count). */
    void itemsWritten(int n) {
        writtenInChunk += n;
    }

    /**
     * Items read and items handed to the writer in the current chunk, then zero for the next: the runtime adds a chunk
     * to its metrics only after its commit, so a chunk listener adds these to show the counts of the chunk it commits.
     */
    long[] takeChunk() {
        long[] c = {readInChunk, writtenInChunk};
        readInChunk = 0;
        writtenInChunk = 0;
        return c;
    }

    /** The position after the last item read, null before the first. */
    public String position() {
        return position;
    }

    /** The writer really wrote {@code n} more records (e.g. overdue events newly recorded). */
    public void written(long n) {
        written = (written == null ? 0 : written) + n;
    }

    /** Records really written so far, or null when the writer does not count them (then the items written count). */
    public Long written() {
        return written;
    }

    /**
     * The checkpoint a reader without a runtime checkpoint continues after: the one of the abandoned execution this
     * execution resumes (job parameters set by {@link BatchJobs#start}), or null to start from the beginning.
     */
    public static String resumePoint(JobContext job, StepContext step) {
        Properties p = parameters(job.getExecutionId());
        if (p == null || p.getProperty(RESUME_CHECKPOINT) == null) {
            return null;
        }
        return step.getStepName().equals(p.getProperty(RESUME_STEP)) ? p.getProperty(RESUME_CHECKPOINT) : null;
    }

    static Properties parameters(long executionId) {
        try {
            JobOperator op = BatchRuntime.getJobOperator();
            return op.getParameters(executionId);
        } catch (RuntimeException e) {
            return null;
        }
    }
}
