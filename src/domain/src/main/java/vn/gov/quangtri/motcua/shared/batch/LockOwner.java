package vn.gov.quangtri.motcua.shared.batch;

import java.time.Instant;
import java.util.Objects;

/**
 * The holder of a job lock: {@code <server>|<boot id>|<token>}. The server name identifies a Payara instance on a
 * host; the boot id changes at every start of that server, so a lock left by a previous life of this very server
 * is stale at once, while a lock held by another live server is stale only when its lease has expired.
 *
 * @param server the instance ({@code host/instance})
 * @param boot   the random id of that server's current start
 * @param token  random per execution start
 */
public record LockOwner(String server, String boot, String token) {

    public LockOwner {
        Objects.requireNonNull(server, "server");
        Objects.requireNonNull(boot, "boot");
        Objects.requireNonNull(token, "token");
    }

    /** The stored form. */
    public String text() {
        return server + "|" + boot + "|" + token;
    }

    /** Reads the stored form; null for null or a text without the two separators. */
    public static LockOwner parse(String text) {
        if (text == null) {
            return null;
        }
        String[] p = text.split("\\|", 3);
        return p.length == 3 ? new LockOwner(p[0], p[1], p[2]) : null;
    }

    /**
     * Why a held lock no longer protects a running execution, or null while it does.
     *
     * @param holder     the stored owner text (null: the lock is free, nothing is stale)
     * @param leaseUntil the holder's lease
     * @param me         this server's name and boot id (token ignored)
     * @param now        the current time
     */
    public static String staleReason(String holder, Instant leaseUntil, LockOwner me, Instant now) {
        if (holder == null) {
            return null;
        }
        LockOwner h = parse(holder);
        if (h != null && h.server.equals(me.server) && !h.boot.equals(me.boot)) {
            return "server " + h.server + " restarted while the execution ran";
        }
        if (leaseUntil == null || leaseUntil.isBefore(now)) {
            return "lease of " + (h == null ? holder : h.server) + " expired at " + leaseUntil
                + " (no heartbeat: server stopped or crashed)";
        }
        return null;
    }
}
