package vn.gov.quangtri.motcua.api.rest.batch;

import jakarta.ejb.EJB;
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
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import vn.gov.quangtri.motcua.api.rest.Params;
import vn.gov.quangtri.motcua.api.rest.Problems;
import vn.gov.quangtri.motcua.api.rest.Times;
import vn.gov.quangtri.motcua.shared.batch.BatchJobs;
import vn.gov.quangtri.motcua.shared.batch.JobRunningException;

/**
 * The nightly batch jobs for system administrators over HTTP Basic (the same as the screen
 * {@code app/admin/batch.xhtml}; issue 14 §1): the jobs, starting one (202; 409 {@code JOB_RUNNING} naming the running
 * execution), the executions with their metrics and reasons, restarting a failed or stopped one from its checkpoint.
 * Other accounts get 403 {@code ROLE_REQUIRED} (checked by {@link BatchJobs}); an unknown job or execution 404.
 */
@Path("v1/batch")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Batch jobs", description = "Nightly jobs (deadline sweep, statistics snapshot, transfer reconciliation)")
public class BatchResource {

    @EJB
    private BatchJobs jobs;

    @Context
    private UriInfo uri;

    /**
     * A job.
     *
     * @param schedule           HH:mm, Vietnam time
     * @param scheduled          whether the nightly start is on
     * @param nextRun            next nightly start (ISO-8601 +07:00), null when off
     * @param runningExecutionId the execution running now, or null
     * @param available          whether its job XML is deployed
     */
    public record JobDto(String name, boolean available, boolean scheduled, String schedule, String nextRun,
                         Long runningExecutionId) {
    }

    /**
     * An execution.
     *
     * @param status        STARTING, STARTED, STOPPING, STOPPED, FAILED, COMPLETED, ABANDONED
     * @param runtimeStatus the batch runtime's own status (STARTED for an execution abandoned after a crash)
     * @param failureReason why it failed or was abandoned
     * @param itemsRead     items read so far (updated at every checkpoint while it runs)
     * @param itemsWritten  records really written so far (deadline-sweep: overdue events newly recorded)
     * @param restartable   FAILED, STOPPED or ABANDONED and the latest execution of its job
     * @param server        the server that ran it
     * @param restartOf     the FAILED/STOPPED execution it restarted from the runtime's checkpoint, or null
     * @param resumedFrom   the abandoned execution it continued from (after a crash), or null
     * @param resumedCheckpoint the checkpoint of that execution it continued after (an id or a day)
     * @param checkpoint    its own position after the last committed chunk
     */
    public record ExecutionDto(long executionId, String job, String status, String runtimeStatus, String createdAt,
                               String startedAt, String endedAt, long itemsRead, long itemsWritten, long itemsSkipped,
                               String exitStatus, String failureReason, boolean restartable, String startedBy,
                               String server, Long restartOf, Long resumedFrom, String resumedCheckpoint,
                               String checkpoint) {
    }

    /**
     * Optional body of a start or restart.
     *
     * @param parameters test hooks ({@code test.*}), accepted only when {@code motcua.batch.test-hooks=true}
     */
    public record StartRequest(Map<String, String> parameters) {
    }

    @GET
    @Path("jobs")
    @Operation(summary = "The jobs with their schedule and the running execution (system administrators)")
    @APIResponse(responseCode = "200", description = "the jobs",
        content = @Content(schema = @Schema(type = SchemaType.ARRAY, implementation = JobDto.class)))
    @APIResponse(responseCode = "403", description = "ROLE_REQUIRED")
    public List<JobDto> jobs() {
        return jobs.jobs().stream().map(j -> new JobDto(j.name(), j.available(), j.scheduled(),
            j.time().toString(), Times.format(j.nextRun()), j.runningExecutionId())).toList();
    }

    @POST
    @Path("jobs/{name}/executions")
    @Operation(summary = "Start a job now; 202 with the execution (Location: the execution)")
    @APIResponse(responseCode = "202", description = "started",
        content = @Content(schema = @Schema(implementation = ExecutionDto.class)))
    @APIResponse(responseCode = "403", description = "ROLE_REQUIRED")
    @APIResponse(responseCode = "404", description = "unknown job (problem JSON)")
    @APIResponse(responseCode = "409", description = "JOB_RUNNING: another execution runs; errors: [\"executionId: <id>\"]")
    public Response start(@Parameter(description = "deadline-sweep, statistics-snapshot, transfer-reconciliation, portal-reconciliation")
                          @PathParam("name") String name, String body) {
        try {
            return accepted(jobs.start(name, parameters(body)));
        } catch (JobRunningException e) {
            return running(e);
        }
    }

