package vn.gov.quangtri.motcua.gate;

import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Answers every request that reaches the root web module with {@link GateAnswer#of} (any method; HEAD without a
 * body). {@code Retry-After}: system property {@code motcua.gate.retry-after}, else environment variable
 * {@code MOTCUA_GATE_RETRY_AFTER}, else {@value GateAnswer#DEFAULT_RETRY_AFTER} seconds.
 */
@WebServlet(urlPatterns = "/*")
public class MaintenanceServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    private final int retryAfter = retryAfter(System.getProperty("motcua.gate.retry-after",
        System.getenv("MOTCUA_GATE_RETRY_AFTER")));

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        // The path as the container resolved it (dot segments removed, decoded), not the raw request URI: a request
        // that only names /motcua/api before its "../" reaches this root module although it is not for the
        // application, and gets 404 rather than "the application is restarting".
        String path = request.getServletPath() + (request.getPathInfo() == null ? "" : request.getPathInfo());
        GateAnswer answer = GateAnswer.of(path.isEmpty() ? "/" : path, retryAfter);
        response.setStatus(answer.status());
        answer.headers().forEach(response::setHeader);
        byte[] body = answer.bytes();
        if (answer.contentType() != null) {
            response.setContentType(answer.contentType());
        }
        response.setContentLength(body.length);
        if (!"HEAD".equals(request.getMethod()) && body.length > 0) {
            response.getOutputStream().write(body);
        }
    }

    /** The configured seconds, or the default for a missing or unusable value (1 … 3600). */
    static int retryAfter(String configured) {
        try {
            int s = configured == null ? GateAnswer.DEFAULT_RETRY_AFTER : Integer.parseInt(configured.strip());
            return s >= 1 && s <= 3600 ? s : GateAnswer.DEFAULT_RETRY_AFTER;
        } catch (NumberFormatException e) {
            return GateAnswer.DEFAULT_RETRY_AFTER;
        }
    }
}
