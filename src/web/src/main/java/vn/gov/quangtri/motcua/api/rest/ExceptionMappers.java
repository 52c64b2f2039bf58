package vn.gov.quangtri.motcua.api.rest;

import jakarta.json.bind.JsonbException;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PessimisticLockException;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import vn.gov.quangtri.motcua.dossier.application.DossierFiles;
import vn.gov.quangtri.motcua.dossier.application.BackdatingApprovalRequired;
import vn.gov.quangtri.motcua.shared.application.Failures;
import vn.gov.quangtri.motcua.shared.domain.ConflictException;
import vn.gov.quangtri.motcua.shared.domain.DomainException;
import vn.gov.quangtri.motcua.shared.domain.ForbiddenException;
import vn.gov.quangtri.motcua.shared.domain.NotFoundException;
import vn.gov.quangtri.motcua.shared.domain.RuleViolationException;

/**
 * Turns every failure into a problem response (RFC 9457) and never a stack trace: 400 malformed input
 * (also {@code INVALID_XROAD_HEADER} and {@code MALFORMED_PAYLOAD} of the inter-agency exchange), 401
 * {@code PARTNER_UNAUTHENTICATED} (partner API key missing or wrong), 404 {@code UNKNOWN_OPERATION}, 403 outside the account's units or roles, 404 unknown dossier/procedure/agency, 409 illegal transition or concurrent change, 422 business rule,
 * 500 with a neutral message (details only in the server log).
 */
@Provider
public class ExceptionMappers implements ExceptionMapper<Throwable> {

    private static final Logger LOG = Logger.getLogger(ExceptionMappers.class.getName());

    /** Reason of a partner call without a valid API key (answered 401). */
    static final String PARTNER_UNAUTHENTICATED = "PARTNER_UNAUTHENTICATED";

    /**
     * Rule violations that are malformed input of the inter-agency exchange (answered 400, not 422): a bad
     * X-Road header (every problem listed) and a payload that is not the operation's JSON document; a name
     * holding a control or direction-override character ({@code CONTROL_CHARACTER}, the field in the details);
     * a blank required text; a JSON body nested too deeply; a partner endpoint address in no proper form
     * ({@code INVALID_INPUT}); a text over its limit ({@code TEXT_TOO_LONG}, {@code COMMENT_TOO_LONG}: the field and
     * its limit in the details; issue 16). The SOAP endpoint answers the same reasons as client
     * faults with status 400.
     */
    public static final java.util.Set<String> BAD_REQUEST_REASONS = java.util.Set.of("INVALID_XROAD_HEADER",
        "MALFORMED_PAYLOAD", BodyHygiene.MALFORMED_JSON, vn.gov.quangtri.motcua.shared.domain.Texts.CONTROL_CHARACTER,
        vn.gov.quangtri.motcua.shared.domain.Texts.REQUIRED, "INVALID_INPUT", "TEXT_TOO_LONG", "COMMENT_TOO_LONG",
        vn.gov.quangtri.motcua.dossier.domain.FileName.INVALID, "NOT_A_RESULT",
        vn.gov.quangtri.motcua.dossier.infrastructure.file.FileInspector.UNREADABLE,
        vn.gov.quangtri.motcua.dossier.infrastructure.file.FileInspector.EMPTY);

    @Context
    private UriInfo uri;

