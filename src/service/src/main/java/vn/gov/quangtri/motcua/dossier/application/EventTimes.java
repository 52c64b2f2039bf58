package vn.gov.quangtri.motcua.dossier.application;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import vn.gov.quangtri.motcua.dossier.domain.Dossier;
import vn.gov.quangtri.motcua.shared.domain.RuleViolationException;
import vn.gov.quangtri.motcua.shared.domain.VietnamTime;

/**
 * The business time of an action on a dossier (when it happened, as opposed to when it was recorded, which
 * {@code DossierEvent.recordedAt} keeps): the one rule for times given by an officer, an applicant's submission or
 * a partner system (docs/domain.md §3.4). A time may run ahead of the server clock by {@link #CLOCK_SKEW} at most;
 * that it is not before the dossier's latest event the dossier itself checks ({@code OUT_OF_ORDER}).
 */
public final class EventTimes {

    /** How far a given time may lie ahead of the server clock (clocks of other machines drift). */
    public static final Duration CLOCK_SKEW = Duration.ofMinutes(2);

    private EventTimes() {
    }

    /**
     * The time an action happened: the one given, or now.
     *
     * @param field the input field named in the error
     * @throws RuleViolationException {@code FUTURE_TIME} when the time lies ahead of now by more than the skew
     */
    public static Instant occurred(String field, Instant given, Instant now) {
        if (given == null) {
            return now;
        }
        if (given.isAfter(now.plus(CLOCK_SKEW))) {
            throw new RuleViolationException("FUTURE_TIME", field + " lies in the future: " + VietnamTime.offset(given),
                List.of(field + ": at most " + VietnamTime.offset(now)));
        }
        return given.isAfter(now) ? now : given;
    }

    /**
     * The time a partner's result or refusal happened, as the business time of the parent dossier's event: the
     * partner's own time (not the arrival here), held within the parent's latest event and now, since the two
     * systems' clocks differ a little.
     *
     * @throws RuleViolationException {@code FUTURE_TIME} when the partner's time lies ahead by more than the skew
     */
    public static Instant partner(Dossier parent, Instant partnerAt, Instant now) {
        Instant at = occurred("at", partnerAt, now);
        Instant latest = parent.history().isEmpty() ? at : parent.history().get(parent.history().size() - 1).occurredAt();
        return at.isBefore(latest) ? latest : at;
    }
}
