package vn.gov.quangtri.motcua.web.security;

import java.lang.reflect.Method;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The HTTP server of Payara 6 (Grizzly) knows no reason phrase for some statuses this application answers and writes
 * {@code CUSTOM} in their status line ({@code HTTP/1.1 429 CUSTOM}, {@code 422 CUSTOM}; issue 16, fresh-user trial).
 * This adds the standard phrases (RFC 9110, RFC 6585) to its table once, when the application starts: the table is
 * private, so it is reached by reflection through the class loader of the servlet container; when that fails
 * (another server, a changed Grizzly) nothing changes but the phrase, and a FINE line says so.
 */
final class ReasonPhrases {

    /** Statuses Grizzly's {@code HttpStatus} lacks, with their standard reason phrases. */
    static final Map<Integer, String> MISSING = Map.of(422, "Unprocessable Content", 426, "Upgrade Required",
        428, "Precondition Required", 429, "Too Many Requests", 511, "Network Authentication Required");

    private static final Logger LOG = Logger.getLogger(ReasonPhrases.class.getName());
    private static volatile boolean done;

    private ReasonPhrases() {
    }

    /**
     * Registers the missing phrases with the HTTP server's status table.
     *
     * @param containerObject any object of the servlet container (the servlet context), whose class loader sees
     *                        Grizzly's classes
     */
    static synchronized void register(Object containerObject) {
        if (done) {
            return;
        }
        done = true;
        try {
            Class<?> status = Class.forName("org.glassfish.grizzly.http.util.HttpStatus", true,
                containerObject.getClass().getClassLoader());
            Method lookup = status.getMethod("getHttpStatus", int.class);
            Method phrase = status.getMethod("getReasonPhrase");
            Method add = status.getDeclaredMethod("register", int.class, String.class);
            add.setAccessible(true);
            for (Map.Entry<Integer, String> e : MISSING.entrySet()) {
                if ("CUSTOM".equals(phrase.invoke(lookup.invoke(null, e.getKey())))) {
                    add.invoke(null, e.getKey(), e.getValue());
                }
            }
        } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
            LOG.log(Level.FINE, "Reason phrases not added to the HTTP server's table; statuses such as 429 keep its"
                + " own phrase", e);
        }
    }
}
