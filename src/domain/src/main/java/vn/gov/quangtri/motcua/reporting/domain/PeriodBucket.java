package vn.gov.quangtri.motcua.reporting.domain;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/**
 * A figure of the period report (docs/domain.md §6) whose dossiers can be listed: the detailed buckets a dossier
 * falls in ({@link PeriodReport#classify}) and the sums of them. Each counted dossier is in exactly one of the
 * left-hand buckets (carried over, received online/direct/postal) and one of the right-hand ones (resolved
 * early/on time/late, in progress not due/overdue, stopped, withdrawn); refused dossiers are in {@link #REFUSED}
 * only, outside the balance. {@link #APOLOGIES} is beside the balance too.
 */
public enum PeriodBucket {
    CARRIED_OVER, RECEIVED_ONLINE, RECEIVED_DIRECT, RECEIVED_POSTAL,
    RESOLVED_EARLY, RESOLVED_ON_TIME, RESOLVED_LATE, IN_PROGRESS_NOT_DUE, IN_PROGRESS_OVERDUE, STOPPED, WITHDRAWN,
    REFUSED, APOLOGIES,
    /** Sum: received online + direct + postal. */
    RECEIVED,
    /** Sum: resolved early + on time + late. */
    RESOLVED,
    /** Sum: in progress not due + overdue. */
    IN_PROGRESS,
    /** Sum: carried over + received (tổng số hồ sơ phải giải quyết). */
    TO_PROCESS;

    /** The detailed buckets this figure adds up (itself for a detailed bucket). */
    public Set<PeriodBucket> parts() {
        return switch (this) {
            case RECEIVED -> EnumSet.of(RECEIVED_ONLINE, RECEIVED_DIRECT, RECEIVED_POSTAL);
            case RESOLVED -> EnumSet.of(RESOLVED_EARLY, RESOLVED_ON_TIME, RESOLVED_LATE);
            case IN_PROGRESS -> EnumSet.of(IN_PROGRESS_NOT_DUE, IN_PROGRESS_OVERDUE);
            case TO_PROCESS -> EnumSet.of(CARRIED_OVER, RECEIVED_ONLINE, RECEIVED_DIRECT, RECEIVED_POSTAL);
            default -> EnumSet.of(this);
        };
    }

    /** The JSON name, e.g. {@code resolvedLate}. */
    public String jsonName() {
        StringBuilder b = new StringBuilder();
        for (String part : name().toLowerCase(Locale.ROOT).split("_")) {
            b.append(b.isEmpty() ? part : Character.toUpperCase(part.charAt(0)) + part.substring(1));
        }
        return b.toString();
    }

    /**
     * The bucket of a JSON name ({@code resolvedLate}) or constant name ({@code RESOLVED_LATE}).
     *
     * @throws IllegalArgumentException for anything else
     */
    public static PeriodBucket parse(String name) {
        for (PeriodBucket b : values()) {
            if (b.jsonName().equals(name) || b.name().equalsIgnoreCase(name)) {
                return b;
            }
        }
        throw new IllegalArgumentException("Unknown figure: " + name);
    }
}
