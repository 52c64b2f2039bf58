package vn.gov.quangtri.motcua.portalsim;

import jakarta.json.Json;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What the simulated portal holds: for each dossier code, every message received (in the order received, with the
 * moment it arrived) and the portal's current view of the dossier. Kept in memory and appended to
 * {@code <data>/received.jsonl} (one JSON object per line, flushed before the answer), so that a restart keeps the
 * history. Thread-safe: one lock for writes.
 */
final class SimStore {

    /** One entry of a dossier's history: a synchronisation message, or a difference planted by hand. */
    record Entry(Instant receivedAt, String kind, JsonObject message) {
    }

    private final Path file;
    private final Map<String, List<Entry>> byCode = new LinkedHashMap<>();
    private final Map<String, String> rejectNext = new ConcurrentHashMap<>();

    /**
     * Opens the store in {@code dir} (created when missing) and replays what an earlier run received.
     *
     * @throws IOException when the directory or the file cannot be read
     */
    SimStore(Path dir) throws IOException {
        Files.createDirectories(dir);
        this.file = dir.resolve("received.jsonl");
        if (Files.exists(file)) {
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                if (line.isBlank()) {
                    continue;
                }
                try (JsonReader r = Json.createReader(new StringReader(line))) {
                    JsonObject o = r.readObject();
                    JsonObject m = o.getJsonObject("message");
                    add(new Entry(Instant.parse(o.getString("receivedAt")), o.getString("kind"), m));
                }
            }
        }
    }

    private void add(Entry e) {
        byCode.computeIfAbsent(e.message().getString("MaHoSo"), k -> new ArrayList<>()).add(e);
    }

    /** Appends an entry, on disk first. */
    synchronized void append(String kind, JsonObject message) throws IOException {
        Entry e = new Entry(Instant.now(), kind, message);
        JsonObject line = Json.createObjectBuilder().add("receivedAt", e.receivedAt().toString()).add("kind", kind)
            .add("message", message).build();
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
            StandardOpenOption.APPEND, StandardOpenOption.WRITE)) {
            w.write(line.toString());
            w.write('\n');
        }
        add(e);
    }

    /** The highest {@code SoThuTu} received for a dossier, 0 when none. */
    synchronized int lastSequence(String code) {
        return byCode.getOrDefault(code, List.of()).stream().filter(e -> e.kind().equals("sync"))
            .mapToInt(e -> e.message().getInt("SoThuTu", 0)).max().orElse(0);
    }

    /** The entries of a dossier in the order received (empty when unknown). */
    synchronized List<Entry> history(String code) {
        return List.copyOf(byCode.getOrDefault(code, List.of()));
    }

    /** Every dossier code, in the order first received. */
    synchronized List<String> codes() {
        return List.copyOf(byCode.keySet());
    }

    /**
     * The portal's current view of a dossier: the members of the last synchronisation message, with the status of a
     * difference planted after it.
     */
    synchronized Optional<JsonObject> current(String code) {
        List<Entry> h = byCode.get(code);
        if (h == null || h.isEmpty()) {
            return Optional.empty();
        }
        Map<String, JsonValue> view = new LinkedHashMap<>();
        for (Entry e : h) {
            if (e.kind().equals("sync")) {
                view.putAll(e.message());
            } else {
                view.put("TrangThaiHoSo", e.message().get("TrangThaiHoSo"));
            }
        }
        view.put("SoLanNhan", Json.createValue(h.size()));
        return Optional.of(Json.createObjectBuilder(view).build());
    }

    /** Makes the next synchronisation message of {@code code} be refused with {@code reason}. */
    void rejectNext(String code, String reason) {
        rejectNext.put(code, reason);
    }

    /** The planted refusal for {@code code}, taken (once), if any. */
    Optional<String> takeRejection(String code) {
        return Optional.ofNullable(rejectNext.remove(code));
    }

    /** A text member, or null. */
    static String text(JsonObject o, String key) {
        JsonValue v = o.get(key);
        return v instanceof JsonString s ? s.getString() : null;
    }

    /** A whole-number member, or null when absent or not a whole number. */
    static Integer integer(JsonObject o, String key) {
        JsonValue v = o.get(key);
        if (v instanceof JsonNumber n && n.isIntegral()) {
            try {
                return n.intValueExact();
            } catch (ArithmeticException e) {
                return null;
            }
        }
        return null;
    }
}
