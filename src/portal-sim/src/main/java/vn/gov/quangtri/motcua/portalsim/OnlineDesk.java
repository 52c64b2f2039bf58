package vn.gov.quangtri.motcua.portalsim;

import com.sun.net.httpserver.HttpExchange;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.Normalizer;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The simulated portal's side of online submissions (issue 15 §3a): a citizen's dossier submitted on the national
 * portal, with its files, waiting for the one-stop system to take it. All under HTTP Basic (checked by
 * {@link PortalSimulator}):
 * <ul>
 *   <li>{@code POST /admin/online}: plants a submission as a citizen would make it: {@code MaHoSoQG} (the portal's
 *   dossier id, letters, digits, {@code . _ -}, at most 60; generated when absent), {@code MaTTHC} (procedure code),
 *   {@code MaDonVi} (receiving unit: our internal code or its electronic identifier), {@code ChuHoSo}
 *   ({@code HoTen} required, {@code SoGiayTo}, {@code SoDienThoai}, {@code DiaChi}, {@code Email}), {@code NgayNop}
 *   ({@code yyyyMMddHHmmss}, Vietnam time; now when absent), {@code TepDinhKem}: files with {@code TenTep} (kept
 *   exactly, NFC), {@code LoaiTep} (media type), {@code NoiDung} (the bytes, base64), {@code ThanhPhan} (position of
 *   the procedure's component, optional) and, to play a damaged file, {@code SHA256} (announced instead of the real
 *   one). 201 with the submission as listed; 409 for a taken id; 422 with the reason for a wrong body.</li>
 *   <li>{@code GET /api/dossiers/online?since=<cursor>&limit=<n>}: the submissions after a cursor in the portal's
 *   order ({@code since} 0 or absent: from the first; {@code limit} 1–500, default 50), each with its {@code cursor}
 *   and file references ({@code SoThuTu}, {@code TenTep}, {@code LoaiTep}, {@code KichThuoc}, {@code SHA256},
 *   {@code DuongDan}); {@code next} is the cursor to ask from next time.</li>
 *   <li>{@code GET /api/dossiers/online/{id}}: one submission with its state; {@code GET
 *   /api/dossiers/online/{id}/files/{n}}: the bytes of its file {@code n} (from 1).</li>
 *   <li>{@code POST /api/dossiers/online/{id}/ack} ({@code {"MaHoSo":…}}): the one-stop system took it as that
 *   dossier; repeated with the same code it answers the same, with another 409.</li>
 * </ul>
 */
final class OnlineDesk {

    private static final Pattern PORTAL_ID = Pattern.compile("[A-Za-z0-9._-]{1,60}");
    private static final Pattern FILE = Pattern.compile("/api/dossiers/online/([^/]+)/files/([0-9]{1,4})");
    private static final Pattern ONE = Pattern.compile("/api/dossiers/online/([^/]+)(/ack)?");
    private static final DateTimeFormatter MOMENT_FORMAT = DateTimeFormatter.ofPattern("yyyyMMddHHmmss")
        .withZone(ZoneId.of("Asia/Ho_Chi_Minh"));
    /** The largest plant body read: 40 MiB (base64 of about 30 MiB of files). */
    private static final int MAX_BODY = 40 << 20;

    private final OnlineStore store;

    /** @throws IOException when the data directory cannot be used */
    OnlineDesk(Path data) throws IOException {
        this.store = new OnlineStore(data);
    }

    /** Whether this class answers the request. */
    static boolean handles(String path, String method) {
        return path.equals("/admin/online") && method.equals("POST") || path.equals("/api/dossiers/online")
            || path.startsWith("/api/dossiers/online/");
    }

    /** Answers a request for which {@link #handles} said yes (signed in already). */
    void handle(HttpExchange x, String path, String method) throws IOException {
        if (path.equals("/admin/online")) {
            plant(x);
            return;
        }
        if (path.equals("/api/dossiers/online") && method.equals("GET")) {
            list(x);
            return;
        }
        Matcher f = FILE.matcher(path);
        if (f.matches() && method.equals("GET")) {
            file(x, f.group(1), Integer.parseInt(f.group(2)));
            return;
        }
        Matcher one = ONE.matcher(path);
        if (one.matches() && one.group(2) != null && method.equals("POST")) {
            ack(x, one.group(1));
        } else if (one.matches() && one.group(2) == null && method.equals("GET")) {
            Optional<OnlineStore.Submission> s = store.find(one.group(1));
            if (s.isEmpty()) {
                json(x, 404, problem("NOT_FOUND", "no online dossier " + one.group(1)));
            } else {
                json(x, 200, listed(s.get()));
            }
        } else {
            json(x, 404, problem("NOT_FOUND", method + " " + path));
        }
    }

    private void plant(HttpExchange x) throws IOException {
        JsonObject body = body(x);
        if (body == null) {
            json(x, 400, problem("REJECTED", "the body is not a JSON object"));
            return;
        }
        List<byte[]> contents = new ArrayList<>();
        JsonObject submission;
        try {
            submission = submission(body, store.nextCursor(), contents);
        } catch (IllegalArgumentException e) {
            json(x, 422, problem("REJECTED", e.getMessage()));
            return;
        }
        try {
            json(x, 201, listed(store.plant(submission, contents)));
        } catch (IllegalStateException e) {
            json(x, 409, problem("CONFLICT", e.getMessage()));
        }
    }

