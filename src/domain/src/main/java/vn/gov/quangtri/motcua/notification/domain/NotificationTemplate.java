package vn.gov.quangtri.motcua.notification.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import vn.gov.quangtri.motcua.shared.domain.InstantConverter;
import vn.gov.quangtri.motcua.shared.domain.RuleViolationException;

/**
 * The text of one milestone in one language (table {@code notification_template}, V23, which brings the Vietnamese
 * and English defaults): e-mail subject and body, and the short text for SMS and Zalo, with {@code {{name}}}
 * placeholders ({@link TemplateText#PLACEHOLDERS}). System administrators edit it; the texts are rendered when a
 * notification is written, so an edit changes the messages of later milestones only.
 */
@Entity
@Table(name = "notification_template")
public class NotificationTemplate {

    /** Longest subject, body and short text (characters). */
    public static final int MAX_SUBJECT = 300;
    public static final int MAX_BODY = 4000;
    public static final int MAX_SHORT = 1000;

    @EmbeddedId
    private TemplateKey key;

    @Column(name = "subject", length = MAX_SUBJECT, nullable = false)
    private String subject;

    @Column(name = "body", length = MAX_BODY, nullable = false)
    private String body;

    @Column(name = "short_text", length = MAX_SHORT, nullable = false)
    private String shortText;

    @Convert(converter = InstantConverter.class)
    @Column(name = "updated_at")
    private Instant updatedAt;

    @Column(name = "updated_by", length = 100)
    private String updatedBy;

    @Version
    @Column(name = "version")
    private long version;

    /** For JPA only. */
    protected NotificationTemplate() {
    }

    /** A template (tests; the defaults come from V23). */
    public NotificationTemplate(Milestone milestone, String language, String subject, String body, String shortText) {
        this.key = new TemplateKey(milestone, language);
        this.subject = subject;
        this.body = body;
        this.shortText = shortText;
    }

    /**
     * Checks texts an administrator entered: all three required, within their lengths, and only known placeholders.
     *
     * @return problems as {@code "<field>: <what>"}, empty when all is well
     */
    public static List<String> problems(String subject, String body, String shortText) {
        List<String> errors = new ArrayList<>();
        check(errors, "subject", subject, MAX_SUBJECT);
        check(errors, "body", body, MAX_BODY);
        check(errors, "shortText", shortText, MAX_SHORT);
        return errors;
    }

    private static void check(List<String> errors, String field, String value, int max) {
        if (value == null || value.isBlank()) {
            errors.add(field + ": required");
            return;
        }
        if (value.length() > max) {
            errors.add(field + ": at most " + max + " characters");
        }
        for (String unknown : TemplateText.unknownPlaceholders(value)) {
            errors.add(field + ": unknown placeholder {{" + unknown + "}}");
        }
    }

    /**
     * Replaces the texts.
     *
     * @throws RuleViolationException {@code INVALID_TEMPLATE} listing every problem ({@link #problems})
     */
    public void edit(String subject, String body, String shortText, String by, Instant at) {
        List<String> errors = problems(subject, body, shortText);
        if (!errors.isEmpty()) {
            throw new RuleViolationException("INVALID_TEMPLATE", "The template " + key + " is not valid", errors);
        }
        this.subject = subject.strip();
        this.body = body.strip();
        this.shortText = shortText.strip();
        this.updatedBy = Objects.requireNonNull(by, "by");
        this.updatedAt = Objects.requireNonNull(at, "at");
    }

    public Milestone milestone() {
        return key.milestone();
    }

    public String language() {
        return key.language();
    }

    public String subject() {
        return subject;
    }

    public String body() {
        return body;
    }

    public String shortText() {
        return shortText;
    }

    /** Last edit; null for the default text. */
    public Instant updatedAt() {
        return updatedAt;
    }

    public String updatedBy() {
        return updatedBy;
    }

    public long version() {
        return version;
    }
}
