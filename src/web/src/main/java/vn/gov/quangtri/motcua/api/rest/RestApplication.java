package vn.gov.quangtri.motcua.api.rest;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.info.Info;

/**
 * Activates JAX-RS for the public integration API. With the web module's context root {@code /motcua}
 * every resource lives under {@code /motcua/api}; version 1 resources add {@code /v1}.
 */
@ApplicationPath("/api")
@OpenAPIDefinition(
    info = @Info(
        title = "motcua: one-stop-shop API",
        version = "1",
        description = "Procedures, agencies, dossiers and the working calendar of the Quảng Trị "
            + "procedure-handling information system (Decree 118/2025/NĐ-CP, Circular 03/2025/TT-VPCP). "
            + "Errors are problem documents (RFC 9457) with a stable `reason`. A request body with a field the "
            + "operation does not define is refused with 400 `UNKNOWN_FIELD` naming the field in `errors`; "
            + "send only the documented fields."))
public class RestApplication extends Application {

    /**
     * Jersey's generated WADL ({@code /api/application.wadl}, and on OPTIONS) is switched off: it named the server's
     * implementation and version to anonymous callers and logged a stack trace for some resources. The API is
     * described by OpenAPI ({@code /openapi}).
     */
    @Override
    public java.util.Map<String, Object> getProperties() {
        return java.util.Map.of("jersey.config.server.wadl.disableWadl", true);
    }
}