    @Override
    public Response toResponse(Throwable exception) {
        Throwable e = Failures.unwrap(exception);
        for (Throwable c = e.getCause(); c != null && c != c.getCause(); c = c.getCause()) {
            if (c instanceof BodyHygiene.Refused) {
                e = c; // refused while a provider was reading the body (the multipart parser wraps it)
                break;
            }
        }
        if (e instanceof BackdatingApprovalRequired pending) {
            // Not a failure: the action waits for a leader (the dossier did not change).
            var r = pending.request();
            return Response.accepted(vn.gov.quangtri.motcua.api.rest.dossier.DossierDtos.BackdatingRequestDto.of(r))
                .location(uri.getBaseUriBuilder().path("v1/backdating-requests/{id}").build(r.id()))
                .type(jakarta.ws.rs.core.MediaType.APPLICATION_JSON).build();
        }
        if (e instanceof BodyHygiene.Refused b) {
            // 413 BODY_TOO_LARGE, 415 UNSUPPORTED_CHARSET, 400 MALFORMED_ENCODING of a body, with its path as instance
            return Problems.of(b.status, b.title, b.reason, b.getMessage(), b.errors, uri);
        }
        if (e instanceof NotFoundException nf) {
            return Problems.of(Response.Status.NOT_FOUND, nf.reason(), nf.getMessage(), List.of(), uri);
        }
        if (e instanceof ForbiddenException f) {
            if (PARTNER_UNAUTHENTICATED.equals(f.reason())) {
                // A partner system without a valid API key (inter-agency exchange): 401, but no Basic challenge.
                return Response.fromResponse(Problems.of(Response.Status.UNAUTHORIZED, f.reason(), f.getMessage(),
                    List.of(), uri)).header("WWW-Authenticate", "X-Api-Key realm=\"motcua-interagency\"").build();
            }
            return Problems.of(Response.Status.FORBIDDEN, f.reason(), f.getMessage(), List.of(), uri);
        }
        if (e instanceof ConflictException c) {
            return Problems.of(Response.Status.CONFLICT, c.reason(), c.getMessage(), List.of(), uri);
        }
        if (e instanceof RuleViolationException r && BAD_REQUEST_REASONS.contains(r.reason())) {
            return Problems.of(Response.Status.BAD_REQUEST, r.reason(), r.getMessage(), r.details(), uri);
        }
        if (e instanceof RuleViolationException r && DossierFiles.TOO_LARGE.equals(r.reason())) {
            return Problems.of(413, "Content Too Large", r.reason(), r.getMessage(), r.details(), uri);
        }
        if (e instanceof RuleViolationException r && DossierFiles.TYPE_NOT_ALLOWED.equals(r.reason())) {
            return Problems.of(415, "Unsupported Media Type", r.reason(), r.getMessage(), r.details(), uri);
        }
        if (e instanceof RuleViolationException r && "UNKNOWN_OPERATION".equals(r.reason())) {
            return Problems.of(Response.Status.NOT_FOUND, r.reason(), r.getMessage(), r.details(), uri);
        }
        if (e instanceof RuleViolationException r) {
            return Problems.of(422, "Unprocessable Content", r.reason(), r.getMessage(), r.details(), uri);
        }
        if (e instanceof DomainException d) {
            return Problems.of(422, "Unprocessable Content", d.reason(), d.getMessage(), List.of(), uri);
        }
        if (e instanceof BadInputException b) {
            return Problems.of(Response.Status.BAD_REQUEST, "INVALID_INPUT", b.getMessage(), b.errors(), uri);
        }
        if (e instanceof OptimisticLockException || e instanceof PessimisticLockException) {
            return Problems.of(Response.Status.CONFLICT, "CONCURRENT_CHANGE",
                "The dossier was changed by someone else at the same time; reload it and try again", List.of(), uri);
        }
        if (e instanceof ConstraintViolationException cv) {
            return Problems.of(Response.Status.BAD_REQUEST, "INVALID_INPUT", "Invalid input",
                cv.getConstraintViolations().stream().map(v -> v.getPropertyPath() + ": " + v.getMessage()).toList(), uri);
        }
        String unknown = unknownField(exception);
        if (unknown != null) {
            return Problems.of(Response.Status.BAD_REQUEST, "UNKNOWN_FIELD", "The request body has a field this operation"
                + " does not know; nothing was changed", List.of(unknown + ": not a field of this request"), uri);
        }
        if (e instanceof JsonbException || e instanceof ProcessingException || causedByJson(exception)) {
            return Problems.of(Response.Status.BAD_REQUEST, "MALFORMED_JSON",
                "The request body is not valid JSON for this operation", List.of(JsonErrors.describe(exception)), uri);
        }
        if (e instanceof IllegalArgumentException iae) {
            return Problems.of(Response.Status.BAD_REQUEST, "INVALID_INPUT", firstLine(iae.getMessage()), List.of(), uri);
        }
        if (e instanceof WebApplicationException w) {
            Response r = w.getResponse();
            int status = r.getStatus();
            String reason = status == 404 ? "NOT_FOUND" : status == 405 ? "METHOD_NOT_ALLOWED"
                : status == 415 ? "UNSUPPORTED_MEDIA_TYPE" : status == 406 ? "NOT_ACCEPTABLE"
                : status == 400 ? "MALFORMED_REQUEST" : "HTTP_" + status;
            String detail = status == 400 ? "Malformed request" : firstLine(w.getMessage());
            return Problems.of(status, r.getStatusInfo().getReasonPhrase(), reason, detail, List.of(), uri);
        }
        LOG.log(Level.SEVERE, "Unexpected error on " + (uri == null ? "?" : uri.getPath()), exception);
        return Problems.of(Response.Status.INTERNAL_SERVER_ERROR, "INTERNAL_ERROR",
            "An unexpected error occurred; nothing was changed. The server log has the details.", List.of(), uri);
    }

    private static final java.util.regex.Pattern UNKNOWN_PROPERTY =
        java.util.regex.Pattern.compile("Json property (\\S+) can not be mapped to a class");

    /** The field Yasson refused as unknown ({@link JsonConfig}), or null. */
    static String unknownField(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof JsonbException && t.getMessage() != null) {
                java.util.regex.Matcher m = UNKNOWN_PROPERTY.matcher(t.getMessage());
                if (m.find()) {
                    return m.group(1);
                }
            }
        }
        return null;
    }

    private static boolean causedByJson(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof JsonbException || t instanceof jakarta.json.JsonException) {
                return true;
            }
        }
        return false;
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "";
        }
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }
}
