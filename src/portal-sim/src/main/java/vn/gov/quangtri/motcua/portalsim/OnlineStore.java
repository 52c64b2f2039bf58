package vn.gov.quangtri.motcua.portalsim;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
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

/**
 * The dossiers citizens submitted online on the simulated portal (issue 15 §3a), waiting for the one-stop system to
 * take them: each with its place in the portal's order ({@code cursor} 1, 2, …), its description and file
 * references, and, once taken, our dossier code and the moment of the acknowledgement. Kept in memory and appended
 * to {@code <data>/online.jsonl} (one JSON object per line: {@code planted} or {@code ack}); the files' bytes are in
 * {@code <data>/online-files/<cursor>-<n>}. A restart keeps everything. Thread-safe: one lock.
 */
final class OnlineStore {

    /**
     * One submission.
     *
     * @param cursor      its place in the portal's order, from 1
     * @param submission  what the listing shows: {@code MaHoSoQG}, {@code MaTTHC}, {@code MaDonVi}, {@code ChuHoSo},
     *                    {@code NgayNop}, {@code TepDinhKem} (references, without the bytes)
     * @param plantedAt   when it was planted
     * @param ack         the acknowledgement ({@code MaHoSo}, {@code ackAt}), or null while not taken
     */
    record Submission(long cursor, JsonObject submission, Instant plantedAt, JsonObject ack) {

        String portalId() {
            return submission.getString("MaHoSoQG");
        }
    }

    private final Path file;
    private final Path files;
    private final Map<String, Submission> byId = new LinkedHashMap<>();
    private long last;

    /**
     * Opens the store in {@code dir} and replays what an earlier run kept.
     *
     * @throws IOException when the directory or the file cannot be read
     */
    OnlineStore(Path dir) throws IOException {
        Files.createDirectories(dir);
        this.file = dir.resolve("online.jsonl");
        this.files = dir.resolve("online-files");
        Files.createDirectories(files);
        if (Files.exists(file)) {
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                if (line.isBlank()) {
                    continue;
                }
                try (JsonReader r = Json.createReader(new StringReader(line))) {
                    apply(r.readObject());
                }
            }
        }
    }

    private void apply(JsonObject line) {
        String kind = line.getString("kind");
        if (kind.equals("planted")) {
            JsonObject s = line.getJsonObject("submission");
            long cursor = line.getJsonNumber("cursor").longValue();
            byId.put(s.getString("MaHoSoQG"), new Submission(cursor, s, Instant.parse(line.getString("at")), null));
            last = Math.max(last, cursor);
        } else if (kind.equals("ack")) {
            Submission s = byId.get(line.getString("MaHoSoQG"));
            if (s != null) {
                byId.put(s.portalId(), new Submission(s.cursor(), s.submission(), s.plantedAt(),
                    line.getJsonObject("ack")));
            }
        }
    }

    private void write(JsonObject line) throws IOException {
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
            StandardOpenOption.APPEND, StandardOpenOption.WRITE)) {
            w.write(line.toString());
            w.write('\n');
        }
        apply(line);
    }

    /** Whether a submission with this portal id exists. */
    synchronized boolean exists(String portalId) {
        return byId.containsKey(portalId);
    }

    /** The next cursor a planted submission will get. */
    synchronized long nextCursor() {
        return last + 1;
    }

    /**
     * Keeps a new submission: the bytes of its files first, then its line.
     *
     * @param submission the listing's description (its {@code TepDinhKem} without bytes)
     * @param contents   the files' bytes, in the order of {@code TepDinhKem}
     * @return the kept submission
     * @throws IllegalStateException when the portal id is taken
     */
    synchronized Submission plant(JsonObject submission, List<byte[]> contents) throws IOException {
        String id = submission.getString("MaHoSoQG");
        if (byId.containsKey(id)) {
            throw new IllegalStateException("MaHoSoQG " + id + " exists");
        }
        long cursor = last + 1;
        for (int n = 0; n < contents.size(); n++) {
            Files.write(files.resolve(cursor + "-" + (n + 1)), contents.get(n));
        }
        write(Json.createObjectBuilder().add("kind", "planted").add("cursor", cursor)
            .add("at", Instant.now().toString()).add("submission", submission).build());
        return byId.get(id);
    }

    /**
     * Records that the one-stop system took a submission as its dossier {@code code}.
     *
     * @return the submission after it, or empty when unknown
     * @throws IllegalStateException when it was taken already as another dossier
     */
    synchronized Optional<Submission> ack(String portalId, String code) throws IOException {
        Submission s = byId.get(portalId);
        if (s == null) {
            return Optional.empty();
        }
        if (s.ack() != null) {
            if (!s.ack().getString("MaHoSo").equals(code)) {
                throw new IllegalStateException("taken already as " + s.ack().getString("MaHoSo"));
            }
            return Optional.of(s);
        }
        write(Json.createObjectBuilder().add("kind", "ack").add("MaHoSoQG", portalId)
            .add("ack", Json.createObjectBuilder().add("MaHoSo", code).add("ackAt", Instant.now().toString()))
            .build());
        return Optional.of(byId.get(portalId));
    }

    /** A submission by its portal id. */
    synchronized Optional<Submission> find(String portalId) {
        return Optional.ofNullable(byId.get(portalId));
    }

    /** The submissions after {@code since} in the portal's order, at most {@code limit}. */
    synchronized List<Submission> after(long since, int limit) {
        List<Submission> out = new ArrayList<>();
        for (Submission s : byId.values()) {
            if (s.cursor() > since && out.size() < limit) {
                out.add(s);
            }
        }
        out.sort((a, b) -> Long.compare(a.cursor(), b.cursor()));
        return out;
    }

    /** Every submission, in the portal's order. */
    synchronized List<Submission> all() {
        return after(0, Integer.MAX_VALUE);
    }

    /** The bytes of file {@code n} (from 1) of the submission at {@code cursor}. */
    Optional<byte[]> content(long cursor, int n) throws IOException {
        Path p = files.resolve(cursor + "-" + n);
        return Files.exists(p) ? Optional.of(Files.readAllBytes(p)) : Optional.empty();
    }
}
