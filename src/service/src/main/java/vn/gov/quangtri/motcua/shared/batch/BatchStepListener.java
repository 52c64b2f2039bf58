package vn.gov.quangtri.motcua.shared.batch;

import jakarta.batch.api.listener.StepListener;
import jakarta.batch.runtime.context.JobContext;
import jakarta.batch.runtime.context.StepContext;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/**
 * Every step's listener ({@code <listener ref="batchStepListener">}): when the step failed with an exception, its
 * message becomes the step's and the job's exit status (at most 500 characters), so the execution list shows why.
 */
@Named("batchStepListener")
@Dependent
public class BatchStepListener implements StepListener {

    @Inject
    private StepContext step;

    @Inject
    private JobContext job;

    @Override
    public void beforeStep() {
        // nothing
    }

    @Override
    public void afterStep() {
        Exception e = step.getException();
        if (e != null) {
            Throwable root = e;
            while (root.getCause() != null && root.getCause() != root) {
                root = root.getCause();
            }
            String text = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
            text = text.length() > 500 ? text.substring(0, 500) : text;
            step.setExitStatus("FAILED: " + text);
            job.setExitStatus("FAILED in " + step.getStepName() + ": " + text);
        }
    }
}
