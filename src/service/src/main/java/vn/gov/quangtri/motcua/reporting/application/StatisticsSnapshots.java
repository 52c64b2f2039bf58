package vn.gov.quangtri.motcua.reporting.application;

import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import vn.gov.quangtri.motcua.agency.domain.AgencyLevel;
import vn.gov.quangtri.motcua.reporting.domain.PeriodBucket;
import vn.gov.quangtri.motcua.reporting.domain.ReportGrouping;
import vn.gov.quangtri.motcua.reporting.domain.ReportPeriod;
import vn.gov.quangtri.motcua.reporting.domain.StatisticsSnapshot;
import vn.gov.quangtri.motcua.shared.domain.VietnamTime;

/**
 * The daily statistics snapshot in the database (tables {@code statistics_snapshot}, {@code statistics_snapshot_day};
 * issue 14 §1, §2): computing a day's rows ({@link StatisticsSnapshot#ofDay}) from the same facts as the period
 * report, writing them (delete-then-insert per day, in the caller's transaction: the statistics-snapshot job's chunk),
 * and reading them back for {@link PeriodReports}. No access checks: the job runs as the system, and
 * {@link PeriodReports} checks the caller before reading.
 */
@Stateless
public class StatisticsSnapshots {

    @PersistenceContext(unitName = "motcua")
    private EntityManager em;

    @Resource(lookup = "jdbc/motcua")
    private DataSource ds;

    @Inject
    private Clock clock;

    @jakarta.ejb.EJB
    private vn.gov.quangtri.motcua.account.application.AccessControl access;

    /** Largest page of {@link #listing}. */
    public static final int MAX_PAGE = 5000;

    /**
     * One page of the snapshot rows of the days from {@code from} to {@code to} in the caller's units (leaders and
     * administrators; 403 {@code ROLE_REQUIRED} otherwise).
     *
     * @param coverage   the usable coverage, null when the reports cannot use the snapshot (first page only)
     * @param total      rows of the whole range (first page only, else null)
     * @param rows       this page's rows, by day, unit, procedure, field
     * @param nextCursor where the next page starts ({@link #listing}), null after the last page
     */
    public record Listing(Coverage coverage, Long total, List<StatisticsSnapshot.Row> rows, String nextCursor) {
    }

