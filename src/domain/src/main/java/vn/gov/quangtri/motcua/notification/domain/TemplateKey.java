package vn.gov.quangtri.motcua.notification.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import java.io.Serializable;
import java.util.Objects;

/** Key of a {@link NotificationTemplate}: one text per milestone and language. */
@Embeddable
public class TemplateKey implements Serializable {

    private static final long serialVersionUID = 1L;

    @Enumerated(EnumType.STRING)
    @Column(name = "milestone", length = 30, nullable = false)
    private Milestone milestone;

    @Column(name = "language", length = 5, nullable = false)
    private String language;

    /** For JPA only. */
    protected TemplateKey() {
    }

    /** @param language {@code vi} or {@code en} */
    public TemplateKey(Milestone milestone, String language) {
        this.milestone = Objects.requireNonNull(milestone, "milestone");
        this.language = Objects.requireNonNull(language, "language");
    }

    public Milestone milestone() {
        return milestone;
    }

    public String language() {
        return language;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TemplateKey k && k.milestone == milestone && Objects.equals(k.language, language);
    }

    @Override
    public int hashCode() {
        return Objects.hash(milestone, language);
    }

    @Override
    public String toString() {
        return milestone + "/" + language;
    }
}
