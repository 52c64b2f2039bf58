package vn.gov.quangtri.motcua.rating.domain;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.MapKeyColumn;
import jakarta.persistence.MapKeyEnumerated;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import vn.gov.quangtri.motcua.dossier.domain.Dossier;
import vn.gov.quangtri.motcua.dossier.domain.DossierAction;
import vn.gov.quangtri.motcua.dossier.domain.DossierEvent;
import vn.gov.quangtri.motcua.dossier.domain.DossierStatus;
import vn.gov.quangtri.motcua.dossier.domain.DossierStep;
import vn.gov.quangtri.motcua.shared.domain.ConflictException;
import vn.gov.quangtri.motcua.shared.domain.InstantConverter;
import vn.gov.quangtri.motcua.shared.domain.RuleViolationException;

/**
 * A citizen's satisfaction rating of one returned dossier (issue 13 §2; Decree 61/2018/NĐ-CP art. 32–33;
 * docs/domain.md §2.13). Tied to the dossier (one rating per dossier: unique {@code rating.dossier_code}, V22),
 * its receiving unit, its procedure (code, name, revision), the officers who handled it (table
 * {@code rating_officer}) and the channel, with the raw answer per criterion ({@code rating_answer}). It holds
 * nothing about who rated: no name, address, account or client address. Never changed once made.
 */
@Entity
@Table(name = "rating")
public class Rating {

    /** Longest comment kept, in characters. */
    public static final int COMMENT_LENGTH = 1000;

