package vn.gov.quangtri.motcua.dossier.infrastructure.file;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The directory store (issue 15 §1): a rolled-back attachment leaves no file, a committed one keeps it. */
class DirectoryFileStoreTest {

    @TempDir
    Path root;

    @TempDir
    Path incoming;

    private Path content(String text) throws Exception {
        Path f = Files.createTempFile(incoming, "up", ".bin");
        Files.writeString(f, text);
        return f;
    }

    private long filesUnderRoot() throws Exception {
        try (Stream<Path> s = Files.walk(root)) {
            return s.filter(Files::isRegularFile).count();
        }
    }

    @Test
    void aCommittedFileStaysAndReadsBack() throws Exception {
        PretendTransaction tx = new PretendTransaction();
        DirectoryFileStore store = new DirectoryFileStore(tx, root);
        String key = store.put(content("bản quét"), "x");
        tx.end(Status.STATUS_COMMITTED);
        assertTrue(key.startsWith("dir:"), key);
        try (InputStream in = store.open(key)) {
            assertArrayEquals("bản quét".getBytes(java.nio.charset.StandardCharsets.UTF_8), in.readAllBytes());
        }
        assertEquals(1, filesUnderRoot());
    }

    @Test
    void aRolledBackFileIsDeleted() throws Exception {
        PretendTransaction tx = new PretendTransaction();
        DirectoryFileStore store = new DirectoryFileStore(tx, root);
        String key = store.put(content("nhầm"), "x");
        assertEquals(1, filesUnderRoot());
        tx.end(Status.STATUS_ROLLEDBACK);
        assertEquals(0, filesUnderRoot());
        assertThrows(NoSuchFileException.class, () -> store.open(key).close());
    }

    @Test
    void aKeyCannotLeaveTheDirectory() {
        DirectoryFileStore store = new DirectoryFileStore(new PretendTransaction(), root);
        assertThrows(NoSuchFileException.class, () -> store.open("dir:../../etc/passwd"));
        assertThrows(NoSuchFileException.class, () -> store.open("db:1234"));
    }
}