    /**
     * A page of rows for people (see {@link Listing}): at most 400 days, at most {@link #MAX_PAGE} rows. Keyset paging
     * on the table's key (day, unit, procedure, field): each page is one index range read, however deep, and only
     * the page is in memory. The first page (no cursor) also counts the range and reports the coverage.
     *
     * @param cursor the previous page's {@link Listing#nextCursor}, or null for the first page
     * @param limit  rows of the page, 1 to {@link #MAX_PAGE}
     * @throws vn.gov.quangtri.motcua.shared.domain.RuleViolationException {@code INVALID_INPUT} for a longer or
     *         reversed range, a limit out of range or a cursor this method did not give out
     */
    public Listing listing(LocalDate from, LocalDate to, String cursor, int limit) {
        vn.gov.quangtri.motcua.account.domain.AccessScope scope = access.current();
        scope.requireAny(vn.gov.quangtri.motcua.account.domain.Role.LEADER,
            vn.gov.quangtri.motcua.account.domain.Role.AGENCY_ADMIN,
            vn.gov.quangtri.motcua.account.domain.Role.SYSTEM_ADMIN);
        if (to.isBefore(from) || ChronoUnit.DAYS.between(from, to) > 400) {
            throw new vn.gov.quangtri.motcua.shared.domain.RuleViolationException("INVALID_INPUT",
                "from/to: at most 400 days, from not after to");
        }
        if (limit < 1 || limit > MAX_PAGE) {
            throw new vn.gov.quangtri.motcua.shared.domain.RuleViolationException("INVALID_INPUT",
                "limit out of range", List.of("limit: 1 to " + MAX_PAGE));
        }
        String[] after = cursor == null || cursor.isBlank() ? null : decodeCursor(cursor.strip());
        Collection<String> units = ReportingService.within(scope, null);
        boolean first = after == null;
        if (units != null && units.isEmpty()) {
            return new Listing(first ? coverage() : null, first ? 0L : null, List.of(), null);
        }
        String where = " FROM statistics_snapshot WHERE snapshot_day BETWEEN ? AND ?"
            + (units == null ? "" : " AND agency_code IN (" + String.join(", ", java.util.Collections.nCopies(
                units.size(), "?")) + ")");
        List<String> codes = units == null ? List.of() : List.copyOf(units);
        try (Connection c = ds.getConnection()) {
            Long total = null;
            if (first) {
                try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*)" + where)) {
                    bind(ps, from, to, codes);
                    try (ResultSet rs = ps.executeQuery()) {
                        rs.next();
                        total = rs.getLong(1);
                    }
                }
            }
            List<StatisticsSnapshot.Row> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT snapshot_day, agency_code, procedure_code, field,"
                + " agency_level" + storedColumns() + where
                + (first ? "" : " AND (snapshot_day, agency_code, procedure_code, field) > (?, ?, ?, ?)")
                + " ORDER BY snapshot_day, agency_code, procedure_code, field LIMIT ?")) {
                int p = bind(ps, from, to, codes);
                if (!first) {
                    ps.setDate(p++, Date.valueOf(LocalDate.parse(after[0])));
                    ps.setString(p++, after[1]);
                    ps.setString(p++, after[2]);
                    ps.setString(p++, after[3]);
                }
                ps.setInt(p, limit + 1); // one more: is there a next page?
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(row(rs));
                    }
                }
            }
            String next = null;
            if (out.size() > limit) {
                out.remove(limit);
                StatisticsSnapshot.Row last = out.get(limit - 1);
                next = encodeCursor(last);
            }
            return new Listing(first ? coverage() : null, total, out, next);
        } catch (SQLException e) {
            throw new IllegalStateException("Statistics snapshot: " + e.getMessage(), e);
        }
    }

    /** The opaque cursor after a row: Base64url of day, unit, procedure and field separated by U+001F. */
    static String encodeCursor(StatisticsSnapshot.Row r) {
        String key = r.day() + "\u001f" + r.agencyCode() + "\u001f" + r.procedureCode() + "\u001f" + r.field();
        return java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(key.getBytes(
            java.nio.charset.StandardCharsets.UTF_8));
    }

    /** The key in a cursor of {@link #encodeCursor}; 400 INVALID_INPUT for anything else. */
    static String[] decodeCursor(String cursor) {
        try {
            String[] k = new String(java.util.Base64.getUrlDecoder().decode(cursor),
                java.nio.charset.StandardCharsets.UTF_8).split("\u001f", -1);
            if (k.length == 4) {
                LocalDate.parse(k[0]);
                return k;
            }
        } catch (IllegalArgumentException | java.time.format.DateTimeParseException e) {
            // answered below
        }
        throw new vn.gov.quangtri.motcua.shared.domain.RuleViolationException("INVALID_INPUT", "Unknown cursor",
            List.of("cursor: the nextCursor of the previous page"));
    }

    private static int bind(PreparedStatement ps, LocalDate from, LocalDate to, List<String> codes)
        throws SQLException {
        int p = 1;
        ps.setDate(p++, Date.valueOf(from));
        ps.setDate(p++, Date.valueOf(to));
        for (String code : codes) {
            ps.setString(p++, code);
        }
        return p;
    }

    private static String storedColumns() {
        StringBuilder cols = new StringBuilder();
        for (PeriodBucket b : StatisticsSnapshot.STORED) {
            cols.append(", ").append(column(b));
        }
        return cols.toString();
    }

    /** The row at the result set's cursor (columns as {@link #listing} selects them). */
    private static StatisticsSnapshot.Row row(ResultSet rs) throws SQLException {
        Map<PeriodBucket, Long> counts = new EnumMap<>(PeriodBucket.class);
        int i = 6;
        for (PeriodBucket b : StatisticsSnapshot.STORED) {
            long v = rs.getLong(i++);
            if (v != 0) {
                counts.put(b, v);
            }
        }
        String lv = rs.getString(5);
        return new StatisticsSnapshot.Row(rs.getDate(1).toLocalDate(), rs.getString(2), rs.getString(3),
            rs.getString(4), lv == null ? null : AgencyLevel.valueOf(lv), counts);
    }

    /**
     * The days the snapshot covers: every day from {@code first} (the first day with data when written) to
     * {@code last}, all written.
     */
    public record Coverage(LocalDate first, LocalDate last) {
    }

    /**
     * The Vietnam day of the first receipt or refusal, null without any dossier. Plain SQL: an aggregate of a converted
     * instant comes back as the driver's raw type (java.sql.Timestamp on PostgreSQL), not through the converter.
     */
    public LocalDate firstDataDay() {
        try (Connection c = ds.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT (SELECT MIN(received_at) FROM dossier),"
                 + " (SELECT MIN(occurred_at) FROM dossier_event WHERE action = 'REFUSE')");
             ResultSet rs = ps.executeQuery()) {
            Instant first = null;
            if (rs.next()) {
                for (int i = 1; i <= 2; i++) {
                    java.time.OffsetDateTime t = rs.getObject(i, java.time.OffsetDateTime.class);
                    if (t != null && (first == null || t.toInstant().isBefore(first))) {
                        first = t.toInstant();
                    }
                }
            }
            return first == null ? null : first.atZone(VietnamTime.ZONE).toLocalDate();
        } catch (SQLException e) {
            throw new IllegalStateException("First day with data: " + e.getMessage(), e);
        }
    }

    /** Yesterday in Vietnam: the last closed day. */
    public LocalDate lastClosedDay() {
        return clock.instant().atZone(VietnamTime.ZONE).toLocalDate().minusDays(1);
    }

    /** The rows of one day (province view), computed from the dossiers now. */
    public List<StatisticsSnapshot.Row> computeDay(LocalDate day) {
        PeriodQuery q = new PeriodQuery(new ReportPeriod(day, day), ReportGrouping.AGENCY, null, null, null, false);
        return StatisticsSnapshot.ofDay(day, ReportData.facts(em, q, null, new HashMap<>()), clock.instant());
    }

    /**
     * Replaces the rows of a day (delete, then insert) and marks the day written, in the caller's transaction.
     *
     * @param firstDay the first day with data, recorded with the day (the coverage must start there)
     * @param by       the writer, e.g. {@code batch:statistics-snapshot}
     */
    public void writeDay(LocalDate day, LocalDate firstDay, List<StatisticsSnapshot.Row> rows, String by) {
        try (Connection c = ds.getConnection()) {
            try (PreparedStatement del = c.prepareStatement("DELETE FROM statistics_snapshot WHERE snapshot_day = ?");
                 PreparedStatement delDay = c.prepareStatement("DELETE FROM statistics_snapshot_day WHERE"
                     + " snapshot_day = ?")) {
                del.setDate(1, Date.valueOf(day));
                del.executeUpdate();
                delDay.setDate(1, Date.valueOf(day));
                delDay.executeUpdate();
            }
            StringBuilder cols = new StringBuilder();
            StringBuilder marks = new StringBuilder();
            for (PeriodBucket b : StatisticsSnapshot.STORED) {
                cols.append(", ").append(column(b));
                marks.append(", ?");
            }
            try (PreparedStatement ins = c.prepareStatement("INSERT INTO statistics_snapshot (snapshot_day, agency_code,"
                + " procedure_code, field, agency_level" + cols + ") VALUES (?, ?, ?, ?, ?" + marks + ")")) {
                for (StatisticsSnapshot.Row r : rows) {
                    ins.setDate(1, Date.valueOf(day));
                    ins.setString(2, r.agencyCode());
                    ins.setString(3, r.procedureCode());
                    ins.setString(4, r.field());
                    ins.setString(5, r.level() == null ? null : r.level().name());
                    int i = 6;
                    for (PeriodBucket b : StatisticsSnapshot.STORED) {
                        ins.setLong(i++, r.count(b));
                    }
                    ins.addBatch();
                }
                if (!rows.isEmpty()) {
                    ins.executeBatch();
                }
            }
            try (PreparedStatement mark = c.prepareStatement("INSERT INTO statistics_snapshot_day (snapshot_day,"
                + " first_day, written_at, written_by) VALUES (?, ?, ?, ?)")) {
                mark.setDate(1, Date.valueOf(day));
                mark.setDate(2, Date.valueOf(firstDay));
                mark.setObject(3, clock.instant().atOffset(ZoneOffset.UTC));
                mark.setString(4, by);
                mark.executeUpdate();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Statistics snapshot of " + day + ": " + e.getMessage(), e);
        }
    }

    /**
     * The coverage usable for reports: the written days form one run of consecutive days starting at the first day
     * with data as it is now; null otherwise (no snapshot, a gap, or data added before the first day since). A dossier
     * event recorded after the snapshot was written but dated on a covered day (an action keyed late, a backdated
     * receipt) ends the usable coverage the day before it, until the job runs again.
     */
    public Coverage coverage() {
        LocalDate firstData = firstDataDay();
        if (firstData == null) {
            return null;
        }
        try (Connection c = ds.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT MIN(snapshot_day), MAX(snapshot_day), COUNT(*),"
                 + " MIN(first_day), MAX(first_day) FROM statistics_snapshot_day");
             ResultSet rs = ps.executeQuery()) {
            if (!rs.next() || rs.getDate(1) == null) {
                return null;
            }
            LocalDate min = rs.getDate(1).toLocalDate();
            LocalDate max = rs.getDate(2).toLocalDate();
            long count = rs.getLong(3);
            boolean oneFirst = rs.getDate(4).toLocalDate().equals(rs.getDate(5).toLocalDate())
                && rs.getDate(4).toLocalDate().equals(firstData);
            if (!oneFirst || !min.equals(firstData) || count != ChronoUnit.DAYS.between(min, max) + 1) {
                return null;
            }
            LocalDate last = max;
            try (PreparedStatement late = c.prepareStatement("SELECT MIN(e.occurred_at) FROM dossier_event e WHERE"
                + " e.recorded_at > (SELECT MIN(written_at) FROM statistics_snapshot_day) AND e.occurred_at < ?")) {
                late.setObject(1, max.plusDays(1).atStartOfDay(VietnamTime.ZONE).toOffsetDateTime());
                try (ResultSet lr = late.executeQuery()) {
                    java.time.OffsetDateTime first = lr.next() ? lr.getObject(1, java.time.OffsetDateTime.class) : null;
                    if (first != null) {
                        last = first.toInstant().atZone(VietnamTime.ZONE).toLocalDate().minusDays(1);
                    }
                }
            }
            return last.isBefore(min) ? null : new Coverage(min, last);
        } catch (SQLException e) {
            throw new IllegalStateException("Statistics snapshot coverage: " + e.getMessage(), e);
        }
    }

    /**
     * The snapshot rows a period report needs, summed in the database so that memory does not grow with the number of
     * days: the stock at the end of {@code from - 1} (for the carried-over figure) as rows dated {@code from - 1}; the
     * flows of {@code from} … {@code lastFlowDay} summed per unit, procedure, field and level, dated {@code from} with
     * no stock; and, when {@code lastFlowDay} is the period's last day, the stock at its end dated {@code lastFlowDay}.
     * {@link StatisticsSnapshot#compose} gives the same report from these as from the day rows.
     *
     * @param units receiving unit codes, null = all
     * @param field a field, null = all
     * @param level a level, null = all
     */
    public List<StatisticsSnapshot.Row> reportRows(LocalDate from, LocalDate lastFlowDay, boolean endStock,
                                                   Collection<String> units, String field, AgencyLevel level) {
        List<PeriodBucket> stock = List.of(PeriodBucket.IN_PROGRESS_NOT_DUE, PeriodBucket.IN_PROGRESS_OVERDUE);
        List<PeriodBucket> flows = StatisticsSnapshot.STORED.stream().filter(b -> !stock.contains(b)).toList();
        List<StatisticsSnapshot.Row> out = new ArrayList<>();
        summed(from.minusDays(1), from.minusDays(1), from.minusDays(1), stock, units, field, level, out);
        if (!lastFlowDay.isBefore(from)) {
            summed(from, lastFlowDay, from, flows, units, field, level, out);
            if (endStock) {
                summed(lastFlowDay, lastFlowDay, lastFlowDay, stock, units, field, level, out);
            }
        }
        return out;
    }

    private void summed(LocalDate first, LocalDate last, LocalDate dated, List<PeriodBucket> figures,
                        Collection<String> units, String field, AgencyLevel level, List<StatisticsSnapshot.Row> out) {
        StringBuilder sums = new StringBuilder();
        for (PeriodBucket b : figures) {
            sums.append(", SUM(").append(column(b)).append(")");
        }
        List<String> codes = units == null ? List.of() : List.copyOf(units);
        if (units != null && codes.isEmpty()) {
            return;
        }
        try (Connection c = ds.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT agency_code, procedure_code, field, agency_level" + sums
                 + " FROM statistics_snapshot WHERE snapshot_day BETWEEN ? AND ?"
                 + (units == null ? "" : " AND agency_code IN (" + String.join(", ", java.util.Collections.nCopies(
                     codes.size(), "?")) + ")")
                 + (field == null ? "" : " AND field = ?") + (level == null ? "" : " AND agency_level = ?")
                 + " GROUP BY agency_code, procedure_code, field, agency_level")) {
            int p = bind(ps, first, last, codes);
            if (field != null) {
                ps.setString(p++, field);
            }
            if (level != null) {
                ps.setString(p, level.name());
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Map<PeriodBucket, Long> counts = new EnumMap<>(PeriodBucket.class);
                    int i = 5;
                    for (PeriodBucket b : figures) {
                        long v = rs.getLong(i++);
                        if (v != 0) {
                            counts.put(b, v);
                        }
                    }
                    if (!counts.isEmpty()) {
                        String lv = rs.getString(4);
                        out.add(new StatisticsSnapshot.Row(dated, rs.getString(1), rs.getString(2), rs.getString(3),
                            lv == null ? null : AgencyLevel.valueOf(lv), counts));
                    }
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Statistics snapshot sums: " + e.getMessage(), e);
        }
    }

    private static String column(PeriodBucket b) {
        return b.name().toLowerCase(java.util.Locale.ROOT);
    }
}
