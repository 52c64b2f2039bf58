package vn.gov.quangtri.motcua.bench.generate;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import vn.gov.quangtri.motcua.calendar.domain.TimeLimit;

/** The reference data the generator reads from the database: units, procedures, their steps and documents. */
final class Reference {

    private Reference() {
    }

    /** A unit that receives dossiers, with its validity dates (null: open). */
    record Unit(String code, String level, String edoc, LocalDate validFrom, LocalDate validTo) {

        boolean validOn(LocalDate day) {
            return (validFrom == null || !day.isBefore(validFrom)) && (validTo == null || !day.isAfter(validTo));
        }

        /** The last part of the code, lower case, for officers' user names ({@code QT25.XA_VINH_LINH} → xa_vinh_linh). */
        String suffix() {
            String c = code.toLowerCase(Locale.ROOT);
            return c.substring(c.lastIndexOf('.') + 1);
        }
    }

    /**
     * An internal step.
     *
     * @param minutes working minutes allotted
     * @param share   its share of the whole time (0..1)
     */
    record Step(String name, String role, String kind, String responsibleUnit, long minutes, double share) {
    }

    /** A required document of a procedure. */
    record Document(String name, String form, int quantity) {
    }

    /**
     * A procedure of the catalogue with a time limit.
     *
     * @param weight   how often it is asked for, relative
     * @param lateRate share of its dossiers that end late
     */
    record Procedure(long id, String code, String name, String field, boolean province, boolean commune,
                     TimeLimit limit, Long fee, boolean pauseForFinance, int revision, List<Step> steps,
                     List<Document> documents, double weight, double lateRate) {
    }
}
