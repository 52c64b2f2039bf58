package vn.gov.quangtri.motcua.dossier.infrastructure.file;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.UUID;
import javax.sql.DataSource;
import vn.gov.quangtri.motcua.dossier.application.FileStore;

/**
 * Keeps file bytes in the application's database (table {@code dossier_file_content}, V30): the default store, which
 * needs no setup and works on the embedded run. The insert uses the container's data source inside the caller's JTA
 * transaction, so the bytes commit or roll back with the file's row.
 */
@ApplicationScoped
public class DatabaseFileStore implements FileStore {

    /** Key prefix of this store. */
    public static final String PREFIX = "db:";

    @Resource(lookup = "jdbc/motcua")
    private DataSource dataSource;

    @Override
    public String prefix() {
        return PREFIX;
    }

    @Override
    public String put(Path content, String sha256) throws IOException {
        String key = PREFIX + UUID.randomUUID();
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement(
                 "INSERT INTO dossier_file_content (storage_key, content) VALUES (?, ?)");
             InputStream in = Files.newInputStream(content)) {
            ps.setString(1, key);
            ps.setBinaryStream(2, in, Files.size(content));
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new IOException("file bytes not stored", e);
        }
        return key;
    }

    @Override
    public InputStream open(String key) throws IOException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT content FROM dossier_file_content WHERE storage_key = ?")) {
            ps.setString(1, key);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    throw new NoSuchFileException(key);
                }
                return new ByteArrayInputStream(rs.getBytes(1));
            }
        } catch (SQLException e) {
            throw new IOException("file bytes not read", e);
        }
    }
}