    /**
     * The description a plant body makes: checked, the files measured, their bytes put aside in {@code contents}.
     *
     * @throws IllegalArgumentException with the reason, in Vietnamese, for a wrong body
     */
    static JsonObject submission(JsonObject body, long cursor, List<byte[]> contents) {
        String id = SimStore.text(body, "MaHoSoQG");
        if (id == null) {
            id = "DVCQG-" + cursor;
        }
        if (!PORTAL_ID.matcher(id).matches()) {
            throw new IllegalArgumentException("MaHoSoQG chỉ gồm chữ, số và . _ - (tối đa 60 ký tự)");
        }
        String procedure = SimStore.text(body, "MaTTHC");
        String unit = SimStore.text(body, "MaDonVi");
        if (procedure == null || procedure.isBlank() || unit == null || unit.isBlank()) {
            throw new IllegalArgumentException("Thiếu MaTTHC hoặc MaDonVi");
        }
        JsonObject applicant = body.get("ChuHoSo") instanceof JsonObject o ? o : null;
        String name = applicant == null ? null : SimStore.text(applicant, "HoTen");
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("Thiếu ChuHoSo.HoTen");
        }
        String at = SimStore.text(body, "NgayNop");
        if (at == null) {
            at = MOMENT_FORMAT.format(java.time.Instant.now());
        } else if (!PortalSimulator.MOMENT.matcher(at).matches()) {
            throw new IllegalArgumentException("NgayNop phải theo dạng yyyyMMddHHmmss");
        }
        JsonArrayBuilder refs = Json.createArrayBuilder();
        JsonValue files = body.get("TepDinhKem");
        JsonArray list = files instanceof JsonArray a ? a : JsonValue.EMPTY_JSON_ARRAY;
        for (int i = 0; i < list.size(); i++) {
            if (!(list.get(i) instanceof JsonObject f)) {
                throw new IllegalArgumentException("TepDinhKem[" + i + "] không phải một đối tượng");
            }
            String fileName = SimStore.text(f, "TenTep");
            String content = SimStore.text(f, "NoiDung");
            if (fileName == null || fileName.isBlank() || content == null) {
                throw new IllegalArgumentException("TepDinhKem[" + i + "]: thiếu TenTep hoặc NoiDung");
            }
            byte[] bytes;
            try {
                bytes = Base64.getDecoder().decode(content);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("TepDinhKem[" + i + "].NoiDung không phải base64");
            }
            contents.add(bytes);
            String type = SimStore.text(f, "LoaiTep");
            String sha = SimStore.text(f, "SHA256");
            JsonObjectBuilder ref = Json.createObjectBuilder().add("SoThuTu", i + 1)
                .add("TenTep", Normalizer.normalize(fileName, Normalizer.Form.NFC))
                .add("LoaiTep", type == null ? "application/octet-stream" : type)
                .add("KichThuoc", bytes.length)
                .add("SHA256", sha == null ? sha256(bytes) : sha)
                .add("DuongDan", "/api/dossiers/online/" + id + "/files/" + (i + 1));
            Integer component = SimStore.integer(f, "ThanhPhan");
            if (component != null) {
                ref.add("ThanhPhan", component);
            }
            refs.add(ref);
        }
        JsonObjectBuilder who = Json.createObjectBuilder().add("HoTen", name);
        for (String k : List.of("SoGiayTo", "SoDienThoai", "DiaChi", "Email")) {
            String v = SimStore.text(applicant, k);
            if (v != null) {
                who.add(k, v);
            }
        }
        return Json.createObjectBuilder().add("MaHoSoQG", id).add("MaTTHC", procedure.strip())
            .add("MaDonVi", unit.strip()).add("ChuHoSo", who).add("NgayNop", at).add("TepDinhKem", refs).build();
    }

    private void list(HttpExchange x) throws IOException {
        long since;
        int limit;
        try {
            String s = query(x, "since");
            String l = query(x, "limit");
            since = s == null || s.isBlank() ? 0 : Long.parseLong(s);
            limit = l == null || l.isBlank() ? 50 : Integer.parseInt(l);
        } catch (NumberFormatException e) {
            json(x, 400, problem("REJECTED", "since and limit are whole numbers"));
            return;
        }
        if (since < 0 || limit < 1 || limit > 500) {
            json(x, 400, problem("REJECTED", "since ≥ 0, limit 1-500"));
            return;
        }
        JsonArrayBuilder items = Json.createArrayBuilder();
        long next = since;
        for (OnlineStore.Submission s : store.after(since, limit)) {
            items.add(listed(s));
            next = s.cursor();
        }
        json(x, 200, Json.createObjectBuilder().add("items", items).add("next", String.valueOf(next)).build());
    }

    private static JsonObject listed(OnlineStore.Submission s) {
        JsonObjectBuilder b = Json.createObjectBuilder().add("cursor", String.valueOf(s.cursor()));
        s.submission().forEach(b::add);
        b.add("TrangThai", s.ack() == null ? "CHO_TIEP_NHAN" : "DA_TIEP_NHAN");
        if (s.ack() != null) {
            b.add("MaHoSo", s.ack().getString("MaHoSo")).add("ThoiDiemTiepNhan", s.ack().getString("ackAt"));
        }
        return b.build();
    }

    private void file(HttpExchange x, String id, int n) throws IOException {
        Optional<OnlineStore.Submission> s = store.find(id);
        JsonArray refs = s.map(v -> v.submission().getJsonArray("TepDinhKem")).orElse(JsonValue.EMPTY_JSON_ARRAY);
        Optional<byte[]> bytes = n >= 1 && n <= refs.size() ? store.content(s.get().cursor(), n) : Optional.empty();
        if (bytes.isEmpty()) {
            json(x, 404, problem("NOT_FOUND", "no file " + n + " of " + id));
            return;
        }
        x.getResponseHeaders().set("Content-Type", refs.getJsonObject(n - 1).getString("LoaiTep"));
        x.sendResponseHeaders(200, bytes.get().length == 0 ? -1 : bytes.get().length);
        try (OutputStream out = x.getResponseBody()) {
            out.write(bytes.get());
        }
    }

    private void ack(HttpExchange x, String id) throws IOException {
        JsonObject body = body(x);
        String code = body == null ? null : SimStore.text(body, "MaHoSo");
        if (code == null || code.isBlank() || code.length() > 40) {
            json(x, 422, problem("REJECTED", "Thiếu hoặc sai MaHoSo"));
            return;
        }
        try {
            Optional<OnlineStore.Submission> s = store.ack(id, code);
            if (s.isEmpty()) {
                json(x, 404, problem("NOT_FOUND", "no online dossier " + id));
            } else {
                json(x, 200, listed(s.get()));
            }
        } catch (IllegalStateException e) {
            json(x, 409, problem("CONFLICT", e.getMessage()));
        }
    }

    /** The simulator page's part: the online submissions and whether the one-stop system took them. */
    String pageSection() {
        StringBuilder b = new StringBuilder("<h2>Hồ sơ nộp trực tuyến</h2>");
        List<OnlineStore.Submission> all = store.all();
        if (all.isEmpty()) {
            return b.append("<p>Chưa có hồ sơ nộp trực tuyến nào.</p>").toString();
        }
        b.append("<table><tr><th>#</th><th>Mã hồ sơ trên Cổng</th><th>Thủ tục</th><th>Đơn vị</th><th>Người nộp</th>"
            + "<th>Nộp lúc</th><th>Tệp</th><th>Hệ thống một cửa</th></tr>");
        for (OnlineStore.Submission s : all) {
            JsonObject m = s.submission();
            StringBuilder files = new StringBuilder();
            for (JsonValue v : m.getJsonArray("TepDinhKem")) {
                files.append(escape(((JsonObject) v).getString("TenTep"))).append("<br>");
            }
            b.append("<tr><td>").append(s.cursor()).append("</td><td>").append(escape(s.portalId()))
                .append("</td><td>").append(escape(m.getString("MaTTHC"))).append("</td><td>")
                .append(escape(m.getString("MaDonVi"))).append("</td><td>")
                .append(escape(m.getJsonObject("ChuHoSo").getString("HoTen"))).append("</td><td>")
                .append(escape(m.getString("NgayNop"))).append("</td><td>").append(files).append("</td><td>")
                .append(s.ack() == null ? "Chờ tiếp nhận" : "Đã lấy: <a href=\"#" + escape(s.ack().getString("MaHoSo"))
                    + "\">" + escape(s.ack().getString("MaHoSo")) + "</a>")
                .append("</td></tr>");
        }
        return b.append("</table>").toString();
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String query(HttpExchange x, String name) {
        String q = x.getRequestURI().getRawQuery();
        if (q == null) {
            return null;
        }
        for (String pair : q.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0 && pair.substring(0, eq).equals(name)) {
                return java.net.URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            }
        }
        return null;
    }

    private static String escape(String s) {
        return s == null ? "" : s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    private static JsonObject body(HttpExchange x) throws IOException {
        try (InputStream in = x.getRequestBody()) {
            byte[] bytes = in.readNBytes(MAX_BODY);
            try (JsonReader r = Json.createReader(new StringReader(new String(bytes, StandardCharsets.UTF_8)))) {
                return r.readObject();
            } catch (JsonException | IllegalStateException | ClassCastException e) {
                return null;
            }
        }
    }

    private static JsonObject problem(String status, String reason) {
        return Json.createObjectBuilder().add("status", status).add("reason", reason).build();
    }

    private static void json(HttpExchange x, int status, JsonObject body) throws IOException {
        byte[] bytes = body.toString().getBytes(StandardCharsets.UTF_8);
        x.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
        x.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = x.getResponseBody()) {
            out.write(bytes);
        }
    }
}
