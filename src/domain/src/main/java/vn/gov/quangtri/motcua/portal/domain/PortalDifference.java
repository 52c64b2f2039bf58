package vn.gov.quangtri.motcua.portal.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Objects;
import vn.gov.quangtri.motcua.shared.domain.InstantConverter;

/**
 * A difference between a dossier and the national portal's copy, found by the nightly reconciliation (issue 15 §4,
 * table {@code portal_difference}, V41). Open until a later run of the job checks the dossier again and no longer finds
 * it ({@link #resolve}); a run that finds the same difference again keeps the row and records itself
 * ({@link #foundAgain}).
 */
@Entity
@Table(name = "portal_difference")
@NamedQuery(name = "PortalDifference.openOf", query = "SELECT f FROM PortalDifference f WHERE f.dossierCode = :code"
    + " AND f.resolvedAt IS NULL ORDER BY f.id")
public class PortalDifference {

    @Id
    @SequenceGenerator(name = "portal_difference_seq", sequenceName = "portal_difference_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "portal_difference_seq")
    private Long id;

    @Column(name = "dossier_code", length = 40, nullable = false, updatable = false)
    private String dossierCode;

    @Enumerated(EnumType.STRING)
    @Column(name = "kind", length = 30, nullable = false, updatable = false)
    private PortalComparison.Kind kind;

    @Column(name = "ours", length = 1000, updatable = false)
    private String ours;

    @Column(name = "portal_value", length = 1000, updatable = false)
    private String portal;

    @Convert(converter = InstantConverter.class)
    @Column(name = "first_found_at", nullable = false, updatable = false)
    private Instant firstFoundAt;

    @Convert(converter = InstantConverter.class)
    @Column(name = "found_at", nullable = false)
    private Instant foundAt;

    @Column(name = "run_id")
    private Long runId;

    @Column(name = "resolved", nullable = false)
    private boolean resolved;

    @Convert(converter = InstantConverter.class)
    @Column(name = "resolved_at")
    private Instant resolvedAt;

    protected PortalDifference() {
    }

    /**
     * A new open difference.
     *
     * @param runId the batch execution that found it, null outside a job
     */
    public PortalDifference(String dossierCode, PortalComparison.Difference d, Instant now, Long runId) {
        this.dossierCode = Objects.requireNonNull(dossierCode, "dossierCode");
        this.kind = d.kind();
        this.ours = clip(d.ours());
        this.portal = clip(d.portal());
        this.firstFoundAt = Objects.requireNonNull(now, "now");
        this.foundAt = now;
        this.runId = runId;
    }

    /** Whether this row records exactly that difference (kind and both values). */
    public boolean sameAs(PortalComparison.Difference d) {
        return kind == d.kind() && Objects.equals(ours, clip(d.ours())) && Objects.equals(portal, clip(d.portal()));
    }

    /** A later run found it again. */
    public void foundAgain(Instant now, Long run) {
        foundAt = now;
        runId = run;
    }

    /** A later run checked the dossier and no longer finds it. */
    public void resolve(Instant now) {
        resolved = true;
        resolvedAt = now;
    }

    private static String clip(String s) {
        return s == null ? null : s.length() > 1000 ? s.substring(0, 999) + "…" : s;
    }

    public Long id() {
        return id;
    }

    public String dossierCode() {
        return dossierCode;
    }

    public PortalComparison.Kind kind() {
        return kind;
    }

    /** Our value, null when we have none. */
    public String ours() {
        return ours;
    }

    /** The portal's value, null when it has none or does not know the dossier. */
    public String portal() {
        return portal;
    }

    /** When a run first found it. */
    public Instant firstFoundAt() {
        return firstFoundAt;
    }

    /** When a run last found it. */
    public Instant foundAt() {
        return foundAt;
    }

    /** The batch execution that last found it, null outside a job. */
    public Long runId() {
        return runId;
    }

    public boolean resolved() {
        return resolved;
    }

    public Instant resolvedAt() {
        return resolvedAt;
    }
}
