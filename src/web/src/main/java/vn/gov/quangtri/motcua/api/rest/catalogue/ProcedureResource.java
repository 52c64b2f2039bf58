package vn.gov.quangtri.motcua.api.rest.catalogue;

import jakarta.ejb.EJB;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import vn.gov.quangtri.motcua.api.rest.Params;
import vn.gov.quangtri.motcua.api.rest.Problems;
import vn.gov.quangtri.motcua.catalogue.application.CatalogueService;
import vn.gov.quangtri.motcua.catalogue.application.ProcedurePage;
import vn.gov.quangtri.motcua.catalogue.domain.ProcedureLevel;

/** The procedure catalogue: {@code GET /api/v1/procedures} and {@code GET /api/v1/procedures/{code}}. */
@Path("v1/procedures")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Procedures", description = "Catalogue of administrative procedures")
public class ProcedureResource {

    @EJB
    private CatalogueService catalogue;

    /** Searches the catalogue; text is matched without diacritics (đ = d). */
    @GET
    @Operation(summary = "Search procedures by text (diacritics optional), field and level")
    public ProcedureDtos.ProcedurePageDto search(
        @Parameter(description = "words of the name or code, e.g. 'dang ky dat dai'") @QueryParam("q") String q,
        @Parameter(description = "field (lĩnh vực), diacritics optional, e.g. 'Đất đai' or 'dat dai'") @QueryParam("field") String field,
        @Parameter(description = "MINISTRY, PROVINCE, DISTRICT, COMMUNE or OTHER") @QueryParam("level") String level,
        @Parameter(description = "code of the receiving agency whose desk searches, e.g. 'QT25.XA_VINH_LINH': the"
            + " procedures of its administrative level rank first (404 when unknown). Results are ranked: exact and"
            + " whole-phrase name matches first, then procedures that can receive dossiers")
        @QueryParam("agency") String agency,
        @QueryParam("offset") String offsetParam,
        @QueryParam("limit") String limitParam) {
        int offset = Params.integer("offset", offsetParam, 0, 0, Integer.MAX_VALUE);
        int limit = Params.integer("limit", limitParam, 50, 1, 500);
        ProcedureLevel lvl = Params.enumValue("level", level, ProcedureLevel.class);
        ProcedurePage page = catalogue.searchForDesk(q, field, lvl, agency, offset, limit);
        return new ProcedureDtos.ProcedurePageDto(page.total(), offset, limit,
            page.items().stream().map(ProcedureDtos::summary).toList());
    }

    /** The fields (lĩnh vực) of the catalogue, for filters. */
    @GET
    @Path("fields")
    @Operation(summary = "Fields (lĩnh vực) used in the catalogue, sorted")
    public List<String> fields() {
        return catalogue.fields();
    }

    /** One procedure with documents and internal process; 404 when unknown. */
    @GET
    @Path("{code}")
    @Operation(summary = "One procedure with its required documents and internal steps")
    public ProcedureDtos.ProcedureDto find(@PathParam("code") String code) {
        return ProcedureDtos.full(catalogue.find(code));
    }
}
