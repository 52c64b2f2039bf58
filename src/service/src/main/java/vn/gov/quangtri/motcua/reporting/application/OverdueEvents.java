package vn.gov.quangtri.motcua.reporting.application;

import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import vn.gov.quangtri.motcua.account.application.AccessControl;
import vn.gov.quangtri.motcua.account.domain.AccessScope;
import vn.gov.quangtri.motcua.account.domain.Role;
import vn.gov.quangtri.motcua.dossier.domain.DossierStatus;

/**
 * The overdue events recorded by the deadline-sweep job ({@code dossier_overdue}; issue 14 §1) and the apologies due
 * that follow from them, for leaders and administrators within their units (403 {@code ROLE_REQUIRED} otherwise).
 */
@Stateless
public class OverdueEvents {

    /** Most rows listed. */
    public static final int MAX_ROWS = 1000;

    @Resource(lookup = "jdbc/motcua")
    private DataSource ds;

    @EJB
    private AccessControl access;

    /**
     * One recorded overdue event.
     *
     * @param stepPosition 0 for the dossier's appointment, else the step
     * @param dueAt        the deadline that passed (business time)
     * @param recordedAt   when the sweep recorded it
     * @param recordedBy   the job
     * @param apologyDue   an apology was due when it was recorded
     */
    public record Event(String dossierCode, String agencyCode, int stepPosition, Instant dueAt, Instant recordedAt,
                        String recordedBy, boolean apologyDue) {
    }

    /**
     * A dossier that needs an apology with a new appointment (thư xin lỗi, form 04): overdue as recorded by the sweep,
     * still open, and no apology given since.
     */
    public record ApologyDue(String dossierCode, String agencyCode, String agencyName, String procedureName,
                             String applicantName, String status, Instant dueAt, Instant recordedAt) {
    }

    /**
     * The recorded overdue events, newest deadline first.
     *
     * @param dossierCode one dossier, or null for all of the caller's units
     */
    public List<Event> events(String dossierCode) {
        Collection<String> units = units();
        List<Event> out = new ArrayList<>();
        try (Connection c = ds.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT dossier_code, agency_code, step_position, due_at,"
                 + " recorded_at, recorded_by, apology_due FROM dossier_overdue"
                 + (dossierCode == null ? "" : " WHERE dossier_code = ?")
                 + " ORDER BY due_at DESC, dossier_code, step_position")) {
            if (dossierCode != null) {
                ps.setString(1, dossierCode);
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next() && out.size() < MAX_ROWS) {
                    if (units == null || units.contains(rs.getString(2))) {
                        out.add(new Event(rs.getString(1), rs.getString(2), rs.getInt(3), instant(rs, 4),
                            instant(rs, 5), rs.getString(6), rs.getBoolean(7)));
                    }
                }
            }
            return out;
        } catch (SQLException e) {
            throw new IllegalStateException("Overdue events: " + e.getMessage(), e);
        }
    }

    /** The apologies due in the caller's units, oldest deadline first. */
    public List<ApologyDue> apologiesDue() {
        Collection<String> units = units();
        String open = DossierStatus.open().stream().map(s -> "'" + s.name() + "'").sorted()
            .collect(Collectors.joining(","));
        List<ApologyDue> out = new ArrayList<>();
        try (Connection c = ds.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT o.dossier_code, o.agency_code, a.name, d.procedure_name,"
                 + " d.applicant_name, d.status, o.due_at, o.recorded_at FROM dossier_overdue o"
                 + " JOIN dossier d ON d.id = o.dossier_id JOIN agency a ON a.code = o.agency_code"
                 + " WHERE o.step_position = 0 AND o.apology_due = TRUE AND d.rescheduled_due_at IS NULL"
                 + " AND d.status IN (" + open + ") ORDER BY o.due_at, o.dossier_code")) {
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next() && out.size() < MAX_ROWS) {
                    if (units == null || units.contains(rs.getString(2))) {
                        out.add(new ApologyDue(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                            rs.getString(5), rs.getString(6), instant(rs, 7), instant(rs, 8)));
                    }
                }
            }
            return out;
        } catch (SQLException e) {
            throw new IllegalStateException("Apologies due: " + e.getMessage(), e);
        }
    }

    private Collection<String> units() {
        AccessScope scope = access.current();
        scope.requireAny(Role.LEADER, Role.AGENCY_ADMIN, Role.SYSTEM_ADMIN);
        return ReportingService.within(scope, null);
    }

    private static Instant instant(ResultSet rs, int col) throws SQLException {
        OffsetDateTime t = rs.getObject(col, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }
}