    @GET
    @Path("executions")
    @Operation(summary = "Executions, newest first, with items read/written/skipped, exit status and reason")
    @APIResponse(responseCode = "200", description = "the executions",
        content = @Content(schema = @Schema(type = SchemaType.ARRAY, implementation = ExecutionDto.class)))
    @APIResponse(responseCode = "400", description = "INVALID_INPUT: limit not a whole number or out of range")
    @APIResponse(responseCode = "404", description = "unknown job")
    public List<ExecutionDto> executions(@Parameter(description = "a job name; all jobs when absent")
                                         @QueryParam("job") String job,
                                         @Parameter(description = "1 to 500; default 50") @QueryParam("limit")
                                         String limitParam) {
        // parsed here: a JAX-RS int parameter would answer "limit=abc" with a bare 404
        int limit = Params.integer("limit", limitParam, 50, 1, BatchJobs.MAX_LIMIT);
        return jobs.executions(job == null || job.isBlank() ? null : job.strip(), limit).stream()
            .map(BatchResource::dto).toList();
    }

    @GET
    @Path("executions/{id}")
    @Operation(summary = "One execution")
    @APIResponse(responseCode = "200", description = "the execution",
        content = @Content(schema = @Schema(implementation = ExecutionDto.class)))
    @APIResponse(responseCode = "404", description = "unknown execution")
    public ExecutionDto execution(@PathParam("id") String id) {
        return dto(jobs.execution(executionId(id)));
    }

    @POST
    @Path("executions/{id}/restart")
    @Operation(summary = "Restart a FAILED, STOPPED or ABANDONED execution (the latest of its job) from its last"
        + " checkpoint; 202 with the new execution")
    @APIResponse(responseCode = "202", description = "restarted",
        content = @Content(schema = @Schema(implementation = ExecutionDto.class)))
    @APIResponse(responseCode = "404", description = "unknown execution")
    @APIResponse(responseCode = "409", description = "JOB_RUNNING or NOT_RESTARTABLE")
    public Response restart(@PathParam("id") String id, String body) {
        try {
            return accepted(jobs.restart(executionId(id), parameters(body)));
        } catch (JobRunningException e) {
            return running(e);
        }
    }

    /** An execution id of the path; 400 INVALID_INPUT when it is not a whole number. */
    static long executionId(String id) {
        try {
            return Long.parseLong(id.strip());
        } catch (NumberFormatException e) {
            throw Problems.badInput("The execution id is a whole number", List.of("id: '" + id + "'"));
        }
    }

    /** The optional JSON body {@link StartRequest} (no body, or an empty one: no parameters). */
    private static Map<String, String> parameters(String body) {
        if (body == null || body.isBlank()) {
            return null;
        }
        try (jakarta.json.bind.Jsonb jsonb = jakarta.json.bind.JsonbBuilder.create()) {
            StartRequest r = jsonb.fromJson(body, StartRequest.class);
            return r == null ? null : r.parameters();
        } catch (Exception e) {
            throw Problems.badInput("Malformed body", List.of("body: {\"parameters\": {\"name\": \"value\"}}"));
        }
    }

    /** 409 JOB_RUNNING with {@code executionId: <id>} in the problem's errors. */
    private Response running(JobRunningException e) {
        return Problems.of(Response.Status.CONFLICT, e.reason(), e.getMessage(),
            e.executionId() == null ? List.of() : List.of("executionId: " + e.executionId()), uri);
    }

    private Response accepted(BatchJobs.ExecutionInfo e) {
        return Response.accepted(dto(e)).location(uri.getBaseUriBuilder().path("v1/batch/executions")
            .path(String.valueOf(e.executionId())).build()).build();
    }

    static ExecutionDto dto(BatchJobs.ExecutionInfo e) {
        return new ExecutionDto(e.executionId(), e.job(), e.status(), e.runtimeStatus(), Times.format(e.createdAt()),
            Times.format(e.startedAt()), Times.format(e.endedAt()), e.read(), e.written(), e.skipped(), e.exitStatus(),
            e.failure(), e.restartable(), e.startedBy(), e.server(), e.restartOf(), e.resumedFrom(),
            e.resumedCheckpoint(), e.checkpoint());
    }
}
