package vn.gov.quangtri.motcua.portalsim;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.StringReader;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.regex.Pattern;

/**
 * A local stand-in for the National Public Service Portal's synchronisation interface (issue 15 §3), for the run
 * command and the tests. Interface (HTTP Basic with the configured account on {@code /api/} and {@code /admin/}):
 * <ul>
 *   <li>{@code POST /api/dossiers/sync}: one dossier message (JSON, fields of docs/domain.md §7). 200
 *   {@code ACCEPTED} ({@code DUPLICATE} for a {@code SoThuTu} already received, {@code ACCEPTED_WITH_GAP} with the
 *   number of {@code missing} messages when it skips some, e.g. after the sender discarded a refused one); 422
 *   {@code REJECTED} with the reason when a required field is missing or wrong (see {@link #check}) or when a refusal
 *   was planted for the dossier.</li>
 *   <li>{@code GET /api/dossiers/{code}}: the portal's current view; {@code GET /api/dossiers/{code}/history}: every
 *   message in the order received, with the moment it arrived.</li>
 *   <li>{@code PUT /admin/dossiers/{code}/status} ({@code {"TrangThaiHoSo":n}}): plants a difference (for the
 *   reconciliation); {@code POST /admin/reject-next} ({@code {"MaHoSo":…,"reason":…}}): the next message of that
 *   dossier is refused; {@code POST /admin/outage} ({@code {"down":true}}): every synchronisation is answered 503
 *   until {@code {"down":false}} (an outage without stopping the process).</li>
 *   <li>Online submissions (issue 15 §3a), see {@link OnlineDesk}: {@code POST /admin/online} plants one as a citizen
 *   would; {@code GET /api/dossiers/online?since=&limit=} lists them after a cursor, {@code GET
 *   /api/dossiers/online/{id}/files/{n}} serves a file, {@code POST /api/dossiers/online/{id}/ack} records that the
 *   one-stop system took it.</li>
 *   <li>{@code GET /}: a page listing the dossiers and their messages, and the online submissions; {@code GET
 *   /health}: 200.</li>
 * </ul>
 * Options: {@code --port} (8090), {@code --host} (127.0.0.1), {@code --data} (directory, {@code portal-sim-data}),
 * {@code --user} ({@code motcua}), {@code --password} ({@code motcua-portal-dev}).
 */
public final class PortalSimulator {

    private static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");
    /** Moments on the portal's interface: {@code yyyyMMddHHmmss}, Vietnam time. */
    static final Pattern MOMENT = Pattern.compile("\\d{14}");
    private static final Set<String> MOMENTS = Set.of("NgayTiepNhan", "NgayHenTra", "NgayKetThucXuLy", "NgayTraKetQua",
        "ThoiDiemSuKien");

    private final HttpServer server;
    private final SimStore store;
    private final OnlineDesk online;
    private final String authorization;
    private volatile boolean down;

    /**
     * Starts a simulator.
     *
     * @throws IOException when the port is taken or the data directory cannot be used
     */
    public PortalSimulator(String host, int port, Path data, String user, String password) throws IOException {
        this.store = new SimStore(data);
        this.online = new OnlineDesk(data);
        this.authorization = "Basic " + Base64.getEncoder().encodeToString((user + ":" + password)
            .getBytes(StandardCharsets.UTF_8));
        this.server = HttpServer.create(new InetSocketAddress(host, port), 50);
        server.createContext("/", this::handle);
        server.setExecutor(Executors.newFixedThreadPool(4));
        server.start();
    }

    /** The port it listens on. */
    public int port() {
        return server.getAddress().getPort();
    }

    /** Stops at once. */
    public void stop() {
        server.stop(0);
    }

