package vn.gov.quangtri.motcua.api.rest;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.InputStream;
import vn.gov.quangtri.motcua.dossier.application.DossierFiles;

/**
 * The answer that downloads a dossier's file (issue 15): its bytes streamed with the media type detected at
 * attachment, its original name in {@code Content-Disposition} (RFC 6266 / 8187: {@code filename*} in UTF-8 and an
 * ASCII fallback), its size, its SHA-256 as {@code ETag}, {@code nosniff} and {@code no-store}. The same for officers,
 * partner systems and citizens.
 */
public final class FileResponses {

    private FileResponses() {
    }

    /** The download of {@code d}; the stream is closed once written. */
    public static Response download(DossierFiles.Download d) {
        StreamingOutput body = out -> {
            try (InputStream in = d.content()) {
                in.transferTo(out);
            }
        };
        return Response.ok(body, d.file().mediaType())
            .header("Content-Disposition", d.file().fileName().contentDisposition("attachment"))
            .header("Content-Length", d.file().sizeBytes())
            .header("ETag", "\"" + d.file().sha256() + "\"")
            .header("X-Content-Type-Options", "nosniff")
            .header("Cache-Control", "no-store")
            .build();
    }
}
