package vn.gov.quangtri.motcua.web.admin;

import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import vn.gov.quangtri.motcua.audit.application.AdminAuditLog;
import vn.gov.quangtri.motcua.audit.domain.AdminArea;
import vn.gov.quangtri.motcua.audit.domain.AdminChange;

/**
 * The latest administrative changes (table {@code admin_audit}): the whole log with an area filter on
 * {@code /app/admin/audit.xhtml}, and the last changes of one area in a panel on each administration page
 * ({@code WEB-INF/includes/audit-panel.xhtml}). Reading needs a signed-in account (the service checks).
 */
@Named
@ViewScoped
public class AuditPage implements Serializable {

    private static final long serialVersionUID = 1L;

    /** Rows of the full list. */
    static final int PAGE = 200;

    /** Rows of a page's panel. */
    static final int PANEL = 15;

    @EJB
    private AdminAuditLog log;

    @Inject
    private AdminActions actions;

    private AdminArea area;
    private transient List<AdminChange> changes;
    private transient Map<AdminArea, List<AdminChange>> recent;

    /** The latest changes, newest first, of the chosen area or all. */
    public List<AdminChange> getChanges() {
        if (changes == null) {
            List<AdminChange> all = actions.run(() -> log.latest(area == null ? PAGE : AdminAuditLog.MAX));
            changes = all == null ? List.of() : all.stream().filter(c -> area == null || c.area() == area)
                .limit(PAGE).toList();
        }
        return changes;
    }

    /**
     * The last changes of one area, newest first (for the panel of an administration page).
     *
     * @param areaName an {@link AdminArea} name
     */
    public List<AdminChange> recent(String areaName) {
        AdminArea a = AdminArea.valueOf(areaName);
        if (recent == null) {
            recent = new EnumMap<>(AdminArea.class);
        }
        return recent.computeIfAbsent(a, key -> {
            List<AdminChange> all = actions.run(() -> log.latest(AdminAuditLog.MAX));
            return all == null ? List.of() : all.stream().filter(c -> c.area() == key).limit(PANEL).toList();
        });
    }

    /** Forgets what was read, so that the next rendering shows the newest changes (after a save). */
    public void refresh() {
        changes = null;
        recent = null;
    }

    public AdminArea[] getAreas() {
        return AdminArea.values();
    }

    public AdminArea getArea() {
        return area;
    }

    public void setArea(AdminArea area) {
        this.area = area;
        changes = null;
    }
}
