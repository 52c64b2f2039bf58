package vn.gov.quangtri.motcua.dossier.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.EnumMap;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class CitizenStatusTest {

    /** The table of issue 13 §1, written out by hand: every internal status with its citizen's status and ask. */
    private static final Map<DossierStatus, Object[]> EXPECTED = new EnumMap<>(DossierStatus.class);

    static {
        EXPECTED.put(DossierStatus.SUBMITTED_ONLINE, new Object[] {CitizenStatus.RECEIVED, null});
        EXPECTED.put(DossierStatus.SUPPLEMENT_REQUESTED_AT_INTAKE,
            new Object[] {CitizenStatus.WAITING_FOR_YOU, CitizenStatus.WaitingFor.SUPPLEMENT});
        EXPECTED.put(DossierStatus.REFUSED, new Object[] {CitizenStatus.REFUSED, null});
        EXPECTED.put(DossierStatus.RECEIVED, new Object[] {CitizenStatus.RECEIVED, null});
        EXPECTED.put(DossierStatus.IN_PROCESS, new Object[] {CitizenStatus.IN_PROCESS, null});
        EXPECTED.put(DossierStatus.WAITING_INTERAGENCY, new Object[] {CitizenStatus.WAITING_FOR_OTHER_AGENCY, null});
        EXPECTED.put(DossierStatus.SUPPLEMENT_REQUESTED_IN_PROCESS,
            new Object[] {CitizenStatus.WAITING_FOR_YOU, CitizenStatus.WaitingFor.SUPPLEMENT});
        EXPECTED.put(DossierStatus.WAITING_FINANCIAL_OBLIGATION,
            new Object[] {CitizenStatus.WAITING_FOR_YOU, CitizenStatus.WaitingFor.FINANCIAL_OBLIGATION});
        EXPECTED.put(DossierStatus.STOPPED, new Object[] {CitizenStatus.STOPPED, null});
        EXPECTED.put(DossierStatus.NOT_APPROVED, new Object[] {CitizenStatus.RESULT_READY, null});
        EXPECTED.put(DossierStatus.RESULT_READY, new Object[] {CitizenStatus.RESULT_READY, null});
        EXPECTED.put(DossierStatus.RETURNED, new Object[] {CitizenStatus.RETURNED, null});
    }

    @Test
    @DisplayName("Every internal status maps to the citizen's status and ask of the table (none left out)")
    void everyStatusMapped() {
        assertEquals(DossierStatus.values().length, EXPECTED.size(), "the table names every internal status");
        for (DossierStatus s : DossierStatus.values()) {
            assertEquals(EXPECTED.get(s)[0], CitizenStatus.of(s), s.name());
            assertEquals(EXPECTED.get(s)[1], CitizenStatus.waitingFor(s), s.name());
        }
    }

    @Test
    @DisplayName("Every citizen's status is reached by some internal status")
    void everyCitizenStatusUsed() {
        for (CitizenStatus c : CitizenStatus.values()) {
            boolean reached = false;
            for (DossierStatus s : DossierStatus.values()) {
                reached |= CitizenStatus.of(s) == c;
            }
            assertEquals(true, reached, c.name());
        }
    }
}