    @Id
    @SequenceGenerator(name = "rating_seq", sequenceName = "rating_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "rating_seq")
    private Long id;

    @Column(name = "dossier_code", length = 40, nullable = false, updatable = false)
    private String dossierCode;

    @Column(name = "agency_code", length = 60, nullable = false, updatable = false)
    private String agencyCode;

    @Column(name = "agency_name", length = 300, nullable = false, updatable = false)
    private String agencyName;

    @Column(name = "procedure_code", length = 40, nullable = false, updatable = false)
    private String procedureCode;

    @Column(name = "procedure_name", length = 2000, nullable = false, updatable = false)
    private String procedureName;

    @Column(name = "procedure_revision", nullable = false, updatable = false)
    private int procedureRevision;

    @Enumerated(EnumType.STRING)
    @Column(name = "channel", length = 20, nullable = false, updatable = false)
    private RatingChannel channel;

    @Convert(converter = InstantConverter.class)
    @Column(name = "rated_at", nullable = false, updatable = false)
    private Instant ratedAt;

    @Convert(converter = InstantConverter.class)
    @Column(name = "recorded_at", nullable = false, updatable = false)
    private Instant recordedAt;

    @Column(name = "comment_text", length = COMMENT_LENGTH, updatable = false)
    private String comment;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "rating_answer", joinColumns = @JoinColumn(name = "rating_id"))
    @MapKeyColumn(name = "criterion", length = 30)
    @MapKeyEnumerated(EnumType.STRING)
    @Enumerated(EnumType.STRING)
    @Column(name = "answer_level", length = 20, nullable = false)
    private Map<RatingCriterion, RatingLevel> answers = new EnumMap<>(RatingCriterion.class);

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "rating_officer", joinColumns = @JoinColumn(name = "rating_id"))
    @Column(name = "username", length = 100, nullable = false)
    private Set<String> officers = new LinkedHashSet<>();

    /** For JPA only. */
    protected Rating() {
    }

    /**
     * Rates a dossier whose result was handed over (status {@link DossierStatus#RETURNED}).
     *
     * @param d          the dossier (not a child of an inter-agency transfer: the service answers those like an
     *                   unknown code)
     * @param channel    where the rating was given
     * @param answers    the raw answer per criterion; at least one
     * @param comment    free text, may be null or blank; at most {@link #COMMENT_LENGTH} characters
     * @param ratedAt    business time: when the citizen gave it
     * @param recordedAt when the system stored it
     * @return the new rating (not yet persisted)
     * @throws ConflictException      {@code NOT_RETURNED} when the result has not been handed over
     * @throws RuleViolationException {@code NO_ANSWER} without answers, {@code COMMENT_TOO_LONG}
     */
    public static Rating of(Dossier d, RatingChannel channel, Map<RatingCriterion, RatingLevel> answers, String comment,
                            Instant ratedAt, Instant recordedAt) {
        Objects.requireNonNull(channel, "channel");
        if (d.status() != DossierStatus.RETURNED) {
            throw new ConflictException("NOT_RETURNED", "Dossier " + d.code() + " has not been returned to the applicant ("
                + d.status() + "): it can be rated once the result is handed over");
        }
        if (answers == null || answers.isEmpty()) {
            throw new RuleViolationException("NO_ANSWER", "A rating needs an answer to at least one criterion");
        }
        if (answers.containsKey(null) || answers.containsValue(null)) {
            throw new RuleViolationException("NO_ANSWER", "Every answer needs a criterion and a level");
        }
        String text = comment == null || comment.isBlank() ? null : comment.strip();
        if (text != null && text.length() > COMMENT_LENGTH) {
            throw new RuleViolationException("COMMENT_TOO_LONG", "A comment has at most " + COMMENT_LENGTH + " characters",
                java.util.List.of("comment: at most " + COMMENT_LENGTH + " characters"));
        }
        Rating r = new Rating();
        r.dossierCode = d.code();
        r.agencyCode = d.receivingAgency().code();
        r.agencyName = d.receivingAgencyName();
        r.procedureCode = d.snapshot().code();
        r.procedureName = d.snapshot().name();
        r.procedureRevision = d.snapshot().revision();
        r.channel = channel;
        r.ratedAt = Objects.requireNonNull(ratedAt);
        r.recordedAt = Objects.requireNonNull(recordedAt);
        r.comment = text;
        r.answers.putAll(answers);
        r.officers.addAll(officersOf(d));
        return r;
    }

    /**
     * The officers who handled a dossier: whoever received it and handed over its result (history) and whoever was
     * assigned or completed an internal step, in user-name order; in-process actors such as {@code system} excluded.
     */
    public static Set<String> officersOf(Dossier d) {
        Set<String> names = new TreeSet<>();
        for (DossierEvent e : d.history()) {
            if (e.action() == DossierAction.RECEIVE || e.action() == DossierAction.RETURN_RESULT
                || e.action() == DossierAction.COMPLETE_STEP || e.action() == DossierAction.APPROVE) {
                addName(names, e.actor());
            }
        }
        for (DossierStep s : d.steps()) {
            addName(names, s.handler());
            addName(names, s.completedBy());
        }
        names.remove("system");
        return names;
    }

    private static void addName(Set<String> names, String name) {
        if (name != null && !name.isBlank()) {
            names.add(name);
        }
    }

    public Long id() {
        return id;
    }

    public String dossierCode() {
        return dossierCode;
    }

    public String agencyCode() {
        return agencyCode;
    }

    public String agencyName() {
        return agencyName;
    }

    public String procedureCode() {
        return procedureCode;
    }

    public String procedureName() {
        return procedureName;
    }

    public int procedureRevision() {
        return procedureRevision;
    }

    public RatingChannel channel() {
        return channel;
    }

    public Instant ratedAt() {
        return ratedAt;
    }

    public Instant recordedAt() {
        return recordedAt;
    }

    public String comment() {
        return comment;
    }

    /** The raw answers, in the criteria's order. */
    public Map<RatingCriterion, RatingLevel> answers() {
        return Collections.unmodifiableMap(new EnumMap<>(answers));
    }

    /** The officers who handled the dossier, in user-name order. */
    public List<String> officers() {
        return List.copyOf(new TreeSet<>(officers));
    }
}
