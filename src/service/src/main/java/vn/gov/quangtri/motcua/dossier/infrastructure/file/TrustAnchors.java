package vn.gov.quangtri.motcua.dossier.infrastructure.file;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The root certificates a signed result is checked against (issue 15 §2): the PEM or DER file named by MicroProfile
 * Config {@code motcua.files.trust-anchors} (for example the root of the Vietnamese government CA and of the licensed
 * public CAs). Read again when the file changes. Without it every correct signature is reported
 * {@code UNTRUSTED}, never {@code VALID}.
 */
public final class TrustAnchors {

    private static final Logger LOG = Logger.getLogger(TrustAnchors.class.getName());

    private static volatile Loaded loaded = new Loaded(null, -1, List.of());

    private record Loaded(Path path, long modified, List<X509Certificate> anchors) {
    }

    private TrustAnchors() {
    }

    /** The configured anchors; empty when none is configured or the file cannot be read (logged once per change). */
    public static List<X509Certificate> current() {
        Path path = ConfigProvider.getConfig().getOptionalValue("motcua.files.trust-anchors", String.class)
            .map(Path::of).orElse(null);
        if (path == null) {
            return List.of();
        }
        long modified;
        try {
            modified = Files.getLastModifiedTime(path).toMillis();
        } catch (IOException e) {
            modified = -2;
        }
        Loaded l = loaded;
        if (path.equals(l.path()) && modified == l.modified()) {
            return l.anchors();
        }
        List<X509Certificate> anchors = List.of();
        try (InputStream in = Files.newInputStream(path)) {
            anchors = List.copyOf(PdfSignatures.anchors(in));
        } catch (IOException | GeneralSecurityException e) {
            LOG.log(Level.WARNING, "motcua.files.trust-anchors {0} cannot be read: {1}", new Object[] {path, e.getMessage()});
        }
        loaded = new Loaded(path, modified, anchors);
        return anchors;
    }
}