    /** Command line: see the class description. */
    public static void main(String[] args) throws IOException {
        String host = "127.0.0.1";
        int port = 8090;
        Path data = Path.of("portal-sim-data");
        String user = "motcua";
        String password = "motcua-portal-dev";
        for (int i = 0; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--port" -> port = Integer.parseInt(args[i + 1]);
                case "--host" -> host = args[i + 1];
                case "--data" -> data = Path.of(args[i + 1]);
                case "--user" -> user = args[i + 1];
                case "--password" -> password = args[i + 1];
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        PortalSimulator s = new PortalSimulator(host, port, data, user, password);
        System.out.println("Portal simulator on http://" + host + ":" + s.port() + "/ (data in " + data.toAbsolutePath()
            + ")");
    }

    private void handle(HttpExchange x) throws IOException {
        try (x) {
            String path = x.getRequestURI().getRawPath();
            String method = x.getRequestMethod();
            if (path.equals("/health")) {
                send(x, 200, "text/plain", "ok");
                return;
            }
            if (path.equals("/") && method.equals("GET")) {
                send(x, 200, "text/html; charset=utf-8", page());
                return;
            }
            if (!authorization.equals(x.getRequestHeaders().getFirst("Authorization"))) {
                x.getResponseHeaders().add("WWW-Authenticate", "Basic realm=\"portal\"");
                json(x, 401, problem("UNAUTHORIZED", "wrong or missing credentials"));
                return;
            }
            if (OnlineDesk.handles(path, method)) {
                online.handle(x, path, method);
            } else if (path.equals("/api/dossiers/sync") && method.equals("POST") && down) {
                json(x, 503, problem("UNAVAILABLE", "the portal is down (simulated outage)"));
            } else if (path.equals("/api/dossiers/sync") && method.equals("POST")) {
                sync(x);
            } else if (path.equals("/admin/outage") && method.equals("POST")) {
                JsonObject body = body(x);
                down = body != null && body.getBoolean("down", false);
                x.sendResponseHeaders(204, -1);
            } else if (path.startsWith("/api/dossiers/") && method.equals("GET")) {
                String rest = decode(path.substring("/api/dossiers/".length()));
                if (rest.endsWith("/history")) {
                    history(x, rest.substring(0, rest.length() - "/history".length()));
                } else {
                    Optional<JsonObject> c = store.current(rest);
                    if (c.isPresent()) {
                        json(x, 200, c.get());
                    } else {
                        json(x, 404, problem("NOT_FOUND", "no dossier " + rest));
                    }
                }
            } else if (path.startsWith("/admin/dossiers/") && path.endsWith("/status") && method.equals("PUT")) {
                String code = decode(path.substring("/admin/dossiers/".length(), path.length() - "/status".length()));
                JsonObject body = body(x);
                Integer status = body == null ? null : SimStore.integer(body, "TrangThaiHoSo");
                if (status == null || status < 1 || status > 10 || store.current(code).isEmpty()) {
                    json(x, 422, problem("REJECTED", "a known dossier and TrangThaiHoSo 1-10 are required"));
                    return;
                }
                store.append("planted", Json.createObjectBuilder().add("MaHoSo", code).add("TrangThaiHoSo", status)
                    .build());
                json(x, 200, store.current(code).orElseThrow());
            } else if (path.equals("/admin/reject-next") && method.equals("POST")) {
                JsonObject body = body(x);
                String code = body == null ? null : SimStore.text(body, "MaHoSo");
                if (code == null) {
                    json(x, 422, problem("REJECTED", "MaHoSo is required"));
                    return;
                }
                String reason = SimStore.text(body, "reason");
                store.rejectNext(code, reason == null ? "Từ chối thử nghiệm" : reason);
                x.sendResponseHeaders(204, -1);
            } else {
                json(x, 404, problem("NOT_FOUND", method + " " + path));
            }
        } catch (RuntimeException e) {
            json(x, 500, problem("ERROR", e.getClass().getSimpleName()));
        }
    }

    private void sync(HttpExchange x) throws IOException {
        JsonObject m = body(x);
        if (m == null) {
            json(x, 400, problem("REJECTED", "the body is not a JSON object"));
            return;
        }
        String code = SimStore.text(m, "MaHoSo");
        Optional<String> wrong = check(m);
        if (wrong.isEmpty()) {
            Optional<String> planted = store.takeRejection(code);
            if (planted.isPresent()) {
                wrong = planted;
            }
        }
        if (wrong.isPresent()) {
            json(x, 422, problem("REJECTED", wrong.get()));
            return;
        }
        int seq = SimStore.integer(m, "SoThuTu");
        synchronized (store) {
            int last = store.lastSequence(code);
            if (seq <= last) {
                json(x, 200, Json.createObjectBuilder().add("status", "DUPLICATE").add("MaHoSo", code)
                    .add("SoThuTu", seq).build());
                return;
            }
            store.append("sync", m);
            if (seq != last + 1) {
                // A gap: a message the sender discarded after a refusal. Accepted (the portal keeps the latest state),
                // and said, so that a test or a person sees it.
                json(x, 200, Json.createObjectBuilder().add("status", "ACCEPTED_WITH_GAP").add("MaHoSo", code)
                    .add("SoThuTu", seq).add("missing", seq - last - 1).build());
                return;
            }
        }
        json(x, 200, Json.createObjectBuilder().add("status", "ACCEPTED").add("MaHoSo", code).add("SoThuTu", seq)
            .build());
    }

    /**
     * What the simulated portal refuses in a message: {@code MaHoSo} (at most 40 characters) and {@code MaTTHC}
     * missing, {@code TrangThaiHoSo} not 1–10, {@code KenhThucHien} not 1–3, {@code SoThuTu} not a whole number ≥ 1,
     * a moment not {@code yyyyMMddHHmmss}.
     *
     * @return the first problem, in Vietnamese, or empty
     */
    static Optional<String> check(JsonObject m) {
        String code = SimStore.text(m, "MaHoSo");
        if (code == null || code.isBlank() || code.length() > 40) {
            return Optional.of("Thiếu hoặc sai MaHoSo");
        }
        String procedure = SimStore.text(m, "MaTTHC");
        if (procedure == null || procedure.isBlank()) {
            return Optional.of("Thiếu MaTTHC (mã thủ tục hành chính)");
        }
        Integer status = SimStore.integer(m, "TrangThaiHoSo");
        if (status == null || status < 1 || status > 10) {
            return Optional.of("TrangThaiHoSo phải từ 1 đến 10");
        }
        Integer channel = SimStore.integer(m, "KenhThucHien");
        if (channel == null || channel < 1 || channel > 3) {
            return Optional.of("KenhThucHien phải là 1, 2 hoặc 3");
        }
        Integer seq = SimStore.integer(m, "SoThuTu");
        if (seq == null || seq < 1) {
            return Optional.of("Thiếu SoThuTu");
        }
        for (String key : MOMENTS) {
            if (m.containsKey(key) && m.get(key).getValueType() != jakarta.json.JsonValue.ValueType.NULL) {
                String v = SimStore.text(m, key);
                if (v == null || !MOMENT.matcher(v).matches()) {
                    return Optional.of(key + " phải theo dạng yyyyMMddHHmmss");
                }
            }
        }
        return Optional.empty();
    }

    private void history(HttpExchange x, String code) throws IOException {
        List<SimStore.Entry> h = store.history(code);
        if (h.isEmpty()) {
            json(x, 404, problem("NOT_FOUND", "no dossier " + code));
            return;
        }
        JsonArrayBuilder a = Json.createArrayBuilder();
        for (SimStore.Entry e : h) {
            a.add(Json.createObjectBuilder().add("receivedAt", e.receivedAt().toString()).add("kind", e.kind())
                .add("message", e.message()));
        }
        json(x, 200, Json.createObjectBuilder().add("MaHoSo", code).add("messages", a).build());
    }

    private String page() {
        DateTimeFormatter at = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm:ss").withZone(VIETNAM);
        StringBuilder b = new StringBuilder("<!DOCTYPE html><html lang=\"vi\"><head><meta charset=\"utf-8\">"
            + "<meta http-equiv=\"refresh\" content=\"5\"><title>Cổng DVCQG (giả lập)</title><style>"
            + "body{font-family:sans-serif;margin:1.5rem}table{border-collapse:collapse;margin-bottom:1.5rem}"
            + "td,th{border:1px solid #bbb;padding:.25rem .5rem;font-size:.9rem}th{background:#eef}</style></head><body>"
            + "<h1>Cổng Dịch vụ công quốc gia — giả lập đồng bộ hồ sơ</h1><p>Tự làm mới sau 5 giây. Thời gian theo giờ"
            + " Việt Nam.</p>");
        List<String> codes = store.codes();
        if (codes.isEmpty()) {
            b.append("<p>Chưa nhận hồ sơ nào.</p>");
        }
        for (String code : codes) {
            b.append("<h2 id=\"").append(escape(code)).append("\">").append(escape(code)).append("</h2><table><tr>"
                + "<th>#</th><th>Nhận lúc</th><th>Sự kiện</th><th>Thời điểm sự kiện</th><th>Trạng thái</th>"
                + "<th>Kênh</th><th>Ngày hẹn trả</th></tr>");
            for (SimStore.Entry e : store.history(code)) {
                JsonObject m = e.message();
                b.append("<tr><td>").append(e.kind().equals("sync") ? String.valueOf(m.getInt("SoThuTu", 0)) : "—")
                    .append("</td><td>").append(at.format(e.receivedAt())).append("</td><td>")
                    .append(escape(e.kind().equals("sync") ? SimStore.text(m, "SuKien") : "chênh lệch đặt tay"))
                    .append("</td><td>").append(escape(SimStore.text(m, "ThoiDiemSuKien"))).append("</td><td>")
                    .append(m.get("TrangThaiHoSo")).append("</td><td>").append(m.getOrDefault("KenhThucHien",
                        Json.createValue("")).toString()).append("</td><td>")
                    .append(escape(SimStore.text(m, "NgayHenTra"))).append("</td></tr>");
            }
            b.append("</table>");
        }
        return b.append(online.pageSection()).append("</body></html>").toString();
    }

    private static String escape(String s) {
        return s == null ? "" : s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    private static String decode(String s) {
        return URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8);
    }

    private static JsonObject body(HttpExchange x) throws IOException {
        try (InputStream in = x.getRequestBody()) {
            byte[] bytes = in.readNBytes(1 << 20);
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
        send(x, status, "application/json; charset=utf-8", body.toString());
    }

    private static void send(HttpExchange x, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        x.getResponseHeaders().set("Content-Type", type);
        x.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = x.getResponseBody()) {
            out.write(bytes);
        }
    }
}
