package vn.gov.quangtri.motcua.dossier.application;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;

/**
 * Where the bytes of attached files are kept (issue 15 §1). A store joins the caller's JTA transaction: what it puts
 * during a transaction that rolls back is gone afterwards, and what it puts during one that commits stays. Keys
 * start with the store's {@link #prefix()}, so that a file keeps being found after the configured store changed.
 */
public interface FileStore {

    /** The start of every key this store gives, e.g. {@code db:}. */
    String prefix();

    /**
     * Keeps a file's bytes.
     *
     * @param content a readable file holding the bytes (the caller deletes it afterwards)
     * @param sha256  its SHA-256, 64 hex digits (for stores that name or check by content)
     * @return the key to open it with, starting with {@link #prefix()}
     * @throws IOException when the bytes cannot be stored (the transaction should roll back)
     */
    String put(Path content, String sha256) throws IOException;

    /**
     * The bytes kept under a key, readable after the calling transaction ended.
     *
     * @throws IOException when they are not there (a {@code java.nio.file.NoSuchFileException} for a missing key)
     */
    InputStream open(String key) throws IOException;
}
