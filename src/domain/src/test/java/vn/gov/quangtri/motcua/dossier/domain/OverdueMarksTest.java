package vn.gov.quangtri.motcua.dossier.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The deadline sweep's overdue marks. Times UTC; "now" is 10 March 2026 03:00 UTC (10:00 in Vietnam). */
class OverdueMarksTest {

    static final Instant NOW = Instant.parse("2026-03-10T03:00:00Z");
    static final Instant PAST = Instant.parse("2026-03-09T02:00:00Z");
    static final Instant FUTURE = Instant.parse("2026-03-11T02:00:00Z");

    static OverdueMarks.Deadlines d(DossierStatus s, Instant due, Instant paused, Instant rescheduled,
                                    OverdueMarks.Step... steps) {
        return new OverdueMarks.Deadlines(7, "D7", "U", s, due, paused, rescheduled, List.of(steps));
    }

    @Test
    @DisplayName("appointment passed: the dossier mark with an apology due, and the late started step")
    void overdueDossierAndStep() {
        List<OverdueMarks.Mark> m = OverdueMarks.of(d(DossierStatus.IN_PROCESS, PAST, null, null,
            new OverdueMarks.Step(1, PAST.minusSeconds(90000), PAST.minusSeconds(3600), PAST.minusSeconds(7200)),
            new OverdueMarks.Step(2, PAST.minusSeconds(7200), PAST.minusSeconds(60), null),
            new OverdueMarks.Step(3, null, FUTURE, null)), NOW);
        assertEquals(List.of(new OverdueMarks.Mark(7, 0, "D7", "U", PAST, true),
            new OverdueMarks.Mark(7, 2, "D7", "U", PAST.minusSeconds(60), false)), m);
    }

    @Test
    @DisplayName("in time, finished, paused before the appointment: nothing; an apology already given: no apology due")
    void nothingOrNoApology() {
        assertEquals(List.of(), OverdueMarks.of(d(DossierStatus.IN_PROCESS, FUTURE, null, null), NOW));
        assertEquals(List.of(), OverdueMarks.of(d(DossierStatus.RESULT_READY, PAST, null, null), NOW));
        assertEquals(List.of(), OverdueMarks.of(d(DossierStatus.SUPPLEMENT_REQUESTED_IN_PROCESS, PAST,
            PAST.minusSeconds(60), null), NOW));
        assertEquals(List.of(new OverdueMarks.Mark(7, 0, "D7", "U", PAST, false)),
            OverdueMarks.of(d(DossierStatus.IN_PROCESS, PAST, null, FUTURE), NOW));
        // paused after the appointment had passed: overdue
        assertEquals(1, OverdueMarks.of(d(DossierStatus.SUPPLEMENT_REQUESTED_IN_PROCESS, PAST, PAST.plusSeconds(60),
            null), NOW).size());
    }
}
