package vn.gov.quangtri.motcua.api.rest.dossier;

import jakarta.ejb.EJB;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.EntityPart;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import vn.gov.quangtri.motcua.api.rest.BodyLimit;
import vn.gov.quangtri.motcua.api.rest.Params;
import vn.gov.quangtri.motcua.api.rest.Problems;
import vn.gov.quangtri.motcua.api.rest.Times;
import vn.gov.quangtri.motcua.dossier.application.DossierFiles;
import vn.gov.quangtri.motcua.dossier.application.FileRules;
import vn.gov.quangtri.motcua.dossier.domain.DossierFile;
import vn.gov.quangtri.motcua.dossier.domain.FilePurpose;
import vn.gov.quangtri.motcua.dossier.domain.FileSource;

/**
 * The electronic files of a dossier (issue 15 §1): {@code POST /api/v1/dossiers/{code}/files} attaches one
 * (multipart/form-data), {@code GET .../files} lists them, {@code GET .../files/{id}} downloads one with its name
 * intact, {@code POST .../files/{id}/withdraw} withdraws one attached by mistake. Scope and roles are those of the
 * dossier: another unit's dossier answers 404 like a missing one.
 */
@Path("v1/dossiers/{code}/files")
@Produces(MediaType.APPLICATION_JSON)
public class DossierFileResource {

    /** Form fields an upload may carry besides {@code file}. */
    private static final Set<String> FIELDS = Set.of("file", "component", "purpose", "source", "digitised", "reused",
        "documentNumber", "documentDate", "documentSigner");

    @EJB
    private DossierFiles files;

    @Context
    private UriInfo uri;

    /**
     * A file as listed.
     *
     * @param id        the file's number
     * @param fileName  the name exactly as given (NFC)
     * @param mediaType the type detected from the content
     * @param size      bytes
     * @param sha256    SHA-256 of the bytes, hex
     * @param pages     pages of a PDF, else null
     * @param component position of the dossier component it copies, or null
     * @param purpose   INTAKE, SUPPLEMENT, APPRAISAL or RESULT
     * @param source    DESK_SCAN, CITIZEN_UPLOAD, CITIZEN_DATA_STORE, NATIONAL_DATABASE, PARTNER_TRANSFER, AGENCY
     * @param digitised counts as digitised (Decision 766)
     * @param reused    counts as re-used data (Decision 766)
     * @param attachedBy account that attached it
     * @param attachedAt when, ISO-8601 with the Vietnam offset
     * @param withdrawnAt when it was withdrawn, or null
     * @param withdrawnBy who withdrew it, or null
     * @param withdrawnReason why, or null
     * @param signature the digital signature of a PDF as read at attachment
     * @param documentNumber number of a result document, or null
     * @param documentDate   date of a result document (YYYY-MM-DD), or null
     * @param documentSigner signer of a result document as printed on it, or null
     * @param download  the address of its bytes
     */
    public record FileDto(long id, String fileName, String mediaType, long size, String sha256, Integer pages,
                          Integer component, String purpose, String source, boolean digitised, boolean reused,
                          String attachedBy, String attachedAt, String withdrawnAt, String withdrawnBy,
                          String withdrawnReason, SignatureDto signature, String documentNumber, String documentDate,
                          String documentSigner, String download) {
    }

    /**
     * The digital signature of a PDF (issue 15 §2).
     *
     * @param status   NOT_SIGNED, VALID (correct and chaining to a configured trust anchor), UNTRUSTED (correct,
     *                 anchor not trusted or none configured), INVALID (changed after signing or unreadable)
     * @param count    signatures in the file (the last one is described)
     * @param signer   certificate common name of the signer, or null
     * @param signedAt signing time, ISO-8601 with the Vietnam offset, or null
     * @param detail   why the status is what it is (English), or null
     */
    public record SignatureDto(String status, int count, String signer, String signedAt, String detail) {
    }

    /** @param reason why the file is withdrawn (required) */
    public record WithdrawDto(String reason) {
    }

