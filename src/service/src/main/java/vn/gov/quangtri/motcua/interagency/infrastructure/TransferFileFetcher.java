package vn.gov.quangtri.motcua.interagency.infrastructure;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;
import vn.gov.quangtri.motcua.dossier.application.FileRules;
import vn.gov.quangtri.motcua.interagency.application.PartnerCalls;
import vn.gov.quangtri.motcua.interagency.application.TransferFiles;
import vn.gov.quangtri.motcua.interagency.domain.EndpointStyle;
import vn.gov.quangtri.motcua.interagency.domain.PartnerSystem;
import vn.gov.quangtri.motcua.interagency.domain.TransferFile;
import vn.gov.quangtri.motcua.shared.domain.DomainException;

/**
 * Fetches the files announced by received transfers from their senders (issue 15 §1), one run at a time, in the
 * outbox dispatcher's timer. For each due file it calls {@code GET <partner base>/api/v1/interagency/transfers/
 * {transferId}/files/{id}} with our API key for that partner ({@code X-Api-Key}); the partner base is a REST partner's
 * endpoint, or a SOAP partner's endpoint without its last path element ({@code …/InterAgencyService}). The bytes are
 * streamed to a temporary file while their SHA-256 is computed, and never more than the announced size is read.
 * Then {@link TransferFiles#receive} keeps or refuses them. A 404 refuses the file at once; no answer, 401/403 and
 * 5xx are tried again later with the outbox's back-off. A file announced larger than {@code motcua.files.max-bytes}
 * is refused without a call.
 */
public final class TransferFileFetcher {

    private static final Logger LOG = Logger.getLogger(TransferFileFetcher.class.getName());
    /** The download path under a partner's base. */
    public static final String PATH = "/api/v1/interagency/transfers/%s/files/%d";

    private final HttpClient http;
    private final Duration readTimeout;
    private final TransferFiles files;
    private final Function<String, Optional<PartnerSystem>> partners;
    private final PartnerCalls calls;

    /**
     * @param connectTimeout how long a connection may take
     * @param readTimeout    how long a whole answer may take
     * @param files          the transfer files service
     * @param partners       partner systems by code
     * @param calls          the checks before every partner call
     */
    public TransferFileFetcher(Duration connectTimeout, Duration readTimeout, TransferFiles files,
                               Function<String, Optional<PartnerSystem>> partners, PartnerCalls calls) {
        this.http = HttpClient.newBuilder().connectTimeout(connectTimeout).followRedirects(HttpClient.Redirect.NEVER)
            .version(HttpClient.Version.HTTP_1_1).build();
        this.readTimeout = readTimeout;
        this.files = files;
        this.partners = partners;
        this.calls = calls;
    }

    /** What one run did. */
    public record Summary(int received, int refused, int failed) {
    }

    /**
     * Tries every due file once (at most {@code limit}); to be called in a system task, without a transaction.
     */
    public Summary runOnce(int limit) {
        int received = 0;
        int refused = 0;
        int failed = 0;
        List<TransferFile> due = files.due(limit);
        for (TransferFile f : due) {
            TransferFile after = fetch(f);
            switch (after.state()) {
                case RECEIVED -> received++;
                case REFUSED -> refused++;
                default -> failed++;
            }
        }
        return new Summary(received, refused, failed);
    }

    private TransferFile fetch(TransferFile f) {
        long max = FileRules.current().maxBytes();
        if (f.sizeBytes() > max) {
            return files.refuse(f.id(), "Tệp lớn hơn giới hạn " + max + " byte của hệ thống nhận");
        }
        PartnerCalls.Target target = calls.target(partners.apply(f.partnerCode()), f.partnerCode());
        if (target.problem() != null) {
            return files.failed(f.id(), target.problem());
        }
        Path temp = null;
        try {
            temp = Files.createTempFile("motcua-transfer-", ".part");
            HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base(target.endpoint(), target.style())
                    + String.format(PATH, f.transferId(), f.remoteId())))
                .timeout(readTimeout).GET().header("Accept", "*/*");
            if (target.apiKey() != null) {
                b.header("X-Api-Key", target.apiKey());
            }
            HttpResponse<InputStream> answer = http.send(b.build(), HttpResponse.BodyHandlers.ofInputStream());
            int status = answer.statusCode();
            if (status != 200) {
                answer.body().close();
                if (status == 404) {
                    return files.refuse(f.id(), "Bên gửi không có tệp này (HTTP 404)");
                }
                return files.failed(f.id(), "HTTP " + status + " from partner " + f.partnerCode());
            }
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            long size = 0;
            try (InputStream in = answer.body(); OutputStream out = Files.newOutputStream(temp)) {
                byte[] buf = new byte[64 * 1024];
                int n;
                while ((n = in.read(buf)) > 0) {
                    size += n;
                    if (size > f.sizeBytes()) {
                        return files.refuse(f.id(), "Bên gửi trả nhiều hơn " + f.sizeBytes() + " byte đã báo");
                    }
                    sha.update(buf, 0, n);
                    out.write(buf, 0, n);
                }
            }
            String hex = HexFormat.of().formatHex(sha.digest());
            try {
                return files.receive(f.id(), temp, size, hex);
            } catch (DomainException e) {
                return files.refuse(f.id(), "Không nhận được tệp: " + e.getMessage());
            }
        } catch (IOException e) {
            return files.failed(f.id(), "No answer from partner " + f.partnerCode() + ": " + e.getClass().getSimpleName());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return files.failed(f.id(), "interrupted");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Fetching transfer file " + f.id() + " failed", e);
            return files.failed(f.id(), "Internal error: " + e.getClass().getSimpleName());
        } finally {
            if (temp != null) {
                try {
                    Files.deleteIfExists(temp);
                } catch (IOException e) {
                    LOG.fine(() -> "temporary file left: " + e);
                }
            }
        }
    }

    /**
     * The base a partner serves file downloads under: a REST endpoint itself, a SOAP endpoint without its last path
     * element; no trailing slash.
     */
    static String base(String endpoint, EndpointStyle style) {
        String e = endpoint.strip();
        while (e.endsWith("/")) {
            e = e.substring(0, e.length() - 1);
        }
        if (style == EndpointStyle.SOAP) {
            int slash = e.lastIndexOf('/');
            if (slash > e.indexOf("//") + 1) {
                e = e.substring(0, slash);
            }
        }
        return e;
    }
}
