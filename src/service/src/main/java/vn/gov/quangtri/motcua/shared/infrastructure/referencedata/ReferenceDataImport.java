package vn.gov.quangtri.motcua.shared.infrastructure.referencedata;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import vn.gov.quangtri.motcua.shared.domain.TextSearch;

/**
 * Loads the reference data shipped in {@code reference-data/*.csv} (agencies, holidays, reviewed
 * procedures, the national catalogue, internal processes) into an empty schema with plain JDBC, so it
 * runs inside a Flyway migration on PostgreSQL and H2 alike.
 *
 * <p>Rules: a reviewed row ({@code procedures.csv}) wins over the catalogue row of the same code; a
 * procedure without a complete time limit is loaded without one (it cannot receive dossiers until an
 * administrator completes it, never guessed); agencies without an official electronic identifier get a
 * placeholder in the pattern of Decision 20/2020/QĐ-TTg: current units directly under the province
 * {@code 000.00.NN.H50} (NN = 01…), closed level-2 units {@code 000.00.<letter><digit>.H50}, and
 * pre-2025 communes {@code 000.CC.<district level-2>.H50}.
 */
public final class ReferenceDataImport {

    /** Prefix of local procedure codes given where the national code is unknown. */
    public static final String LOCAL_CODE_PREFIX = "H50-L";
    private static final String PROVINCE_SUFFIX = ".H50";
    private static final int ALLOCATION = 50;

    private final Connection connection;
    private final boolean postgres;
    private final Map<String, long[]> idBlocks = new HashMap<>();