    /**
     * Attaches a file: multipart/form-data with the part {@code file} (its {@code filename} is kept exactly) and
     * optional fields {@code component}, {@code purpose}, {@code source}, {@code digitised}, {@code reused}, and for
     * a result document ({@code purpose=RESULT}) {@code documentNumber}, {@code documentDate} (YYYY-MM-DD),
     * {@code documentSigner}. A PDF's digital signature is read and checked on arrival.
     */
    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @BodyLimit(name = "files", kib = 21 * 1024)
    @Operation(summary = "Attach a file (scan or upload) to a dossier; the type is read from the content")
    @APIResponse(responseCode = "201", description = "the file as listed; Location is its download address")
    @APIResponse(responseCode = "400", description = "INVALID_INPUT (no file part, unknown field, malformed component),"
        + " INVALID_FILE_NAME, CONTROL_CHARACTER, FILE_UNREADABLE, FILE_EMPTY, NOT_A_RESULT")
    @APIResponse(responseCode = "422", description = "UNKNOWN_COMPONENT: the dossier has no component at that position")
    @APIResponse(responseCode = "413", description = "FILE_TOO_LARGE (motcua.files.max-bytes, default 20 MiB)")
    @APIResponse(responseCode = "415", description = "FILE_TYPE_NOT_ALLOWED (motcua.files.types)")
    public Response attach(@PathParam("code") String code, List<EntityPart> parts) {
        String c = DossierResource.checked(code);
        Map<String, EntityPart> byName = new java.util.HashMap<>();
        List<String> problems = new ArrayList<>();
        for (EntityPart p : parts == null ? List.<EntityPart>of() : parts) {
            if (p.getName() == null) {
                problems.add("a part without a name (Content-Disposition: form-data; name=\"…\")");
            } else if (!FIELDS.contains(p.getName())) {
                problems.add(p.getName() + ": unknown field; expected " + FIELDS);
            } else if (byName.putIfAbsent(p.getName(), p) != null) {
                problems.add(p.getName() + ": given twice");
            }
        }
        EntityPart file = byName.get("file");
        if (file == null) {
            problems.add("file: required (a part named 'file' with a filename)");
        }
        if (!problems.isEmpty()) {
            throw Problems.badInput("The upload is not as expected", problems);
        }
        DossierFiles.Attachment given = new DossierFiles.Attachment(
            optionalInt("component", text(byName.get("component"))),
            Params.enumValue("purpose", text(byName.get("purpose")), FilePurpose.class),
            Params.enumValue("source", text(byName.get("source")), FileSource.class),
            bool("digitised", text(byName.get("digitised"))),
            bool("reused", text(byName.get("reused"))),
            result(text(byName.get("documentNumber")), text(byName.get("documentDate")),
                text(byName.get("documentSigner"))));
        java.nio.file.Path temp = null;
        try {
            temp = Files.createTempFile("motcua-upload-", ".bin");
            copyAtMost(file.getContent(), temp, FileRules.current());
            DossierFile attached = files.attach(c, headerFileName(file.getFileName().orElse(null)), temp, given);
            return Response.created(uri.getBaseUriBuilder().path("v1/dossiers/{code}/files/{id}")
                .build(c, attached.id())).entity(dto(attached)).build();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            if (temp != null) {
                try {
                    Files.deleteIfExists(temp);
                } catch (IOException ignored) {
                    // a temporary file; the system cleans its directory
                }
            }
        }
    }

    /**
     * The file name of a part as the client wrote it. Browsers and most clients put the name's UTF-8 bytes as they
     * are in the part's header, which Jersey reads as ISO-8859-1 ({@code "Đơn"} arrives as {@code "Ä\u0090Æ¡n"}):
     * a name made only of such characters whose bytes are well-formed UTF-8 is decoded again as UTF-8. Any other
     * name (ASCII, or a real ISO-8859-1 name that is not UTF-8) is kept as read.
     */
    static String headerFileName(String name) {
        if (name == null || name.chars().allMatch(ch -> ch < 0x80) || name.chars().anyMatch(ch -> ch > 0xFF)) {
            return name;
        }
        try {
            return StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(java.nio.charset.CodingErrorAction.REPORT)
                .onUnmappableCharacter(java.nio.charset.CodingErrorAction.REPORT)
                .decode(java.nio.ByteBuffer.wrap(name.getBytes(StandardCharsets.ISO_8859_1))).toString();
        } catch (java.nio.charset.CharacterCodingException notUtf8) {
            return name;
        }
    }

