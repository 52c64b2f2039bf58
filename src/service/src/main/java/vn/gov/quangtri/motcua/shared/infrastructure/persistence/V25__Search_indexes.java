package vn.gov.quangtri.motcua.shared.infrastructure.persistence;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Statement;
import java.util.logging.Logger;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * Flyway migration 25 (issue 12 §4): trigram indexes for the "contains" searches of the dossier search, the applicant
 * name without diacritics ({@code applicant_name_search LIKE '%nguyen%'}) and the dossier code ({@code code LIKE
 * '%0123%'}). A B-tree cannot serve a pattern that starts with {@code %}; on a province's year of dossiers such a
 * search read every row of the unit (or of the province). On PostgreSQL the {@code pg_trgm} extension's GIN indexes
 * answer it; H2 (development and tests) has no such index and keeps the plain scan. When the database user may not
 * create the extension (it is "trusted", so a database owner may, from PostgreSQL 13 on), the migration logs a
 * warning and leaves the search as it was: slower, never wrong.
 */
public class V25__Search_indexes extends BaseJavaMigration {

    private static final Logger LOG = Logger.getLogger(V25__Search_indexes.class.getName());

    @Override
    public void migrate(Context context) throws SQLException {
        Connection c = context.getConnection();
        if (!c.getMetaData().getDatabaseProductName().toLowerCase(java.util.Locale.ROOT).contains("postgresql")) {
            return;
        }
        Savepoint before = c.setSavepoint();
        try (Statement s = c.createStatement()) {
            s.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm");
        } catch (SQLException notAllowed) {
            c.rollback(before);
            LOG.warning(() -> "pg_trgm is not available (" + notAllowed.getMessage().strip() + "): dossier searches by"
                + " applicant name or part of a code read every row of the caller's units. Ask the database"
                + " administrator to run CREATE EXTENSION pg_trgm, then create the indexes of V25 by hand.");
            return;
        }
        try (Statement s = c.createStatement()) {
            s.execute("CREATE INDEX dossier_applicant_trgm_idx ON dossier USING gin (applicant_name_search gin_trgm_ops)");
            s.execute("CREATE INDEX dossier_code_trgm_idx ON dossier USING gin (code gin_trgm_ops)");
        }
    }
}
