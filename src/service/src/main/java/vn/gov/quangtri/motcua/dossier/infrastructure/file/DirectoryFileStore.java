package vn.gov.quangtri.motcua.dossier.infrastructure.file;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import java.util.UUID;
import org.eclipse.microprofile.config.ConfigProvider;
import vn.gov.quangtri.motcua.dossier.application.FileStore;
import vn.gov.quangtri.motcua.shared.domain.VietnamTime;

/**
 * Keeps file bytes in a directory of the server (MicroProfile Config {@code motcua.files.directory}), one file per
 * key under {@code yyyy/MM/}. A file is written under a temporary name and moved into place; when the caller's
 * transaction does not commit it is deleted again, so a rolled-back attachment leaves nothing behind.
 */
@ApplicationScoped
public class DirectoryFileStore implements FileStore {

    /** Key prefix of this store. */
    public static final String PREFIX = "dir:";

    @Resource
    private TransactionSynchronizationRegistry transactions;

    /** The directory given by a test, or null to read the configuration. */
    private final Path fixedRoot;

    /** For CDI: the directory comes from {@code motcua.files.directory}. */
    public DirectoryFileStore() {
        this.fixedRoot = null;
    }

    /** A store on a given directory and transaction registry (tests outside a container). */
    DirectoryFileStore(TransactionSynchronizationRegistry transactions, Path root) {
        this.transactions = transactions;
        this.fixedRoot = root;
    }

    @Override
    public String prefix() {
        return PREFIX;
    }

    /** The configured directory; {@code IOException} when none is configured. */
    Path root() throws IOException {
        if (fixedRoot != null) {
            return fixedRoot;
        }
        return Path.of(ConfigProvider.getConfig().getOptionalValue("motcua.files.directory", String.class)
            .orElseThrow(() -> new IOException("motcua.files.directory is not configured")));
    }

    @Override
    public String put(Path content, String sha256) throws IOException {
        LocalDate today = LocalDate.now(VietnamTime.ZONE);
        String relative = String.format("%04d/%02d/%s", today.getYear(), today.getMonthValue(), UUID.randomUUID());
        Path target = root().resolve(relative);
        Files.createDirectories(target.getParent());
        Path partial = target.resolveSibling(target.getFileName() + ".part");
        Files.copy(content, partial, StandardCopyOption.REPLACE_EXISTING);
        Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE);
        OnRollback.undo(transactions, target.toString(), () -> Files.deleteIfExists(target));
        return PREFIX + relative;
    }

    @Override
    public InputStream open(String key) throws IOException {
        if (!key.startsWith(PREFIX) || key.contains("..")) {
            throw new NoSuchFileException(key);
        }
        return Files.newInputStream(root().resolve(key.substring(PREFIX.length())));
    }
}
