package vn.gov.quangtri.motcua.api.rest.interagency;

import jakarta.ejb.EJB;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import vn.gov.quangtri.motcua.api.rest.Actors;
import vn.gov.quangtri.motcua.api.rest.Params;
import vn.gov.quangtri.motcua.api.rest.Problems;
import vn.gov.quangtri.motcua.interagency.application.PartnerRegistration;
import vn.gov.quangtri.motcua.interagency.application.PartnerRegistry;
import vn.gov.quangtri.motcua.interagency.application.PartnerSpec;
import vn.gov.quangtri.motcua.interagency.domain.EndpointStyle;
import vn.gov.quangtri.motcua.interagency.domain.PartnerSystem;

/**
 * Registration of partner systems by a system administrator (HTTP Basic; web.xml protects the path, the
 * service checks the role): {@code POST /api/v1/interagency/partners} registers one and returns its API key
 * once (only the hash is kept); {@code GET /api/v1/interagency/partners} lists them (never a key);
 * {@code PUT /api/v1/interagency/partners/{code}} changes or deactivates one and
 * {@code POST /api/v1/interagency/partners/{code}/key} issues it a new key.
 */
@Path("v1/interagency/partners")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Inter-agency exchange")
public class PartnerResource {

    @EJB
    private PartnerRegistry partners;

    /**
     * A partner system to register.
     *
     * @param outboundCredentialRef name of the server password alias holding the key we present to it
     */
    public record NewPartnerDto(
        @Schema(required = true, pattern = "[A-Z0-9][A-Z0-9._-]{1,59}") String code,
        @Schema(required = true, maxLength = 300) String name,
        @Schema(required = true, description = "agencies the partner speaks for (codes of 1-60 characters, no null)")
        List<String> agencyCodes,
        @Schema(required = true, maxLength = 1000, description = "https URL of its endpoint; http only for hosts listed in"
            + " motcua.interagency.allow-http-hosts; never a link-local address, a loopback one only with"
            + " motcua.interagency.allow-loopback=true") String endpointUrl,
        @Schema(required = true, enumeration = {"REST", "SOAP"}) String style,
        @Schema(maxLength = 200, pattern = "motcua-partner-[a-z0-9][a-z0-9._-]{0,120}|motcua\\.partner\\.[a-z0-9][a-z0-9_-]{0,100}\\.key",
            description = "name of the partner credential (password alias) we present to it; only the partner namespace")
        String outboundCredentialRef) {
    }

    /** A partner system as shown to administrators. */
    public record PartnerDto(String code, String name, List<String> agencyCodes, String endpointUrl, String style,
                             String outboundCredentialRef, boolean active) {
    }

    /** A registered partner with its API key (shown this once). */
    public record RegisteredDto(PartnerDto partner, String apiKey) {
    }

    @GET
    @Operation(summary = "Registered partner systems (system administrators)")
    public List<PartnerDto> list() {
        return partners.list().stream().map(PartnerResource::dto).toList();
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Register a partner system and issue its API key (system administrators)",
        description = "201 with the partner and its API key; the key is shown only in this answer. "
            + "400 INVALID_INPUT (a null or over-long agency code), 403 ROLE_REQUIRED, 409 PARTNER_EXISTS, 422 INVALID_PARTNER"
            + " (also an endpoint or credential reference outside the partner policy) / UNKNOWN_AGENCY.")
    public Response register(NewPartnerDto in, @Context SecurityContext security) {
        if (in == null) {
            throw Problems.badInput("A JSON body is required", List.of("body: the partner system"));
        }
        EndpointStyle style = Params.enumValue("style", in.style(), EndpointStyle.class);
        Set<String> agencies = agencies(in.agencyCodes());
        PartnerRegistration r = partners.register(new PartnerSpec(in.code(), in.name(), agencies, in.endpointUrl(), style,
            in.outboundCredentialRef()), Actors.of(security, null));
        return Response.status(Response.Status.CREATED).entity(new RegisteredDto(dto(r.partner()), r.apiKey())).build();
    }

    /**
     * A partner's changed registration (every field; the key stays). {@code active=false} takes it out of
     * service: its key is refused and transfers to its agencies go to another active partner, if any.
     */
    public record PartnerChangeDto(
        @Schema(required = true, maxLength = 300) String name,
        @Schema(required = true) List<String> agencyCodes,
        @Schema(required = true, maxLength = 1000, description = "as for registration") String endpointUrl,
        @Schema(required = true, enumeration = {"REST", "SOAP"}) String style,
        @Schema(maxLength = 200, description = "as for registration: only the partner namespace") String outboundCredentialRef,
        @Schema(required = true) Boolean active,
        @Schema(required = true, maxLength = 4000, description = "Why (request, decision number); recorded in the"
            + " administration audit") String reason) {
    }

    @PUT
    @Path("{code}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Change a partner system's registration or (de)activate it (system administrators)",
        description = "404 for an unknown code; 400 INVALID_INPUT (malformed endpoint address, over-long reason);"
            + " 422 REASON_REQUIRED / INVALID_PARTNER / UNKNOWN_AGENCY. Audited with the reason.")
    public PartnerDto update(@PathParam("code") String code, PartnerChangeDto in, @Context SecurityContext security) {
        if (in == null || in.active() == null) {
            throw Problems.badInput("A JSON body with every field is required", List.of("active: true or false"));
        }
        EndpointStyle style = Params.enumValue("style", in.style(), EndpointStyle.class);
        Set<String> agencies = agencies(in.agencyCodes());
        return dto(partners.update(new PartnerSpec(code, in.name(), agencies, in.endpointUrl(), style,
            in.outboundCredentialRef()), in.active(), Actors.of(security, null), in.reason()));
    }

    /** Issues a new API key for the partner (the old one stops working at once); shown this once. */
    @POST
    @Path("{code}/key")
    @Operation(summary = "Issue a new API key for a partner system (system administrators); the old key is refused from now on")
    public RegisteredDto rotateKey(@PathParam("code") String code, @Context SecurityContext security) {
        String key = partners.rotateKey(code, Actors.of(security, null));
        return new RegisteredDto(dto(partners.partner(code).orElseThrow()), key);
    }

    /**
     * The agency codes of a request: none for a missing list; a {@code null} element or a code longer than 60
     * characters is the client's mistake, 400 {@code INVALID_INPUT} (security issue 16 §2), never a 500.
     */
    static Set<String> agencies(List<String> codes) {
        if (codes == null) {
            return Set.of();
        }
        if (codes.size() > 1000) {
            throw Problems.badInput("Too many agency codes", List.of("agencyCodes: at most 1000"));
        }
        Set<String> out = new TreeSet<>();
        for (int i = 0; i < codes.size(); i++) {
            String c = codes.get(i);
            if (c == null || c.isBlank() || c.length() > 60) {
                throw Problems.badInput("Every agency code must be a text of 1-60 characters",
                    List.of("agencyCodes[" + i + "]: an agency code of 1-60 characters"));
            }
            out.add(c.strip());
        }
        return out;
    }

    static PartnerDto dto(PartnerSystem p) {
        return new PartnerDto(p.code(), p.name(), List.copyOf(p.agencyCodes()), p.endpointUrl(),
            p.style() == null ? null : p.style().name(), p.outboundCredentialRef(), p.active());
    }
}
