package vn.gov.quangtri.motcua.interagency.domain;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import vn.gov.quangtri.motcua.shared.domain.DomainException;

/**
 * The WS-Security timestamp of a SOAP message ({@code wsse:Security/wsu:Timestamp}, OASIS WSS 1.1 §10): when
 * the message was created and, optionally, until when it is valid. Case C27 of docs/cases.md.
 *
 * <p>Outgoing: {@link #of(Instant, Duration)} writes {@code Created}/{@code Expires} in UTC with {@code Z}
 * ({@code 2026-03-02T02:00:00Z} for 09:00 Vietnam time), which every implementation accepts.
 * Incoming: any ISO-8601 moment with an offset is read; {@link #check} accepts a message created up to the
 * allowed clock skew in the future and refuses one that expired or is older than the time-to-live.
 *
 * @param created when the sender created the message
 * @param expires when it stops being valid, or null when the sender gave none
 */
public record SecurityTimestamp(Instant created, Instant expires) {

    /** WSS fault code for a stale or expired message. */
    public static final String MESSAGE_EXPIRED = "MessageExpired";
    /** WSS fault code for an unreadable or impossible timestamp. */
    public static final String INVALID_SECURITY = "InvalidSecurity";

    /** A timestamp created now (to the second) and valid for {@code ttl}. */
    public static SecurityTimestamp of(Instant now, Duration ttl) {
        Instant created = now.truncatedTo(ChronoUnit.SECONDS);
        return new SecurityTimestamp(created, created.plus(ttl));
    }

    /**
     * Reads the {@code Created} and {@code Expires} texts.
     *
     * @param expires may be null or blank
     * @throws Refused {@link #INVALID_SECURITY} when {@code Created} is missing or either is not an ISO-8601
     *                 moment with an offset
     */
    public static SecurityTimestamp parse(String created, String expires) {
        if (created == null || created.isBlank()) {
            throw new Refused(INVALID_SECURITY, "wsu:Timestamp without wsu:Created");
        }
        return new SecurityTimestamp(moment("Created", created), expires == null || expires.isBlank() ? null
            : moment("Expires", expires));
    }

    private static Instant moment(String name, String text) {
        try {
            return OffsetDateTime.parse(text.strip()).toInstant();
        } catch (DateTimeParseException e) {
            throw new Refused(INVALID_SECURITY, "wsu:" + name + " is not an ISO-8601 moment with an offset: " + text.strip());
        }
    }

    /** {@code Created} as written on the wire: UTC with {@code Z}. */
    public String createdText() {
        return created.toString();
    }

    /** {@code Expires} as written on the wire, or null. */
    public String expiresText() {
        return expires == null ? null : expires.toString();
    }

    /**
     * Checks the timestamp against the receiver's clock.
     *
     * @param now  the receiver's clock
     * @param skew how far the sender's clock may run ahead of ours ({@code Created} in our future)
     * @param ttl  how long after {@code Created} a message is still accepted, when it states no {@code Expires}
     *             (and at most, when it does)
     * @throws Refused {@link #INVALID_SECURITY} for a message created further in the future than the skew or
     *                 expiring before it was created; {@link #MESSAGE_EXPIRED} for one past its {@code Expires}
     *                 or its time-to-live
     */
    public void check(Instant now, Duration skew, Duration ttl) {
        if (created.isAfter(now.plus(skew))) {
            throw new Refused(INVALID_SECURITY, "wsu:Created " + created + " is "
                + Duration.between(now, created).toSeconds() + " s ahead of our clock " + now + " (allowed: "
                + skew.toSeconds() + " s)");
        }
        if (expires != null && expires.isBefore(created)) {
            throw new Refused(INVALID_SECURITY, "wsu:Expires " + expires + " is before wsu:Created " + created);
        }
        Instant limit = expires == null || expires.isAfter(created.plus(ttl)) ? created.plus(ttl) : expires;
        if (now.isAfter(limit)) {
            throw new Refused(MESSAGE_EXPIRED, "Message created " + created + " expired at " + limit + "; our clock "
                + now);
        }
    }

    /** A refused timestamp: {@link #reason()} is the WSS fault code ({@code wsse:} local name); the text names both clocks. */
    public static final class Refused extends DomainException {
        public Refused(String faultCode, String message) {
            super(faultCode, message);
        }

        /** {@link #MESSAGE_EXPIRED} or {@link #INVALID_SECURITY}. */
        public String faultCode() {
            return reason();
        }
    }
}