    /**
     * @param connection an open connection in the migration's transaction
     * @throws SQLException if the database metadata cannot be read
     */
    public ReferenceDataImport(Connection connection) throws SQLException {
        this.connection = connection;
        this.postgres = connection.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT).contains("postgres");
    }

    /**
     * Loads every file.
     *
     * @throws SQLException on a database error (the migration then rolls back)
     */
    public void importAll() throws SQLException {
        importAgencies();
        importHolidays();
        Map<String, Long> procedureIds = importProcedures();
        importProcessSteps(procedureIds);
    }

    void importAgencies() throws SQLException {
        List<CSVRecord> rows = read("agencies.csv");
        Map<String, String> edoc = new LinkedHashMap<>();
        Set<String> placeholders = new TreeSet<>();
        int current = 0;
        int historic = 0;
        for (CSVRecord r : rows) {
            String code = r.get("code");
            String level = r.get("level");
            if (!r.get("edoc_code").isBlank()) {
                edoc.put(code, r.get("edoc_code"));
            } else if (!level.startsWith("commune_pre2025")) {
                String y = r.get("valid_to").isBlank()
                    ? String.format("%02d", ++current)
                    : historicLevel2(historic++);
                edoc.put(code, "000.00." + y + PROVINCE_SUFFIX);
                placeholders.add(code);
            }
        }
        Map<String, Integer> communesPerDistrict = new HashMap<>();
        for (CSVRecord r : rows) {
            if (r.get("level").startsWith("commune_pre2025") && r.get("edoc_code").isBlank()) {
                String district = r.get("parent_code");
                String districtLevel2 = edoc.get(district).substring(7, 9);
                int n = communesPerDistrict.merge(district, 1, Integer::sum);
                edoc.put(r.get("code"), String.format("000.%02d.%s%s", n, districtLevel2, PROVINCE_SUFFIX));
                placeholders.add(r.get("code"));
            }
        }
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO agency (code, name, kind, level, edoc_code, edoc_code_placeholder, gso_code, valid_from,"
                    + " valid_to, receives_dossiers, data_status, notes, version)"
                    + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0)")) {
            for (CSVRecord r : rows) {
                String[] kindLevel = kindAndLevel(r.get("level"));
                insert.setString(1, r.get("code"));
                insert.setString(2, TextSearch.nfc(r.get("name")));
                insert.setString(3, kindLevel[0]);
                insert.setString(4, kindLevel[1]);
                insert.setString(5, edoc.get(r.get("code")));
                insert.setBoolean(6, placeholders.contains(r.get("code")));
                setOrNull(insert, 7, r.get("gso_code"));
                setDate(insert, 8, r.get("valid_from"));
                setDate(insert, 9, r.get("valid_to"));
                insert.setBoolean(10, receivesDossiers(kindLevel[0]));
                setOrNull(insert, 11, r.get("status"));
                setOrNull(insert, 12, r.get("notes"));
                insert.addBatch();
            }
            insert.executeBatch();
        }
        try (PreparedStatement parent = connection.prepareStatement(
                "UPDATE agency SET parent_code = ?, successor_code = ? WHERE code = ?")) {
            for (CSVRecord r : rows) {
                if (!r.get("parent_code").isBlank() || !r.get("successor_code").isBlank()) {
                    setOrNull(parent, 1, r.get("parent_code"));
                    setOrNull(parent, 2, r.get("successor_code"));
                    parent.setString(3, r.get("code"));
                    parent.addBatch();
                }
            }
            parent.executeBatch();
        }
    }

    void importHolidays() throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO calendar_day (calendar_date, working_day, kind, name, confidence, source)"
                    + " VALUES (?, ?, ?, ?, ?, ?)")) {
            for (CSVRecord r : read("holidays.csv")) {
                insert.setDate(1, Date.valueOf(LocalDate.parse(r.get("date"))));
                insert.setBoolean(2, "yes".equalsIgnoreCase(r.get("is_working_day")));
                insert.setString(3, r.get("kind"));
                insert.setString(4, TextSearch.nfc(r.get("name")));
                setOrNull(insert, 5, r.get("confidence"));
                setOrNull(insert, 6, r.get("source"));
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    Map<String, Long> importProcedures() throws SQLException {
        Map<String, Long> ids = new LinkedHashMap<>();
        try (PreparedStatement proc = connection.prepareStatement(
                "INSERT INTO procedure (id, code, local_code, name, name_search, field, levels, agency_type,"
                    + " time_limit_value, time_limit_unit, fee_vnd, interagency, pause_for_financial_obligation,"
                    + " legal_basis, source, confidence, reviewed, notes, revision, version)"
                    + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1, 0)");
             PreparedStatement doc = connection.prepareStatement(
                "INSERT INTO procedure_document (id, procedure_id, position, name, document_form, quantity)"
                    + " VALUES (?, ?, ?, ?, 'ANY', 1)")) {
            int local = 0;
            for (CSVRecord r : read("procedures.csv")) {
                boolean localCode = r.get("code").isBlank();
                String code = localCode ? String.format("%s%03d", LOCAL_CODE_PREFIX, ++local) : r.get("code");
                long id = nextId("procedure_seq");
                ids.put(code, id);
                String unit = r.get("time_unit");
                String value = r.get("time_limit_working_days");
                bindProcedure(proc, id, code, localCode, r.get("name"), r.get("field"), levels(r.get("level")),
                    r.get("agency_level"), value, unit, r.get("fee_vnd"), r.get("interagency"),
                    r.get("legal_basis"), "procedures.csv (reviewed)", r.get("confidence"), true, r.get("notes"));
                proc.addBatch();
                int position = 0;
                for (String name : r.get("required_documents").split(";")) {
                    if (!name.isBlank()) {
                        doc.setLong(1, nextId("procedure_document_seq"));
                        doc.setLong(2, id);
                        doc.setInt(3, ++position);
                        doc.setString(4, TextSearch.nfc(name.strip()));
                        doc.addBatch();
                    }
                }
                if (position == 0) {
                    // a reviewed procedure tells the desk what to ask for: never receive it with no documents
                    throw new IllegalStateException("procedures.csv: reviewed procedure " + code + " (" + r.get("name")
                        + ") has no required documents");
                }
            }
            for (CSVRecord r : read("procedures_catalogue.csv")) {
                String code = r.get("code");
                if (ids.containsKey(code)) {
                    continue;
                }
                long id = nextId("procedure_seq");
                ids.put(code, id);
                bindProcedure(proc, id, code, false, r.get("name"), r.get("field"), levels(r.get("level")),
                    r.get("agency_type"), r.get("time_limit_value"), r.get("time_limit_unit"), r.get("fee_vnd"),
                    r.get("interagency"), null, r.get("source"), r.get("confidence"), false, null);
                proc.addBatch();
            }
            proc.executeBatch();
            doc.executeBatch();
        }
        return ids;
    }

    void importProcessSteps(Map<String, Long> procedureIds) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO process_step (id, procedure_id, position, name, role, kind, responsible_unit,"
                    + " allot_value, allot_unit) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            for (CSVRecord r : read("process_steps.csv")) {
                Long procedureId = procedureIds.get(r.get("procedure_code"));
                if (procedureId == null) {
                    throw new IllegalStateException("process_steps.csv names unknown procedure " + r.get("procedure_code"));
                }
                insert.setLong(1, nextId("process_step_seq"));
                insert.setLong(2, procedureId);
                insert.setInt(3, Integer.parseInt(r.get("position")));
                insert.setString(4, TextSearch.nfc(r.get("name")));
                insert.setString(5, r.get("role"));
                insert.setString(6, r.get("kind"));
                setOrNull(insert, 7, TextSearch.nfc(r.get("responsible_unit")));
                insert.setBigDecimal(8, new BigDecimal(r.get("allot_value")));
                insert.setString(9, r.get("allot_unit"));
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    private void bindProcedure(PreparedStatement ps, long id, String code, boolean localCode, String name,
                               String field, String levels, String agencyType, String value, String unit,
                               String fee, String interagency, String legalBasis, String source,
                               String confidence, boolean reviewed, String notes) throws SQLException {
        ps.setLong(1, id);
        ps.setString(2, code);
        ps.setBoolean(3, localCode);
        ps.setString(4, TextSearch.nfc(name));
        ps.setString(5, TextSearch.fold(name));
        setOrNull(ps, 6, TextSearch.nfc(field));
        setOrNull(ps, 7, levels);
        setOrNull(ps, 8, TextSearch.nfc(agencyType));
        boolean complete = !unit.isBlank() && ("SAME_DAY".equals(unit) || !value.isBlank());
        if (complete) {
            ps.setBigDecimal(9, "SAME_DAY".equals(unit) ? BigDecimal.ZERO : new BigDecimal(value));
            ps.setString(10, unit);
        } else {
            ps.setNull(9, Types.NUMERIC);
            ps.setNull(10, Types.VARCHAR);
        }
        if (fee.isBlank()) {
            ps.setNull(11, Types.BIGINT);
        } else {
            ps.setLong(11, Long.parseLong(fee));
        }
        if ("yes".equalsIgnoreCase(interagency)) {
            ps.setBoolean(12, true);
        } else if ("no".equalsIgnoreCase(interagency)) {
            ps.setBoolean(12, false);
        } else {
            ps.setNull(12, Types.BOOLEAN);
        }
        ps.setBoolean(13, "Đất đai".equals(TextSearch.nfc(field)));
        setOrNull(ps, 14, legalBasis);
        setOrNull(ps, 15, source);
        setOrNull(ps, 16, confidence);
        ps.setBoolean(17, reviewed);
        setOrNull(ps, 18, notes);
    }

    /** Next id of an entity sequence, handing out blocks the way EclipseLink does (value − 49 … value). */
    private long nextId(String sequence) throws SQLException {
        long[] block = idBlocks.get(sequence);
        if (block == null || block[0] > block[1]) {
            String sql = postgres ? "SELECT nextval('" + sequence + "')" : "SELECT NEXT VALUE FOR " + sequence;
            try (Statement st = connection.createStatement(); ResultSet rs = st.executeQuery(sql)) {
                rs.next();
                long last = rs.getLong(1);
                block = new long[] {last - ALLOCATION + 1, last};
                idBlocks.put(sequence, block);
            }
        }
        return block[0]++;
    }

    private static String historicLevel2(int index) {
        return String.valueOf((char) ('A' + index / 9)) + (1 + index % 9);
    }

    private static String[] kindAndLevel(String csvLevel) {
        return switch (csvLevel) {
            case "province" -> new String[] {"PROVINCE", "PROVINCE"};
            case "provincial_centre" -> new String[] {"SERVICE_CENTRE", "DEPARTMENT"};
            case "provincial_unit" -> new String[] {"DEPARTMENT", "DEPARTMENT"};
            case "district" -> new String[] {"DISTRICT", "DISTRICT"};
            default -> {
                String sub = csvLevel.substring(csvLevel.indexOf(':') + 1);
                String kind = switch (sub) {
                    case "ward" -> "WARD";
                    case "town" -> "TOWN";
                    case "special_zone" -> "SPECIAL_ZONE";
                    case "commune" -> "COMMUNE";
                    default -> throw new IllegalArgumentException("unknown agency level in agencies.csv: " + csvLevel);
                };
                yield new String[] {kind, "COMMUNE"};
            }
        };
    }

    private static boolean receivesDossiers(String kind) {
        return !"PROVINCE".equals(kind) && !"DEPARTMENT".equals(kind);
    }

    private static String levels(String csv) {
        Set<String> out = new TreeSet<>();
        for (String part : csv.split(";")) {
            String p = part.strip().toUpperCase(Locale.ROOT);
            if (!p.isEmpty()) {
                out.add(switch (p) {
                    case "MINISTRY", "PROVINCE", "DISTRICT", "COMMUNE", "OTHER" -> p;
                    default -> throw new IllegalArgumentException("unknown procedure level: " + part);
                });
            }
        }
        return out.isEmpty() ? null : String.join(";", out);
    }

    private static void setOrNull(PreparedStatement ps, int index, String value) throws SQLException {
        if (value == null || value.isBlank()) {
            ps.setNull(index, Types.VARCHAR);
        } else {
            ps.setString(index, value);
        }
    }

    private static void setDate(PreparedStatement ps, int index, String value) throws SQLException {
        if (value == null || value.isBlank()) {
            ps.setNull(index, Types.DATE);
        } else {
            ps.setDate(index, Date.valueOf(LocalDate.parse(value)));
        }
    }

    private static List<CSVRecord> read(String file) {
        String path = "/reference-data/" + file;
        try (InputStream in = ReferenceDataImport.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("missing reference data file " + path);
            }
            Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8);
            List<CSVRecord> records = new ArrayList<>(CSVFormat.RFC4180.builder().setHeader()
                .setSkipHeaderRecord(true).get().parse(reader).getRecords());
            for (CSVRecord r : records) {
                if (!r.isConsistent()) {
                    // An unquoted comma shifts every later column: refuse rather than load damaged data.
                    throw new IllegalStateException(path + " line " + r.getRecordNumber() + " has " + r.size()
                        + " fields, the header has " + r.getParser().getHeaderNames().size()
                        + " (a comma inside an unquoted field?)");
                }
            }
            return records;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
