package vn.gov.quangtri.motcua.api.rest.interagency;

import jakarta.ejb.EJB;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import vn.gov.quangtri.motcua.api.rest.Problems;
import vn.gov.quangtri.motcua.api.rest.Times;
import vn.gov.quangtri.motcua.interagency.application.TransferReconciliation;
import vn.gov.quangtri.motcua.interagency.domain.ReconciliationFinding;
import vn.gov.quangtri.motcua.shared.batch.BatchJobs;
import vn.gov.quangtri.motcua.shared.batch.JobRunningException;
import vn.gov.quangtri.motcua.shared.domain.NotFoundException;

/**
 * The transfer reconciliation for system administrators (docs/interagency.md "Reconciliation"): start the batch job
 * {@code transfer-reconciliation} now, follow that execution, and list what the runs found. Starting and following
 * are interim paths kept for existing clients: they delegate to {@link BatchJobs}, as the generic batch API of issue
 * 14 §1 ({@code POST /api/v1/batch/jobs/transfer-reconciliation/executions}, {@code GET /api/v1/batch/executions}),
 * so they take the same job lock (409 {@code JOB_RUNNING} naming the running execution) and read the same history.
 * web.xml requires an account; the services require SYSTEM_ADMIN (403 {@code ROLE_REQUIRED} otherwise).
 */
@Path("v1/interagency/reconciliation")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Inter-agency exchange")
public class ReconciliationResource {

    /** The job's name (its job XML is {@code META-INF/batch-jobs/transfer-reconciliation.xml}). */
    static final String JOB = "transfer-reconciliation";

    @EJB
    private BatchJobs jobs;

    @EJB
    private TransferReconciliation reconciliation;

    /** The answer to a start: the execution to follow. */
    public record StartedDto(String job, long executionId) {
    }

    /**
     * An execution of the job.
     *
     * @param batchStatus STARTING, STARTED, COMPLETED, FAILED, STOPPED, ABANDONED
     * @param read        transfers checked, {@code written} their outcomes recorded, {@code skipped} transfers whose
     *                    partner could not be asked (reasons in the findings), {@code filtered} transfers gone meanwhile
     *                    (read − written − skipped: every transfer read is one of the three)
     */
    public record ExecutionDto(long executionId, String job, String batchStatus, String exitStatus, String createdAt,
                               String startedAt, String endedAt, long read, long written, long filtered,
                               long skipped) {
    }

    /**
     * A finding of the reconciliation.
     *
     * @param kind          MISMATCH, RESENT or SKIPPED
     * @param reason        why, with both statuses and moments (English; moments in Vietnam time)
     * @param seenCount     how many runs found this same situation
     * @param resolvedAt    when a later run no longer found it; null while open
     * @param executionId   the job execution that last found it
     */
    public record FindingDto(String transferId, String dossierCode, String partnerCode, String kind, String ourStatus,
                             String partnerStatus, String partnerStatusAt, String reason, String firstSeenAt,
                             String lastSeenAt, int seenCount, String resolvedAt, Long executionId) {

        static FindingDto of(ReconciliationFinding f) {
            return new FindingDto(f.transferId(), f.dossierCode(), f.partnerCode(), f.kind().name(),
                f.ourStatus().name(), f.partnerStatus() == null ? null : f.partnerStatus().name(),
                Times.format(f.partnerStatusAt()), f.reason(), Times.format(f.firstSeenAt()), Times.format(f.lastSeenAt()),
                f.seenCount(), Times.format(f.resolvedAt()), f.executionId());
        }
    }

    /**
     * Starts the job now; 202 with the execution id (the job runs in the background); 409 {@code JOB_RUNNING} while an
     * execution holds the job's lock (started here, over the batch API, from the screen or by the nightly timer).
     */
    @POST
    @Operation(summary = "Start the transfer reconciliation now (system administrators): 202 with the execution id;"
        + " 409 JOB_RUNNING while it runs",
        description = "Interim: superseded by POST /api/v1/batch/jobs/transfer-reconciliation/executions.")
    public Response start(@Context UriInfo uri) {
        BatchJobs.ExecutionInfo e;
        try {
            e = jobs.start(JOB, null);
        } catch (JobRunningException running) {
            return Problems.of(Response.Status.CONFLICT, running.reason(), running.getMessage(),
                running.executionId() == null ? List.of() : List.of("executionId: " + running.executionId()), uri);
        }
        long id = e.executionId();
        return Response.accepted(new StartedDto(JOB, id))
            .location(uri.getAbsolutePathBuilder().path("executions").path(String.valueOf(id)).build()).build();
    }

    /** One execution of the job: status, times and counts. */
    @GET
    @Path("executions/{id}")
    @Operation(summary = "An execution of the transfer reconciliation (system administrators); 404 for another job's")
    public ExecutionDto execution(@PathParam("id") String id) {
        long executionId;
        try {
            executionId = Long.parseLong(id);
        } catch (NumberFormatException e) {
            throw Problems.badInput("The execution id is a number", List.of("id: a whole number"));
        }
        BatchJobs.ExecutionInfo e;
        try {
            e = jobs.execution(executionId);
        } catch (NotFoundException unknown) {
            e = null;
        }
        if (e == null || !JOB.equals(e.job())) {
            throw new NotFoundException("execution of " + JOB, String.valueOf(executionId));
        }
        return new ExecutionDto(e.executionId(), e.job(), e.status(), e.exitStatus(), Times.format(e.createdAt()),
            Times.format(e.startedAt()), Times.format(e.endedAt()), e.read(), e.written(),
            Math.max(0, e.read() - e.written() - e.skipped()), e.skipped());
    }

    /**
     * What the runs found, most recently seen first.
     *
     * @param open  {@code true} (default): only findings still open; {@code false}: resolved ones too
     * @param limit at most this many (1–500)
     */
    @GET
    @Path("findings")
    @Operation(summary = "Findings of the transfer reconciliation: mismatches with their reason, re-sends, skipped "
        + "partners (system administrators)")
    public List<FindingDto> findings(@QueryParam("open") @DefaultValue("true") String open,
                                     @QueryParam("limit") @DefaultValue("100") int limit) {
        if (limit < 1 || limit > 500) {
            throw Problems.badInput("limit out of range", List.of("limit: 1 to 500"));
        }
        if (!"true".equals(open) && !"false".equals(open)) {
            throw Problems.badInput("open is true or false", List.of("open: true or false"));
        }
        return reconciliation.findings(Boolean.parseBoolean(open), limit).stream().map(FindingDto::of).toList();
    }
}
