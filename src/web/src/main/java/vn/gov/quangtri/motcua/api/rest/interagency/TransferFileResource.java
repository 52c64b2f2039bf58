package vn.gov.quangtri.motcua.api.rest.interagency;

import jakarta.ejb.EJB;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import vn.gov.quangtri.motcua.api.rest.Problems;
import vn.gov.quangtri.motcua.dossier.application.DossierFiles;
import vn.gov.quangtri.motcua.interagency.application.PartnerRegistry;
import vn.gov.quangtri.motcua.interagency.application.TransferFiles;
import vn.gov.quangtri.motcua.interagency.domain.PartnerSystem;

/**
 * The files of a transfer we sent, for the partner system it went to (issue 15 §1): the submit-transfer message lists
 * them by reference and the receiver downloads each one here with its API key, then checks size and SHA-256 (the
 * {@code ETag} carries the hash too). Only the parent dossier's current files that are not a result are served.
 */
@Path("v1/interagency/transfers/{transferId}/files")
@Tag(name = "Inter-agency exchange")
public class TransferFileResource {

    @EJB
    private PartnerRegistry partners;

    @EJB
    private TransferFiles files;

    /** The bytes of one announced file. */
    @GET
    @Path("{fileId}")
    @Produces(MediaType.WILDCARD)
    @Operation(summary = "Download a file announced in a submit-transfer message (partner systems, X-Api-Key)")
    @APIResponse(responseCode = "200", description = "the bytes, with the type announced; ETag is the SHA-256")
    @APIResponse(responseCode = "401", description = "PARTNER_UNAUTHENTICATED",
        content = @Content(mediaType = Problems.PROBLEM_JSON))
    @APIResponse(responseCode = "404", description = "NOT_FOUND: no such transfer to this partner, or no such file of it",
        content = @Content(mediaType = Problems.PROBLEM_JSON))
    public Response download(@PathParam("transferId") String transferId, @PathParam("fileId") String fileId,
                             @Parameter(in = ParameterIn.HEADER, required = true, description = "the partner's API key")
                             @HeaderParam(InterAgencyResource.API_KEY) String apiKey) {
        PartnerSystem partner = partners.authenticate(apiKey);
        long id;
        try {
            id = Long.parseLong(fileId);
        } catch (NumberFormatException e) {
            id = -1;
        }
        if (id < 1) {
            throw new vn.gov.quangtri.motcua.shared.domain.NotFoundException("file", transferId + "/" + fileId);
        }
        DossierFiles.Download d = files.openForPartner(partner.code(), transferId, id);
        return vn.gov.quangtri.motcua.api.rest.FileResponses.download(d);
    }
}
