package vn.gov.quangtri.motcua.shared.infrastructure.persistence;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * Flyway migration 43 (issue 12 §4, lists at scale): an index by receiving unit and id for the lists of a unit's
 * dossiers. On PostgreSQL it replaces {@code dossier_agency_idx} (unit only), whose work it does; on H2 that index
 * stays (H2 may hold it for the foreign key to {@code agency}).
 *
 * <p>On a province's year (a million dossiers, a commune's ten thousand spread over the whole table), counting a
 * unit's dossiers, or its dossiers whose applicant name contains some words, read one table page per dossier
 * (200 ms cold for a commune). On PostgreSQL the index also carries the folded applicant name, the status and the
 * inter-agency flag ({@code INCLUDE}), so that these counts, the dashboard's count by status and the ids of a search
 * page are answered from the index alone (index-only scans, 2–4 ms). H2 has no {@code INCLUDE}: there the index
 * has the two key columns only (the same order, no covering).
 */
public class V43__Unit_list_index extends BaseJavaMigration {

    @Override
    public void migrate(Context context) throws SQLException {
        Connection c = context.getConnection();
        boolean postgresql = c.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT).contains("postgresql");
        try (Statement s = c.createStatement()) {
            s.execute(postgresql
                ? "CREATE INDEX dossier_agency_id_idx ON dossier (receiving_agency_code, id)"
                    + " INCLUDE (applicant_name_search, status, inter_agency_child)"
                : "CREATE INDEX dossier_agency_id_idx ON dossier (receiving_agency_code, id)");
            if (postgresql) {
                s.execute("DROP INDEX dossier_agency_idx");
            }
        }
    }
}
