package vn.gov.quangtri.motcua.web.admin;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.primefaces.model.DefaultTreeNode;
import org.primefaces.model.TreeNode;
import vn.gov.quangtri.motcua.agency.application.AgencyAdministration;
import vn.gov.quangtri.motcua.agency.application.AgencyService;
import vn.gov.quangtri.motcua.agency.application.ChildUnits;
import vn.gov.quangtri.motcua.agency.application.Closure;
import vn.gov.quangtri.motcua.agency.application.NewAgency;
import vn.gov.quangtri.motcua.agency.domain.Agency;
import vn.gov.quangtri.motcua.agency.domain.AgencyKind;
import vn.gov.quangtri.motcua.agency.domain.AgencyLevel;
import vn.gov.quangtri.motcua.shared.domain.VietnamTime;
import vn.gov.quangtri.motcua.web.shell.CurrentUser;
import vn.gov.quangtri.motcua.web.shell.Messages;

/**
 * The agency tree on a chosen day (validity dates, former names, successors) and its administration: create a
 * unit, rename it from a date (or correct a misspelt name), move it, close or merge it into a successor with
 * its units moved or closed. Every change asks for a reason (decision number). The service decides who may
 * do what (system administrator everywhere; agency administrator creates and renames units under its own
 * unit); the page only hides what the signed-in account can never do.
 *
 * <p>Size: above 400 lines because the screen carries four forms (create, rename, move, close), each with its own
 * fields and accessors; each is a thin form over {@code AgencyAdministration}.
 */
