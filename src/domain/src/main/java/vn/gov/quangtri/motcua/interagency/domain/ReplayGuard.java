package vn.gov.quangtri.motcua.interagency.domain;

import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Remembers the security tokens seen (for SOAP: message id and {@code wsu:Created}) until they expire, so that a
 * captured message sent again unchanged is refused (docs/cases.md C27) while a sender's retry, which carries a new
 * timestamp, is not. Tokens older than their expiry are refused by {@link SecurityTimestamp#check} anyway, so
 * memory holds at most one time-to-live of traffic. One instance per server (not shared across a cluster).
 */
public final class ReplayGuard {

    private final Map<String, Instant> seen = new ConcurrentHashMap<>();

    /**
     * Records a token.
     *
     * @param token     identifies the message instance (e.g. {@code messageId + "|" + created})
     * @param expiresAt until when the token must be remembered
     * @param now       the current moment (expired tokens are forgotten)
     * @return true the first time, false for a replay
     */
    public boolean firstSeen(String token, Instant expiresAt, Instant now) {
        seen.values().removeIf(until -> until.isBefore(now));
        return seen.putIfAbsent(token, expiresAt) == null;
    }
}
