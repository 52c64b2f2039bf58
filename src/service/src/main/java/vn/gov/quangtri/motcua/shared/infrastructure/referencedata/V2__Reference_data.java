package vn.gov.quangtri.motcua.shared.infrastructure.referencedata;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * Flyway migration 2: loads the shipped reference data (agencies, holidays 2024–2027, procedures,
 * internal processes) once, in the migration's transaction. See {@link ReferenceDataImport}.
 */
public class V2__Reference_data extends BaseJavaMigration {

    @Override
    public void migrate(Context context) throws Exception {
        new ReferenceDataImport(context.getConnection()).importAll();
    }
}