@Named
@ViewScoped
public class AgenciesPage implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    private AgencyService agencies;

    @EJB
    private AgencyAdministration admin;

    @Inject
    private AdminActions actions;

    @Inject
    private Messages messages;

    @Inject
    private CurrentUser user;

    @Inject
    private AuditPage audit;

    private LocalDate day;
    private TreeNode<AgencyRow> tree;
    private List<AgencyRow> units;
    private AgencyRow selected;

    // create
    private String newCode;
    private String newName;
    private AgencyLevel newLevel = AgencyLevel.COMMUNE;
    private AgencyKind newKind = AgencyKind.COMMUNE;
    private String newParent;
    private LocalDate newValidFrom;
    private String newEdoc;
    private boolean newDesk;
    private String createReason;

    // rename
    private String renameTo;
    private LocalDate renameFrom;
    private boolean correction;
    private String renameReason;

    // move
    private String moveTo;
    private LocalDate moveAsOf;
    private String moveReason;

    // close / merge
    private LocalDate closeFrom;
    private String successor;
    private ChildUnits children = ChildUnits.MOVE;
    private String childrenTo;
    private String closeReason;
    private transient Closure closure;

    @PostConstruct
    void init() {
        day = LocalDate.now(VietnamTime.ZONE);
        newValidFrom = day;
        load();
    }

    /** Builds the tree of the units valid on {@link #day}; a unit whose parent is not valid that day is a root. */
    public void load() {
        if (day == null) {
            day = LocalDate.now(VietnamTime.ZONE);
        }
        List<Agency> valid = agencies.list(day, null, null, null);
        units = valid.stream().map(a -> AgencyRow.of(a, day)).toList();
        TreeNode<AgencyRow> root = new DefaultTreeNode<>(null, null);
        Map<String, TreeNode<AgencyRow>> nodes = new HashMap<>();
        for (AgencyRow row : units) {
            nodes.put(row.code(), new DefaultTreeNode<>(row));
        }
        for (AgencyRow row : units) {
            TreeNode<AgencyRow> parent = row.parentCode() == null ? null : nodes.get(row.parentCode());
            TreeNode<AgencyRow> node = nodes.get(row.code());
            (parent == null ? root : parent).getChildren().add(node);
        }
        for (TreeNode<AgencyRow> top : root.getChildren()) {
            top.setExpanded(true);
        }
        tree = root;
        expandTo(nodes.get(user.getAgencyCode()));
        if (selected != null) {
            String code = selected.code();
            selected = null;
            select(code);
            expandTo(nodes.get(code));
        }
    }

    /** Expands the node and its ancestors, so that the unit is visible. */
    private static void expandTo(TreeNode<AgencyRow> node) {
        for (TreeNode<AgencyRow> n = node; n != null; n = n.getParent()) {
            n.setExpanded(true);
        }
    }

    /** Shows a unit's details and prepares the forms for it. */
    public void select(String code) {
        Agency a = actions.run(() -> agencies.find(code));
        if (a == null) {
            return;
        }
        selected = AgencyRow.of(a, day);
        renameTo = a.name();
        renameFrom = day;
        moveAsOf = day;
        closeFrom = day.plusDays(1);
        correction = false;
        closure = null;
    }

    /** Units the signed-in administrator may choose as parent of a new unit (its own units for an agency administrator). */
    public List<AgencyRow> getParents() {
        if (user.isSystemAdministrator()) {
            return units;
        }
        String own = user.getAgencyCode();
        Set<String> mine = new HashSet<>();
        mine.add(own);
        boolean grew = true;
        while (grew) {
            grew = false;
            for (AgencyRow r : units) {
                if (r.parentCode() != null && mine.contains(r.parentCode()) && mine.add(r.code())) {
                    grew = true;
                }
            }
        }
        return units.stream().filter(r -> mine.contains(r.code())).toList();
    }

    /** Creates the unit of the creation form. */
    public void create() {
        Agency created = actions.run(() -> admin.create(new NewAgency(trim(newCode), newName, newLevel, newKind, newParent,
            newValidFrom, trim(newEdoc), newDesk), user.getUsername(), createReason));
        if (created != null) {
            messages.info("agencies.created", created.name(), created.code());
            newCode = null;
            newName = null;
            newEdoc = null;
            newDesk = false;
            createReason = null;
            changed(created.code());
        }
    }

    /** Renames the selected unit from the chosen date, or corrects its name. */
    public void rename() {
        String code = selected.code();
        Agency done = correction
            ? actions.run(() -> admin.correctName(code, renameTo, user.getUsername(), renameReason))
            : actions.run(() -> admin.rename(code, renameTo, renameFrom, user.getUsername(), renameReason));
        if (done != null) {
            messages.info(correction ? "agencies.corrected" : "agencies.renamed", done.name(), formatted(renameFrom));
            renameReason = null;
            changed(code);
        }
    }

    /** Moves the selected unit under another parent. */
    public void move() {
        String code = selected.code();
        Agency done = actions.run(() -> admin.move(code, moveTo, moveAsOf, user.getUsername(), moveReason));
        if (done != null) {
            messages.info("agencies.moved", done.name(), done.parent().name());
            moveReason = null;
            changed(code);
        }
    }

    /** Closes (dissolves) or merges the selected unit. */
    public void close() {
        String code = selected.code();
        Closure done = actions.run(() -> admin.close(code, closeFrom, successor, children, childrenTo,
            user.getUsername(), closeReason));
        if (done != null) {
            closure = done;
            messages.info("agencies.closed", done.agency().name(), formatted(done.agency().validTo()),
                done.movedChildren().size(), done.closedChildren().size(), done.openDossiers());
            closeReason = null;
            changed(code);
            closure = done;
        }
    }

    private void changed(String code) {
        audit.refresh();
        load();
        select(code);
    }

    private static String formatted(LocalDate d) {
        return d == null ? "" : d.format(java.time.format.DateTimeFormatter.ofPattern("dd/MM/yyyy"));
    }

    private static String trim(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    /** Name of a unit of the tree's day, or its code when not valid that day. */
    public String nameOf(String code) {
        return code == null ? "" : units.stream().filter(r -> r.code().equals(code)).map(AgencyRow::name).findFirst()
            .orElse(code);
    }

    public boolean isSystemAdministrator() {
        return user.isSystemAdministrator();
    }

    /**
     * Whether the forms for the selected unit are offered: always to a system administrator, to an agency
     * administrator for units under its own unit (the service checks again).
     */
    public boolean isMayChangeSelected() {
        if (selected == null) {
            return false;
        }
        if (user.isSystemAdministrator()) {
            return true;
        }
        String parent = selected.parentCode();
        return user.has("AGENCY_ADMIN") && parent != null && getParents().stream().anyMatch(r -> r.code().equals(parent));
    }

    /** Whether the signed-in account may create units (the service checks the parent). */
    public boolean isMayCreate() {
        return user.isSystemAdministrator() || user.has("AGENCY_ADMIN");
    }

    public AgencyLevel[] getLevels() {
        return AgencyLevel.values();
    }

    public AgencyKind[] getKinds() {
        return AgencyKind.values();
    }

    public ChildUnits[] getChildOptions() {
        return ChildUnits.values();
    }

    public TreeNode<AgencyRow> getTree() {
        return tree;
    }

    public List<AgencyRow> getUnits() {
        return units;
    }

    public AgencyRow getSelected() {
        return selected;
    }

    public Closure getClosure() {
        return closure;
    }

    public LocalDate getDay() {
        return day;
    }

    public void setDay(LocalDate day) {
        this.day = day;
    }

    public String getNewCode() {
        return newCode;
    }

    public void setNewCode(String newCode) {
        this.newCode = newCode;
    }

    public String getNewName() {
        return newName;
    }

    public void setNewName(String newName) {
        this.newName = newName;
    }

    public AgencyLevel getNewLevel() {
        return newLevel;
    }

    public void setNewLevel(AgencyLevel newLevel) {
        this.newLevel = newLevel;
    }

    public AgencyKind getNewKind() {
        return newKind;
    }

    public void setNewKind(AgencyKind newKind) {
        this.newKind = newKind;
    }

    public String getNewParent() {
        return newParent;
    }

    public void setNewParent(String newParent) {
        this.newParent = newParent;
    }

    public LocalDate getNewValidFrom() {
        return newValidFrom;
    }

    public void setNewValidFrom(LocalDate newValidFrom) {
        this.newValidFrom = newValidFrom;
    }

    public String getNewEdoc() {
        return newEdoc;
    }

    public void setNewEdoc(String newEdoc) {
        this.newEdoc = newEdoc;
    }

    public boolean isNewDesk() {
        return newDesk;
    }

    public void setNewDesk(boolean newDesk) {
        this.newDesk = newDesk;
    }

    public String getCreateReason() {
        return createReason;
    }

    public void setCreateReason(String createReason) {
        this.createReason = createReason;
    }

    public String getRenameTo() {
        return renameTo;
    }

    public void setRenameTo(String renameTo) {
        this.renameTo = renameTo;
    }

    public LocalDate getRenameFrom() {
        return renameFrom;
    }

    public void setRenameFrom(LocalDate renameFrom) {
        this.renameFrom = renameFrom;
    }

    public boolean isCorrection() {
        return correction;
    }

    public void setCorrection(boolean correction) {
        this.correction = correction;
    }

    public String getRenameReason() {
        return renameReason;
    }

    public void setRenameReason(String renameReason) {
        this.renameReason = renameReason;
    }

    public String getMoveTo() {
        return moveTo;
    }

    public void setMoveTo(String moveTo) {
        this.moveTo = moveTo;
    }

    public LocalDate getMoveAsOf() {
        return moveAsOf;
    }

    public void setMoveAsOf(LocalDate moveAsOf) {
        this.moveAsOf = moveAsOf;
    }

    public String getMoveReason() {
        return moveReason;
    }

    public void setMoveReason(String moveReason) {
        this.moveReason = moveReason;
    }

    public LocalDate getCloseFrom() {
        return closeFrom;
    }

    public void setCloseFrom(LocalDate closeFrom) {
        this.closeFrom = closeFrom;
    }

    public String getSuccessor() {
        return successor;
    }

    public void setSuccessor(String successor) {
        this.successor = successor;
    }

    public ChildUnits getChildren() {
        return children;
    }

    public void setChildren(ChildUnits children) {
        this.children = children;
    }

    public String getChildrenTo() {
        return childrenTo;
    }

    public void setChildrenTo(String childrenTo) {
        this.childrenTo = childrenTo;
    }

    public String getCloseReason() {
        return closeReason;
    }

    public void setCloseReason(String closeReason) {
        this.closeReason = closeReason;
    }
}
