package vn.gov.quangtri.motcua.reporting.domain;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import vn.gov.quangtri.motcua.dossier.domain.Channel;
import vn.gov.quangtri.motcua.dossier.domain.DossierStatus;
import vn.gov.quangtri.motcua.dossier.domain.Timeliness;

/**
 * What the Decision 766 indicators ({@link Indicators766}) need to know of one dossier: a flat read of the dossier, its
 * supplement requests (from its history) and its citizen rating. Moments are instants; days are Vietnam days.
 *
 * @param code               dossier code
 * @param agencyCode         receiving unit
 * @param agencyName         its name
 * @param procedureCode      procedure code of the dossier's snapshot
 * @param procedureName      procedure name of the snapshot
 * @param status             current status
 * @param channel            how it was submitted
 * @param receivedAt         acceptance, null if never received
 * @param clockStartedAt     start of the legal clock (the next working morning after a late intake), or null
 * @param dueAt              the appointment, extended by the clock pauses (the supplement time), never by an apology
 *                           (docs/domain.md §2.8, §3.4)
 * @param pausedAt           start of the current clock pause, or null
 * @param completedAt        result ready, reasoned rejection or stop; null while in progress
 * @param timeliness         early / on time / late as classified at completion (against {@code dueAt}), or null
 * @param supplementRequests how many supplement requests were made during processing
 * @param supplements        the supplement periods (request → delivery), in order; the last may be open
 * @param child              created by an inter-agency transfer (left out: it counts once, under its parent)
 * @param withdrawn          stopped because the applicant withdrew it
 * @param rated              the citizen rated the dossier (a rating with at least one answer exists)
 * @param disliked           the citizen's rating answered "Không hài lòng" to at least one criterion (implies rated)
 * @param files              what its attached files (not withdrawn) show, for the digitisation indicators
 * @param issuesElectronicResult its procedure issues the result electronically too ({@code Procedure.electronicResult}):
 *                           it counts in the denominators of 4.1 and 4.2
 */
public record IndicatorDossier(String code, String agencyCode, String agencyName, String procedureCode,
                               String procedureName, DossierStatus status, Channel channel, Instant receivedAt,
                               Instant clockStartedAt, Instant dueAt, Instant pausedAt, Instant completedAt,
                               Timeliness timeliness, int supplementRequests, List<Supplement> supplements,
                               boolean child, boolean withdrawn, boolean rated, boolean disliked, Files files,
                               boolean issuesElectronicResult) {

    /**
     * What a dossier's attached files show (issue 15 §1; Decision 766 group 4).
     *
     * @param any           at least one file is attached
     * @param reused        at least one component was taken from digitised data (the citizen's data store or a
     *                      national database) instead of being handed in again
     * @param fromDataStore at least one component was taken from the citizen's data store
     * @param digitised     at least one component was digitised (scanned at the desk or marked digitised)
     * @param electronicResult a result document is attached (purpose RESULT): the electronic result
     */
    public record Files(boolean any, boolean reused, boolean fromDataStore, boolean digitised, boolean electronicResult) {
        /** A dossier without files. */
        public static final Files NONE = new Files(false, false, false, false, false);

        /** Files without a digitised component or an electronic result. */
        public Files(boolean any, boolean reused, boolean fromDataStore) {
            this(any, reused, fromDataStore, false, false);
        }
    }

    /** One supplement period: from the request to the delivery ({@code deliveredAt} null while still owed). */
    public record Supplement(Instant requestedAt, Instant deliveredAt) {
        public Supplement {
            Objects.requireNonNull(requestedAt, "requestedAt");
        }
    }

    public IndicatorDossier {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(agencyCode, "agencyCode");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(channel, "channel");
        supplements = supplements == null ? List.of() : List.copyOf(supplements);
        files = files == null ? Files.NONE : files;
        if (disliked && !rated) {
            throw new IllegalArgumentException("disliked without a rating: " + code);
        }
    }

    /** The facts the period report classifies this dossier by (same buckets as {@link PeriodReport}). */
    DossierFacts facts() {
        return new DossierFacts(code, agencyCode, status, channel, receivedAt, dueAt, pausedAt, completedAt,
            timeliness, null, null, null, procedureCode, null, child, null, withdrawn);
    }
}
