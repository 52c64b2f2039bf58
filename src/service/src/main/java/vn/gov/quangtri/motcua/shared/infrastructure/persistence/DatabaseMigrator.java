package vn.gov.quangtri.motcua.shared.infrastructure.persistence;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;
import vn.gov.quangtri.motcua.shared.infrastructure.referencedata.V2__Reference_data;

/**
 * Brings the schema up to date with Flyway when the application starts, before any other bean uses
 * the database. The schema is owned by the migrations in {@code db/migration} (EclipseLink never
 * creates tables); migration 2 loads the reference data. Works on PostgreSQL and on H2.
 */
@Singleton
@Startup
@TransactionManagement(TransactionManagementType.BEAN)
public class DatabaseMigrator {

    private static final Logger LOG = Logger.getLogger(DatabaseMigrator.class.getName());

    @Resource(lookup = "jdbc/motcua")
    private DataSource dataSource;

    /** The migrations written in Java (registered by hand: an EAR's class path is not scanned for them). */
    public static org.flywaydb.core.api.migration.JavaMigration[] javaMigrations() {
        return new org.flywaydb.core.api.migration.JavaMigration[] {new V2__Reference_data(), new V25__Search_indexes(),
            new V43__Unit_list_index()};
    }

    /** Runs pending migrations; a failure stops the deployment (no half-migrated schema is used). */
    @PostConstruct
    void migrate() {
        Flyway flyway = Flyway.configure(getClass().getClassLoader())
            .dataSource(dataSource)
            .locations("classpath:db/migration")
            .javaMigrations(javaMigrations())
            .load();
        MigrateResult result = flyway.migrate();
        LOG.info(() -> "Database schema at version " + flyway.info().current().getVersion()
            + " (" + result.migrationsExecuted + " migration(s) applied now)");
    }
}