    /** Copies a part's bytes into a file, refusing (413) as soon as they pass the limit. */
    private static void copyAtMost(InputStream in, java.nio.file.Path target, FileRules rules) throws IOException {
        try (InputStream from = in; var out = Files.newOutputStream(target)) {
            byte[] buffer = new byte[65536];
            long total = 0;
            int n;
            while ((n = from.read(buffer)) > 0) {
                total += n;
                if (total > rules.maxBytes()) {
                    throw DossierFiles.tooLarge(rules);
                }
                out.write(buffer, 0, n);
            }
        }
    }

    /** The files of a dossier, oldest first (withdrawn ones too, marked). */
    @GET
    @Operation(summary = "The files of a dossier")
    public List<FileDto> list(@PathParam("code") String code) {
        String c = DossierResource.checked(code);
        return files.list(c).stream().map(this::dto).toList();
    }

    /** A file's bytes, with its media type and its name in {@code Content-Disposition} (RFC 6266 / 8187). */
    @GET
    @Path("{id}")
    @Produces(MediaType.WILDCARD)
    @Operation(summary = "Download a file of a dossier, with its original name")
    @APIResponse(responseCode = "200", description = "the bytes; ETag is the SHA-256")
    public Response download(@PathParam("code") String code, @PathParam("id") String id) {
        String c = DossierResource.checked(code);
        DossierFiles.Download d = files.download(c, fileId(id));
        return vn.gov.quangtri.motcua.api.rest.FileResponses.download(d);
    }

    /** Withdraws a file attached by mistake (kept, listed as withdrawn with who, when and why). */
    @POST
    @Path("{id}/withdraw")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Withdraw a file attached by mistake (it stays listed, marked withdrawn)")
    public FileDto withdraw(@PathParam("code") String code, @PathParam("id") String id, WithdrawDto body) {
        String c = DossierResource.checked(code);
        return dto(files.withdraw(c, fileId(id), body == null ? null : body.reason()));
    }

    private static DossierFiles.ResultParticulars result(String number, String date, String signer) {
        if (number == null && date == null && signer == null) {
            return null;
        }
        return new DossierFiles.ResultParticulars(number, date == null || date.isBlank() ? null
            : Times.parseDate("documentDate", date.strip()), signer);
    }

    private FileDto dto(DossierFile f) {
        var sig = f.signature();
        return new FileDto(f.id(), f.fileName().value(), f.mediaType(), f.sizeBytes(), f.sha256(), f.pages(),
            f.componentPosition(), f.purpose().name(), f.source().name(), f.digitised(), f.reused(), f.attachedBy(),
            Times.format(f.attachedAt()), f.withdrawnAt() == null ? null : Times.format(f.withdrawnAt()),
            f.withdrawnBy(), f.withdrawnReason(),
            new SignatureDto(sig.status().name(), sig.count(), sig.signer(),
                sig.signedAt() == null ? null : Times.format(sig.signedAt()), sig.detail()),
            f.documentNumber(), f.documentDate() == null ? null : f.documentDate().toString(), f.documentSigner(),
            uri.getBaseUriBuilder().path("v1/dossiers/{code}/files/{id}").build(f.dossierCode(), f.id()).toString());
    }

    private static long fileId(String id) {
        try {
            long n = Long.parseLong(id);
            if (n > 0) {
                return n;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw new jakarta.ws.rs.NotFoundException("no file " + id);
    }

    private static String text(EntityPart part) {
        if (part == null) {
            return null;
        }
        try {
            return new String(part.getContent().readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Integer optionalInt(String name, String value) {
        return value == null || value.isBlank() ? null : Params.integer(name, value, 0, 1, 1000);
    }

    private static Boolean bool(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        return switch (value.strip().toLowerCase(java.util.Locale.ROOT)) {
            case "true" -> Boolean.TRUE;
            case "false" -> Boolean.FALSE;
            default -> throw Problems.badInput("Parameter '" + name + "' is not true or false",
                List.of(name + ": true or false"));
        };
    }
}
