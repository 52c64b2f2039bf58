package vn.gov.quangtri.motcua.api.rest.agency;

import jakarta.ejb.EJB;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import vn.gov.quangtri.motcua.agency.application.AgencyService;
import vn.gov.quangtri.motcua.agency.domain.Agency;
import vn.gov.quangtri.motcua.agency.domain.AgencyLevel;
import vn.gov.quangtri.motcua.api.rest.Params;
import vn.gov.quangtri.motcua.api.rest.Problems;
import vn.gov.quangtri.motcua.api.rest.Times;

/**
 * The agency hierarchy: {@code GET /api/v1/agencies} (flat, filtered) or {@code ?view=tree}, for any date
 * (the 1/7/2025 reorganisation is data: pass {@code validOn=2025-06-30} to see districts and old communes).
 */
@Path("v1/agencies")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Agencies", description = "Agencies and administrative units with validity dates")
public class AgencyResource {

    @EJB
    private AgencyService agencies;

    /** Agencies valid on a date as a flat list or a tree. */
    @GET
    @Operation(summary = "Agencies valid on a date (default today), as a list or a tree")
    public List<AgencyDto> list(
        @Parameter(description = "date (default: today in Vietnam); 'all' for every unit ever") @QueryParam("validOn") String validOn,
        @Parameter(description = "PROVINCE, DEPARTMENT, DISTRICT, COMMUNE") @QueryParam("level") String level,
        @Parameter(description = "code of the parent agency") @QueryParam("parent") String parent,
        @Parameter(description = "part of the name, diacritics optional") @QueryParam("q") String q,
        @Parameter(description = "'tree' for a nested hierarchy") @QueryParam("view") String view) {
        LocalDate day = "all".equalsIgnoreCase(validOn) ? null
            : validOn == null || validOn.isBlank() ? LocalDate.now(vn.gov.quangtri.motcua.shared.domain.VietnamTime.ZONE)
            : Times.parseDate("validOn", validOn);
        AgencyLevel lvl = Params.enumValue("level", level, AgencyLevel.class);
        if (view != null && !view.isBlank() && !"tree".equalsIgnoreCase(view) && !"list".equalsIgnoreCase(view)) {
            throw Problems.badInput("Unknown view", List.of("view: 'list' (default) or 'tree'"));
        }
        List<Agency> found = agencies.list(day, lvl, parent, q);
        Map<String, List<String>> predecessors = predecessors();
        if (!"tree".equalsIgnoreCase(view)) {
            return found.stream().map(a -> dto(a, predecessors, null)).toList();
        }
        Map<String, AgencyDto> byCode = new LinkedHashMap<>();
        for (Agency a : found) {
            byCode.put(a.code(), dto(a, predecessors, new ArrayList<>()));
        }
        List<AgencyDto> roots = new ArrayList<>();
        for (Agency a : found) {
            AgencyDto parentDto = a.parent() == null ? null : byCode.get(a.parent().code());
            if (parentDto == null) {
                roots.add(byCode.get(a.code()));
            } else {
                parentDto.children().add(byCode.get(a.code()));
            }
        }
        return roots;
    }

    /** One agency by its internal code; 404 when unknown. */
    @GET
    @Path("{code}")
    @Operation(summary = "One agency")
    public AgencyDto find(@PathParam("code") String code) {
        return dto(agencies.find(code), predecessors(), null);
    }

    /** Successor code → codes of the units merged into it. */
    private Map<String, List<String>> predecessors() {
        Map<String, List<String>> map = new java.util.HashMap<>();
        for (Agency a : agencies.list(null, null, null, null)) {
            if (a.successor() != null) {
                map.computeIfAbsent(a.successor().code(), k -> new ArrayList<>()).add(a.code());
            }
        }
        return map;
    }

    private static AgencyDto dto(Agency a, Map<String, List<String>> predecessors, List<AgencyDto> children) {
        return new AgencyDto(a.code(), a.name(), a.kind().name(), a.level().name(),
            a.parent() == null ? null : a.parent().code(), a.edocCode(), a.edocCodePlaceholder(), a.gsoCode(),
            a.validFrom() == null ? null : a.validFrom().toString(), a.validTo() == null ? null : a.validTo().toString(),
            a.successor() == null ? null : a.successor().code(), predecessors.getOrDefault(a.code(), List.of()),
            a.receivesDossiers(), children);
    }

    /**
     * An agency.
     *
     * @param edocCodePlaceholder true when {@code edocCode} is a placeholder awaiting the official identifier
     * @param predecessorCodes    units merged into this one (e.g. the pre-2025 communes of a 2025 commune)
     * @param children            sub-units in the tree view, null in the flat list
     */
    public record AgencyDto(String code, String name, String kind, String level, String parentCode, String edocCode,
                            boolean edocCodePlaceholder, String gsoCode, String validFrom, String validTo,
                            String successorCode, List<String> predecessorCodes, boolean receivesDossiers,
                            List<AgencyDto> children) {
    }
}
