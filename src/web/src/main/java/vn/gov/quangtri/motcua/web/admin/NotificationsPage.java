package vn.gov.quangtri.motcua.web.admin;

import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import vn.gov.quangtri.motcua.notification.application.Notifications;
import vn.gov.quangtri.motcua.notification.domain.Milestone;
import vn.gov.quangtri.motcua.notification.domain.Notification;
import vn.gov.quangtri.motcua.notification.domain.NotificationStatus;
import vn.gov.quangtri.motcua.notification.domain.NotificationTemplate;
import vn.gov.quangtri.motcua.notification.domain.TemplateText;
import vn.gov.quangtri.motcua.web.shell.Actions;
import vn.gov.quangtri.motcua.web.shell.CurrentUser;
import vn.gov.quangtri.motcua.web.shell.Messages;

/**
 * The applicants' notifications for administrators ({@code /app/admin/notifications.xhtml}): the outbox (status,
 * attempts, next attempt, reason; filter by status and dossier code) with "re-send" ({@link Notifications#resend},
 * audited), and the template editor with a preview rendered on invented facts; saving a template is for system
 * administrators ({@link Notifications#saveTemplate}, audited). The services check roles and units again.
 */
@Named
@ViewScoped
public class NotificationsPage implements Serializable {

    private static final long serialVersionUID = 1L;

    /** Rows shown. */
    static final int ROWS = 500;

    @EJB
    private Notifications notifications;

    @Inject
    private Actions actions;

    @Inject
    private Messages messages;

    @Inject
    private CurrentUser user;

    private String status;
    private String dossierCode;
    private transient List<Notification> rows;

    private String templateKey = Milestone.RECEIVED + "/vi";
    private String subject;
    private String body;
    private String shortText;
    private Long version;
    private Notifications.Preview preview;

    /** The outbox rows matching the filter, newest first. */
    public List<Notification> getRows() {
        if (rows == null) {
            NotificationStatus s = null;
            for (NotificationStatus candidate : NotificationStatus.values()) {
                if (candidate.name().equals(status)) {
                    s = candidate;
                }
            }
            NotificationStatus filter = s;
            List<Notification> found = actions.run(() -> notifications.list(filter, dossierCode, ROWS));
            rows = found == null ? List.of() : found;
        }
        return rows;
    }

    /** The statuses to filter by. */
    public NotificationStatus[] getStatuses() {
        return NotificationStatus.values();
    }

    /** Applies the filter. */
    public void search() {
        rows = null;
    }

    /** Puts a row back in the queue, due at once. */
    public void resend(long id) {
        Notification n = actions.run(() -> notifications.resend(id));
        if (n != null) {
            messages.info("notifications.resent", n.dossierCode());
        }
        rows = null;
    }

    // ---- templates ----

    /** The templates' keys, {@code MILESTONE/language}, for the editor's choice. */
    public List<String> getTemplateKeys() {
        List<NotificationTemplate> all = actions.run(() -> notifications.templates());
        return all == null ? List.of() : all.stream().map(t -> t.milestone() + "/" + t.language()).toList();
    }

    /** Loads the chosen template into the editor. */
    public void load() {
        List<NotificationTemplate> all = actions.run(() -> notifications.templates());
        preview = null;
        if (all == null) {
            return;
        }
        all.stream().filter(t -> (t.milestone() + "/" + t.language()).equals(templateKey)).findFirst().ifPresent(t -> {
            subject = t.subject();
            body = t.body();
            shortText = t.shortText();
            version = t.version();
        });
    }

    /** Renders the texts in the editor with invented facts; nothing is saved. */
    public void preview() {
        preview = actions.run(() -> notifications.preview(language(), subject, body, shortText));
    }

    /** Saves the texts in the editor (system administrators). */
    public void save() {
        NotificationTemplate t = actions.run(() -> notifications.saveTemplate(milestone(), language(), subject, body,
            shortText, version));
        if (t != null) {
            version = t.version();
            messages.info("notifications.template.saved", templateKey);
            preview();
        }
    }

    /** Whether the account may save templates. */
    public boolean isEditable() {
        return user.isSystemAdministrator();
    }

    /** The placeholders, for the editor's help line. */
    public String getPlaceholders() {
        return String.join(" ", TemplateText.PLACEHOLDERS.stream().map(p -> "{{" + p + "}}").toList());
    }

    private Milestone milestone() {
        return Milestone.valueOf(templateKey.substring(0, templateKey.indexOf('/')));
    }

    private String language() {
        return templateKey.substring(templateKey.indexOf('/') + 1);
    }

    public String getStatus() {
        return status;
    }

    public void setStatus(String status) {
        this.status = status;
    }

    public String getDossierCode() {
        return dossierCode;
    }

    public void setDossierCode(String dossierCode) {
        this.dossierCode = dossierCode;
    }

    public String getTemplateKey() {
        return templateKey;
    }

    /** Takes only a key of an existing milestone and language (the choice list's values). */
    public void setTemplateKey(String templateKey) {
        if (templateKey != null && templateKey.matches("[A-Z_]+/(vi|en)")) {
            try {
                Milestone.valueOf(templateKey.substring(0, templateKey.indexOf('/')));
                this.templateKey = templateKey;
            } catch (IllegalArgumentException ignored) {
                // not one of the choices: keep the current template
            }
        }
    }

    public String getSubject() {
        if (subject == null && version == null) {
            load();
        }
        return subject;
    }

    public void setSubject(String subject) {
        this.subject = subject;
    }

    public String getBody() {
        return body;
    }

    public void setBody(String body) {
        this.body = body;
    }

    public String getShortText() {
        return shortText;
    }

    public void setShortText(String shortText) {
        this.shortText = shortText;
    }

    public Notifications.Preview getPreview() {
        return preview;
    }
}
