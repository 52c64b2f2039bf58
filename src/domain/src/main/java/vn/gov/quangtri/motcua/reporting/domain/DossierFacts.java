package vn.gov.quangtri.motcua.reporting.domain;

import java.time.Instant;
import java.util.Objects;
import vn.gov.quangtri.motcua.agency.domain.AgencyLevel;
import vn.gov.quangtri.motcua.dossier.domain.Channel;
import vn.gov.quangtri.motcua.dossier.domain.Dossier;
import vn.gov.quangtri.motcua.dossier.domain.DossierAction;
import vn.gov.quangtri.motcua.dossier.domain.DossierEvent;
import vn.gov.quangtri.motcua.dossier.domain.DossierStatus;
import vn.gov.quangtri.motcua.dossier.domain.ProcessingClock;
import vn.gov.quangtri.motcua.dossier.domain.Timeliness;

/**
 * What the period statistics need to know of one dossier: a flat read of the {@link Dossier}
 * aggregate (the service reads these columns with one query instead of loading entities). Moments are
 * instants; periods compare them in Asia/Ho_Chi_Minh.
 *
 * @param code          dossier code
 * @param agencyCode    receiving unit (the unit the dossier counts for)
 * @param status        current status
 * @param channel       how it was submitted
 * @param receivedAt    acceptance (clock start of the record), null if never received
 * @param dueAt         the original appointment, extended by clock pauses only, never by an apology
 *                      (docs/domain.md §2.8); null if never received
 * @param pausedAt      start of the current clock pause, or null
 * @param completedAt   result ready, reasoned rejection or stop; null while in progress
 * @param timeliness    early / on time / late as classified at completion, or null
 * @param refusedAt     refusal at intake (form 03), or null
 * @param rescheduledAt when an apology with a new appointment (form 04) was issued, or null
 * @param agencyLevel   level of the receiving unit, or null when unknown
 * @param procedureCode procedure code of the dossier's snapshot, or null when unknown
 * @param field         the procedure's field (lĩnh vực), or null
 * @param child         created at this agency by an inter-agency transfer (counted once, under its parent, for the
 *                      province; docs/domain.md §2.6, §6)
 * @param parentCode    the parent's dossier code for a child, else null
 * @param withdrawn     stopped because the applicant withdrew it (rút hồ sơ), not by law or by the agency
 */
public record DossierFacts(String code, String agencyCode, DossierStatus status, Channel channel,
                           Instant receivedAt, Instant dueAt, Instant pausedAt, Instant completedAt,
                           Timeliness timeliness, Instant refusedAt, Instant rescheduledAt,
                           AgencyLevel agencyLevel, String procedureCode, String field, boolean child,
                           String parentCode, boolean withdrawn) {

    public DossierFacts {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(agencyCode, "agencyCode");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(channel, "channel");
    }

    /** The facts the unit report needs (no level, procedure, field; not a child; not withdrawn). */
    public DossierFacts(String code, String agencyCode, DossierStatus status, Channel channel,
                        Instant receivedAt, Instant dueAt, Instant pausedAt, Instant completedAt,
                        Timeliness timeliness, Instant refusedAt, Instant rescheduledAt) {
        this(code, agencyCode, status, channel, receivedAt, dueAt, pausedAt, completedAt, timeliness, refusedAt,
            rescheduledAt, null, null, null, false, null, false);
    }

    /** This dossier's facts with the refusal and apology moments of another read of it, where this one has none. */
    public DossierFacts mergeEvents(DossierFacts other) {
        return new DossierFacts(code, agencyCode, status, channel, receivedAt, dueAt, pausedAt, completedAt,
            timeliness, refusedAt != null ? refusedAt : other.refusedAt,
            rescheduledAt != null ? rescheduledAt : other.rescheduledAt, agencyLevel, procedureCode, field, child,
            parentCode, withdrawn);
    }

    /** Reads the facts of a dossier (its history gives the refusal and apology moments). */
    public static DossierFacts of(Dossier d) {
        Instant refused = null;
        Instant rescheduled = null;
        for (DossierEvent e : d.history()) {
            if (e.action() == DossierAction.REFUSE) {
                refused = e.occurredAt();
            } else if (e.action() == DossierAction.RESCHEDULE && rescheduled == null) {
                rescheduled = e.occurredAt();
            }
        }
        ProcessingClock c = d.clock();
        return new DossierFacts(d.code(), d.receivingAgency().code(), d.status(), d.channel(), c.receivedAt(),
            c.dueAt(), c.pausedAt(), c.completedAt(), c.timeliness(), refused, rescheduled, d.receivingAgency().level(),
            d.snapshot().code(), d.snapshot().field(), d.origin().child(), d.origin().parentCode(), d.withdrawn());
    }
}
